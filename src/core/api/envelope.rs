//! The envelope every answer comes in: `{"status": …, "data": …}`, and the ways real bodies
//! break it.
//!
//! Bodies are classified here, before any endpoint looks at them, so that both transports (HTTP
//! and the in-browser demo backend) share one path from text to typed value. Only the top-level
//! `status` counts; `data.d` (debug output that can hold the password) is never read.

use super::json::{self, Value};
use super::lenient::{self, Fields};

/// What a body said, once it is known to be a well-formed envelope.
#[derive(Debug)]
pub enum Reply {
    /// `status: ok`, with `data` if there was any.
    Ok(Option<Value>),
    /// `status: error`.
    Error(ErrorData),
    /// `status: auth_error`: the token is no longer valid.
    AuthError,
    /// `status: verification`: a code was sent; `data` is usually absent.
    Verification(Option<Value>),
}
/// Why a body is not a usable envelope. None of these carry body text: raw server output (HTML
/// error pages, debug dumps) must never reach the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyProblem {
    /// Nothing but whitespace.
    Empty,
    /// No JSON value could be found in the body (an HTML error page, say).
    NotJson,
    /// A JSON array at the top level (`[]` — a server without a session for this call).
    TopLevelArray,
    /// A JSON object without a `status` the API defines.
    UnknownStatus,
}

/// `data` of an `error` answer: one message and/or a list of per-field messages.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct ErrorData {
    /// `data.errorMessage` as sent (may be empty, may hold `\n` or `<br>`).
    pub message: Option<String>,
    /// `data.errors[]`, each tied to a field or not.
    pub errors: Vec<FieldError>,
}

/// One entry of `data.errors[]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// `fieldId` or `field_id`; `None` when the server named no field.
    pub field_id: Option<String>,
    /// The message, as sent.
    pub message: String,
}

/// Find the JSON value in a body: strip a byte-order mark, skip anything printed before it (PHP
/// warnings), ignore anything after it. Returns the value and the text it was read from.
pub fn find_json(body: &str) -> Result<(Value, &str), BodyProblem> {
    let body = body.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        return Err(BodyProblem::Empty);
    }
    // Try each `{` or `[` in turn: a warning printed before the JSON can itself hold brackets.
    // Bounded, so a large HTML page costs a few failed parses, not one per bracket.
    for (start, _) in body.match_indices(['{', '[']).take(16) {
        let rest = &body[start..];
        if let Ok((value, end)) = json::parse_prefix(rest) {
            return Ok((value, &rest[..end]));
        }
    }
    Err(BodyProblem::NotJson)
}

/// Classify a body.
pub fn decode(body: &str) -> Result<Reply, BodyProblem> {
    let (value, _) = find_json(body)?;
    let Value::Object(mut envelope) = value else {
        return Err(BodyProblem::TopLevelArray);
    };
    let status = envelope
        .get("status")
        .and_then(lenient::value_as_text)
        .map(|s| s.trim().to_ascii_lowercase());
    let data = envelope.remove("data");
    match status.as_deref() {
        Some("ok") => Ok(Reply::Ok(data)),
        Some("error") => Ok(Reply::Error(error_data(data.as_ref()))),
        Some("auth_error") => Ok(Reply::AuthError),
        Some("verification") => Ok(Reply::Verification(data)),
        _ => Err(BodyProblem::UnknownStatus),
    }
}

fn error_data(data: Option<&Value>) -> ErrorData {
    // An error answer is already a failure: a malformed `data` must not turn it into a protocol
    // error and hide the fact that the server said no.
    let Some(data) = data.filter(|d| d.is_object()) else {
        return ErrorData::default();
    };
    ErrorData {
        message: data.text("errorMessage"),
        errors: data.entries("errors").into_iter().filter_map(field_error).collect(),
    }
}

fn field_error(entry: &Value) -> Option<FieldError> {
    match entry {
        Value::Object(_) => {
            let field_id = entry.non_blank("fieldId").or_else(|| entry.non_blank("field_id"));
            let message =
                entry.text("errorMessage").or_else(|| entry.text("message")).unwrap_or_default();
            Some(FieldError { field_id, message })
        }
        Value::String(message) => Some(FieldError { field_id: None, message: message.clone() }),
        _ => None,
    }
}

/// The object an `ok` answer's `data` holds, for an endpoint's reader. A missing `data`, `null`,
/// or `[]` (PHP's empty array where an object was meant) reads as an empty object; `data` that is
/// a string, a number or a boolean is an error that says so.
pub fn data_object(data: Option<&Value>) -> Result<Option<&Value>, String> {
    match data {
        None | Some(Value::Null | Value::Array(_)) => Ok(None),
        Some(v @ Value::Object(_)) => Ok(Some(v)),
        Some(Value::String(_)) => Err("data: a string where an object was expected".into()),
        Some(Value::Number(_)) => Err("data: a number where an object was expected".into()),
        Some(Value::Bool(_)) => Err("data: a boolean where an object was expected".into()),
    }
}
