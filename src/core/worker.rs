//! The offline service worker (`web-cabinet-sw.js`, written by `scripts/offline.mjs` into release
//! builds): registered when the cabinet is on a page of its own and `cabinet.json` does not say
//! `"offline": false`; otherwise a worker an earlier visit registered is removed, with its caches,
//! so turning it off takes effect on the next visit.
//!
//! A page of its own means the page sits under the worker's folder and the mount element names
//! no `data-base`: a shop's CMS page that embeds the cabinet is the shop's, and a worker must not
//! answer for it. Failures (no service workers in this browser, storage denied, a private window)
//! leave the cabinet as it is without one: online only, nothing to tell the customer.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::browser;
use crate::core::logic::url;

/// The loader leaves the worker's URL here in release builds (`null` in development ones).
const WORKER_URL: &str = "__webCabinetWorker";
/// The worker's caches are named `web-cabinet-<build>`.
const CACHE_PREFIX: &str = "web-cabinet-";
/// Posted to the worker before it is removed (`scripts/offline.mjs`, `RETIRE`).
const RETIRE: &str = "web-cabinet:retire";
/// How long the removal waits for the worker's answer (one of an earlier build gives none).
const RETIRE_WAIT_MS: u32 = 1000;

/// Whether this page may be served by the worker at `worker_url`: under its folder, and not a
/// page the cabinet is embedded in. Pure, for the tests.
pub fn may_serve(page_url: &str, worker_url: &str, embedded: bool) -> bool {
    let scope = match worker_url.rfind('/') {
        Some(i) => &worker_url[..=i],
        None => return false,
    };
    !embedded && page_url.starts_with(scope) && url::is_http(worker_url)
}

fn worker_url() -> Option<String> {
    let value = js_sys::Reflect::get(&js_sys::global(), &WORKER_URL.into()).ok()?;
    value.as_string().filter(|u| !u.is_empty())
}

/// Register or remove the worker, as `offline` and the page allow. Runs in the background.
pub fn sync(offline: bool, embedded: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Only secure contexts (https, localhost) have `navigator.serviceWorker`.
    if !js_sys::Reflect::has(&window.navigator(), &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let page = window.location().href().unwrap_or_default();
    let wanted = worker_url().filter(|w| offline && may_serve(&page, w, embedded));
    leptos::task::spawn_local(async move {
        let result = match wanted {
            Some(worker) => register(&worker).await,
            None if !embedded => remove().await,
            None => Ok(()),
        };
        if let Err(e) = result {
            browser::warn(&format!("web-cabinet: offline worker: {e:?}"));
        }
    });
}

async fn register(worker: &str) -> Result<(), wasm_bindgen::JsValue> {
    let container = web_sys::window().ok_or("no window")?.navigator().service_worker();
    JsFuture::from(container.register(worker)).await?;
    Ok(())
}

/// Unregister the cabinet's worker at this page and drop its caches.
async fn remove() -> Result<(), wasm_bindgen::JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let container = window.navigator().service_worker();
    retire(&container).await;
    let found = JsFuture::from(container.get_registration()).await?;
    if let Ok(registration) = found.dyn_into::<web_sys::ServiceWorkerRegistration>() {
        JsFuture::from(registration.unregister()?).await?;
    }
    let caches = window.caches()?;
    let names: js_sys::Array = JsFuture::from(caches.keys()).await?.dyn_into()?;
    for name in names.iter().filter_map(|n| n.as_string()) {
        if name.starts_with(CACHE_PREFIX) {
            JsFuture::from(caches.delete(&name)).await?;
        }
    }
    Ok(())
}

/// Ask the worker answering for this page to keep nothing more, and wait until it has finished
/// what it was keeping: opening a cache creates it, so an answer it kept after the caches were
/// removed would bring one back. A worker of an earlier build does not answer; the removal then
/// goes on after a second.
async fn retire(container: &web_sys::ServiceWorkerContainer) {
    let Some(worker) = container.controller() else {
        return;
    };
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let answered = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    let ports = js_sys::Array::of1(&channel.port2());
    if worker.post_message_with_transferable(&RETIRE.into(), &ports).is_ok() {
        let first = js_sys::Array::of2(&answered, &browser::after_ms(RETIRE_WAIT_MS));
        let _ = JsFuture::from(js_sys::Promise::race(&first)).await;
    }
    channel.port1().close();
}

#[cfg(test)]
mod tests {
    use super::may_serve;

    #[test]
    fn only_pages_under_the_workers_folder_and_never_an_embedding_page() {
        let worker = "https://shop.example/lk/web-cabinet-sw.js";
        assert!(may_serve("https://shop.example/lk/profile", worker, false));
        assert!(may_serve("https://shop.example/lk/", worker, false));
        assert!(!may_serve("https://shop.example/account", worker, false), "outside its folder");
        assert!(!may_serve("https://shop.example/lk/profile", worker, true), "an embedding page");
        assert!(!may_serve("https://other.example/lk/", worker, false));
        assert!(!may_serve("https://shop.example/lk/", "web-cabinet-sw.js", false));
    }
}
