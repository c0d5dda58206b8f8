//! Lenient readers for the scalar values real servers send.
//!
//! The API document promises numbers and booleans; the servers in the wild send `"120"`,
//! `"300.00"`, `"Y"`/`"N"`, `1`/`0`, `"true"`, `null` or nothing at all. Every wire struct reads its
//! scalars through these functions so that one odd value never fails a whole answer: a value that
//! cannot be understood becomes the documented default (`false`, `None`).

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A boolean flag: `true`/`false`, `1`/`0`, `"1"`/`"0"`, `"Y"`/`"N"`, `"true"`/`"false"`, `"yes"`/`"no"`.
/// Missing, `null` or anything unrecognised is `false` — note that `"N"`, `"0"` and `"false"` are
/// *false*, although they are truthy strings in JavaScript.
pub fn flag<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(value_as_flag(&Option::<Value>::deserialize(d)?.unwrap_or(Value::Null)))
}

/// The flag reading of an already parsed value (see [`flag`]).
pub fn value_as_flag(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => {
            matches!(s.trim().to_ascii_lowercase().as_str(), "1" | "y" | "yes" | "true" | "on")
        }
        _ => false,
    }
}

/// A number that may arrive as a JSON number or a numeric string (`"1590"`, `"300.00"`,
/// `"12,5"`). Anything else is `None`.
pub fn number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?.as_ref().and_then(value_as_number))
}

/// The number reading of an already parsed value (see [`number`]).
pub fn value_as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let t = s.trim().replace(',', ".");
            t.parse::<f64>().ok().filter(|x| x.is_finite())
        }
        _ => None,
    }
    .filter(|x| x.is_finite())
}

/// A whole, non-negative count of seconds (or pixels): number or string; fractions are rounded.
pub fn whole<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?
        .as_ref()
        .and_then(value_as_number)
        .filter(|x| *x >= 0.0 && *x <= f64::from(u32::MAX))
        .map(|x| x.round() as u32))
}

/// Text that may arrive as a string, a number or a boolean; `null`, objects and arrays are `None`.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Value>::deserialize(d)?.and_then(value_as_text))
}

/// The text reading of an already parsed value (see [`text`]).
pub fn value_as_text(v: Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Like [`text`], but an empty or blank string is `None` too (images sent as `""`).
pub fn non_blank<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(text(d)?.filter(|s| !s.trim().is_empty()))
}

/// An identifier: servers send ids both as strings and as numbers.
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(text(d)?.unwrap_or_default())
}

/// A list that may arrive as `null`, an object (PHP's empty-array quirk) or a list; entries are
/// kept as raw values so that each can be read (or skipped) on its own.
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Value>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items,
        Some(Value::Object(map)) => map.into_iter().map(|(_, v)| v).collect(),
        _ => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flags_follow_php_not_javascript() {
        for yes in [json!(true), json!(1), json!("1"), json!("Y"), json!("true"), json!("yes")] {
            assert!(value_as_flag(&yes), "{yes}");
        }
        for no in [
            json!(false),
            json!(0),
            json!("0"),
            json!("N"),
            json!("false"),
            json!(null),
            json!(""),
            json!([]),
        ] {
            assert!(!value_as_flag(&no), "{no}");
        }
    }

    #[test]
    fn numbers_from_strings() {
        assert_eq!(value_as_number(&json!("120")), Some(120.0));
        assert_eq!(value_as_number(&json!(" 300.00 ")), Some(300.0));
        assert_eq!(value_as_number(&json!("12,5")), Some(12.5));
        assert_eq!(value_as_number(&json!(3287.3)), Some(3287.3));
        assert_eq!(value_as_number(&json!("abc")), None);
        assert_eq!(value_as_number(&json!("NaN")), None);
        assert_eq!(value_as_number(&json!(null)), None);
    }
}
