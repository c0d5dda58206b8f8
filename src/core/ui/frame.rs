//! Iframe mode. When the cabinet runs inside a frame and `cabinet.json` names the shop page's
//! origin (`parent_origin`), it tells that page — that origin only, never `*` — its height (so
//! the frame can grow with it: no inner scrollbar) and when the customer signs in or out. The
//! page may switch the cabinet's language; a message from any other origin, or from any window
//! but the parent, is ignored.
//!
//! Messages, all plain objects with a `type`:
//! - to the parent: `{type: "web-cabinet:height", height}`, `{type: "web-cabinet:signed-in"}`,
//!   `{type: "web-cabinet:signed-out"}`;
//! - from the parent: `{type: "web-cabinet:set-language", lang: "ru" | "en"}`, and
//!   `{type: "web-cabinet:viewport", top, height}`: which part of the frame the customer sees
//!   (from the frame's top, in CSS pixels), so that a long list inside a frame sized to its
//!   content still draws only the rows near that part ([`VisibleArea`]).

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

/// The part of the document the customer can see, for windowing long lists. On the cabinet's
/// own page (or embedded in one) it is the window's. In a frame sized to its content the
/// window is the whole content, so it is the part the parent page reports; until it reports,
/// it is unknown, and lists load more only when the browser says their end is in sight.
#[derive(Clone, Copy)]
pub struct VisibleArea {
    framed: bool,
    reported: RwSignal<Option<(f64, f64)>>,
}

impl VisibleArea {
    /// `(top, height)` in the document's coordinates; `None` in a frame whose parent has not
    /// said. Tracks the parent's reports, so an effect reading it runs again on each.
    pub fn get(&self) -> Option<(f64, f64)> {
        if self.framed {
            return self.reported.try_get().flatten();
        }
        let window = web_sys::window()?;
        let top = window.scroll_y().ok()?;
        let height = window.inner_height().ok()?.as_f64()?;
        Some((top, height))
    }
}

/// The visible area, as `connect` provided it.
pub fn use_visible_area() -> VisibleArea {
    expect_context::<VisibleArea>()
}

/// Start talking to the framing page, if there is one and it is the configured origin.
pub fn connect(origin: Option<String>, root: web_sys::HtmlElement, session: Session, i18n: I18n) {
    let framed_by = origin.zip(parent());
    let area = VisibleArea { framed: framed_by.is_some(), reported: RwSignal::new(None) };
    provide_context(area);
    let Some((origin, parent)) = framed_by else {
        return;
    };

    // Sign-in state, now and on every change.
    let (target, to) = (parent.clone(), origin.clone());
    effect(move || {
        let kind = if session.is_signed_in() { "signed-in" } else { "signed-out" };
        post(&target, &to, &format!(r#"{{"type":"web-cabinet:{kind}"}}"#));
    });

    // Height, whenever the cabinet's box changes. The box is its content's height here: the
    // page's `min-height: 100vh` would be the height the shop last gave the frame, so the frame
    // could grow but never shrink. (A style property set from script is not an inline style
    // attribute: the CSP allows it.)
    root.style().set_property("min-height", "0").ok();
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
        match text_field(&data, "type").as_deref() {
            Some("web-cabinet:set-language") => {
                if let Some(lang) = text_field(&data, "lang").and_then(|l| Lang::from_tag(&l)) {
                    i18n.lang.set(lang);
                }
            }
            Some("web-cabinet:viewport") => {
                let number = |key: &str| {
                    js_sys::Reflect::get(&data, &JsValue::from_str(key))
                        .ok()
                        .and_then(|v| v.as_f64())
                        .filter(|n| n.is_finite() && *n >= 0.0)
                };
                if let (Some(top), Some(height)) = (number("top"), number("height")) {
                    area.reported.set(Some((top, height)));
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}
