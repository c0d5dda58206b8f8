//! Test support shared by the native test files: the HTTP test server, and a WebDriver session on
//! Debian's Chromium.
//!
//! The server serves a release bundle (SPA fallback to `index.html`) and the demo backend over
//! real HTTP on 127.0.0.1, so browser tests go through real `fetch`, headers and status codes. It
//! answers API calls with `Content-Type: text/html` like the PHP servers it stands in for, logs
//! every API request for assertions, and serves whatever `cabinet.json` a test asks for.

#![allow(dead_code, clippy::panic, clippy::unwrap_used, clippy::expect_used)]

pub mod published;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use web_cabinet::api::{ApiRequest, Endpoint};
use web_cabinet::demo::{DemoBackend, SentCode};

/// The `?method=` names the test server's API answers to (one entry script, like real servers).
pub const METHODS: [(&str, Endpoint); 11] = [
    ("getRegistrationFields", Endpoint::RegFields),
    ("userRegistration", Endpoint::Registration),
    ("userAuthorization", Endpoint::Auth),
    ("verifyData", Endpoint::Verification),
    ("getNewCode", Endpoint::VerificationRepeat),
    ("refreshToken", Endpoint::TokenRefresh),
    ("getRestoreFields", Endpoint::RecoveryFields),
    ("restorePassword", Endpoint::Recovery),
    ("getUserProfile", Endpoint::Profile),
    ("changeUserFields", Endpoint::ChangeFields),
    ("userOrderHistory", Endpoint::OrderList),
];

/// A `cabinet.json` pointing every endpoint at this server with relative URLs that already carry
/// a query; sign-out uses the default (`DELETE` on the auth URL).
pub fn http_config() -> String {
    http_config_with_timeout(5000)
}

/// [`http_config`] with another `request_timeout_ms`.
pub fn http_config_with_timeout(timeout_ms: u32) -> String {
    let mut api = serde_json::Map::new();
    for (method, endpoint) in METHODS {
        api.insert(endpoint.config_key().into(), format!("/api/mobium.php?method={method}").into());
    }
    serde_json::json!({ "api": api, "token_storage": "session", "request_timeout_ms": timeout_ms })
        .to_string()
}

/// One API request as the server saw it.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub endpoint: Option<Endpoint>,
    pub query: HashMap<String, String>,
    pub authorization: Option<String>,
    pub content_type: Option<String>,
    /// The `Cookie` header, if the browser sent one (it must not: `credentials: "omit"`).
    pub cookie: Option<String>,
    pub body: String,
}

/// What `/cabinet.json` answers.
#[derive(Debug, Clone)]
pub enum ConfigMode {
    /// This text.
    Json(String),
    /// Whatever `dist/cabinet.json` holds (the demo default).
    FromDist,
    /// 404.
    Missing,
}

/// A misbehaviour to apply to the next request to an endpoint.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status and body instead of asking the backend.
    Answer { status: u16, body: String },
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// Never answer in any reasonable time (the client must time out).
    Hang,
    /// The backend's real answer with this text in front (a PHP warning, a BOM).
    Prefix(String),
    /// The backend's real answer with an unknown field of this many bytes added to its top
    /// object (a server that dumps megabytes).
    Huge(usize),
}

/// How the order list treats `offset` and `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PagingMode {
    /// As the document says.
    Honest,
    /// Everything, every time (most real servers).
    IgnoresPaging,
    /// `offset` read as a page number.
    OffsetAsPage,
}

/// The policy of deploy/nginx/web-cabinet/security-headers.conf, with a report address: every
/// page the browser tests open runs under it, and any violation fails the test (see `Drop`).
/// frame-ancestors also lets `http://localhost:*` frame the cabinet, and frame-src lets the
/// example shop page frame 127.0.0.1, for the iframe tests (the cabinet itself frames nothing).
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
    img-src 'self' https: data:; connect-src 'self'; frame-ancestors 'self' http://localhost:*; \
    frame-src 'self' http://127.0.0.1:*; \
    base-uri 'self'; form-action 'self'; object-src 'none'; report-uri /csp-report";

