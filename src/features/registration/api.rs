//! Registration's call (its form's fields are `shared::forms::api`: sign-in and the profile
//! read them too).

use crate::core::api::auth::Token;
use crate::core::api::client::{decode, insert_given};
use crate::core::api::json::Value;
use crate::core::api::{ApiError, Client, Endpoint};

impl Client {
    /// `POST registration_url` with one key per field id (`values`), plus the common fields.
    pub async fn register(&self, values: &[(String, String)]) -> Result<Token, ApiError> {
        let mut body = self.common_body();
        insert_given(&mut body, values);
        let resp = self.post(Endpoint::Registration, None, Value::Object(body)).await?;
        decode::token(&resp)
    }
}
