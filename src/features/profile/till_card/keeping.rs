//! Keeping the till card after each profile load, and showing it in the profile when there is
//! no signal (offline, or the request got no answer).
//!
//! The barcode picture is fetched once per barcode address and kept as a `data:` URL beside the
//! rest (the card must draw with no network at all); a picture the server does not let the
//! cabinet read (no CORS), that is not an image or is too large is not kept, and the card says so.

use leptos::prelude::*;

use crate::features::profile::phrases::WORDS;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::context::use_app;
use crate::core::i18n::use_i18n;
use crate::core::logic::url;
use crate::core::session::Session;
use crate::core::storage::{Area, Kept};
use crate::features::profile::blocks::ProfileBlocks;
use crate::features::profile::till_card::barcode::Barcode;
use crate::features::profile::till_card::card::{is_picture, Keeping, TillCard};
use crate::features::profile::wire::Profile;

/// The loyalty card kept for the till with no signal (`card` says when), in the area that
/// holds the token: it goes when the session goes.
pub fn kept_card_in(area: Area) -> Kept<TillCard> {
    Kept::new(area, "web-cabinet:till-card")
}

/// Delete the till card kept on this device, wherever it is.
pub fn forget_kept_card() {
    kept_card_in(Area::Session).remove();
    kept_card_in(Area::Local).remove();
}

/// Whoever signs in next, and whenever a session ends, a card kept before is not theirs to see.
pub fn forget_card_on_change(session: Session) {
    session.on_change(|_| forget_kept_card());
}

/// The kept card, if it may be shown now; an unfit one is deleted on sight.
pub fn kept_card(session: &Session) -> Option<TillCard> {
    let (owner, area) = (session.fingerprint()?, session.token_area()?);
    let keeping = Keeping::of(session.storage());
    match kept_card_in(area).load() {
        Some(card) if card.fit_for(&owner, keeping, js_sys::Date::now()) => Some(card),
        _ => {
            // Unreadable (another format, edited) or not this session's: never shown.
            kept_card_in(area).remove();
            None
        }
    }
}

/// Whether a profile just loaded is kept: `local` always, `session` when ticked (a card of this
/// session is kept already), `memory` never.
pub fn keeps(session: &Session) -> bool {
    match Keeping::of(session.storage()) {
        Keeping::Always => true,
        Keeping::IfTicked => kept_card(session).is_some(),
        Keeping::Never => false,
    }
}

/// Keep the card of `profile` where the policy keeps one (in the background).
pub fn keep_if_kept(profile: &Profile, session: Session, source_url: String) {
    if keeps(&session) {
        leptos::task::spawn_local(keep(profile.clone(), session, source_url));
    }
}

/// Keep the card of `profile` for this session (fetching its barcode picture unless the kept
/// card has it already). Storage that is full or denied leaves nothing kept, silently.
pub async fn keep(profile: Profile, session: Session, source_url: String) {
    let (Some(owner), Some(area)) = (session.fingerprint(), session.token_area()) else {
        return;
    };
    let previous = kept_card(&session);
    let picture = match TillCard::barcode_source(&profile) {
        None => None,
        Some(source) => match previous.as_ref().and_then(|c| c.kept_picture(&source)) {
            Some(kept) => Some(kept),
            None => fetch_picture(&source, &source_url).await,
        },
    };
    // The session may have ended while the picture loaded.
    if session.fingerprint().as_deref() != Some(owner.as_str()) {
        return;
    }
    match TillCard::from_profile(&profile, &owner, js_sys::Date::now(), picture) {
        Some(card) => kept_card_in(area).store(&card),
        None => kept_card_in(area).remove(),
    }
}

/// The picture at `source` (relative to `cabinet.json`, as the profile's images are) as a
/// `data:` URL, or `None` when it cannot be had.
async fn fetch_picture(source: &str, config_url: &str) -> Option<String> {
    let src = url::safe_image_src(source)?;
    let address =
        if config_url.is_empty() { src.to_string() } else { url::resolve(config_url, src)? };
    let answer = gloo_net::http::Request::get(&address)
        .credentials(web_sys::RequestCredentials::Omit)
        .send()
        .await
        .ok()
        .filter(|a| a.ok())?;
    let raw: web_sys::Response = answer.into();
    let blob: web_sys::Blob = JsFuture::from(raw.blob().ok()?).await.ok()?.dyn_into().ok()?;
    if !blob.type_().starts_with("image/") || blob.size() > super::card::MAX_PICTURE_BYTES as f64 {
        return None;
    }
    let data_url = read_as_data_url(&blob).await?;
    is_picture(&data_url).then_some(data_url)
}

/// The browser's own base64 (`FileReader.readAsDataURL`).
async fn read_as_data_url(blob: &web_sys::Blob) -> Option<String> {
    let reader = web_sys::FileReader::new().ok()?;
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        reader.set_onload(Some(&resolve));
        reader.set_onerror(Some(&reject));
    });
    reader.read_as_data_url(blob).ok()?;
    JsFuture::from(done).await.ok()?;
    reader.result().ok()?.as_string()
}

/// The kept card with no signal: says it is offline (or, `waiting`, that the server is slow to
/// answer) and as of when, then the barcode (full screen at the till) or why it is missing, and
/// the rest of the card drawn with the profile's own blocks.
#[component]
pub fn OfflineCard(card: TillCard, #[prop(optional)] waiting: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.lang;
    let saved_at_ms = card.saved_at_ms;
    let barcode = match (&card.picture, &card.picture_source) {
        (Some(data_url), _) => view! { <Barcode src=data_url.clone()/> }.into_any(),
        (None, Some(_)) => view! {
            <p class="wc-hint wc-barcode-missing">{move || i18n.of(&WORDS).barcode_not_kept}</p>
        }
        .into_any(),
        (None, None) => ().into_any(),
    };
    view! {
        <div class="wc-offline" role="status" data-waiting=waiting.then_some("true")>
            <p class="wc-offline-title">
                <strong>{move || if waiting { i18n.of(&WORDS).waiting_title } else { i18n.of(&WORDS).offline_title }}</strong>
            </p>
            <p>{move || if waiting { i18n.of(&WORDS).waiting_hint } else { i18n.of(&WORDS).offline_hint }}</p>
        </div>
        <p class="wc-as-of">{move || i18n.of(&WORDS).card_as_of(saved_at_ms, lang.get())}" · "{move || i18n.of(&WORDS).card_not_live}</p>
        // The barcode first: it is what the till asks for.
        <div class="wc-till-card">
            {barcode}
            <ProfileBlocks profile=card.as_profile() lang=lang.get_untracked()/>
        </div>
    }
}

/// "Keep my card on this device" (`session` storage only): ticking keeps the card of `profile`
/// now, unticking removes it.
#[component]
pub fn KeepCardChoice(profile: Profile) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let session = app.session;
    let kept = RwSignal::new(kept_card(&session).is_some());
    let source_url = app.config.source_url.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let ticked = event_target_checked(&ev);
        kept.set(ticked);
        if ticked {
            leptos::task::spawn_local(keep(profile.clone(), session, source_url.clone()));
        } else {
            forget_kept_card();
        }
    };
    view! {
        <div class="wc-check wc-keep-card">
            <input id="wc-keep-card" type="checkbox" prop:checked=move || kept.get() on:change=on_change/>
            <label for="wc-keep-card">{move || i18n.of(&WORDS).keep_card}</label>
        </div>
    }
}
