//! Password recovery: the server's recovery fields (`GET recovery_fields_url`), then `POST
//! recovery_url`; the server's `message` is the outcome. A server that configures no recovery
//! fields (`fields: null`) gets a single e-mail field, the one every shop has. A shop with no
//! `recovery_url` has no recovery: the page says so and sends nothing.

use crate::core::context::use_app;
use crate::core::logic::route::Route;
use crate::core::ui::nav::RouteLink;
use leptos::prelude::*;

use crate::features::recovery::phrases::WORDS;

use crate::core::api::ApiError;
use crate::core::ui::banner::ErrorBanner;

use crate::core::ui::submit::newest_only;

use crate::core::i18n::use_i18n;
use crate::core::ui::load::Load;
use crate::core::ui::submit::SubmitButton;
use crate::core::ui::working::working;
use crate::shared::forms::logic::{self, wire_value};
use crate::shared::forms::state::{form_load_failed, FormBanner, FormState};
use crate::shared::forms::wire::{FieldType, FormField};

/// The form when the server lists no recovery fields.
fn fallback_fields(title: &str) -> Vec<FormField> {
    vec![FormField::simple("email", FieldType::Email, title, true)]
}

#[component]
pub fn Recover() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    if !app.config.offers_recovery() {
        return view! {
            <section class="wc-card wc-recover" aria-labelledby="wc-recover-title">
                <h1 id="wc-recover-title">{move || i18n.of(&WORDS).recover_title}</h1>
                {move || view! { <ErrorBanner lines=vec![i18n.of(&WORDS).recover_unavailable.to_string()]/> }}
                <p class="wc-alt">
                    <RouteLink to=Route::sign_in() class="wc-link">{move || i18n.t().back_to_sign_in}</RouteLink>
                </p>
            </section>
        }
        .into_any();
    }
    let client = app.client;
    let fields_client = client.clone();
    let fields = Load::new(move || {
        let _ = i18n.lang.get();
        let c = fields_client.clone();
        async move { c.recovery_fields().await }
    });
    let fields_failure = fields.failure();
    let current_fields = move || -> Vec<FormField> {
        match fields.get() {
            Some(Ok(list)) if !list.is_empty() => list,
            Some(Ok(_)) => fallback_fields(i18n.of(&WORDS).email_label),
            _ => Vec::new(),
        }
    };

    let state = FormState::new(Default::default());
    let outcome: RwSignal<Option<String>> = RwSignal::new(None);
    // What the answer leads to, run where the request finishes.
    let on_answer = move |result: Result<Option<String>, ApiError>| match result {
        Ok(message) => {
            outcome
                .set(Some(message.unwrap_or_else(|| i18n.of(&WORDS).recover_done_fallback.into())));
        }
        Err(e) => state.fail(e, &current_fields(), "wc-recover-banner"),
    };
    let submit = Action::new_local(move |body: &Vec<(String, String)>| {
        let (c, body) = (client.clone(), body.clone());
        async move { on_answer(c.recover(&body).await) }
    });
    let dispatch = newest_only(submit);
    let send = move || {
        let list = current_fields();
        // Nothing while a request is in flight; nothing until the form passes its checks.
        if submit.pending().get_untracked() || !state.check_all(&list) {
            return;
        }
        let body: Vec<(String, String)> =
            list.iter().map(|f| (f.id.clone(), wire_value(f, &state.value(&f.id)))).collect();
        dispatch(body);
    };
    let shown_ids = Signal::derive(move || current_fields().into_iter().map(|f| f.id).collect());
    let banner_lines = state.banner_lines(shown_ids);

    let form_view = move |list: Vec<FormField>| {
        let inputs = list
            .into_iter()
            .filter(logic::is_shown)
            .map(|f| {
                let id = f.id.clone();
                let is_login =
                    matches!(f.field_type, FieldType::Email | FieldType::Phone) || id == "login";
                state.input(f, is_login)
            })
            .collect_view();
        view! {
            <p>{move || i18n.of(&WORDS).recover_intro}</p>
            <form class="wc-form" novalidate on:submit=move |ev| { ev.prevent_default(); send(); }>
                {inputs}
                <SubmitButton pending=submit.pending() label=Signal::derive(move || i18n.of(&WORDS).recover_submit) busy=Signal::derive(move || i18n.t().sending)/>
            </form>
        }
    };

    view! {
        <section class="wc-card wc-recover" aria-labelledby="wc-recover-title">
            <h1 id="wc-recover-title">{move || i18n.of(&WORDS).recover_title}</h1>
            {move || match outcome.get() {
                Some(message) => view! {
                    <div class="wc-banner wc-banner--info" role="status"><p class="wc-lines">{message}</p></div>
                }
                .into_any(),
                None => view! {
                    <FormBanner id="wc-recover-banner" state lines=banner_lines retry=Callback::new(move |_| send())/>
                    {move || match fields.get() {
                        None => working(i18n.t().loading),
                        Some(Err(_)) => match fields_failure.get() {
                            Some(failure) => form_load_failed(failure, Callback::new(move |_| fields.refetch())),
                            None => ().into_any(),
                        },
                        Some(Ok(_)) => form_view(current_fields()).into_any(),
                    }}
                }
                .into_any(),
            }}
            <p class="wc-alt">
                <RouteLink to=Route::sign_in() class="wc-link">{move || i18n.t().back_to_sign_in}</RouteLink>
            </p>
        </section>
    }
    .into_any()
}
