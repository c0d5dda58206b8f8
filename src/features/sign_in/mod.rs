//! Signing in: login and password (the login field guessed from the registration form), social
//! networks through OAuth, and the callback the networks return to.
//!
//! - `login_field`: which registration field is the login (pure);
//! - `oauth`: the authorize URL, the `state`, reading the reply (pure); `social`: the buttons and
//!   the flow kept across the network's pages; `oauth_callback`: the return route;
//! - `view`: the sign-in page.

pub mod api;
pub mod login_field;
pub mod oauth;
pub mod oauth_callback;
pub mod social;
pub mod view;
