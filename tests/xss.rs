//! The XSS corpus, in the browser: the test server fills every string the backend sends — titles,
//! texts, messages, values, ids, image addresses, action parameters, order fields, contact keys
//! and values — with injection payloads (script tags, event handlers, SVG, attribute break-outs,
//! `javascript:`/`data:`/`vbscript:` URLs in the spellings browsers accept), and the cabinet's
//! every screen is opened. The canary `window.__xss` must stay unset, no element may carry an
//! event-handler attribute or a script/data URL, no script/iframe/object may appear — and the
//! payloads must be visible as plain text (proof that they reached the screen).

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::browser::{Browser, ONE_AT_A_TIME};
use support::{http_config, ConfigMode, Fault, TestServer, XSS_TEXT, XSS_URL};
use web_cabinet::core::api::Endpoint;
use web_cabinet::demo::DEMO_LOGIN;

/// Everything wrong with the cabinet's DOM right now (script that could run, live links, content
/// wider than the page), and whether payload text is on screen.
async fn inspect(b: &Browser) -> (Vec<String>, bool) {
    let found = b
        .js(r#"
            const root = document.querySelector('.wc-root');
            const bad = [];
            if (window.__xss !== undefined) bad.push('canary set: ' + window.__xss);
            const live = /^(javascript|data|vbscript):/i;
            for (const el of root.querySelectorAll('*')) {
              if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'MATH', 'MGLYPH', 'DETAILS', 'BASE']
                  .includes(el.tagName.toUpperCase())) bad.push('element ' + el.tagName);
              for (const a of el.attributes) {
                if (a.name.toLowerCase().startsWith('on')) bad.push(el.tagName + ' ' + a.name);
                const v = a.value.replace(/[\u0000-\u0020]/g, '');
                if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster']
                    .includes(a.name.toLowerCase()) && live.test(v)) {
                  bad.push(el.tagName + ' ' + a.name + '=' + a.value);
                }
              }
            }
            // Long unbroken payloads must wrap, not push the page sideways: name the outermost
            // elements that stick out of the viewport.
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth > width + 1) {
              for (const el of root.querySelectorAll('*')) {
                const out = (e) => e.getBoundingClientRect().right > width + 1;
                // What a scroll box holds (the items table) may be wider: it scrolls.
                let scrolled = false;
                for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
                  if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) scrolled = true;
                }
                if (out(el) && !out(el.parentElement) && !scrolled) {
                  bad.push('wider than the page: ' + el.tagName + '.' + el.className);
                }
              }
            }
            const text = root.innerText;
            return { bad, shown: text.includes('window.__xss') };
        "#)
        .await;
    let bad = found["bad"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    (bad, found["shown"].as_bool().unwrap_or(false))
}

async fn assert_inert(b: &Browser, screen: &str, expect_payload_text: bool) {
    // Let images fail to load and any handler get its chance to run.
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let (bad, shown) = inspect(b).await;
    assert!(bad.is_empty(), "{screen}: {bad:#?}");
    assert!(!b.crashed().await, "{screen}: the cabinet panicked");
    if expect_payload_text {
        assert!(shown, "{screen}: no payload reached the screen as text");
    }
    println!("xss corpus: {screen}: inert");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_string_is_inert() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.set_xss();
    let b = Browser::start("en-US").await;

    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.wait_text("label[for=wc-login]", "window.__xss").await;
    assert_inert(&b, "sign-in (field titles)", true).await;

    // The server's own error message, each payload in turn.
    for payload in XSS_TEXT {
        let body = serde_json::json!({ "status": "error", "data": { "errorMessage": payload } });
        server.fault_next(Endpoint::Auth, Fault::Answer { status: 200, body: body.to_string() });
        b.type_into("#wc-login", DEMO_LOGIN).await;
        b.type_into("#wc-password", "wrong").await;
        b.click("button[type=submit]").await;
        b.wait_text(".wc-root [role=alert]", payload).await;
        assert_inert(&b, "sign-in error message", true).await;
    }

    b.client.goto(&server.url("/register")).await.expect("open");
    b.find(".wc-form").await;
    assert_inert(&b, "registration (every field type)", true).await;
    b.client.goto(&server.url("/recover")).await.expect("open");
    b.find(".wc-form").await;
    assert_inert(&b, "recovery", true).await;

    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.sign_in_as_demo_customer().await;
    b.wait_path("/profile").await;
    b.find(".wc-blocks").await;
    b.screenshot("xss-profile-phone", 390, 844).await;
    assert_inert(&b, "profile (every block type, actions, images)", true).await;
    // Actions whose parameter is a script URL are inert, not links.
    let links =
        b.js_strings("return [...document.querySelectorAll('.wc-root a')].map(a => a.href)").await;
    for link in &links {
        assert!(!XSS_URL.iter().any(|u| link.contains(u.trim())), "live payload link {link}");
    }
    b.click(".wc-name .wc-edit-button").await;
    b.find(".wc-edit").await;
    assert_inert(&b, "profile editing", true).await;

    b.client.goto(&server.url("/orders")).await.expect("open");
    b.find(".wc-order-row a").await;
    assert_inert(&b, "order history", true).await;
    b.click(".wc-order-row:first-child a").await;
    b.find(".wc-items").await;
    assert_inert(&b, "order details (items, contacts)", true).await;
    b.screenshot("xss-order-details-phone", 390, 844).await;

    let slots = server.xss_slots();
    assert!(slots > 200, "only {slots} slots were filled");
    println!(
        "xss corpus: {slots} server string slots filled with {} text and {} URL payloads \
         (+{} error messages); canary unset, 0 live links, 0 handlers",
        XSS_TEXT.len(),
        XSS_URL.len(),
        XSS_TEXT.len()
    );
    b.close().await;
}
