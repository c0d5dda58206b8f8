//! A WebDriver session on one of the three engines customers use, picked by the environment
//! variable `WEB_CABINET_BROWSER`: `chromium` (the default: Debian's Chromium through
//! chromedriver), `firefox` (firefox-esr through geckodriver) or `webkit` (WebKitGTK's
//! MiniBrowser through WebKitWebDriver, on an Xvfb display: it has no headless mode).
//! Screenshots land in `target/screenshots/<engine>/`.

use super::*;
use fantoccini::{Client, ClientBuilder, Locator};
use std::process::Stdio;

/// Browser tests share two cores: one at a time.
/// The time zone every browser under test runs in (see `Browser::start`).
pub const CUSTOMER_TIME_ZONE: &str = "Europe/Moscow";

pub static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A browser engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

impl Engine {
    /// The engine this test run drives (`WEB_CABINET_BROWSER`, Chromium when unset).
    pub fn current() -> Self {
        match std::env::var("WEB_CABINET_BROWSER").unwrap_or_default().to_ascii_lowercase().as_str()
        {
            "" | "chromium" | "chrome" => Self::Chromium,
            "firefox" | "gecko" => Self::Firefox,
            "webkit" | "safari" => Self::WebKit,
            other => panic!("WEB_CABINET_BROWSER={other}: use chromium, firefox or webkit"),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Chromium => "chromium",
            Self::Firefox => "firefox",
            Self::WebKit => "webkit",
        }
    }

    /// The narrowest window the engine gives (Firefox will not go under 500 px, WebKitGTK's
    /// MiniBrowser under about 447): phone-width checks run at this width there.
    pub fn narrowest(self) -> u32 {
        match self {
            Self::Chromium => 320,
            Self::Firefox => 500,
            Self::WebKit => 447,
        }
    }
}

pub struct Browser {
    pub client: Client,
    pub engine: Engine,
    driver: tokio::process::Child,
    /// What the driver printed (Firefox's page console goes there).
    driver_log: PathBuf,
    _profile: TempDir,
    /// Set on a shop's page, where the cabinet draws in a shadow root on this element: lookups
    /// by CSS look inside it (WebDriver's "find element from shadow root").
    shadow_host: std::sync::Mutex<Option<String>>,
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

fn minibrowser() -> String {
    std::env::var("MINIBROWSER")
        .unwrap_or_else(|_| "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser".into())
}

/// Where scripts/setup generated the locales WebKitGTK needs for Russian.
fn webkit_locales() -> String {
    let tools = std::env::var("WEB_CABINET_TOOLS").unwrap_or_else(|_| {
        format!("{}/.cache/web-cabinet", std::env::var("HOME").unwrap_or_default())
    });
    format!("{tools}/locale")
}

/// The colour scheme a browser starts with (Firefox and WebKit take it at start only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

impl Browser {
    /// Start the run's engine, fresh, in the given language (`ru-RU`, `en-US`), light scheme.
    pub async fn start(lang: &str) -> Self {
        Self::start_with(lang, Scheme::Light).await
    }

