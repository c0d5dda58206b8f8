//! Every feature declares its own storage keys beside the code that reads them
//! (`core::storage` is only the mechanism). This test reads them all from the source and proves
//! that no two collide: two features writing one key would read each other's values as theirs.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The constructors that take a key, each with its key as the first string literal.
const CONSTRUCTORS: [&str; 3] = ["Kept::new(", "KeptText::new(", "Kept::keyed("];

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The first string literal of the call that starts at `rest`, before its closing parenthesis.
fn first_literal(rest: &str) -> Option<&str> {
    let call = &rest[..rest.find(')')?];
    let start = call.find('"')? + 1;
    let len = call[start..].find('"')?;
    Some(&call[start..start + len])
}

/// (key, where it is declared, whether it is a prefix) for every declaration in `src/`.
fn declared_keys() -> Vec<(String, String, bool)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut keys = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let shown = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
        for constructor in CONSTRUCTORS {
            for (at, _) in text.match_indices(constructor) {
                let line = text[..at].lines().count();
                let rest = &text[at + constructor.len()..];
                let key = first_literal(rest).unwrap_or_else(|| {
                    panic!("{shown}:{line}: a storage key must be a literal, to be checked here")
                });
                keys.push((
                    key.to_string(),
                    format!("{shown}:{line}"),
                    constructor == "Kept::keyed(",
                ));
            }
        }
    }
    keys
}

#[test]
fn no_two_storage_keys_collide() {
    let keys = declared_keys();
    // Token, language, app id, confirmed contacts, demo, till card, two drafts, OAuth, resend.
    assert!(keys.len() >= 10, "the reader found too few keys: {keys:?}");
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (key, place, _) in &keys {
        assert!(key.starts_with("web-cabinet:"), "{place}: {key:?} is outside the cabinet's names");
        if let Some(first) = seen.insert(key, place) {
            panic!("storage key {key:?} is declared twice: {first} and {place}");
        }
    }
    for (prefix, place, _) in keys.iter().filter(|(_, _, is_prefix)| *is_prefix) {
        for (key, other, _) in keys.iter().filter(|(k, _, _)| k != prefix) {
            assert!(
                !key.starts_with(prefix.as_str()),
                "{other}: {key:?} falls under the prefix {prefix:?} of {place}"
            );
        }
    }
}
