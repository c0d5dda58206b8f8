//! The profile: the server's blocks in the server's order, the bonus card, editing in place with
//! code verification, and sign-out.
//!
//! A failed load says "couldn't load — retry", never "signed out"; only the server saying the
//! token is no longer valid ends the session — and then the draft being edited is kept (session
//! storage) and comes back after signing in again.
//!
//! A save says "saved" only if the reloaded profile shows the change (see `editor::saving`). With no
//! answer, the card kept for the till stands in (see `till_card::keeping`).

use leptos::prelude::*;

use crate::features::profile::phrases::WORDS;

use crate::core::api::ApiError;
use crate::core::context::{use_app, AppContext};
use crate::core::i18n::use_i18n;
use crate::core::logic::route::Route;
use crate::core::session::Notice;
use crate::core::ui::banner::{ErrorBanner, ReadFailureBanner};
use crate::core::ui::load::Load;
use crate::core::ui::nav::use_nav;
use crate::core::ui::working::working;
use crate::features::profile::blocks::ProfileBlocks;
use crate::features::profile::editor::saving::{profile_editing, PageStates};
use crate::features::profile::till_card::card::{stand_in, Keeping, StandIn, TillCard};
use crate::features::profile::till_card::keeping::{self, KeepCardChoice, OfflineCard};
use crate::shared::code_step::logic::CodeTarget;
use crate::shared::code_step::view::CodeVerification;
use crate::shared::social::flow::SocialButtons;

/// How long the first load may take before the kept card stands in.
const SLOW_MS: u64 = 1500;

/// The profile page (the app's guard draws it for a signed-in customer only).
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let AppContext { client, config, session } = use_app();
    let nav = use_nav();
    let load_client = client.clone();
    let source_url = config.source_url.clone();
    let profile = Load::new(move || {
        let _ = i18n.lang.get();
        let (c, source_url) = (load_client.clone(), source_url.clone());
        let token = session.token();
        async move {
            let Some(token) = token else {
                return Err(ApiError::SessionOver);
            };
            let answer = c.profile(&token).await;
            match &answer {
                // Each profile shown is the card kept for the till, where the policy keeps one.
                Ok(p) => keeping::keep_if_kept(p, session, source_url),
                // The session ended on the server: the app's guard asks for a sign-in and comes
                // back here (the draft is kept).
                Err(ApiError::SessionOver) => session.end(Notice::SessionEnded),
                Err(_) => {}
            }
            answer
        }
    });
    // No answer (offline, or the request hung): back online, try again at once.
    let no_answer = move || matches!(profile.get_untracked(), Some(Err(e)) if e.is_no_answer());
    let on_online = window_event_listener(leptos::ev::online, move |_| {
        if no_answer() {
            profile.refetch();
        }
    });
    on_cleanup(move || on_online.remove());
    let failure = profile.failure();
    let ticking = Keeping::of(session.storage()) == Keeping::IfTicked;
    // Whether the barcode's picture loaded: "keep my card" waits for it.
    let barcode_loaded = RwSignal::new(false);
    // A profile slow to come (a signal that carries nothing: the request hangs until its
    // timeout) shows the kept card meanwhile, saying it is waiting.
    let slow = RwSignal::new(false);
    set_timeout(
        move || {
            slow.try_set(true);
        },
        std::time::Duration::from_millis(SLOW_MS),
    );

    let verifying: RwSignal<Option<CodeTarget>> = RwSignal::new(None);
    let saved = RwSignal::new(false);
    let page_failure: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let page = PageStates { profile, session, verifying, saved, failure: page_failure };
    let editing = profile_editing(page, client.clone());
    provide_context(editing);

    let sign_out = move |_| {
        session.sign_out(&client);
        nav.go(Route::sign_in());
    };

    let code_step = move |target: CodeTarget| {
        let (target_id, target_value) = (target.field_id.clone(), target.value.clone());
        view! {
            <CodeVerification
                target
                token=session.token()
                on_verified=Callback::new(move |_| {
                    session.remember_confirmed(&target_id, &target_value);
                    editing.confirmed_here.set(session.confirmed_here());
                    verifying.set(None);
                    editing.draft.set(None);
                    saved.set(true);
                    profile.refetch();
                })
                on_back=Callback::new(move |_| verifying.set(None))
                cancellable=true
            />
        }
    };

    view! {
        {move || match verifying.get() {
            Some(target) => code_step(target).into_any(),
            None => view! {
                <section class="wc-card wc-profile" aria-labelledby="wc-profile-title">
                    <div class="wc-profile-head">
                        <h1 id="wc-profile-title">{move || i18n.of(&WORDS).profile_title}</h1>
                        <button type="button" class="wc-button wc-button--secondary wc-sign-out" on:click=sign_out.clone()>
                            {move || i18n.of(&WORDS).sign_out}
                        </button>
                    </div>
                    <p class="wc-status" role="status">{move || saved.get().then(|| i18n.of(&WORDS).saved)}</p>
                    {move || page_failure.get().map(|e| {
                        let lines = vec![match e {
                            ApiError::Rejected(r) => r.message.unwrap_or_else(|| i18n.t().error_rejected.to_string()),
                            other => i18n.t().api_error(&other).to_string(),
                        }];
                        view! { <ErrorBanner lines=lines/> }
                    })}
                    {move || {
                    let loaded = profile.get();
                    // The timer is read only while nothing has come: once an answer is drawn,
                    // its firing must not redraw the profile under a customer who is editing.
                    let slow = loaded.is_none() && slow.get();
                    // No profile to show (slow to come, or no answer) and a card kept for this
                    // session: the till card stands in, saying why; after no answer, with a retry
                    // (going back online retries by itself).
                    let standing = stand_in(loaded.as_ref(), slow)
                        .and_then(|why| keeping::kept_card(&session).map(|card| (why, card)));
                    if let Some((why, card)) = standing {
                        let waiting = why == StandIn::Waiting;
                        let retry = (!waiting).then(|| view! {
                            <button type="button" class="wc-button wc-button--secondary wc-retry" on:click=move |_| profile.refetch()>
                                {move || i18n.t().retry}
                            </button>
                        });
                        return view! { <OfflineCard card waiting/> {retry} }.into_any();
                    }
                    match loaded {
                        None | Some(Err(ApiError::SessionOver)) => working(i18n.t().loading),
                        Some(Ok(p)) => {
                            let offer = p.clone();
                            let choice = move || {
                                (ticking && TillCard::offered(&offer, barcode_loaded.get()))
                                    .then(|| view! { <KeepCardChoice profile=offer.clone()/> })
                            };
                            view! {
                                <ProfileBlocks profile=p lang=i18n.lang.get() barcode_loaded/>
                                {choice}
                                <SocialButtons connect=true next=Route::Profile/>
                            }
                            .into_any()
                        }
                        Some(Err(_)) => match failure.get() {
                            Some(failure) => view! {
                                <ReadFailureBanner failure lead=i18n.of(&WORDS).profile_load_failed retry=Callback::new(move |_| profile.refetch())/>
                            }.into_any(),
                            None => ().into_any(),
                        },
                    }
                    }}
                </section>
            }
            .into_any(),
        }}
    }
    .into_any()
}