/// Injection payloads for text slots: markup, event handlers, SVG, attribute break-outs. Each
/// sets `window.__xss` if it ever runs.
pub const XSS_TEXT: [&str; 8] = [
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<svg onload=\"window.__xss='svg'\"><circle r=9 /></svg>",
    "\"><iframe src=\"javascript:window.__xss='iframe'\"></iframe>",
    "' onmouseover='window.__xss=\"attr\"' x='",
    "<a href=\"javascript:window.__xss='a'\">click</a>",
    "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">",
    "{{7*7}} ${window.__xss='tpl'} <details open ontoggle=\"window.__xss='details'\">",
];

/// Injection payloads for URL slots (images, action parameters): script and data URLs in the
/// spellings browsers accept.
pub const XSS_URL: [&str; 6] = [
    "javascript:window.__xss='js-url'",
    " JaVaScRiPt:window.__xss='mixed-case'",
    "java\tscript:window.__xss='tab'",
    "data:text/html,<script>window.__xss='data'</script>",
    "vbscript:msgbox(1)",
    "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='window.__xss=1'/>",
];

/// Keys whose strings stay as the backend sent them: the envelope's status, the token, and the
/// type tags that choose a renderer (a payload there only means "unknown type").
const XSS_KEEP: [&str; 6] =
    ["status", "token", "accessToken", "cabinet_field_type", "type", "code_input_type"];
const XSS_URL_KEYS: [&str; 5] = ["image", "param", "url", "link", "href"];

/// Fill every string slot of a JSON answer (and the keys of `contact` maps) with payloads;
/// returns how many slots were filled.
pub fn xss_fill(value: &mut serde_json::Value, key: &str, n: &mut usize) {
    use serde_json::Value;
    match value {
        Value::String(s) if !XSS_KEEP.contains(&key) => {
            let url = XSS_URL_KEYS.contains(&key);
            *s = if url {
                XSS_URL[*n % XSS_URL.len()].to_string()
            } else {
                format!("{}{}", XSS_TEXT[*n % XSS_TEXT.len()], *n)
            };
            *n += 1;
        }
        Value::Array(items) => items.iter_mut().for_each(|v| xss_fill(v, key, n)),
        Value::Object(map) => {
            let rekey = key == "contact";
            let entries: Vec<(String, Value)> = std::mem::take(map).into_iter().collect();
            for (k, mut v) in entries {
                xss_fill(&mut v, &k, n);
                let k = if rekey {
                    *n += 1;
                    format!("{}{k}", XSS_TEXT[*n % XSS_TEXT.len()])
                } else {
                    k
                };
                map.insert(k, v);
            }
        }
        _ => {}
    }
}

pub struct ServerState {
    /// Every answer's strings replaced by injection payloads ([`xss_fill`]); slots filled so far.
    pub xss: Mutex<Option<usize>>,
    /// Content-Security-Policy violation reports the browser sent.
    pub csp_reports: Mutex<Vec<String>>,
    pub backend: Mutex<DemoBackend>,
    pub log: Mutex<Vec<Logged>>,
    pub config: Mutex<ConfigMode>,
    /// Queued per endpoint, applied first in, first out.
    pub faults: Mutex<Vec<(Endpoint, Fault)>>,
    /// Applied to every request to the endpoint (after the queued ones) until cleared.
    pub sticky: Mutex<Vec<(Endpoint, Fault)>>,
    pub paging: Mutex<PagingMode>,
    /// Behave as the published 1C-Bitrix module ([`published`]).
    pub module: Mutex<Option<published::Module>>,
    pub dist: PathBuf,
}

pub struct TestServer {
    pub addr: SocketAddr,
    pub state: Arc<ServerState>,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

/// Which release build a test server serves: both are built once by `scripts/test`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `dist/`: what a merchant deploys (no demo backend inside).
    Merchant,
    /// `target/dist-demo/`: the same app with the embedded demo backend.
    Demo,
}

pub fn dist_dir() -> PathBuf {
    bundle_dir(Bundle::Merchant)
}

pub fn bundle_dir(bundle: Bundle) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = match bundle {
        Bundle::Merchant => root.join("dist"),
        Bundle::Demo => root.join("target/dist-demo"),
    };
    assert!(
        dist.join("index.html").is_file(),
        "{} has no release build: run `scripts/test` (it builds dist/ once, then runs every test)",
        dist.display()
    );
    dist
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
}

