//! Browser journeys: the release build, served by the test server over real HTTP, driven in
//! headless Chromium through chromedriver. Screenshots land in `target/screenshots/`.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::browser::{Browser, ONE_AT_A_TIME};
use support::{http_config, http_config_with_timeout, ConfigMode, Fault, TestServer};
use web_cabinet::api::Endpoint;
use web_cabinet::demo::{DEMO_LOGIN, DEMO_PASSWORD};

const PHONE: (u32, u32) = (390, 844);
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
    let server = TestServer::start(ConfigMode::FromDist).await;
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
    assert!(!b.crashed().await);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_config_falls_back_to_demo() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Missing).await;
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/")).await.expect("open");
    b.wait_text(".wc-demo", "Demo mode").await;
    b.find("#wc-login").await;
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
    // A token the server doesn't know: it answers `not_authorized`, as real servers do.
    b.js("sessionStorage.setItem('web-cabinet:token', 'stale0000')").await;
    b.client.goto(&server.url("/profile")).await.expect("open");
    b.wait_path("/sign-in").await;
    b.wait_text(".wc-banner--info", "session has ended").await;
    assert!(b.js("return sessionStorage.getItem('web-cabinet:token')").await.is_null());
    // Signing in again returns to the profile.
    b.type_into("#wc-login", DEMO_LOGIN).await;
    b.type_into("#wc-password", DEMO_PASSWORD).await;
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Анна").await;
    b.close().await;
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
    let fatal = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/fixtures/raw/php_fatal_500.txt"
    ))
    .expect("fixture");
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
