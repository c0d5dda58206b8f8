//! The customers' release comes as two bundles (`scripts/build`): the sign-in screens' (sign-in,
//! registration, recovery), which a first visit downloads, and the whole cabinet, which a
//! customer with a kept session starts with and which the loader fetches while a visitor types
//! into the sign-in form. A first visit so downloads about a quarter less before the form works.
//!
//! The sign-in screens' bundle, built without the `signed-in` feature, has no profile or orders:
//! when its guard shows one of them (the customer has just signed in, or follows a link to an
//! order), it hands the page over without a reload. What it shows stays on the page as the next
//! bundle's first screen (`core::handover`), the session goes along (`Session::hand_over`), the
//! app unmounts itself — every effect, listener and channel of it ends with it — and the loader
//! starts the whole cabinet in the same place, at the same address.

use std::any::Any;
use std::cell::{Cell, RefCell};

use wasm_bindgen::{JsCast, JsValue};

use crate::core::browser;
use crate::core::session::Session;

/// The loader's function that starts the whole cabinet on this page (`scripts/loader.mjs`).
const START_SIGNED_IN: &str = "__webCabinetSignedIn";
/// The loader marks the first screen with this attribute; the next bundle takes it over.
const FIRST_SCREEN: &str = "data-first-screen";

thread_local! {
    /// The mounted app (a Leptos `UnmountHandle`): dropping it unmounts the app and disposes of
    /// everything it owns.
    static MOUNTED: RefCell<Option<Box<dyn Any>>> = RefCell::new(None);
    static HANDED: Cell<bool> = const { Cell::new(false) };
}

/// Keep the mounted app, to end it when the page goes to the other bundle.
pub(super) fn keep_mounted(handle: Box<dyn Any>) {
    MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(handle));
}

/// Hand the page to the whole cabinet, once: the screen shown is one this bundle does not have.
pub(super) fn hand_over(session: Session) {
    if HANDED.with(|handed| handed.replace(true)) {
        return;
    }
    session.hand_over();
    // Not from inside the effect that asked: the app ends in a task of its own.
    leptos::task::spawn_local(async move {
        browser::next_task().await;
        let kept = browser::tree().and_then(|tree| tree.first_element_child()).and_then(|drawn| {
            drawn.clone_node_with_deep(true).ok()?.dyn_into::<web_sys::Element>().ok()
        });
        MOUNTED.with(|mounted| drop(mounted.borrow_mut().take()));
        if let (Some(tree), Some(kept)) = (browser::tree(), kept) {
            kept.set_attribute(FIRST_SCREEN, "").ok();
            tree.append_child(&kept).ok();
        }
        let start = browser::take_global(START_SIGNED_IN)
            .and_then(|start| start.dyn_into::<js_sys::Function>().ok());
        match start {
            Some(start) => {
                start.call0(&JsValue::NULL).ok();
            }
            // A page whose loader does not know the other bundle: a reload starts it, for the
            // session is kept (a session kept in memory only is then lost, as on any reload).
            None => {
                if let Some(window) = web_sys::window() {
                    window.location().reload().ok();
                }
            }
        }
    });
}
