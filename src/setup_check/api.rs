//! The setup check's raw calls: answers as they came, for `diagnose` to read.

use serde_json::{json, Value};

use crate::core::api::auth::Token;
use crate::core::api::request::{ApiRequest, Method};
use crate::core::api::{ApiError, Client, Endpoint, RawResponse};

impl Client {
    /// A raw `GET` of a fields endpoint for the setup check: the answer as it came, undecoded.
    pub async fn probe(&self, endpoint: Endpoint) -> Result<RawResponse, ApiError> {
        self.get(endpoint, None, Vec::new()).await
    }

    /// A call with no token and the common fields alone, to learn whether the URL names a method
    /// the server has. No values: nothing is created, sent or changed (only endpoints for which
    /// that holds are probed; registration and a new code are not).
    pub async fn probe_method(&self, endpoint: Endpoint) -> Result<RawResponse, ApiError> {
        let mut req = ApiRequest::new(endpoint);
        if endpoint.method() == Method::Post {
            req.body = Some(Value::Object(self.common_body()).to_string());
        }
        self.send(req).await
    }

    /// The signed-in customer's profile, raw.
    pub async fn probe_profile(&self, token: &Token) -> Result<RawResponse, ApiError> {
        self.get(Endpoint::Profile, Some(token), Vec::new()).await
    }

    /// A raw `POST verification_url` with a code no one was sent, for the setup check: servers
    /// answer an error; the published module crashes (HTTP 200 and a page).
    pub async fn probe_wrong_code(&self) -> Result<RawResponse, ApiError> {
        let body = json!({
            "appId": self.common().app_id,
            "code": "000000",
            "field_id": "phone",
            "value": "+70000000000",
        });
        self.post(Endpoint::Verification, None, body).await
    }
}