    /// Start the run's engine, fresh, in the given language and colour scheme.
    pub async fn start_with(lang: &str, scheme: Scheme) -> Self {
        let engine = Engine::current();
        let port = free_port();
        let tag = format!("{port}-{}", std::process::id());
        let profile = TempDir(std::env::temp_dir().join(format!("wc-{}-{tag}", engine.name())));
        std::fs::create_dir_all(&profile.0).expect("profile dir");
        let driver_log = profile.0.join("driver.log");
        let log = || std::fs::File::create(&driver_log).map(Stdio::from).unwrap_or(Stdio::null());
        let dark = scheme == Scheme::Dark;
        let (mut command, caps) = match engine {
            Engine::Chromium => {
                let mut c = tokio::process::Command::new(chromedriver());
                c.arg(format!("--port={port}"));
                let caps = serde_json::json!({
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": chromium(),
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-quic", "--no-first-run", "--window-size=1280,900",
                            "--enable-precise-memory-info", "--js-flags=--expose-gc",
                            // A journey switches screens hundreds of times in seconds: without this
                            // Chromium drops history entries past ~200 in 10 s.
                            "--disable-ipc-flooding-protection",
                            format!("--lang={lang}"), format!("--user-data-dir={}", profile.0.display()),
                        ],
                        "prefs": { "intl.accept_languages": lang },
                    },
                    // Kept for `describe`: what the page said before a wait gave up.
                    "goog:loggingPrefs": { "browser": "ALL" },
                });
                (c, caps)
            }
            Engine::Firefox => {
                let mut c = tokio::process::Command::new(
                    std::env::var("GECKODRIVER").unwrap_or_else(|_| "geckodriver".into()),
                );
                c.args(["--port", &port.to_string()]);
                let caps = serde_json::json!({
                    "browserName": "firefox",
                    "moz:firefoxOptions": {
                        "binary": std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into()),
                        "args": ["-headless"],
                        "prefs": {
                            "intl.accept_languages": lang,
                            "intl.locale.requested": lang,
                            "devtools.console.stdout.content": true,
                            // 0: dark, 1: light.
                            "layout.css.prefers-color-scheme.content-override": if dark { 0 } else { 1 },
                            "browser.shell.checkDefaultBrowser": false,
                            "app.update.enabled": false,
                            "network.captive-portal-service.enabled": false,
                            "browser.safebrowsing.malware.enabled": false,
                            "browser.safebrowsing.phishing.enabled": false,
                            "datareporting.policy.dataSubmissionEnabled": false,
                            "toolkit.telemetry.enabled": false,
                        },
                    },
                });
                (c, caps)
            }
            Engine::WebKit => {
                let mut c = tokio::process::Command::new("xvfb-run");
                c.args(["-a", "-s", "-screen 0 1380x1100x24", "WebKitWebDriver"])
                    .arg(format!("--port={port}"));
                let locale = if lang.starts_with("ru") { "ru_RU.UTF-8" } else { "en_US.UTF-8" };
                c.env("LOCPATH", webkit_locales()).env("LANG", locale).env("LC_ALL", locale);
                if dark {
                    c.env("GTK_THEME", "Adwaita:dark");
                }
                let caps = serde_json::json!({
                    "browserName": "MiniBrowser",
                    "webkitgtk:browserOptions": {
                        "binary": minibrowser(),
                        "args": ["--automation"],
                    },
                });
                (c, caps)
            }
        };
        // Every engine runs where the shop's customers are: Moscow time, three hours ahead of UTC,
        // so a date drawn in UTC instead of the customer's zone is caught.
        command.env("TZ", CUSTOMER_TIME_ZONE);
        // Its own process group: xvfb-run leaves Xvfb and the driver behind when stopped alone.
        command.stdout(log()).stderr(log()).kill_on_drop(true).process_group(0);
        let driver = command.spawn().unwrap_or_else(|e| {
            panic!("cannot start the {} driver: {e} (run scripts/setup)", engine.name())
        });
        let caps = match caps {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        };
        let url = format!("http://127.0.0.1:{port}");
        let mut last_err = String::new();
        for _ in 0..100 {
            match ClientBuilder::native().capabilities(caps.clone()).connect(&url).await {
                Ok(client) => {
                    let b = Self {
                        client,
                        engine,
                        driver,
                        driver_log,
                        _profile: profile,
                        shadow_host: std::sync::Mutex::new(None),
                    };
                    if engine != Engine::Chromium {
                        let _ = b.client.set_window_size(1280, 900).await;
                    }
                    if engine == Engine::Chromium && dark {
                        b.color_scheme("dark").await;
                    }
                    return b;
                }
                Err(e) => {
                    last_err = e.to_string();
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
            }
        }
        panic!("could not start a {} WebDriver session: {last_err}", engine.name());
    }

    /// A fresh browser signed in as the demo customer on `server`, on the profile.
    pub async fn signed_in(server: &TestServer, lang: &str) -> Self {
        let b = Self::start(lang).await;
        b.client.goto(&server.url("/sign-in")).await.expect("open");
        b.find("#wc-login").await;
        b.sign_in_as_demo_customer().await;
        b.wait_path("/profile").await;
        b.find(".wc-name h2").await;
        b
    }

    /// Type the demo customer's login and password into the sign-in form on screen and send it.
    pub async fn sign_in_as_demo_customer(&self) {
        self.type_into("#wc-login", web_cabinet::demo::DEMO_LOGIN).await;
        self.type_into("#wc-password", web_cabinet::demo::DEMO_PASSWORD).await;
        self.click("button[type=submit]").await;
    }

    /// Throttle the network as Chromium's DevTools would (chromedriver's network_conditions):
    /// round-trip latency in ms, throughput in bytes per second. Chromium only: the other
    /// drivers have no such command (the start-up benchmark says so for them).
    pub async fn throttle(&self, latency_ms: f64, down_bps: f64, up_bps: f64) {
        assert_eq!(self.engine, Engine::Chromium, "network throttling is Chromium's");
        let conditions = serde_json::json!({ "network_conditions": {
            "offline": false, "latency": latency_ms,
            "download_throughput": down_bps, "upload_throughput": up_bps,
        }});
        self.client
            .issue_cmd(Chromium("chromium/network_conditions", conditions))
            .await
            .expect("chromedriver network_conditions");
    }

    /// Chromium's DevTools "Offline" (`navigator.onLine` false, every request fails), or back.
    pub async fn emulate_offline(&self, offline: bool) {
        assert_eq!(self.engine, Engine::Chromium, "network emulation is Chromium's");
        let conditions = serde_json::json!({ "network_conditions": {
            "offline": offline, "latency": 0, "download_throughput": -1, "upload_throughput": -1,
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
        let tab = fantoccini::key::Key::Tab.to_string();
        self.press_until_focused(css, &tab, "Tab").await;
    }

    /// Press Shift+Tab until the focus is on `css` (at most 40 times).
    pub async fn tab_back_to(&self, css: &str) {
        use fantoccini::key::Key;
        let back = format!("{}{}{}", Key::Shift, Key::Tab, Key::Null);
        self.press_until_focused(css, &back, "Shift+Tab").await;
    }

    async fn press_until_focused(&self, css: &str, keys: &str, name: &str) {
        let check =
            format!("return !!document.activeElement && document.activeElement.matches({css:?});");
        for _ in 0..40 {
            if self.js(&check).await.as_bool() == Some(true) {
                return;
            }
            self.keys(keys).await;
        }
        panic!("{name} never reached {css}; focus is on {}", self.focused().await);
    }

    /// Wait up to 5 s for the focus to be on `css`.
    pub async fn wait_focus(&self, css: &str) {
        let check =
            format!("return !!document.activeElement && document.activeElement.matches({css:?});");
        for _ in 0..50 {
            if self.js(&check).await.as_bool() == Some(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the focus never reached {css}; it is on {}", self.focused().await);
    }

    /// Emulate `prefers-color-scheme: dark` (or light) for every page from now on (Chromium;
    /// the others take the scheme at start: [`Browser::start_with`]).
    /// A Chrome DevTools Protocol command (Chromium only), its result.
    pub async fn cdp(&self, method: &str, params: serde_json::Value) -> serde_json::Value {
        assert_eq!(self.engine, Engine::Chromium, "DevTools commands are Chromium's");
        let cmd = serde_json::json!({ "cmd": method, "params": params });
        let answer = self
            .client
            .issue_cmd(Chromium("goog/cdp/execute", cmd))
            .await
            .unwrap_or_else(|e| panic!("CDP {method}: {e}"));
        answer
    }

    /// Switch the colour scheme the page sees (Chromium only; the others take it at start).
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

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        // Drop stops the driver's whole process group.
    }

    /// Wait up to 15 s for an element. Every error is retried, not only "no such element":
    /// WebKit answers a lookup that races a navigation with "Callback was not called before the
    /// unload event", which says nothing about the page that is loading.
    /// From now on, look for elements inside the shadow root on `host` (the mount element of a
    /// shop's page), or in the document again with `None`.
    pub fn within_shadow_of(&self, host: Option<&str>) {
        if let Ok(mut shadow) = self.shadow_host.lock() {
            *shadow = host.map(str::to_string);
        }
    }

    /// One lookup, in the document or in the cabinet's shadow root.
    async fn locate(
        &self,
        css: &str,
    ) -> Result<fantoccini::elements::Element, fantoccini::error::CmdError> {
        // The app's elements: not the first screen's, drawn before the app (the same ids).
        self.locate_any(&format!(":is({css}):not([data-first-screen] *)")).await
    }

    /// One lookup, in the document or in the cabinet's shadow root, the first screen included.
    async fn locate_any(
        &self,
        css: &str,
    ) -> Result<fantoccini::elements::Element, fantoccini::error::CmdError> {
        let host = self.shadow_host.lock().ok().and_then(|h| h.clone());
        match host {
            None => self.client.find(Locator::Css(css)).await,
            Some(host) => {
                let shadow = self.client.find(Locator::Css(&host)).await?.shadow_root().await?;
                shadow.find(Locator::Css(css)).await
            }
        }
    }

    /// A script's `document.querySelector` for the cabinet's elements: `cabinet.querySelector`
    /// here is the shadow root's on a shop's page, the document's elsewhere.
    pub fn cabinet_script(&self, script: &str) -> String {
        let host = self.shadow_host.lock().ok().and_then(|h| h.clone());
        let scope = match host {
            Some(host) => format!("document.querySelector({host:?}).shadowRoot"),
            None => "document".to_string(),
        };
        format!("const cabinet = {scope}; {script}")
    }

    /// An element of the first screen, drawn by the loader before the app (`find` skips it and
    /// waits for the app's own).
    pub async fn first_screen(&self, css: &str) -> fantoccini::elements::Element {
        let css = format!("[data-first-screen] {css}");
        for _ in 0..150 {
            if let Ok(el) = self.locate_any(&css).await {
                return el;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no first screen with {css}\n{}", self.describe().await)
    }

    /// Wait up to 15 s until `script` (a function body) returns `true`; panics saying `what`.
    pub async fn wait_true(&self, script: &str, what: &str) {
        for _ in 0..150 {
            if self.js(script).await == serde_json::Value::Bool(true) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{what}\n{}", self.describe().await)
    }

    /// Wait up to 15 s until the app has taken the first screen over.
    pub async fn wait_take_over(&self) {
        let taken = self.cabinet_script(
            "return !cabinet.querySelector('[data-first-screen]') && \
             !!cabinet.querySelector('.wc-root > .wc-app');",
        );
        self.wait_true(&taken, "the app never took the first screen over").await;
    }

    pub async fn find(&self, css: &str) -> fantoccini::elements::Element {
        let mut last = None;
        for _ in 0..75 {
            match self.locate(css).await {
                Ok(el) => return el,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        let error = last.map(|e| e.to_string()).unwrap_or_default();
        panic!("no element {css}: {error}\n{}", self.describe().await)
    }

    /// Wait up to 15 s until the element's text contains `needle`; returns the text.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let mut seen = String::new();
        for _ in 0..75 {
            if let Ok(el) = self.locate(css).await {
                if let Ok(text) = el.text().await {
                    if text.contains(needle) {
                        return text;
                    }
                    seen = text;
                }
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("{css} never contained {needle:?}; last text: {seen:?}\n{}", self.describe().await);
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
        if let Err(e) = el.clear().await {
            panic!("clear {css}: {}\n{}", webdriver_error(&e), self.describe().await);
        }
        if let Err(e) = el.send_keys(text).await {
            panic!("type into {css}: {}\n{}", webdriver_error(&e), self.describe().await);
        }
    }

    pub async fn click(&self, css: &str) {
        if let Err(e) = self.find(css).await.click().await {
            panic!("click {css}: {}\n{}", webdriver_error(&e), self.describe().await);
        }
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

    /// Set the window to `width` × `height`, or as narrow as the engine allows; returns the
    /// width the page got.
    pub async fn resize(&self, width: u32, height: u32) -> u32 {
        let width = width.max(self.engine.narrowest());
        self.client.set_window_size(width, height).await.expect("resize");
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.next_frames().await;
        self.js("return document.documentElement.clientWidth").await.as_u64().unwrap_or(0) as u32
    }

    /// Wait two animation frames (WebKit's screenshots can lag a frame behind).
    pub async fn next_frames(&self) {
        let _ = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                Vec::new(),
            )
            .await;
    }

    /// Save a screenshot at phone or desktop width (or the engine's narrowest) under
    /// `target/screenshots/<engine>/`.
    pub async fn screenshot(&self, name: &str, width: u32, height: u32) -> PathBuf {
        self.resize(width, height).await;
        let png = self.client.screenshot().await.expect("screenshot");
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("target/screenshots")
            .join(self.engine.name());
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

    /// What the browser console said since the last read, as (level, message): Chromium only
    /// (`None` elsewhere: geckodriver and WebKit's driver keep no log to ask for).
    pub async fn console(&self) -> Option<Vec<(String, String)>> {
        if self.engine != Engine::Chromium {
            return None;
        }
        let log = self
            .client
            .issue_cmd(Chromium("se/log", serde_json::json!({ "type": "browser" })))
            .await
            .expect("the browser log");
        let text = |e: &serde_json::Value, key: &str| {
            e.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_string()
        };
        Some(
            log.as_array()
                .into_iter()
                .flatten()
                .map(|e| (text(e, "level"), text(e, "message")))
                .collect(),
        )
    }

    /// What the page shows and said, for a failure message: the address, whether the panic
    /// screen is up, the cabinet's visible text and the browser console since the last call.
    pub async fn describe(&self) -> String {
        let url = self.client.current_url().await.map(|u| u.to_string()).unwrap_or_default();
        let text = self
            .js("const r = document.querySelector('.wc-root') || document.body; \
                 return r ? r.innerText : '(no body)';")
            .await;
        let console = match self.engine {
            Engine::Chromium => self
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
                .unwrap_or_else(|e| format!("(no log: {e})")),
            // geckodriver's output carries the page's console (devtools.console.stdout.content).
            Engine::Firefox => {
                let text = std::fs::read_to_string(&self.driver_log).unwrap_or_default();
                let lines: Vec<&str> = text.lines().filter(|l| l.contains("console.")).collect();
                lines[lines.len().saturating_sub(40)..].join("\n  ")
            }
            // Not exposed to WebDriver in automation mode.
            Engine::WebKit => "(WebKit does not expose its console to WebDriver)".to_string(),
        };
        format!(
            "page at {url}; panic screen: {}\npage text:\n  {}\nconsole:\n  {console}",
            self.crashed().await,
            text.as_str().unwrap_or_default().replace('\n', "\n  "),
        )
    }

    /// The engine's name and the browser's version, for figures.
    pub async fn version(&self) -> String {
        let ua = self.js("return navigator.userAgent").await;
        format!("{} ({})", self.engine.name(), ua.as_str().unwrap_or_default())
    }

    /// Whether the panic screen is up (a panic anywhere puts it there).
    pub async fn crashed(&self) -> bool {
        self.client.find(Locator::Css(".wc-crash")).await.is_ok()
    }
}

impl Drop for Browser {
    /// Stop the driver's whole process group: the driver, the browser it started and, for
    /// WebKit, the Xvfb display (stopping `xvfb-run` alone leaves them running).
    fn drop(&mut self) {
        if let Some(pid) = self.driver.id() {
            // pkill -g, not `kill -KILL -<pid>`: procps' kill reads `-14` as options and
            // signals every process (kill(-1)) — the whole machine's, this user's.
            let _ = std::process::Command::new("pkill")
                .args(["-KILL", "-g", &pid.to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// A WebDriver error with its kind: drivers may send an empty message (chromedriver's stale
/// element once did), and the kind alone then says what happened.
fn webdriver_error(error: &fantoccini::error::CmdError) -> String {
    match error {
        fantoccini::error::CmdError::Standard(w) => format!("{:?}: {}", w.error, w.message),
        other => other.to_string(),
    }
}
