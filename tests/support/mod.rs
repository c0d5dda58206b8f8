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

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};

use web_cabinet::core::api::{ApiRequest, Endpoint};
use web_cabinet::demo::{DemoBackend, SentCode};

/// The `?method=` names the test server's API answers to (one entry script, like real servers):
/// the published module's own (`refreshToken` is this server's addition, the module has none).
pub const METHODS: [(&str, Endpoint); 12] = [
    ("getRegistrationFields", Endpoint::RegFields),
    ("userRegistration", Endpoint::Registration),
    ("userAuthorization", Endpoint::Auth),
    ("verifyData", Endpoint::Verification),
    ("getNewCode", Endpoint::VerificationRepeat),
    ("refreshToken", Endpoint::TokenRefresh),
    ("getRestoreFields", Endpoint::RecoveryFields),
    ("userRestorePassword", Endpoint::Recovery),
    ("getUserProfile", Endpoint::Profile),
    ("userChangeProfile", Endpoint::ChangeFields),
    ("userOrderHistory", Endpoint::OrderList),
    ("userLogout", Endpoint::Logout),
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
        if endpoint == Endpoint::Logout {
            continue;
        }
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
    /// Cut the connection before an answer arrives: the browser sees a network failure, as
    /// when the server is down (the same in every engine, unlike a driver's "offline" switch).
    Drop,
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
    img-src 'self' https: data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'self' http://localhost:*; \
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
    /// Serve a wasm file that is not WebAssembly (a start that fails).
    pub broken_wasm: Mutex<bool>,
    /// Hold the wasm's answer back until released: a network that brings the page and the
    /// loader at once and the app's 250 KB late (the first screen is all there is meanwhile).
    /// `None` until a test holds it; `Some(false)` released (and still never cached).
    pub held_wasm: Mutex<Option<bool>>,
    /// Answer the whole cabinet's files (`signed-in/`) with 503: a network that drops between
    /// the page's load and the sign-in.
    pub refused_signed_in: Mutex<bool>,
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
    /// Requests answered with [`Fault::Hang`] whose client went away before the answer (the
    /// browser aborted the fetch and closed the connection).
    pub abandoned: Mutex<Vec<Endpoint>>,
    /// Behave as the published 1C-Bitrix module ([`published`]).
    pub module: Mutex<Option<published::Module>>,
    /// What `/upload/barcodes/…` answers (a first installation's barcode that never loads).
    pub broken_picture: Mutex<published::BrokenPicture>,
    pub dist: PathBuf,
}

/// Records a hanging request in `abandoned` when it is dropped unanswered.
struct Abandoned {
    state: Arc<ServerState>,
    endpoint: Option<Endpoint>,
}

impl Abandoned {
    fn answered(mut self) {
        self.endpoint = None;
    }
}

impl Drop for Abandoned {
    fn drop(&mut self) {
        if let Some(endpoint) = self.endpoint.take() {
            if let Ok(mut list) = self.state.abandoned.lock() {
                list.push(endpoint);
            }
        }
    }
}

pub struct TestServer {
    pub addr: SocketAddr,
    pub state: Arc<ServerState>,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

/// Which release build a test server serves: both are built once by `scripts/test`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    /// `dist/`: what a merchant deploys, built by `scripts/build` (no demo backend inside, the
    /// setup check a bundle of its own in `dist/setup-check/`).
    Merchant,
    /// `target/dist-demo/`: the same app with the embedded demo backend.
    Demo,
    /// `target/dist-lk/`: the merchant's bundle built for `/lk/` (`scripts/build --public-url
    /// /lk/`), for `deploy/nginx/web-cabinet/lk.conf`.
    MerchantLk,
    /// `target/dist-debug/`: the debug build a contributor's `trunk serve` makes (Leptos' checks
    /// and warnings on).
    Debug,
}

pub fn dist_dir() -> PathBuf {
    bundle_dir(Bundle::Merchant)
}

pub fn bundle_dir(bundle: Bundle) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dist = match bundle {
        Bundle::Merchant => root.join("dist"),
        Bundle::Demo => root.join("target/dist-demo"),
        Bundle::MerchantLk => root.join("target/dist-lk"),
        Bundle::Debug => root.join("target/dist-debug"),
    };
    assert!(
        dist.join("index.html").is_file(),
        "{} has no release build: run `scripts/test` (it builds dist/ once, then runs every test)",
        dist.display()
    );
    dist
}

