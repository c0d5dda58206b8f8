//! The demo's registration and recovery forms.

use serde_json::{json, Value};

use super::Call;

pub(super) fn registration_fields(call: &Call, resend_seconds: u32) -> Vec<Value> {
    vec![
        json!({ "id": "name", "type": "text", "title": call.t("Имя", "Name"),
                "required": true, "need_verification": false, "isLogin": false }),
        json!({ "id": "email", "type": "email", "title": call.t("Электронная почта", "E-mail"),
                "required": true, "need_verification": false, "isLogin": true }),
        json!({ "id": "phone", "type": "phone", "title": call.t("Телефон", "Phone"),
                "required": true, "need_verification": true, "time": resend_seconds,
                "text": call.t("Введите код из SMS", "Enter the code from the SMS"),
                "editable": true, "code_input_type": "number", "isLogin": false }),
        json!({ "id": "password", "type": "password", "title": call.t("Пароль", "Password"),
                "required": true, "need_verification": false, "isLogin": false }),
    ]
}

pub(super) fn recovery_fields(call: &Call) -> Vec<Value> {
    vec![json!({ "id": "email", "type": "email", "title": call.t("Электронная почта", "E-mail") })]
}
