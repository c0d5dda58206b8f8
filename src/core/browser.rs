//! Thin, panic-free wrappers over the browser APIs the cabinet uses: storage, time, randomness,
//! the console. Every call tolerates a missing API (storage disabled, no window in native tests).

use wasm_bindgen::JsCast;

/// Which Web Storage area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Local,
    Session,
}

fn storage(area: Area) -> Option<web_sys::Storage> {
    // Natively (tests, the first screen drawn at build time) there is no browser to keep anything.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let window = web_sys::window()?;
    match area {
        Area::Local => window.local_storage().ok().flatten(),
        Area::Session => window.session_storage().ok().flatten(),
    }
}

pub fn load(area: Area, key: &str) -> Option<String> {
    storage(area)?.get_item(key).ok().flatten()
}

pub fn store(area: Area, key: &str, value: &str) {
    if let Some(s) = storage(area) {
        // Quota or privacy-mode failures: the value just isn't kept.
        let _ = s.set_item(key, value);
    }
}

pub fn remove(area: Area, key: &str) {
    if let Some(s) = storage(area) {
        let _ = s.remove_item(key);
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// 32 random bits (not for secrets: app ids and demo data only).
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// The browser's preferred language tags, best first.
pub fn languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let nav = window.navigator();
    let mut out: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if let Some(l) = nav.language() {
        out.push(l);
    }
    out
}

/// A User Timing mark (`performance.mark`): start-up milestones a merchant's real-user monitoring
/// and the start-up benchmark can read.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

pub fn error(message: &str) {
    web_sys::console::error_1(&message.into());
}

/// 16 bytes from the browser's cryptographic random source.
pub fn random_bytes16() -> Option<[u8; 16]> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 16];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}

/// The page's fragment without `#`, and its query without `?`.
pub fn location_fragment_and_query() -> (String, String) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return (String::new(), String::new());
    };
    let hash = location.hash().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    (hash.trim_start_matches('#').to_string(), search.trim_start_matches('?').to_string())
}

/// This page's origin (`https://shop.example`).
pub fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// Leave for another site (an OAuth provider).
pub fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Go on in a task of its own, after whatever the browser has waiting (a key typed, a paint):
/// a long start cut in two holds the page half as long at a time.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().and_then(|w| w.set_timeout_with_callback(&resolve).ok());
        if queued.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A promise that resolves (to `undefined`) after `ms`, without blocking the page: to race
/// against one that may never settle.
pub fn after_ms(ms: u32) -> js_sys::Promise {
    js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        }
    })
}

/// What the loader (or the bundle before this one) left for the app under `name` on the global
/// object, taken once: the slot is emptied, so nothing reads it twice or keeps it around.
pub fn take_global(name: &str) -> Option<wasm_bindgen::JsValue> {
    // Native (the first screen drawn at build time, the tests) there is no global object.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str(name);
    let value = js_sys::Reflect::get(&global, &key).ok().filter(|v| !v.is_undefined())?;
    js_sys::Reflect::delete_property(&global, &key).ok();
    Some(value)
}

/// Leave `value` under `name` on the global object, for the loader or the next bundle.
pub fn set_global(name: &str, value: &wasm_bindgen::JsValue) {
    js_sys::Reflect::set(&js_sys::global(), &wasm_bindgen::JsValue::from_str(name), value).ok();
}

/// The element the cabinet draws in, as remembered by [`set_tree`].
pub fn tree() -> Option<web_sys::Element> {
    TREE.with(|t| t.borrow().clone())?.dyn_into().ok()
}

/// The document's base URI (where `index.html` lives).
pub fn base_uri() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// The id of the element a page mounts the cabinet in (the loader draws the first screen there).
pub const MOUNT_ID: &str = "web-cabinet";

thread_local! {
    /// The element the cabinet draws in (inside a shadow root on a shop's page).
    static TREE: std::cell::RefCell<Option<web_sys::Node>> = const { std::cell::RefCell::new(None) };
}

/// Remember where the cabinet draws, for [`element_by_id`].
pub fn set_tree(root: &web_sys::HtmlElement) {
    TREE.with(|t| *t.borrow_mut() = Some(root.clone().into()));
}

/// The document or the shadow root the cabinet's tree is in.
enum TreeRoot {
    Document(web_sys::Document),
    Shadow(web_sys::ShadowRoot),
}

fn tree_root() -> Option<TreeRoot> {
    let root = TREE.with(|t| t.borrow().clone())?.get_root_node();
    match root.dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => Some(TreeRoot::Shadow(shadow)),
        Err(node) => node.dyn_into::<web_sys::Document>().ok().map(TreeRoot::Document),
    }
}

/// The cabinet's element with this id: looked up in the cabinet's own tree, which on a shop's
/// page is a shadow root the document's `getElementById` does not see into.
pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    match tree_root()? {
        TreeRoot::Shadow(shadow) => shadow.get_element_by_id(id),
        TreeRoot::Document(document) => document.get_element_by_id(id),
    }
}

/// The focused element, if it is the cabinet's: inside a shadow root the document names only
/// the shadow's host as focused.
pub fn focused_element() -> Option<web_sys::Element> {
    match tree_root()? {
        TreeRoot::Shadow(shadow) => shadow.active_element(),
        TreeRoot::Document(document) => document.active_element(),
    }
}

/// The first element under the cabinet's mount point matching `selector`.
pub fn select_in_tree(selector: &str) -> Option<web_sys::Element> {
    tree()?.query_selector(selector).ok().flatten()
}
