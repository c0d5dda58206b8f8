//! Sign-in's calls: by login and password, by a social network's token, and linking a network
//! to a signed-in account.

use crate::core::api::auth::Token;
use crate::core::api::client::{decode, read_ok};
use crate::core::api::json::{Map, Value};
use crate::core::api::{ApiError, Client, Endpoint, SocialGrant};

impl Client {
    /// `POST auth_url` with login and password.
    pub async fn sign_in(&self, login: &str, password: &str) -> Result<Token, ApiError> {
        let mut body = self.common_body();
        body.insert("login".into(), login.trim().into());
        body.insert("password".into(), password.into());
        let resp = self.post(Endpoint::Auth, None, Value::Object(body)).await?;
        decode::token(&resp)
    }

    /// `POST auth_url` with a social network's token.
    pub async fn sign_in_social(&self, grant: &SocialGrant) -> Result<Token, ApiError> {
        let mut body = self.common_body();
        body.insert("accessToken".into(), grant.access_token.as_str().into());
        body.insert("type".into(), grant.network.wire_name().into());
        if let Some(id) = &grant.internal_id {
            body.insert("internal_id".into(), id.as_str().into());
        }
        let resp = self.post(Endpoint::Auth, None, Value::Object(body)).await?;
        decode::token(&resp)
    }

    /// `POST token_refresh_url`: a signed-in customer re-authorized with a social network.
    pub async fn refresh_social_token(
        &self,
        token: &Token,
        grant: &SocialGrant,
    ) -> Result<(), ApiError> {
        let mut body = Map::new();
        body.insert("accessToken".into(), grant.access_token.as_str().into());
        body.insert("type".into(), grant.network.wire_name().into());
        if let Some(id) = &grant.internal_id {
            body.insert("internal_id".into(), id.as_str().into());
        }
        let resp = self.post(Endpoint::TokenRefresh, Some(token), Value::Object(body)).await?;
        read_ok(&resp, true)
    }
}
