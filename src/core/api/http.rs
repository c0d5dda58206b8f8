//! The HTTP transport: `fetch` through gloo-net, to the URLs in `cabinet.json`.
//!
//! It sends the raw `Authorization: <token>` header (no `Bearer`), JSON bodies, no cookies
//! (`credentials: "omit"`), appends query parameters with `&` when the URL has a query already,
//! and aborts a request that outlives `request_timeout_ms`. It reads every answer as text
//! whatever its status or content type: the envelope decides what it means. Reads (`GET`) are
//! retried on transient failures; writes never.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::{RequestBuilder, Response};
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use super::early;
use super::request::{ApiRequest, Endpoint, Method, RawResponse, TransportError};
use crate::core::browser;
use crate::core::logic::retry::{delay_ms, should_retry, Outcome};

/// One absolute URL per endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointUrls(Vec<(Endpoint, String)>);

impl EndpointUrls {
    pub fn new(urls: Vec<(Endpoint, String)>) -> Self {
        Self(urls)
    }

    pub fn get(&self, endpoint: Endpoint) -> Option<&str> {
        self.0.iter().find(|(e, _)| *e == endpoint).map(|(_, u)| u.as_str())
    }
}

#[derive(Debug, Clone)]
pub struct HttpTransport {
    urls: EndpointUrls,
    timeout_ms: u32,
}

impl HttpTransport {
    pub fn new(urls: EndpointUrls, timeout_ms: u32) -> Self {
        Self { urls, timeout_ms }
    }

    /// Send, retrying idempotent reads on transient failures (see `core::logic::retry`).
    pub async fn send(&self, req: ApiRequest) -> Result<RawResponse, TransportError> {
        let idempotent = req.endpoint.method() == Method::Get;
        let mut attempt = 0;
        loop {
            let result = self.send_once(&req).await;
            let outcome = match &result {
                Ok(resp) => Outcome::Status(resp.status),
                Err(TransportError::Network) => Outcome::NoAnswer,
                Err(TransportError::Timeout) => Outcome::TimedOut,
            };
            // The browser knows it is offline: a retry cannot help, and the page waiting for it
            // (the profile, with the till card to show instead) should not wait.
            if !should_retry(idempotent, attempt, outcome) || browser_offline() {
                return result;
            }
            sleep_ms(delay_ms(attempt, js_sys::Math::random())).await;
            attempt += 1;
        }
    }

    async fn send_once(&self, req: &ApiRequest) -> Result<RawResponse, TransportError> {
        let url = self.urls.get(req.endpoint).ok_or(TransportError::Network)?;
        // A plain read the loader may have sent already (the sign-in form's fields).
        if req.endpoint.method() == Method::Get && req.token.is_none() && req.query.is_empty() {
            if let Some(answer) = early::take(url).await {
                // Usually in already: read in a task of its own, not in the one that drew the
                // form asking for it (one long task at start-up is what blocks the page).
                browser::next_task().await;
                return answer_within(answer, self.timeout_ms).await;
            }
        }
        let guard = InFlight::start(self.timeout_ms);
        let mut builder = RequestBuilder::new(url)
            .query(req.query.iter().map(|(k, v)| (*k, v.as_str())))
            .method(match req.endpoint.method() {
                Method::Get => gloo_net::http::Method::GET,
                Method::Post => gloo_net::http::Method::POST,
                Method::Delete => gloo_net::http::Method::DELETE,
            })
            // Never the shop's cookies: the published module logs the shop's own session into
            // the token's customer on every call that carries them (the cabinet often shares
            // the origin).
            .credentials(web_sys::RequestCredentials::Omit)
            .abort_signal(guard.as_ref().map(InFlight::signal).as_ref());
        if let Some(token) = &req.token {
            builder = builder.header("Authorization", token);
        }
        let request = match (&req.body, req.endpoint.method()) {
            (Some(body), Method::Post) => {
                builder.header("Content-Type", "application/json").body(body.as_str())
            }
            _ => builder.build(),
        };
        let outcome = match request {
            Ok(request) => read_text(request.send().await).await,
            Err(_) => Err(TransportError::Network),
        };
        let fired = guard.as_ref().is_some_and(InFlight::timed_out);
        match outcome {
            Err(_) if fired => Err(TransportError::Timeout),
            other => other,
        }
    }
}

/// Read an answer as text, whatever its status. Any failure to get one — offline, CORS refusal,
/// abort — is `Network`.
pub async fn read_text(
    answer: Result<Response, gloo_net::Error>,
) -> Result<RawResponse, TransportError> {
    let answer = answer.map_err(|_| TransportError::Network)?;
    let body = answer.text().await.map_err(|_| TransportError::Network)?;
    Ok(RawResponse { status: answer.status(), body })
}

/// An answer someone else asked for (`early`), read within the same time as one of ours. That
/// request cannot be aborted from here; past the time it is left to finish unread.
async fn answer_within(answer: js_sys::Promise, ms: u32) -> Result<RawResponse, TransportError> {
    let first = js_sys::Promise::race(&js_sys::Array::of2(&answer, &browser::after_ms(ms)));
    match wasm_bindgen_futures::JsFuture::from(first).await {
        Ok(value) => match value.dyn_into::<web_sys::Response>() {
            Ok(response) => read_text(Ok(Response::from(response))).await,
            // The timer's `undefined` came first.
            Err(_) => Err(TransportError::Timeout),
        },
        Err(_) => Err(TransportError::Network),
    }
}

/// Wait without blocking the page.
async fn sleep_ms(ms: u32) {
    let _ = wasm_bindgen_futures::JsFuture::from(browser::after_ms(ms)).await;
}

/// The abort controller of one fetch: it aborts the fetch when it outlives its time, and when
/// the future awaiting it is dropped (the view that asked went away, or a newer submit took its
/// place) — a request nobody will read is not left running.
struct InFlight {
    controller: web_sys::AbortController,
    timer: i32,
    fired: Rc<Cell<bool>>,
    _on_timeout: Closure<dyn FnMut()>,
}

impl InFlight {
    fn start(ms: u32) -> Option<Self> {
        let window = web_sys::window()?;
        let controller = web_sys::AbortController::new().ok()?;
        let fired = Rc::new(Cell::new(false));
        let (flag, to_abort) = (fired.clone(), controller.clone());
        let on_timeout = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            to_abort.abort();
        });
        let timer = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
            .ok()?;
        Some(Self { controller, timer, fired, _on_timeout: on_timeout })
    }

    fn signal(&self) -> web_sys::AbortSignal {
        self.controller.signal()
    }

    fn timed_out(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.timer);
        }
        // After the answer was read this changes nothing; before, it cancels the fetch.
        self.controller.abort();
    }
}

/// `navigator.onLine` is false (true means only "maybe online").
fn browser_offline() -> bool {
    web_sys::window().is_some_and(|w| !w.navigator().on_line())
}
