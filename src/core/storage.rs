//! Everything the cabinet keeps in the browser, in one place: each key, the storage area it
//! lives in and the type kept there. Features ask for a [`Kept`] by what it holds, never by a key,
//! so no two can collide on one; the structured values are JSON through serde, and a value this
//! build cannot read (another version's format, an entry edited by hand) is simply absent.
//!
//! Session storage holds what belongs to one tab's visit (drafts, a pending OAuth flow, code
//! countdowns, contacts confirmed here); local storage what outlives it (the language, the app
//! id, the demo's data). The token goes where `token_storage` says (`session::Session`).

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::core::browser::{self, Area};
use crate::features::profile::editing::Draft as ProfileDraft;
use crate::features::profile::till_card::TillCard;
use crate::features::registration::logic::RegistrationDraft;
use crate::features::sign_in::social::Pending as OAuthFlow;
use crate::features::verification::logic::CodeTarget;

/// One stored value of type `T`, kept as JSON.
pub struct Kept<T> {
    area: Area,
    key: Cow<'static, str>,
    holds: PhantomData<fn() -> T>,
}

impl<T: Serialize + DeserializeOwned> Kept<T> {
    const fn at(area: Area, key: &'static str) -> Self {
        Self { area, key: Cow::Borrowed(key), holds: PhantomData }
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
    KeptText { area, key: "web-cabinet:token" }
}

/// The language the customer picked (`ru`, `en`).
pub fn language() -> KeptText {
    KeptText { area: Area::Local, key: "web-cabinet:lang" }
}

/// The `appId` this device sends when the config sets none.
pub fn app_id() -> KeptText {
    KeptText { area: Area::Local, key: "web-cabinet:appId" }
}

/// The demo backend's accounts and orders, as the demo writes them.
pub fn demo_state() -> KeptText {
    KeptText { area: Area::Local, key: "web-cabinet:demo" }
}

/// The loyalty card kept for the till with no signal (`profile::till_card` says when), in the
/// area that holds the token: it goes when the session goes.
pub fn till_card(area: Area) -> Kept<TillCard> {
    Kept::at(area, "web-cabinet:till-card")
}

/// Contacts (field id, value) confirmed with a code in this tab.
pub fn confirmed_contacts() -> Kept<Vec<(String, String)>> {
    Kept::at(Area::Session, "web-cabinet:confirmed")
}

/// A registration under way: values typed (never a password) and the code step reached.
pub fn registration_draft() -> Kept<RegistrationDraft> {
    Kept::at(Area::Session, "web-cabinet:register")
}

/// A profile edit carried across a sign-in.
pub fn profile_draft() -> Kept<ProfileDraft> {
    Kept::at(Area::Session, "web-cabinet:profile-draft")
}

/// The OAuth flow this tab started, until the network sends the customer back.
pub fn oauth_flow() -> Kept<OAuthFlow> {
    Kept::at(Area::Session, "web-cabinet:oauth")
}

/// When "send the code again" opens for `target` (milliseconds since the epoch).
pub fn resend_deadline(target: &CodeTarget) -> Kept<u64> {
    let key = format!("web-cabinet:resend:{}:{}", target.field_id, target.value);
    Kept { area: Area::Session, key: Cow::Owned(key), holds: PhantomData }
}
