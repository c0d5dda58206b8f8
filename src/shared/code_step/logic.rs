//! What a code step needs to know, pure: which values await a code (in the server's order) and
//! the countdown before "send again".

use serde::{Deserialize, Serialize};

use crate::shared::forms::wire::{FieldType, FormField};

/// A value to confirm with a code, in the order the server listed the fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeTarget {
    pub field_id: String,
    pub value: String,
    /// The verification screen's prompt (the field's `text`), if the server gave one.
    pub prompt: Option<String>,
    /// Seconds before "send again".
    pub resend_after: u32,
    /// When the awaited code was sent (ms since the epoch), stamped by whoever heard the server
    /// send it; the countdown runs from here. (0 in a draft stored before it was kept: the
    /// countdown then runs from when the step is shown.)
    #[serde(default)]
    pub sent_at_ms: u64,
    /// How to type the code.
    pub code_type: FieldType,
    /// The field's title, for "change <title>".
    pub title: String,
    /// Whether the customer may go back and change the value (`editable: false` says no: the
    /// code step then offers no "change"). A target kept before this was recorded may.
    #[serde(default = "changeable_by_default")]
    pub changeable: bool,
}

fn changeable_by_default() -> bool {
    true
}

impl CodeTarget {
    /// Whether both await a code for the same value of the same field (whenever it was sent).
    pub fn same_value(&self, other: &CodeTarget) -> bool {
        self.field_id == other.field_id && self.value == other.value
    }
}

/// Whether two queues await codes for the same values in the same order (whenever they were
/// sent); an empty queue awaits nothing, so it is never the same.
pub fn same_queue(a: &[CodeTarget], b: &[CodeTarget]) -> bool {
    !a.is_empty() && a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same_value(y))
}

/// When "send again" opens: `resend_after` seconds after the code was sent, and never before the
/// countdown this step already runs (`shown`: stored when the step was first shown or a code was
/// sent again from it, so that a reload does not start it over). A step shown with none
/// stored starts one from `now_ms`: a later value of a queue counts from when it is reached, as
/// if its code went then (the document does not say when the server sends it; this never opens
/// "send again" early).
pub fn resend_opens_at(target: &CodeTarget, shown: Option<u64>, now_ms: u64) -> u64 {
    let wait = u64::from(target.resend_after) * 1000;
    let from_step = shown.unwrap_or(now_ms.saturating_add(wait));
    from_step.max(target.sent_at_ms.saturating_add(wait))
}

/// Every field with `need_verification`, with the value that was submitted; the server sent
/// their codes at `sent_at_ms`.
pub fn verification_queue(
    fields: &[FormField],
    values: &[(String, String)],
    sent_at_ms: u64,
) -> Vec<CodeTarget> {
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
                sent_at_ms,
                code_type: f.code_input_type.clone().unwrap_or(FieldType::Number),
                title: f.label().to_string(),
                changeable: f.editable,
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
        email.editable = false;
        let fields = [phone, FormField::simple("name", FieldType::Text, "name", true), email];
        let values = vec![
            ("phone".to_string(), "+79161234567".to_string()),
            ("email".to_string(), "a@b.ru".to_string()),
        ];
        let q = verification_queue(&fields, &values, 5_000);
        assert_eq!(q.iter().map(|t| t.field_id.as_str()).collect::<Vec<_>>(), ["phone", "email"]);
        assert_eq!(q[0].resend_after, 120);
        assert_eq!(q[1].resend_after, 60, "no time → a minute");
        assert!(q[0].changeable && !q[1].changeable, "editable: false offers no change");
        assert!(q.iter().all(|t| t.sent_at_ms == 5_000));
        let mut later = q[0].clone();
        later.sent_at_ms = 9_000;
        assert!(later.same_value(&q[0]) && !later.same_value(&q[1]));
        let resent = vec![later, q[1].clone()];
        assert!(same_queue(&q, &resent));
        assert!(!same_queue(&q, &resent[..1]) && !same_queue(&[], &[]));
    }
    #[test]
    fn a_target_kept_before_changeable_was_recorded_may_be_changed() {
        let kept = r#"{"field_id":"phone","value":"+7","prompt":null,"resend_after":60,
            "sent_at_ms":1,"code_type":"number","title":"Телефон"}"#;
        let target: Option<CodeTarget> = serde_json::from_str(kept).ok();
        assert!(target.is_some_and(|t| t.changeable));
    }

    #[test]
    fn send_again_opens_after_the_code_and_never_restarts_on_a_reload() {
        let mut target = verification_queue(
            &[{
                let mut f = FormField::simple("phone", FieldType::Phone, "phone", true);
                f.need_verification = true;
                f.time = Some(60);
                f
            }],
            &[("phone".into(), "+79161234567".into())],
            100_000,
        )
        .remove(0);
        // Shown as the code came: a minute from then.
        assert_eq!(resend_opens_at(&target, None, 100_200), 160_200);
        // A reload half a minute later keeps the countdown shown.
        assert_eq!(resend_opens_at(&target, Some(160_200), 130_000), 160_200);
        // A new code sent for the same value: a stale countdown of the last one does not count.
        target.sent_at_ms = 400_000;
        assert_eq!(resend_opens_at(&target, Some(160_200), 400_100), 460_000);
        // A later step of a queue, reached long after the codes went: from when it is shown.
        target.sent_at_ms = 100_000;
        assert_eq!(resend_opens_at(&target, None, 900_000), 960_000);
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
