//! The loyalty-card barcode: large and crisp in the profile, and a full-screen "show at the till"
//! view a cashier can scan from a phone (white, nothing else on screen, Esc or Close to leave).
//!
//! Only a picture the browser could decode is shown and offered at the till: a shop whose
//! barcode address answers 200 with no image, 404 or an HTML page (a first installation of the
//! published module does) gets a plain line saying the barcode could not be loaded, never a
//! broken-image icon with a button that opens it full screen.

use leptos::html;
use leptos::prelude::*;

use crate::features::profile::phrases::WORDS;

use crate::core::ui::effect::effect;

use crate::core::i18n::use_i18n;

#[component]
pub fn Barcode(
    src: String,
    /// Set when the picture has loaded (or cleared when it failed), for the page's other offers
    /// (keeping the card).
    #[prop(optional_no_strip)]
    loaded_to: Option<RwSignal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let loaded = RwSignal::new(false);
    let failed = RwSignal::new(false);
    // Only a change redraws: a second `load` (WebKit sends one again) must not replace the
    // button a customer is about to press.
    let record = move |ok: bool| {
        if loaded.get_untracked() != ok {
            loaded.set(ok);
        }
        if failed.get_untracked() == ok {
            failed.set(!ok);
        }
        if let Some(page) = loaded_to {
            page.set(ok);
        }
    };
    let open = RwSignal::new(false);
    let opener = NodeRef::<html::Button>::new();
    let closer = NodeRef::<html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(b) = opener.get_untracked() {
            b.focus().ok();
        }
    };
    effect(move || {
        if open.get() {
            if let Some(b) = closer.get() {
                b.focus().ok();
            }
        }
    });
    let big = src.clone();
    view! {
        <div class="wc-block wc-barcode-block">
            // Read only `failed` here: the picture is not drawn again when it loads.
            {move || if failed.get() {
                view! { <p class="wc-hint wc-barcode-failed">{move || i18n.of(&WORDS).barcode_failed}</p> }.into_any()
            } else {
                view! {
                    <img
                        class="wc-barcode"
                        src=src.clone()
                        alt=move || i18n.of(&WORDS).barcode_alt
                        on:load=move |_| record(true)
                        on:error=move |_| record(false)
                    />
                }
                .into_any()
            }}
            {move || loaded.get().then(|| view! {
                <button
                    type="button"
                    class="wc-button wc-button--secondary"
                    node_ref=opener
                    aria-haspopup="dialog"
                    on:click=move |_| open.set(true)
                >
                    {move || i18n.of(&WORDS).show_at_till}
                </button>
            })}
        </div>
        <Show when=move || open.get()>
            <div
                class="wc-till"
                role="dialog"
                aria-modal="true"
                aria-labelledby="wc-till-title"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        close();
                    }
                }
            >
                <p id="wc-till-title" class="wc-till-title">{move || i18n.of(&WORDS).till_hint}</p>
                <img class="wc-till-code" src=big.clone() alt=move || i18n.of(&WORDS).barcode_alt/>
                <button type="button" class="wc-button wc-button--primary" node_ref=closer on:click=move |_| close()>
                    {move || i18n.of(&WORDS).close}
                </button>
            </div>
        </Show>
    }
}
