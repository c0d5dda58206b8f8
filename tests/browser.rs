//! Browser journeys: the release build, served by the test server over real HTTP, driven in
//! headless Chromium through chromedriver. Screenshots land in `target/screenshots/`.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::browser::{Browser, Scheme, ONE_AT_A_TIME};
use support::{http_config, http_config_with_timeout, ConfigMode, Fault, PagingMode, TestServer};
use web_cabinet::core::api::Endpoint;
use web_cabinet::demo::{demo_order, DEMO_LOGIN, DEMO_PASSWORD};

const PHONE: (u32, u32) = (390, 844);

/// A body from `tests/fixtures/` (the repository's copy of the shared set).
fn fixture(name: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    std::fs::read_to_string(format!("{path}{name}"))
        .unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}
const DESKTOP: (u32, u32) = (1280, 900);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_wrong_then_right_then_sign_out_over_http() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/")).await.expect("open");

    // `/` sends a signed-out visitor to sign-in; the login input is labelled and typed by the
    // registration fields' isLogin field (the demo's e-mail).
    b.wait_path("/sign-in").await;
    b.wait_text("label[for=wc-login]", "E-mail").await;
    let login = b.find("#wc-login").await;
    assert_eq!(login.attr("type").await.unwrap().as_deref(), Some("email"));
    assert_eq!(login.attr("autocomplete").await.unwrap().as_deref(), Some("username"));
    assert!(
        b.client.find(fantoccini::Locator::Css(".wc-demo")).await.is_err(),
        "no demo banner with a real server"
    );

    // Wrong password: the server's message, in place; the login kept.
    b.type_into("#wc-login", DEMO_LOGIN).await;
    b.type_into("#wc-password", "not-the-password").await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--error", "Wrong login or password.").await;
    assert_eq!(b.value("#wc-login").await, DEMO_LOGIN);
    let banner = b.wait_text(".wc-banner--error", "Wrong").await;
    assert!(!banner.contains("demo"), "debug output `d` must never show: {banner}");
    b.screenshot("sign-in-wrong-password-desktop", DESKTOP.0, DESKTOP.1).await;
    b.screenshot("sign-in-wrong-password-phone", PHONE.0, PHONE.1).await;

    // The request the cabinet sent: JSON body with the common fields, a digits-only appId.
    let auth = server.requests_to(Endpoint::Auth);
    assert_eq!(auth.len(), 1, "one click, one request");
    assert_eq!(auth[0].method, "POST");
    assert_eq!(auth[0].content_type.as_deref(), Some("application/json"));
    let body: serde_json::Value = serde_json::from_str(&auth[0].body).unwrap();
    assert_eq!(body["login"], DEMO_LOGIN);
    assert_eq!(body["platform"], "web");
    assert_eq!(body["locale"], "en_US");
    let app_id = body["appId"].as_str().unwrap_or_default().to_string();
    assert!(!app_id.is_empty() && app_id.bytes().all(|c| c.is_ascii_digit()), "appId {app_id:?}");

    // The right password: the profile, with the customer's name.
    b.type_into("#wc-password", DEMO_PASSWORD).await;
    b.click("#wc-password + .wc-reveal").await;
    assert_eq!(b.find("#wc-password").await.attr("type").await.unwrap().as_deref(), Some("text"));
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Анна Смирнова").await;
    b.wait_text(".wc-bonus", "1,250").await;
    b.screenshot("profile-desktop", DESKTOP.0, DESKTOP.1).await;
    b.screenshot("profile-phone", PHONE.0, PHONE.1).await;

    let profile = server.requests_to(Endpoint::Profile);
    let token = profile.last().and_then(|r| r.authorization.clone()).expect("profile sent a token");
    assert!(!token.starts_with("Bearer"), "raw token, no Bearer prefix");
    assert_eq!(token.len(), 32);
    let auth = server.requests_to(Endpoint::Auth);
    assert!(auth[1].body.contains(&app_id), "the same appId every time");
    // Kept per token_storage=session (no "stay signed in"): session storage only.
    let kept = b.js("return sessionStorage.getItem('web-cabinet:token')").await;
    assert_eq!(kept.as_str(), Some(token.as_str()));
    assert!(b.js("return localStorage.getItem('web-cabinet:token')").await.is_null());
    assert!(!b.client.current_url().await.unwrap().as_str().contains(&token), "token in the URL");

    // Sign out: DELETE with the token on the auth URL; forgotten locally; back to sign-in.
    b.click(".wc-profile-head button").await;
    b.wait_path("/sign-in").await;
    b.wait_text(".wc-banner--info", "You have signed out.").await;
    for _ in 0..50 {
        if !server.requests_to(Endpoint::Logout).is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let logout = server.requests_to(Endpoint::Logout);
    assert_eq!(logout.len(), 1);
    assert_eq!(logout[0].method, "DELETE");
    assert_eq!(logout[0].authorization.as_deref(), Some(token.as_str()));
    assert!(logout[0].body.is_empty(), "sign-out has no body");
    assert!(b.js("return sessionStorage.getItem('web-cabinet:token')").await.is_null());
    b.screenshot("signed-out-phone", PHONE.0, PHONE.1).await;
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_backend_in_the_browser_when_config_says_demo() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start_demo(ConfigMode::FromDist).await;
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.wait_text(".wc-demo", DEMO_LOGIN).await;
    b.wait_text("label[for=wc-login]", "Электронная почта").await;
    b.type_into("#wc-login", DEMO_LOGIN).await;
    b.type_into("#wc-password", DEMO_PASSWORD).await;
    b.click("#wc-remember").await;
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Анна Смирнова").await;
    b.wait_text(".wc-blocks", "не подтверждён").await;
    b.screenshot("demo-profile-ru-phone", PHONE.0, PHONE.1).await;
    b.screenshot("demo-profile-ru-desktop", DESKTOP.0, DESKTOP.1).await;
    assert!(server.log().is_empty(), "demo mode sends no API request over the network");
    // "Stay signed in" keeps the token across a reload.
    assert!(b.js("return localStorage.getItem('web-cabinet:token')").await.is_string());
    b.client.refresh().await.expect("reload");
    b.wait_text(".wc-name h2", "Анна Смирнова").await;
    // Switching language re-renders the UI.
    b.click(".wc-lang-button[lang=en]").await;
    b.wait_text("#wc-profile-title", "Profile").await;
    // The profile's "order history" action opens the demo's 137 orders.
    b.click("a.wc-action[href='/orders']").await;
    b.wait_path("/orders").await;
    assert_eq!(load_whole_history(&b).await, 137);
    b.click(".wc-order-row:first-child a").await;
    b.find(".wc-items").await;
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_config_falls_back_to_demo() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start_demo(ConfigMode::Missing).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/")).await.expect("open");
    b.wait_text(".wc-demo", "Demo mode").await;
    b.find("#wc-login").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_strict_csp_is_enforced_and_its_violations_reported() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    // The cabinet itself started under the policy (no inline script or style needed) ...
    assert!(server.csp_reports().is_empty(), "{:?}", server.csp_reports());
    // ... and what the policy forbids is blocked and reported, which is how every other journey
    // fails on a violation (TestServer's Drop).
    b.js("const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; \
          document.body.append(s); \
          const d = document.createElement('div'); d.setAttribute('style', 'color: red'); \
          document.body.append(d);")
        .await;
    assert!(b.js("return window.__inline === undefined").await.as_bool().unwrap_or(false));
    let mut reports = Vec::new();
    for _ in 0..50 {
        reports = server.csp_reports();
        if reports.len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let all = reports.join("\n");
    assert!(all.contains("script-src"), "{all}");
    assert!(all.contains("style-src"), "{all}");
    server.take_csp_reports();
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_merchant_build_without_a_server_says_which_key_to_set() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Missing).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/")).await.expect("open");
    let text = b.wait_text(".wc-fatal", "no shop server is configured").await;
    assert!(text.contains("api"), "{text}");
    // The merchant bundle carries no demo backend to fall back to.
    assert!(b.client.find(fantoccini::Locator::Css(".wc-demo")).await.is_err());
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_config_stops_with_the_key_named() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let config = http_config().replace("\"session\"", "\"cookie\"");
    let server = TestServer::start(ConfigMode::Json(config)).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/")).await.expect("open");
    let text = b.wait_text(".wc-fatal", "token_storage").await;
    assert!(text.contains("cookie"), "{text}");
    b.screenshot("config-error-phone", PHONE.0, PHONE.1).await;
    // It did not silently fall back to the demo.
    assert!(b.client.find(fantoccini::Locator::Css(".wc-demo")).await.is_err());
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_over_on_profile_sends_back_to_sign_in() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    // The app starts after the page's load event. Planting the token before this page's app has
    // read its session would let *this* page use it (signed in → /profile → `not_authorized`)
    // and clear it while the next page loads, which then starts signed out, with no notice.
    b.find("#wc-login").await;
    // A token the server doesn't know: it answers `not_authorized`, as real servers do.
    b.js("sessionStorage.setItem('web-cabinet:token', 'stale0000')").await;
    b.client.goto(&server.url("/profile")).await.expect("open");
    b.wait_path("/sign-in").await;
    b.wait_text(".wc-banner--info", "session has ended").await;
    assert!(b.js("return sessionStorage.getItem('web-cabinet:token')").await.is_null());
    // Signing in again returns to the profile.
    b.sign_in_as_demo_customer().await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Анна").await;
    b.close().await;
}

/// Fill the demo's registration form (name, e-mail, phone, password).
async fn fill_registration(b: &Browser, name: &str, email: &str, phone: &str, password: &str) {
    b.type_into("#wc-f-name", name).await;
    b.type_into("#wc-f-email", email).await;
    b.type_into("#wc-f-phone", phone).await;
    b.type_into("#wc-f-password", password).await;
}

/// Sign in with the demo customer on the current sign-in screen.
async fn fill_sign_in(b: &Browser) {
    b.type_into("#wc-login", DEMO_LOGIN).await;
    b.type_into("#wc-password", DEMO_PASSWORD).await;
}

fn page_shows_no_raw_html(text: &str) {
    for marker in ["Fatal error", "<br", "<b>", "Stack trace"] {
        assert!(!text.contains(marker), "raw server output on screen: {text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_sign_in_keeps_the_input_and_retries() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let fatal = fixture("raw/php_fatal_500.txt");
    server.fault_next(Endpoint::Auth, Fault::Answer { status: 500, body: fatal });
    server.fault_next(Endpoint::Auth, Fault::Answer { status: 200, body: String::new() });
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;

    // HTML 500: a plain message and a retry; nothing typed is lost; no raw HTML.
    b.wait_text(".wc-banner--error", "Something went wrong on the shop's server").await;
    assert_eq!(b.value("#wc-login").await, DEMO_LOGIN);
    assert_eq!(b.value("#wc-password").await, DEMO_PASSWORD);
    page_shows_no_raw_html(&b.find("body").await.text().await.unwrap());
    b.screenshot("sign-in-server-error-phone", PHONE.0, PHONE.1).await;

    // An empty 200 body: an unreadable answer, again with a retry.
    b.click(".wc-banner--error button").await;
    b.wait_text(".wc-banner--error", "couldn't read").await;
    assert_eq!(b.value("#wc-login").await, DEMO_LOGIN);

    // The fault has cleared: retry signs in.
    b.click(".wc-banner--error button").await;
    b.wait_path("/profile").await;
    assert_eq!(server.requests_to(Endpoint::Auth).len(), 3);
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_that_outlives_the_timeout_is_aborted() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config_with_timeout(1500))).await;
    server.fault_next(Endpoint::Auth, Fault::Hang);
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    let started = std::time::Instant::now();
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--error", "took too long").await;
    let waited = started.elapsed();
    assert!(waited < std::time::Duration::from_millis(4500), "not aborted at 1.5 s: {waited:?}");
    assert_eq!(b.value("#wc-password").await, DEMO_PASSWORD);
    b.click(".wc-banner--error button").await;
    b.wait_path("/profile").await;
    b.close().await;
}

