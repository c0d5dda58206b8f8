//! The submit button every form uses: busy while its request is in flight (the label says so and
//! `aria-busy` tells assistive technology), never disabled — focus stays put, and the form's own
//! guard ignores a second submit. And how a view dispatches the action behind it.

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

/// Dispatch Leptos' `Action` from a view so that the newest dispatch is the one that counts: one
/// still running is aborted when another starts and when the view goes away. Aborting drops its
/// future, which cancels its request (`core::api::http`) and skips its follow-up, so a late answer
/// never overwrites a newer one or acts on a screen that is gone. `pending` stays true until the
/// newest finishes.
pub fn newest_only<I: 'static, O: 'static>(action: Action<I, O>) -> impl Fn(I) + Copy + 'static {
    let running: StoredValue<Option<ActionAbortHandle>> = StoredValue::new(None);
    on_cleanup(move || {
        if let Some(handle) = running.try_update_value(Option::take).flatten() {
            handle.abort();
        }
    });
    move |input| {
        let handle = action.dispatch_local(input);
        if let Some(older) = running.try_update_value(|slot| slot.replace(handle)).flatten() {
            older.abort();
        }
    }
}
