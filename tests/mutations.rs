//! Thousands of mutated server answers through every decoder: whatever a server sends, the wire
//! layer returns a value or an error — it never panics. Deterministic (a fixed-seed generator), so
//! a failure reproduces.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use web_cabinet::api::client::decode;
use web_cabinet::api::RawResponse;
use web_cabinet::config::Config;

fn fixtures() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut out = Vec::new();
    for sub in ["", "raw"] {
        for entry in std::fs::read_dir(dir.join(sub)).expect("fixtures").flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json" || e == "txt") {
                out.push(String::from_utf8_lossy(&std::fs::read(path).expect("read")).into_owned());
            }
        }
    }
    assert!(out.len() >= 30);
    out
}

/// xorshift64: small, seeded, good enough to pick mutations.
struct Rng(u64);
impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Values that break type expectations wherever they land.
const SPLICES: [&str; 14] = [
    "null",
    "[]",
    "{}",
    "\"\"",
    "\"Y\"",
    "-1",
    "1e309",
    "\"12,5\"",
    "true",
    "[null]",
    "{\"cabinet_field_type\":null}",
    "\"\\u0000\"",
    "9999999999999999999999",
    "\"<script>\"",
];

fn mutate(body: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = body.chars().collect();
    if chars.is_empty() {
        return SPLICES[rng.next(SPLICES.len())].to_string();
    }
    let at = rng.next(chars.len());
    let (head, tail): (String, String) =
        (chars[..at].iter().collect(), chars[at..].iter().collect());
    match rng.next(6) {
        0 => head, // truncated
        1 => format!("{head}{}", &tail.chars().skip(1 + rng.next(8)).collect::<String>()), // bytes lost
        2 => format!("{head}{}{tail}", SPLICES[rng.next(SPLICES.len())]), // junk spliced in
        3 => {
            // A value replaced: after a colon, swap what follows up to the next , } or ].
            let end = tail.find([',', '}', ']']).unwrap_or(tail.len());
            if head.ends_with(':') {
                format!("{head}{}{}", SPLICES[rng.next(SPLICES.len())], &tail[end..])
            } else {
                format!("{head}:{}{}", SPLICES[rng.next(SPLICES.len())], &tail[end..])
            }
        }
        4 => format!("{head}{head}"), // repeated
        _ => body.replace(['{', '['][rng.next(2)], ["[", "{", "", "{{"][rng.next(4)]), // brackets swapped
    }
}

#[test]
fn no_mutated_answer_makes_a_decoder_panic() {
    let bodies = fixtures();
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    let mut fed = 0;
    for round in 0..120 {
        for body in &bodies {
            let mut text = mutate(body, &mut rng);
            if round % 3 == 0 {
                text = mutate(&text, &mut rng);
            }
            for status in [200, 500] {
                let r = RawResponse { status, body: text.clone() };
                let _ = decode::token(&r);
                let _ = decode::fields(&r);
                let _ = decode::profile(&r);
                let _ = decode::orders(&r);
                let _ = decode::ok(&r, true);
                let _ = decode::verification(&r);
                let _ = decode::recovery(&r);
                fed += 1;
            }
            let _ = Config::parse(&text, "https://shop.example/cabinet.json");
        }
    }
    assert!(fed > 5_000, "only {fed} bodies fed");
    println!("{fed} mutated answers decoded by 7 decoders each without a panic");
}

/// The cabinet's own JSON reader (`model::json`) against serde_json on the same mutated bodies:
/// whatever serde_json reads, it reads to the same tree; whatever serde_json refuses, it refuses
/// too — except what it tolerates on purpose: raw control characters inside strings, lone
/// `\uD800`-style surrogates (read as U+FFFD) and numbers beyond `f64` (kept as text; a reader
/// that wants a number gets none).
#[test]
fn the_json_reader_agrees_with_serde_json() {
    use web_cabinet::model::json::{self, Value};

    fn same(mine: &Value, theirs: &serde_json::Value) -> bool {
        match (mine, theirs) {
            (Value::Null, serde_json::Value::Null) => true,
            (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
            (Value::Number(a), serde_json::Value::Number(b)) => {
                a.parse::<f64>().ok() == b.as_f64() || b.as_f64().is_none()
            }
            (Value::String(a), serde_json::Value::String(b)) => a == b,
            (Value::Array(a), serde_json::Value::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
            }
            (Value::Object(a), serde_json::Value::Object(b)) => {
                let mut keys: Vec<&String> = a.iter().map(|(k, _)| k).collect();
                keys.sort();
                keys.dedup();
                keys.len() == b.len() && b.iter().all(|(k, v)| a.get(k).is_some_and(|m| same(m, v)))
            }
            _ => false,
        }
    }
    fn tolerated(text: &str, error: &serde_json::Error) -> bool {
        text.chars().any(|c| c < ' ')
            || text.to_ascii_lowercase().contains("\\ud")
            || error.to_string().starts_with("number out of range")
    }

    let bodies = fixtures();
    let mut rng = Rng(0x0dd_ba11_5eed);
    let (mut agreed, mut both_refused) = (0, 0);
    for round in 0..100 {
        for body in &bodies {
            let text = if round == 0 { body.clone() } else { mutate(body, &mut rng) };
            let text = text.trim_start_matches('\u{feff}');
            let theirs = serde_json::from_str::<serde_json::Value>(text);
            match (json::parse(text), theirs) {
                (Ok(mine), Ok(theirs)) => {
                    assert!(same(&mine, &theirs), "different trees for {text}");
                    assert_eq!(json::parse(&mine.to_string()).as_ref(), Ok(&mine), "{text}");
                    agreed += 1;
                }
                (Err(_), Err(_)) => both_refused += 1,
                (Ok(_), Err(e)) => {
                    assert!(tolerated(text, &e), "read what serde_json refuses ({e}): {text}")
                }
                (Err(e), Ok(_)) => panic!("refused at {} what serde_json reads: {text}", e.at),
            }
        }
    }
    assert!(agreed > 500 && both_refused > 500, "{agreed} agreed, {both_refused} both refused");
    println!(
        "model::json and serde_json: {agreed} bodies read alike, {both_refused} refused alike"
    );
}
