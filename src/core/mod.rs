//! The ground floor: what every feature shares and nothing feature-specific. Nothing here imports
//! `shared`, `features`, `app`, `demo` or `setup_check`.
//!
//! - `api`: the client and what its calls share (each feature adds its own calls), the
//!   transports (HTTP through gloo-net, or a backend inside the page), requests, the status
//!   envelope, errors, JSON and the lenient readers;
//! - `config` (`cabinet.json`), `context` (the client, session and config every screen reads),
//!   `session` (the token, sign-in and sign-out in every tab, and the one path by which what a
//!   feature keeps for a session is forgotten), `storage` (the mechanism: each floor declares its
//!   own keys), `browser` (panic-free wrappers over browser APIs);
//! - `i18n` (ru/en strings), `intl` (dates, money, plurals by the browser's `Intl`);
//! - `logic`: small pure helpers (URLs, routes, locale, retry policy, text, app id);
//! - `ui`: layout, banners, the submit button, the router, the home and not-found screens.

pub mod api;
pub mod browser;
pub mod config;
pub mod context;
pub mod handover;
pub mod i18n;
pub mod intl;
pub mod logic;
pub mod session;
pub mod storage;
pub mod ui;
pub mod worker;
