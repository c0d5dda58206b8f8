//! Any path the cabinet doesn't know.

use crate::core::logic::route::Route;
use crate::core::ui::nav::RouteLink;
use leptos::prelude::*;

use crate::core::i18n::use_i18n;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="wc-card">
            <h1>{move || i18n.t().not_found_title}</h1>
            <p>{move || i18n.t().not_found_text}</p>
            <RouteLink to=Route::Home class="wc-button">{move || i18n.t().go_home}</RouteLink>
        </section>
    }
}