/// `public/example/`: the example shop page that embeds the cabinet.
pub fn example_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/example")
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
            broken_wasm: Mutex::new(false),
            held_wasm: Mutex::new(None),
            refused_signed_in: Mutex::new(false),
            paging: Mutex::new(PagingMode::Honest),
            abandoned: Mutex::new(Vec::new()),
            module: Mutex::new(None),
            broken_picture: Mutex::new(published::BrokenPicture::default()),
        });
        let app = Router::new()
            .route("/api/mobium.php", any(api))
            .route("/cabinet.json", get(cabinet_json))
            .route("/test/outbox", get(outbox))
            .route("/upload/barcodes/{name}", get(barcode_picture))
            .route("/fake-oauth/authorize", get(fake_oauth))
            .route("/embed-test.html", get(embed_page))
            .route("/shop/{theme}", get(shop_page))
            .route("/shop/{theme}/{*route}", get(shop_page))
            .route("/shop-assets/{theme}", get(shop_style))
            .route("/csp-report", post(csp_report))
            .route("/api/csp-report", post(csp_report))
            .route("/bench/vanilla.html", get(vanilla_page))
            .route("/bench/vanilla.css", get(vanilla_style))
            .route("/bench/vanilla.js", get(vanilla_script))
            // The example shop page and the pictures this server's profiles name are the
            // repository's, not the bundle's (a merchant's dist/ has neither); the example
            // page's own routes (/example/profile) are that page.
            .nest_service("/demo", ServeDir::new(example_dir().with_file_name("demo")))
            .nest_service("/upload/demo", ServeDir::new(example_dir().with_file_name("demo")))
            .nest_service(
                "/example",
                ServeDir::new(example_dir())
                    .fallback(ServeFile::new(example_dir().join("index.html"))),
            )
            .fallback_service(
                ServeDir::new(&dist).fallback(ServeFile::new(dist.join("index.html"))),
            )
            .with_state(state.clone())
            .layer(axum::middleware::from_fn_with_state(state.clone(), wasm_breaker))
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

    /// Requests the browser abandoned while the server was still working on them.
    pub fn abandoned(&self) -> Vec<Endpoint> {
        self.state.abandoned.lock().unwrap().clone()
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

    /// Serve a wasm that fails to compile (`true`), or the real one again.
    pub fn break_wasm(&self, broken: bool) {
        *self.state.broken_wasm.lock().unwrap() = broken;
    }

    /// Hold every wasm answer back (`true`) until released (`false`).
    pub fn hold_wasm(&self, held: bool) {
        *self.state.held_wasm.lock().unwrap() = Some(held);
    }

    /// Refuse the whole cabinet's files (`true`), or serve them again.
    pub fn refuse_signed_in(&self, refused: bool) {
        *self.state.refused_signed_in.lock().unwrap() = refused;
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
        self.set_module_release(published::Release::Published);
    }

    /// From now on behave as this release of the published module.
    pub fn set_module_release(&self, release: published::Release) {
        *self.state.module.lock().unwrap() = Some(published::Module::of(release));
    }

    /// What a first installation's barcode address answers from now on.
    pub fn set_broken_picture(&self, kind: published::BrokenPicture) {
        *self.state.broken_picture.lock().unwrap() = kind;
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

/// While [`TestServer::break_wasm`] is on, every `.wasm` answer is bytes that do not compile;
/// [`TestServer::hold_wasm`] holds them back, [`TestServer::refuse_signed_in`] refuses a part.
async fn wasm_breaker(
    State(state): State<Arc<ServerState>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    if *state.broken_wasm.lock().unwrap() && request.uri().path().ends_with(".wasm") {
        let garbage = b"\0asm\x01\0\0\0this is not a module".to_vec();
        return ([(header::CONTENT_TYPE, "application/wasm")], garbage).into_response();
    }
    if *state.refused_signed_in.lock().unwrap() && request.uri().path().contains("/signed-in/") {
        return (StatusCode::SERVICE_UNAVAILABLE, [(header::CACHE_CONTROL, "no-store")])
            .into_response();
    }
    if request.uri().path().ends_with(".wasm") && state.held_wasm.lock().unwrap().is_some() {
        while *state.held_wasm.lock().unwrap() == Some(true) {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // Never from a cache once a test holds it: each visit waits for it anew.
        let mut answer = next.run(request).await;
        answer
            .headers_mut()
            .insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
        return answer;
    }
    next.run(request).await
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

/// The stylesheet of the kind old 1C-Bitrix templates ship: global element rules, `all: unset`
/// on form controls, an `!important` link colour.
pub const LEGACY_SHOP_CSS: &str = "\
input, button, select { all: unset; border: 1px solid #999; }
a { color: red !important; }
ul, li { list-style: square; margin: 10px; }
div { padding: 3px; }
h1, h2, h3 { font-family: Georgia, serif; text-transform: uppercase; }
body { font: 14px/1.2 Georgia, serif; color: #333; }
";

/// A shop's page embedding the cabinet as the README says (`data-config`, `data-base`), styled
/// by Bootstrap 5 (`/shop/bootstrap`) or by [`LEGACY_SHOP_CSS`] (`/shop/legacy`), with the shop's
/// own header, list, link and button around it and a footer right after it.
async fn shop_page(UrlPath(params): UrlPath<HashMap<String, String>>) -> Response {
    let theme = params.get("theme").cloned().unwrap_or_default();
    if theme != "bootstrap" && theme != "legacy" {
        return StatusCode::NOT_FOUND.into_response();
    }
    let html = format!(
        "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Shop</title><link rel=\"stylesheet\" href=\"/shop-assets/{theme}\">\
         <script type=\"module\" src=\"/web-cabinet.js\"></script></head>\
         <body><div class=\"container\"><header class=\"shop-header\">\
         <a class=\"shop-link\" href=\"/shop/{theme}\">Shop</a>\
         <ul class=\"shop-menu\"><li>Catalogue</li><li>Delivery</li></ul></header>\
         <div class=\"row\"><div class=\"col-md-8\">\
         <div id=\"web-cabinet\" data-config=\"/cabinet.json\" data-base=\"/shop/{theme}\"></div>\
         </div></div><footer id=\"shop-footer\"><p>© Shop</p>\
         <button class=\"shop-button btn btn-primary\" type=\"button\">Subscribe</button></footer>\
         </div></body></html>"
    );
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

/// The shop pages' stylesheets: Bootstrap 5 as npm ships it (`scripts/setup`), or the legacy one.
async fn shop_style(UrlPath(theme): UrlPath<String>) -> Response {
    let css = match theme.as_str() {
        "bootstrap" => {
            let tools = std::env::var("WEB_CABINET_TOOLS").unwrap_or_else(|_| {
                format!("{}/.cache/web-cabinet", std::env::var("HOME").unwrap_or_default())
            });
            let path = format!("{tools}/npm/node_modules/bootstrap/dist/css/bootstrap.min.css");
            std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("Bootstrap not at {path}: {e} (run scripts/setup)"))
        }
        "legacy" => LEGACY_SHOP_CSS.to_string(),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], css).into_response()
}

/// `/upload/barcodes/…`: the published module's barcode picture (any real PNG stands for the one
/// it generates), or a first installation's, which never loads.
async fn barcode_picture(State(state): State<Arc<ServerState>>) -> Response {
    let release = state.module.lock().unwrap().as_ref().map(|m| m.release);
    if release == Some(published::Release::Published) {
        let png = include_bytes!("../../public/icons/apple-touch-icon.png");
        return ([(header::CONTENT_TYPE, "image/png")], png.as_slice()).into_response();
    }
    match *state.broken_picture.lock().unwrap() {
        published::BrokenPicture::Empty => {
            (StatusCode::OK, [(header::CONTENT_TYPE, "image/png")], "").into_response()
        }
        published::BrokenPicture::Missing => StatusCode::NOT_FOUND.into_response(),
        published::BrokenPicture::HtmlPage => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/html; charset=UTF-8")],
            "<!doctype html><title>Страница не найдена</title><h1>404 Not Found</h1>",
        )
            .into_response(),
    }
}

/// The benchmark's hand-written baseline page, its style and its script.
async fn vanilla_page() -> Response {
    let html = include_str!("../bench/vanilla.html");
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}

async fn vanilla_style() -> Response {
    let css = include_str!("../bench/vanilla.css");
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], css).into_response()
}

async fn vanilla_script() -> Response {
    let js = include_str!("../bench/vanilla.js");
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], js).into_response()
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
        // What the published module answers a method it does not have (a misspelt name in
        // cabinet.json reaches the customer as this message).
        let answer = serde_json::json!({ "status": "error",
            "data": { "errorMessage": format!("Метод '{named}' отсутствует в системе") } });
        return ([(header::CONTENT_TYPE, "application/json")], answer.to_string()).into_response();
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
            // hyper drops this future when the client closes the connection: the guard records
            // a request the browser gave up on.
            let guard = Abandoned { state: state.clone(), endpoint: Some(endpoint) };
            tokio::time::sleep(Duration::from_secs(60)).await;
            guard.answered();
            return StatusCode::GATEWAY_TIMEOUT.into_response();
        }
        Some(Fault::Drop) => {
            // Promise a megabyte and send nothing: hyper closes the connection mid-answer.
            return Response::builder()
                .status(StatusCode::OK)
                .header(header::CONTENT_LENGTH, "1048576")
                .body(axum::body::Body::empty())
                .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response());
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
    let resp = {
        let mut backend = state.backend.lock().unwrap();
        let resp = backend.handle(&req, now_ms());
        match state.module.lock().unwrap().as_mut() {
            Some(module) => {
                module.host = header_text(header::HOST);
                module.after(&req, resp, &mut backend, now_ms())
            }
            None => resp,
        }
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

pub mod browser;
pub mod nginx;
