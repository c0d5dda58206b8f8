//! The order-history benchmark: the built app against the test server with 10 000 orders, and
//! in the same run a minimal hand-written vanilla-JS page rendering the same rows from the same
//! JSON. It prints figures and ratios; it asserts nothing (a noisy machine must not fail CI).
//! Run it with `scripts/bench`.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use serde_json::Value;
use support::browser::{Browser, ONE_AT_A_TIME};
use support::{http_config, ConfigMode, TestServer};

const ORDERS: u32 = 10_000;

/// Figures from one page (app or vanilla).
#[derive(Debug, Default)]
struct Figures {
    first_visible_ms: f64,
    all_ms: f64,
    rows: f64,
    dom_nodes: f64,
    row_elements: f64,
    heap_before_mb: f64,
    heap_loaded_mb: f64,
    heap_back_mb: f64,
    frame_max_ms: f64,
    frame_p95_ms: f64,
    frames_over_50: f64,
    requests: usize,
}

const OBSERVE_FIRST_ROWS: &str = r#"
window.__bench = window.__bench || {};
new MutationObserver((_, obs) => {
  if (document.querySelector('.wc-order-row, #list li')) {
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__bench.firstVisibleAt = performance.now(); }, 0));
  }
}).observe(document.body, { childList: true, subtree: true });
"#;

const FIRST_RESPONSE: &str = r#"
const e = performance.getEntriesByType('resource').filter(e => e.name.includes('userOrderHistory'));
return e.length ? { start: e[0].startTime, end: e[0].responseEnd } : null;
"#;

const HEAP_MB: &str =
    "if (window.gc) { gc(); gc(); } return performance.memory ? performance.memory.usedJSHeapSize / 1048576 : 0;";

const LOAD_ALL: &str = r#"
window.__bench.allDone = false;
const tick = () => {
  window.scrollTo(0, document.documentElement.scrollHeight);
  const f = document.querySelector('.wc-list-footer');
  if (f && /All orders are shown/.test(f.textContent)) { window.__bench.doneAt = performance.now(); window.__bench.allDone = true; return; }
  requestAnimationFrame(tick);
};
window.scrollTo(0, 0);
requestAnimationFrame(tick);
"#;

const SCROLL_FRAMES: &str = r#"
window.scrollTo(0, 0);
window.__frames = []; window.__framesDone = false;
let last = performance.now(), y = 0;
const H = document.documentElement.scrollHeight;
const step = () => {
  const now = performance.now(); window.__frames.push(now - last); last = now;
  y += 2000; window.scrollTo(0, y);
  if (y < H) requestAnimationFrame(step); else window.__framesDone = true;
};
requestAnimationFrame(step);
"#;

