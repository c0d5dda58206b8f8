//! The test server's "published module" mode: the demo backend made to behave as the published
//! 1C-Bitrix module (mobium.api 1.0.13) was observed to behave, run for real (the digest's
//! section "The published module, run for real"). Our own code, written from those facts:
//!
//! - order history: `offset` is a page index (skip = offset × limit) and `offset=0` (or none)
//!   means "limit 50, page 1"; oldest first; only `id, status, total, deliveryType, items`;
//! - profile: `title_text_field`s carry no `type` and no `verified`; an editable "Пол" (gender)
//!   field the module shows but never changes; `available_proportion` is a row id, `"15"`;
//! - registration fields: "Пол" is a `select_box`; recovery fields: e-mail and login;
//! - change fields: `ok` for anything, applied only for name, last name, e-mail and phone;
//! - recovery: reads `login` whenever the key is there, even empty;
//! - registration creates the account before the code: the same e-mail or phone again fails;
//! - a wrong (or unknown) code crashes: HTTP 200 with Bitrix's debugging trace.
//!
//! [`Release::FirstInstall`] plays an earlier release (late 2019) on a shop's first installation,
//! half-configured, as it was run for real: the orders endpoint answers "Функционал заказов не
//! нестроен" to every call; the profile's barcode points to `/upload/barcodes/…png`, which gives
//! no image (see [`BrokenPicture`]), beside a card number; change fields answers `ok` and applies
//! nothing; and registration signs the customer in at once, although the field list says the
//! phone needs a code.

use serde_json::{json, Value};

use web_cabinet::core::api::{ApiRequest, Endpoint, RawResponse};
use web_cabinet::demo::DemoBackend;

/// A first installation's registration: the account is made and signed in at once, with no
/// code asked for (the backend's code, sent to the outbox, is spent here, as if the module had
/// never sent it).
fn sign_in_at_once(req: &ApiRequest, backend: &mut DemoBackend, now_ms: u64) -> RawResponse {
    let body = body_of(req);
    let Some(sent) = backend.outbox().last().cloned() else {
        return answer(json!({ "status": "error", "data": { "errorMessage": "" } }));
    };
    let mut verify = ApiRequest::new(Endpoint::Verification);
    verify.locale = req.locale.clone();
    verify.body = Some(
        json!({ "appId": body.get("appId").cloned().unwrap_or(Value::Null),
                "field_id": sent.field_id, "value": sent.to, "code": sent.code })
        .to_string(),
    );
    backend.handle(&verify, now_ms)
}

/// Which release of the module the test server plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Release {
    /// mobium.api 1.0.13, as run for real on 2026-12-01.
    #[default]
    Published,
    /// An earlier release on a shop's first installation (late 2019), half-configured.
    FirstInstall,
}

/// What a first installation's barcode address answers (`/upload/barcodes/…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BrokenPicture {
    /// HTTP 200, `image/png`, no bytes: the picture was never generated.
    #[default]
    Empty,
    /// HTTP 404.
    Missing,
    /// HTTP 200 with the shop's HTML page (its 404 template).
    HtmlPage,
}

/// The order list's answer on a first installation, every time.
pub const ORDERS_NOT_SET_UP: &str = "Функционал заказов не нестроен";
/// The card number a first installation's profile shows beside its broken barcode.
pub const CARD_NUMBER: &str = "4601234567893";

/// What the module remembers between requests.
#[derive(Debug, Default)]
pub struct Module {
    pub release: Release,
    /// E-mails and phones of accounts created by a registration still waiting for its code.
    created: Vec<String>,
    /// The `Host` the request came with: the module writes it into its picture URLs, so behind
    /// a proxy that passes its own (`$proxy_host`) they point at the backend.
    pub host: Option<String>,
}

/// The fields the module's change-fields call applies.
const APPLIED: [&str; 4] = ["name", "last_name", "email", "phone"];

/// Its page size when `offset` is "not given".
const DEFAULT_LIMIT: u32 = 50;

pub const GENDER_SHOWN: &str = "Женский";

/// The crash body, as the module sends it with debugging on (HTTP 200).
pub fn crash_body() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/raw/php_fatal_200_debug.txt");
    std::fs::read_to_string(path).expect("the fatal-as-200 fixture")
}

fn answer(body: Value) -> RawResponse {
    RawResponse { status: 200, body: body.to_string() }
}

fn body_of(req: &ApiRequest) -> serde_json::Map<String, Value> {
    match req.body.as_deref().map(serde_json::from_str::<Value>) {
        Some(Ok(Value::Object(m))) => m,
        _ => serde_json::Map::new(),
    }
}

fn text(map: &serde_json::Map<String, Value>, key: &str) -> String {
    map.get(key).and_then(Value::as_str).unwrap_or("").trim().to_lowercase()
}

