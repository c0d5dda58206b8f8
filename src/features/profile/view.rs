//! The profile: the server's blocks in the server's order, the bonus card, editing in place with
//! code verification, and sign-out.
//!
//! A failed load says "couldn't load — retry", never "signed out"; only the server saying the
//! token is no longer valid ends the session — and then the draft being edited is kept (session
//! storage) and comes back after signing in again.
//!
//! A save reloads the profile and says "saved" only if the profile now shows the change: servers
//! answer `ok` to changes they ignore. Values edit with the type and options of the registration
//! field of the same id when the profile gives none (see `profile::edit`).

use crate::app::{use_app, AppContext};
use crate::core::storage;
use crate::core::ui::nav::use_navigate;
use crate::core::ui::nav::NavigateOptions;
use crate::core::ui::nav::Redirect;
use leptos::prelude::*;

use crate::core::ui::effect::effect;

use crate::core::ui::submit::newest_only;

use crate::core::api::ApiError;
use crate::core::browser::{self};
use crate::core::i18n::use_i18n;
use crate::core::session::{Notice, Session};
use crate::core::ui::banner::ErrorBanner;
use crate::core::ui::load::Load;
use crate::features::forms::wire::{FieldType, FormField};
use crate::features::profile::blocks::ProfileBlocks;
use crate::features::profile::edit::{change_applied, edit_field, value_to_send};
use crate::features::profile::editing::{Draft, ProfileEditing};
use crate::features::profile::offline::{self, KeepCardChoice, OfflineCard};
use crate::features::profile::till_card::{stand_in, Keeping, StandIn, TillCard};
use crate::features::profile::wire::{EditableValue, Profile, ProfileField, Verification};
use crate::features::sign_in::social::SocialButtons;
use crate::features::verification::logic::CodeTarget;
use crate::features::verification::view::CodeVerification;

const HERE: &str = "/profile";
/// How long the first load may take before the kept card stands in.
const SLOW_MS: u64 = 1500;
fn load_draft() -> Option<Draft> {
    storage::profile_draft().load()
}

fn keep_draft(draft: Option<&Draft>) {
    match draft {
        Some(draft) => storage::profile_draft().store(draft),
        None => storage::profile_draft().remove(),
    }
}

/// The editable value with this id, wherever it sits in the profile.
fn find_field(profile: &Profile, id: &str) -> Option<EditableValue> {
    profile.fields.iter().find_map(|f| match f {
        ProfileField::Name { field, .. } | ProfileField::TitleText(field) if field.id == id => {
            Some(field.clone())
        }
        _ => None,
    })
}

/// The code step for a profile field, whose code the server has just sent.
fn code_target(field: &EditableValue, value: &str) -> CodeTarget {
    CodeTarget {
        field_id: field.id.clone(),
        value: value.to_string(),
        prompt: field.text.clone(),
        resend_after: field.time.unwrap_or(60),
        sent_at_ms: browser::now_ms(),
        code_type: field.code_input_type.clone().unwrap_or(FieldType::Number),
        title: field.title.clone().unwrap_or_else(|| field.id.clone()),
    }
}

/// A change on its way: the field as edited, the value before, and what is sent.
#[derive(Debug, Clone)]
struct Change {
    field: FormField,
    before: Option<String>,
    sent: String,
}

/// A change the server took, and the profile reloaded after it.
#[derive(Debug, Clone)]
struct Saved {
    profile: Profile,
    /// Whether the reloaded profile shows the change.
    applied: bool,
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let session = use_app().session;
    // Checked once: signing out navigates away itself.
    if session.token().is_none() {
        return view! { <Redirect path=format!("/sign-in?next={HERE}")/> }.into_any();
    }
    view! { <ProfileView session/> }.into_any()
}

