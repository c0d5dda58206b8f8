//! web-cabinet: a shop customer's personal cabinet in the browser.
//!
//! Layers, data flowing one way: wire types (`model`) → client (`api`) → transport (HTTP or the
//! embedded `demo` backend) → session/config → views (`app`, `pages`, `ui`). Pure logic lives in
//! `domain` and is tested natively, as are the wire types and the demo backend.

pub mod api;
pub mod config;
#[cfg(feature = "demo")]
pub mod demo;
pub mod domain;
pub mod model;

pub mod app;
pub mod browser;
pub mod i18n;
pub mod intl;
pub mod pages;
pub mod sdui;
pub mod session;
pub mod storage;
pub mod ui;
