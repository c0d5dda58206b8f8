//! The submit button every form uses: busy while its request is in flight (the label says so and
//! `aria-busy` tells assistive technology), never disabled — focus stays put, and the form's own
//! guard ignores a second submit.

use leptos::prelude::*;

#[component]
pub fn SubmitButton(
    #[prop(into)] pending: Signal<bool>,
    /// The label, when idle.
    #[prop(into)]
    label: Signal<&'static str>,
    /// The label while the request is in flight.
    #[prop(into)]
    busy: Signal<&'static str>,
) -> impl IntoView {
    view! {
        <button type="submit" class="wc-button wc-button--primary" aria-busy=move || pending.get().to_string()>
            {move || if pending.get() { busy.get() } else { label.get() }}
        </button>
    }
}
