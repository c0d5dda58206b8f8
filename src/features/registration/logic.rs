//! The registration body and the draft that survives a reload, pure.

use serde::{Deserialize, Serialize};

use crate::shared::code_step::logic::CodeTarget;
use crate::shared::forms::logic::{is_shown, wire_value, ByField};
use crate::shared::forms::wire::{FieldType, FormField};

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
            sent_at_ms: 1_700_000_000_000,
            code_type: FieldType::Number,
            title: "E-mail".into(),
            changeable: false,
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
    fn compatibility_keys() {
        let fields = [
            FormField::simple("email", FieldType::Email, "email", true),
            FormField::simple("password", FieldType::Password, "password", true),
            FormField::simple("password_confirm", FieldType::Password, "password_confirm", true),
            FormField::simple("birthday", FieldType::DatePicker, "birthday", false),
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
        let fields = [
            FormField::simple("login", FieldType::Text, "login", true),
            FormField::simple("email", FieldType::Email, "email", true),
        ];
        let values = registration_values(&fields, Some("login"), |_| "x".into());
        assert_eq!(values.iter().filter(|(k, _)| k == "login").count(), 1);
    }
}
