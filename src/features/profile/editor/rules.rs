//! Editing a profile value against servers that describe it poorly.
//!
//! The published module sends profile fields without `type` and without `verified`, and answers
//! `ok` to a change it did not apply. So: a profile field edits with the registration field of
//! the same id (its type, options and autocomplete), a change counts as saved only when the
//! reloaded profile shows it, and a contact the customer confirmed with a code in this tab shows
//! as confirmed until the server reports otherwise.

use crate::core::logic::text::fold_case;
use crate::features::profile::wire::{EditableValue, Verification};
use crate::shared::forms::logic::{date_to_wire, wire_value};
use crate::shared::forms::wire::{FieldType, FormField};

/// The form field a profile value is edited with: the profile's own type when it sent one,
/// else the registration field with the same id (type and options), else text. It is required
/// (may not be cleared) when the profile or that registration field says so; any other value
/// may be cleared, and is sent empty.
pub fn edit_field(field: &EditableValue, registration: &[FormField]) -> FormField {
    let twin = registration.iter().find(|f| f.id == field.id);
    let (field_type, options) = match (&field.field_type, twin) {
        (FieldType::Text, Some(twin)) => (twin.field_type.clone(), twin.options.clone()),
        (own, _) => (own.clone(), Vec::new()),
    };
    // A select without options cannot be edited as one.
    let field_type = match field_type {
        FieldType::SelectBox if options.is_empty() => FieldType::Text,
        other => other,
    };
    FormField {
        id: field.id.clone(),
        field_type,
        title: field.title.clone().unwrap_or_else(|| field.id.clone()),
        required: field.required || twin.is_some_and(|t| t.required),
        need_verification: field.need_verification,
        time: field.time,
        text: field.text.clone(),
        editable: true,
        code_input_type: field.code_input_type.clone(),
        is_login: None,
        options,
    }
}

/// What the editor starts with for a profile value: a date as `yyyy-mm-dd` (the date input's
/// format), a select's option id (the profile may show the option's text), else the value.
pub fn editor_value(field: &FormField, shown: &str) -> String {
    let shown = shown.trim();
    match field.field_type {
        FieldType::DatePicker => date_from_wire(shown).unwrap_or_else(|| shown.to_string()),
        FieldType::SelectBox => field
            .options
            .iter()
            .find(|o| o.id == shown || o.value.trim() == shown)
            .map_or_else(|| shown.to_string(), |o| o.id.clone()),
        _ => shown.to_string(),
    }
}

/// What to send for what the editor holds (a date goes out as `dd.mm.yyyy`; a value cleared
/// goes out empty, as the document's "the new value of the field" allows), or `None` when the
/// value is required and was cleared.
pub fn value_to_send(field: &FormField, typed: &str) -> Option<String> {
    let sent = wire_value(field, typed);
    (!field.required || !sent.trim().is_empty()).then_some(sent)
}

/// `dd.mm.yyyy` → `yyyy-mm-dd`; `None` when it is not such a date.
pub fn date_from_wire(v: &str) -> Option<String> {
    let mut parts = v.trim().splitn(3, '.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let iso = format!("{y}-{m}-{d}");
    date_to_wire(&iso).map(|_| iso)
}

/// Whether the reloaded profile shows a change as made: the value is what was sent (allowing for
/// how a server writes phones, e-mails and options), or at least no longer what it was.
pub fn change_applied(
    field: &FormField,
    before: Option<&str>,
    after: Option<&str>,
    sent: &str,
) -> bool {
    let after = after.unwrap_or("");
    let same = |a: &str, b: &str| comparable(field, a) == comparable(field, b);
    same(after, sent) || !same(after, before.unwrap_or(""))
}

/// A value reduced to what makes it the same value: digits of a phone, an e-mail in lower case,
/// a select's option id.
fn comparable(field: &FormField, v: &str) -> String {
    let v = v.trim();
    match field.field_type {
        FieldType::Phone => contact_key(v),
        FieldType::Email => fold_case(v),
        FieldType::SelectBox => field
            .options
            .iter()
            .find(|o| o.id == v || o.value.trim() == v)
            .map_or_else(|| v.to_string(), |o| o.id.clone()),
        FieldType::DatePicker => date_from_wire(v).unwrap_or_else(|| v.to_string()),
        _ => v.to_string(),
    }
}

/// A contact reduced for matching: a phone number to its digits with a leading Russian 8 read as
/// 7, anything else trimmed and in lower case (Latin and Cyrillic: `fold_case`).
pub fn contact_key(v: &str) -> String {
    let v = v.trim();
    let phone_like = v.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits: String = v.chars().filter(char::is_ascii_digit).collect();
    if phone_like && digits.len() >= 7 {
        match digits.strip_prefix('8') {
            Some(rest) if digits.len() == 11 => format!("7{rest}"),
            _ => digits,
        }
    } else {
        fold_case(v)
    }
}

/// The badge a value shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Badge {
    Confirmed,
    /// With a "confirm" button.
    NotConfirmed,
    None,
}

