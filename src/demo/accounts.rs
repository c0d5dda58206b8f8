//! Registration, codes, sign-in (password and social), sign-out and recovery.

use serde_json::{json, Value};

use super::{
    error, field_errors, normalize_phone, not_authorized, ok, ok_bare, plausible_email, Account,
    Call, DemoBackend, Purpose, CODE_LIFETIME_MS,
};
use crate::core::api::request::RawResponse;

impl DemoBackend {
    /// The pending code for `(field_id, value)`: a registration's is keyed by the app id it was
    /// sent for; a profile change's by the signed-in account (the change request has no app id).
    fn pending_index(
        &self,
        call: &Call,
        app_id: &str,
        field_id: &str,
        value: &str,
    ) -> Option<usize> {
        let account = self.account_of(call).map(|i| self.state.accounts[i].id);
        self.state.pending.iter().position(|p| {
            p.field_id == field_id
                && p.value == value
                && match p.purpose {
                    Purpose::Registration { .. } => p.app_id == app_id,
                    Purpose::Change { account: owner } => Some(owner) == account,
                }
        })
    }

    pub(super) fn register(&mut self, call: &Call) -> RawResponse {
        let name = call.text("name");
        let email = call.text("email").to_lowercase();
        let phone_raw = call.text("phone");
        let password = call.body.get("password").and_then(Value::as_str).unwrap_or("").to_string();
        let mut errors: Vec<(String, String)> = Vec::new();
        let required = call.t("Поле обязательно для заполнения", "This field is required");
        for (id, value) in [("name", &name), ("email", &email), ("phone", &phone_raw)] {
            if value.is_empty() {
                errors.push((id.into(), required.clone()));
            }
        }
        if password.is_empty() {
            errors.push(("password".into(), required.clone()));
        } else if password.chars().count() < 6 {
            errors.push((
                "password".into(),
                call.t(
                    "Пароль должен быть не менее 6 символов длиной.",
                    "The password must be at least 6 characters long.",
                ),
            ));
        }
        if !email.is_empty() {
            if !plausible_email(&email) {
                errors.push((
                    "email".into(),
                    call.t("Неверный формат e-mail", "Not a valid e-mail address"),
                ));
            } else if self.state.accounts.iter().any(|a| a.email == email) {
                errors.push((
                    "email".into(),
                    call.t(
                        "Данный email уже зарегистрирован.",
                        "This e-mail is already registered.",
                    ),
                ));
            }
        }
        let phone = normalize_phone(&phone_raw);
        if !phone_raw.is_empty() {
            match &phone {
                None => errors.push((
                    "phone".into(),
                    call.t("Неверный формат телефона", "Not a valid phone number"),
                )),
                Some(p) if self.state.accounts.iter().any(|a| &a.phone == p) => errors.push((
                    "phone".into(),
                    call.t(
                        "Данный телефон уже зарегистрирован.",
                        "This phone number is already registered.",
                    ),
                )),
                Some(_) => {}
            }
        }
        if !errors.is_empty() {
            return field_errors(&errors);
        }
        let values = vec![
            ("name".to_string(), name),
            ("email".to_string(), email),
            ("phone".to_string(), phone.clone().unwrap_or_default()),
            ("password".to_string(), password),
        ];
        // The code goes to the number as the customer typed it: the verification call sends that
        // same value back.
        self.send_code(call, "phone", &phone_raw, Purpose::Registration { values });
        RawResponse { status: 200, body: json!({ "status": "verification" }).to_string() }
    }

