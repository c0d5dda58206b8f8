//! Start-up and the top of the view tree: find the mount element (in a shadow root on a shop's
//! page), install the panic screen, then `boot` loads `cabinet.json` and `cabinet` builds the
//! client and session, provides them as context, guards and routes.
//!
//! - `boot`: where the config comes from, loading it, and what the customer sees meanwhile or
//!   when it fails;
//! - `cabinet`: the started cabinet — client, session, what each feature keeps for a session,
//!   the one guard, which screen each `Route` shows;
//! - `panic_screen`: the "reload" screen a panic leaves;
//! - `signed_in_bundle`: how the sign-in screens' bundle hands the page to the whole cabinet.

mod boot;
mod cabinet;
#[cfg(not(target_arch = "wasm32"))]
pub mod first_screen;
mod panic_screen;
#[cfg(not(feature = "signed-in"))]
mod signed_in_bundle;

use boot::{Boot, ConfigSource, PageHints};
use panic_screen::install_panic_screen;

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::core::browser::{self, MOUNT_ID};
use crate::core::logic::url;

/// Mount the cabinet into `#web-cabinet` (or the body when the page has none).
pub fn start() {
    install_panic_screen();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let host: Option<web_sys::HtmlElement> = document
        .get_element_by_id(MOUNT_ID)
        .and_then(|e| e.dyn_into().ok())
        .or_else(|| document.body());
    let Some(host) = host else {
        return;
    };
    let explicit = host.get_attribute("data-config").filter(|s| !s.trim().is_empty());
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    // Routes live under the page's `data-base`, else under its `<base href>` (a cabinet served
    // from /lk/), else at the root.
    let has_base_element = document.query_selector("base[href]").ok().flatten().is_some();
    let route_base = match host.get_attribute("data-base") {
        Some(raw) => url::route_base(&raw),
        None if has_base_element => url::route_base(url::path_of(&base)),
        None => String::new(),
    };
    // A page of the shop's that embeds the cabinet (it names where the cabinet's routes live or
    // where its config is) is not the cabinet's to serve offline.
    let embedded = explicit.is_some() || host.get_attribute("data-base").is_some();
    let source = ConfigSource {
        embedded,
        url: url::resolve(&base, explicit.as_deref().unwrap_or("cabinet.json")).unwrap_or_default(),
        explicit: explicit.is_some(),
        page: PageHints::read(&host),
        route_base,
    };
    // On a shop's page the cabinet draws in a shadow root: the shop's selectors, `!important`
    // or not, cannot reach in, and its inherited styles stop at the edge (`:host` in
    // cabinet.css). On its own page there is nothing to keep out.
    let root = embedded.then(|| isolated_root(&document, &host)).flatten().unwrap_or(host);
    root.class_list().add_1("wc-root").ok();
    browser::set_tree(&root);
    let mounted = root.clone();
    let app = leptos::mount::mount_to(mounted, move || view! { <Boot source root/> });
    // The whole cabinet lives as long as the page; the sign-in screens' bundle ends when it
    // hands the page over to it.
    #[cfg(feature = "signed-in")]
    app.forget();
    #[cfg(not(feature = "signed-in"))]
    signed_in_bundle::keep_mounted(Box::new(app));
}

/// The loader leaves the cabinet's stylesheets' URLs here (`scripts/loader.mjs`).
const LOADED_STYLES: &str = "__webCabinetStyles";

/// The element the cabinet draws in on a shop's page, in a shadow root.
const SHADOWED_CLASS: &str = "wc-shadowed";

/// A shadow root on `host` holding the cabinet's stylesheets and an element to draw in; `None`
/// where the browser cannot attach one (the cabinet then draws in the page as before). The
/// loader may have made it already, to draw the first screen in (`scripts/loader.mjs`).
fn isolated_root(
    document: &web_sys::Document,
    host: &web_sys::HtmlElement,
) -> Option<web_sys::HtmlElement> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => {
            host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).ok()?
        }
    };
    let drawn = shadow.query_selector(&format!(".{SHADOWED_CLASS}")).ok().flatten();
    if let Some(inner) = drawn.and_then(|inner| inner.dyn_into().ok()) {
        return Some(inner);
    }
    let styles = js_sys::Reflect::get(&js_sys::global(), &LOADED_STYLES.into())
        .map(|s| js_sys::Array::from(&s))
        .unwrap_or_default();
    for href in styles.iter() {
        let link = document.create_element("link").ok()?;
        link.set_attribute("rel", "stylesheet").ok()?;
        link.set_attribute("href", &href.as_string()?).ok()?;
        shadow.append_child(&link).ok()?;
    }
    let inner: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    inner.class_list().add_1(SHADOWED_CLASS).ok()?;
    shadow.append_child(&inner).ok()?;
    Some(inner)
}
