//! The cabinet's router. Nine flat routes need no nested matching, and leptos_router's (route
//! definitions, per-route view choosers, transitions) came to ~90 KB of the wasm. This is the
//! part the screens use, with leptos_router's names so pages read the same: `A` links that
//! navigate in place (modifier clicks and middle clicks left to the browser), `Redirect`,
//! `use_navigate`, `use_query_map`, `use_params_map`, history with back/forward, and a route
//! base (the page path an embedded cabinet lives under): every in-app address is written
//! without it, and the router adds it. Which screen a path names is `core::logic::route`.

use leptos::ev;
use leptos::prelude::*;

use crate::core::ui::effect::effect;
use wasm_bindgen::JsValue;

use crate::core::logic::route::{normalize, Route};
use crate::core::logic::url::percent_decode;

/// Where the customer is: the path under the route base (`/orders/12`) and the raw query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Here {
    path: String,
    query: String,
}

fn read(base: &str) -> Here {
    let location = window().location();
    let pathname = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let under_base = match pathname.strip_prefix(base) {
        _ if base.is_empty() => Some(pathname.as_str()),
        Some("") => Some("/"),
        Some(rest) if rest.starts_with('/') => Some(rest),
        _ => None,
    };
    // A path outside the base matches no route: "not found", as with leptos_router.
    let path = under_base.unwrap_or("/.outside-the-route-base").to_string();
    Here { path, query: search.trim_start_matches('?').to_string() }
}

/// The router's state, provided as context by [`Nav::install`].
#[derive(Clone, Copy)]
pub struct Nav {
    here: RwSignal<Here>,
    base: StoredValue<String>,
}

impl Nav {
    /// Read the address, follow back/forward, and provide the router to the views below.
    pub fn install(base: String) -> Self {
        let here = RwSignal::new(read(&base));
        let nav = Self { here, base: StoredValue::new(base) };
        let handle = window_event_listener(ev::popstate, move |_| {
            if let Some(base) = nav.base.try_get_value() {
                here.try_set(read(&base));
            }
        });
        on_cleanup(move || handle.remove());
        provide_context(nav);
        nav
    }

    /// The screen the address names (tracked).
    pub fn route(&self) -> Route {
        self.here.with(|h| Route::parse(&h.path))
    }

    /// The path the cabinet's routes live under (`""` at the root).
    pub fn base(&self) -> String {
        self.base.get_value()
    }

    /// An in-app address (`/profile`) as the browser sees it, under the base.
    pub fn href(&self, to: &str) -> String {
        format!("{}{to}", self.base.get_value())
    }

    /// Go to an in-app address (`/profile`, `/sign-in?next=/orders`).
    pub fn go(&self, to: &str, options: NavigateOptions) {
        let url = self.href(to);
        if let Ok(history) = window().history() {
            let _ = if options.replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
        self.here.set(read(&self.base.get_value()));
        if options.scroll {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    }
}

/// How [`use_navigate`]'s function moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one.
    pub replace: bool,
    /// Scroll to the top of the page afterwards.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        Self { replace: false, scroll: true }
    }
}

/// A function that goes to an in-app address.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone {
    let nav = use_context::<Nav>();
    move |to: &str, options: NavigateOptions| {
        if let Some(nav) = nav {
            nav.go(to, options);
        }
    }
}

/// The query string's values, percent-decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueryMap(Vec<(String, String)>);

impl QueryMap {
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
    }
}

/// The current query (tracked).
pub fn use_query_map() -> Memo<QueryMap> {
    let nav = use_context::<Nav>();
    Memo::new(move |_| {
        let query = nav.map(|n| n.here.with(|h| h.query.clone())).unwrap_or_default();
        QueryMap(
            query
                .split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (percent_decode(k), percent_decode(v))
                })
                .collect(),
        )
    })
}

/// The route's parameters: `id` of `/orders/:id`, as it stands in the path (still encoded).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamsMap {
    id: Option<String>,
}

impl ParamsMap {
    pub fn get(&self, key: &str) -> Option<String> {
        (key == "id").then(|| self.id.clone()).flatten()
    }
}

/// The current route's parameters (tracked).
pub fn use_params_map() -> Memo<ParamsMap> {
    let nav = use_context::<Nav>();
    Memo::new(move |_| match nav.map(|n| n.route()) {
        Some(Route::Order(id)) => ParamsMap { id: Some(id) },
        _ => ParamsMap::default(),
    })
}

/// A link within the cabinet to an in-app address (`/orders`); the browser sees it under the
/// base. A plain click navigates in place; `aria-current="page"` marks the link to where the
/// customer is (or to a section they are inside). `class` and `label` (the accessible name) are
/// props rather than `attr:` spreads: spreading attributes onto a type-erased component
/// instantiates Leptos' attribute-erasure machinery for every attribute type (~16 KB of wasm).
#[component]
pub fn A(
    #[prop(into)] href: String,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional_no_strip)] label: Option<String>,
    children: Children,
) -> impl IntoView {
    let nav = use_context::<Nav>();
    let shown = nav.map_or_else(|| href.clone(), |n| n.href(&href));
    let (target, here) = (href.clone(), href);
    let current = move || {
        nav.and_then(|n| {
            let path = n.here.with(|h| normalize(&h.path).to_string());
            (path == here || path.starts_with(&format!("{here}/"))).then_some("page")
        })
    };
    let on_click = move |event: ev::MouseEvent| {
        let plain = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if let (Some(nav), true, false) = (nav, plain, event.default_prevented()) {
            event.prevent_default();
            nav.go(&target, NavigateOptions::default());
        }
    };
    view! {
        <a href=shown class=class aria-label=label aria-current=current on:click=on_click>
            {children()}
        </a>
    }
}

/// Go elsewhere as soon as this renders (replacing the history entry).
#[component]
pub fn Redirect(#[prop(into)] path: String) -> impl IntoView {
    let nav = use_context::<Nav>();
    // After this render: changing the route while one renders would re-enter it.
    effect(move || {
        if let Some(nav) = nav {
            nav.go(&path, NavigateOptions { replace: true, scroll: false });
        }
    });
}
