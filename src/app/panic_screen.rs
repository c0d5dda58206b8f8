//! The panic screen: a panic freezes the reactive system, so a plain-DOM overlay asks for a
//! reload, in both languages.

use crate::core::browser::{self};

/// On a panic, replace the frozen page with a "reload" screen, built with plain DOM calls (the
/// reactive system may be what broke). Both languages: the language signal may be gone too.
pub(super) fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        browser::error(&format!("web-cabinet stopped: {info}"));
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(overlay) = document.create_element("div") else {
            return;
        };
        overlay.set_class_name("wc-crash");
        overlay.set_attribute("role", "alertdialog").ok();
        overlay.set_attribute("aria-labelledby", "wc-crash-title").ok();
        let title = document.create_element("p").ok();
        if let Some(t) = &title {
            t.set_id("wc-crash-title");
            t.set_text_content(Some(
                "Что-то пошло не так. Перезагрузите страницу. / Something went wrong. Please reload the page.",
            ));
            overlay.append_child(t).ok();
        }
        // A link to this very page reloads it without running any of our (broken) code.
        if let Ok(link) = document.create_element("a") {
            let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            link.set_attribute("href", &here).ok();
            link.set_class_name("wc-button");
            link.set_text_content(Some("Перезагрузить / Reload"));
            overlay.append_child(&link).ok();
        }
        if let Some(body) = document.body() {
            body.append_child(&overlay).ok();
        }
    }));
}
