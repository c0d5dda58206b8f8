//! Wire types: the JSON the cabinet API sends, read leniently into typed values.
//!
//! One file per endpoint family. Nothing here knows about HTTP, the browser or the UI; every type
//! is tested natively against the fixtures of real servers (`tests/fixtures.rs`).

pub mod auth;
pub mod envelope;
pub mod fields;
pub mod json;
pub mod lenient;
pub mod orders;
pub mod profile;
