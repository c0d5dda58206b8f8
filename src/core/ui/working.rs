//! The line a screen shows while it waits (its form's fields, the config, a page of orders, the
//! whole cabinet): one shape for every screen, announced politely to screen readers.

use leptos::prelude::*;

/// "Loading…", or what is being waited for, as a status line.
pub fn working(text: &'static str) -> AnyView {
    view! { <p class="wc-loading" role="status">{text}</p> }.into_any()
}
