//! The envelope every answer comes in: `{"status": …, "data": …}`, and the ways real bodies
//! break it.
//!
//! Bodies are classified here, before any endpoint looks at them, so that both transports (HTTP
//! and the in-browser demo backend) share one path from text to typed value. Only the top-level
//! `status` counts; `data.d` (debug output that can hold the password) is never read.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::lenient;

/// What a body said, once it is known to be a well-formed envelope.
#[derive(Debug)]
pub enum Reply<'a> {
    /// `status: ok`, with the raw `data` if there was any.
    Ok(Option<&'a RawValue>),
    /// `status: error`.
    Error(ErrorData),
    /// `status: auth_error`: the token is no longer valid.
    AuthError,
    /// `status: verification`: a code was sent; `data` is usually absent.
    Verification(Option<&'a RawValue>),
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
/// warnings), ignore anything after it, and return the text of the value.
pub fn json_text(body: &str) -> Result<&str, BodyProblem> {
    let body = body.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        return Err(BodyProblem::Empty);
    }
    // Try each `{` or `[` in turn: a warning printed before the JSON can itself hold brackets.
    // Bounded, so a large HTML page costs a few failed parses, not one per bracket.
    for (start, _) in body.match_indices(['{', '[']).take(16) {
        let rest = &body[start..];
        let mut values = serde_json::Deserializer::from_str(rest).into_iter::<&RawValue>();
        if let Some(Ok(raw)) = values.next() {
            return Ok(raw.get());
        }
    }
    Err(BodyProblem::NotJson)
}

#[derive(Deserialize)]
struct RawEnvelope<'a> {
    #[serde(default)]
    status: Option<Value>,
    #[serde(borrow, default)]
    data: Option<&'a RawValue>,
}

/// Classify a body.
pub fn decode(body: &str) -> Result<Reply<'_>, BodyProblem> {
    let json = json_text(body)?;
    if json.starts_with('[') {
        return Err(BodyProblem::TopLevelArray);
    }
    let envelope: RawEnvelope<'_> = serde_json::from_str(json).map_err(|_| BodyProblem::NotJson)?;
    let status =
        envelope.status.and_then(lenient::value_as_text).map(|s| s.trim().to_ascii_lowercase());
    match status.as_deref() {
        Some("ok") => Ok(Reply::Ok(envelope.data)),
        Some("error") => Ok(Reply::Error(error_data(envelope.data))),
        Some("auth_error") => Ok(Reply::AuthError),
        Some("verification") => Ok(Reply::Verification(envelope.data)),
        _ => Err(BodyProblem::UnknownStatus),
    }
}

#[derive(Deserialize, Default)]
struct RawErrorData {
    #[serde(rename = "errorMessage", default, deserialize_with = "lenient::text")]
    error_message: Option<String>,
    #[serde(default, deserialize_with = "lenient::list")]
    errors: Vec<Value>,
}

fn error_data(data: Option<&RawValue>) -> ErrorData {
    // An error answer is already a failure: a malformed `data` must not turn it into a protocol
    // error and hide the fact that the server said no.
    let raw: RawErrorData =
        data.and_then(|d| serde_json::from_str(d.get()).ok()).unwrap_or_default();
    ErrorData {
        message: raw.error_message,
        errors: raw.errors.into_iter().filter_map(field_error).collect(),
    }
}

fn field_error(entry: Value) -> Option<FieldError> {
    match entry {
        Value::Object(mut map) => {
            let field_id = map
                .remove("fieldId")
                .or_else(|| map.remove("field_id"))
                .and_then(lenient::value_as_text)
                .filter(|s| !s.trim().is_empty());
            let message = map
                .remove("errorMessage")
                .or_else(|| map.remove("message"))
                .and_then(lenient::value_as_text)
                .unwrap_or_default();
            Some(FieldError { field_id, message })
        }
        Value::String(message) => Some(FieldError { field_id: None, message }),
        _ => None,
    }
}

/// Read an `ok` answer's `data` as `T`. A missing `data`, `null`, or `[]` (PHP's empty array where
/// an object was meant) reads as `T::default()`; a structurally wrong `data` is an error that says
/// what was expected and where (line and column: serde_path_to_error would name the JSON path, but
/// doubles every model's deserializer in the bundle).
pub fn data<T: DeserializeOwned + Default>(data: Option<&RawValue>) -> Result<T, String> {
    let Some(raw) = data else {
        return Ok(T::default());
    };
    let text = raw.get().trim();
    if text == "null" || text.starts_with('[') {
        return Ok(T::default());
    }
    serde_json::from_str(text).map_err(|e| format!("data: {e}"))
}
