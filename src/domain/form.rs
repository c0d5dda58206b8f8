//! Server-described forms (registration, recovery): which inputs to show, client-side checks
//! before sending, and the body to send.
//!
//! Checks run before a request so the customer hears about an empty required field or a
//! malformed e-mail at once, with the same message style as the server's own errors. The server
//! still has the last word.

use crate::model::fields::{FieldType, FormField};
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
        FieldType::Number if crate::model::lenient::parse_decimal(v).is_none() => {
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

/// The registration body's field part: one key per field id, plus the compatibility keys one
/// server family requires — `login` (the login field's value) when no field is called `login`,
/// and `password_confirm` equal to the password. `value_of` gives what the customer typed.
pub fn registration_values(
    fields: &[FormField],
    login_id: Option<&str>,
    value_of: impl Fn(&str) -> String,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = fields
        .iter()
        .filter(|f| is_shown(f))
        .map(|f| (f.id.clone(), wire_value(f, &value_of(&f.id))))
        .collect();
    let get = |out: &[(String, String)], id: &str| {
        out.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone())
    };
    if !fields.iter().any(|f| f.id == "login") {
        if let Some(login) = login_id.and_then(|id| get(&out, id)) {
            out.push(("login".into(), login));
        }
    }
    let password = fields
        .iter()
        .find(|f| f.field_type == FieldType::Password && is_shown(f))
        .and_then(|f| get(&out, &f.id));
    if let Some(password) = password {
        out.push(("password_confirm".into(), password));
    }
    out
}

/// A value to confirm with a code, in the order the server listed the fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeTarget {
    pub field_id: String,
    pub value: String,
    /// The verification screen's prompt (the field's `text`), if the server gave one.
    pub prompt: Option<String>,
    /// Seconds before "send again".
    pub resend_after: u32,
    /// How to type the code.
    pub code_type: FieldType,
    /// The field's title, for "change <title>".
    pub title: String,
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

/// What of a registration survives a reload (kept in session storage): the values typed — never
/// a password — and the code step reached.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegistrationDraft {
    pub values: ByField<String>,
    pub queue: Vec<CodeTarget>,
    pub step: Option<usize>,
}

impl RegistrationDraft {
    /// The draft as it may be stored: without the values of `fields` that are passwords.
    pub fn without_secrets(&self, fields: &[FormField]) -> Self {
        let secret =
            |id: &str| fields.iter().any(|f| f.id == id && f.field_type == FieldType::Password);
        let mut kept = self.clone();
        kept.values.retain(|id| !secret(id));
        kept
    }
}

/// Every field with `need_verification`, with the value that was submitted.
pub fn verification_queue(fields: &[FormField], values: &[(String, String)]) -> Vec<CodeTarget> {
    fields
        .iter()
        .filter(|f| f.need_verification)
        .filter_map(|f| {
            let value = values.iter().find(|(k, _)| *k == f.id)?.1.clone();
            Some(CodeTarget {
                field_id: f.id.clone(),
                value,
                prompt: f.text.clone(),
                resend_after: f.time.unwrap_or(60),
                code_type: f.code_input_type.clone().unwrap_or(FieldType::Number),
                title: f.label().to_string(),
            })
        })
        .collect()
}

/// How an input for a field is drawn: `type`, `inputmode` and `autocomplete`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputKind {
    pub input_type: &'static str,
    pub inputmode: &'static str,
    pub autocomplete: &'static str,
}

/// The input attributes for a field: the right keyboard on phones and the right autofill.
pub fn input_kind(field: &FormField, is_login: bool) -> InputKind {
    kind_of(&field.field_type, &field.id, is_login)
}

