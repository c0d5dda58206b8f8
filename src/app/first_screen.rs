//! The first screen, drawn at build time from the app's own views: the sign-in screen in its
//! shell, the registration card waiting for its fields, and the bare shell for any other
//! address, as HTML, in each language. The loader puts
//! it on the page the moment it runs, long before the wasm arrives, and the app takes it over
//! (`core::handover`) keeping what the customer typed. Drawn by the very components the app
//! draws (`in_shell`, `SignIn`), with nothing running: no effect, no request — the first frame
//! of a cabinet whose configuration is the default one.

use std::sync::Arc;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;

use super::cabinet::in_shell;
use crate::core::api::http::{EndpointUrls, HttpTransport};
use crate::core::api::{Client, CommonFields, Transport};
use crate::core::config::{Config, TokenStorage};
use crate::core::context::AppContext;
use crate::core::i18n::I18n;
use crate::core::logic::locale::Lang;
use crate::core::logic::route::Route;
use crate::core::session::Session;
use crate::core::ui::nav::Nav;
use crate::features::registration::view::Register;
use crate::features::sign_in::view::SignIn;

/// Where the route base goes in a drawn link: the loader writes the page's own base there (the
/// same base the app's router uses).
pub const ROUTE_BASE_MARK: &str = "__WEB_CABINET_BASE__";

/// Which first screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FirstScreen {
    /// What a signed-out visitor of `/`, `/sign-in` or a signed-in screen is shown.
    SignIn,
    /// `/register`: the card, waiting for the server's fields.
    Register,
    /// The header alone: any other address, or a customer with a kept session.
    Shell,
}

impl FirstScreen {
    pub const ALL: [FirstScreen; 3] =
        [FirstScreen::SignIn, FirstScreen::Register, FirstScreen::Shell];

    pub fn name(self) -> &'static str {
        match self {
            FirstScreen::SignIn => "sign-in",
            FirstScreen::Register => "register",
            FirstScreen::Shell => "shell",
        }
    }
}

/// Leptos' tasks dropped unstarted: the first frame is drawn, nothing after it.
struct NothingRuns;

impl CustomExecutor for NothingRuns {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// `screen` in `lang`, as the app would draw it first on a page without a session.
pub fn draw(screen: FirstScreen, lang: Lang) -> String {
    // Already set by an earlier call: the same executor either way.
    let _ = Executor::init_custom_executor(NothingRuns);
    let owner = Owner::new();
    // Drawn once, never again: reading signals outside a reactive context is the point here, not
    // the mistake Leptos' debug checks warn of.
    let _once = leptos::reactive::diagnostics::SpecialNonReactiveZone::enter();
    let html = owner.with(|| {
        provide_context(I18n { lang: RwSignal::new(lang) });
        let config = Config::default();
        let client = Client::new(
            Transport::Http(HttpTransport::new(EndpointUrls::new(Vec::new()), 0)),
            CommonFields {
                app_id: String::new(),
                platform: config.platform.clone(),
                locale: lang.wire_locale().into(),
                region_id: None,
                saved_phone: None,
                saved_email: None,
            },
        );
        // A session kept nowhere: nothing is read from a browser's storage.
        let session = Session::restore(TokenStorage::Memory);
        provide_context(AppContext { client, session, config: Arc::new(config) });
        let route = match screen {
            FirstScreen::SignIn => Route::SignIn { next: None },
            FirstScreen::Register => Route::Register,
            FirstScreen::Shell => Route::NotFound,
        };
        Nav::standing_at(route, ROUTE_BASE_MARK.into());
        match screen {
            FirstScreen::SignIn => in_shell(view! { <SignIn next=None/> }).to_html(),
            FirstScreen::Register => in_shell(view! { <Register/> }).to_html(),
            FirstScreen::Shell => in_shell(()).to_html(),
        }
    });
    drop(owner);
    html
}
