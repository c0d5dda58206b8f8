//! Sign-in: login and password.
//!
//! The login input is labelled and typed by the registration fields' login field (`isLogin`, or
//! the digest's guess), so a shop whose login is a phone number gets a phone keypad. If those
//! fields can't be loaded the screen still works with a generic label. What the customer typed
//! survives every failure; a request in flight can't be sent twice.

use crate::core::context::{use_app, AppContext};
use crate::core::logic::route::Route;
use crate::core::ui::nav::{use_nav, RouteLink};
use leptos::html;
use leptos::prelude::*;

use crate::features::sign_in::phrases::WORDS;

use crate::core::ui::effect::effect;

use crate::core::ui::submit::newest_only;

use crate::core::api::auth::Token;
use crate::core::api::ApiError;
use crate::core::browser;
use crate::core::config::TokenStorage;
use crate::core::handover;
use crate::core::i18n::use_i18n;
use crate::core::session::Notice;
use crate::core::ui::banner::{ErrorBanner, Notice as NoticeBanner};
use crate::core::ui::reveal::RevealToggle;
use crate::shared::forms::api::registration_fields;
use crate::shared::forms::logic::{input_kind, InputKind, Purpose};
use crate::shared::forms::login_field::login_field;
use crate::shared::forms::wire::FieldType;
use crate::shared::social::flow::SocialButtons;

/// How the login input looks, from the server's login field.
#[derive(Clone, Debug, PartialEq)]
struct LoginInput {
    id: String,
    label: Option<String>,
    kind: InputKind,
}

impl LoginInput {
    fn from_field_type(id: String, label: Option<String>, ty: &FieldType) -> Self {
        let kind = input_kind(ty, &id, Purpose::Login);
        Self { id, label, kind }
    }

    fn generic() -> Self {
        Self::from_field_type("login".into(), None, &FieldType::Text)
    }
}

