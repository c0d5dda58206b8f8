//! web-cabinet: a shop customer's personal cabinet in the browser.
//!
//! `features/` holds one folder per thing a customer does (sign-in, registration, verification,
//! recovery, profile, orders, the setup check), each with its wire types, pure logic (tested
//! natively), views and state. `core/` is what they share: the API client and its transports,
//! the envelope and errors, config, session, storage, i18n and Intl, layout widgets. `app.rs`
//! starts the cabinet and picks the screen; `demo/` is the backend embedded in demo builds.

pub mod app;
pub mod core;
#[cfg(feature = "demo")]
pub mod demo;
pub mod features;
