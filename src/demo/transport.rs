//! The demo transport: hands requests to the embedded [`DemoBackend`] and gives back the JSON
//! text it answers, so demo mode runs the same parsing path as a real server (core sees it as
//! `Transport::InPage`).
//!
//! The backend knows nothing of the browser; the transport gives it the time and, after each
//! request, hands its state to a `persist` hook (localStorage in the browser).

use std::sync::{Arc, Mutex};

use crate::core::api::request::{ApiRequest, Method, RawResponse};
use crate::core::api::Transport;
use crate::core::storage::{Area, KeptText};
use crate::demo::{DemoBackend, SentCode};

/// The demo backend's accounts and orders, as the demo writes them.
const KEPT_STATE: KeptText = KeptText::new(Area::Local, "web-cabinet:demo");

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

    /// The backend as this browser left it (or freshly seeded), kept in local storage after
    /// every change.
    pub fn in_browser() -> Self {
        let backend = KEPT_STATE.load().and_then(|s| DemoBackend::load(&s)).unwrap_or_default();
        Self::new(backend, crate::core::browser::now_ms, Some(|state| KEPT_STATE.store(state)))
    }

    /// The transport the client sends through.
    pub fn transport(&self) -> Transport {
        let demo = self.clone();
        Transport::InPage(Arc::new(move |req| demo.send(req)))
    }

    pub fn send(&self, req: ApiRequest) -> RawResponse {
        let Ok(mut backend) = self.backend.lock() else {
            return RawResponse { status: 500, body: String::new() };
        };
        let resp = backend.handle(&req, (self.clock)());
        if let Some(persist) = self.persist {
            if req.endpoint.method() != Method::Get {
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
