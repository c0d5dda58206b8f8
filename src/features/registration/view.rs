//! Registration: the form the server describes, then a code for each value that needs one.
//!
//! The form comes from `GET regFields_url`; without it there is nothing to show, so its failure
//! offers a retry. Checks run before sending; the server's errors land under their fields (or at
//! the top when they name no field we show). A `verification` answer moves to the code step for
//! each field with `need_verification`, in the server's order; the last one signs in. The step and
//! the non-secret values survive a reload (session storage), so a reload neither loses the form
//! nor resets the "send again" countdown.
//!
//! Some servers (the published module) create the account before the code is confirmed: once the
//! code step has been shown, registering the same e-mail or phone again fails. So going back from
//! the code step keeps the values that await a code; the form says why, offers the code step and
//! a new code, and sends the form again only if those values changed.

use crate::core::context::{use_app, AppContext};
use crate::core::logic::route::Route;
use crate::core::storage::{Area, Kept};
use crate::core::ui::nav::{use_nav, RouteLink};
use leptos::prelude::*;

use crate::features::registration::phrases::WORDS;

use crate::core::ui::submit::newest_only;

use crate::core::api::auth::Token;
use crate::core::api::ApiError;
use crate::core::browser::{self};
use crate::core::i18n::use_i18n;
use crate::core::session::Notice;
use crate::core::ui::banner::ErrorBanner;
use crate::core::ui::submit::SubmitButton;
use crate::core::ui::working::working;
use crate::features::registration::logic::{registration_values, RegistrationDraft};
use crate::shared::code_step::logic::{same_queue, verification_queue, CodeTarget};
use crate::shared::code_step::view::CodeVerification;
use crate::shared::forms::api::registration_fields;
use crate::shared::forms::logic;
use crate::shared::forms::login_field::login_field;
use crate::shared::forms::state::{form_load_failed, FormBanner, FormState};
use crate::shared::forms::wire::FormField;

/// A registration under way: values typed (never a password) and the code step reached.
const DRAFT: Kept<RegistrationDraft> = Kept::new(Area::Session, "web-cabinet:register");

fn load_draft() -> RegistrationDraft {
    DRAFT.load().unwrap_or_default()
}

fn clear_draft() {
    DRAFT.remove();
}