    pub(super) fn verify(&mut self, call: &Call) -> RawResponse {
        let app_id = call.text("appId");
        let field_id = call.text("field_id");
        let value = call.text("value");
        let code = call.text("code");
        let Some(index) = self.pending_index(call, &app_id, &field_id, &value) else {
            // What real servers answer when there is no pending verification for this app id.
            return RawResponse { status: 200, body: "[]".into() };
        };
        let pending = &self.state.pending[index];
        if call.now_ms.saturating_sub(pending.sent_at_ms) > CODE_LIFETIME_MS {
            return error(call.t(
                "Срок действия кода истёк, запросите новый",
                "The code has expired: ask for a new one",
            ));
        }
        if pending.code != code {
            return error(call.t("Неверный код", "Wrong code"));
        }
        let pending = self.state.pending.remove(index);
        match pending.purpose {
            Purpose::Registration { values } => {
                let get = |k: &str| {
                    values
                        .iter()
                        .find(|(key, _)| key == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                };
                let id = self.state.next_account;
                self.state.next_account += 1;
                self.state.accounts.push(Account {
                    id,
                    name: get("name"),
                    email: get("email"),
                    phone: get("phone"),
                    phone_verified: true,
                    password: get("password"),
                    birthday: None,
                    city: None,
                    social: Vec::new(),
                    bonus: 500.0,
                    order_count: 0,
                });
                let token = self.new_token(id);
                ok(json!({ "accessToken": token }))
            }
            Purpose::Change { account } => {
                if let Some(a) = self.state.accounts.iter_mut().find(|a| a.id == account) {
                    match pending.field_id.as_str() {
                        "phone" => {
                            a.phone = normalize_phone(&pending.value).unwrap_or(pending.value);
                            a.phone_verified = true;
                        }
                        "email" => a.email = pending.value.to_lowercase(),
                        _ => {}
                    }
                }
                ok_bare()
            }
        }
    }

    pub(super) fn resend(&mut self, call: &Call) -> RawResponse {
        let app_id = call.text("appId");
        let field_id = call.text("field_id");
        let value = call.text("value");
        let existing = self
            .pending_index(call, &app_id, &field_id, &value)
            .map(|i| self.state.pending[i].clone());
        let purpose = match existing {
            Some(p) => {
                let wait_ms = u64::from(self.state.resend_seconds) * 1000;
                let elapsed = call.now_ms.saturating_sub(p.sent_at_ms);
                if elapsed < wait_ms {
                    let left = (wait_ms - elapsed).div_ceil(1000);
                    return error(format!(
                        "{} {left} {}",
                        call.t("Повторно отправить код можно через", "A new code can be sent in"),
                        call.t("с", "s")
                    ));
                }
                p.purpose
            }
            // A signed-in customer asking to confirm a field of their profile.
            None => match self.account_of(call) {
                Some(i) if field_id == "phone" => {
                    Purpose::Change { account: self.state.accounts[i].id }
                }
                Some(_) => {
                    return error(call.t(
                        "Это поле не требует подтверждения",
                        "This field needs no confirmation",
                    ))
                }
                None if call.req.token.is_some() => return not_authorized(),
                None => return RawResponse { status: 200, body: "[]".into() },
            },
        };
        self.send_code(call, &field_id, &value, purpose);
        ok_bare()
    }

    pub(super) fn sign_in(&mut self, call: &Call) -> RawResponse {
        let network = call.text("type");
        if !network.is_empty() {
            return self.sign_in_social(call, &network);
        }
        let login = call.text("login").to_lowercase();
        let password = call.body.get("password").and_then(Value::as_str).unwrap_or("");
        let phone = normalize_phone(&login);
        let account = self.state.accounts.iter().find(|a| {
            (a.email == login || phone.as_deref() == Some(a.phone.as_str()))
                && a.password == password
        });
        match account.map(|a| a.id) {
            Some(id) => {
                let token = self.new_token(id);
                ok(json!({ "accessToken": token }))
            }
            // Real servers attach debug output (`d`) here; the client must ignore it.
            None => RawResponse {
                status: 200,
                body: json!({
                    "status": "error",
                    "data": {
                        "errorMessage": call.t("Неверный логин или пароль.", "Wrong login or password."),
                        "d": ["demo", login],
                    }
                })
                .to_string(),
            },
        }
    }

    fn sign_in_social(&mut self, call: &Call, network: &str) -> RawResponse {
        let access_token = call.text("accessToken");
        if access_token.is_empty() {
            return error(call.t("Нет токена социальной сети", "No social network token"));
        }
        let user = match call.text("internal_id") {
            id if !id.is_empty() => id,
            _ => access_token,
        };
        let link = (network.to_string(), user.clone());
        let id = match self.state.accounts.iter().find(|a| a.social.contains(&link)) {
            Some(a) => a.id,
            None => {
                let id = self.state.next_account;
                self.state.next_account += 1;
                self.state.accounts.push(Account {
                    id,
                    name: format!("{network} {user}"),
                    email: String::new(),
                    phone: String::new(),
                    phone_verified: false,
                    password: String::new(),
                    birthday: None,
                    city: None,
                    social: vec![link],
                    bonus: 0.0,
                    order_count: 0,
                });
                id
            }
        };
        let token = self.new_token(id);
        ok(json!({ "accessToken": token }))
    }

    pub(super) fn refresh_social(&mut self, call: &Call) -> RawResponse {
        let Some(i) = self.account_of(call) else {
            return not_authorized();
        };
        let network = call.text("type");
        let user = match call.text("internal_id") {
            id if !id.is_empty() => id,
            _ => call.text("accessToken"),
        };
        if network.is_empty() || user.is_empty() {
            return error(call.t("Нет данных социальной сети", "No social network data"));
        }
        let social = &mut self.state.accounts[i].social;
        social.retain(|(n, _)| n != &network);
        social.push((network, user));
        ok_bare()
    }

    pub(super) fn sign_out(&mut self, call: &Call) -> RawResponse {
        if self.account_of(call).is_none() {
            return not_authorized();
        }
        let token = call.req.token.clone().unwrap_or_default();
        self.state.sessions.retain(|(t, _)| *t != token);
        ok_bare()
    }

    pub(super) fn recover(&mut self, call: &Call) -> RawResponse {
        let email = call.text("email").to_lowercase();
        if email.is_empty() {
            return field_errors(&[(
                "email".into(),
                call.t("Поле обязательно для заполнения", "This field is required"),
            )]);
        }
        if !self.state.accounts.iter().any(|a| a.email == email) {
            return field_errors(&[(
                "email".into(),
                call.t("Пользователь с таким e-mail не найден", "No customer has this e-mail"),
            )]);
        }
        ok(json!({ "message": format!("{} {email}", call.t(
            "Письмо со ссылкой для смены пароля отправлено на",
            "A link to set a new password was sent to"
        )) }))
    }
}
