//! Answers that sign a customer in: authorization, registration and verification all return
//! `data.accessToken` on success.

use serde::Deserialize;
use std::fmt;

use super::lenient;

/// A session token. Its `Debug` never prints the value: tokens must not reach logs or messages.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    /// Wrap a token; blank strings are not tokens.
    pub fn new(value: impl Into<String>) -> Option<Self> {
        let value = value.into();
        let trimmed = value.trim();
        (!trimmed.is_empty()).then(|| Self(trimmed.to_string()))
    }

    /// The raw value, for the `Authorization` header and for storage — nowhere else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(…)")
    }
}

/// `data` of a sign-in answer.
#[derive(Debug, Default, Deserialize)]
pub struct TokenData {
    #[serde(rename = "accessToken", default, deserialize_with = "lenient::text")]
    pub access_token: Option<String>,
}

/// `data` of a recovery answer.
#[derive(Debug, Default, Deserialize)]
pub struct MessageData {
    #[serde(default, deserialize_with = "lenient::non_blank")]
    pub message: Option<String>,
}
