//! The page shell: header with the language switch, the demo-mode banner, the main region.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::Client;
use crate::demo::{DEMO_LOGIN, DEMO_PASSWORD};
use crate::domain::locale::Lang;
use crate::i18n::use_i18n;
use crate::session::Session;
use leptos_router::components::A;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="wc-app">
            <header class="wc-header">
                <span class="wc-brand">{move || i18n.t().app_title}</span>
                <LangSwitch/>
            </header>
            <SectionNav/>
            <DemoBanner/>
            <main class="wc-main">{children()}</main>
        </div>
    }
}

/// Profile and orders, for a signed-in customer. The router marks the current one
/// (`aria-current="page"`).
#[component]
fn SectionNav() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_context::<Session>();
    move || {
        session.filter(Session::is_signed_in).map(|_| {
            view! {
                <nav class="wc-nav" aria-label=move || i18n.t().nav_label>
                    <A href="/profile" attr:class="wc-nav-link">{move || i18n.t().nav_profile}</A>
                    <A href="/orders" attr:class="wc-nav-link">{move || i18n.t().nav_orders}</A>
                </nav>
            }
        })
    }
}

#[component]
fn LangSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="wc-lang" role="group" aria-label=move || i18n.t().language>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            class="wc-lang-button"
                            lang=lang.tag()
                            aria-pressed=move || (i18n.lang.get() == lang).to_string()
                            on:click=move |_| i18n.lang.set(lang)
                        >
                            // The visible code starts the accessible name (WCAG 2.5.3).
                            {lang.tag().to_uppercase()}
                            <span class="wc-visually-hidden">" "{lang.native_name()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Shown only with the embedded demo backend: how to sign in, and the last code "sent" (there is
/// no SMS gateway in a browser).
#[component]
fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_context::<Client>();
    let demo = client.as_ref().and_then(|c| c.transport().demo().cloned());
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
