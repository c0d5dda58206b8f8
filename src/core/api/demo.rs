//! The demo transport: hands requests to the embedded [`DemoBackend`] and gives back the JSON
//! text it answers, so demo mode runs the same parsing path as a real server.
//!
//! The backend knows nothing of the browser; the transport gives it the time and, after each
//! request, hands its state to a `persist` hook (localStorage in the browser).

use std::sync::{Arc, Mutex};

use super::request::{ApiRequest, RawResponse};
use crate::demo::{DemoBackend, SentCode};

/// Called with the backend's state (JSON) after every request that may have changed it.
pub type PersistFn = fn(&str);
/// Milliseconds since the Unix epoch.
pub type ClockFn = fn() -> u64;

#[derive(Clone)]
pub struct DemoTransport {
    backend: Arc<Mutex<DemoBackend>>,
    clock: ClockFn,
    persist: Option<PersistFn>,
}

impl DemoTransport {
    pub fn new(backend: DemoBackend, clock: ClockFn, persist: Option<PersistFn>) -> Self {
        Self { backend: Arc::new(Mutex::new(backend)), clock, persist }
    }

    pub fn send(&self, req: ApiRequest) -> RawResponse {
        let Ok(mut backend) = self.backend.lock() else {
            return RawResponse { status: 500, body: String::new() };
        };
        let resp = backend.handle(&req, (self.clock)());
        if let Some(persist) = self.persist {
            if req.endpoint.method() != super::request::Method::Get {
                persist(&backend.save());
            }
        }
        resp
    }

    /// The last code the demo "sent" (shown in the demo banner instead of an SMS).
    pub fn last_code(&self) -> Option<SentCode> {
        self.backend.lock().ok().and_then(|b| b.outbox().last().cloned())
    }
}
