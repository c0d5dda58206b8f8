//! Server-described forms (registration, recovery, profile edits): which inputs to show,
//! client-side checks before sending, and each value as the wire wants it.
//!
//! Checks run before a request so the customer hears about an empty required field or a
//! malformed e-mail at once, with the same message style as the server's own errors. The server
//! still has the last word.

use crate::core::i18n::Strings;
use crate::core::logic::locale::Lang;
use crate::shared::forms::phrases::WORDS;
use crate::shared::forms::wire::{FieldType, FormField};
use serde::{Deserialize, Serialize};

/// Why a value can't be sent yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    Email,
    Phone,
    Number,
    Date,
}

impl Problem {
    /// What the customer is told.
    pub fn message(self, lang: Lang) -> &'static str {
        let said = WORDS.of(lang);
        match self {
            Self::Required => Strings::of(lang).required,
            Self::Email => said.problem_email,
            Self::Phone => said.problem_phone,
            Self::Number => said.problem_number,
            Self::Date => said.problem_date,
        }
    }
}

/// Ids of confirmation fields the cabinet fills itself: the customer is never asked twice.
const CONFIRMATIONS: [&str; 2] = ["password_confirm", "confirm_password"];

/// Whether the form shows this field (confirmation fields are filled from the password).
pub fn is_shown(field: &FormField) -> bool {
    !CONFIRMATIONS.contains(&field.id.as_str())
}

/// Check one value as the customer typed it (`date_picker` values as `yyyy-mm-dd`, checkboxes
/// as `"Y"`/`"N"`).
pub fn check(field: &FormField, value: &str) -> Option<Problem> {
    let v = value.trim();
    let empty = match field.field_type {
        FieldType::Checkbox => v != "Y",
        FieldType::Password => value.is_empty(),
        _ => v.is_empty(),
    };
    if empty {
        return field.required.then_some(Problem::Required);
    }
    match field.field_type {
        FieldType::Email if !plausible_email(v) => Some(Problem::Email),
        FieldType::Phone if !plausible_phone(v) => Some(Problem::Phone),
        FieldType::Number if crate::core::api::lenient::parse_decimal(v).is_none() => {
            Some(Problem::Number)
        }
        FieldType::DatePicker if date_to_wire(v).is_none() => Some(Problem::Date),
        _ => None,
    }
}

pub fn plausible_email(v: &str) -> bool {
    let Some((local, domain)) = v.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.len() >= 3
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !v.chars().any(char::is_whitespace)
}

/// Digits with the usual punctuation (`+7 (916) 123-45-67`), 10 to 15 digits.
pub fn plausible_phone(v: &str) -> bool {
    let allowed = v.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits = v.chars().filter(char::is_ascii_digit).count();
    allowed && (10..=15).contains(&digits)
}

/// `yyyy-mm-dd` (what `<input type=date>` gives) → `dd.mm.yyyy` (what servers expect).
pub fn date_to_wire(v: &str) -> Option<String> {
    let mut parts = v.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let ok = y.len() == 4
        && m.len() == 2
        && d.len() == 2
        && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&m.parse::<u32>().ok()?)
        && (1..=31).contains(&d.parse::<u32>().ok()?);
    ok.then(|| format!("{d}.{m}.{y}"))
}

/// The value to send for a field.
pub fn wire_value(field: &FormField, value: &str) -> String {
    match field.field_type {
        FieldType::Password => value.to_string(),
        FieldType::DatePicker => date_to_wire(value).unwrap_or_else(|| value.trim().to_string()),
        FieldType::Checkbox => if value == "Y" { "Y" } else { "N" }.to_string(),
        _ => value.trim().to_string(),
    }
}

/// Values (or problems) by field id. A form has a handful of fields, so a list searched in
/// order does the job of a `BTreeMap`, whose code would cost the bundle 7 KB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ByField<V>(Vec<(String, V)>);

impl<V> Default for ByField<V> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<V> ByField<V> {
    pub fn get(&self, id: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    pub fn insert(&mut self, id: String, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == id) {
            Some(slot) => slot.1 = value,
            None => self.0.push((id, value)),
        }
    }

