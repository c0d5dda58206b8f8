//! Pure logic the views call: no Leptos, no web-sys, tested with plain `cargo test`.

pub mod action;
pub mod app_id;
pub mod bonus;
pub mod form;
pub mod locale;
pub mod login_field;
pub mod oauth;
pub mod text;
pub mod url;
