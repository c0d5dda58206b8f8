//! `/setup-check`, for the shop's owner rather than its customers: the settings in effect, and
//! what the server answers, in plain words — the two requests every visit makes first
//! (registration and recovery fields, with the exact CORS headers to send when the browser gets
//! no answer), a code no one was sent (does a crash come back as HTTP 200?), and, when a customer
//! is signed in in this tab, how the order history pages. Not linked from the cabinet; the README
//! points merchants here.

use leptos::prelude::*;

use crate::app::{use_app, AppContext};
use crate::core::api::auth::Token;
use crate::core::api::{Client, Endpoint};
use crate::core::browser;
use crate::core::config::{ApiConfig, Config, TokenStorage};
use crate::core::i18n::use_i18n;
use crate::core::ui::load::Load;
use crate::core::ui::nav::Nav;
use crate::features::orders::paging::PageRequest;
use crate::features::setup_check::diagnose::{
    cors_headers, fields_answer, overall, paging_answers, wrong_code_answer, Finding, OrderIds,
    Severity,
};

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

/// How the order history pages, for a signed-in customer: three requests of two orders.
async fn order_paging(client: &Client, token: Option<Token>) -> Vec<Finding> {
    let Some(token) = token else {
        return vec![Finding::OrdersNeedSignIn];
    };
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
    let AppContext { client, config, .. } = use_app();
    let route_base = use_context::<Nav>().map(|n| n.base()).unwrap_or_default();
    let demo = config.api == ApiConfig::Demo;
    let rows = settings(&config, &route_base);
    let urls = config.clone();
    let runs = RwSignal::new(0u32);
    let session = use_app().session;
    let results = Load::new(move || {
        runs.track();
        let c = client.clone();
        let token = session.token();
        async move {
            let mut out = Vec::new();
            for (endpoint, login_expected) in PROBED {
                let answer = c.probe(endpoint).await;
                out.push((endpoint, fields_answer(answer.as_ref(), login_expected)));
            }
            let crash = c.probe_wrong_code().await;
            out.push((Endpoint::Verification, wrong_code_answer(crash.as_ref())));
            out.push((Endpoint::OrderList, order_paging(&c, token).await));
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
