//! The signed-in state: the token, where it is kept (per `token_storage`), and why a session
//! ended.
//!
//! The token lives in a signal for the views and in Web Storage per config; it is never put in a
//! URL or a cookie. Ending a session — sign-out, or the server saying the token is no longer valid
//! on any screen — forgets it everywhere at once, other tabs of the cabinet included (they hear it
//! on a `BroadcastChannel` and leave the signed-in screens without a request).
//!
//! What a feature keeps for one session (the orders read, the card kept for the till, a draft)
//! it forgets through [`Session::on_change`]: core names no feature, and every way a session
//! changes hands (sign-in, sign-out, the server ending it, another tab ending it) reaches every
//! such store through one path.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::api::auth::Token;
use crate::core::api::Client;
use crate::core::browser::Area;
use crate::core::config::TokenStorage;
use crate::core::storage;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Where tabs of this cabinet tell each other that a session ended.
const CHANNEL: &str = "web-cabinet:session";
const SIGNED_OUT: &str = "signed-out";
const SESSION_ENDED: &str = "session-ended";
/// Where a token kept in memory only waits, for the moment between the sign-in screens' bundle
/// and the signed-in screens' (`app::signed_in_bundle`): taken at once by the next.
const HANDED_TOKEN: &str = "__webCabinetHandedToken";
/// Enough for every contact of a profile; older entries make way.
const CONFIRMED_KEPT: usize = 8;

/// Why the customer is looking at the sign-in screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The server ended the session (`auth_error`, `not_authorized`).
    SessionEnded,
    /// The customer signed out.
    SignedOut,
    /// The customer signed out on this device, but the server refused the sign-out or never
    /// answered: the token may still be valid there, which a shared computer's owner must know.
    SignedOutUnconfirmed,
    /// Registration finished without signing in: sign in now.
    Registered,
}

/// How the session changed hands, for what was kept for the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Someone signed in: nothing kept before is theirs to see.
    SignedIn,
    /// The session ended, and why.
    Ended(Notice),
}

type Forget = Arc<dyn Fn(Change) + Send + Sync>;

#[derive(Clone, Copy)]
pub struct Session {
    token: RwSignal<Option<Token>>,
    notice: RwSignal<Option<Notice>>,
    storage: TokenStorage,
    forgetters: StoredValue<Vec<Forget>>,
}

impl Session {
    /// Restore a kept token, if the policy keeps any.
    pub fn restore(storage: TokenStorage) -> Self {
        let kept = match storage {
            // Kept nowhere, but the bundle before this one may have handed it over.
            TokenStorage::Memory => {
                crate::core::browser::take_global(HANDED_TOKEN).and_then(|t| t.as_string())
            }
            TokenStorage::Local => storage::token(Area::Local).load(),
            // "Stay signed in" put it in local storage.
            TokenStorage::Session => {
                storage::token(Area::Session).load().or_else(|| storage::token(Area::Local).load())
            }
        };
        Self {
            token: RwSignal::new(kept.and_then(Token::new)),
            notice: RwSignal::new(None),
            storage,
            forgetters: StoredValue::new(Vec::new()),
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
        self.announce(Change::SignedIn);
        match (self.storage, remember) {
            (TokenStorage::Memory, _) => {}
            (TokenStorage::Local, _) | (TokenStorage::Session, true) => {
                storage::token(Area::Local).store(token.expose())
            }
            (TokenStorage::Session, false) => storage::token(Area::Session).store(token.expose()),
        }
        self.notice.set(None);
        self.token.set(Some(token));
    }

    /// Hand the session to the bundle that starts next on this page: a token kept in Web Storage
    /// is read from there, one kept in memory only is left where the next bundle takes it.
    pub fn hand_over(&self) {
        if let (TokenStorage::Memory, Some(token)) = (self.storage, self.token()) {
            crate::core::browser::set_global(HANDED_TOKEN, &JsValue::from_str(token.expose()));
        }
    }

    /// A stand-in for the session (never the token itself), for what is kept for it.
    pub fn fingerprint(&self) -> Option<String> {
        self.token().map(|t| token_fingerprint(t.expose()))
    }

    /// Where the token is kept (`None`: in memory only).
    pub fn token_area(&self) -> Option<Area> {
        [Area::Session, Area::Local].into_iter().find(|a| storage::token(*a).load().is_some())
    }

    /// Call `forget` whenever the session changes hands (for as long as the cabinet runs): what
    /// a feature keeps for one session goes through here.
    pub fn on_change(&self, forget: impl Fn(Change) + Send + Sync + 'static) {
        self.forgetters.update_value(|list| list.push(Arc::new(forget)));
    }

    fn announce(&self, change: Change) {
        for forget in self.forgetters.get_value() {
            forget(change);
        }
    }

    /// The customer signs out: forgotten here at once, whatever the server answers (or if it
    /// never does); a refused or unanswered sign-out is then told on the sign-in screen.
    pub fn sign_out(&self, client: &Client) {
        if let Some(token) = self.token() {
            let (client, session) = (client.clone(), *self);
            leptos::task::spawn_local(async move {
                if let Err(e) = client.sign_out(&token).await {
                    crate::core::browser::warn(&format!("sign-out request failed: {e}"));
                    session.sign_out_unconfirmed();
                }
            });
        }
        self.end(Notice::SignedOut);
    }

    /// Show a notice on the sign-in screen without touching the token.
    pub fn tell(&self, why: Notice) {
        self.notice.set(Some(why));
    }

    /// The server did not confirm a sign-out already done here: the sign-in screen, if it still
    /// says "signed out", says so instead (a customer who has moved on is not interrupted).
    pub fn sign_out_unconfirmed(&self) {
        if self.notice.get_untracked() == Some(Notice::SignedOut) {
            self.notice.set(Some(Notice::SignedOutUnconfirmed));
        }
    }

    /// The notice has served its purpose (the customer acted on the sign-in screen).
    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }

