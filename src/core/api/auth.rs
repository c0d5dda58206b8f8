//! Answers that sign a customer in: authorization, registration and verification all return
//! `data.accessToken` on success.

use std::fmt;

use super::json::Value;
use super::lenient::Fields;

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

/// `data.accessToken` of a sign-in answer, if it holds a token.
pub fn access_token(data: Option<&Value>) -> Option<Token> {
    data.and_then(|d| d.text("accessToken")).and_then(Token::new)
}

/// `data.message` of a recovery answer, unless blank.
pub fn message(data: Option<&Value>) -> Option<String> {
    data.and_then(|d| d.non_blank("message"))
}
