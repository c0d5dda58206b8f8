//! The demo profile — every block type the API defines — and profile edits.

use serde_json::{json, Value};

use super::{
    error, normalize_phone, not_authorized, ok, ok_bare, plausible_email, Call, DemoBackend,
    Purpose,
};
use crate::core::api::request::RawResponse;

impl DemoBackend {
    pub(super) fn profile(&mut self, call: &Call) -> RawResponse {
        let Some(i) = self.account_of(call) else {
            return not_authorized();
        };
        let a = &self.state.accounts[i];
        let mut fields = vec![
            json!({ "cabinet_field_type": "name_field", "id": "name", "value": a.name,
                    "editable": true, "image": "demo/avatar.svg", "title": call.t("Имя", "Name") }),
            json!({ "cabinet_field_type": "title_text_field", "id": "phone", "title": call.t("Телефон", "Phone"),
                    "value": a.phone, "editable": true, "type": "phone",
                    "need_verification": true, "verified": a.phone_verified, "time": self.state.resend_seconds,
                    "text": call.t("Введите код из SMS", "Enter the code from the SMS"),
                    "code_input_type": "number" }),
            json!({ "cabinet_field_type": "title_text_field", "id": "email", "title": "E-mail",
                    "value": a.email, "editable": true, "type": "email" }),
        ];
        if let Some(b) = &a.birthday {
            fields.push(json!({ "cabinet_field_type": "title_text_field", "id": "birthday",
                "title": call.t("Дата рождения", "Date of birth"), "value": b, "editable": false }));
        }
        // Optional, so the customer may clear it: shown empty then.
        fields.push(json!({ "cabinet_field_type": "title_text_field", "id": "city",
            "title": call.t("Город", "City"), "value": a.city.clone().unwrap_or_default(),
            "editable": true, "type": "text" }));
        fields.extend([
            json!({ "cabinet_field_type": "text_field", "id": "member_since",
                    "value": call.t("Участник программы лояльности с 2021 года", "Loyalty programme member since 2021") }),
            json!({ "cabinet_field_type": "bonus_field", "title": call.t("Бонусные баллы", "Bonus points"),
                    "value": format!("{}", a.bonus.round()) }),
            json!({ "cabinet_field_type": "barcode_field", "id": "barcode", "image": "demo/barcode.svg" }),
            json!({ "cabinet_field_type": "separator", "size": 16 }),
            json!({ "cabinet_field_type": "action_field", "value": call.t("История заказов", "Order history"),
                    "action": { "type": "openHistory", "param": null } }),
            json!({ "cabinet_field_type": "action_field", "value": call.t("Позвонить в поддержку", "Call support"),
                    "action": { "type": "doCall", "param": "+78001234567" }, "image": "demo/phone.svg" }),
            json!({ "cabinet_field_type": "action_field", "value": call.t("Каталог", "Catalogue"),
                    "action": { "type": "openCatalog", "param": "" } }),
            json!({ "cabinet_field_type": "image_action_field", "image": "demo/promo.svg",
                    "action": { "type": "openUrlExternal", "param": "https://example.com/" } }),
        ]);
        ok(json!({
            "fields": fields,
            "bonus": { "amount": a.bonus, "available_proportion": 0.3 },
            "discount": { "value": 0.05 },
        }))
    }

    pub(super) fn change_fields(&mut self, call: &Call) -> RawResponse {
        let Some(i) = self.account_of(call) else {
            return not_authorized();
        };
        let changes: Vec<(String, String)> = call
            .body
            .get("fields")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|f| {
                        let id = f.get("field_id")?.as_str()?.to_string();
                        let value =
                            f.get("value").and_then(Value::as_str).unwrap_or("").trim().to_string();
                        Some((id, value))
                    })
                    .collect()
            })
            .unwrap_or_default();
        if changes.is_empty() {
            return error(call.t("Нет изменений", "Nothing to change"));
        }
        let mut needs_code: Option<(String, String)> = None;
        for (id, value) in &changes {
            match id.as_str() {
                "name" if value.is_empty() => {
                    return error(call.t("Имя не может быть пустым", "The name cannot be empty"))
                }
                "name" => {}
                "email" if !plausible_email(value) => {
                    return error(call.t("Неверный формат e-mail", "Not a valid e-mail address"))
                }
                "email" => {
                    let lower = value.to_lowercase();
                    let me = self.state.accounts[i].id;
                    if self.state.accounts.iter().any(|a| a.id != me && a.email == lower) {
                        return error(call.t(
                            "Данный email уже зарегистрирован.",
                            "This e-mail is already registered.",
                        ));
                    }
                }
                "phone" if normalize_phone(value).is_none() => {
                    return error(call.t("Неверный формат телефона", "Not a valid phone number"))
                }
                "phone" => needs_code = Some((id.clone(), value.clone())),
                "city" => {}
                _ => {
                    return error(
                        call.t("Это поле нельзя изменить", "This field cannot be changed"),
                    )
                }
            }
        }
        let account = &mut self.state.accounts[i];
        for (id, value) in &changes {
            match id.as_str() {
                "name" => account.name = value.clone(),
                "city" => account.city = (!value.is_empty()).then(|| value.clone()),
                "email" => account.email = value.to_lowercase(),
                _ => {}
            }
        }
        if let Some((field, value)) = needs_code {
            let id = self.state.accounts[i].id;
            self.send_code(call, &field, &value, Purpose::Change { account: id });
            return RawResponse {
                status: 200,
                body: json!({ "status": "verification" }).to_string(),
            };
        }
        ok_bare()
    }
}