    pub fn remove(&mut self, id: &str) {
        self.0.retain(|(k, _)| k != id);
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.0.retain(|(k, _)| keep(k));
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }
}

impl<V> FromIterator<(String, V)> for ByField<V> {
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        let mut out = Self::default();
        for (k, v) in iter {
            out.insert(k, v);
        }
        out
    }
}

/// What an input is for, beside its type: an e-mail typed as a new value, as a login and as a
/// code wants three different things from the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// A value the customer gives: registration, recovery, a profile edit.
    NewValue,
    /// A login, or the password of a sign-in: what the password manager has saved.
    Login,
    /// A code the shop sent (its type is the field's `code_input_type`).
    Code,
}

/// How an input is drawn: `type`, `inputmode` (the phone's keyboard), `autocomplete`, and
/// whether what is typed is masked (with a way to show it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputKind {
    pub input_type: &'static str,
    pub inputmode: &'static str,
    pub autocomplete: &'static str,
    pub masked: bool,
}

/// The one table of input kinds: every input of registration, recovery, sign-in, the profile
/// editor and the code step takes its attributes from here, by the server's type (`type`, or
/// `code_input_type` for a code), the field's id (for autofill of names and birthdays) and its
/// purpose. A code is never of type `email`, `tel` or `number` (the browser would check, trim or
/// spin it): it is text with the keyboard its type asks for.
pub fn input_kind(field_type: &FieldType, id: &str, purpose: Purpose) -> InputKind {
    use Purpose::{Code, Login, NewValue};
    let (input_type, inputmode, autocomplete) = match (field_type, purpose) {
        (FieldType::Password, NewValue) => ("password", "text", "new-password"),
        (FieldType::Password, Login) => ("password", "text", "current-password"),
        (FieldType::Password, Code) => ("password", "text", "one-time-code"),
        (FieldType::Email, Code) => ("text", "email", "one-time-code"),
        (FieldType::Phone | FieldType::Number, Code) => ("text", "numeric", "one-time-code"),
        (_, Code) => ("text", "text", "one-time-code"),
        (FieldType::Email, NewValue) => ("email", "email", "email"),
        (FieldType::Email, Login) => ("email", "email", "username"),
        (FieldType::Phone, NewValue) => ("tel", "tel", "tel"),
        (FieldType::Phone, Login) => ("tel", "tel", "username"),
        (FieldType::Number, NewValue) => ("text", "decimal", "off"),
        (FieldType::Number, Login) => ("text", "numeric", "username"),
        (FieldType::DatePicker, NewValue) => {
            ("date", "none", if id.contains("birth") { "bday" } else { "off" })
        }
        (_, Login) => ("text", "text", "username"),
        (_, NewValue) => (
            "text",
            "text",
            match id {
                "name" | "first_name" => "given-name",
                "last_name" | "surname" => "family-name",
                "fio" | "full_name" => "name",
                _ => "on",
            },
        ),
    };
    InputKind { input_type, inputmode, autocomplete, masked: input_type == "password" }
}

/// The input kind of a registration or recovery field (`is_login`: the form's login field).
pub fn field_input_kind(field: &FormField, is_login: bool) -> InputKind {
    let purpose = if is_login { Purpose::Login } else { Purpose::NewValue };
    input_kind(&field.field_type, &field.id, purpose)
}

