//! The customers' release comes as two bundles (`scripts/build`): the sign-in screens' (sign-in,
//! registration, recovery), which a first visit downloads, and the whole cabinet, which a
//! customer with a kept session starts with and which the loader fetches while a visitor types
//! into the sign-in form. A first visit so downloads about a quarter less before the form works.
//!
//! The sign-in screens' bundle, built without the `signed-in` feature, has no profile or orders:
//! when its guard shows one of them (the customer has just signed in, or follows a link to an
//! order), it hands the page over without a reload. The whole cabinet's files download first
//! (usually they have, while the visitor typed), with this app still running: a download that
//! fails leaves the customer here, signed in, with a retry. Then what it shows stays on the page
//! as the next bundle's first screen (`core::handover`), the session goes along
//! (`Session::hand_over`), the app unmounts itself — every effect, listener and channel of it
//! ends with it — and the loader starts the whole cabinet in the same place, at the same address.

use std::any::Any;
use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::core::browser;
use crate::core::context::use_app;
use crate::core::i18n::use_i18n;
use crate::core::session::Session;
use crate::core::ui::working::working;

/// What the loader leaves for the hand-over (`scripts/loader.mjs`): `ready()`, a promise that
/// the whole cabinet's files are downloaded (asked again after a failure), and `start()`.
const SIGNED_IN: &str = "__webCabinetSignedIn";
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

#[derive(Clone, Copy, Debug, PartialEq)]
enum Download {
    Waiting,
    Failed,
}

/// What a signed-in screen is in this bundle: the whole cabinet on its way. Its files download
/// first, while this app still runs; only then does it end and the whole cabinet start. A
/// download that fails leaves the customer signed in here, told so, with a retry.
#[component]
pub(super) fn HandOver() -> impl IntoView {
    let session = use_app().session;
    let i18n = use_i18n();
    let download = RwSignal::new(Download::Waiting);
    let attempt = move || {
        download.set(Download::Waiting);
        leptos::task::spawn_local(async move {
            match whole_cabinet_downloaded().await {
                Ok(()) => hand_over(session),
                Err(error) => {
                    browser::error(&format!(
                        "web-cabinet: the whole cabinet did not download: {error:?}"
                    ));
                    download.set(Download::Failed);
                }
            }
        });
    };
    attempt();
    // Drawn again in the language chosen meanwhile (the switch is on screen).
    move || match (download.get(), i18n.t()) {
        (Download::Waiting, words) => working(words.loading),
        (Download::Failed, words) => view! {
            <div class="wc-fatal" role="alert">
                <p>{words.cabinet_load_failed}</p>
                <button type="button" class="wc-button" on:click=move |_| attempt()>
                    {words.retry}
                </button>
            </div>
        }
        .into_any(),
    }
}

/// The loader's `ready()`, awaited. A page whose loader does not know the other bundle has
/// nothing to wait for: the hand-over then reloads.
async fn whole_cabinet_downloaded() -> Result<(), JsValue> {
    let Some(ready) = loader_function("ready") else {
        return Ok(());
    };
    let promise = ready.call0(&JsValue::NULL)?.dyn_into::<js_sys::Promise>()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(drop)
}

fn loader_function(name: &str) -> Option<js_sys::Function> {
    let slot = js_sys::Reflect::get(&js_sys::global(), &SIGNED_IN.into()).ok()?;
    js_sys::Reflect::get(&slot, &name.into()).ok()?.dyn_into().ok()
}

/// Hand the page to the whole cabinet, once: its files are here.
fn hand_over(session: Session) {
    if HANDED.with(|handed| handed.replace(true)) {
        return;
    }
    session.hand_over();
    // Not from inside the task that drew this screen: the app ends in a task of its own.
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
        let start = loader_function("start");
        browser::take_global(SIGNED_IN);
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
