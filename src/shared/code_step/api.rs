//! The code step's calls: check a code, send a new one.

use serde_json::json;

use crate::core::api::auth::Token;
use crate::core::api::client::{decode, read_ok};
use crate::core::api::{ApiError, Client, Endpoint};

impl Client {
    /// `POST verification_url`. Signs in (a token) at the end of registration; a profile change
    /// verification may answer `ok` without one.
    pub async fn verify(
        &self,
        field_id: &str,
        value: &str,
        code: &str,
        token: Option<&Token>,
    ) -> Result<Option<Token>, ApiError> {
        let body = json!({
            "appId": self.common().app_id,
            "code": code.trim(),
            "field_id": field_id,
            "value": value,
        });
        let resp = self.post(Endpoint::Verification, token, body).await?;
        decode::verification_with(&resp, token.is_some())
    }

    /// `POST verification_repeat_url`: send the code again.
    pub async fn resend_code(
        &self,
        field_id: &str,
        value: &str,
        token: Option<&Token>,
    ) -> Result<(), ApiError> {
        let app_id = self.common().app_id;
        let body = json!({ "appId": app_id, "field_id": field_id, "value": value });
        let resp = self.post(Endpoint::VerificationRepeat, token, body).await?;
        read_ok(&resp, token.is_some())
    }
}
