//! JSON as the cabinet reads it: `serde_json`'s `Value`, with the two choices real answers need.
//!
//! - `arbitrary_precision`: a number stays the text the server sent (`"3287.3000000000002"`,
//!   `12345`), so an id or a sum of money shows as sent and only a reader that wants an `f64`
//!   makes one;
//! - `preserve_order`: an object keeps its keys in the server's order (order contacts are shown
//!   that way); a repeated key keeps its first place and its last value.
//!
//! serde_json caps nesting at 128 levels, so a hostile body is an error, not a stack overflow.
//! What this module adds is finding a value at the start of a body that goes on after it (PHP
//! prints warnings and debug output around the JSON; see `envelope::find_json`).

pub use serde_json::{Error, Value};

/// A JSON object (serde_json's only kind of map).
pub type Map = serde_json::Map<String, Value>;

/// Parse a text that holds one JSON value and nothing else but whitespace.
pub fn parse(text: &str) -> Result<Value, Error> {
    serde_json::from_str(text)
}

/// Parse the JSON value at the start of `text` (after whitespace) and return it with the byte
/// offset where it ends; whatever follows is not looked at.
pub fn parse_prefix(text: &str) -> Result<(Value, usize), Error> {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    match values.next() {
        Some(Ok(value)) => Ok((value, values.byte_offset())),
        Some(Err(e)) => Err(e),
        // Nothing but whitespace: let serde_json say so in its own words.
        None => serde_json::from_str::<Value>(text).map(|value| (value, text.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_text() {
        let v = parse(r#"[3287.3000000000002, 12345, -2.5e3, 12.50]"#).unwrap();
        let texts: Vec<String> = v.as_array().unwrap().iter().map(|n| n.to_string()).collect();
        // serde_json spells an exponent with its sign; the digits are the server's.
        assert_eq!(texts, ["3287.3000000000002", "12345", "-2.5e+3", "12.50"]);
        assert_eq!(v[2].as_f64(), Some(-2500.0));
    }

    #[test]
    fn keeps_key_order_and_reads_the_last_repeated_key() {
        let v = parse(r#"{"z":1,"a":2,"z":3}"#).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "a"]);
        assert_eq!(v.get("z").map(Value::to_string).as_deref(), Some("3"));
    }

    #[test]
    fn prefix_parse_stops_after_the_value() {
        let (v, end) = parse_prefix(r#"{"status":"ok"} <!-- debug -->"#).unwrap();
        assert_eq!(v.get("status").and_then(Value::as_str), Some("ok"));
        assert_eq!(end, 15);
        assert!(parse_prefix("  ").is_err());
        assert!(parse_prefix("{\"a\":").is_err());
    }

    #[test]
    fn nesting_is_capped() {
        assert!(parse(&("[".repeat(100) + &"]".repeat(100))).is_ok());
        // Far deeper than any stack would survive recursing into: still just an error.
        assert!(parse(&"[{\"a\":".repeat(100_000)).is_err());
    }

    #[test]
    fn writes_what_it_reads() {
        let text = r#"{"appId":"1","code":"12 34","fields":[{"field_id":"email","value":"a\"b\\c\nd\u0001é"}],"n":12.50,"t":true,"x":null}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.to_string(), text);
    }
}
