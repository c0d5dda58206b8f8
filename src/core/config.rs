//! `cabinet.json`: which server to talk to and how.
//!
//! Read from `cabinet.json` beside `index.html`, or from the URL in the mount element's
//! `data-config` — never from the page's query string, so a crafted link cannot point the cabinet
//! at someone else's server. No `api` (or `"api": "demo"`) means the embedded demo backend. Any
//! invalid value stops the app with a message that names the key; nothing silently falls back to
//! demo. A known server implementation can be named instead of its URLs (`api.preset`).
//! Parsing is pure and tested natively; loading lives in `app.rs`.

use std::fmt;

use crate::core::api::json::{self, Map, Value};

use crate::core::api::http::EndpointUrls;
use crate::core::api::{Endpoint, SocialNetwork};
use crate::core::logic::{app_id, url};

/// Where tokens are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenStorage {
    /// Gone when the tab closes (default); "stay signed in" keeps one token in `local`.
    Session,
    /// Kept across visits, like the mobile apps.
    Local,
    /// Gone on reload.
    Memory,
}

pub use crate::core::logic::locale::Lang;

/// A social network's OAuth settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialConfig {
    pub network: SocialNetwork,
    pub authorize_url: String,
    pub client_id: String,
    pub scope: Option<String>,
}

/// Which backend answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiConfig {
    Demo,
    Http(EndpointUrls),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub api: ApiConfig,
    pub app_id: Option<String>,
    pub platform: String,
    pub region_id: Option<String>,
    pub locale: Option<Lang>,
    pub orders_page_size: u32,
    pub request_timeout_ms: u32,
    pub token_storage: TokenStorage,
    pub currency: String,
    /// Action type → URL template with `{param}`.
    pub actions: Vec<(String, String)>,
    pub social: Vec<SocialConfig>,
    pub saved_phone: Option<String>,
    pub saved_email: Option<String>,
    /// Iframe mode: the origin of the shop page that frames the cabinet; it alone is told the
    /// cabinet's height and sign-in state, and it alone may switch the language.
    pub parent_origin: Option<String>,
    /// Whether the cabinet's own page installs its service worker (the app files and the till
    /// card with no signal). `false` removes a worker an earlier visit installed.
    pub offline: bool,
    /// Where `cabinet.json` was read from: relative URLs — the API's, and the images a server
    /// sends as relative paths — resolve against it. Empty: the document's base.
    pub source_url: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            api: ApiConfig::Demo,
            app_id: None,
            platform: "web".into(),
            region_id: None,
            locale: None,
            orders_page_size: 20,
            request_timeout_ms: 15_000,
            token_storage: TokenStorage::Session,
            currency: "RUB".into(),
            actions: Vec::new(),
            social: Vec::new(),
            saved_phone: None,
            saved_email: None,
            parent_origin: None,
            offline: true,
            source_url: String::new(),
        }
    }
}

/// An invalid config: which key, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub key: String,
    pub problem: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.problem)
    }
}

impl std::error::Error for ConfigError {}

fn err(key: impl Into<String>, problem: impl Into<String>) -> ConfigError {
    ConfigError { key: key.into(), problem: problem.into() }
}

/// Endpoints that must be configured for a real server, and the fallbacks the digest decides
/// for the rest.
const REQUIRED: [Endpoint; 8] = [
    Endpoint::RegFields,
    Endpoint::Registration,
    Endpoint::Auth,
    Endpoint::Verification,
    Endpoint::VerificationRepeat,
    Endpoint::Profile,
    Endpoint::ChangeFields,
    Endpoint::OrderList,
];

fn fallback(e: Endpoint) -> Option<Endpoint> {
    match e {
        Endpoint::TokenRefresh => Some(Endpoint::VerificationRepeat),
        Endpoint::RecoveryFields => Some(Endpoint::RegFields),
        Endpoint::Logout => Some(Endpoint::Auth),
        _ => None,
    }
}

impl Config {
    /// The shop's catalogue (its `openCatalog` screen in `actions`), where an empty order
    /// history sends the customer; only a link that is safe to follow.
    pub fn catalog_url(&self) -> Option<String> {
        let (_, template) = self.actions.iter().find(|(screen, _)| screen == "openCatalog")?;
        let href = template.replace("{param}", "");
        url::is_safe_link(&href).then(|| href.trim().to_string())
    }

    /// Whether the shop has a password recovery method. A shop that names none gets no "forgot
    /// password" link: the registration URL the document writes in its place would receive a
    /// recovery form as a registration (the published module registers it).
    pub fn offers_recovery(&self) -> bool {
        match &self.api {
            ApiConfig::Demo => true,
            ApiConfig::Http(urls) => urls.get(Endpoint::Recovery).is_some(),
        }
    }

