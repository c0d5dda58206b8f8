//! `/setup-check`, for the shop's owner rather than its customers: the settings in effect, and
//! what the server answers to the two requests every visit makes first (registration and
//! recovery fields), in plain words — including the exact CORS headers to send when the browser
//! gets no answer. Not linked from the cabinet; the README points merchants here.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::diagnose::{cors_headers, fields_answer, overall, Finding, Severity};
use crate::api::{Client, Endpoint};
use crate::browser;
use crate::config::{ApiConfig, Config, TokenStorage};
use crate::i18n::use_i18n;
use crate::ui::load::Load;
use crate::ui::nav::Nav;

const PROBED: [(Endpoint, bool); 2] =
    [(Endpoint::RegFields, true), (Endpoint::RecoveryFields, false)];

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

#[component]
pub fn SetupCheck() -> impl IntoView {
    let i18n = use_i18n();
    let (Some(client), Some(config)) = (use_context::<Client>(), use_context::<Arc<Config>>())
    else {
        return ().into_any();
    };
    let route_base = use_context::<Nav>().map(|n| n.base()).unwrap_or_default();
    let demo = config.api == ApiConfig::Demo;
    let rows = settings(&config, &route_base);
    let urls = config.clone();
    let runs = RwSignal::new(0u32);
    let results = Load::new(move || {
        runs.track();
        let c = client.clone();
        async move {
            let mut out = Vec::new();
            for (endpoint, login_expected) in PROBED {
                let answer = c.probe(endpoint).await;
                out.push((endpoint, fields_answer(answer.as_ref(), login_expected)));
            }
            out
        }
    });
    let url_of = move |e: Endpoint| match &urls.api {
        ApiConfig::Http(u) => u.get(e).unwrap_or_default().to_string(),
        ApiConfig::Demo => String::new(),
    };

    view! {
        <section class="wc-card wc-setup" aria-labelledby="wc-setup-title">
            <h1 id="wc-setup-title">{move || i18n.t().setup_title}</h1>
            <p>{move || i18n.t().setup_intro}</p>
            <h2>{move || i18n.t().setup_answers}</h2>
            <div aria-live="polite">
                {move || match results.get() {
                    None => view! { <p role="status">{i18n.t().setup_checking}</p> }.into_any(),
                    Some(list) => list.into_iter().map(|(endpoint, findings)| {
                        let severity = overall(&findings);
                        let (class, verdict) = match severity {
                            Severity::Good => ("good", i18n.t().setup_good),
                            Severity::Warning => ("warning", i18n.t().setup_warning),
                            Severity::Problem => ("problem", i18n.t().setup_problem),
                        };
                        let unreachable = findings.contains(&Finding::Unreachable);
                        let lang = i18n.lang.get();
                        view! {
                            <section class="wc-setup-endpoint" data-endpoint=endpoint.config_key()>
                                <h3><code>{endpoint.config_key()}</code></h3>
                                <p class="wc-setup-url"><code>{url_of(endpoint)}</code></p>
                                <p class=format!("wc-setup-verdict wc-setup-verdict--{class}")>{verdict}</p>
                                <ul class="wc-setup-findings">
                                    {findings.iter().map(|f| view! { <li>{i18n.t().finding(f, lang)}</li> }).collect_view()}
                                </ul>
                                {unreachable.then(|| view! {
                                    <p>{i18n.t().setup_cors}</p>
                                    <pre class="wc-setup-headers">{cors_headers(&browser::origin())}</pre>
                                    <p>{i18n.t().setup_cors_proxy}</p>
                                })}
                            </section>
                        }
                    }).collect_view().into_any(),
                }}
            </div>
            <button type="button" class="wc-button wc-button--secondary" on:click=move |_| runs.update(|n| *n += 1)>
                {move || i18n.t().setup_check_again}
            </button>
            <h2>{move || i18n.t().setup_config}</h2>
            <dl class="wc-setup-config">
                {rows.into_iter().map(|(key, value)| view! {
                    <div class="wc-row">
                        <dt><code>{key}</code></dt>
                        <dd>{match value {
                            Some(v) => view! { <code>{v}</code> }.into_any(),
                            None => view! { <span class="wc-muted">{move || i18n.t().setup_not_set}</span> }.into_any(),
                        }}</dd>
                    </div>
                }).collect_view()}
            </dl>
            {demo.then(|| view! { <p class="wc-muted">"api: "{move || i18n.t().setup_demo}</p> })}
        </section>
    }
    .into_any()
}
