//! What differs between browser engines, checked in whichever one the run drives
//! (`WEB_CABINET_BROWSER`): scroll anchoring must not page through the whole history in one
//! scroll (Chromium and Firefox anchor; WebKit does not), the order page's status badge stays
//! one line wide (WebKit broke it a letter per line), and a wasm that fails to start says so
//! instead of leaving a blank page (WebKit reported nothing at all). That each first-load file is
//! downloaded once is checked by the start-up run through nginx (`tests/deploy.rs`).

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use support::browser::{Browser, ONE_AT_A_TIME};
use support::{http_config, ConfigMode, Fault, TestServer};
use web_cabinet::core::api::Endpoint;

/// Wait until no order page has been asked for during `quiet`; returns how many were.
async fn pages_asked_when_quiet(server: &TestServer, quiet: Duration) -> usize {
    let mut last = server.requests_to(Endpoint::OrderList).len();
    loop {
        tokio::time::sleep(quiet).await;
        let now = server.requests_to(Endpoint::OrderList).len();
        if now == last {
            return now;
        }
        last = now;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_scroll_to_the_end_loads_one_page() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let b = Browser::signed_in(&server, "en-US").await;
    b.resize(1280, 900).await;
    b.click(".wc-nav a[href='/orders']").await;
    b.find(".wc-order-row").await;
    let first = pages_asked_when_quiet(&server, Duration::from_millis(800)).await;
    assert_eq!(first, 1, "the first page only, before any scroll");
    // The first scroll: the probe that learns how the server pages (`offset=1`: one new order
    // from a server that counts items) and the page after it. Then one page per scroll.
    for (scroll, expected) in (1..=3).zip(first + 2..) {
        b.js("window.scrollTo(0, document.documentElement.scrollHeight)").await;
        let asked = pages_asked_when_quiet(&server, Duration::from_millis(1200)).await;
        assert_eq!(
            asked,
            expected,
            "{}: scroll {scroll} to the end: {asked} requests in all, {expected} expected \
             (scroll anchoring kept the list's end in view?)",
            b.engine.name(),
        );
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_orders_status_badge_stays_one_line_at_every_width() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let order = serde_json::json!({ "status": "ok", "data": { "orders": [{
        "id": "144501", "status": "Передан в доставку", "total": 4197.8,
        "created_at": "28 июня 2026", "deliveryType": "Курьерская доставка по Москве",
        "items": [{ "id": "19189", "count": 2, "price": 665 }]
    }] } });
    server
        .fault_always(Endpoint::OrderList, Fault::Answer { status: 200, body: order.to_string() });
    let b = Browser::signed_in(&server, "ru-RU").await;
    b.client.goto(&server.url("/orders/144501")).await.expect("open");
    b.wait_text("#wc-order-title", "144501").await;
    for (width, height) in [(360, 800), (390, 844), (1280, 900)] {
        let got = b.resize(width, height).await;
        let lines = b
            .js("const e = document.querySelector('.wc-order .wc-status-badge'); \
                 const s = getComputedStyle(e); \
                 const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.5; \
                 return e.getBoundingClientRect().height / line;")
            .await
            .as_f64()
            .unwrap_or(f64::NAN);
        assert!(lines < 1.8, "{}: at {got} px the badge is {lines:.1} lines tall", b.engine.name());
        b.screenshot(&format!("order-badge-{width}"), width, height).await;
    }
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wasm_that_fails_to_start_says_so_in_both_languages() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    server.break_wasm(true);
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    let text = b.wait_text(".wc-start-failed", "did not load").await;
    assert!(text.contains("не загрузился"), "both languages: {text}");
    let reload = b.find(".wc-start-failed a").await;
    let href = reload.attr("href").await.unwrap().unwrap_or_default();
    assert!(href.ends_with("/sign-in"), "the reload link reloads this page: {href}");
    b.screenshot("start-failed-phone", 390, 844).await;
    // The wasm is back: the reload link starts the cabinet.
    server.break_wasm(false);
    reload.click().await.expect("reload");
    b.find("#wc-login").await;
    assert!(!b.crashed().await);
    b.close().await;
}

/// Dates, money and plural forms come from the browser's `Intl`: an order placed at 00:30 Moscow
/// time (21:30 UTC the day before) is dated the customer's day in every form a server sends the
/// moment (unix seconds, milliseconds, ISO with an offset or `Z`), a bare ISO day stays that
/// day, money keeps the server's kopecks and Russian counts take their plural forms.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_money_and_plurals_are_the_customers() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let server = TestServer::start(ConfigMode::Json(http_config())).await;
    let item = |id: u32| serde_json::json!({ "id": id.to_string(), "count": 1, "price": 10 });
    let orders: Vec<serde_json::Value> = [
        ("1", "1710883800", 1),
        ("2", "1710883800000", 2),
        ("3", "2024-03-20T00:30:00+03:00", 5),
        ("4", "2024-03-19T21:30:00Z", 21),
        ("5", "2024-03-20", 22),
    ]
    .into_iter()
    .map(|(id, date, items)| {
        serde_json::json!({ "id": id, "created_at": date, "total": "3287.3000000000002",
            "items": (0..items).map(item).collect::<Vec<_>>() })
    })
    // Goods are counted by `count`: the document's one line of five, and weighed goods.
    .chain([
        serde_json::json!({ "id": "6", "created_at": "2024-03-20", "total": "3287.3000000000002",
            "items": [{ "id": "1", "count": 5, "price": 10 }] }),
        serde_json::json!({ "id": "7", "created_at": "2024-03-20", "total": "3287.3000000000002",
            "items": [{ "id": "1", "count": "0.5", "price": 10 }, { "id": "2", "count": 2.0, "price": 1 }] }),
    ])
    .collect();
    let answer = serde_json::json!({ "status": "ok", "data": { "orders": orders } });
    server
        .fault_always(Endpoint::OrderList, Fault::Answer { status: 200, body: answer.to_string() });
    for (lang, day, money, counts) in [
        (
            "ru-RU",
            "20 марта 2024",
            "3\u{a0}287,30\u{a0}₽",
            [
                "1 товар",
                "2 товара",
                "5 товаров",
                "21 товар",
                "22 товара",
                "5 товаров",
                "2,5 товара",
            ],
        ),
        (
            "en-US",
            "March 20, 2024",
            "₽3,287.30",
            ["1 item", "2 items", "5 items", "21 items", "22 items", "5 items", "2.5 items"],
        ),
    ] {
        let b = Browser::signed_in(&server, lang).await;
        b.client.goto(&server.url("/orders")).await.expect("open");
        // Read by script: WebKit's WebDriver gives the text inside a row link as its first line
        // or nothing.
        let mut first_date = String::new();
        for _ in 0..75 {
            let found = b
                .js("const d = document.querySelector('.wc-order-date'); \
                              return d ? d.textContent : ''")
                .await;
            first_date = found.as_str().unwrap_or_default().to_string();
            if first_date.contains(day) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        assert!(first_date.contains(day), "{} {lang}: first date {first_date:?}", b.engine.name());
        let rows = b
            .js("return [...document.querySelectorAll('.wc-order-row')].map(r => \
                 [r.querySelector('.wc-order-date').textContent, \
                  r.querySelector('.wc-order-count').textContent, r.textContent])")
            .await;
        let rows = rows.as_array().cloned().unwrap_or_default();
        assert_eq!(rows.len(), 7, "{}: {rows:?}", b.engine.name());
        for (row, count) in rows.iter().zip(counts) {
            let text = |i: usize| row[i].as_str().unwrap_or_default().replace('\u{202f}', "\u{a0}");
            assert!(
                text(0).starts_with(day),
                "{} {lang}: dated {:?}, not {day}",
                b.engine.name(),
                text(0)
            );
            assert_eq!(text(1), count, "{} {lang}", b.engine.name());
            assert!(
                text(2).contains(money),
                "{} {lang}: {:?} lacks {money:?}",
                b.engine.name(),
                text(2)
            );
        }
        b.screenshot(&format!("intl-orders-{lang}"), 390, 844).await;
        b.close().await;
    }
}
