//! The page shell: header with the language switch and the section links; what start-up puts
//! inside (the demo's banner, the main region) follows them.

use leptos::prelude::*;

use crate::core::context::use_app;
use crate::core::handover;
use crate::core::i18n::use_i18n;
use crate::core::logic::locale::Lang;
use crate::core::logic::route::Route;
use crate::core::ui::effect::effect;
use crate::core::ui::nav::RouteLink;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // The app's first screen is on the page: the one the loader drew goes.
    effect(handover::finish);
    view! {
        <div class="wc-app">
            <header class="wc-header">
                <span class="wc-brand">{move || i18n.t().app_title}</span>
                <LangSwitch/>
            </header>
            <SectionNav/>
            {children()}
        </div>
    }
}

/// Profile and orders, for a signed-in customer. The router marks the current one
/// (`aria-current="page"`).
#[component]
fn SectionNav() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_app().session;
    move || {
        session.is_signed_in().then(|| {
            view! {
                <nav class="wc-nav" aria-label=move || i18n.t().nav_label>
                    <RouteLink to=Route::Profile class="wc-nav-link">{move || i18n.t().nav_profile}</RouteLink>
                    <RouteLink to=Route::Orders class="wc-nav-link">{move || i18n.t().nav_orders}</RouteLink>
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
                            {lang.tag().to_ascii_uppercase()}
                            <span class="wc-visually-hidden">" "{lang.native_name()}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
