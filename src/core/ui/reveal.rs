//! The show/hide button beside a password input.

use leptos::prelude::*;

use crate::core::i18n::use_i18n;

/// Toggles `shown`; its accessible name says what a press will do.
#[component]
pub fn RevealToggle(shown: RwSignal<bool>, #[prop(into)] controls: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="wc-reveal"
            aria-controls=controls
            aria-label=move || if shown.get() { i18n.t().hide_password } else { i18n.t().show_password }
            on:click=move |_| shown.update(|s| *s = !*s)
        >
            {move || if shown.get() { i18n.t().hide } else { i18n.t().show }}
        </button>
    }
}