/// A screen that goes away cancels its request: the profile is still loading (the server takes
/// its time) when the customer opens the orders, and the browser closes the profile request at
/// once instead of leaving it open until the 30 s timeout.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_screen_that_goes_away_cancels_its_request() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config_with_timeout(30_000))).await;
    let b = Browser::signed_in(&server, "en-US").await;
    let asked = server.requests_to(Endpoint::Profile).len();
    server.fault_next(Endpoint::Profile, Fault::Hang);
    b.client.goto(&server.url("/profile")).await.expect("open");
    for _ in 0..75 {
        if server.requests_to(Endpoint::Profile).len() > asked {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(server.requests_to(Endpoint::Profile).len() > asked, "the profile was asked for");
    assert!(server.abandoned().is_empty());
    b.click(".wc-nav a[href='/orders']").await;
    b.find(".wc-order-row").await;
    let mut abandoned = Vec::new();
    for _ in 0..25 {
        abandoned = server.abandoned();
        if !abandoned.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(
        abandoned,
        [Endpoint::Profile],
        "{}: the profile request outlived its screen",
        b.engine.name()
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rapid_clicks_send_one_sign_in() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.fault_next(Endpoint::Auth, Fault::Delay(std::time::Duration::from_millis(1200)));
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    // Five clicks as fast as WebDriver can send them, plus Enter in the password field.
    b.js("for (let i = 0; i < 5; i++) document.querySelector('button[type=submit]').click();")
        .await;
    b.find("#wc-password").await.send_keys("\u{E007}").await.expect("enter");
    b.wait_text("button[type=submit]", "Signing in").await;
    b.wait_path("/profile").await;
    assert_eq!(
        server.requests_to(Endpoint::Auth).len(),
        1,
        "one sign-in request, however many clicks"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_that_fails_to_load_offers_a_retry_not_a_sign_out() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.fault_next(
        Endpoint::Profile,
        Fault::Answer { status: 200, body: "<html><body>Warning: oops</body></html>".into() },
    );
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-banner--error", "Couldn't load your profile.").await;
    assert!(
        b.js("return sessionStorage.getItem('web-cabinet:token')").await.is_string(),
        "still signed in"
    );
    b.screenshot("profile-load-failed-phone", PHONE.0, PHONE.1).await;
    b.click(".wc-banner--error button").await;
    b.wait_text(".wc-name h2", "Анна Смирнова").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_with_a_phone_code() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.click("a[href='/register']").await;
    b.wait_path("/register").await;
    b.find("#wc-f-name").await;
    // The server's fields, drawn with the right input types and autofill.
    let email = b.find("#wc-f-email").await;
    assert_eq!(email.attr("autocomplete").await.unwrap().as_deref(), Some("username"));
    assert_eq!(b.find("#wc-f-phone").await.attr("type").await.unwrap().as_deref(), Some("tel"));
    assert_eq!(
        b.find("#wc-f-password").await.attr("autocomplete").await.unwrap().as_deref(),
        Some("new-password")
    );

    // Client-side checks first: nothing is sent while required fields are empty.
    b.click("button[type=submit]").await;
    b.wait_text("#wc-f-name-error", "Please fill in this field").await;
    assert_eq!(
        b.find("#wc-f-name").await.attr("aria-describedby").await.unwrap().as_deref(),
        Some("wc-f-name-error")
    );
    assert!(server.requests_to(Endpoint::Registration).is_empty());
    b.screenshot("register-empty-phone", PHONE.0, PHONE.1).await;

    // A taken e-mail: the server's message under the e-mail field, the rest kept.
    b.type_into("#wc-f-name", "Ivan").await;
    b.type_into("#wc-f-email", DEMO_LOGIN).await;
    b.type_into("#wc-f-phone", "+7 999 111-22-33").await;
    b.type_into("#wc-f-password", "secret1").await;
    b.click("button[type=submit]").await;
    b.wait_text("#wc-f-email-error", "already registered").await;
    assert_eq!(
        b.find("#wc-f-email").await.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(b.value("#wc-f-phone").await, "+7 999 111-22-33");
    b.screenshot("register-taken-email-desktop", DESKTOP.0, DESKTOP.1).await;

    // Fixed: the server sends a code; the code step with its prompt and countdown.
    b.type_into("#wc-f-email", "ivan@example.com").await;
    b.click("button[type=submit]").await;
    b.wait_text("label[for=wc-code]", "Enter the code from the SMS").await;
    let body: serde_json::Value =
        serde_json::from_str(&server.requests_to(Endpoint::Registration)[1].body).unwrap();
    assert_eq!(body["login"], "ivan@example.com", "compatibility key: the login field's value");
    assert_eq!(body["password_confirm"], "secret1", "compatibility key: the password again");
    let code_input = b.find("#wc-code").await;
    assert_eq!(code_input.attr("autocomplete").await.unwrap().as_deref(), Some("one-time-code"));
    assert_eq!(code_input.attr("inputmode").await.unwrap().as_deref(), Some("numeric"));
    let resend = b.wait_text(".wc-resend", "Send again in").await;
    assert!(resend.starts_with("Send again in 0:5") || resend == "Send again in 1:00", "{resend}");
    assert!(b.find(".wc-resend").await.attr("disabled").await.unwrap().is_some());
    assert!(
        server.requests_to(Endpoint::VerificationRepeat).is_empty(),
        "no resend without a click"
    );
    b.screenshot("register-code-phone", PHONE.0, PHONE.1).await;

    // A reload keeps the step and the remaining time (a stored deadline, not a fresh count).
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    b.client.refresh().await.expect("reload");
    let after = b.wait_text(".wc-resend", "Send again in").await;
    assert!(!after.ends_with("1:00") && !after.ends_with("0:59"), "countdown restarted: {after}");
    b.screenshot("register-code-desktop", DESKTOP.0, DESKTOP.1).await;

    // A wrong code: the server's message, the input cleared.
    let code = server.last_code().expect("a code was sent").code;
    let wrong = if code == "0000" { "1111" } else { "0000" };
    b.type_into("#wc-code", wrong).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_text("#wc-code-error", "Wrong code").await;
    assert_eq!(b.value("#wc-code").await, "");

    // The right code signs the new customer in.
    b.type_into("#wc-code", &code).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Ivan").await;
    let verify = server.requests_to(Endpoint::Verification);
    let sent: serde_json::Value = serde_json::from_str(&verify[1].body).unwrap();
    assert_eq!(sent["field_id"], "phone");
    assert_eq!(sent["value"], "+7 999 111-22-33");
    assert_eq!(sent["code"], code.as_str());
    assert!(!b.crashed().await);
    b.close().await;
}

/// The demo's registration fields with its phone's verification keys replaced by `phone`'s.
fn registration_fields_with(server: &TestServer, phone: serde_json::Value) -> String {
    let request = web_cabinet::core::api::ApiRequest::new(Endpoint::RegFields);
    let answer = server.state.backend.lock().unwrap().handle(&request, 0);
    let mut answer: serde_json::Value = serde_json::from_str(&answer.body).unwrap();
    for field in answer["data"]["fields"].as_array_mut().unwrap() {
        if field["id"] == "phone" {
            for (key, value) in phone.as_object().unwrap() {
                field[key] = value.clone();
            }
        }
    }
    answer.to_string()
}

/// The code input types as `code_input_type` says, and `editable: false` takes away "change the
/// value" from the code step.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_code_step_follows_the_fields_code_type_and_editable() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let masked = registration_fields_with(
        &server,
        serde_json::json!({ "code_input_type": "password", "editable": false }),
    );
    server.fault_always(Endpoint::RegFields, Fault::Answer { status: 200, body: masked });
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    fill_registration(&b, "Олег", "oleg@example.com", "+7 999 222-33-44", "secret1").await;
    b.click(".wc-register button[type=submit]").await;
    let code = b.find("#wc-code").await;
    assert_eq!(code.attr("type").await.unwrap().as_deref(), Some("password"), "masked");
    assert_eq!(code.attr("autocomplete").await.unwrap().as_deref(), Some("one-time-code"));
    let reveal = b.find(".wc-code .wc-reveal").await;
    assert_eq!(reveal.attr("aria-label").await.unwrap().as_deref(), Some("Показать код"));
    let actions = b.find(".wc-code-actions").await.text().await.unwrap();
    assert!(
        b.client.find(fantoccini::Locator::Css(".wc-change-value")).await.is_err(),
        "editable: false, yet the step offers to change it: {actions}"
    );
    let sent = server.last_code().expect("a code").code;
    b.type_into("#wc-code", &sent).await;
    b.click(".wc-code .wc-reveal").await;
    assert_eq!(b.find("#wc-code").await.attr("type").await.unwrap().as_deref(), Some("text"));
    assert_eq!(b.value("#wc-code").await, sent, "shown, as typed");
    b.screenshot("code-masked-phone", PHONE.0, PHONE.1).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_path("/profile").await;

    // An e-mail-typed code: the e-mail keyboard, and the value may be changed.
    b.click(".wc-sign-out").await;
    b.wait_path("/sign-in").await;
    let email =
        registration_fields_with(&server, serde_json::json!({ "code_input_type": "email" }));
    server.clear_faults();
    server.fault_always(Endpoint::RegFields, Fault::Answer { status: 200, body: email });
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    fill_registration(&b, "Ольга", "olga@example.com", "+7 999 333-44-55", "secret1").await;
    b.click(".wc-register button[type=submit]").await;
    let code = b.find("#wc-code").await;
    assert_eq!(code.attr("type").await.unwrap().as_deref(), Some("text"));
    assert_eq!(code.attr("inputmode").await.unwrap().as_deref(), Some("email"));
    assert!(b.client.find(fantoccini::Locator::Css(".wc-code .wc-reveal")).await.is_err());
    b.find(".wc-change-value").await;
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn send_the_code_again_after_the_countdown() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.state.backend.lock().unwrap().set_resend_seconds(3);
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    fill_registration(&b, "Пётр", "petr@example.com", "89990001122", "secret1").await;
    b.click("button[type=submit]").await;
    b.find("#wc-code").await;
    let first = server.last_code().expect("first code");
    // Disabled during the countdown, enabled after it, with a polite announcement.
    b.wait_text(".wc-status", "Можно запросить новый код").await;
    assert!(b.find(".wc-resend").await.attr("disabled").await.unwrap().is_none());
    b.click(".wc-resend").await;
    b.wait_text(".wc-status", "Новый код отправлен").await;
    let repeat = server.requests_to(Endpoint::VerificationRepeat);
    assert_eq!(repeat.len(), 1);
    let body: serde_json::Value = serde_json::from_str(&repeat[0].body).unwrap();
    assert_eq!(body["field_id"], "phone");
    assert_eq!(body["value"], "89990001122");
    assert!(
        b.find(".wc-resend").await.attr("disabled").await.unwrap().is_some(),
        "a fresh countdown"
    );
    let second = server.last_code().expect("second code");
    assert!(second.at_ms > first.at_ms);
    // "Change" goes back to the form with the values kept.
    b.click(".wc-link-button").await;
    assert_eq!(b.value("#wc-f-phone").await, "89990001122");
    assert_eq!(b.value("#wc-f-name").await, "Пётр");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recover_a_password() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.click("a[href='/recover']").await;
    b.wait_path("/recover").await;
    b.find("#wc-f-email").await;
    b.type_into("#wc-f-email", "nobody@example.com").await;
    b.click("button[type=submit]").await;
    b.wait_text("#wc-f-email-error", "No customer has this e-mail").await;
    assert_eq!(b.value("#wc-f-email").await, "nobody@example.com");
    b.type_into("#wc-f-email", DEMO_LOGIN).await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--info", "A link to set a new password was sent to anna@example.com")
        .await;
    let sent: serde_json::Value =
        serde_json::from_str(&server.requests_to(Endpoint::Recovery)[1].body).unwrap();
    assert_eq!(sent["email"], DEMO_LOGIN);
    assert!(sent["appId"].is_string() && sent["platform"] == "web", "common fields: {sent}");
    b.screenshot("recover-done-phone", PHONE.0, PHONE.1).await;
    b.screenshot("recover-done-desktop", DESKTOP.0, DESKTOP.1).await;
    b.close().await;
}

/// A shop that names no recovery URL has no recovery: no "forgot password" link, and the page
/// typed by hand says so and sends nothing (the registration URL the document writes in its
/// place would register whatever the form held).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shop_without_recovery_offers_none() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    let api = config["api"].as_object_mut().unwrap();
    api.remove("recovery_url");
    api.remove("recovery_fields_url");
    let server = TestServer::start(ConfigMode::Json(config.to_string())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    b.find("a[href='/register']").await;
    assert!(
        b.client.find(fantoccini::Locator::Css("a[href='/recover']")).await.is_err(),
        "a 'forgot password' link with nowhere to send it"
    );
    let asked = |server: &TestServer| server.requests_to(Endpoint::RegFields).len();
    let before = asked(&server);
    b.client.goto(&server.url("/recover")).await.expect("open");
    b.wait_text(".wc-banner--error", "Password recovery is not available here").await;
    assert_eq!(asked(&server), before, "the recovery page asked for the registration fields");
    assert!(b.client.find(fantoccini::Locator::Css("form")).await.is_err(), "a form with no URL");
    b.screenshot("recover-unavailable-phone", PHONE.0, PHONE.1).await;
    let sent: Vec<_> = server.log().into_iter().filter_map(|r| r.endpoint).collect();
    assert!(
        !sent.iter().any(|e| matches!(e, Endpoint::Recovery | Endpoint::Registration)),
        "asked the registration URLs: {sent:?}"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_fields_that_fail_to_load_offer_a_retry() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let not_configured = fixture("04_regfields_not_configured_error.json");
    for _ in 0..3 {
        let body = not_configured.clone();
        server.fault_next(Endpoint::RegFields, Fault::Answer { status: 200, body });
    }
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    // The server's own reason, and a way to try again.
    let banner = b.wait_text(".wc-banner--error", "Регистрация не настроена в системе!").await;
    assert!(!banner.contains("Проверьте"), "the customer typed nothing: {banner}");
    b.screenshot("register-unavailable-phone", PHONE.0, PHONE.1).await;
    // The same refusal again: trying cannot help, and the banner says so instead of a button.
    b.click(".wc-banner--error button").await;
    b.wait_text(".wc-banner--error", "повторная попытка не поможет").await;
    assert!(b.client.find(fantoccini::Locator::Css(".wc-banner--error button")).await.is_err());
    // A later visit tries again, and a shop that has set it up by then shows its form.
    b.client.goto(&server.url("/register")).await.expect("open");
    b.wait_text(".wc-banner--error", "Регистрация не настроена в системе!").await;
    b.click(".wc-banner--error button").await;
    b.find("#wc-f-name").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_with_vk_through_oauth() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Missing).await;
    server.set_config(ConfigMode::Json(server.config_with_vk()));
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    // Only the configured network has a button.
    b.wait_text(".wc-socials", "Sign in with VK").await;
    assert!(b.client.find(fantoccini::Locator::Css(".wc-social--facebook")).await.is_err());
    b.screenshot("sign-in-with-vk-phone", PHONE.0, PHONE.1).await;
    b.screenshot("sign-in-with-vk-desktop", DESKTOP.0, DESKTOP.1).await;
    b.click(".wc-social--vkontakte").await;

    // The provider's page got our client id, a random state and our callback.
    b.wait_text("h1", "Allow the shop").await;
    let at_provider = b.client.current_url().await.unwrap();
    let q: std::collections::HashMap<String, String> =
        at_provider.query_pairs().into_owned().collect();
    assert_eq!(q.get("client_id").map(String::as_str), Some("51234"));
    assert_eq!(q.get("v").map(String::as_str), Some("5.131"), "the provider's own parameters kept");
    assert_eq!(q.get("redirect_uri"), Some(&server.url("/oauth/callback")));
    assert_eq!(q.get("state").map(String::len), Some(32));
    b.click("#allow").await;

    // Back in the cabinet: signed in with the network's token; the token left the address bar.
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "777001").await;
    let auth = server.requests_to(Endpoint::Auth);
    let body: serde_json::Value = serde_json::from_str(&auth.last().unwrap().body).unwrap();
    assert_eq!(body["type"], "vkontakte");
    assert_eq!(body["accessToken"], "fake-51234-token");
    assert_eq!(body["internal_id"], "777001");
    assert!(!b.client.current_url().await.unwrap().as_str().contains("access_token"));
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_or_denied_oauth_reply_sends_nothing() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Missing).await;
    server.set_config(ConfigMode::Json(server.config_with_vk()));
    let b = Browser::start("en-US").await;
    // A reply this browser never asked for.
    b.client
        .goto(&server.url("/oauth/callback#access_token=stolen&user_id=1&state=forged"))
        .await
        .expect("open");
    b.wait_text(".wc-banner--error", "couldn't verify").await;
    assert!(!b.client.current_url().await.unwrap().as_str().contains("stolen"));
    // Denied at the provider.
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.click(".wc-social--vkontakte").await;
    b.click("#deny").await;
    b.wait_text(".wc-banner--error", "cancelled").await;
    assert!(server.requests_to(Endpoint::Auth).is_empty(), "nothing was sent to the shop");
    // The password sign-in still works from there.
    b.click(".wc-alt a").await;
    b.find("#wc-login").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_in_customer_connects_vk() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Missing).await;
    server.set_config(ConfigMode::Json(server.config_with_vk()));
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-name h2", "Анна").await;
    b.wait_text(".wc-socials", "Connect VK").await;
    b.click(".wc-social--vkontakte").await;
    b.click("#allow").await;
    b.wait_text(".wc-banner--info", "now connected").await;
    let refresh = server.requests_to(Endpoint::TokenRefresh);
    assert_eq!(refresh.len(), 1);
    assert!(
        refresh[0].authorization.as_deref().is_some_and(|t| t.len() == 32),
        "sent with the session token"
    );
    let body: serde_json::Value = serde_json::from_str(&refresh[0].body).unwrap();
    assert_eq!(body["type"], "vkontakte");
    assert_eq!(body["internal_id"], "777001");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_error_message_with_br_shows_as_lines() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let bitrix = fixture("06_register_error_bitrix_br.json");
    server.fault_next(Endpoint::Registration, Fault::Answer { status: 200, body: bitrix });
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    fill_registration(&b, "Иван", "ivan.petrov@example.ru", "+79161112233", "12345").await;
    b.click("button[type=submit]").await;
    let text = b.wait_text(".wc-banner--error", "уже существует").await;
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "Пользователь с логином \"ivan.petrov@example.ru\" уже существует.",
            "Пароль должен быть не менее 6 символов длиной."
        ],
        "one line per <br>, no markup"
    );
    assert_eq!(b.value("#wc-f-email").await, "ivan.petrov@example.ru");
    b.screenshot("register-br-error-phone", PHONE.0, PHONE.1).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn register_in_the_demo_with_the_code_from_the_banner() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start_demo(ConfigMode::FromDist).await;
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    fill_registration(&b, "Мария", "maria@example.com", "+7 903 555-44-33", "secret1").await;
    b.click("button[type=submit]").await;
    b.find("#wc-code").await;
    // No SMS in a browser: the demo banner shows the code it "sent".
    let code = b.wait_text(".wc-demo-code", "").await;
    assert_eq!(code.len(), 4, "{code:?}");
    b.screenshot("demo-register-code-phone", PHONE.0, PHONE.1).await;
    b.type_into("#wc-code", &code).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Мария").await;
    assert!(server.log().is_empty(), "all in the page");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_the_embedding_page_knows_is_sent_with_forms() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/embed-test.html")).await.expect("open");
    // An unknown path inside the cabinet: its own "not found", with a way in.
    b.wait_text("h1", "Page not found").await;
    b.click("a.wc-button").await;
    b.wait_path("/sign-in").await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    let body: serde_json::Value =
        serde_json::from_str(&server.requests_to(Endpoint::Auth)[0].body).unwrap();
    assert_eq!(body["savedPhone"], "+79160000000");
    assert_eq!(body["savedEmail"], "guest@example.com");
    assert_eq!(body["regionId"], "spb");
    assert!(body.get("pushToken").is_none(), "no push token on the web");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn field_errors_land_under_their_inputs_and_the_rest_at_the_top() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let mixed = fixture("07_register_error_fields_mixed_keys.json");
    server.fault_next(Endpoint::Registration, Fault::Answer { status: 200, body: mixed });
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    fill_registration(&b, "Иван", "ivan@example.ru", "+79161112233", "secret1").await;
    b.click("button[type=submit]").await;
    b.wait_text("#wc-f-email-error", "Данный email уже зарегистрирован.").await;
    b.wait_text("#wc-f-phone-error", "Данный телефон уже зарегистрирован.").await;
    for id in ["#wc-f-email", "#wc-f-phone"] {
        assert_eq!(b.find(id).await.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    }
    assert_eq!(
        b.find("#wc-f-name").await.attr("aria-invalid").await.unwrap().as_deref(),
        Some("false")
    );
    let banner = b.wait_text(".wc-banner--error", "Промокод не найден").await;
    assert!(banner.contains("Регистрация временно недоступна"), "{banner}");
    assert!(!banner.contains("уже зарегистрирован"), "field messages are not repeated at the top");
    // Focus went to the first field the server blamed.
    let focused = b.js("return document.activeElement && document.activeElement.id").await;
    assert_eq!(focused.as_str(), Some("wc-f-email"));
    b.screenshot("register-field-errors-desktop", DESKTOP.0, DESKTOP.1).await;
    b.close().await;
}

