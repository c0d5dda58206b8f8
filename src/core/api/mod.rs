//! The API client and its transports.
//!
//! `client.rs` has what every call shares (each feature adds its own calls to `Client` in its
//! `api.rs`); `request.rs` the transport-neutral request;
//! `http.rs` talks to a merchant's server; `transport.rs` chooses between it and a backend inside
//! the page (the demo's, in `demo/`).

pub mod auth;
pub mod client;
pub mod early;
pub mod envelope;
pub mod error;
pub mod http;
pub mod json;
pub mod lenient;
pub mod request;
pub mod transport;

pub use client::{Client, CommonFields, SocialGrant, SocialNetwork};
pub use error::{ApiError, ProtocolError, Rejection};
pub use request::{ApiRequest, Endpoint, Method, RawResponse};
pub use transport::Transport;