fn digits(v: &str) -> String {
    let d: String = v.chars().filter(char::is_ascii_digit).collect();
    match d.strip_prefix('8') {
        Some(rest) if d.len() == 11 => format!("7{rest}"),
        _ => d,
    }
}

impl Module {
    pub fn of(release: Release) -> Self {
        Self { release, created: Vec::new(), host: None }
    }

    /// Answer before the backend is asked, or change the request it gets. `Some`: the answer.
    pub fn before(&mut self, req: &mut ApiRequest) -> Option<RawResponse> {
        if self.release == Release::FirstInstall {
            match req.endpoint {
                Endpoint::OrderList => {
                    return Some(answer(json!({ "status": "error",
                        "data": { "errorMessage": ORDERS_NOT_SET_UP } })));
                }
                // Accepted, and nothing applied.
                Endpoint::ChangeFields => return Some(answer(json!({ "status": "ok" }))),
                _ => {}
            }
        }
        match req.endpoint {
            Endpoint::Registration => {
                let body = body_of(req);
                let (email, phone) = (text(&body, "email"), digits(&text(&body, "phone")));
                if !email.is_empty() && self.created.contains(&email) {
                    return Some(answer(json!({ "status": "error", "data": {
                        "errorMessage": format!("Пользователь с логином \"{email}\" уже существует.<br>") } })));
                }
                if !phone.is_empty() && self.created.contains(&phone) {
                    return Some(answer(json!({ "status": "error", "data": {
                        "errorMessage": "Пользователь с таким телефоном уже существует.<br>" } })));
                }
                None
            }
            Endpoint::Recovery => {
                let body = body_of(req);
                if body.contains_key("login") {
                    let login = text(&body, "login");
                    if login.is_empty() || !login.contains('@') {
                        return Some(answer(json!({ "status": "error", "data": {
                            "errorMessage": "Пользователь с таким логином не найден" } })));
                    }
                }
                None
            }
            Endpoint::ChangeFields => {
                let mut body = body_of(req);
                let fields =
                    body.get("fields").and_then(Value::as_array).cloned().unwrap_or_default();
                let applied: Vec<Value> = fields
                    .into_iter()
                    .filter(|f| {
                        f.get("field_id")
                            .and_then(Value::as_str)
                            .is_some_and(|id| APPLIED.contains(&id))
                    })
                    .collect();
                if applied.is_empty() {
                    return Some(answer(json!({ "status": "ok" })));
                }
                body.insert("fields".into(), Value::Array(applied));
                req.body = Some(Value::Object(body).to_string());
                None
            }
            Endpoint::OrderList => {
                // Everything, newest first; `after` cuts the module's page from it.
                let (page, limit) = self.page_asked(req);
                req.query = vec![("offset", "0".into()), ("limit", "1000000".into())];
                req.query.push(("module_page", page.to_string()));
                req.query.push(("module_limit", limit.to_string()));
                None
            }
            _ => None,
        }
    }

    /// `(page, limit)` as the module reads the query: `offset` empty or `0` is "not given".
    fn page_asked(&self, req: &ApiRequest) -> (u32, u32) {
        let get = |k: &str| req.query.iter().find(|(key, _)| *key == k).map(|(_, v)| v.clone());
        let offset = get("offset").unwrap_or_default();
        if offset.is_empty() || offset == "0" {
            return (1, DEFAULT_LIMIT);
        }
        let page = offset.parse().unwrap_or(0);
        let limit = get("limit").and_then(|l| l.parse().ok()).unwrap_or(DEFAULT_LIMIT);
        (page, limit)
    }