/// A profile answer with every block type, plus entries a client must skip.
fn every_block_profile() -> String {
    serde_json::json!({
        "status": "ok",
        "data": {
            "fields": [
                { "cabinet_field_type": "name_field", "id": "name", "value": "Анна", "editable": true, "image": "demo/avatar.svg" },
                { "cabinet_field_type": "image_action_field", "image": "demo/promo.svg", "action": { "type": "openUrlExternal", "param": "https://example.com/promo" } },
                { "cabinet_field_type": "image_action_field", "image": "", "action": { "type": "openUrl", "param": "https://example.com/" } },
                { "cabinet_field_type": "title_text_field", "id": "phone", "title": "Телефон", "value": "+79161234567", "editable": true, "need_verification": "1", "verified": "N", "time": "120", "text": "Введите код из SMS", "code_input_type": "number" },
                { "cabinet_field_type": "title_text_field", "id": "email", "title": "E-mail", "value": "anna@example.com", "editable": false },
                { "cabinet_field_type": "text_field", "value": "Участник программы с 2021 года" },
                { "cabinet_field_type": "text_field", "value": null },
                { "cabinet_field_type": "action_field", "value": "Позвонить", "action": { "type": "doCall", "param": "+7 800 123-45-67" } },
                { "cabinet_field_type": "action_field", "value": "Акция", "action": { "type": "openUrlExternal", "param": "https://example.com/sale" } },
                { "cabinet_field_type": "action_field", "value": "Вредная ссылка", "action": { "type": "openUrl", "param": "javascript:window.__xss=1" } },
                { "cabinet_field_type": "action_field", "value": "Мой профиль", "action": { "type": "openProfile", "param": null } },
                { "cabinet_field_type": "action_field", "value": "Мои заказы", "action": { "type": "openHistory", "param": null } },
                { "cabinet_field_type": "action_field", "value": "Правила программы", "action": { "type": "openUrl", "param": "https://example.com/rules" } },
                { "cabinet_field_type": "action_field", "value": "Товар дня", "action": { "type": "openProduct", "param": "42" } },
                { "cabinet_field_type": "action_field", "value": "Каталог", "action": { "type": "openCatalog", "param": "" } },
                { "cabinet_field_type": "action_field", "value": "Без действия", "action": { "type": null, "param": null } },
                { "cabinet_field_type": "bonus_field", "title": "Бонусные баллы", "value": "1 250" },
                { "cabinet_field_type": "barcode_field", "image": "demo/barcode.svg" },
                { "cabinet_field_type": "separator", "size": "24" },
                { "cabinet_field_type": "hologram_field", "value": "from the future" },
                { "value": "no type at all" },
                null,
                "a string"
            ],
            "bonus": { "amount": "1250.5", "available_proportion": 0.2 },
            "discount": { "value": 0.14 }
        }
    })
    .to_string()
}

fn config_with_actions() -> String {
    let mut cfg: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    cfg["actions"] = serde_json::json!({ "openProduct": "https://shop.example/product/{param}" });
    cfg.to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_block_type_in_server_order() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(config_with_actions())).await;
    server
        .fault_next(Endpoint::Profile, Fault::Answer { status: 200, body: every_block_profile() });
    let b = Browser::signed_in(&server, "en-US").await;
    b.wait_text(".wc-name h2", "Анна").await;
    assert!(b
        .find(".wc-avatar")
        .await
        .attr("src")
        .await
        .unwrap()
        .is_some_and(|s| s.ends_with("avatar.svg")));
    // Labelled values with verification state, and "Confirm" for the unconfirmed phone.
    let rows = b.wait_text(".wc-blocks", "+79161234567").await;
    assert!(rows.contains("not confirmed") && rows.contains("anna@example.com"), "{rows}");
    b.find(".wc-confirm-button").await;
    assert!(rows.contains("Участник программы с 2021 года"));
    // Actions: a call, a new-tab link, a cabinet screen, a mapped shop screen.
    b.find("a.wc-action[href='tel:+78001234567']").await;
    let external = b.find("a.wc-action[href='https://example.com/sale']").await;
    assert_eq!(external.attr("target").await.unwrap().as_deref(), Some("_blank"));
    assert_eq!(external.attr("rel").await.unwrap().as_deref(), Some("noopener noreferrer"));
    b.find("a.wc-action[href='/profile']").await;
    b.find("a.wc-action[href='/orders']").await;
    b.find("a.wc-action[href='https://example.com/rules']").await;
    // (Asked of the DOM: WebKit's driver reports a missing attribute as "".)
    let target = b
        .js("return document.querySelector(\"a.wc-action[href='https://example.com/rules']\").hasAttribute('target')")
        .await;
    assert_eq!(target.as_bool(), Some(false), "openUrl opens in this page");
    b.find("a.wc-action[href='https://shop.example/product/42']").await;
    b.find("a.wc-image-action[href='https://example.com/promo'] img").await;
    // Unsafe, unmapped and typeless actions are inert: no link, nothing focusable.
    let links = b
        .js_strings("return [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
        .await;
    assert!(links.iter().all(|h| !h.to_lowercase().contains("javascript")), "{links:?}");
    let inert =
        b.js("return [...document.querySelectorAll('.wc-inert')].map(e => e.textContent)").await;
    let inert = inert.to_string();
    for text in ["Вредная ссылка", "Каталог", "Без действия"] {
        assert!(inert.contains(text), "{text} should be inert: {inert}");
    }
    assert_eq!(
        b.js("return document.querySelectorAll('.wc-inert[tabindex], .wc-inert a').length").await,
        0
    );
    // The empty image is not drawn; bonus line, barcode, separator are.
    assert_eq!(b.js("return document.querySelectorAll('.wc-image').length").await, 1);
    b.wait_text(".wc-blocks", "Бонусные баллы").await;
    b.find("img.wc-barcode").await;
    assert_eq!(b.js("return document.querySelector('.wc-separator').style.height").await, "24px");
    // Bonus card: balance, share, discount.
    b.wait_text(".wc-bonus", "1,250.5").await;
    b.wait_text(".wc-bonus", "Up to 20% of an order").await;
    // English writes the per cent sign close up (Russian: "14 %", a no-break space): Intl.
    b.wait_text(".wc-discount", "14%").await;
    // Unknown, typeless, null and non-object entries: skipped, nothing broke.
    let page = b.find("body").await.text().await.unwrap();
    assert!(!page.contains("from the future") && !page.contains("no type at all"));
    assert!(b.js("return window.__xss === undefined").await.as_bool().unwrap_or(false));
    assert!(!b.crashed().await);
    // The server's order of blocks, as drawn (the bonus card and discount sit under the name).
    let drawn = b
        .js_strings(
            "return [...document.querySelector('.wc-blocks').children].map(e => \
             e.className + ' ' + (e.querySelector('img') ? e.querySelector('img').getAttribute('src') : '') \
             + ' ' + e.textContent)",
        )
        .await;
    let expected = [
        "Анна",
        "wc-bonus",
        "wc-discount",
        "promo.svg",
        "+79161234567",
        "anna@example.com",
        "Участник программы",
        "Позвонить",
        "Акция",
        "Вредная ссылка",
        "Мой профиль",
        "Мои заказы",
        "Правила программы",
        "Товар дня",
        "Каталог",
        "Без действия",
        "Бонусные баллы",
        "barcode.svg",
        "wc-separator",
    ];
    let mut at = 0;
    for marker in expected {
        let found = drawn[at..].iter().position(|block| block.contains(marker));
        let Some(offset) = found else {
            panic!("{marker:?} not drawn after block {at} in the server's order: {drawn:#?}");
        };
        at += offset + 1;
    }
    b.screenshot("profile-every-block-phone", PHONE.0, PHONE.1).await;
    b.screenshot("profile-every-block-desktop", DESKTOP.0, DESKTOP.1).await;
    b.screenshot("profile-every-block-tall", 700, 2200).await;

    // The document: a share that is absent "is taken as 1.0 (100 %)", the same as 1.0 itself.
    for share in [serde_json::Value::Null, serde_json::json!(1.0)] {
        let mut answer: serde_json::Value = serde_json::from_str(&every_block_profile()).unwrap();
        match share {
            serde_json::Value::Null => {
                answer["data"]["bonus"].as_object_mut().unwrap().remove("available_proportion");
            }
            one => answer["data"]["bonus"]["available_proportion"] = one,
        }
        server
            .fault_next(Endpoint::Profile, Fault::Answer { status: 200, body: answer.to_string() });
        b.client.goto(&server.url("/profile")).await.expect("open");
        b.wait_text(".wc-bonus", "Up to 100% of an order").await;
    }

    // The cabinet's own screens open in place.
    b.click("a.wc-action[href='/orders']").await;
    b.wait_path("/orders").await;
    b.find(".wc-orders").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edit_the_name_in_the_demo() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start_demo(ConfigMode::FromDist).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.click(".wc-name .wc-edit-button").await;
    let focused = b.js("return document.activeElement && document.activeElement.id").await;
    assert_eq!(focused.as_str(), Some("wc-edit-f-name"));
    assert_eq!(b.value("#wc-edit-f-name").await, "Анна Смирнова");
    b.type_into("#wc-edit-f-name", "Anna S.").await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-name h2", "Anna S.").await;
    b.wait_text(".wc-status", "Your changes are saved.").await;

    // A value no one requires can be cleared: it is sent empty and reads as a dash.
    let clear = |id: &str| {
        format!(
            "const i = document.querySelector('#{id}'); i.value = ''; \
             i.dispatchEvent(new Event('input', {{ bubbles: true }}));"
        )
    };
    b.click(".wc-row[data-field=city] .wc-edit-button").await;
    assert_eq!(b.value("#wc-edit-f-city").await, "Москва");
    b.js(&clear("wc-edit-f-city")).await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-row[data-field=city] .wc-row-value", "—").await;
    b.wait_text(".wc-status", "Your changes are saved.").await;
    // A required one (the registration form requires the name) keeps its message.
    b.click(".wc-name .wc-edit-button").await;
    b.js(&clear("wc-edit-f-name")).await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-edit .wc-field-error", "Please fill in this field").await;
    b.close().await;
}

