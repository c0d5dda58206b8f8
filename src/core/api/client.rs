//! `Client`: one async method per endpoint, returning typed values or an [`ApiError`]. The
//! methods live with their features (`features/<feature>/api.rs`); this file has what they share.
//!
//! The client builds request bodies (with the common fields every form sends), hands them to the
//! configured transport, and reads the answer through the same envelope rules whatever the
//! transport. It is cheap to clone and `Send + Sync`, so views share it through context.

use std::sync::{Arc, Mutex};

use super::error::{ApiError, ProtocolError, Rejection};
use super::request::{ApiRequest, Endpoint, RawResponse, TransportError};
use super::transport::Transport;
use crate::core::api::auth::{self, Token};
use crate::core::api::envelope::{self, BodyProblem, ErrorData, Reply};
use crate::core::api::json::{Map, Value};
use crate::core::logic::text::clean_server_message;

/// The fields sent with registration, sign-in and recovery.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommonFields {
    /// Digits only (see `core::logic::app_id`).
    pub app_id: String,
    pub platform: String,
    /// `ru_RU`, `en_US`: follows the UI language.
    pub locale: String,
    pub region_id: Option<String>,
    pub saved_phone: Option<String>,
    pub saved_email: Option<String>,
}

/// A social network the API knows (`type` of a social sign-in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SocialNetwork {
    Vkontakte,
    Ok,
    Facebook,
    Instagram,
}

impl SocialNetwork {
    pub const ALL: [SocialNetwork; 4] =
        [Self::Vkontakte, Self::Ok, Self::Facebook, Self::Instagram];

    pub fn wire_name(self) -> &'static str {
        match self {
            Self::Vkontakte => "vkontakte",
            Self::Ok => "ok",
            Self::Facebook => "facebook",
            Self::Instagram => "instagram",
        }
    }

    pub fn from_wire(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|n| n.wire_name() == name)
    }
}

/// What a social network gave back after its OAuth flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocialGrant {
    pub network: SocialNetwork,
    pub access_token: String,
    /// VK's `user_id`; other networks send none.
    pub internal_id: Option<String>,
}

#[derive(Clone)]
pub struct Client {
    transport: Transport,
    common: Arc<Mutex<CommonFields>>,
}

impl Client {
    pub fn new(transport: Transport, common: CommonFields) -> Self {
        Self { transport, common: Arc::new(Mutex::new(common)) }
    }

    /// Follow a change of UI language (`ru_RU`, `en_US`).
    pub fn set_locale(&self, locale: &str) {
        if let Ok(mut c) = self.common.lock() {
            c.locale = locale.to_string();
        }
    }

    pub fn common(&self) -> CommonFields {
        self.common.lock().map(|c| c.clone()).unwrap_or_default()
    }

    pub(crate) fn common_body(&self) -> Map {
        let c = self.common();
        let mut m = Map::new();
        m.insert("appId".into(), c.app_id.into());
        m.insert("platform".into(), c.platform.into());
        m.insert("locale".into(), c.locale.into());
        for (key, value) in [
            ("regionId", c.region_id),
            ("savedPhone", c.saved_phone),
            ("savedEmail", c.saved_email),
        ] {
            if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
                m.insert(key.into(), v.into());
            }
        }
        m
    }

    pub(crate) async fn send(&self, mut req: ApiRequest) -> Result<RawResponse, ApiError> {
        req.locale = Some(self.common().locale);
        self.transport.send(req).await.map_err(|e| match e {
            TransportError::Network => ApiError::Network,
            TransportError::Timeout => ApiError::Timeout,
        })
    }

    pub(crate) async fn post(
        &self,
        endpoint: Endpoint,
        token: Option<&Token>,
        body: Value,
    ) -> Result<RawResponse, ApiError> {
        let mut req = ApiRequest::new(endpoint);
        req.token = token.map(|t| t.expose().to_string());
        req.body = Some(body.to_string());
        self.send(req).await
    }

    pub(crate) async fn get(
        &self,
        endpoint: Endpoint,
        token: Option<&Token>,
        query: Vec<(&'static str, String)>,
    ) -> Result<RawResponse, ApiError> {
        let mut req = ApiRequest::new(endpoint);
        req.token = token.map(|t| t.expose().to_string());
        req.query = query;
        self.send(req).await
    }

    /// `DELETE logout_url` (the auth URL unless configured). The caller forgets the token
    /// whatever this returns.
    pub async fn sign_out(&self, token: &Token) -> Result<(), ApiError> {
        let mut req = ApiRequest::new(Endpoint::Logout);
        req.token = Some(token.expose().to_string());
        let resp = self.send(req).await?;
        read_ok(&resp, true)
    }
}

