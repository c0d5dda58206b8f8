//! Lenient readers for the scalar values real servers send.
//!
//! The API document promises numbers and booleans; the servers in the wild send `"120"`,
//! `"300.00"`, `"Y"`/`"N"`, `1`/`0`, `"true"`, `null` or nothing at all. Every wire struct reads its
//! scalars through these functions so that one odd value never fails a whole answer: a value that
//! cannot be understood becomes the documented default (`false`, `None`).

use super::json::Value;

/// A boolean flag: `true`/`false`, `1`/`0`, `"1"`/`"0"`, `"Y"`/`"N"`, `"true"`/`"false"`, `"yes"`/`"no"`.
/// Missing, `null` or anything unrecognised is `false` — note that `"N"`, `"0"` and `"false"` are
/// *false*, although they are truthy strings in JavaScript.
pub fn value_as_flag(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Number(n) => parse_decimal(&n.to_string()).is_some_and(|x| x != 0.0),
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
        // The number's text as sent (`arbitrary_precision`), read as a string would be.
        Value::Number(n) => parse_decimal(&n.to_string()),
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
        Value::String(s) => Some(s.clone()),
        // The text as sent (`arbitrary_precision`): `3287.3000000000002` stays that.
        Value::Number(n) => Some(n.to_string()),
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

/// A decimal number as servers and customers write it: `120`, `-3287.30`, `12,5` (a comma for
/// the point), `.5`, `1.5e3`. Nothing else: no blanks, `inf`, `NaN` or hex. The characters are
/// checked here and the number converted by the platform: in the browser by JavaScript's own
/// `Number()` (unary `+`), which reads that alphabet as Rust's `str::parse` does (and, where it does not
/// read a whole string, says NaN), and saves the wasm Rust's decimal-to-float tables (10 KB
/// brotli, measured); natively (the tests, the build-time first screen) by `str::parse`.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | ',' | 'e' | 'E');
    if s.matches(',').count() > 1
        || !s.chars().all(allowed)
        || !s.contains(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    decimal_to_float(&s.replace(',', ".")).filter(|x| x.is_finite())
}

#[cfg(target_arch = "wasm32")]
fn decimal_to_float(s: &str) -> Option<f64> {
    // Unary `+`, which is `Number()`; a string never makes it throw.
    let x = wasm_bindgen::JsValue::from_str(s).unchecked_into_f64();
    (!x.is_nan()).then_some(x)
}

#[cfg(not(target_arch = "wasm32"))]
fn decimal_to_float(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

/// A sum of money as the server sent it. The text is kept (a decimal comma becomes a point) so
/// that `3287.3000000000002` reaches `Intl.NumberFormat` as written, not rounded through `f64`.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount(String);

impl Amount {
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        parse_decimal(text)?;
        Some(Self(text.replace(',', ".")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For arithmetic (a line's price × count); never for showing the amount itself.
    pub fn to_f64(&self) -> f64 {
        parse_decimal(&self.0).unwrap_or(0.0)
    }
}

/// A sum of money: a JSON number or a numeric string, as written.
pub fn value_as_amount(v: &Value) -> Option<Amount> {
    match v {
        Value::Number(n) => Amount::parse(&n.to_string()),
        Value::String(s) => Amount::parse(s),
        _ => None,
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
    fn amount(&self, key: &str) -> Option<Amount>;
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
    fn amount(&self, key: &str) -> Option<Amount> {
        self.get(key).and_then(value_as_amount)
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
    use crate::core::api::json::parse;

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
    fn decimals_as_servers_and_customers_write_them() {
        for (text, want) in [
            ("120", 120.0),
            ("-3287.30", -3287.3),
            ("12,5", 12.5),
            ("+7", 7.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1.5e3", 1500.0),
            ("25E-2", 0.25),
            ("007", 7.0),
        ] {
            assert_eq!(parse_decimal(text), Some(want), "{text}");
        }
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "abc", "12a", "1.2.3", "1,2,3", " 1", "1 ", "inf",
            "NaN", "--1", "1e400", "0x10", "1,5.5",
        ] {
            assert_eq!(parse_decimal(text), None, "{text}");
        }
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