impl TestServer {
    /// Serve the merchant bundle (`dist/`).
    pub async fn start(config: ConfigMode) -> Self {
        Self::start_with(Bundle::Merchant, config).await
    }

    /// Serve the bundle with the embedded demo backend.
    pub async fn start_demo(config: ConfigMode) -> Self {
        Self::start_with(Bundle::Demo, config).await
    }

    pub async fn start_with(bundle: Bundle, config: ConfigMode) -> Self {
        let dist = bundle_dir(bundle);
        let state = Arc::new(ServerState {
            csp_reports: Mutex::new(Vec::new()),
            dist: dist.clone(),
            backend: Mutex::new(DemoBackend::seeded()),
            log: Mutex::new(Vec::new()),
            config: Mutex::new(config),
            faults: Mutex::new(Vec::new()),
            sticky: Mutex::new(Vec::new()),
            xss: Mutex::new(None),
            paging: Mutex::new(PagingMode::Honest),
            module: Mutex::new(None),
        });
        let app = Router::new()
            .route("/api/mobium.php", any(api))
            .route("/cabinet.json", get(cabinet_json))
            .route("/test/outbox", get(outbox))
            .route("/fake-oauth/authorize", get(fake_oauth))
            .route("/embed-test.html", get(embed_page))
            .route("/csp-report", post(csp_report))
            .route("/api/csp-report", post(csp_report))
            .route("/bench/vanilla.html", get(vanilla_page))
            .fallback_service(
                ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html"))),
            )
            .with_state(state.clone())
            .layer(axum::middleware::map_response(with_csp));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Self { addr, state, _shutdown: tx }
    }

    /// The CSP reports so far.
    pub fn csp_reports(&self) -> Vec<String> {
        self.state.csp_reports.lock().unwrap().clone()
    }