/// What to show for a value's confirmation: the server's word when it gives one; when it does
/// not, "confirmed" if the customer confirmed this very value here, and nothing otherwise — never
/// "not confirmed" with a confirm button that would loop.
pub fn badge(field: &EditableValue, confirmed_here: &[(String, String)]) -> Badge {
    match field.verification {
        Verification::NotNeeded => Badge::None,
        Verification::Confirmed => Badge::Confirmed,
        Verification::NotConfirmed => Badge::NotConfirmed,
        Verification::Unreported => {
            let value = contact_key(field.value.as_deref().unwrap_or(""));
            let mine = confirmed_here
                .iter()
                .any(|(id, v)| *id == field.id && !value.is_empty() && contact_key(v) == value);
            if mine {
                Badge::Confirmed
            } else {
                Badge::None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared::forms::wire::SelectOption;

    fn profile_value(id: &str, value: &str, verification: Verification) -> EditableValue {
        EditableValue {
            id: id.into(),
            title: Some(id.to_uppercase()),
            value: Some(value.into()),
            editable: true,
            required: false,
            field_type: FieldType::Text,
            need_verification: verification != Verification::NotNeeded,
            verification,
            time: None,
            text: None,
            code_input_type: None,
        }
    }

    fn registration(id: &str, field_type: FieldType, options: &[(&str, &str)]) -> FormField {
        let mut f = edit_field(&profile_value(id, "", Verification::NotNeeded), &[]);
        f.field_type = field_type;
        f.options = options
            .iter()
            .map(|(id, value)| SelectOption { id: (*id).into(), value: (*value).into() })
            .collect();
        f
    }

    #[test]
    fn a_typeless_profile_field_edits_as_its_registration_twin() {
        let reg = [
            registration("phone", FieldType::Phone, &[]),
            registration("gender", FieldType::SelectBox, &[("1", "Мужской"), ("2", "Женский")]),
            registration("birthday", FieldType::DatePicker, &[]),
        ];
        let phone = edit_field(&profile_value("phone", "+7", Verification::Unreported), &reg);
        assert_eq!(phone.field_type, FieldType::Phone);
        let gender = edit_field(&profile_value("gender", "Женский", Verification::NotNeeded), &reg);
        assert_eq!(gender.field_type, FieldType::SelectBox);
        assert_eq!(gender.options.len(), 2);
        assert_eq!(gender.title, "GENDER", "the profile's own title");
        assert_eq!(editor_value(&gender, "Женский"), "2");
        let birthday = edit_field(&profile_value("birthday", "", Verification::NotNeeded), &reg);
        assert_eq!(editor_value(&birthday, "07.11.1988"), "1988-11-07");
        assert_eq!(value_to_send(&birthday, "1988-11-07").as_deref(), Some("07.11.1988"));
        let other = edit_field(&profile_value("nickname", "", Verification::NotNeeded), &reg);
        assert_eq!(other.field_type, FieldType::Text, "no twin: text");
        // A type the profile sends itself wins.
        let mut typed = profile_value("gender", "", Verification::NotNeeded);
        typed.field_type = FieldType::Email;
        assert_eq!(edit_field(&typed, &reg).field_type, FieldType::Email);
        // A select with no options would offer nothing to pick.
        let empty = [registration("gender", FieldType::SelectBox, &[])];
        let gender = profile_value("gender", "", Verification::NotNeeded);
        assert_eq!(edit_field(&gender, &empty).field_type, FieldType::Text);
    }

    #[test]
    fn a_value_no_one_requires_can_be_cleared() {
        let mut required_twin = registration("phone", FieldType::Phone, &[]);
        required_twin.required = true;
        let reg = [required_twin];
        let phone = edit_field(&profile_value("phone", "+7", Verification::NotNeeded), &reg);
        assert!(phone.required, "the registration form requires it");
        assert_eq!(value_to_send(&phone, "  "), None, "a required value is not cleared");
        let city = edit_field(&profile_value("city", "Москва", Verification::NotNeeded), &reg);
        assert!(!city.required);
        assert_eq!(value_to_send(&city, "  ").as_deref(), Some(""), "sent empty");
        let mut own = profile_value("nick", "A", Verification::NotNeeded);
        own.required = true;
        assert_eq!(value_to_send(&edit_field(&own, &[]), ""), None, "the profile requires it");
        // The reloaded profile shows it cleared: saved.
        assert!(change_applied(&city, Some("Москва"), None, ""));
        assert!(change_applied(&city, Some("Москва"), Some(""), ""));
        assert!(!change_applied(&city, Some("Москва"), Some("Москва"), ""));
    }

    #[test]
    fn saved_only_when_the_reloaded_profile_shows_it() {
        let text = registration("last_name", FieldType::Text, &[]);
        assert!(change_applied(&text, Some("Смирнова"), Some("Петрова"), "Петрова"));
        assert!(!change_applied(&text, Some("Смирнова"), Some("Смирнова"), "Петрова"));
        assert!(change_applied(&text, Some("Смирнова"), Some("Смирнова"), "Смирнова"), "no-op");
        let phone = registration("phone", FieldType::Phone, &[]);
        assert!(change_applied(
            &phone,
            Some("+79160000000"),
            Some("+79161112233"),
            "8 916 111-22-33"
        ));
        let gender =
            registration("gender", FieldType::SelectBox, &[("1", "Мужской"), ("2", "Женский")]);
        assert!(!change_applied(&gender, Some("Мужской"), Some("Мужской"), "2"));
        assert!(change_applied(&gender, Some("Мужской"), Some("Женский"), "2"));
        let email = registration("email", FieldType::Email, &[]);
        assert!(change_applied(&email, Some("a@b.ru"), Some("New@B.ru"), "new@b.ru"));
    }

    #[test]
    fn confirmed_here_shows_as_confirmed_when_the_server_does_not_say() {
        let here = vec![("phone".to_string(), "8 (916) 123-45-67".to_string())];
        let unreported = profile_value("phone", "+79161234567", Verification::Unreported);
        assert_eq!(badge(&unreported, &here), Badge::Confirmed);
        assert_eq!(badge(&unreported, &[]), Badge::None, "no false 'not confirmed'");
        let other = profile_value("phone", "+79990000000", Verification::Unreported);
        assert_eq!(badge(&other, &here), Badge::None, "another number");
        let reported = profile_value("phone", "+79161234567", Verification::NotConfirmed);
        assert_eq!(badge(&reported, &here), Badge::NotConfirmed, "the server's word wins");
        let yes = profile_value("phone", "+79161234567", Verification::Confirmed);
        assert_eq!(badge(&yes, &[]), Badge::Confirmed);
        assert_eq!(badge(&profile_value("name", "A", Verification::NotNeeded), &here), Badge::None);
    }

    #[test]
    fn contacts_compare_by_what_they_are() {
        assert_eq!(contact_key("8 (916) 123-45-67"), contact_key("+7 916 123 45 67"));
        assert_eq!(contact_key(" Anna@Example.com "), "anna@example.com");
        assert_ne!(contact_key("+79161234567"), contact_key("+79161234568"));
    }
}
