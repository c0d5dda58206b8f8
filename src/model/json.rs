//! A small JSON reader and writer, made for what this cabinet reads and sends.
//!
//! Every answer is read leniently (see `lenient`), field by field, so the cabinet needs a parsed
//! tree, not typed deserialization: this module gives it one without serde, whose generic
//! machinery (a deserializer per model, `serde_json::Value`, its map type and error formatting)
//! was a fifth of the browser bundle. What it keeps of JSON's text on purpose:
//!
//! - numbers stay the text the server sent (`"3287.3000000000002"`, `12345`): an id shows as
//!   sent and only a reader that wants a number parses one;
//! - objects keep their keys in the server's order (order contacts are shown that way); a
//!   repeated key is kept twice, and [`Map::get`] answers with the last one, as JSON parsers do;
//! - nesting is capped at [`MAX_DEPTH`] so a hostile body cannot exhaust the stack.

use std::fmt;

/// How deep arrays and objects may nest (serde_json's default limit too).
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    /// The number's text, exactly as sent (always valid JSON number syntax).
    Number(String),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// An object's members in document order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Self {
        Self(Vec::new())
    }

    /// The value of `key`; with a repeated key, the last one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Set `key`, replacing an earlier value in place (for building request bodies).
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<Value>) {
        let key = key.into();
        let value = value.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// Take `key` out (every copy of a repeated key), returning the value [`Map::get`] would give.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let mut last = None;
        self.0.retain_mut(|(k, v)| {
            if k == key {
                last = Some(std::mem::take(v));
                false
            } else {
                true
            }
        });
        last
    }

    /// The members in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.into_iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

type Member<'a> = (&'a String, &'a Value);

impl<'a> IntoIterator for &'a Map {
    type Item = Member<'a>;
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, Value)>,
        fn(&'a (String, Value)) -> Member<'a>,
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<K: Into<String>, V: Into<Value>> FromIterator<(K, V)> for Map {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl Value {
    /// The member `key` of an object; `None` for anything else.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A number that is a whole, non-negative integer written without fraction or exponent.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.parse().ok(),
            _ => None,
        }
    }

    /// Any number as `f64` (only finite values; JSON has no others).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => super::number::parse_decimal(n),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Object(m)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Value::Array(items)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(n.to_string())
    }
}

/// Why a text is not JSON, and where (a byte offset into the text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
}

impl Error {
    /// 1-based line and column (in characters) of the problem within `text`.
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let before = text.get(..self.at).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }
}

/// Parse a text that holds one JSON value and nothing else but whitespace.
pub fn parse(text: &str) -> Result<Value, Error> {
    let (value, end) = parse_prefix(text)?;
    let mut p = Parser { s: text.as_bytes(), i: end };
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(Error { at: p.i });
    }
    Ok(value)
}

/// Parse the JSON value at the start of `text` (after whitespace) and return it with the offset
/// where it ends; whatever follows is not looked at.
pub fn parse_prefix(text: &str) -> Result<(Value, usize), Error> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    p.skip_ws();
    let value = p.value(0)?;
    Ok((value, p.i))
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn fail<T>(&self) -> Result<T, Error> {
        Err(Error { at: self.i })
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.skip_ws();
        let hit = self.peek() == Some(b);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn keyword(&mut self, word: &[u8], value: Value) -> Result<Value, Error> {
        if self.s.get(self.i..self.i + word.len()) == Some(word) {
            self.i += word.len();
            Ok(value)
        } else {
            self.fail()
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.skip_ws();
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.keyword(b"true", Value::Bool(true)),
            Some(b'f') => self.keyword(b"false", Value::Bool(false)),
            Some(b'n') => self.keyword(b"null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => self.fail(),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return self.fail();
        }
        self.i += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return self.fail();
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        if depth > MAX_DEPTH {
            return self.fail();
        }
        self.i += 1;
        let mut members = Vec::new();
        if self.eat(b'}') {
            return Ok(Value::Object(Map(members)));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return self.fail();
            }
            let key = self.string()?;
            if !self.eat(b':') {
                return self.fail();
            }
            members.push((key, self.value(depth)?));
            if self.eat(b'}') {
                return Ok(Value::Object(Map(members)));
            }
            if !self.eat(b',') {
                return self.fail();
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let int_len = self.digits();
        if int_len == 0 || (int_len > 1 && self.s[int_start] == b'0') {
            return self.fail();
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return self.fail();
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return self.fail();
            }
        }
        // Only ASCII digits and signs were consumed, so this slice is valid UTF-8.
        let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
        Ok(Value::Number(text))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(hex) = self.s.get(self.i..self.i + 4) else {
            return self.fail();
        };
        let mut n = 0;
        for &h in hex {
            let d = match h {
                b'0'..=b'9' => h - b'0',
                b'a'..=b'f' => h - b'a' + 10,
                b'A'..=b'F' => h - b'A' + 10,
                _ => return self.fail(),
            };
            n = n * 16 + u32::from(d);
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, Error> {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        loop {
            let start = self.i;
            while !matches!(self.peek(), None | Some(b'"' | b'\\')) {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[start..self.i]);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    // The input is a `&str` and escapes add whole characters: valid UTF-8.
                    return String::from_utf8(out).or_else(|_| self.fail());
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let c = self.escaped_char()?;
                            let mut buf = [0; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return self.fail(),
                    };
                    self.i += 1;
                    out.push(c as u8);
                }
                _ => return self.fail(),
            }
        }
    }

    /// The character of a `\uXXXX` escape (the `\u` already read), joining surrogate pairs; a
    /// lone surrogate becomes U+FFFD rather than failing the whole answer.
    fn escaped_char(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.s.get(self.i..self.i + 2) == Some(b"\\u") {
            let save = self.i;
            self.i += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.i = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }
}

/// Writes compact JSON, as request bodies and saved drafts need it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::Number(n) => f.write_str(n),
            Value::String(s) => write_string(f, s),
            Value::Array(items) => {
                f.write_str("[")?;
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        f.write_str(",")?;
                    }
                    item.fmt(f)?;
                }
                f.write_str("]")
            }
            Value::Object(map) => {
                f.write_str("{")?;
                for (n, (k, v)) in map.iter().enumerate() {
                    if n > 0 {
                        f.write_str(",")?;
                    }
                    write_string(f, k)?;
                    f.write_str(":")?;
                    v.fmt(f)?;
                }
                f.write_str("}")
            }
        }
    }
}

