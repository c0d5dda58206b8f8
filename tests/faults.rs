//! The fault matrix, in the browser: every endpoint class (fields, submit, verification, profile,
//! change, orders, sign-out) against every way a real server fails (the digest's "What real
//! servers send" and tests/fixtures/raw/). For each case the cabinet must show a clear message
//! (never the server's raw HTML), keep what the customer typed, succeed on retry once the fault
//! clears, and never panic. Quirks the client is meant to tolerate (a PHP warning or a BOM before
//! the JSON, megabytes of answer, a slow answer) must simply work.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use support::browser::{Browser, ONE_AT_A_TIME};
use support::{http_config_with_timeout, ConfigMode, Fault, TestServer};
use web_cabinet::core::api::Endpoint;
use web_cabinet::demo::{DEMO_LOGIN, DEMO_PASSWORD};

/// The client's timeout in these tests; `Hang` outlives it, `Slow` does not.
const TIMEOUT_MS: u32 = 2000;

#[derive(Clone, Debug)]
enum Trouble {
    Server(Fault),
    /// The browser cannot reach the server at all (connection refused, offline).
    Unreachable,
}

/// What the customer should see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// A quirk the client reads through: the screen works.
    Works,
    /// A failure: a message, the input kept, a retry that works once the server does.
    Fails,
    /// The server says the token is no good: back to sign-in (signed-in screens only).
    SessionOver,
}

fn answer(status: u16, body: &str) -> Trouble {
    Trouble::Server(Fault::Answer { status, body: body.into() })
}

/// The 14 cases, with what a screen that needs no token expects; screens with a token expect
/// `SessionOver` where this says `Rejected`.
fn cases() -> Vec<(&'static str, Trouble, Expect, bool)> {
    let html_500 =
        "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body>\
        <h1>Internal Server Error</h1><br />\n<b>Fatal error</b>: Uncaught PDOException in \
        /var/www/api/mobium.php:42\nStack trace:\n#0 {main}</body></html>";
    let warning =
        "<br />\n<b>Warning</b>:  Undefined array key \"token\" in <b>/var/www/api/mobium.php\
        </b> on line <b>17</b><br />\n";
    // (name, trouble, expectation, is a token rejection)
    vec![
        ("HTTP 500 with an HTML page", answer(500, html_500), Expect::Fails, false),
        (
            "HTTP 502",
            answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),
            Expect::Fails,
            false,
        ),
        ("no answer within request_timeout_ms", Trouble::Server(Fault::Hang), Expect::Fails, false),
        ("connection refused", Trouble::Unreachable, Expect::Fails, false),
        ("empty body", answer(200, ""), Expect::Fails, false),
        (
            "PHP warning before the JSON",
            Trouble::Server(Fault::Prefix(warning.into())),
            Expect::Works,
            false,
        ),
        (
            "BOM before the JSON",
            Trouble::Server(Fault::Prefix("\u{feff}".into())),
            Expect::Works,
            false,
        ),
        (
            "malformed JSON",
            answer(200, "{\"status\":\"ok\",\"data\":{\"fields\":[{\"id\""),
            Expect::Fails,
            false,
        ),
        ("top-level []", answer(200, "[]"), Expect::Fails, false),
        (
            "unknown status",
            answer(200, "{\"status\":\"maintenance\",\"data\":{}}"),
            Expect::Fails,
            false,
        ),
        // How most servers say the token is no good (the digest): an `error` with this message.
        (
            "not_authorized",
            answer(200, "{\"status\":\"error\",\"data\":{\"errorMessage\":\"not_authorized\"}}"),
            Expect::Fails,
            true,
        ),
        (
            "auth_error",
            answer(
                200,
                "{\"status\":\"auth_error\",\"data\":{\"errorMessage\":\"Ошибка авторизации\"}}",
            ),
            Expect::Fails,
            true,
        ),
        ("an answer of 4 MB", Trouble::Server(Fault::Huge(4 << 20)), Expect::Works, false),
        (
            "a slow answer (1.2 s)",
            Trouble::Server(Fault::Delay(Duration::from_millis(1200))),
            Expect::Works,
            false,
        ),
    ]
}

struct Matrix {
    server: TestServer,
    b: Browser,
    tried: std::cell::Cell<usize>,
}

impl Matrix {
    async fn start() -> Self {
        let server =
            TestServer::start(ConfigMode::Json(http_config_with_timeout(TIMEOUT_MS))).await;
        let b = Browser::start("en-US").await;
        Self { server, b, tried: std::cell::Cell::new(0) }
    }

    async fn apply(&self, endpoint: Endpoint, trouble: &Trouble) {
        match trouble {
            Trouble::Server(fault) => self.server.fault_always(endpoint, fault.clone()),
            Trouble::Unreachable => self.server.fault_always(endpoint, Fault::Drop),
        }
    }

