//! The demo backend: an honest, self-contained implementation of every endpoint of the cabinet
//! API, with seeded data.
//!
//! It is plain Rust with no web dependencies, so the same code answers in the browser (through
//! `transport::DemoTransport`, when no server is configured) and over real HTTP in the test server
//! (`tests/support`). It speaks wire JSON text in and out, so the client parses its answers exactly
//! as it parses a real server's. Its state (accounts, sessions, pending codes) serialises to JSON,
//! which the browser keeps in localStorage.
//!
//! Like the real servers it is modelled on, it answers `not_authorized` for a bad token and sends
//! codes to an outbox instead of an SMS gateway; the UI shows the last code in its demo banner.

mod accounts;
pub mod banner;
mod fields;
mod orders;
pub mod phrases;
mod profile;
pub mod transport;

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::core::api::request::{ApiRequest, Endpoint, RawResponse};

pub use orders::{demo_order, demo_orders};

/// The seeded customer.
pub const DEMO_LOGIN: &str = "anna@example.com";
/// The seeded customer's password.
pub const DEMO_PASSWORD: &str = "demo1234";
/// How many orders the seeded customer has: enough to page through.
pub const DEMO_ORDER_COUNT: u32 = 137;
/// Seconds before a code may be sent again.
pub const RESEND_SECONDS: u32 = 60;
/// How long a code stays valid.
const CODE_LIFETIME_MS: u64 = 10 * 60 * 1000;

