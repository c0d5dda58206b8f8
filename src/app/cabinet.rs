//! The started cabinet: the client and session, what each feature keeps for a session (and
//! forgets when it changes hands), the one guard, and which screen each `Route` shows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::storage;
use crate::core::ui::effect::effect;

use crate::core::api::http::HttpTransport;
use crate::core::api::{Client, CommonFields, Transport};
use crate::core::browser::{self};
use crate::core::config::{ApiConfig, Config};
use crate::core::context::AppContext;
use crate::core::i18n::use_i18n;
use crate::core::logic::app_id;
use crate::core::logic::locale::Lang;
use crate::core::logic::route::Route;
use crate::core::session::Session;
use crate::core::ui::frame;
use crate::core::ui::layout::Shell;
use crate::core::ui::nav::Nav;
use crate::core::ui::not_found::NotFound;
use crate::core::ui::panic_check::panic_check;
#[cfg(feature = "demo")]
use crate::demo::{banner::DemoBanner, transport::DemoTransport};
#[cfg(feature = "signed-in")]
use crate::features::orders::{list::OrdersPage, order_page::OrderPage, store::OrdersStore};
use crate::features::profile::editor::saving::forget_draft_on_sign_out;
use crate::features::profile::till_card::keeping::forget_card_on_change;
#[cfg(feature = "signed-in")]
use crate::features::profile::view::ProfilePage;
use crate::features::recovery::view::Recover;
use crate::features::registration::view::Register;
use crate::features::sign_in::oauth_callback::OAuthCallback;
use crate::features::sign_in::view::SignIn;
#[cfg(feature = "setup-check")]
use crate::setup_check::view::SetupCheck;

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
pub(super) fn Cabinet(
    config: Config,
    route_base: String,
    root: web_sys::HtmlElement,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = build_client(&config, i18n.lang.get_untracked());
    let session = Session::restore(config.token_storage);
    frame::connect(config.parent_origin.clone(), root, session, i18n);
    // The orders read so far, kept while the customer moves between screens; what each feature
    // keeps for a session goes when it changes hands (`Session::on_change`).
    #[cfg(feature = "signed-in")]
    OrdersStore::provide(session, config.orders_page_size);
    // Forgotten from either bundle: a card or draft is kept in Web Storage across both.
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
    // The first draw is the longest task of the start (the wasm's first calls): the cabinet is
    // set up in this task and drawn in the next, so that neither holds the page for long. The
    // first screen stays in between, until the app's screen replaces it.
    let drawn = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        browser::next_task().await;
        drawn.set(true);
    });
    move || drawn.get().then(|| in_shell(move || page(screen.get())))
}

/// The shell around every screen: what the app draws and what the first screen drawn at build
/// time (`first_screen`) is, so the two cannot differ.
pub(super) fn in_shell(main: impl IntoView + 'static) -> impl IntoView {
    view! {
        <Shell>
            {demo_banner()}
            <main class="wc-main">{main}</main>
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
        #[cfg(feature = "signed-in")]
        Route::Profile => view! { <ProfilePage/> }.into_any(),
        #[cfg(feature = "signed-in")]
        Route::Orders => view! { <OrdersPage/> }.into_any(),
        #[cfg(feature = "signed-in")]
        Route::Order(id) => view! { <OrderPage id/> }.into_any(),
        // The sign-in screens' bundle has no signed-in screen: it hands the page to the whole
        // cabinet, which shows it.
        #[cfg(not(feature = "signed-in"))]
        Route::Profile | Route::Orders | Route::Order(_) => {
            view! { <super::signed_in_bundle::HandOver/> }.into_any()
        }
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
