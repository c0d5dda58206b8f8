//! `/`: the profile for a signed-in customer, the sign-in screen for everyone else.

use crate::core::ui::nav::Redirect;
use leptos::prelude::*;

use crate::core::context::use_app;

#[component]
pub fn Home() -> impl IntoView {
    let signed_in = use_app().session.is_signed_in();
    let path = if signed_in { "/profile" } else { "/sign-in" };
    view! { <Redirect path=path/> }
}
