//! Pure logic the views call: no Leptos, no web-sys, tested with plain `cargo test`.

pub mod app_id;
pub mod locale;
pub mod read_failure;
pub mod retry;
pub mod route;
pub mod text;
pub mod url;