#[component]
pub fn Register() -> impl IntoView {
    let i18n = use_i18n();
    let AppContext { client, session, .. } = use_app();
    let nav = use_nav();

    let fields = registration_fields(&client);
    let fields_failure = fields.failure();

    let draft = load_draft();
    let state = FormState::new(draft.values.clone());
    let values = state.values;
    let queue = RwSignal::new(draft.queue.clone());
    let step: RwSignal<Option<usize>> =
        RwSignal::new(draft.step.filter(|i| *i < draft.queue.len()));

    let current_fields = move || -> Vec<FormField> {
        match fields.get() {
            Some(Ok(list)) => list,
            _ => Vec::new(),
        }
    };
    let save = move || {
        let d = RegistrationDraft {
            values: values.get_untracked(),
            queue: queue.get_untracked(),
            step: step.get_untracked(),
        };
        DRAFT.store(&d.without_secrets(&current_fields()));
    };

    // "Send a new code" for the value that awaits one, from the form.
    let resend_failure: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let on_resent = move |result: Result<(), ApiError>| match result {
        Ok(()) => {
            queue.update(|q| {
                if let Some(first) = q.first_mut() {
                    first.sent_at_ms = browser::now_ms();
                }
            });
            resend_failure.set(None);
            step.set(Some(0));
            save();
        }
        Err(e) => resend_failure.set(Some(e)),
    };
    let resend_client = client.clone();
    let resend = Action::new_local(move |target: &CodeTarget| {
        let (c, t) = (resend_client.clone(), target.clone());
        async move { on_resent(c.resend_code(&t.field_id, &t.value, None).await) }
    });
    let resend_pending = resend.pending();
    let dispatch_resend = newest_only(resend);

    let finish = move |token: Option<Token>| {
        clear_draft();
        match token {
            Some(token) => {
                session.sign_in(token, false);
                nav.replace(Route::Profile);
            }
            None => {
                session.tell(Notice::Registered);
                nav.replace(Route::sign_in());
            }
        }
    };
    // What the registration's answer leads to, run where the request finishes.
    let finish_submit = finish;
    let on_registered = move |result: Result<Token, ApiError>| match result {
        Ok(token) => finish_submit(Some(token)),
        Err(ApiError::VerificationRequired) => {
            let list = current_fields();
            let sent = registration_values(&list, None, |id| {
                values.with_untracked(|v| v.get(id).cloned().unwrap_or_default())
            });
            let targets = verification_queue(&list, &sent, browser::now_ms());
            if !targets.is_empty() {
                queue.set(targets);
                step.set(Some(0));
                save();
            } else {
                // The server wants a code but flags no field: nothing we can ask for.
                state.failure.set(Some(ApiError::Rejected(Default::default())));
            }
        }
        Err(e) => state.fail(e, &current_fields(), "wc-register-banner"),
    };
    let submit = Action::new_local(move |body: &Vec<(String, String)>| {
        let (c, body) = (client.clone(), body.clone());
        let on_answer = on_registered;
        async move { on_answer(c.register(&body).await) }
    });
    let dispatch_submit = newest_only(submit);

    let send = move || {
        let list = current_fields();
        // Nothing while a request is in flight; nothing until the form passes its checks.
        if submit.pending().get_untracked() || !state.check_all(&list) {
            return;
        }
        let login_id = login_field(&list).map(|f| f.id.clone());
        let body = registration_values(&list, login_id.as_deref(), |id| {
            values.with_untracked(|v| v.get(id).cloned().unwrap_or_default())
        });
        // The same values already await a code: registering them again would fail.
        let awaiting = queue.get_untracked();
        if same_queue(&verification_queue(&list, &body, 0), &awaiting) {
            step.set(Some(0));
            save();
            return;
        }
        save();
        dispatch_submit(body);
    };

    let shown_ids = Signal::derive(move || {
        current_fields().into_iter().filter(logic::is_shown).map(|f| f.id).collect::<Vec<_>>()
    });
    let banner_lines = state.banner_lines(shown_ids);

    let form_view = move |list: Vec<FormField>| {
        let login_id = login_field(&list).map(|f| f.id.clone());
        let inputs = list
            .into_iter()
            .filter(logic::is_shown)
            .map(|f| {
                let id = f.id.clone();
                let is_login = login_id.as_deref() == Some(id.as_str());
                if f.has_blank_title() {
                    browser::warn(&format!(
                        "registration field \"{id}\" has no title; showing its id"
                    ));
                }
                state.input(f, is_login)
            })
            .collect_view();
        view! {
            <p class="wc-hint">{move || i18n.of(&WORDS).required_hint}</p>
            <form class="wc-form" novalidate on:submit=move |ev| { ev.prevent_default(); send(); }>
                {inputs}
                <SubmitButton pending=submit.pending() label=Signal::derive(move || i18n.of(&WORDS).register_submit) busy=Signal::derive(move || i18n.t().sending)/>
            </form>
        }
    };

    let code_step = move |i: usize| {
        let targets = queue.get();
        let total = targets.len();
        let target = targets.get(i).cloned()?;
        let (confirmed_id, confirmed_value) = (target.field_id.clone(), target.value.clone());
        let next = move |token: Option<Token>| {
            // The profile may never say so (the published module does not): remember it here.
            session.remember_confirmed(&confirmed_id, &confirmed_value);
            if token.is_some() || i + 1 >= total {
                finish(token);
            } else {
                step.set(Some(i + 1));
                save();
            }
        };
        Some(view! {
            <CodeVerification
                target
                step=(i + 1, total)
                on_verified=Callback::new(next)
                on_back=Callback::new(move |_| {
                    // The values keep awaiting their code (see the module's note).
                    step.set(None);
                    save();
                })
            />
        })
    };

    view! {
        {move || match step.get() {
            Some(i) => code_step(i).into_any(),
            None => view! {
                <section class="wc-card wc-register" aria-labelledby="wc-register-title">
                    <h1 id="wc-register-title">{move || i18n.of(&WORDS).register_title}</h1>
                    {move || queue.with(|q| q.first().cloned()).map(|awaiting| {
                        let value = awaiting.value.clone();
                        let again = awaiting.clone();
                        view! {
                            <div class="wc-banner wc-banner--info wc-awaiting" role="status">
                                <p>{move || i18n.of(&WORDS).awaiting_code(&value, i18n.lang.get())}</p>
                                {move || resend_failure.get().map(|e| {
                                    let line = match e {
                                        ApiError::Rejected(r) => r.message.unwrap_or_else(|| i18n.t().error_rejected.to_string()),
                                        other => i18n.t().api_error(&other).to_string(),
                                    };
                                    view! { <p class="wc-field-error wc-lines">{line}</p> }
                                })}
                                <div class="wc-code-actions">
                                    <button type="button" class="wc-button wc-button--primary wc-enter-code" on:click=move |_| { step.set(Some(0)); save(); }>
                                        {move || i18n.of(&WORDS).enter_code}
                                    </button>
                                    <button
                                        type="button"
                                        class="wc-button wc-button--secondary wc-new-code"
                                        disabled=move || resend_pending.get()
                                        on:click=move |_| { resend_failure.set(None); dispatch_resend(again.clone()); }
                                    >
                                        {move || i18n.of(&WORDS).send_new_code}
                                    </button>
                                </div>
                            </div>
                        }
                    })}
                    <FormBanner id="wc-register-banner" state lines=banner_lines retry=Callback::new(move |_| send())/>
                    {move || match fields.get() {
                        None => working(i18n.t().loading),
                        Some(Ok(list)) if list.iter().any(logic::is_shown) => form_view(list).into_any(),
                        Some(Ok(_)) => view! { <ErrorBanner lines=vec![i18n.of(&WORDS).registration_unavailable.to_string()]/> }.into_any(),
                        Some(Err(_)) => match fields_failure.get() {
                            Some(failure) => form_load_failed(failure, Callback::new(move |_| fields.refetch())),
                            None => ().into_any(),
                        },
                    }}
                    // Below the form once its fields have come: drawn under "Loading…", the link
                    // would jump down when they arrive (a layout shift, CLS 0.036 in Lighthouse).
                    {move || fields.with(Option::is_some).then(|| view! {
                        <p class="wc-alt">
                            {move || i18n.of(&WORDS).have_account}" "
                            <RouteLink to=Route::sign_in() class="wc-link">{move || i18n.t().sign_in}</RouteLink>
                        </p>
                    })}
                </section>
            }
            .into_any(),
        }}
    }
    .into_any()
}