/// The profile is drawn once per answer: nothing redraws it under a customer who opened an
/// editor at once (the timer that lets the kept till card stand in for a slow first load once
/// did, 1.5 s after the page opened, taking the editor and its focus away mid-word).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_opened_at_once_is_never_redrawn_under_the_customer() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.find(".wc-name .wc-edit-button").await;
    b.click(".wc-nav a[href='/orders']").await;
    b.find(".wc-order-row").await;
    // Back to the profile and into the name's editor as fast as the page allows, all inside the
    // browser (WebDriver round trips could take longer than the timer).
    let opened_after_ms = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1]; \
             const start = performance.now(); \
             document.querySelector(\".wc-nav a[href='/profile']\").click(); \
             const step = () => { \
               const edit = document.querySelector('.wc-name .wc-edit-button'); \
               const input = document.querySelector('#wc-edit-f-name'); \
               if (input) { window.__editor = input; input.focus(); \
                 return done(performance.now() - start); } \
               if (edit) edit.click(); \
               requestAnimationFrame(step); \
             }; \
             step();",
            Vec::new(),
        )
        .await
        .expect("open the editor");
    println!("{}: the editor opened {opened_after_ms} ms after the click", b.engine.name());
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    let kept = b
        .js("return document.contains(window.__editor) && document.activeElement === window.__editor")
        .await;
    assert_eq!(kept.as_bool(), Some(true), "the editor was redrawn: its node or its focus is gone");
    b.type_into("#wc-edit-f-name", "Anna S.").await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-name h2", "Anna S.").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn edit_the_phone_with_a_code_and_a_rejected_edit_keeps_the_draft() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    // A rejected edit: the server's message in place, what was typed kept.
    b.click(".wc-row[data-field=email] .wc-edit-button").await;
    b.find("#wc-edit-f-email").await;
    b.type_into("#wc-edit-f-email", "not-an-email").await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-edit .wc-field-error", "Not a valid e-mail address").await;
    assert_eq!(b.value("#wc-edit-f-email").await, "not-an-email");
    assert_eq!(
        b.find("#wc-edit-f-email").await.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true")
    );
    b.screenshot("profile-edit-rejected-phone", PHONE.0, PHONE.1).await;
    b.click(".wc-edit .wc-button--secondary").await;

    // The phone: the server sends a code to the new number; confirmed, the profile shows it.
    b.click(".wc-row[data-field=phone] .wc-edit-button").await;
    b.type_into("#wc-edit-f-phone", "+79990000000").await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text("label[for=wc-code]", "Enter the code from the SMS").await;
    let code = server.last_code().expect("code").code;
    b.type_into("#wc-code", &code).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_text(".wc-blocks", "+79990000000").await;
    b.wait_text(".wc-blocks", "confirmed").await;
    let change: serde_json::Value =
        serde_json::from_str(&server.requests_to(Endpoint::ChangeFields).last().unwrap().body)
            .unwrap();
    assert_eq!(
        change,
        serde_json::json!({ "fields": [{ "field_id": "phone", "value": "+79990000000" }] })
    );
    let verify = server.requests_to(Endpoint::Verification);
    assert!(
        verify.last().unwrap().authorization.is_some(),
        "a signed-in verification sends the token"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_end_during_an_edit_comes_back_with_the_draft() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.click(".wc-name .wc-edit-button").await;
    b.type_into("#wc-edit-f-name", "Draft name").await;
    let gone = fixture("26_profile_not_authorized.json");
    server.fault_next(Endpoint::ChangeFields, Fault::Answer { status: 200, body: gone });
    b.click(".wc-edit button[type=submit]").await;
    b.wait_path("/sign-in").await;
    b.wait_text(".wc-banner--info", "session has ended").await;
    assert!(!b.find("body").await.text().await.unwrap().contains("not_authorized"));
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    b.find("#wc-edit-f-name").await;
    assert_eq!(b.value("#wc-edit-f-name").await, "Draft name", "the draft survived");
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-name h2", "Draft name").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_in_one_tab_signs_out_the_others() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    // "Stay signed in": the token in local storage, which every tab of the browser shares.
    b.click("#wc-remember").await;
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    b.find(".wc-name h2").await;
    let first = b.client.window().await.expect("this tab");
    let second = b.client.new_window(true).await.expect("a second tab").handle;
    b.client.switch_to_window(second.clone()).await.expect("to the second tab");
    b.client.goto(&server.url("/profile")).await.expect("open");
    b.find(".wc-name h2").await;
    let asked = server.requests_to(Endpoint::Profile).len();
    b.client.switch_to_window(first).await.expect("back to the first tab");
    b.click(".wc-sign-out").await;
    b.wait_path("/sign-in").await;
    // The second tab, still showing the profile, leaves it without asking the server anything.
    b.client.switch_to_window(second).await.expect("to the second tab");
    b.wait_path("/sign-in").await;
    b.wait_text(".wc-banner--info", "You have signed out.").await;
    assert_eq!(server.requests_to(Endpoint::Profile).len(), asked, "a request after sign-out");
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_out_while_the_server_is_down_still_signs_out() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    server.fault_next(
        Endpoint::Logout,
        Fault::Answer { status: 503, body: "<h1>Service Unavailable</h1>".into() },
    );
    b.click(".wc-sign-out").await;
    b.wait_path("/sign-in").await;
    // Signed out here all the same, and told the shop was not: on a shared computer the
    // session may still be open there.
    b.wait_text(
        ".wc-banner--info",
        "signed out on this device, but the shop's server did not confirm it",
    )
    .await;
    assert!(b.js("return sessionStorage.getItem('web-cabinet:token')").await.is_null());
    b.client.goto(&server.url("/profile")).await.expect("open");
    b.wait_path("/sign-in").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_barcode_at_the_till() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start_demo(ConfigMode::FromDist).await;
    let b = Browser::signed_in(&server, "ru-RU").await;
    b.click(".wc-barcode-block button").await;
    b.find(".wc-till[role=dialog][aria-modal=true]").await;
    let focused = b.js("return document.activeElement && document.activeElement.textContent").await;
    assert_eq!(focused.as_str(), Some("Закрыть"), "focus moves into the dialog");
    b.screenshot("barcode-till-phone", PHONE.0, PHONE.1).await;
    b.screenshot("barcode-till-desktop", DESKTOP.0, DESKTOP.1).await;
    b.find(".wc-till button").await.send_keys("\u{E00C}").await.expect("escape");
    for _ in 0..25 {
        if b.client.find(fantoccini::Locator::Css(".wc-till")).await.is_err() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(b.client.find(fantoccini::Locator::Css(".wc-till")).await.is_err(), "Escape closes it");
    let focused = b.js("return document.activeElement && document.activeElement.textContent").await;
    assert_eq!(focused.as_str(), Some("Показать на кассе"), "focus returns to the opener");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confirm_an_unconfirmed_phone() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.click(".wc-confirm-button").await;
    b.find("#wc-code").await;
    let repeat = server.requests_to(Endpoint::VerificationRepeat);
    assert_eq!(repeat.len(), 1);
    assert!(repeat[0].authorization.is_some());
    let code = server.last_code().expect("code").code;
    b.type_into("#wc-code", &code).await;
    b.click(".wc-code button[type=submit]").await;
    b.wait_text(".wc-row[data-field=phone]", "confirmed").await;
    let row = b.find(".wc-row[data-field=phone]").await.text().await.unwrap();
    assert!(!row.contains("not confirmed"), "{row}");
    b.close().await;
}

/// Scroll to the end of the order list until it says all orders are shown; returns that count.
async fn load_whole_history(b: &Browser) -> usize {
    let mut last = String::new();
    for _ in 0..400 {
        let footer = b.js("const f = document.querySelector('.wc-list-footer'); return f ? f.textContent : ''").await;
        let footer = footer.as_str().unwrap_or_default().to_string();
        if let Some(n) = footer.rsplit(": ").next().and_then(|n| n.trim().parse::<usize>().ok()) {
            if footer.contains("All orders are shown") {
                return n;
            }
        }
        last = footer;
        b.js("window.scrollTo(0, document.documentElement.scrollHeight)").await;
        tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    }
    panic!("the history never finished loading; the list's footer says {last:?}");
}

async fn rendered_rows(b: &Browser) -> Vec<String> {
    b.js_strings("return [...document.querySelectorAll('.wc-order-id')].map(e => e.textContent)")
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_history_survives_three_kinds_of_server() {
    let _turn = ONE_AT_A_TIME.lock().await;
    // (behaviour, rows the customer gets, requests it takes): every order, whatever `offset`
    // means to the server (the published module has a journey of its own).
    for (mode, rows, requests) in [
        (PagingMode::Honest, 137, 8),
        (PagingMode::IgnoresPaging, 137, 2),
        (PagingMode::OffsetAsPage, 137, 7),
    ] {
        let server = TestServer::start(ConfigMode::Json(http_config())).await;
        server.set_paging(mode);
        let b = Browser::signed_in(&server, "en-US").await;
        b.click(".wc-nav a[href='/orders']").await;
        b.wait_path("/orders").await;
        b.find(".wc-order-row").await;
        assert_eq!(load_whole_history(&b).await, rows, "{mode:?}");
        let sent = server.requests_to(Endpoint::OrderList);
        assert_eq!(sent.len(), requests, "{mode:?}: no endless requests");
        // `00` (zero to every server), then `1` (which tells the schemes apart), then the
        // scheme learned; limit = orders_page_size.
        let offsets: Vec<&str> =
            sent.iter().map(|r| r.query.get("offset").map(String::as_str).unwrap_or("")).collect();
        assert_eq!(offsets[..2], ["00", "1"], "{mode:?}");
        match mode {
            PagingMode::Honest => assert_eq!(offsets[2], "21"),
            PagingMode::OffsetAsPage => assert_eq!(offsets[2], "2"),
            PagingMode::IgnoresPaging => {}
        }
        assert!(sent.iter().all(|r| r.query.get("limit").map(String::as_str) == Some("20")));
        assert!(
            sent.iter()
                .all(|r| r.query.get("method").map(String::as_str) == Some("userOrderHistory")),
            "appended with &"
        );
        // Windowed: a bounded number of rows in the DOM, none twice.
        let shown = rendered_rows(&b).await;
        assert!(!shown.is_empty() && shown.len() <= 60, "{} rows in the DOM", shown.len());
        let mut unique = shown.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), shown.len(), "a duplicate row");
        if mode == PagingMode::Honest {
            b.screenshot("orders-phone", PHONE.0, PHONE.1).await;
            // On a phone every order's date shows whole: a long status or the item count gives
            // way first (the count stays for screen readers).
            let cut = b.cut_short(".wc-order-date").await;
            assert_eq!(cut, Vec::<String>::new(), "dates cut short at phone width");
            let count = b.js("return document.querySelector('.wc-order-count').textContent").await;
            assert!(count.as_str().is_some_and(|c| c.contains("item")), "item count gone: {count}");
            b.screenshot("orders-desktop", DESKTOP.0, DESKTOP.1).await;
        }
        b.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn order_details_open_and_survive_a_reload() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "ru-RU").await;
    b.click(".wc-nav a[href='/orders']").await;
    let first = b.find(".wc-order-row:first-child .wc-order-id").await.text().await.unwrap();
    let id = first.trim_start_matches("Заказ ").trim_start_matches("№ ").to_string();
    let row_count = b
        .js("return document.querySelector('.wc-order-row:first-child .wc-order-count').textContent")
        .await;
    b.click(".wc-order-row:first-child a").await;
    b.wait_path(&format!("/orders/{id}")).await;
    b.wait_text("#wc-order-title", &id).await;
    // The goods are counted by `count` (one line of 5 is five goods), here as in the row.
    let goods: f64 = demo_order(1, 0).items.iter().map(|i| i.count).sum();
    let goods = format!("{}", (goods * 1000.0).round() / 1000.0).replace('.', ",");
    let shown = b.wait_text(".wc-order-goods dd", &format!("{goods} товар")).await;
    assert_eq!(row_count.as_str(), Some(shown.as_str()), "the row and the page agree");
    // Contact in the server's key order; items with counts and line totals.
    let contact = b
        .js("return [...document.querySelectorAll('.wc-order dl')[1].querySelectorAll('dt')].map(e => e.textContent)")
        .await;
    assert_eq!(contact, serde_json::json!(["ФИО", "Телефон", "Адрес"]));
    b.find(".wc-items tbody tr").await;
    let page = b.find(".wc-order").await.text().await.unwrap();
    assert!(page.contains("₽") && page.contains("Оплата"), "{page}");
    assert!(!page.contains(".0 "), "counts without a trailing .0: {page}");
    b.screenshot("order-details-phone", PHONE.0, PHONE.1).await;
    b.screenshot("order-details-desktop", DESKTOP.0, DESKTOP.1).await;
    // A reload (or a shared link) finds the order again.
    let before = server.requests_to(Endpoint::OrderList).len();
    b.client.refresh().await.expect("reload");
    b.wait_text("#wc-order-title", &id).await;
    b.find(".wc-items").await;
    assert!(server.requests_to(Endpoint::OrderList).len() > before);
    b.click(".wc-order a.wc-link").await;
    b.wait_path("/orders").await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_page_keeps_the_rows_and_retries() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.fault_next(Endpoint::OrderList, Fault::Delay(std::time::Duration::from_millis(1)));
    // The first try and its three automatic retries all fail.
    for _ in 0..4 {
        server.fault_next(
            Endpoint::OrderList,
            Fault::Answer { status: 502, body: "<h1>Bad Gateway</h1>".into() },
        );
    }
    let b = Browser::signed_in(&server, "en-US").await;
    b.click(".wc-nav a[href='/orders']").await;
    b.find(".wc-order-row").await;
    // Scrolling to the end asks for the next page by itself.
    b.js("window.scrollTo(0, document.documentElement.scrollHeight)").await;
    b.wait_text(".wc-list-footer", "Couldn't load more orders.").await;
    assert_eq!(b.js("return document.querySelectorAll('.wc-order-row').length > 0").await, true);
    b.screenshot("orders-page-failed-phone", PHONE.0, PHONE.1).await;
    b.click(".wc-list-footer button").await;
    assert_eq!(load_whole_history(&b).await, 137);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_history_says_so_and_links_to_the_shop() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let mut cfg: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    cfg["actions"] = serde_json::json!({ "openCatalog": "https://shop.example/catalog/" });
    let server = TestServer::start(ConfigMode::Json(cfg.to_string())).await;
    server.state.backend.lock().unwrap().set_order_count(0);
    let b = Browser::signed_in(&server, "ru-RU").await;
    b.click(".wc-nav a[href='/orders']").await;
    b.wait_text(".wc-empty", "У вас пока нет заказов.").await;
    b.find(".wc-empty a[href='https://shop.example/catalog/']").await;
    b.screenshot("orders-empty-phone", PHONE.0, PHONE.1).await;
    b.screenshot("orders-empty-desktop", DESKTOP.0, DESKTOP.1).await;
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn session_end_on_orders_comes_back_to_orders() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    let gone = fixture("11_auth_status_auth_error.json");
    server.fault_next(Endpoint::OrderList, Fault::Answer { status: 200, body: gone });
    b.click(".wc-nav a[href='/orders']").await;
    b.wait_path("/sign-in").await;
    b.wait_text(".wc-banner--info", "session has ended").await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.wait_path("/orders").await;
    b.find(".wc-order-row").await;
    b.close().await;
}

/// Phone width of the audit (the narrowest the issue names) and the desktop width.
const NARROW: (u32, u32) = (360, 800);

/// One screen of the audit: axe-core (WCAG 2.0–2.2 A/AA, colour contrast included), 44 px touch
/// targets at 360 px, and screenshots at 360 and 1280 px (light theme only: the dark ones are
/// audited, one of each is kept).
async fn audit_screen(b: &Browser, tag: &str, screen: &str, report: &mut Vec<String>) {
    b.client.set_window_size(NARROW.0, NARROW.1).await.expect("resize");
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    report.extend(b.axe().await.into_iter().map(|v| format!("{tag} {screen}: {v}")));
    report.extend(
        b.small_targets(44)
            .await
            .into_iter()
            .map(|v| format!("{tag} {screen}: target under 44 px: {v}")),
    );
    // What customers look for in a list of orders shows whole on a small phone.
    let cut = b.cut_short(".wc-order-id, .wc-order-date").await;
    report.extend(cut.into_iter().map(|t| format!("{tag} {screen}: cut short at 360 px: {t}")));
    let name = format!("{}-{tag}", screen.replace([' ', ','], "-").replace("--", "-"));
    if tag.ends_with("light") || screen == "profile" {
        b.screenshot(&format!("{name}-360"), NARROW.0, NARROW.1).await;
        b.screenshot(&format!("{name}-1280"), DESKTOP.0, DESKTOP.1).await;
    }
}

/// Every screen, in one language and colour scheme; returns the violations.
async fn audit_every_screen(lang: &str, scheme: &str) -> Vec<String> {
    let server = TestServer::start(ConfigMode::Json(server_config_with_everything())).await;
    server.set_config(ConfigMode::Json(server.config_with_vk()));
    let dark = if scheme == "dark" { Scheme::Dark } else { Scheme::Light };
    let b = Browser::start_with(lang, dark).await;
    let tag = format!("{}-{scheme}", &lang[..2]);
    let mut report: Vec<String> = Vec::new();
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    audit_screen(&b, &tag, "sign-in", &mut report).await;
    b.click("button[type=submit]").await;
    b.find("#wc-login-error").await;
    audit_screen(&b, &tag, "sign-in with errors", &mut report).await;
    // A failed request: the server's error banner with a retry.
    server.fault_next(Endpoint::Auth, Fault::Answer { status: 503, body: String::new() });
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.find(".wc-banner--error").await;
    audit_screen(&b, &tag, "sign-in failed", &mut report).await;
    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    b.click("button[type=submit]").await;
    b.find("#wc-f-name-error").await;
    audit_screen(&b, &tag, "registration with errors", &mut report).await;
    fill_registration(&b, "Иван", &format!("ivan-{tag}@example.com"), "+79990001122", "secret1")
        .await;
    b.click("button[type=submit]").await;
    b.find("#wc-code").await;
    audit_screen(&b, &tag, "code step", &mut report).await;
    b.type_into("#wc-code", "0000").await;
    b.click(".wc-code button[type=submit]").await;
    b.find("#wc-code-error").await;
    audit_screen(&b, &tag, "code step with error", &mut report).await;
    b.client.goto(&server.url("/recover")).await.expect("open");
    b.find("#wc-f-email").await;
    audit_screen(&b, &tag, "recovery", &mut report).await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.find(".wc-name h2").await;
    audit_screen(&b, &tag, "profile", &mut report).await;
    b.click(".wc-name .wc-edit-button").await;
    b.find("#wc-edit-f-name").await;
    audit_screen(&b, &tag, "profile editing", &mut report).await;
    // The editor is left first: with it open, WebKit's driver moves the focus to the till
    // button but sends no click (the_barcode_at_the_till covers the button itself).
    b.click(".wc-edit button[type=button]").await;
    b.click(".wc-barcode-block button").await;
    b.find(".wc-till").await;
    audit_screen(&b, &tag, "till view", &mut report).await;
    b.client.goto(&server.url("/orders")).await.expect("open");
    b.find(".wc-order-row").await;
    audit_screen(&b, &tag, "orders", &mut report).await;
    b.click(".wc-order-row:first-child a").await;
    b.find(".wc-items").await;
    audit_screen(&b, &tag, "order", &mut report).await;
    b.client.goto(&server.url("/no-such-page")).await.expect("open");
    b.find(".wc-root h1").await;
    audit_screen(&b, &tag, "not found", &mut report).await;
    b.close().await;
    report
}