async fn wait_for(b: &Browser, expr: &str, secs: u64) -> Value {
    for _ in 0..secs * 10 {
        let v = b.js(&format!("return {expr}")).await;
        if !v.is_null() && v != Value::Bool(false) {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {expr}");
}

async fn heap_mb(b: &Browser) -> f64 {
    b.js(HEAP_MB).await.as_f64().unwrap_or(f64::NAN)
}

async fn num(b: &Browser, expr: &str) -> f64 {
    b.js(&format!("return {expr}")).await.as_f64().unwrap_or(f64::NAN)
}

/// With everything loaded: memory, DOM size, scrolling, and memory again back at the top.
async fn measure_loaded(b: &Browser, f: &mut Figures, row_selector: &str, scroll: bool) {
    f.heap_loaded_mb = heap_mb(b).await;
    f.dom_nodes = num(b, "document.getElementsByTagName('*').length").await;
    f.row_elements = num(b, &format!("document.querySelectorAll('{row_selector}').length")).await;
    if scroll {
        scroll_frames(b, f).await;
        b.js("window.scrollTo(0, 0)").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        f.heap_back_mb = heap_mb(b).await;
    }
}

async fn scroll_frames(b: &Browser, f: &mut Figures) {
    b.js(SCROLL_FRAMES).await;
    wait_for(b, "window.__framesDone", 120).await;
    let mut frames: Vec<f64> = b
        .js("return window.__frames.slice(1)")
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter_map(Value::as_f64)
        .collect();
    frames.sort_by(f64::total_cmp);
    f.frame_max_ms = frames.last().copied().unwrap_or(0.0);
    f.frame_p95_ms = frames.get(frames.len() * 95 / 100).copied().unwrap_or(0.0);
    f.frames_over_50 = frames.iter().filter(|d| **d > 50.0).count() as f64;
}

fn config(page_size: u32) -> String {
    let mut cfg: Value = serde_json::from_str(&http_config()).unwrap();
    cfg["orders_page_size"] = page_size.into();
    cfg["request_timeout_ms"] = 60_000.into();
    cfg.to_string()
}

async fn measure_app(page_size: u32, load_all: bool) -> Figures {
    let server = TestServer::start(ConfigMode::Json(config(page_size))).await;
    server.state.backend.lock().unwrap().set_order_count(ORDERS);
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/sign-in")).await.expect("open");
    b.sign_in_as_demo_customer().await;
    b.wait_path("/profile").await;
    b.find(".wc-name h2").await;
    let mut f = Figures { heap_before_mb: heap_mb(&b).await, ..Figures::default() };
    b.js(OBSERVE_FIRST_ROWS).await;
    b.click(".wc-nav a[href='/orders']").await;
    let visible_at =
        wait_for(&b, "window.__bench.firstVisibleAt", 30).await.as_f64().unwrap_or(0.0);
    let first = b.js(FIRST_RESPONSE).await;
    let (start, end) =
        (first["start"].as_f64().unwrap_or(0.0), first["end"].as_f64().unwrap_or(0.0));
    f.first_visible_ms = visible_at - end;
    if load_all {
        b.js(LOAD_ALL).await;
        let done_at = wait_for(&b, "window.__bench.allDone && window.__bench.doneAt", 600)
            .await
            .as_f64()
            .unwrap_or(0.0);
        f.all_ms = done_at - start;
        f.rows = num(
            &b,
            "parseInt(document.querySelector('.wc-list-footer').textContent.split(': ').pop())",
        )
        .await;
        measure_loaded(&b, &mut f, ".wc-order-row", true).await;
    }
    f.requests = server.requests_to(web_cabinet::core::api::Endpoint::OrderList).len();
    b.close().await;
    f
}

async fn measure_vanilla(page_size: u32, max_orders: u32) -> Figures {
    let server = TestServer::start(ConfigMode::Json(config(page_size))).await;
    server.state.backend.lock().unwrap().set_order_count(ORDERS);
    let b = Browser::start("en-US").await;
    b.client.goto(&server.url("/bench/vanilla.html")).await.expect("open");
    b.find("#list").await;
    let mut f = Figures { heap_before_mb: heap_mb(&b).await, ..Figures::default() };
    b.js(&format!("window.__run({page_size}, {max_orders})")).await;
    let visible_at =
        wait_for(&b, "window.__bench.firstVisibleAt", 30).await.as_f64().unwrap_or(0.0);
    let done_at = wait_for(&b, "window.__bench.doneAt", 600).await.as_f64().unwrap_or(0.0);
    let first = b.js(FIRST_RESPONSE).await;
    let (start, end) =
        (first["start"].as_f64().unwrap_or(0.0), first["end"].as_f64().unwrap_or(0.0));
    f.first_visible_ms = visible_at - end;
    f.all_ms = done_at - start;
    f.rows = num(&b, "window.__bench.rows").await;
    measure_loaded(&b, &mut f, "#list li", max_orders >= ORDERS).await;
    f.requests = server.requests_to(web_cabinet::core::api::Endpoint::OrderList).len();
    b.close().await;
    f
}

fn ratio(a: f64, b: f64) -> String {
    if b > 0.0 {
        format!("{:.2}×", a / b)
    } else {
        "—".into()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: run it with scripts/bench"]
async fn order_history_benchmark() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let page = 100;
    let app = measure_app(page, true).await;
    let vanilla = measure_vanilla(page, ORDERS).await;
    let app_1k = measure_app(1000, false).await;
    let vanilla_1k = measure_vanilla(1000, 1000).await;

    println!(
        "\n== order history benchmark: {ORDERS} orders, pages of {page}, headless Chromium =="
    );
    println!("{:<48} {:>12} {:>12} {:>10}", "figure", "web-cabinet", "vanilla JS", "ratio");
    let rows: [(&str, f64, f64); 12] = [
        (
            "first page: response → rows visible (ms)",
            app.first_visible_ms,
            vanilla.first_visible_ms,
        ),
        (
            "1 000-order page: response → visible (ms)",
            app_1k.first_visible_ms,
            vanilla_1k.first_visible_ms,
        ),
        ("all pages loaded and rendered (ms)", app.all_ms, vanilla.all_ms),
        ("orders loaded", app.rows, vanilla.rows),
        ("order-list requests", app.requests as f64, vanilla.requests as f64),
        ("DOM nodes with everything loaded", app.dom_nodes, vanilla.dom_nodes),
        ("row elements in the DOM", app.row_elements, vanilla.row_elements),
        ("JS heap before (MB)", app.heap_before_mb, vanilla.heap_before_mb),
        ("JS heap, all loaded (MB)", app.heap_loaded_mb, vanilla.heap_loaded_mb),
        ("JS heap, scrolled back to top (MB)", app.heap_back_mb, vanilla.heap_back_mb),
        ("scrolling: longest frame (ms)", app.frame_max_ms, vanilla.frame_max_ms),
        ("scrolling: 95th-percentile frame (ms)", app.frame_p95_ms, vanilla.frame_p95_ms),
    ];
    for (name, a, v) in rows {
        println!("{name:<48} {a:>12.1} {v:>12.1} {:>10}", ratio(a, v));
    }
    println!(
        "{:<48} {:>12} {:>12}",
        "scrolling: frames over 50 ms", app.frames_over_50, vanilla.frames_over_50
    );
    println!(
        "heap growth after paging through {ORDERS} and back: web-cabinet {:.1} MB, vanilla {:.1} MB",
        app.heap_back_mb - app.heap_before_mb,
        vanilla.heap_back_mb - vanilla.heap_before_mb
    );
    println!("targets: first page ≤ 100 ms after its response; 1 000 rows ≤ 1.25× vanilla; ≤ ~200 row elements; heap growth ≤ 5 MB; no frame over 50 ms");
}
