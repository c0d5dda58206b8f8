//! Saving a profile value, and asking for a code to confirm one: the requests, and where each
//! answer leads — the reloaded profile (and whether it shows the change), the code step, the
//! session's end, or an error beside the editor. Servers answer `ok` to changes they ignore, so
//! a save reloads the profile and compares. The page builds [`ProfileEditing`] here and
//! provides it to the editors in its blocks.

use leptos::prelude::*;

use crate::core::api::{ApiError, Client};
use crate::core::browser;
use crate::core::context::use_app;
use crate::core::i18n::use_i18n;
use crate::core::session::{Change as SessionChange, Notice, Session};
use crate::core::storage::{Area, Kept};
use crate::core::ui::effect::effect;
use crate::core::ui::load::Load;
use crate::core::ui::submit::newest_only;
use crate::features::profile::editor::rules::{change_applied, edit_field, value_to_send};
use crate::features::profile::editor::view::{Draft, ProfileEditing};
use crate::features::profile::till_card::keeping;
use crate::features::profile::wire::{EditableValue, Profile, ProfileField};
use crate::shared::code_step::logic::CodeTarget;
use crate::shared::forms::wire::{FieldType, FormField};

/// A profile edit carried across a sign-in.
const DRAFT: Kept<Draft> = Kept::new(Area::Session, "web-cabinet:profile-draft");

fn load_draft() -> Option<Draft> {
    DRAFT.load()
}

/// An edit is not carried across a sign-out (the next customer at this device is not shown it);
/// across a session the server ended, it is.
pub fn forget_draft_on_sign_out(session: Session) {
    session.on_change(|change| {
        if matches!(change, SessionChange::Ended(Notice::SignedOut | Notice::SignedOutUnconfirmed))
        {
            DRAFT.remove();
        }
    });
}

pub(super) fn keep_draft(draft: Option<&Draft>) {
    match draft {
        Some(draft) => DRAFT.store(draft),
        None => DRAFT.remove(),
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

/// The code step for the value of `field_id`, whose code the server has just sent; the field as
/// the profile shows it gives the prompt, countdown and keypad (a field it no longer shows, the
/// defaults).
fn code_target(field_id: &str, field: Option<&EditableValue>, value: &str) -> CodeTarget {
    CodeTarget {
        field_id: field_id.to_string(),
        value: value.to_string(),
        prompt: field.and_then(|f| f.text.clone()),
        resend_after: field.and_then(|f| f.time).unwrap_or(60),
        sent_at_ms: browser::now_ms(),
        code_type: field.and_then(|f| f.code_input_type.clone()).unwrap_or(FieldType::Number),
        title: field.and_then(|f| f.title.clone()).unwrap_or_else(|| field_id.to_string()),
        // Back to the profile's editor: only for a value the profile lets the customer edit.
        changeable: field.is_some_and(|f| f.editable),
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

/// The page's own states that a save or a confirmation changes.
#[derive(Clone, Copy)]
pub(in crate::features::profile) struct PageStates {
    pub profile: Load<Result<Profile, ApiError>>,
    pub session: Session,
    /// The code step, shown in place of the profile.
    pub verifying: RwSignal<Option<CodeTarget>>,
    /// "Your changes are saved."
    pub saved: RwSignal<bool>,
    /// A page-wide command that failed (asking for a code), shown at the top.
    pub failure: RwSignal<Option<ApiError>>,
}

/// The editing state and commands for the page's editors. A session the server says is over
/// ends (the app's guard then asks for a sign-in, the draft kept).
pub(in crate::features::profile) fn profile_editing(
    page: PageStates,
    client: Client,
) -> ProfileEditing {
    let i18n = use_i18n();
    let PageStates { profile, session, verifying, saved, failure: page_failure } = page;
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
    let current = move || match profile.get_untracked() {
        Some(Ok(p)) => Some(p),
        _ => None,
    };

    // What a save's answer leads to, run where the request finishes.
    let source_url = use_app().config.source_url.clone();
    let on_saved = move |result: Result<Saved, ApiError>| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        match result {
            Ok(Saved { profile: reloaded, applied }) => {
                // The card kept for the till follows the profile shown.
                keeping::keep_if_kept(&reloaded, session, source_url.clone());
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
                let target = code_target(&d.field_id, field.as_ref(), d.value.trim());
                verifying.set(Some(target));
            }
            Err(ApiError::SessionOver) => session.end(Notice::SessionEnded),
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

    let on_code_sent = move |result: Result<CodeTarget, ApiError>| match result {
        Ok(target) => {
            verifying.set(Some(target));
        }
        Err(ApiError::SessionOver) => session.end(Notice::SessionEnded),
        Err(e) => page_failure.set(Some(e)),
    };
    let confirm_client = client.clone();
    let confirm = Action::new_local(move |field: &EditableValue| {
        let (c, f, token) = (confirm_client.clone(), field.clone(), session.token());
        let on_answer = on_code_sent;
        async move {
            let value = f.value.clone().unwrap_or_default();
            let result = match token {
                Some(t) => c
                    .resend_code(&f.id, &value, Some(&t))
                    .await
                    .map(|()| code_target(&f.id, Some(&f), &value)),
                None => Err(ApiError::SessionOver),
            };
            on_answer(result)
        }
    });
    let dispatch_confirm = newest_only(confirm);

    ProfileEditing {
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
            let Some(sent) = value_to_send(&field, &d.value) else {
                failure.set(Some(ApiError::Rejected(crate::core::api::Rejection {
                    message: Some(i18n.t().required.to_string()),
                    field_errors: Vec::new(),
                })));
                return;
            };
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
    }
}
