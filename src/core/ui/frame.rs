//! Iframe mode. When the cabinet runs inside a frame and `cabinet.json` names the shop page's
//! origin (`parent_origin`), it tells that page — that origin only, never `*` — its height (so
//! the frame can grow with it: no inner scrollbar) and when the customer signs in or out. The
//! page may switch the cabinet's language; a message from any other origin, or from any window
//! but the parent, is ignored.
//!
//! Messages, all plain objects with a `type`:
//! - to the parent: `{type: "web-cabinet:height", height}`, `{type: "web-cabinet:signed-in"}`,
//!   `{type: "web-cabinet:signed-out"}`;
//! - from the parent: `{type: "web-cabinet:set-language", lang: "ru" | "en"}`.

use leptos::prelude::*;

use crate::core::ui::effect::effect;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::i18n::I18n;
use crate::core::logic::locale::Lang;
use crate::core::session::Session;

/// The parent window, when this page is framed.
fn parent() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(parent: &web_sys::Window, origin: &str, message: &str) {
    if let Ok(value) = js_sys::JSON::parse(message) {
        let _ = parent.post_message(&value, origin);
    }
}

fn text_field(value: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).ok()?.as_string()
}

/// Start talking to the framing page, if there is one and it is the configured origin.
pub fn connect(origin: Option<String>, root: web_sys::HtmlElement, session: Session, i18n: I18n) {
    let (Some(origin), Some(parent)) = (origin, parent()) else {
        return;
    };

    // Sign-in state, now and on every change.
    let (target, to) = (parent.clone(), origin.clone());
    effect(move || {
        let kind = if session.is_signed_in() { "signed-in" } else { "signed-out" };
        post(&target, &to, &format!(r#"{{"type":"web-cabinet:{kind}"}}"#));
    });

    // Height, whenever the cabinet's box changes.
    let (target, to, measured) = (parent.clone(), origin.clone(), root.clone());
    let last = std::cell::Cell::new(-1);
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = measured.offset_top() + measured.offset_height();
        if height != last.replace(height) {
            post(&target, &to, &format!(r#"{{"type":"web-cabinet:height","height":{height}}}"#));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
        let kept = SendWrapper::new((observer, on_resize));
        on_cleanup(move || kept.0.disconnect());
    }

    // Requests from the parent page: its origin, its window, nothing else.
    let handle = window_event_listener(leptos::ev::message, move |event| {
        let from_parent = event.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
        if event.origin() != origin || !from_parent {
            return;
        }
        let data = event.data();
        if text_field(&data, "type").as_deref() == Some("web-cabinet:set-language") {
            if let Some(lang) = text_field(&data, "lang").and_then(|l| Lang::from_tag(&l)) {
                i18n.lang.set(lang);
            }
        }
    });
    on_cleanup(move || handle.remove());
}
