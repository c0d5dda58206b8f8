//! Recovery's calls: the form's fields and the request itself.

use crate::core::api::client::{decode, insert_given};
use crate::core::api::json::Value;
use crate::core::api::{ApiError, Client, Endpoint};
use crate::shared::forms::wire::{decode_fields, FormField};

impl Client {
    /// `GET recovery_fields_url`.
    pub async fn recovery_fields(&self) -> Result<Vec<FormField>, ApiError> {
        let resp = self.get(Endpoint::RecoveryFields, None, Vec::new()).await?;
        decode_fields(&resp)
    }

    /// `POST recovery_url`; `ok` carries a message for the customer.
    pub async fn recover(&self, values: &[(String, String)]) -> Result<Option<String>, ApiError> {
        let mut body = self.common_body();
        insert_given(&mut body, values);
        let resp = self.post(Endpoint::Recovery, None, Value::Object(body)).await?;
        decode::message(&resp)
    }
}
