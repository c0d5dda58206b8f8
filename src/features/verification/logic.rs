//! What a code step needs to know, pure: which values await a code (in the server's order) and
//! the countdown before "send again".

use serde::{Deserialize, Serialize};

use crate::features::forms::wire::{FieldType, FormField};

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
    fn queue_follows_the_server_order() {
        let mut phone = FormField::simple("phone", FieldType::Phone, "phone", true);
        phone.need_verification = true;
        phone.time = Some(120);
        let mut email = FormField::simple("email", FieldType::Email, "email", true);
        email.need_verification = true;
        let fields = [phone, FormField::simple("name", FieldType::Text, "name", true), email];
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
    fn countdown() {
        assert_eq!(seconds_left(10_000, 9_001), 1);
        assert_eq!(seconds_left(10_000, 10_000), 0);
        assert_eq!(seconds_left(10_000, 50_000), 0);
        assert_eq!(clock(61), "1:01");
        assert_eq!(clock(0), "0:00");
    }
}
