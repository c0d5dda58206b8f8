//! The one error type every screen matches on.
//!
//! Each variant is a different thing to tell the customer and a different thing to do next: a
//! network failure and a timeout offer a retry, a rejection puts messages next to the inputs, a
//! session that is over sends the customer to sign in again. No variant carries raw server output
//! (HTML pages, debug dumps) or the token.

use std::fmt;

use crate::core::api::envelope::{BodyProblem, FieldError};

#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The request got no answer: offline, DNS, refused, or blocked by CORS (browsers don't say
    /// which).
    Network,
    /// No answer within `request_timeout_ms`; the request was aborted.
    Timeout,
    /// An HTTP failure status with a body that is not an API answer (an HTML 500 page, say).
    Http { status: u16 },
    /// An answer that cannot be read as the API defines it.
    Protocol(ProtocolError),
    /// HTTP 2xx with a body that is no JSON at all: the server crashed and printed a trace or a
    /// page (1C-Bitrix answers its fatal errors this way). Repeating a read may help; repeating a
    /// submit fails the same way, so forms offer no "try again" for it.
    ServerFailed,
    /// The token is no longer valid (`auth_error`, or `not_authorized` on a call that sent one).
    SessionOver,
    /// The server said no: a form-level message and/or messages per field.
    Rejected(Rejection),
    /// A code was sent; the customer must enter it.
    VerificationRequired,
}

/// Why an answer could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProtocolError {
    /// An empty body.
    Empty,
    /// Not JSON at all (e.g. an HTML page with HTTP 200).
    NotJson,
    /// A top-level JSON array (`[]`).
    TopLevelArray,
    /// JSON without a known `status`.
    UnknownStatus,
    /// `data` of the wrong shape; the text names the JSON path.
    BadData(String),
    /// `ok` without the `accessToken` a sign-in must return.
    MissingToken,
}

// Written out, not `{:?}`: Debug-formatting a string escapes it, and the escaping pulls
// Unicode's printability tables into the bundle (0.5 KB brotli).
impl fmt::Display for ProtocolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("an empty body"),
            Self::NotJson => f.write_str("not JSON"),
            Self::TopLevelArray => f.write_str("a JSON array instead of an object"),
            Self::UnknownStatus => f.write_str("no status the API defines"),
            Self::BadData(why) => f.write_str(why),
            Self::MissingToken => f.write_str("no accessToken"),
        }
    }
}

impl ApiError {
    /// The request got no answer at all (offline, or no answer in time): what the till card
    /// stands in for.
    pub fn is_no_answer(&self) -> bool {
        matches!(self, Self::Network | Self::Timeout)
    }
}

impl From<BodyProblem> for ProtocolError {
    fn from(p: BodyProblem) -> Self {
        match p {
            BodyProblem::Empty => Self::Empty,
            BodyProblem::NotJson => Self::NotJson,
            BodyProblem::TopLevelArray => Self::TopLevelArray,
            BodyProblem::UnknownStatus => Self::UnknownStatus,
        }
    }
}

/// What the server rejected, cleaned for display: `<br>` turned into line breaks, blanks dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rejection {
    /// A form-level message; `None` when the server sent none (or an empty one): the view shows
    /// a generic text then, never an empty alert.
    pub message: Option<String>,
    /// Messages the server tied to a field id, or to no field.
    pub field_errors: Vec<FieldError>,
}

impl Rejection {
    /// The message for a field, if the server sent one.
    pub fn for_field(&self, id: &str) -> Option<&str> {
        self.field_errors
            .iter()
            .find(|e| e.field_id.as_deref() == Some(id))
            .map(|e| e.message.as_str())
    }

    /// Messages that belong at form level given the ids the form shows: the form message and
    /// every field error whose id is missing or not one of `known_ids`.
    pub fn form_level(&self, known_ids: &[&str]) -> Vec<String> {
        let mut out: Vec<String> = self.message.iter().cloned().collect();
        for e in &self.field_errors {
            let known = e.field_id.as_deref().is_some_and(|id| known_ids.contains(&id));
            if !known && !e.message.trim().is_empty() && !out.contains(&e.message) {
                out.push(e.message.clone());
            }
        }
        out
    }
}

impl ApiError {
    /// Whether trying the same request again might help (the views offer "retry" then).
    pub fn is_retryable(&self) -> bool {
        matches!(self, Self::Network | Self::Timeout | Self::Http { .. } | Self::Protocol(_))
    }

    /// Whether repeating a read (a page, the profile, a form's fields) might help: everything
    /// [`Self::is_retryable`] says, and a crash, which may not happen the next time.
    pub fn is_retryable_read(&self) -> bool {
        self.is_retryable() || *self == Self::ServerFailed
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Network => f.write_str("network error: the server could not be reached"),
            Self::Timeout => f.write_str("the server did not answer in time"),
            Self::Http { status } => write!(f, "the server failed with HTTP {status}"),
            Self::Protocol(p) => write!(f, "unreadable answer: {p}"),
            Self::ServerFailed => f.write_str("the server failed (HTTP 200 with no JSON)"),
            Self::SessionOver => f.write_str("the session is over"),
            Self::Rejected(r) => match &r.message {
                Some(m) => write!(f, "rejected: {m}"),
                None => f.write_str("rejected"),
            },
            Self::VerificationRequired => f.write_str("verification required"),
        }
    }
}

impl std::error::Error for ApiError {}
