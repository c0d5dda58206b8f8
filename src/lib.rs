//! web-cabinet: a shop customer's personal cabinet in the browser.
//!
//! Floors that import only downwards:
//! - `app.rs` starts the cabinet and picks the screen for each route;
//! - `features/`: one folder per thing a customer does (sign-in, registration, recovery, profile,
//!   orders), each with its wire types, client calls, pure logic (tested natively), views, storage
//!   keys; no feature imports another;
//! - `shared/`: what several features draw (server-described form fields, the code step, social
//!   sign-in);
//! - `core/`: transport, envelope and errors, config, session, the storage and i18n mechanisms,
//!   Intl, the router, layout widgets — it names nothing above it.
//!
//! Beside them: `demo/`, the backend embedded in demo builds (behind the transport), and
//! `setup_check/`, the merchant's check of every endpoint (its own bundle); only start-up
//! imports either.

pub mod app;
pub mod core;
#[cfg(feature = "demo")]
pub mod demo;
pub mod features;
#[cfg(feature = "setup-check")]
pub mod setup_check;
pub mod shared;
