//! Pure logic the views call: no Leptos, no web-sys, tested with plain `cargo test`.

pub mod action;
pub mod app_id;
pub mod bonus;
pub mod dates;
pub mod form;
pub mod locale;
pub mod login_field;
pub mod oauth;
pub mod paging;
pub mod profile_edit;
pub mod retry;
pub mod route;
pub mod status;
pub mod text;
pub mod url;
pub mod window;