/// axe-core on every screen (error states and the code step included), in both languages and
/// both colour schemes, with 44 px touch targets at 360 px: no violation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_passes_an_accessibility_audit() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let mut report = Vec::new();
    for (lang, scheme) in
        [("ru-RU", "light"), ("en-US", "light"), ("ru-RU", "dark"), ("en-US", "dark")]
    {
        report.extend(audit_every_screen(lang, scheme).await);
    }
    assert!(report.is_empty(), "accessibility violations:\n{}", report.join("\n"));
}

fn server_config_with_everything() -> String {
    config_with_actions()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_are_retried_on_transient_failures_and_writes_never() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    // A write: one 503 is an error for the customer, never a second request behind their back.
    server.fault_next(Endpoint::Auth, Fault::Answer { status: 503, body: String::new() });
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--error", "Something went wrong").await;
    assert_eq!(server.requests_to(Endpoint::Auth).len(), 1, "a POST is not retried");
    // A read: two gateway errors are retried away; the customer sees the profile.
    server.fault_next(Endpoint::Profile, Fault::Answer { status: 503, body: String::new() });
    server.fault_next(Endpoint::Profile, Fault::Answer { status: 504, body: String::new() });
    b.click(".wc-banner--error button").await;
    b.wait_text(".wc-name h2", "Анна").await;
    assert_eq!(server.requests_to(Endpoint::Profile).len(), 3, "one try and two retries");
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_never_leaks() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.fault_next(Endpoint::OrderList, Fault::Answer { status: 200, body: "garbage".into() });
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    // Record everything the page writes to the console from here on.
    b.js(
        "window.__console = []; for (const k of ['log','info','warn','error','debug']) { \
           const orig = console[k].bind(console); \
           console[k] = (...a) => { window.__console.push(a.map(String).join(' ')); orig(...a); }; }",
    )
    .await;
    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.find(".wc-name h2").await;
    let token = b.js("return sessionStorage.getItem('web-cabinet:token')").await;
    let token = token.as_str().expect("signed in").to_string();
    // Walk around, including an unreadable answer and a sign-out that the server refuses.
    let mut urls = vec![b.client.current_url().await.unwrap().to_string()];
    b.click(".wc-nav a[href='/orders']").await;
    b.wait_text(".wc-list-footer", "failed to handle the request").await;
    urls.push(b.client.current_url().await.unwrap().to_string());
    let page_text = b.find("body").await.text().await.unwrap();
    server.fault_next(Endpoint::Logout, Fault::Answer { status: 500, body: String::new() });
    b.click(".wc-nav a[href='/profile']").await;
    b.click(".wc-sign-out").await;
    b.wait_path("/sign-in").await;
    urls.push(b.client.current_url().await.unwrap().to_string());
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;

    let console = b.js("return window.__console.join('\\n')").await;
    let console = console.as_str().unwrap_or_default().to_string();
    assert!(!console.contains(&token), "token in the console:\n{console}");
    assert!(!page_text.contains(&token), "token on screen");
    assert!(urls.iter().all(|u| !u.contains(&token)), "token in a URL: {urls:?}");
    assert_eq!(b.js("return document.cookie").await, "", "no cookies at all");
    assert!(b.js("return sessionStorage.getItem('web-cabinet:token')").await.is_null());
    assert!(b.js("return localStorage.getItem('web-cabinet:token')").await.is_null());
    // Every request that carried it went to the API, in the Authorization header only.
    for r in server.log() {
        assert!(!r.body.contains(&token), "token in a request body");
        assert!(r.query.values().all(|v| !v.contains(&token)), "token in a query string");
    }
    b.close().await;
}

/// Computed style `prop` of the first element of the cabinet's matching `css` (inside its shadow
/// root on a shop's page).
async fn cabinet_style_of(b: &Browser, css: &str, prop: &str) -> String {
    let script = b.cabinet_script(&format!(
        "const e = cabinet.querySelector({css:?}); return e ? getComputedStyle(e).{prop} : null;"
    ));
    b.js(&script).await.as_str().unwrap_or_default().to_string()
}