    /// Parse `text`, the config fetched from the absolute URL `config_url` (relative endpoint
    /// URLs resolve against it).
    pub fn parse(text: &str, config_url: &str) -> Result<Self, ConfigError> {
        let text = text.trim_start_matches('\u{feff}');
        let root = json::parse(text).map_err(|e| {
            let (line, column) = (e.line(), e.column());
            err("cabinet.json", format!("not valid JSON (line {line}, column {column})"))
        })?;
        let Value::Object(root) = root else {
            return Err(err("cabinet.json", "must be a JSON object"));
        };
        let api = match root.get("api") {
            None | Some(Value::Null) => ApiConfig::Demo,
            Some(Value::String(s)) if s == "demo" => ApiConfig::Demo,
            Some(Value::Object(api)) => ApiConfig::Http(endpoints(api, config_url)?),
            Some(_) => return Err(err("api", "must be \"demo\" or an object of endpoint URLs")),
        };
        let mut cfg = Config { api, source_url: config_url.to_string(), ..Config::default() };
        if let Some(v) = opt_text(&root, "appId")? {
            if !app_id::is_valid(&v) {
                return Err(err("appId", "must be digits only, from 1 to 2147483647"));
            }
            cfg.app_id = Some(v);
        }
        if let Some(v) = opt_text(&root, "platform")? {
            if v.trim().is_empty() {
                return Err(err("platform", "must not be empty"));
            }
            cfg.platform = v;
        }
        cfg.region_id = opt_text(&root, "regionId")?;
        cfg.saved_phone = opt_text(&root, "savedPhone")?;
        cfg.saved_email = opt_text(&root, "savedEmail")?;
        if let Some(v) = opt_text(&root, "locale")? {
            cfg.locale = Some(
                Lang::from_tag(&v)
                    .ok_or_else(|| err("locale", "must be ru or en (ru_RU, en_US…)"))?,
            );
        }
        if let Some(n) = opt_number(&root, "orders_page_size", 1, 1000)? {
            cfg.orders_page_size = n;
        }
        if let Some(n) = opt_number(&root, "request_timeout_ms", 1000, 300_000)? {
            cfg.request_timeout_ms = n;
        }
        if let Some(v) = opt_text(&root, "token_storage")? {
            cfg.token_storage = match v.as_str() {
                "session" => TokenStorage::Session,
                "local" => TokenStorage::Local,
                "memory" => TokenStorage::Memory,
                other => {
                    return Err(err(
                        "token_storage",
                        format!("unknown value \"{other}\" (expected session, local or memory)"),
                    ))
                }
            };
        }
        if let Some(v) = opt_text(&root, "currency")? {
            if v.len() != 3 || !v.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(err("currency", "must be a three-letter ISO 4217 code such as RUB"));
            }
            cfg.currency = v.to_ascii_uppercase();
        }
        if let Some(v) = opt_text(&root, "parent_origin")? {
            cfg.parent_origin = Some(url::as_origin(&v).ok_or_else(|| {
                err("parent_origin", "must be an origin such as https://shop.example (never *)")
            })?);
        }
        match root.get("offline") {
            None | Some(Value::Null) => {}
            Some(Value::Bool(on)) => cfg.offline = *on,
            Some(_) => return Err(err("offline", "must be true or false")),
        }
        cfg.actions = actions(&root, config_url)?;
        cfg.social = social(&root)?;
        Ok(cfg)
    }
}

fn opt_text(obj: &Map, key: &str) -> Result<Option<String>, ConfigError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(err(key, "must be a string")),
    }
}

fn opt_number(obj: &Map, key: &str, min: u32, max: u32) -> Result<Option<u32>, ConfigError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (min..=max).contains(n))
            .map(Some)
            .ok_or_else(|| err(key, format!("must be a whole number from {min} to {max}"))),
    }
}

fn absolute_http(raw: &str, base: &str, key: &str) -> Result<String, ConfigError> {
    let raw = raw.trim();
    if raw.is_empty() || raw.chars().any(char::is_whitespace) {
        return Err(err(key, "is not a valid URL"));
    }
    let abs = url::resolve(base, raw).ok_or_else(|| err(key, "is not a valid URL"))?;
    if !url::is_http(&abs) {
        return Err(err(key, "must be an http or https URL"));
    }
    Ok(abs)
}

/// The published 1C-Bitrix module (`mobium.api`): one entry script, the endpoint named by
/// `?method=` — its real method names, read from the module run for real.
const MOBIUM_BITRIX: [(Endpoint, &str); 11] = [
    (Endpoint::RegFields, "getRegistrationFields"),
    (Endpoint::Registration, "userRegistration"),
    (Endpoint::Auth, "userAuthorization"),
    (Endpoint::Verification, "verifyData"),
    (Endpoint::VerificationRepeat, "getNewCode"),
    (Endpoint::RecoveryFields, "getRestoreFields"),
    (Endpoint::Recovery, "userRestorePassword"),
    (Endpoint::Profile, "getUserProfile"),
    (Endpoint::ChangeFields, "userChangeProfile"),
    (Endpoint::OrderList, "userOrderHistory"),
    (Endpoint::Logout, "userLogout"),
];

