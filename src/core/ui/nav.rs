//! The cabinet's own router (leptos_router measured +28 KB brotli for its ten flat routes), under
//! names of its own so that nobody reads leptos_router's documentation for it. [`Nav`] follows
//! the browser's address (back and forward included) as a typed [`Route`]; [`use_nav`] gives it
//! to a view, whose handlers call [`Nav::go`] (a new history entry) or [`Nav::replace`] (the
//! same entry, as after a sign-in); [`RouteLink`] is a link that moves in place on a plain click
//! (modifier and middle clicks left to the browser) and marks itself `aria-current="page"`
//! where the customer is. Every address is written by `Route::path` and lives under the route
//! base (the page path an embedded cabinet lives under), which the router adds. Which screen a
//! signed-out or signed-in visitor sees is `Route::guarded`, applied once by the app.

use leptos::ev;
use leptos::prelude::*;

use wasm_bindgen::JsValue;

use crate::core::logic::route::Route;

/// The route an address under `base` names (an address outside the base names no screen).
fn read(base: &str) -> Route {
    let location = window().location();
    let pathname = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let under_base = match pathname.strip_prefix(base) {
        _ if base.is_empty() => Some(pathname.as_str()),
        Some("") => Some("/"),
        Some(rest) if rest.starts_with('/') => Some(rest),
        _ => None,
    };
    match under_base {
        Some(path) => Route::parse(path, search.trim_start_matches('?')),
        None => Route::NotFound,
    }
}

/// The router's state, provided as context by [`Nav::install`].
#[derive(Clone, Copy)]
pub struct Nav {
    here: RwSignal<Route>,
    base: StoredValue<String>,
}

/// The router. A view drawn outside the started cabinet is a programming error: it panics (the
/// panic screen offers a reload) rather than leaving links that go nowhere.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}

impl Nav {
    /// Read the address, follow back/forward, and provide the router to the views below.
    pub fn install(base: String) -> Self {
        let nav = Self::standing_at(read(&base), base);
        let here = nav.here;
        let handle = window_event_listener(ev::popstate, move |_| {
            if let Some(base) = nav.base.try_get_value() {
                here.try_set(read(&base));
            }
        });
        on_cleanup(move || handle.remove());
        nav
    }

    /// A router that stands at `route` and reads no address: for drawing a screen where there
    /// is no browser (the first screen, drawn at build time: `app::first_screen`).
    pub fn standing_at(route: Route, base: String) -> Self {
        let nav = Self { here: RwSignal::new(route), base: StoredValue::new(base) };
        provide_context(nav);
        nav
    }

    /// The screen the address names (tracked).
    pub fn route(&self) -> Route {
        self.here.get()
    }

    /// The path the cabinet's routes live under (`""` at the root).
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// A route's address as the browser sees it, under the base.
    pub fn href(&self, to: &Route) -> String {
        format!("{}{}", self.base.get_value(), to.path())
    }

    /// Go to `to`, as a new entry in the history, at the top of the page.
    pub fn go(&self, to: Route) {
        self.write(to, false);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Show `to` in place of the current entry (back does not return to what it replaces).
    pub fn replace(&self, to: Route) {
        self.write(to, true);
    }

    fn write(&self, to: Route, replace: bool) {
        let url = self.href(&to);
        if let Ok(history) = window().history() {
            let _ = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
        if self.here.with_untracked(|here| *here != to) {
            self.here.set(to);
        }
    }
}

/// A link to a screen of the cabinet. `class` and `label` (the accessible name) are props rather
/// than `attr:` spreads: spreading attributes onto a type-erased component instantiates Leptos'
/// attribute-erasure machinery for every attribute type (~16 KB of wasm).
#[component]
pub fn RouteLink(
    to: Route,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional_no_strip)] label: Option<String>,
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    let href = nav.href(&to);
    let target = to.clone();
    let current = move || nav.here.with(|here| to.contains(here)).then_some("page");
    let on_click = move |event: ev::MouseEvent| {
        let plain = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if plain && !event.default_prevented() {
            event.prevent_default();
            nav.go(target.clone());
        }
    };
    view! {
        <a href=href class=class aria-label=label aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}