/// Computed style `prop` of the first element matching `css`.
async fn style_of(b: &Browser, css: &str, prop: &str) -> String {
    let script = format!(
        "const e = document.querySelector({css:?}); return e ? getComputedStyle(e).{prop} : null;"
    );
    b.js(&script).await.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_shop_page_embeds_the_cabinet_without_style_leaks() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("ru-RU").await;
    b.client.goto(&server.url("/example/")).await.expect("open");
    // The cabinet's routes live under the page's data-base.
    b.wait_path("/example/sign-in").await;
    // The cabinet draws in a shadow root on the mount element.
    b.within_shadow_of(Some("#web-cabinet"));
    b.find(".wc-root #wc-login").await;

    // The shop's own styles are untouched by the cabinet's stylesheet ...
    assert_eq!(style_of(&b, ".shop-title", "color").await, "rgb(139, 0, 0)");
    assert_eq!(style_of(&b, ".shop-subscribe", "backgroundColor").await, "rgb(255, 105, 180)");
    assert_eq!(style_of(&b, ".shop-main", "boxSizing").await, "content-box");
    assert!(style_of(&b, "body", "fontFamily").await.starts_with("Georgia"));
    assert_eq!(style_of(&b, ".shop-note", "marginBottom").await, "24px");
    // ... and the shop's element rules do not reach into the cabinet.
    assert_ne!(
        cabinet_style_of(&b, ".wc-root button[type=submit]", "backgroundColor").await,
        "rgb(255, 105, 180)"
    );
    assert_ne!(cabinet_style_of(&b, "#wc-login", "borderTopStyle").await, "dashed");
    assert_eq!(cabinet_style_of(&b, ".wc-root label", "textTransform").await, "none");
    assert_eq!(cabinet_style_of(&b, ".wc-root .wc-field", "boxSizing").await, "border-box");
    // The shop's theme, set as custom properties on the mount element, is the cabinet's look.
    assert_eq!(
        cabinet_style_of(&b, ".wc-root button[type=submit]", "backgroundColor").await,
        "rgb(10, 125, 79)"
    );
    assert_eq!(cabinet_style_of(&b, ".wc-root .wc-card", "borderTopLeftRadius").await, "4px");
    assert!(cabinet_style_of(&b, ".wc-root", "fontFamily").await.starts_with("Georgia"));
    b.screenshot("embed-example-sign-in-phone", PHONE.0, PHONE.1).await;

    fill_sign_in(&b).await;
    b.click("button[type=submit]").await;
    b.wait_path("/example/profile").await;
    b.wait_text(".wc-name h2", "Анна").await;
    assert_ne!(cabinet_style_of(&b, ".wc-name h2", "color").await, "rgb(139, 0, 0)");
    // The server's relative image paths resolve against cabinet.json, not this page's path.
    let mut avatar_loaded = false;
    for _ in 0..25 {
        let loaded = b.js(&b.cabinet_script("const i = cabinet.querySelector('.wc-name img'); return !!i && i.complete && i.naturalWidth > 0;")).await;
        if loaded.as_bool() == Some(true) {
            avatar_loaded = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(avatar_loaded, "the avatar did not load inside /example/");
    b.screenshot("embed-example-profile-desktop", DESKTOP.0, DESKTOP.1).await;
    b.click("a.wc-nav-link[href='/example/orders']").await;
    b.wait_path("/example/orders").await;
    b.find(".wc-order-row a").await;
    let current = b
        .js(&b.cabinet_script(
            "return cabinet.querySelector('a.wc-nav-link[aria-current=page]').getAttribute('href')",
        ))
        .await;
    assert_eq!(
        current.as_str(),
        Some("/example/orders"),
        "the section link marks where the customer is"
    );
    // The browser's back and forward buttons move within the cabinet.
    b.client.back().await.expect("back");
    b.wait_path("/example/profile").await;
    b.wait_text(".wc-name h2", "Анна").await;
    b.client.forward().await.expect("forward");
    b.wait_path("/example/orders").await;
    b.find(".wc-order-row a").await;
    assert!(!b.crashed().await);
    b.close().await;
}

/// The events the iframe example page received from the cabinet.
/// A long order history inside a frame sized to its content: the shop's page reports which part
/// of the frame the customer sees, and the list draws only the rows near it — as on the
/// cabinet's own page — while paging through every order as the customer scrolls the shop's page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_history_in_a_frame_stays_windowed() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.set_order_count(150);
    let port = server.addr.port();
    let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    config["parent_origin"] = format!("http://localhost:{port}").into();
    server.set_config(ConfigMode::Json(config.to_string()));
    let cabinet = format!("http://127.0.0.1:{port}/sign-in");
    let b = Browser::start("en-US").await;
    b.client
        .goto(&format!("http://localhost:{port}/example/iframe.html?cabinet={cabinet}"))
        .await
        .expect("open");
    b.client.enter_frame(0).await.expect("frame");
    sign_in_in_frame(&b).await;
    b.click("a.wc-nav-link[href='/orders']").await;
    b.find(".wc-order-row a").await;
    let mut most_rows = 0;
    let mut footer = String::new();
    for _ in 0..120 {
        let rows = b.js("return document.querySelectorAll('.wc-order-row').length").await;
        most_rows = most_rows.max(rows.as_u64().unwrap_or(0));
        footer = b.find(".wc-list-footer").await.text().await.unwrap_or_default();
        if footer.contains("150") {
            break;
        }
        // The customer scrolls the shop's page, a screen at a time.
        b.client.enter_parent_frame().await.expect("parent");
        b.js("window.scrollBy(0, window.innerHeight); return null").await;
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        b.client.enter_frame(0).await.expect("frame");
    }
    assert!(footer.contains("All orders are shown: 150"), "{footer}");
    // At the bottom of the shop's page, the last rows are the ones drawn.
    b.client.enter_parent_frame().await.expect("parent");
    b.js("window.scrollTo(0, document.documentElement.scrollHeight); return null").await;
    b.client.enter_frame(0).await.expect("frame");
    let drawn =
        |n: u32| format!("return !!document.querySelector('.wc-order-row[aria-posinset=\"{n}\"]')");
    let mut last = serde_json::Value::Null;
    for _ in 0..25 {
        last = b.js(&drawn(150)).await;
        if last == serde_json::Value::Bool(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert_eq!(last, serde_json::Value::Bool(true), "the rows near the end are drawn");
    let first = b.js(&drawn(1)).await;
    assert_eq!(first, serde_json::Value::Bool(false), "the first rows, far above, are not");
    assert!(most_rows <= 60, "{most_rows} rows in the frame at once");
    b.client.enter_parent_frame().await.expect("parent");
    b.screenshot("iframe-long-history-phone", PHONE.0, PHONE.1).await;
    b.close().await;
}

/// Sign the demo customer in from inside the cabinet's frame (the driver is in it). Typed by
/// script: WebKitWebDriver cannot focus an input in a frame of another origin ("Element is not
/// focusable"); typing itself is covered by every other journey.
async fn sign_in_in_frame(b: &Browser) {
    b.find("#wc-login").await;
    b.js(&format!(
        "const set = (id, v) => {{ const e = document.getElementById(id); e.value = v; \
           e.dispatchEvent(new Event('input', {{ bubbles: true }})); }}; \
         set('wc-login', {DEMO_LOGIN:?}); set('wc-password', {DEMO_PASSWORD:?}); \
         document.querySelector('.wc-form').requestSubmit();"
    ))
    .await;
    b.wait_text(".wc-name h2", "Анна").await;
}

/// The last height the framed cabinet posted, once no new one came for half a second.
async fn settled_frame_height(b: &Browser) -> i64 {
    let mut last = (0, -1);
    for _ in 0..40 {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
        let events = frame_events(b).await;
        let height = events.iter().rev().find_map(|e| e["height"].as_i64()).unwrap_or(-1);
        if (events.len(), height) == last {
            return height;
        }
        last = (events.len(), height);
    }
    last.1
}

async fn frame_events(b: &Browser) -> Vec<serde_json::Value> {
    b.js("return window.cabinetEvents || []").await.as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iframe_mode_talks_to_the_configured_parent_only() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let port = server.addr.port();
    let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    config["parent_origin"] = format!("http://localhost:{port}").into();
    server.set_config(ConfigMode::Json(config.to_string()));
    let cabinet = format!("http://127.0.0.1:{port}/sign-in");
    let b = Browser::start("ru-RU").await;

    // The shop on another origin (localhost) frames the cabinet (127.0.0.1).
    b.client
        .goto(&format!("http://localhost:{port}/example/iframe.html?cabinet={cabinet}"))
        .await
        .expect("open");
    let mut events = Vec::new();
    for _ in 0..75 {
        events = frame_events(&b).await;
        let tall = events
            .iter()
            .any(|e| e["type"] == "web-cabinet:height" && e["height"].as_i64() > Some(200));
        if tall && events.iter().any(|e| e["type"] == "web-cabinet:signed-out") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    let last_height =
        events.iter().rev().find_map(|e| e["height"].as_i64()).expect("a height message");
    assert!(last_height > 200, "{events:?}");
    // The page sized its frame from the message: no inner scrollbar.
    assert_eq!(style_of(&b, "#shop-cabinet", "height").await, format!("{last_height}px"));
    b.screenshot("iframe-signed-out-desktop", DESKTOP.0, DESKTOP.1).await;

    b.client.enter_frame(0).await.expect("frame");
    sign_in_in_frame(&b).await;
    b.client.enter_parent_frame().await.expect("parent");
    b.wait_text("#shop-status", "signed in").await;
    // The parent's language choice reaches the cabinet.
    b.js("const s = document.getElementById('shop-lang'); s.value = 'en'; \
          s.dispatchEvent(new Event('change'));")
        .await;
    b.client.enter_frame(0).await.expect("frame");
    b.wait_text("#wc-profile-title", "Profile").await;
    b.client.enter_parent_frame().await.expect("parent");
    b.screenshot("iframe-signed-in-phone", PHONE.0, PHONE.1).await;

    // The frame follows the content down as well as up: the order list, then one short order.
    b.client.enter_frame(0).await.expect("frame");
    b.click("a.wc-nav-link[href='/orders']").await;
    b.find(".wc-order-row a").await;
    b.client.enter_parent_frame().await.expect("parent");
    let list_height = settled_frame_height(&b).await;
    b.client.enter_frame(0).await.expect("frame");
    b.click(".wc-order-row:first-child a").await;
    b.find(".wc-items").await;
    b.client.enter_parent_frame().await.expect("parent");
    let order_height = settled_frame_height(&b).await;
    assert!(
        order_height < list_height,
        "the frame did not shrink: {list_height} -> {order_height}"
    );
    assert_eq!(style_of(&b, "#shop-cabinet", "height").await, format!("{order_height}px"));

    // A page on an origin the config does not name frames the same cabinet: it hears nothing,
    // and its language message is ignored.
    b.client
        .goto(&format!("http://127.0.0.1:{port}/example/iframe.html?cabinet={cabinet}"))
        .await
        .expect("open");
    b.client.enter_frame(0).await.expect("frame");
    b.find(".wc-root").await;
    let lang_before = b.js("return document.querySelector('.wc-root').lang").await;
    b.client.enter_parent_frame().await.expect("parent");
    let other = if lang_before.as_str() == Some("en") { "ru" } else { "en" };
    b.js(&format!(
        "const s = document.getElementById('shop-lang'); s.value = '{other}'; \
         s.dispatchEvent(new Event('change'));"
    ))
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(1000)).await;
    assert!(frame_events(&b).await.is_empty(), "a foreign parent got messages");
    b.client.enter_frame(0).await.expect("frame");
    assert_eq!(b.js("return document.querySelector('.wc-root').lang").await, lang_before);
    assert!(!b.crashed().await);
    b.client.enter_parent_frame().await.expect("parent");
    b.close().await;
}

const TAB: &str = "\u{e004}";
const ENTER: &str = "\u{e007}";
/// Control+A, then release (select all in a text input).
const SELECT_ALL: &str = "\u{e009}a\u{e000}";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_only_sign_in_register_and_edit() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;

    // Sign in: an empty submit moves the focus to the first error; then type and press Enter.
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    b.tab_to("#wc-login").await;
    b.tab_to(".wc-form button[type=submit]").await;
    b.keys(ENTER).await;
    b.find("#wc-login-error").await;
    assert_eq!(b.focused().await, "wc-login", "focus goes to the first field in error");
    b.keys(DEMO_LOGIN).await;
    b.keys(TAB).await;
    assert_eq!(b.focused().await, "wc-password");
    b.keys(DEMO_PASSWORD).await;
    b.keys(ENTER).await;
    b.wait_path("/profile").await;
    b.find(".wc-name h2").await;

    // Edit the name: Enter on "Edit" puts the focus in the field; Enter saves.
    b.tab_to(".wc-name .wc-edit-button").await;
    b.keys(ENTER).await;
    b.find("#wc-edit-f-name").await;
    assert_eq!(b.focused().await, "wc-edit-f-name");
    b.keys(SELECT_ALL).await;
    b.keys("Anna Keyboard").await;
    b.keys(ENTER).await;
    b.wait_text(".wc-name h2", "Anna Keyboard").await;
    // Saved: the focus is back on the field's "Edit", not lost with the editor.
    b.wait_focus(".wc-name .wc-edit-button").await;

    // Sign out by keyboard (it comes before the name: Shift+Tab), then register with a code.
    b.tab_back_to(".wc-sign-out").await;
    b.keys(ENTER).await;
    b.wait_path("/sign-in").await;
    b.tab_to("a[href='/register']").await;
    b.keys(ENTER).await;
    b.wait_path("/register").await;
    b.find("#wc-f-name").await;
    b.tab_to(".wc-form button[type=submit]").await;
    b.keys(ENTER).await;
    b.find("#wc-f-name-error").await;
    assert_eq!(b.focused().await, "wc-f-name", "focus goes to the first field in error");
    b.keys("Kira").await;
    b.tab_to("#wc-f-email").await;
    b.keys("kira@example.com").await;
    b.tab_to("#wc-f-phone").await;
    b.keys("+7 999 555-44-33").await;
    b.tab_to("#wc-f-password").await;
    b.keys("secret1").await;
    b.keys(ENTER).await;
    b.find("#wc-code").await;
    let code = server.last_code().expect("a code was sent").code;
    b.tab_to("#wc-code").await;
    b.keys(&code).await;
    b.keys(ENTER).await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Kira").await;
    assert!(!b.crashed().await);
    b.close().await;
}

/// Five clicks within one task (faster than any hand), as a double-clicking customer would.
async fn click_five_times(b: &Browser, css: &str) {
    b.find(css).await;
    b.js(&format!(
        "const e = document.querySelector({css:?}); for (let i = 0; i < 5; i++) e.click();"
    ))
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_rapid_clicks_on_any_submit_send_one_request() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    // Slow answers make the window for a second request as wide as it gets.
    let slow = || Fault::Delay(std::time::Duration::from_millis(600));

    b.client.goto(&server.url("/register")).await.expect("open");
    b.find("#wc-f-name").await;
    fill_registration(&b, "Five", "five@example.com", "+7 999 123-45-67", "secret1").await;
    server.fault_next(Endpoint::Registration, slow());
    click_five_times(&b, ".wc-form button[type=submit]").await;
    b.find("#wc-code").await;
    assert_eq!(server.requests_to(Endpoint::Registration).len(), 1, "registration");

    let code = server.last_code().expect("a code").code;
    b.type_into("#wc-code", &code).await;
    server.fault_next(Endpoint::Verification, slow());
    click_five_times(&b, ".wc-code button[type=submit]").await;
    b.wait_path("/profile").await;
    assert_eq!(server.requests_to(Endpoint::Verification).len(), 1, "code confirmation");

    b.click(".wc-name .wc-edit-button").await;
    b.type_into("#wc-edit-f-name", "Five Clicks").await;
    server.fault_next(Endpoint::ChangeFields, slow());
    click_five_times(&b, ".wc-edit button[type=submit]").await;
    b.wait_text(".wc-name h2", "Five Clicks").await;
    assert_eq!(server.requests_to(Endpoint::ChangeFields).len(), 1, "profile edit");

    server.fault_next(Endpoint::Logout, slow());
    click_five_times(&b, ".wc-sign-out").await;
    b.wait_path("/sign-in").await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(server.requests_to(Endpoint::Logout).len(), 1, "sign-out");

    b.find("#wc-login").await;
    fill_sign_in(&b).await;
    server.fault_next(Endpoint::Auth, slow());
    click_five_times(&b, ".wc-form button[type=submit]").await;
    b.wait_path("/profile").await;
    assert_eq!(server.requests_to(Endpoint::Auth).len(), 1, "sign-in");

    b.client.goto(&server.url("/recover")).await.expect("open");
    b.type_into("#wc-f-email", DEMO_LOGIN).await;
    server.fault_next(Endpoint::Recovery, slow());
    click_five_times(&b, ".wc-form button[type=submit]").await;
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    assert_eq!(server.requests_to(Endpoint::Recovery).len(), 1, "recovery");
    assert!(!b.crashed().await);
    b.close().await;
}

/// The token's home under each `token_storage`, across a reload, sign-out and session end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_token_storage_keeps_and_forgets_the_token_as_configured() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let where_is = "return [sessionStorage.getItem('web-cabinet:token'), localStorage.getItem('web-cabinet:token')]";
    for mode in ["memory", "session", "local"] {
        let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
        config["token_storage"] = mode.into();
        server.set_config(ConfigMode::Json(config.to_string()));
        let b = Browser::start("en-US").await;
        b.client.goto(&server.url("/sign-in")).await.expect("open");
        b.find("#wc-login").await;
        fill_sign_in(&b).await;
        b.click("button[type=submit]").await;
        b.wait_path("/profile").await;
        let stored = b.js(where_is).await;
        let (in_session, in_local) = (stored[0].is_string(), stored[1].is_string());
        assert_eq!(
            (in_session, in_local),
            (mode == "session", mode == "local"),
            "{mode}: {stored}"
        );

        // A reload keeps the customer signed in, except with memory storage.
        b.client.refresh().await.expect("reload");
        if mode == "memory" {
            b.wait_path("/sign-in").await;
            b.close().await;
            continue;
        }
        b.find(".wc-name h2").await;

        // Session end (the server no longer knows the token) forgets it.
        server.fault_next(
            Endpoint::OrderList,
            Fault::Answer { status: 200, body: fixture("11_auth_status_auth_error.json") },
        );
        b.click("a.wc-nav-link[href='/orders']").await;
        b.wait_path("/sign-in").await;
        let stored = b.js(where_is).await;
        assert!(stored[0].is_null() && stored[1].is_null(), "{mode}: kept after session end");

        // Signed in again, then signed out: gone again.
        fill_sign_in(&b).await;
        b.click("button[type=submit]").await;
        b.wait_path("/orders").await;
        b.click("a.wc-nav-link[href='/profile']").await;
        b.click(".wc-sign-out").await;
        b.wait_path("/sign-in").await;
        let stored = b.js(where_is).await;
        assert!(stored[0].is_null() && stored[1].is_null(), "{mode}: kept after sign-out");
        b.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_setup_check_reports_in_plain_words() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    // A PHP warning before the registration fields; an HTML 500 page for the recovery fields.
    let warning = "<br />\n<b>Warning</b>: Undefined index in <b>/var/www/api.php</b><br />\n";
    server.fault_always(Endpoint::RegFields, Fault::Prefix(warning.into()));
    server.fault_always(
        Endpoint::RecoveryFields,
        Fault::Answer {
            status: 500,
            body: "<html><body>Internal Server Error</body></html>".into(),
        },
    );
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/setup-check")).await.expect("open");
    let reg = b.wait_text("[data-endpoint=regFields_url]", "Works, but worth fixing").await;
    assert!(reg.contains("Something is printed before the JSON"), "{reg}");
    let rec = b.wait_text("[data-endpoint=recovery_fields_url]", "Broken").await;
    assert!(rec.contains("HTTP status 500") && rec.contains("not JSON"), "{rec}");
    // The settings in effect, with the endpoint URLs.
    b.wait_text(".wc-setup-config", "/api/mobium.php?method=getRegistrationFields").await;
    b.wait_text(".wc-setup-config", "request_timeout_ms").await;
    let report = b.axe().await;
    assert!(report.is_empty(), "{report:?}");
    b.screenshot("setup-check-problems-phone", PHONE.0, PHONE.1).await;
    b.screenshot("setup-check-problems-desktop", DESKTOP.0, DESKTOP.1).await;

    // Fixed on the server: check again.
    server.clear_faults();
    b.click(".wc-setup > button.wc-button").await;
    b.wait_text("[data-endpoint=regFields_url]", "Fine").await;
    b.wait_text("[data-endpoint=recovery_fields_url]", "Fine").await;

    // An API on another origin that does not answer: the exact CORS headers to send.
    let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    config["api"]["regFields_url"] = "http://127.0.0.1:9/api?method=getRegistrationFields".into();
    server.set_config(ConfigMode::Json(config.to_string()));
    b.client.goto(&server.url("/setup-check")).await.expect("open");
    b.click(".wc-lang-button[lang=ru]").await;
    let text = b.wait_text("[data-endpoint=regFields_url]", "Ответа нет").await;
    let origin = server.url("");
    assert!(text.contains(&format!("Access-Control-Allow-Origin: {origin}")), "{text}");
    assert!(text.contains("Access-Control-Allow-Headers: Authorization, Content-Type"), "{text}");
    b.screenshot("setup-check-cors-ru-phone", PHONE.0, PHONE.1).await;
    assert!(!b.crashed().await);
    b.close().await;
    // This page's own CSP (connect-src 'self') is what refused the other origin here: the only
    // reports are about that URL.
    for report in server.take_csp_reports() {
        assert!(report.contains("127.0.0.1:9"), "{report}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_shows_the_reload_screen_not_a_frozen_page() {
    let _turn = ONE_AT_A_TIME.lock().await;
    // Only the demo build has the deliberate-panic route; the merchant build says "not found".
    let merchant = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&merchant.url("/_panic")).await.expect("open");
    b.find(".wc-root h1").await;
    assert!(!b.crashed().await);
    b.close().await;

    let server = TestServer::start_demo(ConfigMode::FromDist).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/_panic")).await.expect("open");
    let overlay = b.wait_text(".wc-crash[role=alertdialog]", "Something went wrong").await;
    assert!(overlay.contains("Reload"), "{overlay}");
    assert!(!overlay.contains("panic"), "no Rust message on screen: {overlay}");
    b.screenshot("panic-screen-phone", PHONE.0, PHONE.1).await;
    // The reload link reloads this page; elsewhere the cabinet starts afresh.
    let href = b.js("return document.querySelector('.wc-crash a').href").await;
    assert_eq!(href.as_str(), Some(server.url("/_panic").as_str()));
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    assert!(!b.crashed().await);
    b.close().await;
}

/// What the cabinet's look is made of, per element: the styles a shop's CSS could change.
const LOOK: &[(&str, &[&str])] = &[
    (".wc-card", &["paddingTop", "backgroundColor", "borderTopLeftRadius", "fontFamily"]),
    ("h1", &["fontSize", "fontWeight", "textTransform", "fontFamily", "marginTop", "color"]),
    ("label[for=wc-login]", &["fontSize", "fontWeight", "textTransform", "color", "display"]),
    (
        "#wc-login",
        &["height", "paddingTop", "borderTopWidth", "fontSize", "color", "backgroundColor"],
    ),
    ("#wc-remember", &["appearance", "width", "height", "display"]),
    (
        ".wc-button--primary",
        &["height", "backgroundColor", "color", "fontWeight", "borderTopLeftRadius"],
    ),
    (".wc-alt a", &["color", "textDecorationLine", "fontSize"]),
    ("div.wc-field", &["paddingTop", "paddingLeft", "marginTop"]),
];

/// The cabinet's look on the current page, as `selector.property=value` lines.
async fn look(b: &Browser) -> Vec<String> {
    let wanted = serde_json::to_string(
        &LOOK.iter().map(|(css, props)| (css.to_string(), props.to_vec())).collect::<Vec<_>>(),
    )
    .unwrap();
    let script = b.cabinet_script(&format!(
        "return {wanted}.flatMap(([css, props]) => {{ const e = cabinet.querySelector(css); \
           const s = e && getComputedStyle(e); \
           return props.map(p => `${{css}}.${{p}}=${{s ? s[p] : 'missing'}}`); }});"
    ));
    b.js_strings(&script).await
}

/// Links and tabs in the cabinet whose text is below 4.5:1 against what is behind it.
async fn low_contrast_links(b: &Browser) -> Vec<String> {
    let script = b.cabinet_script(
        "const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => { \
           v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); \
           return 0.2126 * r + 0.7152 * g + 0.0722 * b; }; \
         const behind = el => { for (let e = el; e; e = e.parentElement || (e.parentNode && e.parentNode.host)) { \
           const c = getComputedStyle(e).backgroundColor; \
           if (c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c)) return c; } return 'rgb(255, 255, 255)'; }; \
         const ratio = (a, c) => { const [x, y] = [lum(a), lum(c)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }; \
         return [...cabinet.querySelectorAll('a')].map(a => [a.textContent.trim(), ratio(getComputedStyle(a).color, behind(a))]) \
           .filter(([, r]) => r < 4.5).map(([t, r]) => `${t}: ${r.toFixed(2)}`);",
    );
    b.js_strings(&script).await
}

/// Embedded as the README says in a shop page on Bootstrap 5 and in one with the global CSS old
/// 1C-Bitrix templates ship (`all: unset` on controls, `a { color: red !important }`, list and
/// div margins): the cabinet looks as it does on its own page (the same computed styles), its
/// links and tabs keep their contrast, its box ends where its content does (the shop's footer
/// right after it), the shop's own elements keep the shop's styles, and signing in works inside
/// its shadow root.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn embedded_in_bootstrap_and_in_a_hostile_legacy_page() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::start("en-US").await;
    b.resize(DESKTOP.0, DESKTOP.1).await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.find("#wc-remember").await;
    let own = look(&b).await;
    assert!(!own.iter().any(|l| l.ends_with("=missing")), "{own:?}");

    for theme in ["legacy", "bootstrap"] {
        b.within_shadow_of(None);
        b.resize(DESKTOP.0, DESKTOP.1).await;
        b.client.goto(&server.url(&format!("/shop/{theme}/sign-in"))).await.expect("open");
        b.within_shadow_of(Some("#web-cabinet"));
        b.find("#wc-remember").await;
        assert_eq!(look(&b).await, own, "{theme}: the cabinet does not look as on its own page");
        // Ticked and not ticked look different.
        b.click("#wc-remember").await;
        let ticked = b
            .js(&b
                .cabinet_script("return cabinet.querySelector('#wc-remember').matches(':checked')"))
            .await;
        assert_eq!(ticked, true, "{theme}");
        assert_eq!(low_contrast_links(&b).await, Vec::<String>::new(), "{theme}");
        // The mount ends where the cabinet does, and the shop's footer follows it.
        let boxes = b
            .js(&b.cabinet_script(
                "const host = document.getElementById('web-cabinet').getBoundingClientRect(); \
                 const inner = cabinet.querySelector('.wc-root').getBoundingClientRect(); \
                 const footer = document.getElementById('shop-footer').getBoundingClientRect(); \
                 return [host.bottom - inner.bottom, footer.top - host.bottom];",
            ))
            .await;
        let past = boxes[0].as_f64().unwrap_or(f64::NAN);
        let gap = boxes[1].as_f64().unwrap_or(f64::NAN);
        assert!((0.0..=4.0).contains(&past), "{theme}: the mount runs {past} px past the cabinet");
        assert!(gap >= 0.0, "{theme}: the cabinet overlaps the shop's footer by {}", -gap);
        b.screenshot(&format!("embed-{theme}-sign-in-phone"), PHONE.0, PHONE.1).await;
        b.screenshot(&format!("embed-{theme}-sign-in-desktop"), DESKTOP.0, DESKTOP.1).await;
        // The shop's own elements keep the shop's styles.
        b.within_shadow_of(None);
        if theme == "legacy" {
            assert_eq!(style_of(&b, ".shop-link", "color").await, "rgb(255, 0, 0)");
            assert_eq!(style_of(&b, ".shop-menu li", "listStyleType").await, "square");
            assert_eq!(style_of(&b, ".shop-menu li", "marginTop").await, "10px");
            assert_eq!(style_of(&b, ".shop-button", "borderTopWidth").await, "1px");
        } else {
            assert_eq!(style_of(&b, ".shop-button", "backgroundColor").await, "rgb(13, 110, 253)");
            assert_eq!(style_of(&b, ".shop-menu", "paddingLeft").await, "32px");
        }
        // Signing in, typed, inside the shadow root.
        b.within_shadow_of(Some("#web-cabinet"));
        fill_sign_in(&b).await;
        b.click("button[type=submit]").await;
        b.wait_path(&format!("/shop/{theme}/profile")).await;
        b.wait_text(".wc-name h2", "Анна").await;
        assert_eq!(low_contrast_links(&b).await, Vec::<String>::new(), "{theme}: profile");
        b.click(&format!("a.wc-nav-link[href='/shop/{theme}/orders']")).await;
        b.find(".wc-order-row a").await;
        assert_eq!(low_contrast_links(&b).await, Vec::<String>::new(), "{theme}: orders");
        let row = b
            .js(&b.cabinet_script(
                "const r = getComputedStyle(cabinet.querySelector('.wc-order-row')); \
                 return [r.listStyleType, r.marginLeft].join(' ');",
            ))
            .await;
        assert_eq!(row.as_str(), Some("none 0px"), "{theme}: the shop's list rules reach in");
        b.screenshot(&format!("embed-{theme}-orders-phone"), PHONE.0, PHONE.1).await;
        b.click(&format!("a.wc-nav-link[href='/shop/{theme}/profile']")).await;
        b.click(".wc-sign-out").await;
        b.wait_path(&format!("/shop/{theme}/sign-in")).await;
    }
    assert!(!b.crashed().await);
    b.close().await;
}

/// Switch screens `changes` times in the page itself (a click on the section links; a tenth
/// change on the list opens an order instead), each time waiting until the new screen is drawn, in
/// runs of 20 (a script has 30 s). Returns how many changes were made.
async fn switch_screens(b: &Browser, changes: u32) -> i64 {
    let mut made = 0;
    for _ in 0..changes / 20 {
        made += switch_screens_once(b, 20).await;
    }
    made
}

async fn switch_screens_once(b: &Browser, changes: u32) -> i64 {
    let script = format!(
        "const done = arguments[arguments.length - 1]; \
         const until = (css) => new Promise((ok, fail) => {{ \
           let n = 0; const tick = () => {{ const el = document.querySelector(css); \
             if (el) ok(el); else if (++n > 1000) fail(css); else setTimeout(tick, 5); }}; tick(); }}); \
         (async () => {{ \
           let made = 0; \
           for (let i = 0; i < {changes}; i++) {{ \
             if (i % 10 === 9 && document.querySelector('.wc-order-row a')) {{ \
               document.querySelector('.wc-order-row a').click(); await until('#wc-order-title'); \
             }} else if (document.querySelector('.wc-profile')) {{ \
               document.querySelector(\".wc-nav a[href='/orders']\").click(); \
               await until('.wc-order-row a'); \
             }} else {{ \
               document.querySelector(\".wc-nav a[href='/profile']\").click(); \
               await until('.wc-name h2'); \
             }} \
             made++; \
           }} \
           return made; \
         }})().then(done, e => done('stuck waiting for ' + e));"
    );
    let made = b.client.execute_async(&script, Vec::new()).await.expect("switch screens");
    match made.as_i64() {
        Some(made) => made,
        None => panic!("{made}; {}", b.describe().await),
    }
}

/// The JS heap after two forced collections (Chromium's `gc` and precise memory info). The
/// browser's own record of each request (Resource Timing, up to 250 entries, ~350 B each) is
/// cleared first: it is bounded and not the cabinet's to free.
async fn settled_heap(b: &Browser) -> f64 {
    let used = b
        .js("performance.clearResourceTimings(); gc(); gc(); return new Promise(ok => setTimeout(() => { gc(); \
             ok(performance.memory.usedJSHeapSize); }, 50));")
        .await;
    used.as_f64().expect("usedJSHeapSize")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_screens_hundreds_of_times_leaves_the_heap_flat() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    if b.engine != support::browser::Engine::Chromium {
        // Only Chromium tells a page its heap (`performance.memory`) and lets it collect.
        println!("heap per screen change: not measured in {:?}", b.engine);
        b.close().await;
        return;
    }
    // Warm-up: every screen drawn many times, the orders read, the engine's code and caches
    // grown (the heap grows ~1 KB per change over the first 200 changes, then levels off).
    let start = settled_heap(&b).await;
    let warm_up = switch_screens(&b, 600).await;
    let before = settled_heap(&b).await;
    let changes = switch_screens(&b, 300).await;
    let after = settled_heap(&b).await;
    let per_change = (after - before) / changes as f64;
    println!(
        "heap per screen change: {per_change:.0} B after a warm-up of {warm_up} changes \
         ({before:.0} → {after:.0} B over {changes}); during the warm-up {:.0} B",
        (before - start) / warm_up as f64
    );
    assert!(
        per_change <= 200.0,
        "each screen change leaves {per_change:.0} B behind ({before:.0} → {after:.0} B)"
    );
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_debug_build_keeps_the_console_quiet() {
    let _turn = ONE_AT_A_TIME.lock().await;
    // What a contributor's `trunk serve` runs: Leptos' debug checks on, which warn on the console
    // about a signal read outside a tracking context, a disposed signal touched, and the like.
    let server =
        TestServer::start_with(support::Bundle::Debug, ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    if b.engine != support::browser::Engine::Chromium {
        println!("the debug build's console: not readable in {:?}", b.engine);
        b.close().await;
        return;
    }
    b.click(".wc-nav a[href='/orders']").await;
    b.find(".wc-order-row a").await;
    b.click(".wc-order-row a").await;
    b.find("#wc-order-title").await;
    b.click(".wc-order a.wc-link").await;
    b.find(".wc-order-row a").await;
    b.click(".wc-nav a[href='/profile']").await;
    b.find(".wc-name h2").await;
    let said: Vec<String> = b
        .console()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|(level, _)| level == "WARNING" || level == "SEVERE")
        .map(|(level, message)| format!("{level}: {message}"))
        .collect();
    assert!(said.is_empty(), "the debug build's console spoke:\n{}", said.join("\n"));
    b.close().await;
}

/// The layout shifts the page has had so far (Chromium's Layout Instability API; the other
/// engines have none: `None`), as Lighthouse counts them.
async fn layout_shift(b: &Browser) -> Option<f64> {
    b.js("if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return null; \
          return new Promise(ok => { let sum = 0; \
            new PerformanceObserver(list => { for (const e of list.getEntries()) \
              if (!e.hadRecentInput) sum += e.value; }).observe({ type: 'layout-shift', buffered: true }); \
            setTimeout(() => ok(sum), 200); });")
        .await
        .as_f64()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_arrive_without_moving_the_page() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    // The server's fields come late, as on a slow connection: what was drawn meanwhile stays put.
    server.fault_always(Endpoint::RegFields, Fault::Delay(std::time::Duration::from_millis(700)));
    let b = Browser::start("en-US").await;
    for (path, drawn) in [("/register", "#wc-f-email"), ("/sign-in", "#wc-login")] {
        b.client.goto(&server.url(path)).await.expect("open");
        b.find(drawn).await;
        // The fields' own labels are in: the form is whole.
        b.find(".wc-alt a").await;
        let Some(shift) = layout_shift(&b).await else {
            println!("layout shift: not measured in {:?}", b.engine);
            break;
        };
        println!("layout shift on {path} while its fields load: {shift:.4}");
        assert!(shift < 0.001, "{path} moved under the customer while loading: CLS {shift:.4}");
    }
    b.close().await;
}

/// [`http_config`] without the offline worker, which would answer a second visit's wasm from
/// its cache (the first-screen tests hold the wasm back on every visit).
fn http_config_without_worker() -> String {
    let mut config: serde_json::Value = serde_json::from_str(&http_config()).unwrap();
    config["offline"] = false.into();
    config.to_string()
}

/// The markup under `selector` as a comparable text: tags, sorted attributes and text, with
/// Leptos' comment markers and the way text is split into nodes left out.
async fn shape_of(b: &Browser, selector: &str) -> String {
    let script = format!(
        "const shape = (el) => {{
           const attrs = [...el.attributes].map(a => a.name).filter(n => !n.startsWith('data-'))
             .sort().map(n => n + '=' + JSON.stringify(el.getAttribute(n)));
           const parts = []; let text = '';
           for (const n of el.childNodes) {{
             if (n.nodeType === 3) {{ text += n.data; continue; }}
             if (n.nodeType !== 1) continue;
             if (text.trim()) parts.push(JSON.stringify(text));
             text = ''; parts.push(shape(n));
           }}
           if (text.trim()) parts.push(JSON.stringify(text));
           return '<' + el.localName + ' ' + attrs.join(' ') + '>' + parts.join('') + '</' + el.localName + '>';
         }};
         const el = cabinet.querySelector({selector:?});
         return el ? shape(el) : null;"
    );
    b.js(&b.cabinet_script(&script)).await.as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_screen_is_what_the_app_draws() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config_without_worker())).await;
    // The app's sign-in as it first draws, before the server's fields relabel the login.
    server.fault_always(Endpoint::RegFields, Fault::Hang);
    let b = Browser::start("en-US").await;
    let visits = [("en", "/sign-in"), ("en", "/register"), ("ru", "/sign-in"), ("ru", "/register")];
    for (lang, page) in visits {
        server.hold_wasm(true);
        b.client.goto(&server.url(page)).await.expect("open");
        b.first_screen("h1").await;
        let host_lang = b.js("return document.getElementById('web-cabinet').lang;").await;
        assert_eq!(host_lang.as_str(), Some(lang), "the first screen in the customer's language");
        assert!(
            b.js("return document.querySelector('.wc-app').getBoundingClientRect().height;")
                .await
                .as_f64()
                .unwrap_or(0.0)
                > 150.0,
            "the first screen is styled and laid out"
        );
        if lang == "en" {
            let name = format!("first-screen-{}", &page[1..]);
            b.screenshot(&format!("{name}-phone"), PHONE.0, PHONE.1).await;
            b.screenshot(&format!("{name}-desktop"), DESKTOP.0, DESKTOP.1).await;
        }
        let first = shape_of(&b, "[data-first-screen]").await;
        assert!(first.contains(&format!("wc-{}", &page[1..])), "{first}");
        // Nothing but the loader ran so far: the answer it asked for is not taken yet.
        let untaken =
            b.js("return typeof globalThis.__webCabinetFields?.then === 'function';").await;
        assert_eq!(untaken, true, "the app ran before the comparison");
        server.hold_wasm(false);
        b.wait_take_over().await;
        let app = shape_of(&b, "#web-cabinet > .wc-app").await;
        assert_eq!(first, app, "{lang} {page}: the first screen and the app's differ");
        // The next visits in Russian, the language chosen here (the app keeps the one it shows).
        if lang == "en" && page == "/register" {
            b.js("localStorage.setItem('web-cabinet:lang', 'ru');").await;
        }
    }
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_before_the_app_arrives_is_kept() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config_without_worker())).await;
    // The login stays a text input (an e-mail input has no caret to read).
    server.fault_always(Endpoint::RegFields, Fault::Hang);
    let b = Browser::start("en-US").await;
    server.hold_wasm(true);
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    let login = b.first_screen("#wc-login").await;
    login.send_keys("shopper@example.com").await.expect("type the login");
    let password = b.first_screen("#wc-password").await;
    password.send_keys("secret words").await.expect("type the password");
    b.first_screen("#wc-remember").await.click().await.expect("tick");
    // The caret back in the login, after "shopper".
    b.js("const i = document.querySelector('[data-first-screen] #wc-login'); \
          i.focus(); i.setSelectionRange(7, 7);")
        .await;
    server.hold_wasm(false);
    b.wait_take_over().await;
    assert_eq!(b.value("#wc-login").await, "shopper@example.com");
    assert_eq!(b.value("#wc-password").await, "secret words");
    assert_eq!(b.js("return document.getElementById('wc-remember').checked;").await, true);
    assert_eq!(b.focused().await, "wc-login", "the focus stays where it was");
    let caret = b.js("return document.activeElement.selectionStart;").await;
    assert_eq!(caret.as_u64(), Some(7), "the caret stays where it was");
    // Typing goes on where the caret is, into the app's own input.
    b.keys("+1").await;
    assert_eq!(b.value("#wc-login").await, "shopper+1@example.com");
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_sent_before_the_app_arrives_waits_for_it() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config_without_worker())).await;
    let b = Browser::start("en-US").await;
    server.hold_wasm(true);
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    let login = b.first_screen("#wc-login").await;
    login.send_keys(DEMO_LOGIN).await.expect("type the login");
    let password = b.first_screen("#wc-password").await;
    password.send_keys(DEMO_PASSWORD).await.expect("type the password");
    // Enter in the password, before the app is there.
    password.send_keys(&fantoccini::key::Key::Enter.to_string()).await.expect("press Enter");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let url = b.client.current_url().await.expect("url");
    assert_eq!((url.path(), url.query()), ("/sign-in", None), "the submit went nowhere");
    assert!(server.requests_to(Endpoint::Auth).is_empty(), "nothing is sent before the app");
    assert!(!url.as_str().contains(DEMO_PASSWORD));
    // The app arrives and sends it, once.
    server.hold_wasm(false);
    b.wait_path("/profile").await;
    let auth = server.requests_to(Endpoint::Auth);
    assert_eq!(auth.len(), 1, "one submit, one request");
    let body: serde_json::Value = serde_json::from_str(&auth[0].body).unwrap();
    assert_eq!(body["login"], DEMO_LOGIN);
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_screen_is_the_screen_the_app_shows() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config_without_worker())).await;
    // A kept session whose profile never answers: the app stays on the signed-in screen.
    server.fault_always(Endpoint::Profile, Fault::Hang);
    server.fault_always(Endpoint::OrderList, Fault::Hang);
    let b = Browser::start("en-US").await;
    let paths = ["/", "/sign-in", "/profile", "/orders", "/orders/7", "/register", "/recover"];
    for signed_in in [false, true] {
        for path in paths.iter().chain(&["/nowhere"]) {
            server.hold_wasm(true);
            b.client.goto(&server.url(path)).await.expect("open");
            b.first_screen("header").await;
            let screen = |scope: &str| {
                format!(
                    "return ['.wc-sign-in', '.wc-register'].find(s => \
                     document.querySelector('{scope} ' + s)) || 'shell';"
                )
            };
            let drawn = b.js(&screen("[data-first-screen]")).await;
            server.hold_wasm(false);
            b.wait_take_over().await;
            let shown = b.js(&screen("")).await;
            assert_eq!(
                drawn, shown,
                "{path}, signed in: {signed_in}: the first screen drew {drawn}, the app {shown}"
            );
            if !signed_in {
                let expected = match *path {
                    "/" | "/sign-in" | "/profile" | "/orders" | "/orders/7" => ".wc-sign-in",
                    "/register" => ".wc-register",
                    _ => "shell",
                };
                assert_eq!(shown, expected, "{path}");
            }
        }
        // A session kept in this tab, as a sign-in leaves it.
        b.js("sessionStorage.setItem('web-cabinet:token', 'kept-token');").await;
    }
    assert!(!b.crashed().await);
    b.close().await;
}