/// What the published module calls `endpoint` (for the setup check's advice).
pub fn published_module_method(endpoint: Endpoint) -> Option<&'static str> {
    MOBIUM_BITRIX.iter().find(|(e, _)| *e == endpoint).map(|(_, m)| *m)
}

/// The `api.preset` naming the published module.
pub const PUBLISHED_MODULE_PRESET: &str = "mobium-bitrix";

/// `"preset": "mobium-bitrix", "base": "/api/mobium.php"`: every endpoint of that server as
/// `base?method=…`, so a merchant on it writes one line instead of eleven URLs (and cannot
/// mistype a method name). Endpoint keys written beside it win.
fn preset(api: &Map, base: &str) -> Result<Vec<(Endpoint, String)>, ConfigError> {
    match api.get("preset") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::String(name)) if name == PUBLISHED_MODULE_PRESET => {
            let Some(Value::String(entry)) = api.get("base") else {
                return Err(err(
                    "api.base",
                    "is missing (the module's entry script, such as /api/mobium.php)",
                ));
            };
            let entry = absolute_http(entry, base, "api.base")?;
            let join = if entry.contains('?') { '&' } else { '?' };
            Ok(MOBIUM_BITRIX.map(|(e, method)| (e, format!("{entry}{join}method={method}"))).into())
        }
        Some(_) => Err(err("api.preset", "must be \"mobium-bitrix\"")),
    }
}

fn endpoints(api: &Map, base: &str) -> Result<EndpointUrls, ConfigError> {
    let mut found: Vec<(Endpoint, String)> = Vec::new();
    for e in Endpoint::ALL {
        let key = format!("api.{}", e.config_key());
        match api.get(e.config_key()) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => found.push((e, absolute_http(s, base, &key)?)),
            Some(_) => return Err(err(key, "must be a URL string")),
        }
    }
    for (e, url) in preset(api, base)? {
        if !found.iter().any(|(f, _)| *f == e) {
            found.push((e, url));
        }
    }
    for e in REQUIRED {
        if !found.iter().any(|(f, _)| *f == e) {
            return Err(err(format!("api.{}", e.config_key()), "is missing"));
        }
    }
    for e in Endpoint::ALL {
        if found.iter().any(|(f, _)| *f == e) {
            continue;
        }
        let url =
            fallback(e).and_then(|fb| found.iter().find(|(f, _)| *f == fb)).map(|(_, u)| u.clone());
        if let Some(url) = url {
            found.push((e, url));
        }
    }
    Ok(EndpointUrls::new(found))
}

fn actions(root: &Map, base: &str) -> Result<Vec<(String, String)>, ConfigError> {
    match root.get("actions") {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Object(map)) => map
            .iter()
            .map(|(k, v)| {
                let key = format!("actions.{k}");
                let template =
                    v.as_str().ok_or_else(|| err(&key, "must be a URL template string"))?;
                // A template is checked with its placeholder filled, so `{param}` in the path
                // doesn't make a valid URL look invalid.
                let probe = template.replace("{param}", "x");
                let abs =
                    url::resolve(base, &probe).ok_or_else(|| err(&key, "is not a valid URL"))?;
                if !matches!(
                    url::scheme(&abs).as_deref(),
                    Some("http" | "https" | "tel" | "mailto")
                ) {
                    return Err(err(&key, "must be an http, https, tel or mailto URL"));
                }
                let resolved = if url::scheme(template).is_some() {
                    template.to_string()
                } else {
                    url::resolve(base, template).unwrap_or_else(|| template.to_string())
                };
                Ok((k.clone(), resolved))
            })
            .collect(),
        Some(_) => Err(err("actions", "must be an object of action type → URL template")),
    }
}

fn social(root: &Map) -> Result<Vec<SocialConfig>, ConfigError> {
    let map = match root.get("social") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Object(map)) => map,
        Some(_) => return Err(err("social", "must be an object keyed by network")),
    };
    let mut out = Vec::new();
    for (name, v) in map {
        let key = format!("social.{name}");
        let network = SocialNetwork::from_wire(name).ok_or_else(|| {
            err(&key, "unknown network (expected vkontakte, ok, facebook or instagram)")
        })?;
        let Value::Object(s) = v else {
            return Err(err(&key, "must be an object with authorize_url and client_id"));
        };
        let authorize_url = match s.get("authorize_url").and_then(Value::as_str) {
            Some(u) if url::is_http(u) => u.to_string(),
            _ => return Err(err(format!("{key}.authorize_url"), "must be an absolute https URL")),
        };
        let client_id = opt_text(s, "client_id")
            .map_err(|_| err(format!("{key}.client_id"), "must be a string"))?
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| err(format!("{key}.client_id"), "is missing"))?;
        let scope =
            opt_text(s, "scope").map_err(|_| err(format!("{key}.scope"), "must be a string"))?;
        out.push(SocialConfig { network, authorize_url, client_id, scope });
    }
    Ok(out)
}
