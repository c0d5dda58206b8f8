//! The answer the loader asked for before the app was there: the sign-in form's fields, requested
//! while the wasm downloads (`scripts/loader.mjs`, from the config's own keys as
//! `src/bin/predraw.rs` names them). Taken once, by the first request for that very address; a
//! request for any other address (a config the loader read otherwise) asks the server itself.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The loader leaves a promise of `{url, answer}` here (or of nothing, when it asked for nothing).
const EARLY_FIELDS: &str = "__webCabinetFields";

/// The loader's answer for `url` (a promise of a `Response`), once.
pub async fn take(url: &str) -> Option<js_sys::Promise> {
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    // Gone before the wait: a second request never waits for an answer that is not its own.
    let slot: js_sys::Promise = crate::core::browser::take_global(EARLY_FIELDS)?.dyn_into().ok()?;
    let asked = JsFuture::from(slot).await.ok().filter(JsValue::is_object)?;
    let same = js_sys::Reflect::get(&asked, &"url".into()).ok()?.as_string()? == url;
    let answer = js_sys::Reflect::get(&asked, &"answer".into()).ok()?;
    same.then(|| answer.dyn_into().ok()).flatten()
}
