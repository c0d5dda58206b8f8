//! The profile's calls: load it, change fields.

use serde_json::json;

use crate::core::api::auth::Token;
use crate::core::api::client::read_ok;
use crate::core::api::json::Value;
use crate::core::api::{ApiError, Client, Endpoint};
use crate::features::profile::wire::Profile;

impl Client {
    /// `GET profile_url`.
    pub async fn profile(&self, token: &Token) -> Result<Profile, ApiError> {
        let resp = self.get(Endpoint::Profile, Some(token), Vec::new()).await?;
        Profile::decode(&resp)
    }

    /// `POST verification_change_url` with `{fields: [{field_id, value}]}`. An empty value is
    /// sent as it is — it clears the field (the document: `value` is the field's new value); the
    /// profile decides beforehand which values may be cleared (`editor::rules::value_to_send`).
    pub async fn change_fields(
        &self,
        token: &Token,
        changes: &[(String, String)],
    ) -> Result<(), ApiError> {
        let fields: Vec<Value> =
            changes.iter().map(|(id, value)| json!({ "field_id": id, "value": value })).collect();
        let body = json!({ "fields": fields });
        let resp = self.post(Endpoint::ChangeFields, Some(token), body).await?;
        read_ok(&resp, true)
    }
}
