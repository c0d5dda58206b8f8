//! What a transport carries: an endpoint, a token, a JSON body, a query — and the raw answer.
//!
//! The same request type goes to the HTTP transport and to the demo backend, and both answer with
//! status + body text, so the parsing path is identical whichever one is configured.

/// The twelve operations of the API (sign-out counted on its own: it is `DELETE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Endpoint {
    RegFields,
    Registration,
    Auth,
    Verification,
    VerificationRepeat,
    TokenRefresh,
    Logout,
    RecoveryFields,
    Recovery,
    Profile,
    ChangeFields,
    OrderList,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Delete => "DELETE",
        }
    }
}

impl Endpoint {
    pub const ALL: [Endpoint; 12] = [
        Self::RegFields,
        Self::Registration,
        Self::Auth,
        Self::Verification,
        Self::VerificationRepeat,
        Self::TokenRefresh,
        Self::Logout,
        Self::RecoveryFields,
        Self::Recovery,
        Self::Profile,
        Self::ChangeFields,
        Self::OrderList,
    ];

    pub fn method(self) -> Method {
        match self {
            Self::RegFields | Self::RecoveryFields | Self::Profile | Self::OrderList => Method::Get,
            Self::Logout => Method::Delete,
            _ => Method::Post,
        }
    }

    /// The key under `api` in `cabinet.json`.
    pub fn config_key(self) -> &'static str {
        match self {
            Self::RegFields => "regFields_url",
            Self::Registration => "registration_url",
            Self::Auth => "auth_url",
            Self::Verification => "verification_url",
            Self::VerificationRepeat => "verification_repeat_url",
            Self::TokenRefresh => "token_refresh_url",
            Self::Logout => "logout_url",
            Self::RecoveryFields => "recovery_fields_url",
            Self::Recovery => "recovery_url",
            Self::Profile => "profile_url",
            Self::ChangeFields => "verification_change_url",
            Self::OrderList => "order_list_url",
        }
    }

    /// Whether the call sends `Authorization` (and so can end the session).
    pub fn needs_token(self) -> bool {
        matches!(
            self,
            Self::TokenRefresh
                | Self::Logout
                | Self::Profile
                | Self::ChangeFields
                | Self::OrderList
        )
    }
}

/// One request, transport-neutral.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiRequest {
    pub endpoint: Endpoint,
    /// Sent as the raw `Authorization` header value.
    pub token: Option<String>,
    /// JSON text, for `POST`.
    pub body: Option<String>,
    /// Appended to the endpoint URL (`offset`, `limit`).
    pub query: Vec<(&'static str, String)>,
    /// The UI locale (`ru_RU`). Not sent by the HTTP transport — the browser's own
    /// `Accept-Language` does that job — but the demo backend answers in this language.
    pub locale: Option<String>,
}

impl ApiRequest {
    pub fn new(endpoint: Endpoint) -> Self {
        Self { endpoint, token: None, body: None, query: Vec::new(), locale: None }
    }
}

/// An answer as it arrived: HTTP status and body text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawResponse {
    pub status: u16,
    pub body: String,
}

/// A request that got no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    Network,
    Timeout,
}
