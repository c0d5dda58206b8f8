//! Registration's calls: the form's fields and the registration itself.

use crate::core::api::auth::Token;
use crate::core::api::client::{decode, insert_given};
use crate::core::api::json::Value;
use crate::core::api::{ApiError, Client, Endpoint};
use crate::shared::forms::wire::{decode_fields, FormField};

impl Client {
    /// `GET regFields_url`.
    pub async fn registration_fields(&self) -> Result<Vec<FormField>, ApiError> {
        let resp = self.get(Endpoint::RegFields, None, Vec::new()).await?;
        decode_fields(&resp)
    }

    /// `POST registration_url` with one key per field id (`values`), plus the common fields.
    pub async fn register(&self, values: &[(String, String)]) -> Result<Token, ApiError> {
        let mut body = self.common_body();
        insert_given(&mut body, values);
        let resp = self.post(Endpoint::Registration, None, Value::Object(body)).await?;
        decode::token(&resp)
    }
}