/// A DOM id for a server field id (which may hold anything).
pub fn dom_id(prefix: &str, field_id: &str) -> String {
    let safe: String = field_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    format!("{prefix}-{safe}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_field_keeps_one_value_per_id() {
        let mut m: ByField<u32> =
            [("a".to_string(), 1), ("b".to_string(), 2)].into_iter().collect();
        m.insert("a".into(), 3);
        assert_eq!(m.get("a"), Some(&3));
        assert_eq!(m.iter().count(), 2);
        m.remove("a");
        assert!(!m.contains("a") && m.contains("b"));
        m.retain(|k| k != "b");
        assert_eq!(m, ByField::default());
    }

    fn field(id: &str, ty: FieldType, required: bool) -> FormField {
        FormField {
            id: id.into(),
            field_type: ty,
            title: id.into(),
            required,
            need_verification: false,
            time: None,
            text: None,
            editable: false,
            code_input_type: None,
            is_login: None,
            options: Vec::new(),
        }
    }

    #[test]
    fn checks() {
        let email = field("email", FieldType::Email, true);
        assert_eq!(check(&email, " "), Some(Problem::Required));
        assert_eq!(check(&email, "a@b"), Some(Problem::Email));
        assert_eq!(check(&email, "a@b.ru"), None);
        let phone = field("phone", FieldType::Phone, false);
        assert_eq!(check(&phone, ""), None, "optional and empty is fine");
        assert_eq!(check(&phone, "12-34"), Some(Problem::Phone));
        assert_eq!(check(&phone, "+7 (916) 123-45-67"), None);
        assert_eq!(check(&field("n", FieldType::Number, true), "12,5"), None);
        assert_eq!(check(&field("n", FieldType::Number, true), "12x"), Some(Problem::Number));
        assert_eq!(check(&field("agree", FieldType::Checkbox, true), "N"), Some(Problem::Required));
        assert_eq!(check(&field("agree", FieldType::Checkbox, true), "Y"), None);
        assert_eq!(
            check(&field("pw", FieldType::Password, true), " "),
            None,
            "spaces are a password"
        );
        assert_eq!(check(&field("d", FieldType::DatePicker, true), "1988-11-07"), None);
    }

    #[test]
    fn dates_go_out_as_dd_mm_yyyy() {
        assert_eq!(date_to_wire("1988-11-07").as_deref(), Some("07.11.1988"));
        assert_eq!(date_to_wire("1988-13-07"), None);
        assert_eq!(date_to_wire("07.11.1988"), None);
    }

    #[test]
    fn input_kinds() {
        let k = field_input_kind(&field("email", FieldType::Email, true), true);
        assert_eq!((k.input_type, k.inputmode, k.autocomplete), ("email", "email", "username"));
        let k = field_input_kind(&field("phone", FieldType::Phone, true), false);
        assert_eq!((k.input_type, k.autocomplete), ("tel", "tel"));
        let k = field_input_kind(&field("pw", FieldType::Password, true), false);
        assert_eq!((k.autocomplete, k.masked), ("new-password", true));
        let k = field_input_kind(&field("x", FieldType::Unknown("rating".into()), true), false);
        assert_eq!(k.input_type, "text", "unknown types are text inputs");
        let k = input_kind(&FieldType::Password, "password", Purpose::Login);
        assert_eq!((k.autocomplete, k.masked), ("current-password", true), "a sign-in password");
        let k = input_kind(&FieldType::Phone, "phone", Purpose::Login);
        assert_eq!((k.input_type, k.inputmode, k.autocomplete), ("tel", "tel", "username"));
    }

    #[test]
    fn a_code_types_as_its_code_input_type_says() {
        let code = |t: FieldType| {
            let k = input_kind(&t, "", Purpose::Code);
            (k.input_type, k.inputmode, k.autocomplete, k.masked)
        };
        assert_eq!(code(FieldType::Password), ("password", "text", "one-time-code", true));
        assert_eq!(code(FieldType::Email), ("text", "email", "one-time-code", false));
        assert_eq!(code(FieldType::Number), ("text", "numeric", "one-time-code", false));
        assert_eq!(code(FieldType::Phone), ("text", "numeric", "one-time-code", false));
        assert_eq!(code(FieldType::Text), ("text", "text", "one-time-code", false));
        assert_eq!(
            code(FieldType::Unknown("pin".into())),
            ("text", "text", "one-time-code", false)
        );
    }

    #[test]
    fn dom_ids_are_safe() {
        assert_eq!(dom_id("wc-f", "e mail\"<x>"), "wc-f-e_mail__x_");
    }
}