/// On a shop's page the first screen is drawn where the app will draw: in the shadow root on
/// the mount, under the shop's data-base, styled by the cabinet's stylesheets (and the shop's
/// theme) as the app is, nothing of it in the shop's own tree; what is typed there, the caret,
/// the focus and a submit carry over to the app, which draws in the same shadow root.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shops_page_gets_the_first_screen_in_the_shadow_root() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config_without_worker())).await;
    // The app's screens as they first draw, before the server's fields arrive.
    server.fault_always(Endpoint::RegFields, Fault::Hang);
    let b = Browser::start("en-US").await;
    b.within_shadow_of(Some("#web-cabinet"));
    for (theme, page) in [("legacy", "register"), ("bootstrap", "sign-in")] {
        server.hold_wasm(true);
        b.client.goto(&server.url(&format!("/shop/{theme}/{page}"))).await.expect("open");
        b.first_screen("h1").await;
        // Shown once its stylesheets are in (a shadow root's do not hold the paint).
        let shown =
            b.cabinet_script("return !cabinet.querySelector('[data-first-screen]').hidden;");
        b.wait_true(&shown, &format!("{theme}: the first screen stays hidden")).await;
        let outside = b.js("return document.getElementById('web-cabinet').children.length;").await;
        assert_eq!(
            outside.as_u64(),
            Some(0),
            "{theme}: the first screen leaked into the shop's tree"
        );
        let first = shape_of(&b, "[data-first-screen]").await;
        assert!(first.contains(&format!("wc-{page}")), "{first}");
        // At the phone's width both (the card's padding follows the width).
        b.screenshot(&format!("first-screen-embed-{theme}-{page}-phone"), PHONE.0, PHONE.1).await;
        let first_look = look(&b).await;
        if page == "sign-in" {
            // Typed before the app, the caret moved back into the login.
            b.first_screen("#wc-login").await.send_keys("shopper@example.com").await.expect("type");
            b.first_screen("#wc-password").await.send_keys("secret words").await.expect("type");
            b.js(&b.cabinet_script(
                "const i = cabinet.querySelector('[data-first-screen] #wc-login'); \
                 i.focus(); i.setSelectionRange(7, 7);",
            ))
            .await;
        }
        server.hold_wasm(false);
        b.wait_take_over().await;
        let app = shape_of(&b, ".wc-root > .wc-app").await;
        assert_eq!(first, app, "{theme} {page}: the first screen and the app's differ");
        assert_eq!(first_look, look(&b).await, "{theme} {page}: styled otherwise than the app");
        let roots = b
            .js(&b.cabinet_script("return cabinet.querySelectorAll('.wc-shadowed').length;"))
            .await;
        assert_eq!(roots.as_u64(), Some(1), "the app draws where the first screen was");
        if page == "sign-in" {
            assert_eq!(b.value("#wc-login").await, "shopper@example.com");
            assert_eq!(b.value("#wc-password").await, "secret words");
            let focus = b
                .js(&b.cabinet_script(
                    "const e = cabinet.activeElement; return e && [e.id, e.selectionStart];",
                ))
                .await;
            assert_eq!(focus, serde_json::json!(["wc-login", 7]), "the focus and caret stay");
        }
    }

    // A sign-in sent before the app: nothing goes out until the app sends it, once.
    server.clear_faults();
    server.hold_wasm(true);
    b.client.goto(&server.url("/shop/legacy/sign-in")).await.expect("open");
    b.first_screen("#wc-login").await.send_keys(DEMO_LOGIN).await.expect("type the login");
    let password = b.first_screen("#wc-password").await;
    password.send_keys(DEMO_PASSWORD).await.expect("type the password");
    password.send_keys(&fantoccini::key::Key::Enter.to_string()).await.expect("press Enter");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let url = b.client.current_url().await.expect("url");
    assert_eq!(
        (url.path(), url.query()),
        ("/shop/legacy/sign-in", None),
        "the submit went nowhere"
    );
    assert!(server.requests_to(Endpoint::Auth).is_empty(), "nothing is sent before the app");
    server.hold_wasm(false);
    b.wait_path("/shop/legacy/profile").await;
    assert_eq!(server.requests_to(Endpoint::Auth).len(), 1, "one submit, one request");
    assert!(!b.crashed().await);
    b.close().await;
}