/// A code the backend "sent" (to the outbox rather than by SMS or e-mail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentCode {
    pub field_id: String,
    /// The phone number or address it went to.
    pub to: String,
    pub code: String,
    pub at_ms: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Account {
    id: u32,
    name: String,
    email: String,
    phone: String,
    phone_verified: bool,
    password: String,
    birthday: Option<String>,
    /// Optional: the customer may clear it.
    #[serde(default)]
    city: Option<String>,
    /// `(network, user id)` pairs linked to this account.
    social: Vec<(String, String)>,
    bonus: f64,
    order_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum Purpose {
    /// Completes a registration with these values.
    Registration { values: Vec<(String, String)> },
    /// Sets (or confirms) a field of an existing account.
    Change { account: u32 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Pending {
    app_id: String,
    field_id: String,
    value: String,
    code: String,
    sent_at_ms: u64,
    purpose: Purpose,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct State {
    version: u32,
    accounts: Vec<Account>,
    /// `(token, account id)`.
    sessions: Vec<(String, u32)>,
    pending: Vec<Pending>,
    outbox: Vec<SentCode>,
    rng: u64,
    next_account: u32,
    /// Seconds before a code may be sent again (tests shorten it).
    #[serde(default = "default_resend_seconds")]
    resend_seconds: u32,
}

fn default_resend_seconds() -> u32 {
    RESEND_SECONDS
}

const STATE_VERSION: u32 = 1;

/// The backend. `handle` is the whole interface.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoBackend {
    state: State,
}

impl Default for DemoBackend {
    fn default() -> Self {
        Self::seeded()
    }
}

/// The language of the backend's own messages (field titles, errors), from the request's locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Ru,
    En,
}

/// What a handler sees of a request.
struct Call<'a> {
    req: &'a ApiRequest,
    body: Map<String, Value>,
    now_ms: u64,
    lang: Lang,
}

impl Call<'_> {
    fn text(&self, key: &str) -> String {
        match self.body.get(key) {
            Some(Value::String(s)) => s.trim().to_string(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    }

    fn query_number(&self, key: &str) -> Option<u32> {
        self.req.query.iter().find(|(k, _)| *k == key).and_then(|(_, v)| v.trim().parse().ok())
    }

    /// Pick the message for the request's language.
    fn t(&self, ru: &str, en: &str) -> String {
        match self.lang {
            Lang::Ru => ru.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

fn ok(data: Value) -> RawResponse {
    RawResponse { status: 200, body: json!({ "status": "ok", "data": data }).to_string() }
}

fn ok_bare() -> RawResponse {
    RawResponse { status: 200, body: json!({ "status": "ok" }).to_string() }
}

fn error(message: impl Into<String>) -> RawResponse {
    RawResponse {
        status: 200,
        body: json!({ "status": "error", "data": { "errorMessage": message.into() } }).to_string(),
    }
}

fn field_errors(errors: &[(String, String)]) -> RawResponse {
    let list: Vec<Value> =
        errors.iter().map(|(id, msg)| json!({ "fieldId": id, "errorMessage": msg })).collect();
    RawResponse {
        status: 200,
        body: json!({ "status": "error", "data": { "errors": list } }).to_string(),
    }
}

/// What real servers send for a missing or stale token.
fn not_authorized() -> RawResponse {
    error("not_authorized")
}

impl DemoBackend {
    /// A fresh backend with the demo customer.
    pub fn seeded() -> Self {
        Self {
            state: State {
                version: STATE_VERSION,
                accounts: vec![Account {
                    id: 1,
                    name: "Анна Смирнова".into(),
                    email: DEMO_LOGIN.into(),
                    phone: "+79161234567".into(),
                    phone_verified: false,
                    password: DEMO_PASSWORD.into(),
                    birthday: Some("07.11.1988".into()),
                    city: Some("Москва".into()),
                    social: Vec::new(),
                    bonus: 1250.0,
                    order_count: DEMO_ORDER_COUNT,
                }],
                sessions: Vec::new(),
                pending: Vec::new(),
                outbox: Vec::new(),
                rng: 0x9E37_79B9_7F4A_7C15,
                next_account: 2,
                resend_seconds: RESEND_SECONDS,
            },
        }
    }

    /// The state as JSON, for localStorage.
    pub fn save(&self) -> String {
        serde_json::to_string(&self.state).unwrap_or_default()
    }

    /// A backend from saved state; `None` when the text is not state of this version.
    pub fn load(saved: &str) -> Option<Self> {
        serde_json::from_str::<State>(saved)
            .ok()
            .filter(|s| s.version == STATE_VERSION)
            .map(|state| Self { state })
    }

    /// Change the "send again" delay (the test server shortens it).
    pub fn set_resend_seconds(&mut self, seconds: u32) {
        self.state.resend_seconds = seconds;
    }

    /// Give the demo customer this many orders (the benchmark uses 10 000).
    pub fn set_order_count(&mut self, count: u32) {
        for a in self.state.accounts.iter_mut().filter(|a| a.email == DEMO_LOGIN) {
            a.order_count = count;
        }
    }

    /// Every code sent so far, oldest first.
    pub fn outbox(&self) -> &[SentCode] {
        &self.state.outbox
    }

    /// Answer one request at time `now_ms` (milliseconds since the Unix epoch).
    pub fn handle(&mut self, req: &ApiRequest, now_ms: u64) -> RawResponse {
        let body = match req.body.as_deref().map(serde_json::from_str::<Value>) {
            None => Map::new(),
            Some(Ok(Value::Object(m))) => m,
            Some(_) => return error("Malformed JSON body"),
        };
        let locale = body
            .get("locale")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| req.locale.clone())
            .unwrap_or_default();
        let lang = if locale.to_ascii_lowercase().starts_with("en") { Lang::En } else { Lang::Ru };
        let call = Call { req, body, now_ms, lang };
        self.state.rng ^= now_ms.rotate_left(17);
        match req.endpoint {
            Endpoint::RegFields => ok(json!({
                "fields": fields::registration_fields(&call, self.state.resend_seconds)
            })),
            Endpoint::RecoveryFields => ok(json!({ "fields": fields::recovery_fields(&call) })),
            Endpoint::Registration => self.register(&call),
            Endpoint::Verification => self.verify(&call),
            Endpoint::VerificationRepeat => self.resend(&call),
            Endpoint::Auth => self.sign_in(&call),
            Endpoint::TokenRefresh => self.refresh_social(&call),
            Endpoint::Logout => self.sign_out(&call),
            Endpoint::Recovery => self.recover(&call),
            Endpoint::Profile => self.profile(&call),
            Endpoint::ChangeFields => self.change_fields(&call),
            Endpoint::OrderList => self.orders(&call),
        }
    }

    fn next_random(&mut self) -> u64 {
        // xorshift64*: plenty for demo tokens and codes.
        let mut x = self.state.rng.max(1);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state.rng = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn new_token(&mut self, account: u32) -> String {
        let token = format!("{:016x}{:016x}", self.next_random(), self.next_random());
        self.state.sessions.push((token.clone(), account));
        token
    }

    fn new_code(&mut self) -> String {
        format!("{:04}", self.next_random() % 10_000)
    }

    /// The account behind the request's token.
    fn account_of(&self, call: &Call) -> Option<usize> {
        let token = call.req.token.as_deref()?;
        let (_, id) = self.state.sessions.iter().find(|(t, _)| t == token)?;
        self.state.accounts.iter().position(|a| a.id == *id)
    }

    /// Send a code for `(field_id, value)`, replacing any pending one for the same target.
    fn send_code(&mut self, call: &Call, field_id: &str, value: &str, purpose: Purpose) -> String {
        let code = self.new_code();
        let app_id = call.text("appId");
        self.state
            .pending
            .retain(|p| !(p.app_id == app_id && p.field_id == field_id && p.value == value));
        self.state.pending.push(Pending {
            app_id,
            field_id: field_id.to_string(),
            value: value.to_string(),
            code: code.clone(),
            sent_at_ms: call.now_ms,
            purpose,
        });
        self.state.outbox.push(SentCode {
            field_id: field_id.to_string(),
            to: value.to_string(),
            code: code.clone(),
            at_ms: call.now_ms,
        });
        // The outbox is for people looking at the demo, not an archive.
        if self.state.outbox.len() > 20 {
            self.state.outbox.remove(0);
        }
        code
    }
}

/// Digits of a phone number with a leading 8 read as 7 (Russian numbers), or `None` when it is
/// not a plausible number.
fn normalize_phone(raw: &str) -> Option<String> {
    if raw.chars().any(|c| !(c.is_ascii_digit() || " +-()".contains(c))) {
        return None;
    }
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.len() {
        11 if digits.starts_with('8') => format!("7{}", &digits[1..]),
        10 => format!("7{digits}"),
        _ => digits,
    };
    (11..=15).contains(&digits.len()).then(|| format!("+{digits}"))
}

fn plausible_email(raw: &str) -> bool {
    let Some((local, domain)) = raw.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !raw.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_are_normalized() {
        assert_eq!(normalize_phone("8 (916) 123-45-67").as_deref(), Some("+79161234567"));
        assert_eq!(normalize_phone("+7 916 123 45 67").as_deref(), Some("+79161234567"));
        assert_eq!(normalize_phone("9161234567").as_deref(), Some("+79161234567"));
        assert_eq!(normalize_phone("12345"), None);
        assert_eq!(normalize_phone("+7 916 abc"), None);
    }

    #[test]
    fn emails() {
        assert!(plausible_email("a@b.ru"));
        assert!(!plausible_email("a@b"));
        assert!(!plausible_email("a b@c.ru"));
    }
}
