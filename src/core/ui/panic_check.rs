//! `/_panic`: in builds with the demo backend (development and tests), a route that panics on
//! purpose, so a test can see the panic screen work — the app has no panic by construction
//! (`unwrap`, `expect` and `panic!` are denied), which leaves nothing else to trigger it with.
//! Merchant builds have no such route (it shows "not found").

use leptos::prelude::*;

#[cfg(feature = "demo")]
#[allow(clippy::panic)]
pub fn panic_check() -> AnyView {
    panic!("the deliberate panic of /_panic (demo builds only)")
}

#[cfg(not(feature = "demo"))]
pub fn panic_check() -> AnyView {
    view! { <crate::core::ui::not_found::NotFound/> }.into_any()
}
