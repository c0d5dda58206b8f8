//! The HTTP transport: the browser's `fetch`, to the URLs in `cabinet.json`.
//!
//! It sends the raw `Authorization: <token>` header (no `Bearer`), JSON bodies, no cookies
//! (`credentials: "omit"`), appends query parameters with `&` when the URL has a query already,
//! and aborts a request that outlives `request_timeout_ms`. It reads every answer as text
//! whatever its status or content type: the envelope decides what it means. Reads (`GET`) are
//! retried on transient failures; writes never.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::request::{ApiRequest, Endpoint, Method, RawResponse, TransportError};
use crate::domain::retry::{delay_ms, should_retry, Outcome};
use crate::domain::url::append_query;

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

    /// The URL a request goes to, query included.
    pub fn url_for(&self, req: &ApiRequest) -> Option<String> {
        let base = self.urls.get(req.endpoint)?;
        let query: Vec<(&str, &str)> = req.query.iter().map(|(k, v)| (*k, v.as_str())).collect();
        Some(append_query(base, &query))
    }

    /// Send, retrying idempotent reads on transient failures (see `domain::retry`).
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
            if !should_retry(idempotent, attempt, outcome) {
                return result;
            }
            sleep_ms(delay_ms(attempt, js_sys::Math::random())).await;
            attempt += 1;
        }
    }

    async fn send_once(&self, req: &ApiRequest) -> Result<RawResponse, TransportError> {
        let url = self.url_for(req).ok_or(TransportError::Network)?;
        let window = web_sys::window().ok_or(TransportError::Network)?;
        let method = req.endpoint.method();
        let headers = web_sys::Headers::new().map_err(|_| TransportError::Network)?;
        let init = web_sys::RequestInit::new();
        init.set_method(method.as_str());
        // Never the shop's cookies: the published module logs the shop's own session into the
        // token's customer on every call that carries them (the cabinet often shares the origin).
        init.set_credentials(web_sys::RequestCredentials::Omit);
        if let Some(token) = &req.token {
            headers.set("Authorization", token).map_err(|_| TransportError::Network)?;
        }
        if let (Some(body), Method::Post) = (&req.body, method) {
            headers.set("Content-Type", "application/json").map_err(|_| TransportError::Network)?;
            init.set_body(&JsValue::from_str(body));
        }
        init.set_headers(&headers);

        let controller = web_sys::AbortController::new().ok();
        init.set_signal(controller.as_ref().map(|c| c.signal()).as_ref());
        let timer = Timeout::start(self.timeout_ms, controller);

        let outcome = fetch_text(&window, &url, &init).await;
        let fired = timer.as_ref().is_some_and(Timeout::fired);
        drop(timer);
        match outcome {
            Err(_) if fired => Err(TransportError::Timeout),
            other => other,
        }
    }
}

/// `fetch` a URL and read the answer as text, whatever its status (gloo-net did this with 3 KB
/// more of wasm). Any failure to get an answer — offline, CORS refusal, abort — is `Network`.
pub async fn fetch_text(
    window: &web_sys::Window,
    url: &str,
    init: &web_sys::RequestInit,
) -> Result<RawResponse, TransportError> {
    answer_text(window.fetch_with_str_and_init(url, init)).await
}

/// Read a `fetch` already under way (a `Promise<Response>`) as text, whatever its status.
pub async fn answer_text(fetching: js_sys::Promise) -> Result<RawResponse, TransportError> {
    let answer = JsFuture::from(fetching).await.map_err(|_| TransportError::Network)?;
    let resp: web_sys::Response = answer.dyn_into().map_err(|_| TransportError::Network)?;
    let text = resp.text().map_err(|_| TransportError::Network)?;
    let body = JsFuture::from(text).await.map_err(|_| TransportError::Network)?;
    Ok(RawResponse { status: resp.status(), body: body.as_string().unwrap_or_default() })
}

/// Wait without blocking the page.
async fn sleep_ms(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                i32::try_from(ms).unwrap_or(i32::MAX),
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Aborts the fetch when it outlives its time; cleared on drop.
struct Timeout {
    handle: i32,
    fired: Rc<Cell<bool>>,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    fn start(ms: u32, controller: Option<web_sys::AbortController>) -> Option<Self> {
        let window = web_sys::window()?;
        let fired = Rc::new(Cell::new(false));
        let flag = fired.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            flag.set(true);
            if let Some(c) = &controller {
                c.abort();
            }
        });
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                i32::try_from(ms).unwrap_or(i32::MAX),
            )
            .ok()?;
        Some(Self { handle, fired, _callback: callback })
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}
