//! The deployment of `deploy/nginx/web-cabinet`, run for real: Debian's nginx serves the merchant
//! bundle (`dist/` plus a `cabinet.json`) with the repository's own config files, reverse-proxies
//! the API to the test server (which plays the shop's backend), and the browser goes through it:
//! headers, caching, compression, SPA fallback, the strict CSP on every screen, and the start-up
//! benchmark with and without Chromium's "Slow 4G" throttling, and (ignored: `scripts/bench`)
//! Google Lighthouse on sign-in and registration. Figures are printed, not asserted.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::Duration;

use support::browser::{Browser, Engine, ONE_AT_A_TIME};
use support::nginx::{get, Layout, Nginx};
use support::{dist_dir, http_config, ConfigMode, TestServer};
use web_cabinet::demo::{DEMO_LOGIN, DEMO_PASSWORD};

fn hashed(ext: &str) -> String {
    std::fs::read_dir(dist_dir())
        .expect("dist")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .find(|n| {
            let hash = n.strip_prefix("web-cabinet-").and_then(|r| r.strip_suffix(ext));
            hash.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
        })
        .unwrap_or_else(|| panic!("no hashed {ext} in dist/"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nginx_serves_the_bundle_as_deploy_says() {
    let backend = TestServer::start(ConfigMode::Json(http_config())).await;
    let nginx = Nginx::start(backend.addr);
    let port = nginx.port;

    let index = get(port, "/", &[]).await;
    assert_eq!(index.status, 200);
    assert!(index.header("content-type").starts_with("text/html"));
    assert_eq!(index.header("cache-control"), "no-cache");
    let csp = index.header("content-security-policy");
    assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{csp}");
    assert!(csp.contains("style-src 'self'") && csp.contains("frame-ancestors"), "{csp}");
    assert_eq!(index.header("x-content-type-options"), "nosniff");
    assert!(!String::from_utf8_lossy(&index.body).contains("<script type=\"module\">"));

    // Any cabinet route is the app (reload on /orders/123 works).
    let deep = get(port, "/orders/123?x=1", &[]).await;
    assert_eq!(deep.status, 200);
    let page = String::from_utf8_lossy(&deep.body);
    assert!(page.contains("id=web-cabinet") || page.contains("id=\"web-cabinet\""), "{page}");
    assert_eq!(deep.header("cache-control"), "no-cache");

    // A personal cabinet asks not to be indexed, and says what it is.
    let html = String::from_utf8_lossy(&index.body).to_string();
    assert!(html.contains("noindex"), "no robots meta: {html}");
    assert!(html.contains("name=description") || html.contains("name=\"description\""), "{html}");
    assert!(index.header("x-robots-tag").contains("noindex"), "{:?}", index.header("x-robots-tag"));
    // Static-looking paths the bundle does not have are 404s, never the app's HTML (a crawler
    // reading index.html as robots rules); an order id with a dot is still a route.
    for missing in [
        "/robots.txt",
        "/sitemap.xml",
        "/favicon.ico",
        "/web-cabinet-0123456789abcdef.js",
        "/wp-login.php",
    ] {
        let answer = get(port, missing, &[]).await;
        assert_eq!(answer.status, 404, "{missing}");
        assert!(!String::from_utf8_lossy(&answer.body).contains("web-cabinet"), "{missing}");
    }
    let dotted = get(port, "/orders/2024.17", &[]).await;
    assert_eq!(dotted.status, 200);
    assert!(String::from_utf8_lossy(&dotted.body).contains("web-cabinet"));
    let icon = get(port, "/favicon.svg", &[]).await;
    assert_eq!(icon.status, 200, "files the bundle has are served");

    // The stable loader revalidates; hashed files are cached for a year, compressed.
    let loader = get(port, "/web-cabinet.js", &[]).await;
    assert_eq!(loader.status, 200);
    assert_eq!(loader.header("cache-control"), "no-cache");
    assert!(loader.header("content-type").contains("javascript"));
    // The setup check's bundle: its loader revalidates too, its page is the app's.
    let part = get(port, "/setup-check/web-cabinet.js", &[]).await;
    assert_eq!((part.status, part.header("cache-control")), (200, "no-cache"));
    let page = get(port, "/setup-check", &[]).await;
    assert!(page.status == 200 && String::from_utf8_lossy(&page.body).contains("web-cabinet.js"));
    let wasm = format!("/{}", hashed("_bg.wasm"));
    let br = get(port, &wasm, &[("Accept-Encoding", "gzip, br")]).await;
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-type"), "application/wasm");
    assert_eq!(br.header("content-encoding"), "br");
    assert!(br.header("cache-control").contains("immutable"), "{}", br.header("cache-control"));
    assert!(br.header("content-security-policy").contains("default-src 'self'"));
    let gz = get(port, &wasm, &[("Accept-Encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), "gzip");
    let js = get(port, &format!("/{}", hashed(".js")), &[("Accept-Encoding", "br")]).await;
    assert!(js.header("cache-control").contains("max-age=31536000"));

    // The API, proxied on the same origin to the backend.
    let api = get(port, "/api/mobium.php?method=getRegistrationFields", &[]).await;
    assert_eq!(api.status, 200);
    assert!(String::from_utf8_lossy(&api.body).contains("\"status\""));
    assert_eq!(api.header("cache-control"), "no-store");
    assert_eq!(backend.log().len(), 1, "the request reached the backend");

    let size = std::fs::metadata(dist_dir().join(&wasm[1..])).map(|m| m.len()).unwrap_or(0);
    println!(
        "nginx: wasm {} bytes raw, {} brotli on the wire, {} gzip",
        size,
        br.body.len(),
        gz.body.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_through_nginx_under_the_strict_csp() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let backend = TestServer::start(ConfigMode::Json(http_config())).await;
    let nginx = Nginx::start(backend.addr);
    let b = Browser::start("en-US").await;
    b.client.goto(&nginx.url("/register")).await.expect("open");
    b.find("form").await;
    b.client.goto(&nginx.url("/recover")).await.expect("open");
    b.find("form").await;
    b.client.goto(&nginx.url("/sign-in")).await.expect("open");
    b.sign_in_as_demo_customer().await;
    b.wait_path("/profile").await;
    b.wait_text(".wc-name h2", "Анна").await;
    b.click("a.wc-nav-link[href='/orders']").await;
    b.wait_path("/orders").await;
    b.find(".wc-order-row a").await;
    b.click(".wc-order-row:first-child a").await;
    b.find(".wc-items").await;
    // A reload deep inside the app goes through nginx's fallback.
    b.client.refresh().await.expect("reload");
    b.find(".wc-items").await;
    b.click("a.wc-nav-link[href='/profile']").await;
    b.click(".wc-sign-out").await;
    b.wait_path("/sign-in").await;
    assert!(!b.crashed().await);
    b.close().await;
    // Reports are sent as violations happen; give the last ones a moment.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(backend.csp_reports().is_empty(), "{:?}", backend.csp_reports());
    assert!(backend.log().len() >= 4, "the journey went through the proxy");
}

/// The README's merchant steps for a shop on the published module, followed literally: the
/// preset `cabinet.json` it says to copy, the shipped nginx configuration — on a host of its own
/// (`site.conf`) and under the shop's `/lk/` (`lk.conf`, the bundle built with `--public-url
/// /lk/`) — and a server shaped like the module (its method names, its "method does not exist",
/// barcode URLs written from the `Host` it is asked with). The setup check finds nothing to fix;
/// recovery, sign-in, the profile with its barcode loaded through the proxy, an edit, the orders
/// and sign-out work. When the README's steps change, this journey changes with them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readme_steps_for_the_published_module() {
    for layout in [Layout::OwnHost, Layout::UnderLk] {
        readme_steps(layout).await;
    }
}

async fn readme_steps(layout: Layout) {
    let _turn = ONE_AT_A_TIME.lock().await;
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/public/cabinet.example.json");
    let config = std::fs::read_to_string(example).expect("public/cabinet.example.json");
    let backend = TestServer::start(ConfigMode::Json(config.clone())).await;
    backend.set_published_module();
    backend.set_order_count(5);
    let nginx = Nginx::start_as(layout, backend.addr, &config);
    let at = if layout == Layout::UnderLk { "/lk" } else { "" };
    let port = nginx.port;

    // Every route is the app's page, the manifest has its type, the loader its caching.
    for route in ["/", "/sign-in", "/profile", "/orders/2024.17", "/setup-check"] {
        let page = get(port, &format!("{at}{route}"), &[]).await;
        let html = String::from_utf8_lossy(&page.body).to_string();
        assert_eq!(page.status, 200, "{layout:?} {route}");
        assert!(html.contains("web-cabinet.js"), "{layout:?} {route}: {html}");
    }
    let manifest = get(port, &format!("{at}/manifest.webmanifest"), &[]).await;
    assert_eq!(manifest.header("content-type"), "application/manifest+json", "{layout:?}");
    let loader = get(port, &format!("{at}/web-cabinet.js"), &[("Accept-Encoding", "br")]).await;
    assert_eq!(loader.header("cache-control"), "no-cache", "{layout:?}");
    assert_eq!(loader.header("content-encoding"), "br", "{layout:?}: brotli by the steps");
    if layout == Layout::UnderLk {
        let shop = get(port, "/", &[]).await;
        assert!(String::from_utf8_lossy(&shop.body).contains("The shop's own page"));
        assert_eq!(get(port, "/lk", &[]).await.status, 301);
    }

    let b = Browser::start("en-US").await;
    b.client.goto(&nginx.url(&format!("{at}/setup-check"))).await.expect("open");
    for key in
        ["regFields_url", "auth_url", "logout_url", "recovery_url", "verification_change_url"]
    {
        b.wait_text(&format!("[data-endpoint={key}] .wc-setup-verdict"), "Fine").await;
    }
    b.client.goto(&nginx.url(&format!("{at}/recover"))).await.expect("open");
    b.type_into("#wc-f-email", DEMO_LOGIN).await;
    b.click("button[type=submit]").await;
    b.wait_text(".wc-banner--info", DEMO_LOGIN).await;

    b.client.goto(&nginx.url(&format!("{at}/sign-in"))).await.expect("open");
    b.sign_in_as_demo_customer().await;
    b.wait_path(&format!("{at}/profile")).await;
    // The module wrote the barcode's URL from the Host nginx passed: this origin's /upload/.
    let barcode = b.find("img.wc-barcode").await;
    let src = barcode.attr("src").await.unwrap().unwrap_or_default();
    assert!(src.starts_with(&nginx.url("/upload/barcodes/")), "{layout:?}: {src}");
    let mut loaded = false;
    for _ in 0..50 {
        loaded = b.js("const i = document.querySelector('img.wc-barcode'); return i.complete && i.naturalWidth > 0").await
            == serde_json::Value::Bool(true);
        if loaded {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(loaded, "{layout:?}: the barcode did not load through nginx");
    b.screenshot(&format!("readme-steps-{layout:?}-profile-phone").to_lowercase(), 390, 844).await;
    b.click(".wc-name .wc-edit-button").await;
    b.type_into("#wc-edit-f-name", "Анна С.").await;
    b.click(".wc-edit button[type=submit]").await;
    b.wait_text(".wc-name h2", "Анна С.").await;
    b.click(&format!("a.wc-nav-link[href='{at}/orders']")).await;
    b.wait_path(&format!("{at}/orders")).await;
    b.wait_text(".wc-list-footer", "5").await;
    b.click(&format!("a.wc-nav-link[href='{at}/profile']")).await;
    b.click(".wc-sign-out").await;
    b.wait_path(&format!("{at}/sign-in")).await;
    assert!(!backend.requests_to(web_cabinet::core::api::Endpoint::Logout).is_empty());
    b.screenshot(&format!("readme-steps-{layout:?}-phone").to_lowercase(), 390, 844).await;
    assert!(!b.crashed().await);
    b.close().await;
}

/// Network conditions: round trip in ms, bytes per second down and up.
type Throttle = (f64, f64, f64);

/// Chromium DevTools' "Slow 4G" preset: 562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up.
const SLOW_4G: Throttle = (562.5, 180_000.0, 84_375.0);

struct StartUp {
    /// The first screen on the page (the loader drew it).
    visible_ms: f64,
    interactive_ms: f64,
    labelled_ms: f64,
    bytes: f64,
    /// How many times each file was fetched (Resource Timing), by file name.
    fetches: Vec<(String, u64)>,
}

async fn start_up(nginx: &Nginx, throttle: Option<Throttle>) -> StartUp {
    // A fresh browser profile each time: a cold cache.
    let b = Browser::start("en-US").await;
    if let Some((latency, down, up)) = throttle {
        b.throttle(latency, down, up).await;
    }
    b.client.goto(&nginx.url("/sign-in")).await.expect("open");
    b.find("#wc-login").await;
    let mut figures = serde_json::Value::Null;
    for _ in 0..300 {
        figures = b
            .js("const m = n => (performance.getEntriesByName(n)[0] || {}).startTime; \
                 const nav = performance.getEntriesByType('navigation')[0]; \
                 const res = performance.getEntriesByType('resource'); \
                 const fetches = {}; \
                 for (const r of res) { const n = r.name.split('/').pop().split('?')[0]; fetches[n] = (fetches[n] || 0) + 1; } \
                 const first = res.filter(r => !r.name.includes('/signed-in/')); \
                 return { v: m('web-cabinet:first-screen'), i: m('web-cabinet:sign-in-interactive'), l: m('web-cabinet:sign-in-labelled'), \
                   bytes: nav.transferSize + first.reduce((s, r) => s + r.transferSize, 0), fetches };")
            .await;
        if figures["l"].is_number() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    b.close().await;
    let fetches = figures["fetches"]
        .as_object()
        .map(|m| m.iter().map(|(k, v)| (k.clone(), v.as_u64().unwrap_or(0))).collect())
        .unwrap_or_default();
    StartUp {
        visible_ms: figures["v"].as_f64().unwrap_or(f64::NAN),
        interactive_ms: figures["i"].as_f64().unwrap_or(f64::NAN),
        labelled_ms: figures["l"].as_f64().unwrap_or(f64::NAN),
        bytes: figures["bytes"].as_f64().unwrap_or(f64::NAN),
        fetches,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_up_benchmark_through_nginx() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let backend = TestServer::start(ConfigMode::Json(http_config())).await;
    let nginx = Nginx::start(backend.addr);
    let engine = Engine::current();
    // Only Chromium's driver can throttle the network.
    let runs: &[(&str, Option<Throttle>)] = match engine {
        Engine::Chromium => &[("no throttling", None), ("Slow 4G", Some(SLOW_4G))],
        _ => &[("no throttling", None)],
    };
    println!(
        "start-up in {}, cold cache, nginx with brotli (time from navigation start):",
        engine.name()
    );
    for (name, throttle) in runs {
        let s = start_up(&nginx, *throttle).await;
        assert!(s.interactive_ms.is_finite(), "the sign-in form never became interactive");
        println!(
            "  {name:<14} sign-in form visible {:>6.0} ms, the app's {:>6.0} ms, labelled by the \
             server {:>6.0} ms, {:>7.0} bytes transferred for the first load (targets under Slow 4G: visible 1500 ms, \
             interactive 2500 ms)",
            s.visible_ms, s.interactive_ms, s.labelled_ms, s.bytes
        );
        println!("  fetched: {:?}", s.fetches);
        // Each first-load file once: WebKit never hands a preload to a later fetch(), which
        // cost the wasm twice there before the loader fetched it itself.
        let twice: Vec<&(String, u64)> = s
            .fetches
            .iter()
            .filter(|(n, c)| {
                *c > 1 && [".wasm", ".js", ".css", ".json"].iter().any(|e| n.ends_with(e))
            })
            .collect();
        assert!(twice.is_empty(), "{}: files fetched more than once: {twice:?}", engine.name());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_into_the_first_screen_on_slow_4g_loses_nothing() {
    let _turn = ONE_AT_A_TIME.lock().await;
    if Engine::current() != Engine::Chromium {
        println!(
            "only Chromium's driver can throttle the network: the held-wasm journeys cover this"
        );
        return;
    }
    let backend = TestServer::start(ConfigMode::Json(http_config())).await;
    let nginx = Nginx::start(backend.addr);
    let b = Browser::start("en-US").await;
    let (latency, down, up) = SLOW_4G;
    b.throttle(latency, down, up).await;
    b.client.goto(&nginx.url("/sign-in")).await.expect("open");
    // The customer types as soon as the form is there, the wasm still on its way.
    let login = b.first_screen("#wc-login").await;
    login.click().await.expect("focus the login");
    login.send_keys(DEMO_LOGIN).await.expect("type the login");
    let password = b.first_screen("#wc-password").await;
    password.click().await.expect("focus the password");
    password.send_keys(DEMO_PASSWORD).await.expect("type the password");
    let before_app = b.js("return !!document.querySelector('[data-first-screen]');").await;
    assert_eq!(before_app, true, "typed into the first screen before the app took it over");
    b.wait_take_over().await;
    assert_eq!(b.value("#wc-login").await, DEMO_LOGIN);
    assert_eq!(b.value("#wc-password").await, DEMO_PASSWORD);
    assert_eq!(b.focused().await, "wc-password", "the focus stays where it was");
    let caret = b.js("return document.activeElement.selectionStart;").await;
    assert_eq!(caret.as_u64(), Some(DEMO_PASSWORD.len() as u64), "the caret stays at the end");
    b.click("button[type=submit]").await;
    b.wait_path("/profile").await;
    assert!(!b.crashed().await);
    b.close().await;
}

/// Google Lighthouse's figures for one page, as a merchant evaluating the cabinet would read them.
struct Lighthouse {
    performance: f64,
    accessibility: f64,
    best_practices: f64,
    fcp_ms: f64,
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
    interactive_ms: f64,
}

/// Run Lighthouse (npm, installed by `scripts/setup --bench`) on `url` in the Chromium the suite
/// uses: mobile, its default simulated throttling (150 ms round trip, 1.6 Mbit/s, a 4× slower
/// CPU), a fresh profile.
async fn lighthouse(url: &str) -> Lighthouse {
    let tools = std::env::var("WEB_CABINET_TOOLS")
        .unwrap_or_else(|_| format!("{}/.cache/web-cabinet", std::env::var("HOME").unwrap()));
    let cli = format!("{tools}/npm/node_modules/lighthouse/cli/index.js");
    assert!(std::path::Path::new(&cli).is_file(), "no Lighthouse: run scripts/setup --bench");
    let report = std::env::temp_dir().join(format!("wc-lighthouse-{}.json", std::process::id()));
    let status = tokio::process::Command::new("node")
        .arg(&cli)
        .arg(url)
        .arg("--quiet")
        .arg("--output=json")
        .arg("--save-assets")
        .arg(format!("--output-path={}", report.display()))
        .arg("--only-categories=performance,accessibility,best-practices")
        .arg("--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage")
        .env("CHROME_PATH", support::browser::chromium())
        .status()
        .await
        .expect("run lighthouse");
    assert!(status.success(), "lighthouse failed on {url}");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("the report")).unwrap();
    // The last report and trace of each page stay in target/lighthouse/ for a look at what
    // Lighthouse blames (long tasks, the largest paint's element, the request chains).
    let kept = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/lighthouse");
    std::fs::create_dir_all(&kept).ok();
    let page = url.rsplit('/').next().filter(|p| !p.is_empty()).unwrap_or("index");
    // --save-assets names them after the report: `<name>-0.trace.json`, `-0.devtoolslog.json`.
    let asset = |kind: &str| {
        report.with_file_name(format!("wc-lighthouse-{}-0.{kind}.json", std::process::id()))
    };
    let trace = asset("trace");
    std::fs::copy(&report, kept.join(format!("{page}.json"))).ok();
    std::fs::copy(&trace, kept.join(format!("{page}.trace.json"))).ok();
    for written in [&report, &trace, &asset("devtoolslog")] {
        std::fs::remove_file(written).ok();
    }
    let score = |category: &str| json["categories"][category]["score"].as_f64().unwrap_or(f64::NAN);
    let audit = |id: &str| json["audits"][id]["numericValue"].as_f64().unwrap_or(f64::NAN);
    Lighthouse {
        performance: score("performance"),
        accessibility: score("accessibility"),
        best_practices: score("best-practices"),
        fcp_ms: audit("first-contentful-paint"),
        lcp_ms: audit("largest-contentful-paint"),
        tbt_ms: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        interactive_ms: audit("interactive"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: scripts/bench runs it (it needs scripts/setup --bench)"]
async fn lighthouse_through_nginx() {
    let _turn = ONE_AT_A_TIME.lock().await;
    let backend = TestServer::start(ConfigMode::Json(http_config())).await;
    let nginx = Nginx::start(backend.addr);
    println!(
        "  {:<10} {:>5} {:>7} {:>7} {:>6} {:>5} {:>7} {:>5} {:>5}",
        "page", "perf", "FCP ms", "LCP ms", "TBT ms", "CLS", "TTI ms", "a11y", "BP"
    );
    for page in ["/sign-in", "/register"] {
        // Two runs each: Lighthouse's simulation still moves with the machine's load.
        for _ in 0..2 {
            let l = lighthouse(&nginx.url(page)).await;
            println!(
                "  {page:<10} {:>5.2} {:>7.0} {:>7.0} {:>6.0} {:>5.3} {:>7.0} {:>5.2} {:>5.2}",
                l.performance,
                l.fcp_ms,
                l.lcp_ms,
                l.tbt_ms,
                l.cls,
                l.interactive_ms,
                l.accessibility,
                l.best_practices
            );
        }
    }
}
