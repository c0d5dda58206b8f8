//! Which registration field is the login — it labels and types the sign-in screen's login input.

use crate::shared::forms::wire::{FieldType, FormField};

/// The field marked `isLogin`; failing that (most real servers send no `isLogin`), the one with id
/// `login`, `email` or `phone` (in that order); failing that, the first e-mail field.
pub fn login_field(fields: &[FormField]) -> Option<&FormField> {
    fields
        .iter()
        .find(|f| f.is_login == Some(true))
        .or_else(|| {
            ["login", "email", "phone"].iter().find_map(|id| fields.iter().find(|f| f.id == *id))
        })
        .or_else(|| fields.iter().find(|f| f.field_type == FieldType::Email))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(id: &str, ty: FieldType, is_login: Option<bool>) -> FormField {
        FormField {
            id: id.into(),
            field_type: ty,
            title: id.into(),
            required: true,
            need_verification: false,
            time: None,
            text: None,
            editable: false,
            code_input_type: None,
            is_login,
            options: Vec::new(),
        }
    }

    #[test]
    fn is_login_wins() {
        let f = [
            field("email", FieldType::Email, Some(false)),
            field("phone", FieldType::Phone, Some(true)),
        ];
        assert_eq!(login_field(&f).map(|f| f.id.as_str()), Some("phone"));
    }

    #[test]
    fn guesses_by_id_then_type() {
        let f = [field("phone", FieldType::Phone, None), field("login", FieldType::Text, None)];
        assert_eq!(login_field(&f).map(|f| f.id.as_str()), Some("login"));
        let f = [field("name", FieldType::Text, None), field("mail", FieldType::Email, None)];
        assert_eq!(login_field(&f).map(|f| f.id.as_str()), Some("mail"));
        let f = [field("name", FieldType::Text, None)];
        assert!(login_field(&f).is_none());
    }
}
