//! The storage mechanism: a value kept in the browser under one key, in one area, as JSON
//! through serde (or as plain text). Each floor declares its own keys beside the code that reads
//! them (`core` the token, language and app id; each feature its drafts and cards) with
//! [`Kept::new`] / [`KeptText::new`] and a literal key, which `tests/storage_keys.rs` reads to
//! prove no two collide. A value this build cannot read (another version's format, an entry
//! edited by hand) is simply absent.
//!
//! Session storage holds what belongs to one tab's visit (drafts, a pending OAuth flow, code
//! countdowns, contacts confirmed here); local storage what outlives it (the language, the app
//! id, the demo's data). The token goes where `token_storage` says (`session::Session`).

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::core::browser;
pub use crate::core::browser::Area;

/// One stored value of type `T`, kept as JSON.
pub struct Kept<T> {
    area: Area,
    key: Cow<'static, str>,
    holds: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> Kept<T> {
    pub const fn new(area: Area, key: &'static str) -> Self {
        Self { area, key: Cow::Borrowed(key), holds: PhantomData }
    }

    /// A key made at run time under a fixed prefix (one value per code target, say): the
    /// prefix is the literal the key test reads.
    pub fn keyed(area: Area, prefix: &'static str, suffix: &str) -> Self {
        Self { area, key: Cow::Owned(format!("{prefix}{suffix}")), holds: PhantomData }
    }

    pub fn load(&self) -> Option<T> {
        browser::load(self.area, &self.key).and_then(|text| serde_json::from_str(&text).ok())
    }

    /// Keep `value`; when storage is full or denied it is just not kept.
    pub fn store(&self, value: &T) {
        if let Ok(text) = serde_json::to_string(value) {
            browser::store(self.area, &self.key, &text);
        }
    }

    pub fn remove(&self) {
        browser::remove(self.area, &self.key);
    }

    /// Load and remove: a value meant to be read once.
    pub fn take(&self) -> Option<T> {
        let value = self.load();
        self.remove();
        value
    }
}

/// A stored text, kept as it is (values written by earlier builds stay readable).
pub struct KeptText {
    area: Area,
    key: &'static str,
}

impl KeptText {
    pub const fn new(area: Area, key: &'static str) -> Self {
        Self { area, key }
    }

    pub fn load(&self) -> Option<String> {
        browser::load(self.area, self.key)
    }

    pub fn store(&self, value: &str) {
        browser::store(self.area, self.key, value);
    }

    pub fn remove(&self) {
        browser::remove(self.area, self.key);
    }
}

/// The customer's token, in `area` (see `Session` for which).
pub fn token(area: Area) -> KeptText {
    KeptText::new(area, "web-cabinet:token")
}

/// The language the customer picked (`ru`, `en`).
pub fn language() -> KeptText {
    KeptText::new(Area::Local, "web-cabinet:lang")
}

/// The `appId` this device sends when the config sets none.
pub fn app_id() -> KeptText {
    KeptText::new(Area::Local, "web-cabinet:appId")
}

/// Contacts (field id, value) confirmed with a code in this tab.
pub fn confirmed_contacts() -> Kept<Vec<(String, String)>> {
    Kept::new(Area::Session, "web-cabinet:confirmed")
}