#[component]
fn ProfileView(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let AppContext { client, orders, config, .. } = use_app();
    let navigate = use_navigate();
    let load_client = client.clone();
    let profile = Load::new(move || {
        let _ = i18n.lang.get();
        let c = load_client.clone();
        let token = session.token();
        async move {
            match token {
                Some(t) => c.profile(&t).await,
                None => Err(ApiError::SessionOver),
            }
        }
    });

    // The session ended on the server: sign in again, then come back here (draft kept).
    let nav = navigate.clone();
    let session_over = move || {
        session.end(Notice::SessionEnded);
        nav(
            &format!("/sign-in?next={HERE}"),
            NavigateOptions { replace: true, ..Default::default() },
        );
    };
    let over = session_over.clone();
    effect(move || {
        if matches!(profile.get(), Some(Err(ApiError::SessionOver))) {
            over();
        }
    });

    // Each profile shown is the card kept for the till, where the policy keeps one.
    let source_url = config.source_url.clone();
    effect(move || {
        if let Some(Ok(p)) = profile.get() {
            if offline::keeps(&session) {
                leptos::task::spawn_local(offline::keep(p, session, source_url.clone()));
            }
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
    let ticking = Keeping::of(session.storage()) == Keeping::IfTicked;
    // A profile slow to come (a signal that carries nothing: the request hangs until its
    // timeout) shows the kept card meanwhile, saying it is waiting.
    let slow = RwSignal::new(false);
    set_timeout(
        move || {
            slow.try_set(true);
        },
        std::time::Duration::from_millis(SLOW_MS),
    );

    // The registration form's fields, for the types and options of typeless profile values; a
    // failure leaves text inputs, which still work.
    let registration: RwSignal<Vec<FormField>> = RwSignal::new(Vec::new());
    let fields_client = client.clone();
    leptos::task::spawn_local(async move {
        if let Ok(fields) = fields_client.registration_fields().await {
            registration.try_set(fields);
        }
    });
    let confirmed_here = RwSignal::new(session.confirmed_here());

    let draft = RwSignal::new(load_draft());
    effect(move || draft.with(|d| keep_draft(d.as_ref())));
    let failure: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let not_applied = RwSignal::new(false);
    let refocus: RwSignal<Option<String>> = RwSignal::new(None);
    let verifying: RwSignal<Option<CodeTarget>> = RwSignal::new(None);
    let saved = RwSignal::new(false);
    let current = move || match profile.get_untracked() {
        Some(Ok(p)) => Some(p),
        _ => None,
    };

    // What a save's answer leads to, run where the request finishes.
    let over = session_over.clone();
    let on_saved = move |result: Result<Saved, ApiError>| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        match result {
            Ok(Saved { profile: reloaded, applied }) => {
                profile.set(Ok(reloaded));
                if applied {
                    refocus.set(Some(d.field_id.clone()));
                    draft.set(None);
                    saved.set(true);
                } else {
                    // Keep what the customer typed, and say the shop did not take it.
                    not_applied.set(true);
                }
            }
            Err(ApiError::VerificationRequired) => {
                let field = current().and_then(|p| find_field(&p, &d.field_id));
                let target = match field {
                    Some(f) => code_target(&f, d.value.trim()),
                    None => code_target(
                        &EditableValue {
                            id: d.field_id.clone(),
                            title: None,
                            value: None,
                            editable: true,
                            field_type: FieldType::Text,
                            need_verification: true,
                            verification: Verification::Unreported,
                            time: None,
                            text: None,
                            code_input_type: None,
                        },
                        d.value.trim(),
                    ),
                };
                verifying.set(Some(target));
            }
            Err(ApiError::SessionOver) => over(),
            Err(e) => failure.set(Some(e)),
        }
    };
    let save_client = client.clone();
    let save = Action::new_local(move |change: &Change| {
        let (c, change, token) = (save_client.clone(), change.clone(), session.token());
        let on_answer = on_saved.clone();
        async move {
            let result = async {
                let Some(t) = token else {
                    return Err(ApiError::SessionOver);
                };
                c.change_fields(&t, &[(change.field.id.clone(), change.sent.clone())]).await?;
                // Servers report ok even when nothing changed: the reloaded profile says.
                let reloaded = c.profile(&t).await?;
                let after = find_field(&reloaded, &change.field.id).and_then(|f| f.value);
                let applied = change_applied(
                    &change.field,
                    change.before.as_deref(),
                    after.as_deref(),
                    &change.sent,
                );
                Ok(Saved { profile: reloaded, applied })
            };
            on_answer(result.await)
        }
    });
    let saving = save.pending();
    let dispatch_save = newest_only(save);

    let over = session_over.clone();
    let page_failure: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let on_code_sent = move |result: Result<CodeTarget, ApiError>| match result {
        Ok(target) => {
            verifying.set(Some(target));
        }
        Err(ApiError::SessionOver) => over(),
        Err(e) => page_failure.set(Some(e)),
    };
    let confirm_client = client.clone();
    let confirm = Action::new_local(move |field: &EditableValue| {
        let (c, f, token) = (confirm_client.clone(), field.clone(), session.token());
        let on_answer = on_code_sent.clone();
        async move {
            let value = f.value.clone().unwrap_or_default();
            let result = match token {
                Some(t) => {
                    c.resend_code(&f.id, &value, Some(&t)).await.map(|()| code_target(&f, &value))
                }
                None => Err(ApiError::SessionOver),
            };
            on_answer(result)
        }
    });
    let dispatch_confirm = newest_only(confirm);

    let editing = ProfileEditing {
        draft,
        failure,
        not_applied,
        registration,
        confirmed_here,
        refocus,
        saving: saving.into(),
        save: Callback::new(move |_| {
            if saving.get_untracked() {
                return;
            }
            let Some(d) = draft.get_untracked() else {
                return;
            };
            let shown = current().and_then(|p| find_field(&p, &d.field_id));
            let field = match &shown {
                Some(f) => edit_field(f, &registration.get_untracked()),
                None => return,
            };
            let sent = value_to_send(&field, &d.value);
            if sent.trim().is_empty() {
                failure.set(Some(ApiError::Rejected(crate::core::api::Rejection {
                    message: Some(i18n.t().required.to_string()),
                    field_errors: Vec::new(),
                })));
                return;
            }
            failure.set(None);
            not_applied.set(false);
            saved.set(false);
            dispatch_save(Change { field, before: shown.and_then(|f| f.value), sent });
        }),
        confirm: Callback::new(move |f: EditableValue| {
            if !confirm.pending().get_untracked() {
                page_failure.set(None);
                dispatch_confirm(f);
            }
        }),
    };
    provide_context(editing);

    let sign_out = move |_| {
        if let Some(token) = session.token() {
            let c = client.clone();
            // Forgotten locally first, whatever the server answers (or if it never does).
            leptos::task::spawn_local(async move {
                if let Err(e) = c.sign_out(&token).await {
                    browser::warn(&format!("sign-out request failed: {e}"));
                }
            });
        }
        keep_draft(None);
        orders.clear();
        session.end(Notice::SignedOut);
        navigate("/sign-in", NavigateOptions::default());
    };

    let code_step = move |target: CodeTarget| {
        let (target_id, target_value) = (target.field_id.clone(), target.value.clone());
        view! {
            <CodeVerification
                target
                token=session.token()
                on_verified=Callback::new(move |_| {
                    session.remember_confirmed(&target_id, &target_value);
                    confirmed_here.set(session.confirmed_here());
                    verifying.set(None);
                    draft.set(None);
                    saved.set(true);
                    profile.refetch();
                })
                on_back=Callback::new(move |_| verifying.set(None))
            />
        }
    };

    view! {
        {move || match verifying.get() {
            Some(target) => code_step(target).into_any(),
            None => view! {
                <section class="wc-card wc-profile" aria-labelledby="wc-profile-title">
                    <div class="wc-profile-head">
                        <h1 id="wc-profile-title">{move || i18n.t().profile_title}</h1>
                        <button type="button" class="wc-button wc-button--secondary wc-sign-out" on:click=sign_out.clone()>
                            {move || i18n.t().sign_out}
                        </button>
                    </div>
                    <p class="wc-status" role="status">{move || saved.get().then(|| i18n.t().saved)}</p>
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
                        .and_then(|why| offline::kept_card(&session).map(|card| (why, card)));
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
                        None | Some(Err(ApiError::SessionOver)) => view! {
                            <p class="wc-loading" role="status">{i18n.t().loading}</p>
                        }.into_any(),
                        Some(Ok(p)) => {
                            let choice = (ticking && TillCard::in_profile(&p))
                                .then(|| view! { <KeepCardChoice profile=p.clone()/> });
                            view! {
                                <ProfileBlocks profile=p lang=i18n.lang.get()/>
                                {choice}
                                <SocialButtons connect=true next=HERE/>
                            }
                            .into_any()
                        }
                        Some(Err(e)) => {
                            let lines = vec![format!("{} {}", i18n.t().profile_load_failed, i18n.t().api_error(&e))];
                            view! { <ErrorBanner lines=lines retry=Callback::new(move |_| profile.refetch())/> }.into_any()
                        }
                    }
                    }}
                </section>
            }
            .into_any(),
        }}
    }
    .into_any()
}