/// Add one key per form value, leaving out empty ones: the published module reads a key that is
/// there at all (`"login": ""` beside the e-mail makes recovery look for an empty login).
pub(crate) fn insert_given(body: &mut Map, values: &[(String, String)]) {
    for (k, v) in values.iter().filter(|(_, v)| !v.trim().is_empty()) {
        body.insert(k.as_str().into(), v.as_str().into());
    }
}

/// Classify an answer; `on_ok` reads the `data` of an `ok`.
fn interpret<T>(
    resp: &RawResponse,
    sent_token: bool,
    on_ok: impl FnOnce(Option<&Value>) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    match envelope::decode(&resp.body) {
        Ok(Reply::Ok(data)) => on_ok(data.as_ref()),
        Ok(Reply::Error(e)) => Err(rejection(e, sent_token)),
        Ok(Reply::AuthError) if sent_token => Err(ApiError::SessionOver),
        Ok(Reply::AuthError) => Err(ApiError::Rejected(Rejection::default())),
        Ok(Reply::Verification(_)) => Err(ApiError::VerificationRequired),
        Err(_) if !(200..300).contains(&resp.status) => Err(ApiError::Http { status: resp.status }),
        Err(BodyProblem::NotJson) => Err(ApiError::ServerFailed),
        Err(problem) => Err(ApiError::Protocol(problem.into())),
    }
}

/// The marker real servers send instead of `auth_error`.
const NOT_AUTHORIZED: &str = "not_authorized";

fn rejection(e: ErrorData, sent_token: bool) -> ApiError {
    let is_marker = |m: &str| m.trim().eq_ignore_ascii_case(NOT_AUTHORIZED);
    if e.message.as_deref().is_some_and(is_marker) {
        // On a call without a token the marker means nothing to the customer: never show it.
        return if sent_token {
            ApiError::SessionOver
        } else {
            ApiError::Rejected(Rejection::default())
        };
    }
    ApiError::Rejected(Rejection {
        message: e.message.as_deref().and_then(clean_server_message),
        field_errors: e
            .errors
            .into_iter()
            .filter_map(|mut fe| {
                fe.message = clean_server_message(&fe.message)?;
                Some(fe)
            })
            .collect(),
    })
}

/// Read an `ok` answer's `data` object with `read` (`None`: no data, `null` or `[]`).
pub fn read_data<T>(
    resp: &RawResponse,
    sent_token: bool,
    read: impl FnOnce(Option<&Value>) -> T,
) -> Result<T, ApiError> {
    interpret(resp, sent_token, |data| {
        envelope::data_object(data)
            .map(read)
            .map_err(|e| ApiError::Protocol(ProtocolError::BadData(e)))
    })
}

pub(crate) fn read_ok(resp: &RawResponse, sent_token: bool) -> Result<(), ApiError> {
    // `data` of a bare success is ignored (sign-out sends unrelated junk there).
    interpret(resp, sent_token, |_| Ok(()))
}

fn read_token(resp: &RawResponse) -> Result<Token, ApiError> {
    read_data(resp, false, auth::access_token)?
        .ok_or(ApiError::Protocol(ProtocolError::MissingToken))
}

/// Read a body as the answer every endpoint shares (a token, a bare `ok`, a verification step),
/// without a transport: for the features' own readers, tests and tools that hold a body already.
/// `sent_token` says whether the call carried `Authorization`. What only one endpoint answers
/// (fields, a profile, orders) is read beside its feature (`features/<feature>/wire.rs`).
pub mod decode {
    use super::*;

    pub fn token(resp: &RawResponse) -> Result<Token, ApiError> {
        read_token(resp)
    }
    pub fn ok(resp: &RawResponse, sent_token: bool) -> Result<(), ApiError> {
        read_ok(resp, sent_token)
    }
    pub fn verification(resp: &RawResponse) -> Result<Option<Token>, ApiError> {
        verification_with(resp, false)
    }
    pub fn verification_with(
        resp: &RawResponse,
        sent_token: bool,
    ) -> Result<Option<Token>, ApiError> {
        read_data(resp, sent_token, auth::access_token)
    }
    /// The message a bare success carries (recovery's "we sent you a letter").
    pub fn message(resp: &RawResponse) -> Result<Option<String>, ApiError> {
        let message = read_data(resp, false, auth::message)?;
        Ok(message.and_then(|m| clean_server_message(&m)))
    }
}