/// [`input_kind`] from a type and an id (profile fields are not form fields).
pub fn kind_of(field_type: &FieldType, id: &str, is_login: bool) -> InputKind {
    let (input_type, inputmode, autocomplete) = match field_type {
        FieldType::Email => ("email", "email", "email"),
        FieldType::Phone => ("tel", "tel", "tel"),
        FieldType::Number => ("text", "decimal", "off"),
        FieldType::Password => ("password", "text", "new-password"),
        FieldType::DatePicker => {
            ("date", "none", if id.contains("birth") { "bday" } else { "off" })
        }
        _ => (
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
    InputKind {
        input_type,
        inputmode,
        autocomplete: if is_login { "username" } else { autocomplete },
    }
}

/// A DOM id for a server field id (which may hold anything).
pub fn dom_id(prefix: &str, field_id: &str) -> String {
    let safe: String = field_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
        .collect();
    format!("{prefix}-{safe}")
}

/// Whole seconds left until `deadline_ms` (rounded up), zero once passed.
pub fn seconds_left(deadline_ms: u64, now_ms: u64) -> u32 {
    u32::try_from(deadline_ms.saturating_sub(now_ms).div_ceil(1000)).unwrap_or(u32::MAX)
}

/// `m:ss`.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_registration_draft_survives_storage_without_passwords() {
        let fields = [
            FormField::simple("email", FieldType::Email, "E-mail", true),
            FormField::simple("password", FieldType::Password, "Пароль", true),
        ];
        let mut values = ByField::default();
        values.insert("email".into(), "anna@example.com".into());
        values.insert("password".into(), "secret \"1\"".into());
        let target = CodeTarget {
            field_id: "email".into(),
            value: "anna@example.com".into(),
            prompt: Some("Код из письма".into()),
            resend_after: 60,
            code_type: FieldType::Number,
            title: "E-mail".into(),
        };
        let draft = RegistrationDraft { values, queue: vec![target], step: Some(0) };
        let text = serde_json::to_string(&draft.without_secrets(&fields)).unwrap();
        assert!(!text.contains("secret"), "{text}");
        let read = |text: &str| serde_json::from_str::<RegistrationDraft>(text).ok();
        let back = read(&text).unwrap();
        assert_eq!(back.values.get("email").map(String::as_str), Some("anna@example.com"));
        assert!(!back.values.contains("password"));
        assert_eq!((back.queue, back.step), (draft.queue, draft.step));
        assert_eq!(read("[1]"), None);
        assert_eq!(read("{"), None);
    }

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
    fn compatibility_keys() {
        let fields = [
            field("email", FieldType::Email, true),
            field("password", FieldType::Password, true),
            field("password_confirm", FieldType::Password, true),
            field("birthday", FieldType::DatePicker, false),
        ];
        assert!(!is_shown(&fields[2]));
        let values = registration_values(&fields, Some("email"), |id| match id {
            "email" => " a@b.ru ".into(),
            "password" => "s3cret ".into(),
            "birthday" => "1988-11-07".into(),
            _ => String::new(),
        });
        let get = |k: &str| values.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        assert_eq!(get("email"), Some("a@b.ru"));
        assert_eq!(get("login"), Some("a@b.ru"));
        assert_eq!(get("password"), Some("s3cret "));
        assert_eq!(get("password_confirm"), Some("s3cret "));
        assert_eq!(get("birthday"), Some("07.11.1988"));
        assert_eq!(values.iter().filter(|(k, _)| k == "password_confirm").count(), 1);
    }

    #[test]
    fn no_login_key_when_a_field_is_called_login() {
        let fields =
            [field("login", FieldType::Text, true), field("email", FieldType::Email, true)];
        let values = registration_values(&fields, Some("login"), |_| "x".into());
        assert_eq!(values.iter().filter(|(k, _)| k == "login").count(), 1);
    }

    #[test]
    fn queue_follows_the_server_order() {
        let mut phone = field("phone", FieldType::Phone, true);
        phone.need_verification = true;
        phone.time = Some(120);
        let mut email = field("email", FieldType::Email, true);
        email.need_verification = true;
        let fields = [phone, field("name", FieldType::Text, true), email];
        let values = vec![
            ("phone".to_string(), "+79161234567".to_string()),
            ("email".to_string(), "a@b.ru".to_string()),
        ];
        let q = verification_queue(&fields, &values);
        assert_eq!(q.iter().map(|t| t.field_id.as_str()).collect::<Vec<_>>(), ["phone", "email"]);
        assert_eq!(q[0].resend_after, 120);
        assert_eq!(q[1].resend_after, 60, "no time → a minute");
    }

    #[test]
    fn input_kinds() {
        let k = input_kind(&field("email", FieldType::Email, true), true);
        assert_eq!((k.input_type, k.inputmode, k.autocomplete), ("email", "email", "username"));
        let k = input_kind(&field("phone", FieldType::Phone, true), false);
        assert_eq!((k.input_type, k.autocomplete), ("tel", "tel"));
        let k = input_kind(&field("pw", FieldType::Password, true), false);
        assert_eq!(k.autocomplete, "new-password");
        let k = input_kind(&field("x", FieldType::Unknown("rating".into()), true), false);
        assert_eq!(k.input_type, "text", "unknown types are text inputs");
        assert_eq!(dom_id("wc-f", "e mail\"<x>"), "wc-f-e_mail__x_");
    }

    #[test]
    fn countdown() {
        assert_eq!(seconds_left(10_000, 9_001), 1);
        assert_eq!(seconds_left(10_000, 10_000), 0);
        assert_eq!(seconds_left(10_000, 50_000), 0);
        assert_eq!(clock(61), "1:01");
        assert_eq!(clock(0), "0:00");
    }
}
