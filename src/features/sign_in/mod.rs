//! Signing in: login and password (the login field guessed from the registration form, in
//! `shared::forms`), social networks (the buttons and the flow in `shared::social`), and the
//! callback route the networks return to.
//!
//! - `api`: the sign-in calls; `view`: the sign-in page; `oauth_callback`: the return route.

pub mod api;
pub mod oauth_callback;
pub mod phrases;
pub mod view;
