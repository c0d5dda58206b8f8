//! Where requests go: the merchant's server over HTTP, or the demo backend inside the page.

#[cfg(feature = "demo")]
use super::demo::DemoTransport;
use super::http::HttpTransport;
use super::request::{ApiRequest, RawResponse, TransportError};

#[derive(Clone)]
pub enum Transport {
    Http(HttpTransport),
    #[cfg(feature = "demo")]
    Demo(DemoTransport),
}

impl Transport {
    pub async fn send(&self, req: ApiRequest) -> Result<RawResponse, TransportError> {
        match self {
            Self::Http(http) => http.send(req).await,
            #[cfg(feature = "demo")]
            Self::Demo(demo) => Ok(demo.send(req)),
        }
    }

    /// The demo transport, when that is what is configured.
    #[cfg(feature = "demo")]
    pub fn demo(&self) -> Option<&DemoTransport> {
        match self {
            Self::Demo(d) => Some(d),
            Self::Http(_) => None,
        }
    }
}
