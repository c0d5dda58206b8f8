//! The signed-in state: the token, where it is kept (per `token_storage`), and why a session
//! ended.
//!
//! The token lives in a signal for the views and in Web Storage per config; it is never put in a
//! URL or a cookie. Ending a session — sign-out, or the server saying the token is no longer valid
//! on any screen — forgets it everywhere at once.

use leptos::prelude::*;

use crate::browser::{self, Area};
use crate::config::TokenStorage;
use crate::model::auth::Token;

const TOKEN_KEY: &str = "web-cabinet:token";

/// Why the customer is looking at the sign-in screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The server ended the session (`auth_error`, `not_authorized`).
    SessionEnded,
    /// The customer signed out.
    SignedOut,
    /// Registration finished without signing in: sign in now.
    Registered,
}

#[derive(Clone, Copy)]
pub struct Session {
    token: RwSignal<Option<Token>>,
    notice: RwSignal<Option<Notice>>,
    storage: TokenStorage,
}

impl Session {
    /// Restore a kept token, if the policy keeps any.
    pub fn restore(storage: TokenStorage) -> Self {
        let kept = match storage {
            TokenStorage::Memory => None,
            TokenStorage::Local => browser::load(Area::Local, TOKEN_KEY),
            // "Stay signed in" put it in local storage.
            TokenStorage::Session => browser::load(Area::Session, TOKEN_KEY)
                .or_else(|| browser::load(Area::Local, TOKEN_KEY)),
        };
        Self {
            token: RwSignal::new(kept.and_then(Token::new)),
            notice: RwSignal::new(None),
            storage,
        }
    }

    pub fn storage(&self) -> TokenStorage {
        self.storage
    }

    /// The token, untracked (for requests).
    pub fn token(&self) -> Option<Token> {
        self.token.get_untracked()
    }

    /// Whether someone is signed in (tracked).
    pub fn is_signed_in(&self) -> bool {
        self.token.with(Option::is_some)
    }

    pub fn notice(&self) -> Option<Notice> {
        self.notice.get()
    }

    /// Keep a new token. `remember` ("stay signed in") matters only with `session` storage.
    pub fn sign_in(&self, token: Token, remember: bool) {
        Self::forget_stored();
        match (self.storage, remember) {
            (TokenStorage::Memory, _) => {}
            (TokenStorage::Local, _) | (TokenStorage::Session, true) => {
                browser::store(Area::Local, TOKEN_KEY, token.expose())
            }
            (TokenStorage::Session, false) => {
                browser::store(Area::Session, TOKEN_KEY, token.expose())
            }
        }
        self.notice.set(None);
        self.token.set(Some(token));
    }

    /// Show a notice on the sign-in screen without touching the token.
    pub fn tell(&self, why: Notice) {
        self.notice.set(Some(why));
    }

    /// Forget the token everywhere; the sign-in screen will say why.
    pub fn end(&self, why: Notice) {
        Self::forget_stored();
        self.notice.set(Some(why));
        self.token.set(None);
    }

    fn forget_stored() {
        browser::remove(Area::Local, TOKEN_KEY);
        browser::remove(Area::Session, TOKEN_KEY);
    }
}
