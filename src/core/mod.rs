//! What every feature shares and nothing feature-specific.
//!
//! - `api`: the client (one method per endpoint), the transports (HTTP through gloo-net, the
//!   embedded demo), requests, the status envelope, errors, JSON and the lenient readers;
//! - `config` (`cabinet.json`), `context` (the client, session and config every screen reads),
//!   `session` (the token, sign-out in every tab), `storage` (every
//!   key the cabinet keeps), `browser` (panic-free wrappers over browser APIs);
//! - `i18n` (ru/en strings), `intl` (dates, money, plurals by the browser's `Intl`);
//! - `logic`: small pure helpers (URLs, routes, locale, retry policy, text, app id);
//! - `ui`: layout, banners, the submit button, the router, the home and not-found screens.

pub mod api;
pub mod browser;
pub mod config;
pub mod context;
pub mod i18n;
pub mod intl;
pub mod logic;
pub mod session;
pub mod storage;
pub mod ui;
pub mod worker;
