//! The show/hide button beside a password input (or a code the shop asks to type masked).

use leptos::prelude::*;

use crate::core::i18n::use_i18n;

/// Toggles `shown`; its accessible name says what a press will do (to the password, or with
/// `code`, to the code).
#[component]
pub fn RevealToggle(
    shown: RwSignal<bool>,
    #[prop(into)] controls: String,
    #[prop(optional)] code: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = move || match (code, shown.get()) {
        (false, true) => i18n.t().hide_password,
        (false, false) => i18n.t().show_password,
        (true, true) => i18n.t().hide_code,
        (true, false) => i18n.t().show_code,
    };
    view! {
        <button
            type="button"
            class="wc-reveal"
            aria-controls=controls
            aria-label=name
            on:click=move |_| shown.update(|s| *s = !*s)
        >
            {move || if shown.get() { i18n.t().hide } else { i18n.t().show }}
        </button>
    }
}