/// [`http_config_without_worker`] naming the server by the published module's preset, with this
/// `request_timeout_ms`.
fn preset_config_without_worker(timeout_ms: u32) -> String {
    serde_json::json!({
        "api": { "preset": "mobium-bitrix", "base": "/api/mobium.php" },
        "token_storage": "session",
        "request_timeout_ms": timeout_ms,
        "offline": false,
    })
    .to_string()
}

/// Wait until the server has seen `count` requests for the registration fields.
async fn wait_for_fields_requests(server: &TestServer, count: usize, what: &str) {
    for _ in 0..100 {
        if server.requests_to(Endpoint::RegFields).len() >= count {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!(
        "{what}: {} field requests, expected {count}",
        server.requests_to(Endpoint::RegFields).len()
    );
}

/// The sign-in and registration screens' fields are asked for by the loader while the wasm
/// downloads (the config's own key, or the published module's preset), and the app takes that
/// answer: one request, sent before the app is there, without cookies; on the cabinet's own page
/// and on a shop's. A screen that needs no fields asks for none; a loader's request that hangs
/// times out as the app's own would, and the app asks again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_fields_are_asked_for_while_the_wasm_downloads() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let b = Browser::start("en-US").await;
    let configs = [
        ("endpoint URLs", http_config_without_worker()),
        ("preset", preset_config_without_worker(5000)),
    ];
    for (shape, config) in configs {
        let server = TestServer::start(ConfigMode::Json(config)).await;
        for path in ["/sign-in", "/register", "/shop/legacy/sign-in"] {
            b.within_shadow_of(path.starts_with("/shop").then_some("#web-cabinet"));
            let before = server.requests_to(Endpoint::RegFields).len();
            server.hold_wasm(true);
            b.client.goto(&server.url(path)).await.expect("open");
            b.first_screen("h1").await;
            wait_for_fields_requests(
                &server,
                before + 1,
                &format!("{shape} {path}: before the app"),
            )
            .await;
            assert_eq!(server.requests_to(Endpoint::RegFields)[before].cookie, None, "no cookies");
            server.hold_wasm(false);
            b.wait_take_over().await;
            if path.ends_with("/register") {
                b.find("#wc-f-email").await;
            } else {
                let labelled = "return performance.getEntriesByName('web-cabinet:sign-in-labelled').length === 1;";
                b.wait_true(labelled, &format!("{shape} {path}: never labelled")).await;
            }
            assert_eq!(
                server.requests_to(Endpoint::RegFields).len(),
                before + 1,
                "{shape} {path}: the app asked again instead of taking the loader's answer"
            );
        }
        b.within_shadow_of(None);
        // The shell asks for nothing before the app (nor does the app on a page without a form).
        let before = server.requests_to(Endpoint::RegFields).len();
        server.hold_wasm(true);
        b.client.goto(&server.url("/nowhere")).await.expect("open");
        b.first_screen("header").await;
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(server.requests_to(Endpoint::RegFields).len(), before, "{shape}: the shell");
        server.hold_wasm(false);
        b.wait_take_over().await;
    }

    // The loader's request hangs: the app waits as long as for its own, says so and offers to try
    // again, which asks the server itself.
    let server = TestServer::start(ConfigMode::Json(preset_config_without_worker(1500))).await;
    server.fault_next(Endpoint::RegFields, Fault::Hang);
    server.hold_wasm(true);
    b.client.goto(&server.url("/register")).await.expect("open");
    wait_for_fields_requests(&server, 1, "the hanging request").await;
    server.hold_wasm(false);
    b.wait_take_over().await;
    b.find(".wc-register button.wc-button--secondary").await.click().await.expect("try again");
    b.find("#wc-f-email").await;
    assert_eq!(server.requests_to(Endpoint::RegFields).len(), 2, "asked once more, by the app");
    assert!(!b.crashed().await);
    b.close().await;
}

/// The name of the one wasm file in `dir`.
fn wasm_in(dir: &std::path::Path) -> String {
    let names: Vec<String> = std::fs::read_dir(dir)
        .expect("the bundle's folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with("_bg.wasm"))
        .collect();
    assert_eq!(names.len(), 1, "one wasm in {}", dir.display());
    names[0].clone()
}

/// How many times each file named was downloaded by this page (Resource Timing).
async fn downloads(b: &Browser, names: &[&str]) -> Vec<u64> {
    let script = format!(
        "const entries = performance.getEntriesByType('resource');
         return {names:?}.map(n => entries.filter(e => e.name.endsWith('/' + n)).length);"
    );
    let counts = b.js(&script).await;
    counts.as_array().expect("counts").iter().map(|c| c.as_u64().unwrap_or(0)).collect()
}

/// The customers' release is two bundles (`app::signed_in_bundle`): a first visit downloads the
/// sign-in screens' only; the whole cabinet downloads while the visitor types, and takes the
/// page over after the sign-in — no reload, the same address, the session along (one kept in
/// memory only included), nothing downloaded twice; a customer with a kept session starts with
/// the whole cabinet and never downloads the sign-in screens' bundle.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_hands_the_page_to_the_whole_cabinet() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let dist = support::dist_dir();
    let first = wasm_in(&dist);
    let whole = format!("signed-in/{}", wasm_in(&dist.join("signed-in")));
    let b = Browser::start("en-US").await;
    for storage in ["session", "memory"] {
        let mut config: serde_json::Value =
            serde_json::from_str(&http_config_without_worker()).unwrap();
        config["token_storage"] = storage.into();
        let server = TestServer::start(ConfigMode::Json(config.to_string())).await;
        b.client.goto(&server.url("/orders/7")).await.expect("open");
        b.wait_take_over().await;
        b.find("#wc-login").await;
        assert_eq!(downloads(&b, &[&first]).await, [1], "{storage}: the first visit's bundle");
        // Fetched once the page is idle, while the visitor types.
        let fetched = format!(
            "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/{whole}'));"
        );
        b.wait_true(&fetched, &format!("{storage}: the whole cabinet is never fetched")).await;
        b.js("window.__samePage = true;").await;
        b.sign_in_as_demo_customer().await;
        // Where the sign-in was asked for, drawn by the whole cabinet.
        b.wait_path("/orders/7").await;
        b.find(".wc-order").await;
        assert_eq!(
            b.js("return window.__samePage === true;").await,
            true,
            "{storage}: the page was reloaded"
        );
        assert_eq!(downloads(&b, &[&first, &whole]).await, [1, 1], "{storage}: each file once");
        let leftovers = "return document.querySelectorAll('[data-first-screen], .wc-app').length;";
        assert_eq!(b.js(leftovers).await, 1, "{storage}: one screen on the page");
        // The whole cabinet works on its own: its links, the profile, sign-out and in again.
        b.click(".wc-nav-link[href='/profile']").await;
        b.find(".wc-name h2").await;
        if let Some(console) = b.console().await {
            let errors: Vec<_> = console.iter().filter(|(level, _)| level == "SEVERE").collect();
            assert!(errors.is_empty(), "{storage}: {errors:?}");
        }
        b.client.refresh().await.expect("reload");
        if storage == "memory" {
            // A session kept nowhere ends with the page, as it always has.
            b.wait_path("/sign-in").await;
            b.find("#wc-login").await;
        } else {
            // A kept session: the whole cabinet at once, and nothing of the sign-in screens'.
            b.find(".wc-name h2").await;
            assert_eq!(downloads(&b, &[&first, &whole]).await, [0, 1], "{storage}: a kept session");
        }
        b.js("sessionStorage.clear(); localStorage.clear();").await;
    }
    assert!(!b.crashed().await);
    b.close().await;
}

/// The network drops between the page's load and the sign-in: the whole cabinet's files do not
/// come. The customer stays signed in on the sign-in screens' bundle (even with a session kept in
/// memory only), is told so with a retry, and the retry hands the page over.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_cabinet_that_does_not_download_keeps_the_customer_signed_in() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let dist = support::dist_dir();
    let whole = format!("signed-in/{}", wasm_in(&dist.join("signed-in")));
    let mut config: serde_json::Value =
        serde_json::from_str(&http_config_without_worker()).unwrap();
    config["token_storage"] = "memory".into();
    let server = TestServer::start(ConfigMode::Json(config.to_string())).await;
    server.refuse_signed_in(true);
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/orders/7")).await.expect("open");
    b.wait_take_over().await;
    b.find("#wc-login").await;
    // The idle download was tried and refused.
    let tried = format!(
        "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/{whole}'));"
    );
    b.wait_true(&tried, "the whole cabinet's download is never tried").await;
    b.js("window.__samePage = true;").await;
    b.sign_in_as_demo_customer().await;
    b.wait_text(".wc-fatal[role=alert]", "didn't download").await;
    assert_eq!(b.js("return !!document.querySelector('.wc-start-failed');").await, false);
    b.screenshot("hand-over-failed-desktop", DESKTOP.0, DESKTOP.1).await;
    b.screenshot("hand-over-failed-phone", PHONE.0, PHONE.1).await;
    b.click(".wc-lang-button[lang=ru]").await;
    b.wait_text(".wc-fatal[role=alert]", "не загрузились").await;
    b.screenshot("hand-over-failed-phone-ru", PHONE.0, PHONE.1).await;
    assert_eq!(
        b.js("return location.pathname;").await,
        "/orders/7",
        "the address the customer asked for stays"
    );
    // Back on line: the retry hands the page over, the session in memory with it.
    server.refuse_signed_in(false);
    b.click(".wc-fatal[role=alert] button").await;
    b.find(".wc-order").await;
    assert_eq!(b.js("return window.__samePage === true;").await, true, "the page was reloaded");
    let screens = "return document.querySelectorAll('[data-first-screen], .wc-app').length;";
    assert_eq!(b.js(screens).await, 1, "one screen on the page");
    assert!(!b.crashed().await);
    b.close().await;
}