    /// Take the reports (for the test that provokes one on purpose).
    pub fn take_csp_reports(&self) -> Vec<String> {
        std::mem::take(&mut *self.state.csp_reports.lock().unwrap())
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn log(&self) -> Vec<Logged> {
        self.state.log.lock().unwrap().clone()
    }

    pub fn requests_to(&self, endpoint: Endpoint) -> Vec<Logged> {
        self.log().into_iter().filter(|l| l.endpoint == Some(endpoint)).collect()
    }

    /// Make the next request to `endpoint` misbehave.
    pub fn fault_next(&self, endpoint: Endpoint, fault: Fault) {
        self.state.faults.lock().unwrap().push((endpoint, fault));
    }

    /// Make every request to `endpoint` misbehave, until [`Self::clear_faults`].
    pub fn fault_always(&self, endpoint: Endpoint, fault: Fault) {
        self.state.sticky.lock().unwrap().push((endpoint, fault));
    }

    /// From now on every answer carries injection payloads in its string slots.
    pub fn set_xss(&self) {
        *self.state.xss.lock().unwrap() = Some(0);
    }

    /// How many string slots have been filled with payloads.
    pub fn xss_slots(&self) -> usize {
        self.state.xss.lock().unwrap().unwrap_or(0)
    }

    /// The server behaves again.
    pub fn clear_faults(&self) {
        self.state.faults.lock().unwrap().clear();
        self.state.sticky.lock().unwrap().clear();
    }

    /// From now on behave as the published 1C-Bitrix module (see [`published`]).
    pub fn set_published_module(&self) {
        *self.state.module.lock().unwrap() = Some(published::Module::default());
    }

    /// Give the demo customer this many orders.
    pub fn set_order_count(&self, count: u32) {
        self.state.backend.lock().unwrap().set_order_count(count);
    }

    /// Make the order list behave like another kind of server.
    pub fn set_paging(&self, mode: PagingMode) {
        *self.state.paging.lock().unwrap() = mode;
    }

    /// Serve another `cabinet.json` from now on.
    pub fn set_config(&self, config: ConfigMode) {
        *self.state.config.lock().unwrap() = config;
    }

    /// [`http_config`] plus VK sign-in through this server's fake OAuth provider.
    pub fn config_with_vk(&self) -> String {
        let mut cfg: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
        cfg["social"] = serde_json::json!({
            "vkontakte": {
                "authorize_url": self.url("/fake-oauth/authorize?v=5.131"),
                "client_id": "51234",
                "scope": "email"
            }
        });
        cfg.to_string()
    }

    pub fn last_code(&self) -> Option<SentCode> {
        self.state.backend.lock().unwrap().outbox().last().cloned()
    }
}

impl Drop for TestServer {
    /// A journey that triggered a CSP violation fails, whatever else it checked.
    fn drop(&mut self) {
        let reports = self.csp_reports();
        if !reports.is_empty() && !std::thread::panicking() {
            panic!("Content-Security-Policy violations: {reports:#?}");
        }
    }
}

async fn with_csp(mut response: Response) -> Response {
    if let Ok(value) = header::HeaderValue::from_str(CSP) {
        response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

async fn csp_report(State(state): State<Arc<ServerState>>, body: String) -> StatusCode {
    state.csp_reports.lock().unwrap().push(body);
    StatusCode::NO_CONTENT
}

async fn cabinet_json(State(state): State<Arc<ServerState>>) -> Response {
    let mode = state.config.lock().unwrap().clone();
    match mode {
        ConfigMode::Json(text) => {
            ([(header::CONTENT_TYPE, "application/json")], text).into_response()
        }
        ConfigMode::FromDist => match std::fs::read_to_string(state.dist.join("cabinet.json")) {
            Ok(text) => ([(header::CONTENT_TYPE, "application/json")], text).into_response(),
            Err(_) => StatusCode::NOT_FOUND.into_response(),
        },
        ConfigMode::Missing => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A stand-in for a social network's authorize page: "Allow" returns an access token and a user
/// id in the fragment, with the `state` it was given; "Deny" returns `error=access_denied`.
async fn fake_oauth(Query(q): Query<HashMap<String, String>>) -> Response {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let (redirect, state, client) = (get("redirect_uri"), get("state"), get("client_id"));
    let enc = |s: &str| s.replace('&', "%26").replace('#', "%23");
    let allow = format!(
        "{redirect}#access_token=fake-{client}-token&expires_in=86400&user_id=777001&state={}",
        enc(&state)
    );
    let deny = format!(
        "{redirect}#error=access_denied&error_description=User+denied&state={}",
        enc(&state)
    );
    let html = format!(
        "<!doctype html><title>Fake VK</title><h1>Allow the shop to use your account?</h1>\
         <p>response_type={}, scope={}</p><a id=allow href=\"{allow}\">Allow</a> <a id=deny href=\"{deny}\">Deny</a>",
        get("response_type"),
        get("scope")
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

/// The built page with what an embedding shop page would add to the mount element.
async fn embed_page() -> Response {
    let index = std::fs::read_to_string(dist_dir().join("index.html")).unwrap_or_default();
    // Release builds minify index.html: the mount's id may have lost its quotes.
    let html = index.replace("<div id=web-cabinet>", "<div id=\"web-cabinet\">").replace(
        "<div id=\"web-cabinet\"></div>",
        "<div id=\"web-cabinet\" data-saved-phone=\"+79160000000\" data-saved-email=\"guest@example.com\" data-region-id=\"spb\"></div>",
    );
    assert!(html.contains("data-saved-phone"), "no mount element found in dist/index.html");
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

/// The benchmark's hand-written baseline page.
async fn vanilla_page() -> Response {
    let html = include_str!("../bench/vanilla.html");
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn outbox(State(state): State<Arc<ServerState>>) -> Response {
    let codes = state.backend.lock().unwrap().outbox().to_vec();
    let list: Vec<serde_json::Value> = codes
        .into_iter()
        .map(|c| serde_json::json!({ "field_id": c.field_id, "to": c.to, "code": c.code }))
        .collect();
    ([(header::CONTENT_TYPE, "application/json")], serde_json::Value::from(list).to_string())
        .into_response()
}

async fn api(
    State(state): State<Arc<ServerState>>,
    method: Method,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: String,
) -> Response {
    let header_text = |name: header::HeaderName| {
        headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_string)
    };
    let named = query.get("method").map(String::as_str).unwrap_or("");
    let endpoint = METHODS.iter().find(|(m, _)| *m == named).map(|(_, e)| *e).map(|e| {
        // Sign-out is DELETE on the auth URL.
        if e == Endpoint::Auth && method == Method::DELETE {
            Endpoint::Logout
        } else {
            e
        }
    });
    state.log.lock().unwrap().push(Logged {
        method: method.to_string(),
        endpoint,
        query: query.clone(),
        authorization: header_text(header::AUTHORIZATION),
        content_type: header_text(header::CONTENT_TYPE),
        cookie: header_text(header::COOKIE),
        body: body.clone(),
    });
    let Some(endpoint) = endpoint else {
        // What a real entry script does with an unknown method: an empty 200.
        return (StatusCode::OK, "").into_response();
    };
    let fault = {
        let mut faults = state.faults.lock().unwrap();
        faults.iter().position(|(e, _)| *e == endpoint).map(|i| faults.remove(i).1)
    };
    let fault = fault.or_else(|| {
        let sticky = state.sticky.lock().unwrap();
        sticky.iter().find(|(e, _)| *e == endpoint).map(|(_, f)| f.clone())
    });
    let mut reshape = None;
    match fault {
        Some(Fault::Answer { status, body }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, [(header::CONTENT_TYPE, "text/html; charset=UTF-8")], body)
                .into_response();
        }
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::Hang) => {
            tokio::time::sleep(Duration::from_secs(60)).await;
            return StatusCode::GATEWAY_TIMEOUT.into_response();
        }
        Some(f @ (Fault::Prefix(_) | Fault::Huge(_))) => reshape = Some(f),
        None => {}
    }
    let mut req = ApiRequest::new(endpoint);
    req.token = header_text(header::AUTHORIZATION);
    req.body = (!body.is_empty()).then_some(body);
    let number = |k: &str| query.get(k).and_then(|v| v.parse::<u32>().ok());
    let module_on = state.module.lock().unwrap().is_some();
    match (*state.paging.lock().unwrap(), number("offset"), number("limit")) {
        // The module reads the text itself (`00` is not `0` to it).
        _ if module_on => {
            for key in ["offset", "limit"] {
                if let Some(v) = query.get(key) {
                    req.query.push((key, v.clone()));
                }
            }
        }
        (PagingMode::IgnoresPaging, _, _) => {}
        (PagingMode::OffsetAsPage, Some(page), Some(limit)) => {
            req.query.push(("offset", page.saturating_mul(limit).to_string()));
            req.query.push(("limit", limit.to_string()));
        }
        (_, offset, limit) => {
            if let Some(o) = offset {
                req.query.push(("offset", o.to_string()));
            }
            if let Some(l) = limit {
                req.query.push(("limit", l.to_string()));
            }
        }
    }
    req.locale = header_text(header::ACCEPT_LANGUAGE);
    if module_on {
        let early = state.module.lock().unwrap().as_mut().and_then(|m| m.before(&mut req));
        if let Some(resp) = early {
            return (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "text/html; charset=UTF-8")],
                resp.body,
            )
                .into_response();
        }
    }
    let resp = state.backend.lock().unwrap().handle(&req, now_ms());
    let resp = match state.module.lock().unwrap().as_mut() {
        Some(module) => module.after(&req, resp),
        None => resp,
    };
    let status = StatusCode::from_u16(resp.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = match reshape {
        Some(Fault::Prefix(text)) => format!("{text}{}", resp.body),
        Some(Fault::Huge(bytes)) => {
            resp.body.replacen('{', &format!("{{\"debug\":\"{}\",", "x".repeat(bytes)), 1)
        }
        _ => resp.body,
    };
    let body = match state.xss.lock().unwrap().as_mut() {
        Some(filled) => match serde_json::from_str::<serde_json::Value>(&body) {
            Ok(mut json) => {
                xss_fill(&mut json, "", filled);
                json.to_string()
            }
            Err(_) => body,
        },
        None => body,
    };
    // Real PHP servers label JSON as HTML: the client must read the body, not the header.
    (status, [(header::CONTENT_TYPE, "text/html; charset=UTF-8")], body).into_response()
}

/// The strings of a JSON array (anything else: none).
fn strings(value: serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::Array(items) => {
            items.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
        }
        _ => Vec::new(),
    }
}

/// Headless Chromium driven through Debian's chromedriver.
pub mod browser {
    use super::*;
    use fantoccini::{Client, ClientBuilder, Locator};
    use std::process::Stdio;

    /// Browser tests share two cores: one at a time.
    pub static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

    pub struct Browser {
        pub client: Client,
        driver: tokio::process::Child,
        _profile: TempDir,
    }

    /// A chromedriver extension command: `POST /session/{id}/<path>` with a JSON body
    /// (`chromium/network_conditions`, `goog/cdp/execute`).
    #[derive(Debug)]
    struct Chromium(&'static str, serde_json::Value);

    impl fantoccini::wd::WebDriverCompatibleCommand for Chromium {
        fn endpoint(
            &self,
            base: &url::Url,
            session: Option<&str>,
        ) -> Result<url::Url, url::ParseError> {
            base.join(&format!("session/{}/{}", session.unwrap_or(""), self.0))
        }

        fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
            (http::Method::POST, Some(self.1.to_string()))
        }
    }

    /// A throw-away folder, removed on drop.
    pub struct TempDir(pub PathBuf);
    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn free_port() -> u16 {
        std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("port")
    }

    pub fn chromedriver() -> String {
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
    }

    pub fn chromium() -> String {
        std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
    }

    impl Browser {
        /// Start chromedriver and a fresh headless Chromium with the given language.
        pub async fn start(lang: &str) -> Self {
            let port = free_port();
            let driver = tokio::process::Command::new(chromedriver())
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .kill_on_drop(true)
                .spawn()
                .unwrap_or_else(|e| {
                    panic!("cannot start {}: {e} (run scripts/setup)", chromedriver())
                });
            let profile = TempDir(
                std::env::temp_dir().join(format!("wc-chrome-{port}-{}", std::process::id())),
            );
            let caps = serde_json::json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": chromium(),
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic", "--no-first-run", "--window-size=1280,900",
                        "--enable-precise-memory-info", "--js-flags=--expose-gc",
                        format!("--lang={lang}"), format!("--user-data-dir={}", profile.0.display()),
                    ],
                    "prefs": { "intl.accept_languages": lang },
                },
                // Kept for `describe`: what the page said before a wait gave up.
                "goog:loggingPrefs": { "browser": "ALL" },
            });
            let caps = match caps {
                serde_json::Value::Object(m) => m,
                _ => unreachable!(),
            };
            let url = format!("http://127.0.0.1:{port}");
            let mut last_err = String::new();
            for _ in 0..50 {
                match ClientBuilder::native().capabilities(caps.clone()).connect(&url).await {
                    Ok(client) => return Self { client, driver, _profile: profile },
                    Err(e) => {
                        last_err = e.to_string();
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
            }
            panic!("could not start a WebDriver session: {last_err}");
        }

        /// Throttle the network as Chromium's DevTools would (chromedriver's network_conditions):
        /// round-trip latency in ms, throughput in bytes per second.
        pub async fn throttle(&self, latency_ms: f64, down_bps: f64, up_bps: f64) {
            let conditions = serde_json::json!({ "network_conditions": {
                "offline": false, "latency": latency_ms,
                "download_throughput": down_bps, "upload_throughput": up_bps,
            }});
            self.client
                .issue_cmd(Chromium("chromium/network_conditions", conditions))
                .await
                .expect("chromedriver network_conditions");
        }

        /// Type into whatever has the focus, as a keyboard does (WebDriver key codes included).
        pub async fn keys(&self, text: &str) {
            let el = self.client.active_element().await.expect("a focused element");
            el.send_keys(text).await.expect("send keys");
        }

        /// The focused element's id (or tag and classes when it has none).
        pub async fn focused(&self) -> String {
            self.js("const e = document.activeElement; \
                     return e ? (e.id || e.tagName.toLowerCase() + '.' + [...e.classList].join('.')) : '';")
                .await
                .as_str()
                .unwrap_or_default()
                .to_string()
        }

        /// Press Tab until the focus is on `css` (at most 40 times); panics if it never gets there.
        pub async fn tab_to(&self, css: &str) {
            let check = format!(
                "return !!document.activeElement && document.activeElement.matches({css:?});"
            );
            for _ in 0..40 {
                if self.js(&check).await.as_bool() == Some(true) {
                    return;
                }
                self.keys(&fantoccini::key::Key::Tab.to_string()).await;
            }
            panic!("Tab never reached {css}; focus is on {}", self.focused().await);
        }

        /// Emulate `prefers-color-scheme: dark` (or light) for every page from now on.
        pub async fn color_scheme(&self, scheme: &str) {
            let cmd = serde_json::json!({
                "cmd": "Emulation.setEmulatedMedia",
                "params": { "features": [{ "name": "prefers-color-scheme", "value": scheme }] },
            });
            self.client
                .issue_cmd(Chromium("goog/cdp/execute", cmd))
                .await
                .expect("CDP Emulation.setEmulatedMedia");
        }

        /// Interactive elements of the cabinet smaller than `min` px in either direction, at the
        /// current window size (links inside running text are exempt, as WCAG 2.5.8 allows).
        pub async fn small_targets(&self, min: u32) -> Vec<String> {
            let script = format!(
                "const out = []; \
                 for (const el of document.querySelectorAll('.wc-root a, .wc-root button, .wc-root input, \
                      .wc-root select, .wc-root textarea, .wc-root [tabindex]')) {{ \
                   const r = el.getBoundingClientRect(); \
                   if (r.width === 0 && r.height === 0) continue; \
                   if (el.getAttribute('tabindex') === '-1') continue; \
                   if (el.tagName === 'A' && el.closest('p, li, dd, td') && !el.classList.contains('wc-button')) continue; \
                   if (el.type === 'checkbox' || el.type === 'radio') {{ \
                     const label = el.closest('label') || document.querySelector(`label[for='${{el.id}}']`); \
                     const lr = label ? label.getBoundingClientRect() : r; \
                     if (lr.height >= {min}) continue; \
                   }} \
                   if (r.width < {min} || r.height < {min}) \
                     out.push(`${{el.tagName.toLowerCase()}}${{el.id ? '#' + el.id : ''}}.${{[...el.classList].join('.')}} ${{Math.round(r.width)}}x${{Math.round(r.height)}}`); \
                 }} return out;"
            );
            let found = self.js(&script).await;
            found
                .as_array()
                .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
                .unwrap_or_default()
        }

        /// Cut the browser off the network (fetch fails at once, as with a refused connection),
        /// or put it back.
        pub async fn offline(&self, offline: bool) {
            let conditions = serde_json::json!({ "network_conditions": {
                "offline": offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1,
            }});
            self.client
                .issue_cmd(Chromium("chromium/network_conditions", conditions))
                .await
                .expect("chromedriver network_conditions");
        }

        pub async fn close(mut self) {
            let _ = self.client.clone().close().await;
            let _ = self.driver.kill().await;
        }

        /// Wait up to 15 s for an element.
        pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
            match self
                .client
                .wait()
                .at_most(Duration::from_secs(15))
                .for_element(Locator::Css(css))
                .await
            {
                Ok(el) => el,
                Err(e) => panic!("no element {css}: {e}\n{}", self.describe().await),
            }
        }

        /// Wait up to 15 s until the element's text contains `needle`; returns the text.
        pub async fn wait_text(&self, css: &str, needle: &str) -> String {
            let mut seen = String::new();
            for _ in 0..75 {
                if let Ok(el) = self.client.find(Locator::Css(css)).await {
                    if let Ok(text) = el.text().await {
                        if text.contains(needle) {
                            return text;
                        }
                        seen = text;
                    }
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            panic!(
                "{css} never contained {needle:?}; last text: {seen:?}\n{}",
                self.describe().await
            );
        }

        /// Wait up to 15 s for the path to become `path`.
        pub async fn wait_path(&self, path: &str) {
            let mut seen = String::new();
            for _ in 0..75 {
                if let Ok(url) = self.client.current_url().await {
                    if url.path() == path {
                        return;
                    }
                    seen = url.to_string();
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            panic!("never reached {path}; at {seen}\n{}", self.describe().await);
        }

        pub async fn value(&self, css: &str) -> String {
            let el = self.find(css).await;
            el.prop("value").await.ok().flatten().unwrap_or_default()
        }

        pub async fn type_into(&self, css: &str, text: &str) {
            let el = self.find(css).await;
            el.clear().await.expect("clear");
            el.send_keys(text).await.expect("type");
        }

        pub async fn click(&self, css: &str) {
            self.find(css).await.click().await.unwrap_or_else(|e| panic!("click {css}: {e}"));
        }

        pub async fn js(&self, script: &str) -> serde_json::Value {
            self.client.execute(script, Vec::new()).await.unwrap_or(serde_json::Value::Null)
        }

        /// A script's array result as strings (non-strings dropped).
        pub async fn js_strings(&self, script: &str) -> Vec<String> {
            strings(self.js(script).await)
        }

        /// The text of every `css` element whose text is cut short (wider than its box: an
        /// ellipsis or clipping shows).
        pub async fn cut_short(&self, css: &str) -> Vec<String> {
            self.js_strings(&format!(
                "return [...document.querySelectorAll({css:?})] \
                   .filter(e => e.scrollWidth > e.clientWidth).map(e => e.textContent)"
            ))
            .await
        }

        /// Save a screenshot at phone or desktop width under `target/screenshots/`.
        pub async fn screenshot(&self, name: &str, width: u32, height: u32) -> PathBuf {
            self.client.set_window_size(width, height).await.expect("resize");
            tokio::time::sleep(Duration::from_millis(300)).await;
            let png = self.client.screenshot().await.expect("screenshot");
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
            std::fs::create_dir_all(&dir).expect("screenshot dir");
            let path = dir.join(format!("{name}.png"));
            std::fs::write(&path, png).expect("write screenshot");
            path
        }

        /// Run axe-core (WCAG 2.0–2.2 A and AA rules) on the current page; returns one line per
        /// violation: rule, impact, how many elements, and the first element's selector.
        pub async fn axe(&self) -> Vec<String> {
            let path = std::env::var("AXE_JS").unwrap_or_else(|_| {
                let home = std::env::var("HOME").unwrap_or_default();
                format!("{home}/.cache/web-cabinet/npm/node_modules/axe-core/axe.min.js")
            });
            let source = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("axe-core not at {path}: {e} (run scripts/setup)"));
            if self.js("return typeof window.axe").await != "object" {
                self.client
                    .execute(&format!("{source}\n;return typeof window.axe;"), Vec::new())
                    .await
                    .expect("inject axe");
            }
            let result = self
                .client
                .execute_async(
                    r#"const done = arguments[arguments.length - 1];
                    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                      .then(r => done(r.violations.map(v => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes[0] ? v.nodes[0].target.join(' ') : ''}`)))
                      .catch(e => done(['axe failed: ' + e]));"#,
                    Vec::new(),
                )
                .await
                .expect("run axe");
            strings(result)
        }

        /// What the page shows and said, for a failure message: the address, whether the panic
        /// screen is up, the cabinet's visible text and the browser console since the last call.
        pub async fn describe(&self) -> String {
            let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
            let text = self
                .js("const r = document.querySelector('.wc-root') || document.body; \
                     return r ? r.innerText : '(no body)';")
                .await;
            let console = self
                .client
                .issue_cmd(Chromium("se/log", serde_json::json!({ "type": "browser" })))
                .await
                .map(|log| {
                    log.as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|e| e.get("message").and_then(|m| m.as_str()))
                        .collect::<Vec<_>>()
                        .join("\n  ")
                })
                .unwrap_or_else(|e| format!("(no log: {e})"));
            format!(
                "page at {url}; panic screen: {}\npage text:\n  {}\nconsole:\n  {console}",
                self.crashed().await,
                text.as_str().unwrap_or_default().replace('\n', "\n  "),
            )
        }

        /// Whether the panic screen is up (a panic anywhere puts it there).
        pub async fn crashed(&self) -> bool {
            self.client.find(Locator::Css(".wc-crash")).await.is_ok()
        }
    }
}