#[component]
pub fn SignIn(
    /// The signed-in screen that asked for this sign-in.
    next: Option<Route>,
) -> impl IntoView {
    let i18n = use_i18n();
    let AppContext { client, session, config, .. } = use_app();

    // Back to where the customer was going, else the profile.
    let next = next.unwrap_or(Route::Profile);
    let nav = use_nav();

    let fields = registration_fields(&client);
    // Start-up milestones: the form can be typed into now; its labels follow the server's fields.
    effect(move || browser::mark("web-cabinet:sign-in-interactive"));
    effect(move || {
        if fields.with(Option::is_some) {
            browser::mark("web-cabinet:sign-in-labelled");
        }
    });
    let login_input = Memo::new(move |_| match fields.get() {
        Some(Ok(list)) => login_field(&list).map_or_else(LoginInput::generic, |f| {
            LoginInput::from_field_type(f.id.clone(), Some(f.label().to_string()), &f.field_type)
        }),
        _ => LoginInput::generic(),
    });

    // What the customer typed into the first screen before the app arrived (`core::handover`).
    let login = RwSignal::new(handover::typed("wc-login").unwrap_or_default());
    let password = RwSignal::new(handover::typed("wc-password").unwrap_or_default());
    let show_password = RwSignal::new(false);
    let password_kind = input_kind(&FieldType::Password, "password", Purpose::Login);
    // The same for every type a login field has ("username").
    let login_autocomplete = LoginInput::generic().kind.autocomplete;
    let remember = RwSignal::new(handover::checked("wc-remember").unwrap_or(false));
    let missing_login = RwSignal::new(false);
    let missing_password = RwSignal::new(false);
    let failure: RwSignal<Option<ApiError>> = RwSignal::new(None);
    let login_ref = NodeRef::<html::Input>::new();
    let password_ref = NodeRef::<html::Input>::new();
    let banner_ref = NodeRef::<html::Div>::new();

    // What an answer leads to, run where the sign-in finishes.
    let after = StoredValue::new(next.clone());
    let on_answer = move |result: Result<Token, ApiError>| match result {
        Ok(token) => {
            session.sign_in(token, remember.get_untracked());
            nav.replace(after.get_value());
        }
        Err(e) => {
            // Put the customer where the problem is: the field the server blamed, else the
            // message.
            let blamed_password =
                matches!(&e, ApiError::Rejected(r) if r.for_field("password").is_some());
            failure.set(Some(e));
            if blamed_password {
                if let Some(el) = password_ref.get_untracked() {
                    el.focus().ok();
                }
            } else if let Some(el) = banner_ref.get_untracked() {
                el.focus().ok();
            }
        }
    };
    let submit = Action::new_local(move |(l, p): &(String, String)| {
        let (c, l, p) = (client.clone(), l.clone(), p.clone());
        async move { on_answer(c.sign_in(&l, &p).await) }
    });
    let pending = submit.pending();
    let dispatch = newest_only(submit);

    let send = move || {
        if pending.get_untracked() {
            return;
        }
        let l = login.get_untracked();
        let p = password.get_untracked();
        missing_login.set(l.trim().is_empty());
        missing_password.set(p.is_empty());
        if l.trim().is_empty() {
            if let Some(el) = login_ref.get_untracked() {
                el.focus().ok();
            }
            return;
        }
        if p.is_empty() {
            if let Some(el) = password_ref.get_untracked() {
                el.focus().ok();
            }
            return;
        }
        failure.set(None);
        // "You have signed out" concerns the last visit, not this attempt.
        session.dismiss_notice();
        dispatch((l, p));
    };

    let rejection = move || match failure.get() {
        Some(ApiError::Rejected(r)) => Some(r),
        _ => None,
    };
    let login_error = move || {
        if missing_login.get() {
            return Some(i18n.t().required.to_string());
        }
        let id = login_input.with(|l| l.id.clone());
        rejection()
            .and_then(|r| r.for_field(&id).or_else(|| r.for_field("login")).map(str::to_string))
    };
    let password_error = move || {
        if missing_password.get() {
            return Some(i18n.t().required.to_string());
        }
        rejection().and_then(|r| r.for_field("password").map(str::to_string))
    };
    let banner_lines = Signal::derive(move || match failure.get() {
        None | Some(ApiError::SessionOver) => Vec::new(),
        Some(ApiError::Rejected(r)) => {
            let id = login_input.with(|l| l.id.clone());
            let lines = r.form_level(&[id.as_str(), "login", "password"]);
            let has_field_errors =
                r.for_field(&id).or(r.for_field("login")).or(r.for_field("password")).is_some();
            if lines.is_empty() && !has_field_errors {
                vec![i18n.t().error_rejected.to_string()]
            } else {
                lines
            }
        }
        Some(e) => vec![i18n.t().api_error(&e).to_string()],
    });
    let retryable = move || failure.get().is_some_and(|e| e.is_retryable());

    let notice = move || match session.notice() {
        Some(Notice::SessionEnded) => Some(i18n.t().session_ended),
        Some(Notice::SignedOut) => Some(i18n.of(&WORDS).signed_out),
        Some(Notice::SignedOutUnconfirmed) => Some(i18n.of(&WORDS).signed_out_unconfirmed),
        Some(Notice::Registered) => Some(i18n.of(&WORDS).registered_sign_in),
        None => None,
    };

    view! {
        <section class="wc-card wc-sign-in" aria-labelledby="wc-sign-in-title">
            <h1 id="wc-sign-in-title">{move || i18n.of(&WORDS).sign_in_title}</h1>
            {move || notice().map(|text| view! { <NoticeBanner text=text.to_string()/> })}
            <div node_ref=banner_ref tabindex="-1" class="wc-banner-slot">
                {move || {
                    let lines = banner_lines.get();
                    let retry = retryable().then(|| Callback::new(move |_| send()));
                    (!lines.is_empty()).then(|| view! { <ErrorBanner lines=lines retry=retry/> })
                }}
            </div>
            <form
                class="wc-form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    send();
                }
            >
                <div class="wc-field">
                    <label for="wc-login">
                        {move || login_input.with(|l| l.label.clone()).unwrap_or_else(|| i18n.of(&WORDS).login_fallback_label.to_string())}
                    </label>
                    <input
                        id="wc-login"
                        name="login"
                        node_ref=login_ref
                        type=move || login_input.with(|l| l.kind.input_type)
                        inputmode=move || login_input.with(|l| l.kind.inputmode)
                        autocomplete=login_autocomplete
                        autocapitalize="none"
                        spellcheck="false"
                        required
                        aria-invalid=move || login_error().is_some().to_string()
                        aria-describedby=move || login_error().map(|_| "wc-login-error")
                        prop:value=move || login.get()
                        on:input=move |ev| {
                            login.set(event_target_value(&ev));
                            missing_login.set(false);
                        }
                    />
                    {move || login_error().map(|m| view! { <p id="wc-login-error" class="wc-field-error wc-lines">{m}</p> })}
                </div>
                <div class="wc-field">
                    <label for="wc-password">{move || i18n.of(&WORDS).password}</label>
                    <div class="wc-password">
                        <input
                            id="wc-password"
                            name="password"
                            node_ref=password_ref
                            type=move || if show_password.get() { "text" } else { "password" }
                            autocomplete=password_kind.autocomplete
                            required
                            aria-invalid=move || password_error().is_some().to_string()
                            aria-describedby=move || password_error().map(|_| "wc-password-error")
                            prop:value=move || password.get()
                            on:input=move |ev| {
                                password.set(event_target_value(&ev));
                                missing_password.set(false);
                            }
                        />
                        <RevealToggle shown=show_password controls="wc-password"/>
                    </div>
                    {move || password_error().map(|m| view! { <p id="wc-password-error" class="wc-field-error wc-lines">{m}</p> })}
                </div>
                {(config.token_storage == TokenStorage::Session).then(|| view! {
                    <div class="wc-check">
                        <input
                            id="wc-remember"
                            type="checkbox"
                            prop:checked=move || remember.get()
                            on:change=move |ev| remember.set(event_target_checked(&ev))
                        />
                        <label for="wc-remember">{move || i18n.of(&WORDS).stay_signed_in}</label>
                    </div>
                })}
                <button
                    type="submit"
                    class="wc-button wc-button--primary"
                    aria-disabled=move || pending.get().to_string()
                    aria-busy=move || pending.get().to_string()
                >
                    {move || if pending.get() { i18n.of(&WORDS).signing_in } else { i18n.t().sign_in }}
                </button>
            </form>
            <SocialButtons connect=false next=next.clone()/>
            {config.offers_recovery().then(|| view! {
                <p class="wc-alt">
                    <RouteLink to=Route::Recover class="wc-link">{move || i18n.of(&WORDS).recover_link}</RouteLink>
                </p>
            })}
            <p class="wc-alt">
                <RouteLink to=Route::Register class="wc-link">{move || i18n.of(&WORDS).register_link}</RouteLink>
            </p>
        </section>
    }
    .into_any()
}