    async fn clear(&self) {
        self.server.clear_faults();
    }

    /// The error the screen shows (an alert in the cabinet), checked for raw server output.
    async fn error_shown(&self, case: &str) -> String {
        for _ in 0..100 {
            let text = self
                .b
                .js("const a = [...document.querySelectorAll('.wc-root [role=alert], .wc-root .wc-field-error')]\
                       .map(e => e.innerText.trim()).filter(t => t); return a.join(' | ');")
                .await;
            if let Some(t) = text.as_str().filter(|t| !t.is_empty()) {
                self.clean(case).await;
                return t.to_string();
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        let shot = self.b.screenshot("fault-no-message", 390, 844).await;
        panic!("{case}: no error message shown (see {})", shot.display());
    }

    /// No panic screen, no raw HTML or PHP output anywhere on the page.
    async fn clean(&self, case: &str) {
        assert!(!self.b.crashed().await, "{case}: the cabinet panicked");
        let text = self.b.js("return document.body.innerText").await;
        let text = text.as_str().unwrap_or_default();
        for marker in
            ["Fatal error", "<br", "<b>", "Stack trace", "<html", "Bad Gateway", "Warning"]
        {
            assert!(!text.contains(marker), "{case}: raw server output on screen: {text}");
        }
    }

    async fn sign_in(&self) {
        self.b.client.goto(&self.server.url("/sign-in")).await.expect("open");
        self.b.sign_in_as_demo_customer().await;
        self.b.wait_path("/profile").await;
        self.b.find(".wc-name h2").await;
    }

    /// After a failure: the message is there; the server recovers; "try again".
    async fn retry_from_banner(&self, case: &str) {
        self.error_shown(case).await;
        self.clear().await;
        self.b.click(".wc-banner--error button").await;
    }

    /// After the server ended the session: on the sign-in screen, the server recovers, sign in.
    async fn sign_in_again(&self) {
        self.b.wait_path("/sign-in").await;
        self.clear().await;
        self.b.sign_in_as_demo_customer().await;
    }

    fn report(&self, class: &str) {
        // Any failed case fails the test before this line: reaching it means all passed.
        let n = self.tried.get();
        println!("fault matrix: {class}: {n} cases tried, {n} passed");
    }
}

/// What a screen with a token expects for a case.
fn with_token(expect: Expect, rejects_token: bool) -> Expect {
    if rejects_token {
        Expect::SessionOver
    } else {
        expect
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix_fields() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let m = Matrix::start().await;
    for (case, trouble, expect, _) in cases() {
        m.b.client.goto(&m.server.url("/sign-in")).await.expect("open");
        m.b.find("#wc-login").await;
        m.apply(Endpoint::RegFields, &trouble).await;
        m.b.click("a[href='/register']").await;
        if expect == Expect::Fails {
            m.retry_from_banner(case).await;
        }
        m.b.find("#wc-f-name").await;
        m.clear().await;
        m.clean(case).await;
        m.tried_one();
    }
    m.report("fields (registration fields, GET)");
    m.b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix_submit() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let m = Matrix::start().await;
    for (case, trouble, expect, _) in cases() {
        m.b.client.goto(&m.server.url("/sign-in")).await.expect("open");
        m.b.type_into("#wc-login", DEMO_LOGIN).await;
        m.b.type_into("#wc-password", DEMO_PASSWORD).await;
        m.apply(Endpoint::Auth, &trouble).await;
        m.b.click("button[type=submit]").await;
        if expect == Expect::Fails {
            m.error_shown(case).await;
            assert_eq!(m.b.value("#wc-login").await, DEMO_LOGIN, "{case}: login kept");
            assert_eq!(m.b.value("#wc-password").await, DEMO_PASSWORD, "{case}: password kept");
            m.clear().await;
            m.b.click("button[type=submit]").await;
        }
        m.b.wait_path("/profile").await;
        m.b.find(".wc-name h2").await;
        m.clear().await;
        m.clean(case).await;
        m.b.js("sessionStorage.clear(); localStorage.clear();").await;
        m.tried_one();
    }
    m.report("submit (sign-in, POST)");
    m.b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix_verification() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let m = Matrix::start().await;
    for (i, (case, trouble, expect, rejects)) in cases().into_iter().enumerate() {
        m.b.js("sessionStorage.clear(); localStorage.clear();").await;
        m.b.client.goto(&m.server.url("/register")).await.expect("open");
        m.b.type_into("#wc-f-name", "Fault Tester").await;
        m.b.type_into("#wc-f-email", &format!("fault{i}@example.com")).await;
        m.b.type_into("#wc-f-phone", &format!("+7 999 000-00-{i:02}")).await;
        m.b.type_into("#wc-f-password", "secret1").await;
        m.b.click("button[type=submit]").await;
        m.b.find("#wc-code").await;
        let code = m.server.last_code().expect("a code was sent").code;
        m.b.type_into("#wc-code", &code).await;
        m.apply(Endpoint::Verification, &trouble).await;
        m.b.click(".wc-code button[type=submit]").await;
        if expect == Expect::Fails {
            m.error_shown(case).await;
            if rejects {
                // No token yet: the server refused this code, so it is spent (cleared).
                assert_eq!(m.b.value("#wc-code").await, "", "{case}: a refused code is cleared");
                m.b.type_into("#wc-code", &code).await;
            } else {
                assert_eq!(m.b.value("#wc-code").await, code, "{case}: the code is kept");
            }
            m.clear().await;
            m.b.click(".wc-code button[type=submit]").await;
        }
        m.b.wait_path("/profile").await;
        m.b.wait_text(".wc-name h2", "Fault Tester").await;
        m.clear().await;
        m.clean(case).await;
        m.tried_one();
    }
    m.report("verification (code, POST)");
    m.b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix_profile() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let m = Matrix::start().await;
    m.sign_in().await;
    for (case, trouble, expect, rejects) in cases() {
        // From the orders screen, so the request is made by the app, after the page loaded.
        m.b.click("a.wc-nav-link[href='/orders']").await;
        m.b.wait_path("/orders").await;
        m.apply(Endpoint::Profile, &trouble).await;
        m.b.click("a.wc-nav-link[href='/profile']").await;
        match with_token(expect, rejects) {
            Expect::Works => {}
            Expect::Fails => m.retry_from_banner(case).await,
            Expect::SessionOver => {
                m.b.wait_text(".wc-banner--info", "session has ended").await;
                m.sign_in_again().await;
            }
        }
        m.b.wait_path("/profile").await;
        m.b.find(".wc-name h2").await;
        m.clear().await;
        m.clean(case).await;
        m.tried_one();
    }
    m.report("profile (GET)");
    m.b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix_change() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let m = Matrix::start().await;
    m.sign_in().await;
    for (i, (case, trouble, expect, rejects)) in cases().into_iter().enumerate() {
        let name = format!("Anna {i}");
        m.b.click(".wc-name .wc-edit-button").await;
        m.b.type_into("#wc-edit-f-name", &name).await;
        m.apply(Endpoint::ChangeFields, &trouble).await;
        m.b.click(".wc-edit button[type=submit]").await;
        match with_token(expect, rejects) {
            Expect::Works => {}
            Expect::Fails => {
                m.error_shown(case).await;
                assert_eq!(m.b.value("#wc-edit-f-name").await, name, "{case}: the edit is kept");
                m.clear().await;
                m.b.click(".wc-edit button[type=submit]").await;
            }
            Expect::SessionOver => {
                m.sign_in_again().await;
                m.b.wait_path("/profile").await;
                // The draft came back with the customer.
                assert_eq!(m.b.value("#wc-edit-f-name").await, name, "{case}: the draft is kept");
                m.b.click(".wc-edit button[type=submit]").await;
            }
        }
        m.b.wait_text(".wc-name h2", &name).await;
        m.clear().await;
        m.clean(case).await;
        m.tried_one();
    }
    m.report("change (profile edit, POST)");
    m.b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix_orders() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let m = Matrix::start().await;
    m.sign_in().await;
    for (case, trouble, expect, rejects) in cases() {
        // A fresh page each time: the order list is kept in memory once loaded.
        m.b.client.goto(&m.server.url("/profile")).await.expect("open");
        m.b.find(".wc-name h2").await;
        m.apply(Endpoint::OrderList, &trouble).await;
        m.b.click("a.wc-nav-link[href='/orders']").await;
        match with_token(expect, rejects) {
            Expect::Works => {}
            Expect::Fails => m.retry_from_banner(case).await,
            Expect::SessionOver => m.sign_in_again().await,
        }
        m.b.wait_path("/orders").await;
        m.b.find(".wc-order-row a").await;
        m.clear().await;
        m.clean(case).await;
        m.tried_one();
    }
    m.report("orders (GET)");
    m.b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_matrix_sign_out() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let m = Matrix::start().await;
    for (case, trouble, _, _) in cases() {
        m.sign_in().await;
        m.apply(Endpoint::Logout, &trouble).await;
        m.b.click(".wc-sign-out").await;
        // Whatever the server does, the customer is signed out here and the token is gone.
        m.b.wait_path("/sign-in").await;
        let token = m.b.js("return sessionStorage.getItem('web-cabinet:token')").await;
        assert!(token.is_null(), "{case}: token kept after sign-out");
        m.clear().await;
        m.clean(case).await;
        m.tried_one();
    }
    m.report("sign-out (DELETE)");
    m.b.close().await;
}

impl Matrix {
    fn tried_one(&self) {
        self.tried.set(self.tried.get() + 1);
    }
}
