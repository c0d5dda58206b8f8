//! Messages above a form or in place of content: errors (with an optional retry) and notices.

use leptos::prelude::*;

use crate::core::i18n::use_i18n;
use crate::core::logic::read_failure::ReadFailure;

/// An error message; each entry of `lines` may itself hold line breaks (kept, never HTML).
/// An alert, announced politely: it arrives after a request, and the customer may be typing
/// (after a failed submit the focus moves to it anyway).
#[component]
pub fn ErrorBanner(
    #[prop(into)] lines: Signal<Vec<String>>,
    /// Offer a "try again" button that calls this (a callback, or `None` for no button).
    #[prop(optional_no_strip, into)]
    retry: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="wc-banner wc-banner--error" role="alert" aria-live="polite">
            {move || lines.get().into_iter().map(|l| view! { <p class="wc-lines">{l}</p> }).collect_view()}
            {retry.map(|retry| view! {
                <button type="button" class="wc-button wc-button--secondary" on:click=move |_| retry.run(())>
                    {move || i18n.t().retry}
                </button>
            })}
        </div>
    }
}

/// A polite, non-error notice.
#[component]
pub fn Notice(#[prop(into)] text: Signal<String>) -> impl IntoView {
    view! { <div class="wc-banner wc-banner--info" role="status"><p>{text}</p></div> }
}

/// A read that failed: `lead` ("Couldn't load your orders."), what the server said or what went
/// wrong, and "try again" only where trying again can help (see [`ReadFailure`]).
#[component]
pub fn ReadFailureBanner(
    failure: ReadFailure,
    lead: &'static str,
    retry: Callback<()>,
) -> impl IntoView {
    let lines = use_i18n().t().read_failure(lead, &failure);
    view! { <ErrorBanner lines=lines retry=failure.offers_retry().then_some(retry)/> }
}
