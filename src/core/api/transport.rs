//! Where requests go: the merchant's server over HTTP, or (in builds with the demo backend) a
//! backend that answers inside the page. Core knows the second only as a function from request
//! to answer; what stands behind it lives in `demo/`.

use std::sync::Arc;

use super::http::HttpTransport;
use super::request::{ApiRequest, RawResponse, TransportError};

/// A backend inside the page: it answers at once, with the JSON text a server would send.
pub type InPageBackend = Arc<dyn Fn(ApiRequest) -> RawResponse + Send + Sync>;

#[derive(Clone)]
pub enum Transport {
    Http(HttpTransport),
    #[cfg(feature = "demo")]
    InPage(InPageBackend),
}

impl Transport {
    pub async fn send(&self, req: ApiRequest) -> Result<RawResponse, TransportError> {
        match self {
            Self::Http(http) => http.send(req).await,
            #[cfg(feature = "demo")]
            Self::InPage(answer) => Ok(answer(req)),
        }
    }
}
