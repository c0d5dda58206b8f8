//! The demo-mode banner: with the embedded demo backend, how to sign in and the last code it
//! "sent" (there is no SMS gateway in a browser). Start-up hands it to the page shell.

use std::time::Duration;

use leptos::prelude::*;

use crate::demo::phrases::WORDS;

use crate::core::i18n::use_i18n;
use crate::demo::transport::DemoTransport;
use crate::demo::{DEMO_LOGIN, DEMO_PASSWORD};

#[component]
pub fn DemoBanner(demo: DemoTransport) -> impl IntoView {
    let i18n = use_i18n();
    let code = RwSignal::new(demo.last_code());
    // Codes are "sent" by whatever screen asked for one; a slow poll keeps the banner current
    // without wiring every screen to it.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let latest = demo.last_code();
            if code.with_untracked(|c| c != &latest) {
                code.set(latest);
            }
        },
        Duration::from_millis(700),
    ) {
        on_cleanup(move || handle.clear());
    }
    view! {
        <aside class="wc-demo" aria-label="Demo">
            <p>{move || i18n.of(&WORDS).demo_mode}</p>
            <p>
                {move || i18n.of(&WORDS).demo_sign_in_as}" "<strong>{DEMO_LOGIN}</strong>", "
                {move || i18n.of(&WORDS).demo_password}" "<strong>{DEMO_PASSWORD}</strong>
            </p>
            <p aria-live="polite">
                {move || code.get().map(|c| view! {
                    {i18n.of(&WORDS).demo_last_code}" "<strong class="wc-demo-code">{c.code}</strong>
                    " → "{c.to}
                })}
            </p>
        </aside>
    }
}
