//! The code-verification step, shared by registration and profile editing.
//!
//! It shows the server's prompt, takes the code as the field's `code_input_type` says (the right
//! keypad, masked with "show" for a `password` code) with one-time-code autofill, and keeps "send
//! again" disabled until a deadline that is stored, not counted: a reload does not reset it. A
//! wrong code clears the input and puts the cursor back in it. A value the server marks
//! `editable: false` is not offered for change here.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;

use crate::shared::code_step::phrases::WORDS;

use crate::core::context::use_app;
use crate::core::storage::{Area, Kept};
use crate::core::ui::effect::effect;

use crate::core::ui::submit::newest_only;

use crate::core::api::auth::Token;
use crate::core::api::{ApiError, ProtocolError};
use crate::core::browser::{self};
use crate::core::i18n::use_i18n;
use crate::core::ui::banner::ErrorBanner;
use crate::core::ui::reveal::RevealToggle;
use crate::core::ui::submit::SubmitButton;
use crate::shared::code_step::logic::{clock, resend_opens_at, seconds_left, CodeTarget};
use crate::shared::forms::logic::{input_kind, Purpose};

/// When "send the code again" opens for `target` (milliseconds since the epoch).
fn kept_deadline(target: &CodeTarget) -> Kept<u64> {
    Kept::keyed(
        Area::Session,
        "web-cabinet:resend:",
        &format!("{}:{}", target.field_id, target.value),
    )
}

/// When "send again" opens for `target`, kept so that a reload does not start it over.
fn resend_deadline(target: &CodeTarget) -> u64 {
    let kept = kept_deadline(target);
    let shown = kept.load();
    let deadline = resend_opens_at(target, shown, browser::now_ms());
    if shown != Some(deadline) {
        kept.store(&deadline);
    }
    deadline
}

