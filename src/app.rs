//! Start-up and the top of the view tree: find the mount element, install the panic screen, load
//! `cabinet.json`, build the client and session, provide them as context, and route.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::storage;
use crate::core::ui::effect::effect;
use wasm_bindgen::JsCast;

use crate::core::api::http::HttpTransport;
use crate::core::api::{Client, CommonFields, Transport};
use crate::core::browser::{self};
use crate::core::config::{ApiConfig, Config, ConfigError};
use crate::core::context::AppContext;
use crate::core::i18n::{use_i18n, I18n};
use crate::core::logic::locale::Lang;
use crate::core::logic::route::Route;
use crate::core::logic::{app_id, url};
use crate::core::session::Session;
use crate::core::ui::frame;
use crate::core::ui::layout::Shell;
use crate::core::ui::load::Load;
use crate::core::ui::nav::Nav;
use crate::core::ui::not_found::NotFound;
use crate::core::ui::panic_check::panic_check;
#[cfg(feature = "demo")]
use crate::demo::{banner::DemoBanner, transport::DemoTransport};
use crate::features::orders::list::OrdersPage;
use crate::features::orders::order_page::OrderPage;
use crate::features::orders::store::OrdersStore;
use crate::features::profile::editor::saving::forget_draft_on_sign_out;
use crate::features::profile::till_card::keeping::forget_card_on_change;
use crate::features::profile::view::ProfilePage;
use crate::features::recovery::view::Recover;
use crate::features::registration::view::Register;
use crate::features::sign_in::oauth_callback::OAuthCallback;
use crate::features::sign_in::view::SignIn;
#[cfg(feature = "setup-check")]
use crate::setup_check::view::SetupCheck;

const MOUNT_ID: &str = "web-cabinet";

/// Mount the cabinet into `#web-cabinet` (or the body when the page has none).
pub fn start() {
    install_panic_screen();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let host: Option<web_sys::HtmlElement> = document
        .get_element_by_id(MOUNT_ID)
        .and_then(|e| e.dyn_into().ok())
        .or_else(|| document.body());
    let Some(host) = host else {
        return;
    };
    let explicit = host.get_attribute("data-config").filter(|s| !s.trim().is_empty());
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    // Routes live under the page's `data-base`, else under its `<base href>` (a cabinet served
    // from /lk/), else at the root.
    let has_base_element = document.query_selector("base[href]").ok().flatten().is_some();
    let route_base = match host.get_attribute("data-base") {
        Some(raw) => url::route_base(&raw),
        None if has_base_element => url::route_base(url::path_of(&base)),
        None => String::new(),
    };
    // A page of the shop's that embeds the cabinet (it names where the cabinet's routes live or
    // where its config is) is not the cabinet's to serve offline.
    let embedded = explicit.is_some() || host.get_attribute("data-base").is_some();
    let source = ConfigSource {
        embedded,
        url: url::resolve(&base, explicit.as_deref().unwrap_or("cabinet.json")).unwrap_or_default(),
        explicit: explicit.is_some(),
        page: PageHints::read(&host),
        route_base,
    };
    // On a shop's page the cabinet draws in a shadow root: the shop's selectors, `!important`
    // or not, cannot reach in, and its inherited styles stop at the edge (`:host` in
    // cabinet.css). On its own page there is nothing to keep out.
    let root = embedded.then(|| isolated_root(&document, &host)).flatten().unwrap_or(host);
    root.class_list().add_1("wc-root").ok();
    browser::set_tree(&root);
    let mounted = root.clone();
    leptos::mount::mount_to(mounted, move || view! { <Boot source root/> }).forget();
}

/// The loader leaves the cabinet's stylesheets' URLs here (`scripts/loader.mjs`).
const LOADED_STYLES: &str = "__webCabinetStyles";

