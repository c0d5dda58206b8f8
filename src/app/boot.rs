//! Loading `cabinet.json` (the loader may have started the fetch already), and what the customer
//! sees meanwhile and when it fails: the configuration's own mistake, named, or a retry.

use super::cabinet::Cabinet;

use leptos::prelude::*;

use crate::core::storage;
use crate::core::ui::effect::effect;
use wasm_bindgen::JsCast;

use crate::core::browser::{self};
use crate::core::config::{ApiConfig, Config, ConfigError};
use crate::core::handover;
use crate::core::i18n::{use_i18n, I18n};
use crate::core::logic::locale::Lang;
use crate::core::ui::load::Load;
use crate::core::ui::working::working;

/// Where the config comes from. Never the query string.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ConfigSource {
    pub(super) url: String,
    /// Set by the page's `data-config`: then a missing file is an error, not "demo".
    pub(super) explicit: bool,
    pub(super) page: PageHints,
    pub(super) route_base: String,
    pub(super) embedded: bool,
}

/// What the embedding page knows about the customer (say, the phone typed at checkout), from
/// the mount element's `data-saved-phone`, `data-saved-email` and `data-region-id`. They win over
/// the config's values: the page knows this visit.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct PageHints {
    saved_phone: Option<String>,
    saved_email: Option<String>,
    region_id: Option<String>,
}

impl PageHints {
    pub(super) fn read(host: &web_sys::HtmlElement) -> Self {
        let attr = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
        Self {
            saved_phone: attr("data-saved-phone"),
            saved_email: attr("data-saved-email"),
            region_id: attr("data-region-id"),
        }
    }

    fn apply(&self, config: &mut Config) {
        config.saved_phone = self.saved_phone.clone().or(config.saved_phone.take());
        config.saved_email = self.saved_email.clone().or(config.saved_email.take());
        config.region_id = self.region_id.clone().or(config.region_id.take());
    }
}

#[derive(Clone, Debug, PartialEq)]
enum BootError {
    Invalid(ConfigError),
    Unreachable,
}

/// The loader (`web-cabinet.js`) starts fetching `cabinet.json` while the wasm downloads and
/// leaves `{url, answer}` here: taken once, if it is for this URL.
const PREFETCHED_CONFIG: &str = "__webCabinetConfig";

fn prefetched_config(url: &str) -> Option<js_sys::Promise> {
    let slot = browser::take_global(PREFETCHED_CONFIG).filter(|v| v.is_object())?;
    let same = js_sys::Reflect::get(&slot, &"url".into()).ok()?.as_string()? == url;
    let answer = js_sys::Reflect::get(&slot, &"answer".into()).ok()?;
    same.then(|| answer.dyn_into().ok()).flatten()
}

async fn load_config(source: ConfigSource) -> Result<Config, BootError> {
    // The loader started this fetch with the wasm's; read its answer, or fetch it now.
    let answer = match prefetched_config(&source.url) {
        Some(fetching) => wasm_bindgen_futures::JsFuture::from(fetching)
            .await
            .ok()
            .and_then(|answer| answer.dyn_into::<web_sys::Response>().ok())
            .map(gloo_net::http::Response::from),
        None => gloo_net::http::Request::get(&source.url).send().await.ok(),
    };
    let answer = answer.ok_or(BootError::Unreachable)?;
    let text = answer.text().await.map_err(|_| BootError::Unreachable)?;
    let status = answer.status();
    // A server with an SPA fallback answers a missing cabinet.json with index.html.
    let missing = status == 404 || (status == 200 && text.trim_start().starts_with('<'));
    if missing && !source.explicit {
        let mut config = Config::default();
        source.page.apply(&mut config);
        return without_demo(config);
    }
    if missing || !(200..300).contains(&status) {
        return Err(BootError::Invalid(ConfigError {
            key: "data-config".into(),
            problem: format!("{} could not be loaded (HTTP {status})", source.url),
        }));
    }
    let mut config = Config::parse(&text, &source.url).map_err(BootError::Invalid)?;
    source.page.apply(&mut config);
    without_demo(config)
}

/// A build without the demo backend (a merchant's release) needs a shop server: say which key
/// to set rather than show an empty cabinet.
fn without_demo(config: Config) -> Result<Config, BootError> {
    if cfg!(feature = "demo") || config.api != ApiConfig::Demo {
        return Ok(config);
    }
    Err(BootError::Invalid(ConfigError {
        key: "api".into(),
        problem: "no shop server is configured, and this build has no demo backend".into(),
    }))
}

fn initial_lang(config: Option<&Config>) -> Lang {
    storage::language()
        .load()
        .and_then(|l| Lang::from_tag(&l))
        .or_else(|| config.and_then(|c| c.locale))
        .or_else(|| browser::languages().iter().find_map(|l| Lang::from_tag(l)))
        .unwrap_or(Lang::Ru)
}

#[component]
pub(super) fn Boot(source: ConfigSource, root: web_sys::HtmlElement) -> impl IntoView {
    let route_base = source.route_base.clone();
    let embedded = source.embedded;
    let lang = RwSignal::new(initial_lang(None));
    // What the config decides is done where it arrives, never while a view draws: the language,
    // and whether this origin keeps the offline worker.
    let config = Load::new(move || {
        let source = source.clone();
        async move {
            let config = load_config(source).await;
            if let Ok(config) = &config {
                lang.set(initial_lang(Some(config)));
                crate::core::worker::sync(config.offline, embedded);
            }
            config
        }
    });
    provide_context(I18n { lang });
    // The cabinet's own language, on its own root: a host page's `lang` is left alone.
    let lang_root = root.clone();
    effect(move || {
        lang_root.set_attribute("lang", lang.get().tag()).ok();
    });
    move || match config.get() {
        // The first screen the loader drew stays until the app's replaces it.
        None if handover::waiting() => ().into_any(),
        None => working(use_i18n().t().loading),
        Some(Ok(config)) => {
            view! { <Cabinet config route_base=route_base.clone() root=root.clone()/> }.into_any()
        }
        Some(Err(e)) => view! { <BootFailure error=e retry=move || config.refetch()/> }.into_any(),
    }
}

#[component]
fn BootFailure(error: BootError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
    effect(handover::finish);
    match error {
        BootError::Invalid(e) => {
            browser::error(&format!("web-cabinet: invalid configuration: {e}"));
            view! {
                <div class="wc-fatal" role="alert">
                    <h1>{move || i18n.t().config_error_title}</h1>
                    <p>{move || i18n.t().config_error_hint}</p>
                    <p><code class="wc-config-key">{e.key.clone()}</code>": "{e.problem.clone()}</p>
                </div>
            }
            .into_any()
        }
        BootError::Unreachable => view! {
            <div class="wc-fatal" role="alert">
                <p>{move || i18n.t().config_load_failed}" "{move || i18n.t().error_network}</p>
                <button type="button" class="wc-button" on:click=move |_| retry()>
                    {move || i18n.t().retry}
                </button>
            </div>
        }
        .into_any(),
    }
}
