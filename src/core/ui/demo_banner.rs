//! The demo-mode banner: with the embedded demo backend, how to sign in and the last code it
//! "sent" (there is no SMS gateway in a browser). Builds without the `demo` feature have none.

#[cfg(feature = "demo")]
mod with_demo {
    use std::time::Duration;

    use leptos::prelude::*;

    use crate::core::context::use_app;
    use crate::core::i18n::use_i18n;
    use crate::demo::{DEMO_LOGIN, DEMO_PASSWORD};

    /// Shown only with the embedded demo backend: how to sign in, and the last code "sent" (there is
    /// no SMS gateway in a browser).
    #[component]
    pub fn DemoBanner() -> impl IntoView {
        let i18n = use_i18n();
        let demo = use_app().client.transport().demo().cloned();
        demo.map(|demo| {
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
                    <p>{move || i18n.t().demo_mode}</p>
                    <p>
                        {move || i18n.t().demo_sign_in_as}" "<strong>{DEMO_LOGIN}</strong>", "
                        {move || i18n.t().demo_password}" "<strong>{DEMO_PASSWORD}</strong>
                    </p>
                    <p aria-live="polite">
                        {move || code.get().map(|c| view! {
                            {i18n.t().demo_last_code}" "<strong class="wc-demo-code">{c.code}</strong>
                            " → "{c.to}
                        })}
                    </p>
                </aside>
            }
        })
    }
}

/// The banner, when this build has the demo backend and it is the one configured.
#[cfg(feature = "demo")]
pub fn demo_banner() -> impl leptos::IntoView {
    leptos::view! { <with_demo::DemoBanner/> }
}

/// Builds without the demo backend never show the banner.
#[cfg(not(feature = "demo"))]
pub fn demo_banner() -> impl leptos::IntoView {}