#[component]
pub fn CodeVerification(
    target: CodeTarget,
    /// The signed-in customer's token, when a profile field is being confirmed.
    #[prop(optional_no_strip)]
    token: Option<Token>,
    /// "Step i of n" when several values need codes.
    #[prop(optional)]
    step: Option<(usize, usize)>,
    /// Verified; carries the token when this verification signed the customer in.
    on_verified: Callback<Option<Token>>,
    /// Back to the form to change the value (offered when the value may change).
    on_back: Callback<()>,
    /// The step may be left without changing the value (the profile's: back to the profile,
    /// "Cancel", where the value itself may not change).
    #[prop(optional)]
    cancellable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_app().client;
    let deadline = RwSignal::new(resend_deadline(&target));
    let now = RwSignal::new(browser::now_ms());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(browser::now_ms()), Duration::from_millis(500))
    {
        on_cleanup(move || handle.clear());
    }
    let left = Memo::new(move |_| seconds_left(deadline.get(), now.get()));
    let code = RwSignal::new(String::new());
    let failure: RwSignal<Option<ApiError>> = RwSignal::new(None);
    // A refused "send again" is not a wrong code: it is shown apart from the code input.
    let resend_failure: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let status: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let input = NodeRef::<html::Input>::new();
    let missing = RwSignal::new(false);

    // Focus the code input when the step appears.
    effect(move || {
        if let Some(el) = input.get() {
            el.focus().ok();
        }
    });
    // Announce (politely) when a new code may be requested.
    Effect::new(move |was_waiting: Option<bool>| {
        let waiting = left.get() > 0;
        if was_waiting == Some(true) && !waiting {
            status.set(Some(i18n.of(&WORDS).code_available));
        }
        waiting
    });

    // What each answer leads to, run where its request finishes.
    let done_target = target.clone();
    let on_verified_answer = move |result: Result<Option<Token>, ApiError>| match result {
        Ok(token) => {
            kept_deadline(&done_target).remove();
            on_verified.run(token);
        }
        Err(e) => {
            // A code the server refused is spent: clear it for the next one. When the server
            // could not be reached or answered nonsense, the code may still be good: keep it
            // for the retry.
            if matches!(e, ApiError::Rejected(_)) {
                code.set(String::new());
            }
            failure.set(Some(e));
            if let Some(el) = input.get_untracked() {
                el.focus().ok();
            }
        }
    };
    let sent_target = target.clone();
    let on_resent = move |result: Result<(), ApiError>| match result {
        Ok(()) => {
            let sent = CodeTarget { sent_at_ms: browser::now_ms(), ..sent_target.clone() };
            deadline.set(resend_deadline(&sent));
            resend_failure.set(None);
            // A new code makes the last one's "not accepted" moot.
            failure.set(None);
            status.set(Some(i18n.of(&WORDS).resent));
        }
        Err(e) => resend_failure.set(Some(e)),
    };

    let resend_token = token.clone();
    let verify_target = target.clone();
    let verify_client = client.clone();
    let verify = Action::new_local(move |code: &String| {
        let (c, t, code, token) =
            (verify_client.clone(), verify_target.clone(), code.clone(), token.clone());
        let on_answer = on_verified_answer.clone();
        async move { on_answer(c.verify(&t.field_id, &t.value, &code, token.as_ref()).await) }
    });
    let resend_target = target.clone();
    let resend = Action::new_local(move |_: &()| {
        let (c, t, token) = (client.clone(), resend_target.clone(), resend_token.clone());
        let on_answer = on_resent.clone();
        async move { on_answer(c.resend_code(&t.field_id, &t.value, token.as_ref()).await) }
    });
    let dispatch_verify = newest_only(verify);
    let dispatch_resend = newest_only(resend);

    let submit = move || {
        if verify.pending().get_untracked() {
            return;
        }
        let value = code.get_untracked().trim().to_string();
        missing.set(value.is_empty());
        if value.is_empty() {
            if let Some(el) = input.get_untracked() {
                el.focus().ok();
            }
            return;
        }
        failure.set(None);
        status.set(None);
        dispatch_verify(value);
    };

    let code_error = move || -> Option<String> {
        if missing.get() {
            return Some(i18n.t().required.into());
        }
        match failure.get() {
            Some(ApiError::Rejected(r)) => {
                Some(r.message.unwrap_or_else(|| i18n.of(&WORDS).wrong_code_fallback.into()))
            }
            // The published module crashes on a code it has no record of (HTTP 200, a trace):
            // for the customer that is a code not accepted, not a server to retry.
            Some(ApiError::ServerFailed) => Some(i18n.of(&WORDS).code_not_accepted.into()),
            _ => None,
        }
    };
    let banner = move || match failure.get().or_else(|| resend_failure.get()) {
        None => Vec::new(),
        Some(ApiError::Rejected(r)) if failure.with(Option::is_none) => {
            vec![r.message.unwrap_or_else(|| i18n.t().error_rejected.to_string())]
        }
        Some(ApiError::Rejected(_) | ApiError::ServerFailed) if failure.with(Option::is_some) => {
            Vec::new()
        }
        // `[]` from a verification call: the server has no registration session any more.
        Some(ApiError::Protocol(ProtocolError::TopLevelArray)) => {
            vec![i18n.of(&WORDS).code_session_lost.to_string()]
        }
        Some(e) => vec![i18n.t().api_error(&e).to_string()],
    };
    // The code types as the field's `code_input_type` says (the shared input-kind table): a
    // password-type code is masked, with a button to show it.
    let kind = input_kind(&target.code_type, &target.field_id, Purpose::Code);
    let shown = RwSignal::new(false);
    let input_type = move || if kind.masked && !shown.get() { "password" } else { "text" };
    let reveal = kind.masked.then(|| view! { <RevealToggle shown controls="wc-code" code=true/> });
    let changeable = target.changeable;
    let prompt = target.prompt.clone();
    let value = target.value.clone();
    let title = target.title.clone();

    view! {
        <section class="wc-card wc-code" aria-labelledby="wc-code-title">
            {step.filter(|(_, n)| *n > 1).map(|(i, n)| view! { <p class="wc-step">{move || i18n.of(&WORDS).step_of(i, n, i18n.lang.get())}</p> })}
            <h1 id="wc-code-title">{move || i18n.of(&WORDS).code_title}</h1>
            <p>{move || i18n.of(&WORDS).code_sent_to}" "<strong class="wc-code-target">{value.clone()}</strong></p>
            {move || {
                let lines = banner();
                (!lines.is_empty()).then(|| view! { <ErrorBanner lines=lines/> })
            }}
            <form class="wc-form" novalidate on:submit=move |ev| { ev.prevent_default(); submit(); }>
                <div class="wc-field">
                    <label for="wc-code">
                        {move || prompt.clone().unwrap_or_else(|| i18n.of(&WORDS).code_default_prompt.to_string())}
                    </label>
                    <div class:wc-password=kind.masked>
                    <input
                        id="wc-code"
                        node_ref=input
                        type=input_type
                        inputmode=kind.inputmode
                        autocomplete=kind.autocomplete
                        class="wc-code-input"
                        required
                        aria-invalid=move || code_error().is_some().to_string()
                        aria-describedby=move || code_error().map(|_| "wc-code-error")
                        prop:value=move || code.get()
                        on:input=move |ev| { code.set(event_target_value(&ev)); missing.set(false); }
                    />
                    {reveal}
                    </div>
                    {move || code_error().map(|m| view! { <p id="wc-code-error" class="wc-field-error wc-lines">{m}</p> })}
                </div>
                <SubmitButton pending=verify.pending() label=Signal::derive(move || i18n.of(&WORDS).confirm) busy=Signal::derive(move || i18n.t().checking)/>
            </form>
            <p class="wc-status" role="status" aria-live="polite">{move || status.get()}</p>
            <div class="wc-code-actions">
                <button
                    type="button"
                    class="wc-button wc-button--secondary wc-resend"
                    disabled=move || { left.get() > 0 || resend.pending().get() }
                    on:click=move |_| dispatch_resend(())
                >
                    {move || {
                        let s = left.get();
                        if s > 0 { i18n.of(&WORDS).resend_in(&clock(s), i18n.lang.get()) } else { i18n.of(&WORDS).resend.to_string() }
                    }}
                </button>
                // "Change <the value>", or, where the value may not change but the step may be
                // left (the profile's), "Cancel".
                {(changeable || cancellable).then(|| view! {
                    <button type="button" class="wc-link-button" class:wc-change-value=changeable on:click=move |_| on_back.run(())>
                        {move || if changeable { i18n.of(&WORDS).change_value(&title, i18n.lang.get()) } else { i18n.t().cancel.to_string() }}
                    </button>
                })}
            </div>
        </section>
    }
    .into_any()
}