/// A shadow root on `host` holding the cabinet's stylesheets and an element to draw in; `None`
/// where the browser cannot attach one (the cabinet then draws in the page as before).
fn isolated_root(
    document: &web_sys::Document,
    host: &web_sys::HtmlElement,
) -> Option<web_sys::HtmlElement> {
    let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
    let shadow = host.attach_shadow(&init).ok()?;
    let styles = js_sys::Reflect::get(&js_sys::global(), &LOADED_STYLES.into())
        .map(|s| js_sys::Array::from(&s))
        .unwrap_or_default();
    for href in styles.iter() {
        let link = document.create_element("link").ok()?;
        link.set_attribute("rel", "stylesheet").ok()?;
        link.set_attribute("href", &href.as_string()?).ok()?;
        shadow.append_child(&link).ok()?;
    }
    let inner: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    inner.class_list().add_1("wc-shadowed").ok()?;
    shadow.append_child(&inner).ok()?;
    Some(inner)
}

/// Where the config comes from. Never the query string.
#[derive(Clone, Debug, PartialEq)]
struct ConfigSource {
    url: String,
    /// Set by the page's `data-config`: then a missing file is an error, not "demo".
    explicit: bool,
    page: PageHints,
    route_base: String,
    embedded: bool,
}

/// What the embedding page knows about the customer (say, the phone typed at checkout), from
/// the mount element's `data-saved-phone`, `data-saved-email` and `data-region-id`. They win over
/// the config's values: the page knows this visit.
#[derive(Clone, Debug, Default, PartialEq)]
struct PageHints {
    saved_phone: Option<String>,
    saved_email: Option<String>,
    region_id: Option<String>,
}

