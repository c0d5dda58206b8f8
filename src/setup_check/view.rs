//! `/setup-check`, for the shop's owner rather than its customers: the settings in effect, and
//! what the server answers, in plain words — the two requests every visit makes first
//! (registration and recovery fields, with the exact CORS headers to send when the browser gets
//! no answer), a code no one was sent (does a crash come back as HTTP 200?), and, when a customer
//! is signed in in this tab, how the order history pages. Not linked from the cabinet; the README
//! points merchants here.

use leptos::prelude::*;

use crate::core::api::auth::Token;
use crate::core::api::{Client, Endpoint};
use crate::core::browser;
use crate::core::config::published_module_method;
use crate::core::config::{ApiConfig, Config, TokenStorage};
use crate::core::context::{use_app, AppContext};
use crate::core::i18n::use_i18n;
use crate::core::ui::load::Load;
use crate::core::ui::nav::use_nav;
use crate::features::orders::paging::PageRequest;
use crate::setup_check::diagnose::{
    cors_headers, field_ids, fields_answer, method_answer, overall, paging_answers, profile_answer,
    wrong_code_answer, Finding, OrderIds, Severity,
};
use crate::setup_check::phrases::{finding, strings};

/// The settings as rows of (key, value); `None` values read "not set".
fn settings(config: &Config, route_base: &str) -> Vec<(String, Option<String>)> {
    let mut rows = Vec::new();
    match &config.api {
        ApiConfig::Demo => rows.push(("api".to_string(), Some("demo".to_string()))),
        ApiConfig::Http(urls) => {
            for e in Endpoint::ALL {
                rows.push((format!("api.{}", e.config_key()), urls.get(e).map(str::to_string)));
            }
        }
    }
    let storage = match config.token_storage {
        TokenStorage::Session => "session",
        TokenStorage::Local => "local",
        TokenStorage::Memory => "memory",
    };
    let social: Vec<&str> = config.social.iter().map(|s| s.network.wire_name()).collect();
    rows.extend([
        ("appId".to_string(), config.app_id.clone()),
        ("platform".to_string(), Some(config.platform.clone())),
        ("locale".to_string(), config.locale.map(|l| l.tag().to_string())),
        ("regionId".to_string(), config.region_id.clone()),
        ("token_storage".to_string(), Some(storage.to_string())),
        ("request_timeout_ms".to_string(), Some(config.request_timeout_ms.to_string())),
        ("orders_page_size".to_string(), Some(config.orders_page_size.to_string())),
        ("currency".to_string(), Some(config.currency.clone())),
        ("social".to_string(), (!social.is_empty()).then(|| social.join(", "))),
        ("parent_origin".to_string(), config.parent_origin.clone()),
        ("data-base".to_string(), (!route_base.is_empty()).then(|| route_base.to_string())),
        ("origin".to_string(), Some(browser::origin())),
    ]);
    rows
}

/// Every URL tried that can be without side effects, in the order a customer meets them: the
/// fields, sign-in, a code, sign-out, recovery, the profile, a change, the orders. Registration
/// and a new code are never sent (they would create an account or send a message).
async fn findings(
    client: &Client,
    token: Option<Token>,
    recovery: bool,
    logout_on_auth: bool,
) -> Vec<(Endpoint, Vec<Finding>)> {
    let method = |endpoint: Endpoint| async move {
        let answer = client.probe_method(endpoint).await;
        method_answer(answer.as_ref(), published_module_method(endpoint))
    };
    let mut out = Vec::new();
    let registration_fields = client.probe(Endpoint::RegFields).await;
    out.push((Endpoint::RegFields, fields_answer(registration_fields.as_ref(), true)));
    out.push((Endpoint::Auth, method(Endpoint::Auth).await));
    let crash = client.probe_wrong_code().await;
    out.push((Endpoint::Verification, wrong_code_answer(crash.as_ref())));
    // Without logout_url, sign-out is DELETE on auth_url: not tried (it is a sign-in call).
    let logout =
        if logout_on_auth { vec![Finding::LogoutOnAuth] } else { method(Endpoint::Logout).await };
    out.push((Endpoint::Logout, logout));
    if recovery {
        let fields = client.probe(Endpoint::RecoveryFields).await;
        let mut found = fields_answer(fields.as_ref(), false);
        let ids = field_ids(fields.as_ref());
        if ids.is_some() && ids == field_ids(registration_fields.as_ref()) {
            found.insert(0, Finding::RecoveryFieldsAreRegistration);
        }
        out.push((Endpoint::RecoveryFields, found));
        out.push((Endpoint::Recovery, method(Endpoint::Recovery).await));
    } else {
        out.push((Endpoint::Recovery, vec![Finding::NoRecovery]));
    }
    let profile = match &token {
        Some(token) => {
            let answer = client.probe_profile(token).await;
            profile_answer(answer.as_ref(), published_module_method(Endpoint::Profile))
        }
        None => method(Endpoint::Profile).await,
    };
    out.push((Endpoint::Profile, profile));
    out.push((Endpoint::ChangeFields, method(Endpoint::ChangeFields).await));
    let orders = match token {
        Some(token) => order_paging(client, token).await,
        None => {
            let mut found = method(Endpoint::OrderList).await;
            found.push(Finding::OrdersNeedSignIn);
            found
        }
    };
    out.push((Endpoint::OrderList, orders));
    out
}

