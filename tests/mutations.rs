//! Thousands of mutated server answers through every decoder: whatever a server sends, the wire
//! layer returns a value or an error — it never panics. Deterministic (a fixed-seed generator), so
//! a failure reproduces.

#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use web_cabinet::core::api::client::decode;
use web_cabinet::core::api::RawResponse;
use web_cabinet::core::config::Config;
use web_cabinet::features::orders::wire::OrdersPage;
use web_cabinet::features::profile::wire::Profile;
use web_cabinet::shared::forms::wire::decode_fields;

fn fixtures() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
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
                let _ = decode_fields(&r);
                let _ = Profile::decode(&r);
                let _ = OrdersPage::decode(&r);
                let _ = decode::ok(&r, true);
                let _ = decode::verification(&r);
                let _ = decode::message(&r);
                fed += 1;
            }
            let _ = Config::parse(&text, "https://shop.example/cabinet.json");
        }
    }
    assert!(fed > 5_000, "only {fed} bodies fed");
    println!("{fed} mutated answers decoded by 7 decoders each without a panic");
}