impl PageHints {
    fn read(host: &web_sys::HtmlElement) -> Self {
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
    let global = js_sys::global();
    let key = wasm_bindgen::JsValue::from_str(PREFETCHED_CONFIG);
    let slot = js_sys::Reflect::get(&global, &key).ok().filter(|v| v.is_object())?;
    js_sys::Reflect::delete_property(&global, &key).ok();
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
fn Boot(source: ConfigSource, root: web_sys::HtmlElement) -> impl IntoView {
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
        None => view! { <p class="wc-loading" role="status">{move || use_i18n().t().loading}</p> }
            .into_any(),
        Some(Ok(config)) => {
            view! { <Cabinet config route_base=route_base.clone() root=root.clone()/> }.into_any()
        }
        Some(Err(e)) => view! { <BootFailure error=e retry=move || config.refetch()/> }.into_any(),
    }
}

#[component]
fn BootFailure(error: BootError, retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let i18n = use_i18n();
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

/// The per-browser app id: configured, or made once and kept.
fn app_id(config: &Config) -> String {
    if let Some(id) = &config.app_id {
        return id.clone();
    }
    match storage::app_id().load().filter(|id| app_id::is_valid(id)) {
        Some(id) => id,
        None => {
            let id = app_id::from_random(browser::random_u32());
            storage::app_id().store(&id);
            id
        }
    }
}

fn build_client(config: &Config, lang: Lang) -> Client {
    let transport = match &config.api {
        ApiConfig::Http(urls) => {
            Transport::Http(HttpTransport::new(urls.clone(), config.request_timeout_ms))
        }
        #[cfg(feature = "demo")]
        ApiConfig::Demo => {
            let demo = DemoTransport::in_browser();
            // The demo banner shows the codes this backend "sends".
            provide_context(demo.clone());
            demo.transport()
        }
        // Unreachable: `without_demo` turns this into a configuration error before any client.
        #[cfg(not(feature = "demo"))]
        ApiConfig::Demo => Transport::Http(HttpTransport::new(
            crate::core::api::http::EndpointUrls::new(Vec::new()),
            config.request_timeout_ms,
        )),
    };
    Client::new(
        transport,
        CommonFields {
            app_id: app_id(config),
            platform: config.platform.clone(),
            locale: lang.wire_locale().into(),
            region_id: config.region_id.clone(),
            saved_phone: config.saved_phone.clone(),
            saved_email: config.saved_email.clone(),
        },
    )
}

#[component]
fn Cabinet(config: Config, route_base: String, root: web_sys::HtmlElement) -> impl IntoView {
    let i18n = use_i18n();
    let client = build_client(&config, i18n.lang.get_untracked());
    let session = Session::restore(config.token_storage);
    frame::connect(config.parent_origin.clone(), root, session, i18n);
    // The orders read so far, kept while the customer moves between screens; what each feature
    // keeps for a session goes when it changes hands (`Session::on_change`).
    OrdersStore::provide(session, config.orders_page_size);
    forget_card_on_change(session);
    forget_draft_on_sign_out(session);
    provide_context(AppContext { client: client.clone(), session, config: Arc::new(config) });
    effect(move || {
        let lang = i18n.lang.get();
        client.set_locale(lang.wire_locale());
        storage::language().store(lang.tag());
    });
    let nav = Nav::install(route_base);
    session.listen_to_other_tabs();
    // The one guard for every screen: a signed-in screen asks a signed-out visitor to sign in
    // (a session ended by the server or in another tab included), sign-in sends a signed-in
    // customer on.
    let screen = Memo::new(move |_| nav.route().guarded(session.is_signed_in()));
    // The address bar follows the screen shown.
    effect(move || {
        let shown = screen.get();
        if nav.route() != shown {
            nav.replace(shown);
        }
    });
    view! {
        <Shell>
            {demo_banner()}
            <main class="wc-main">{move || page(screen.get())}</main>
        </Shell>
    }
}

/// The demo backend's hints, when it is the one configured.
#[cfg(feature = "demo")]
fn demo_banner() -> impl IntoView {
    use_context::<DemoTransport>().map(|demo| view! { <DemoBanner demo/> })
}

/// A build without the demo backend has no banner to show.
#[cfg(not(feature = "demo"))]
fn demo_banner() -> impl IntoView {}

/// The screen for a route.
fn page(route: Route) -> AnyView {
    match route {
        Route::SignIn { next } => view! { <SignIn next=next.map(|n| *n)/> }.into_any(),
        Route::Register => view! { <Register/> }.into_any(),
        Route::Recover => view! { <Recover/> }.into_any(),
        Route::OAuthCallback => view! { <OAuthCallback/> }.into_any(),
        Route::Profile => view! { <ProfilePage/> }.into_any(),
        Route::Orders => view! { <OrdersPage/> }.into_any(),
        Route::Order(id) => view! { <OrderPage id/> }.into_any(),
        #[cfg(feature = "setup-check")]
        Route::SetupCheck => view! { <SetupCheck/> }.into_any(),
        // A customers' bundle has no setup check: its loader starts the setup check's own
        // bundle when a page opens at `/setup-check` (`scripts/build`).
        #[cfg(not(feature = "setup-check"))]
        Route::SetupCheck => view! { <NotFound/> }.into_any(),
        Route::PanicCheck => panic_check(),
        // The guard has sent `/` on to the profile or sign-in.
        Route::Home | Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// On a panic, replace the frozen page with a "reload" screen, built with plain DOM calls (the
/// reactive system may be what broke). Both languages: the language signal may be gone too.
fn install_panic_screen() {
    std::panic::set_hook(Box::new(|info| {
        browser::error(&format!("web-cabinet stopped: {info}"));
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Ok(overlay) = document.create_element("div") else {
            return;
        };
        overlay.set_class_name("wc-crash");
        overlay.set_attribute("role", "alertdialog").ok();
        overlay.set_attribute("aria-labelledby", "wc-crash-title").ok();
        let title = document.create_element("p").ok();
        if let Some(t) = &title {
            t.set_id("wc-crash-title");
            t.set_text_content(Some(
                "Что-то пошло не так. Перезагрузите страницу. / Something went wrong. Please reload the page.",
            ));
            overlay.append_child(t).ok();
        }
        // A link to this very page reloads it without running any of our (broken) code.
        if let Ok(link) = document.create_element("a") {
            let here = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
            link.set_attribute("href", &here).ok();
            link.set_class_name("wc-button");
            link.set_text_content(Some("Перезагрузить / Reload"));
            overlay.append_child(&link).ok();
        }
        if let Some(body) = document.body() {
            body.append_child(&overlay).ok();
        }
    }));
}