    /// The contacts (field id, value) the customer confirmed with a code in this tab. Servers
    /// that never report `verified` (the published module) are believed confirmed for these;
    /// session storage: gone with the tab, and with the session.
    pub fn confirmed_here(&self) -> Vec<(String, String)> {
        storage::confirmed_contacts().load().unwrap_or_default()
    }

    /// A code confirmed `value` of `field_id`.
    pub fn remember_confirmed(&self, field_id: &str, value: &str) {
        let mut list = self.confirmed_here();
        list.retain(|(id, _)| id != field_id);
        list.push((field_id.to_string(), value.to_string()));
        let start = list.len().saturating_sub(CONFIRMED_KEPT);
        storage::confirmed_contacts().store(&list[start..].to_vec());
    }

    /// Forget the token everywhere; the sign-in screen will say why.
    pub fn end(&self, why: Notice) {
        Self::forget_stored();
        if let Some(token) = self.token() {
            Self::tell_other_tabs(&token, why);
        }
        storage::confirmed_contacts().remove();
        self.announce(Change::Ended(why));
        self.notice.set(Some(why));
        self.token.set(None);
    }

    /// Another tab ended the session with this fingerprint: end this one too if it is the same
    /// session (a tab signed in on its own keeps its own).
    fn heard_session_end(&self, why: Notice, fingerprint: &str) {
        if self.token().is_some_and(|t| token_fingerprint(t.expose()) == fingerprint) {
            self.notice.set(Some(why));
            self.token.set(None);
            storage::confirmed_contacts().remove();
            self.announce(Change::Ended(why));
        }
    }

    /// Hear sessions ended in other tabs of this browser (`BroadcastChannel`), for as long as
    /// the cabinet runs.
    pub fn listen_to_other_tabs(&self) {
        let session = *self;
        let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
            return;
        };
        let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                let Some(text) = event.data().as_string() else {
                    return;
                };
                let Some((kind, fingerprint)) = text.split_once(':') else {
                    return;
                };
                let why = match kind {
                    SIGNED_OUT => Notice::SignedOut,
                    SESSION_ENDED => Notice::SessionEnded,
                    _ => return,
                };
                session.heard_session_end(why, fingerprint);
            },
        );
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // Both live as long as the cabinet (the channel must stay referenced to hear anything),
        // which on a customer's sign-in hands the page to another bundle (`app::signed_in_bundle`).
        let kept = send_wrapper::SendWrapper::new((channel, on_message));
        on_cleanup(move || kept.0.close());
    }

    /// Tell the other tabs this session ended (by a fingerprint: never the token itself, which
    /// any script of the origin could read off the channel).
    fn tell_other_tabs(token: &Token, why: Notice) {
        let kind = match why {
            Notice::SignedOut | Notice::SignedOutUnconfirmed => SIGNED_OUT,
            Notice::SessionEnded => SESSION_ENDED,
            Notice::Registered => return,
        };
        if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
            let message = format!("{kind}:{}", token_fingerprint(token.expose()));
            channel.post_message(&JsValue::from_str(&message)).ok();
            channel.close();
        }
    }

    fn forget_stored() {
        storage::token(Area::Local).remove();
        storage::token(Area::Session).remove();
    }
}

/// A short, stable stand-in for a token (std's SipHash with its fixed keys: the same in every
/// tab), so that tabs can tell whether they hold the same session without sending it.
fn token_fingerprint(token: &str) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    token.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}