fn write_string(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    f.write_str("\"")?;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if u32::from(c) < 0x20 => "",
            _ => continue,
        };
        f.write_str(&s[start..i])?;
        if escape.is_empty() {
            let b = c as u8;
            let code =
                [b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]];
            f.write_str(std::str::from_utf8(&code).unwrap_or(""))?;
        } else {
            f.write_str(escape)?;
        }
        start = i + c.len_utf8();
    }
    f.write_str(&s[start..])?;
    f.write_str("\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u0416\ud83d\ude00", "c": {}} "#)
            .unwrap();
        let a = v.get("a").unwrap();
        assert_eq!(
            a,
            &Value::Array(vec![
                Value::Number("1".into()),
                Value::Number("-2.5e3".into()),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null,
            ])
        );
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"\\/\nЖ😀"));
        assert_eq!(v.get("c"), Some(&Value::Object(Map::new())));
        assert_eq!(Value::Number("-2.5e3".into()).as_f64(), Some(-2500.0));
    }

    #[test]
    fn keeps_key_order_and_reads_the_last_repeated_key() {
        let v = parse(r#"{"z":1,"a":2,"z":3}"#).unwrap();
        let keys: Vec<&String> = v.as_object().unwrap().iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["z", "a", "z"]);
        assert_eq!(v.get("z"), Some(&Value::Number("3".into())));
    }

    #[test]
    fn rejects_what_is_not_json() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "{'a':1}",
            "01",
            "1.",
            "-",
            "1e",
            "tru",
            "\"abc",
            "\"\\x\"",
            "[1 2]",
            "{\"a\":1,}",
            "<html>",
            "nul",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(parse("[1] x"), Err(Error { at: 4 }));
        assert_eq!(Error { at: 9 }.line_column("{\n  \"a\": x"), (2, 8));
    }

    #[test]
    fn prefix_parse_stops_after_the_value() {
        let (v, end) = parse_prefix(r#"{"status":"ok"} <!-- debug -->"#).unwrap();
        assert_eq!(v.get("status").and_then(Value::as_str), Some("ok"));
        assert_eq!(end, 15);
    }

    #[test]
    fn nesting_is_capped() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).is_err());
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        // Far deeper than any stack would survive recursing into: still just an error.
        assert!(parse(&"[{\"a\":".repeat(100_000)).is_err());
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(parse(r#""\ud800x""#).unwrap(), Value::String("\u{fffd}x".into()));
        assert_eq!(parse(r#""\udc00""#).unwrap(), Value::String("\u{fffd}".into()));
    }

    #[test]
    fn writes_what_it_reads() {
        let text = r#"{"appId":"1","code":"12 34","fields":[{"field_id":"email","value":"a\"b\\c\nd\u0001é"}],"n":12.50,"t":true,"x":null}"#;
        let v = parse(text).unwrap();
        assert_eq!(v.to_string(), text);
        assert_eq!(parse(&v.to_string()).unwrap(), v);
        let mut m = Map::new();
        m.insert("a", "1");
        m.insert("b", Value::Bool(false));
        m.insert("a", "2");
        assert_eq!(Value::Object(m).to_string(), r#"{"a":"2","b":false}"#);
    }
}