/// How the order history pages, for a signed-in customer: three requests of two orders.
async fn order_paging(client: &Client, token: Token) -> Vec<Finding> {
    let ids = |offset: &str| {
        let request = PageRequest { offset: offset.to_string(), limit: 2 };
        let (client, token) = (client.clone(), token.clone());
        async move {
            let page = client.orders(&token, &request).await?;
            Ok(page.orders.into_iter().map(|o| o.id).collect())
        }
    };
    let first: OrderIds = ids("00").await;
    let second: OrderIds = ids("1").await;
    let zero: OrderIds = ids("0").await;
    paging_answers(&first, &second, &zero)
}

#[component]
pub fn SetupCheck() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || strings(i18n.lang.get());
    let AppContext { client, config, .. } = use_app();
    let route_base = use_nav().base();
    let demo = config.api == ApiConfig::Demo;
    let rows = settings(&config, &route_base);
    let urls = config.clone();
    let runs = RwSignal::new(0u32);
    let session = use_app().session;
    let recovery = config.offers_recovery();
    let logout_on_auth = match &config.api {
        ApiConfig::Http(u) => u.get(Endpoint::Logout) == u.get(Endpoint::Auth),
        ApiConfig::Demo => false,
    };
    let results = Load::new(move || {
        runs.track();
        let c = client.clone();
        let token = session.token();
        async move { findings(&c, token, recovery, logout_on_auth).await }
    });
    let url_of = move |e: Endpoint| match &urls.api {
        ApiConfig::Http(u) => u.get(e).map(str::to_string),
        ApiConfig::Demo => Some("demo".to_string()),
    };

    view! {
        <section class="wc-card wc-setup" aria-labelledby="wc-setup-title">
            <h1 id="wc-setup-title">{move || t().title}</h1>
            <p>{move || t().intro}</p>
            <h2>{move || t().answers}</h2>
            <div aria-live="polite">
                {move || match results.get() {
                    None => view! { <p role="status">{t().checking}</p> }.into_any(),
                    Some(list) => list.into_iter().map(|(endpoint, findings)| {
                        let severity = overall(&findings);
                        let (class, verdict) = match severity {
                            Severity::Good => ("good", t().good),
                            Severity::Warning => ("warning", t().warning),
                            Severity::Problem => ("problem", t().problem),
                        };
                        let unreachable = findings.contains(&Finding::Unreachable);
                        let lang = i18n.lang.get();
                        view! {
                            <section class="wc-setup-endpoint" data-endpoint=endpoint.config_key()>
                                <h3><code>{endpoint.config_key()}</code></h3>
                                <p class="wc-setup-url">{match url_of(endpoint) {
                                    Some(url) => view! { <code>{url}</code> }.into_any(),
                                    None => view! { <span class="wc-muted">{t().not_set}</span> }.into_any(),
                                }}</p>
                                <p class=format!("wc-setup-verdict wc-setup-verdict--{class}")>{verdict}</p>
                                <ul class="wc-setup-findings">
                                    {findings.iter().map(|f| view! { <li>{finding(f, lang)}</li> }).collect_view()}
                                </ul>
                                {unreachable.then(|| view! {
                                    <p>{t().cors}</p>
                                    <pre class="wc-setup-headers">{cors_headers(&browser::origin())}</pre>
                                    <p>{t().cors_proxy}</p>
                                })}
                            </section>
                        }
                    }).collect_view().into_any(),
                }}
            </div>
            <button type="button" class="wc-button wc-button--secondary" on:click=move |_| runs.update(|n| *n += 1)>
                {move || t().check_again}
            </button>
            <h2>{move || t().config}</h2>
            <dl class="wc-setup-config">
                {rows.into_iter().map(|(key, value)| view! {
                    <div class="wc-row">
                        <dt><code>{key}</code></dt>
                        <dd>{match value {
                            Some(v) => view! { <code>{v}</code> }.into_any(),
                            None => view! { <span class="wc-muted">{move || t().not_set}</span> }.into_any(),
                        }}</dd>
                    </div>
                }).collect_view()}
            </dl>
            {demo.then(|| view! { <p class="wc-muted">"api: "{move || t().demo}</p> })}
        </section>
    }
    .into_any()
}