    /// Reshape the backend's answer as the module's (`backend`: what a first installation
    /// completes a registration with).
    pub fn after(
        &mut self,
        req: &ApiRequest,
        resp: RawResponse,
        backend: &mut DemoBackend,
        now_ms: u64,
    ) -> RawResponse {
        let Ok(mut json) = serde_json::from_str::<Value>(&resp.body) else {
            return resp;
        };
        let status = json.get("status").and_then(Value::as_str).unwrap_or("").to_string();
        if self.release == Release::FirstInstall {
            match req.endpoint {
                Endpoint::Registration if status == "verification" => {
                    return sign_in_at_once(req, backend, now_ms);
                }
                Endpoint::Profile if status == "ok" => {
                    if let Some(fields) =
                        json.pointer_mut("/data/fields").and_then(Value::as_array_mut)
                    {
                        for f in fields.iter_mut() {
                            if f.get("cabinet_field_type").and_then(Value::as_str)
                                == Some("barcode_field")
                            {
                                f["image"] =
                                    format!("/upload/barcodes/code{CARD_NUMBER}.png").into();
                            }
                        }
                        let at = fields
                            .iter()
                            .position(|f| {
                                f.get("cabinet_field_type").and_then(Value::as_str)
                                    == Some("barcode_field")
                            })
                            .unwrap_or(fields.len());
                        fields.insert(
                            at,
                            json!({ "cabinet_field_type": "title_text_field",
                            "id": "card_number", "title": "Номер карты", "value": CARD_NUMBER,
                            "editable": false }),
                        );
                    }
                }
                _ => {}
            }
        }
        match req.endpoint {
            Endpoint::RegFields if status == "ok" => {
                if let Some(fields) = json.pointer_mut("/data/fields").and_then(Value::as_array_mut)
                {
                    fields.insert(fields.len().saturating_sub(1), json!({
                        "id": "gender", "type": "select_box", "title": "Пол", "required": false,
                        "options": [{ "id": "1", "value": "Мужской" }, { "id": "2", "value": "Женский" }]
                    }));
                }
            }
            Endpoint::RecoveryFields if status == "ok" => {
                if let Some(fields) = json.pointer_mut("/data/fields").and_then(Value::as_array_mut)
                {
                    fields.push(json!({ "id": "login", "type": "text", "title": "Логин" }));
                }
            }
            Endpoint::Registration if status == "verification" => {
                let body = body_of(req);
                self.created.push(text(&body, "email"));
                self.created.push(digits(&text(&body, "phone")));
            }
            Endpoint::Verification if status != "ok" => {
                // A code the module has no record of: a fatal error, printed, HTTP 200.
                return RawResponse { status: 200, body: crash_body() };
            }
            Endpoint::Profile if status == "ok" => {
                // The barcode as the module writes it: an absolute URL on the Host it was asked
                // with (https:// there; this server speaks http).
                let barcode = self
                    .host
                    .as_ref()
                    .map(|host| format!("http://{host}/upload/barcodes/code{CARD_NUMBER}.png"));
                if let Some(fields) = json.pointer_mut("/data/fields").and_then(Value::as_array_mut)
                {
                    for f in fields.iter_mut() {
                        if let Some(f) = f.as_object_mut() {
                            f.remove("type");
                            f.remove("verified");
                            let is_barcode = f.get("cabinet_field_type").and_then(Value::as_str)
                                == Some("barcode_field");
                            if let (true, Some(url), Release::Published) =
                                (is_barcode, &barcode, self.release)
                            {
                                f.insert("image".into(), url.clone().into());
                            }
                            // Its other pictures are the shop's uploads too, on the same host.
                            let picture = f.get("image").and_then(Value::as_str);
                            if let (Some(path), Some(host)) =
                                (picture.and_then(|p| p.strip_prefix("demo/")), &self.host)
                            {
                                let url = format!("http://{host}/upload/demo/{path}");
                                f.insert("image".into(), url.into());
                            }
                        }
                    }
                    let at = fields
                        .iter()
                        .position(|f| f.get("id").and_then(Value::as_str) == Some("email"))
                        .map_or(fields.len(), |i| i + 1);
                    fields.insert(
                        at,
                        json!({ "cabinet_field_type": "title_text_field", "id": "gender",
                        "title": "Пол", "value": GENDER_SHOWN, "editable": true }),
                    );
                }
                if let Some(bonus) = json.pointer_mut("/data/bonus").and_then(Value::as_object_mut)
                {
                    bonus.insert("available_proportion".into(), "15".into());
                }
            }
            Endpoint::OrderList if status == "ok" => {
                let get = |k: &str| {
                    req.query
                        .iter()
                        .find(|(key, _)| *key == k)
                        .and_then(|(_, v)| v.parse::<usize>().ok())
                };
                let (page, limit) =
                    (get("module_page").unwrap_or(1), get("module_limit").unwrap_or(50));
                let all = json
                    .pointer("/data/orders")
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let oldest_first: Vec<Value> = all.into_iter().rev().collect();
                let skip = page.saturating_mul(limit).min(oldest_first.len());
                let end = skip.saturating_add(limit).min(oldest_first.len());
                let mut previous_status = Value::Null;
                let page: Vec<Value> = oldest_first[skip..end]
                    .iter()
                    .map(|o| {
                        let delivery =
                            o.pointer("/delivery/type").or_else(|| o.get("deliveryType")).cloned();
                        // An order without a status shows the previous order's (a module bug).
                        let status = match o.get("status") {
                            Some(Value::Null) | None => previous_status.clone(),
                            Some(s) => s.clone(),
                        };
                        previous_status = status.clone();
                        json!({ "id": o["id"], "status": status, "total": o["total"],
                                "deliveryType": delivery, "items": o["items"] })
                    })
                    .collect();
                return answer(json!({ "status": "ok", "data": { "orders": page } }));
            }
            _ => return resp,
        }
        RawResponse { status: resp.status, body: json.to_string() }
    }
}
