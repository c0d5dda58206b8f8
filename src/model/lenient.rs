//! Lenient readers for the scalar values real servers send.
//!
//! The API document promises numbers and booleans; the servers in the wild send `"120"`,
//! `"300.00"`, `"Y"`/`"N"`, `1`/`0`, `"true"`, `null` or nothing at all. Every wire struct reads its
//! scalars through these functions so that one odd value never fails a whole answer: a value that
//! cannot be understood becomes the documented default (`false`, `None`).

use super::json::Value;
use super::number::parse_decimal;

/// A boolean flag: `true`/`false`, `1`/`0`, `"1"`/`"0"`, `"Y"`/`"N"`, `"true"`/`"false"`, `"yes"`/`"no"`.
/// Missing, `null` or anything unrecognised is `false` — note that `"N"`, `"0"` and `"false"` are
/// *false*, although they are truthy strings in JavaScript.
pub fn value_as_flag(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Number(_) => v.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => {
            matches!(s.trim().to_ascii_lowercase().as_str(), "1" | "y" | "yes" | "true" | "on")
        }
        _ => false,
    }
}

/// A number that may arrive as a JSON number or a numeric string (`"1590"`, `"300.00"`,
/// `"12,5"`). Anything else is `None`.
pub fn value_as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(_) => v.as_f64(),
        Value::String(s) => parse_decimal(s.trim()),
        _ => None,
    }
    .filter(|x| x.is_finite())
}

/// A whole, non-negative count of seconds (or pixels): number or string; fractions are rounded.
pub fn value_as_whole(v: &Value) -> Option<u32> {
    value_as_number(v).filter(|x| *x >= 0.0 && *x <= f64::from(u32::MAX)).map(|x| x.round() as u32)
}

/// Text that may arrive as a string, a number (as sent) or a boolean; `null`, objects and
/// arrays are `None`.
pub fn value_as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) | Value::Number(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The entries of a list that may arrive as `null`, an object (PHP's empty-array quirk, or a
/// list serialized with keys) or a list; each entry is read (or skipped) on its own.
pub fn entries(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Object(map)) => map.iter().map(|(_, v)| v).collect(),
        _ => Vec::new(),
    }
}

/// Readers of one member of an object, by key: what every wire struct is made from.
pub trait Fields {
    /// Text (see [`value_as_text`]); missing is `None`.
    fn text(&self, key: &str) -> Option<String>;
    /// Text that is not blank (images sent as `""`, titles of spaces).
    fn non_blank(&self, key: &str) -> Option<String> {
        self.text(key).filter(|s| !s.trim().is_empty())
    }
    /// An identifier: servers send ids both as strings and as numbers; missing is empty.
    fn id(&self, key: &str) -> String {
        self.text(key).unwrap_or_default()
    }
    fn flag(&self, key: &str) -> bool;
    fn number(&self, key: &str) -> Option<f64>;
    fn whole(&self, key: &str) -> Option<u32>;
    /// A member that is an object; `null`, `[]` or anything else is `None`.
    fn object(&self, key: &str) -> Option<&Value>;
    fn entries(&self, key: &str) -> Vec<&Value>;
}

impl Fields for Value {
    fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(value_as_text)
    }
    fn flag(&self, key: &str) -> bool {
        self.get(key).is_some_and(value_as_flag)
    }
    fn number(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(value_as_number)
    }
    fn whole(&self, key: &str) -> Option<u32> {
        self.get(key).and_then(value_as_whole)
    }
    fn object(&self, key: &str) -> Option<&Value> {
        self.get(key).filter(|v| v.is_object())
    }
    fn entries(&self, key: &str) -> Vec<&Value> {
        entries(self.get(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::parse;

    fn json(text: &str) -> Value {
        parse(text).unwrap()
    }

    #[test]
    fn flags_follow_php_not_javascript() {
        for yes in ["true", "1", r#""1""#, r#""Y""#, r#""true""#, r#""yes""#] {
            assert!(value_as_flag(&json(yes)), "{yes}");
        }
        for no in ["false", "0", r#""0""#, r#""N""#, r#""false""#, "null", r#""""#, "[]"] {
            assert!(!value_as_flag(&json(no)), "{no}");
        }
    }

    #[test]
    fn numbers_keep_their_text() {
        assert_eq!(
            value_as_text(&json("3287.3000000000002")).as_deref(),
            Some("3287.3000000000002")
        );
        assert_eq!(value_as_text(&json("12345")).as_deref(), Some("12345"));
        assert_eq!(value_as_text(&json("true")).as_deref(), Some("true"));
        assert_eq!(value_as_text(&json("null")), None);
    }

    #[test]
    fn numbers_from_strings() {
        assert_eq!(value_as_number(&json(r#""120""#)), Some(120.0));
        assert_eq!(value_as_number(&json(r#"" 300.00 ""#)), Some(300.0));
        assert_eq!(value_as_number(&json(r#""12,5""#)), Some(12.5));
        assert_eq!(value_as_number(&json(r#"3287.3"#)), Some(3287.3));
        assert_eq!(value_as_number(&json(r#""abc""#)), None);
        assert_eq!(value_as_number(&json(r#""NaN""#)), None);
        assert_eq!(value_as_number(&json(r#"null"#)), None);
    }
}
