//! The cabinet's screens as a typed `Route`: read from an address by [`Route::parse`], written
//! back by [`Route::path`] — the one place in-app addresses are spelled — and guarded by
//! [`Route::guarded`], the one rule for who may see which screen. Pure, so all three are tested
//! natively; `core/ui/nav.rs` follows the browser's address and `app::page` draws the screen.

use crate::core::logic::url::{encode_component, percent_decode};

/// A screen of the cabinet, with what it needs to know from the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `/`: the profile for a signed-in customer, sign-in for everyone else.
    Home,
    /// `/sign-in`, and the signed-in screen to return to afterwards (`?next=`).
    SignIn {
        next: Option<Box<Route>>,
    },
    Register,
    Recover,
    /// Where a social network sends the customer back (`/oauth/callback`).
    OAuthCallback,
    Profile,
    Orders,
    /// `/orders/<id>`: the order's id as the server wrote it (decoded from the path).
    Order(String),
    SetupCheck,
    PanicCheck,
    NotFound,
}

/// A path without trailing slashes (`/profile/` → `/profile`), `/` staying `/`.
pub fn normalize(path: &str) -> &str {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/"
    } else {
        trimmed
    }
}

impl Route {
    /// Sign-in, returning to the profile afterwards.
    pub fn sign_in() -> Self {
        Self::SignIn { next: None }
    }

    /// Sign-in, returning to `next` afterwards.
    pub fn sign_in_then(next: Route) -> Self {
        Self::SignIn { next: Some(Box::new(next)) }
    }

    /// Whether the screen shows a signed-in customer's data (and leaves when the session ends).
    pub fn needs_session(&self) -> bool {
        matches!(self, Self::Profile | Self::Orders | Self::Order(_))
    }

    /// The screen for a path under the route base and its query (without `?`).
    pub fn parse(path: &str, query: &str) -> Self {
        match normalize(path) {
            "/" => Self::Home,
            "/sign-in" => Self::SignIn { next: Self::next_in(query).map(Box::new) },
            "/register" => Self::Register,
            "/recover" => Self::Recover,
            "/oauth/callback" => Self::OAuthCallback,
            "/profile" => Self::Profile,
            "/orders" => Self::Orders,
            "/setup-check" => Self::SetupCheck,
            "/_panic" => Self::PanicCheck,
            other => match other.strip_prefix("/orders/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Self::Order(percent_decode(id)),
                _ => Self::NotFound,
            },
        }
    }

    /// Where to go after signing in, from the `next` of a query: a signed-in screen of this
    /// cabinet, never an address elsewhere (an open redirect) or another sign-in.
    fn next_in(query: &str) -> Option<Self> {
        query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(key, _)| *key == "next")
            .and_then(|(_, value)| Self::after_sign_in(&percent_decode(value)))
    }

    /// The signed-in screen a kept in-app address (`/orders/12`) names, if it names one.
    pub fn after_sign_in(address: &str) -> Option<Self> {
        let (path, query) = address.split_once('?').unwrap_or((address, ""));
        Some(Self::parse(path, query)).filter(Self::needs_session)
    }

    /// The in-app address of this screen (the router puts the route base in front).
    pub fn path(&self) -> String {
        match self {
            Self::Home => "/".into(),
            Self::SignIn { next: None } => "/sign-in".into(),
            Self::SignIn { next: Some(next) } => {
                format!("/sign-in?next={}", encode_component(&next.path()))
            }
            Self::Register => "/register".into(),
            Self::Recover => "/recover".into(),
            Self::OAuthCallback => "/oauth/callback".into(),
            Self::Profile => "/profile".into(),
            Self::Orders => "/orders".into(),
            Self::Order(id) => format!("/orders/{}", encode_component(id)),
            Self::SetupCheck => "/setup-check".into(),
            Self::PanicCheck => "/_panic".into(),
            // Any address that names no screen will do; this one never will.
            Self::NotFound => "/not-found".into(),
        }
    }

    /// Whether a link to `self` leads to where the customer is (`Orders` is current on an
    /// order's page too), for `aria-current`.
    pub fn contains(&self, here: &Route) -> bool {
        self == here || (*self == Self::Orders && matches!(here, Self::Order(_)))
    }

    /// The screen to show for this address: a signed-in screen asks a signed-out visitor to sign
    /// in first (and comes back here afterwards); sign-in sends a signed-in customer on to where
    /// they were going; `/` is the profile or sign-in.
    pub fn guarded(self, signed_in: bool) -> Self {
        match self {
            Self::Home if signed_in => Self::Profile,
            Self::Home => Self::sign_in(),
            route if route.needs_session() && !signed_in => Self::sign_in_then(route),
            Self::SignIn { next } if signed_in => next.map_or(Self::Profile, |n| *n),
            route => route,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signed_in_screens() {
        assert!(Route::Profile.needs_session() && Route::Orders.needs_session());
        assert!(Route::Order("1".into()).needs_session());
        assert!(!Route::sign_in().needs_session() && !Route::SetupCheck.needs_session());
    }

    #[test]
    fn paths_name_screens() {
        assert_eq!(Route::parse("/", ""), Route::Home);
        assert_eq!(Route::parse("", ""), Route::Home);
        assert_eq!(Route::parse("/profile/", ""), Route::Profile);
        assert_eq!(Route::parse("/orders", "page=2"), Route::Orders);
        assert_eq!(Route::parse("/orders/A%2017", ""), Route::Order("A 17".into()));
        assert_eq!(Route::parse("/orders/12/", ""), Route::Order("12".into()));
        assert_eq!(Route::parse("/orders/12/items", ""), Route::NotFound);
        assert_eq!(Route::parse("/oauth/callback", ""), Route::OAuthCallback);
        assert_eq!(Route::parse("/nope", ""), Route::NotFound);
        assert_eq!(normalize("/orders//"), "/orders");
    }

    #[test]
    fn every_route_reads_back_from_its_own_path() {
        let routes = [
            Route::Home,
            Route::sign_in(),
            Route::sign_in_then(Route::Order("2024/17 A&B".into())),
            Route::sign_in_then(Route::Orders),
            Route::Register,
            Route::Recover,
            Route::OAuthCallback,
            Route::Profile,
            Route::Orders,
            Route::Order("2024.17".into()),
            Route::Order("№ 5?x=1#y".into()),
            Route::SetupCheck,
            Route::PanicCheck,
            Route::NotFound,
        ];
        for route in routes {
            let path = route.path();
            let (p, q) = path.split_once('?').unwrap_or((&path, ""));
            assert_eq!(Route::parse(p, q), route, "{path}");
        }
    }

    #[test]
    fn next_is_a_signed_in_screen_of_this_cabinet() {
        let next = |query: &str| match Route::parse("/sign-in", query) {
            Route::SignIn { next } => next.map(|n| *n),
            other => panic!("{other:?}"),
        };
        assert_eq!(next("next=/orders/12"), Some(Route::Order("12".into())));
        assert_eq!(next("next=%2Forders%2FA%252017"), Some(Route::Order("A 17".into())));
        assert_eq!(next("next=/profile"), Some(Route::Profile));
        for elsewhere in [
            "next=https://evil.example/",
            "next=//evil.example",
            "next=/\\evil.example",
            "next=%2F%2Fevil.example%2Fprofile",
            "next=/register",
        ] {
            assert_eq!(next(elsewhere), None, "{elsewhere}");
        }
        assert_eq!(next("next=/sign-in?next=/orders"), None, "no sign-in after sign-in");
        assert_eq!(next(""), None);
    }

    #[test]
    fn the_guard_sends_each_visitor_where_they_belong() {
        let order = Route::Order("7".into());
        assert_eq!(order.clone().guarded(false), Route::sign_in_then(order.clone()));
        assert_eq!(order.clone().guarded(true), order);
        assert_eq!(Route::Home.guarded(false), Route::sign_in());
        assert_eq!(Route::Home.guarded(true), Route::Profile);
        assert_eq!(Route::sign_in_then(order.clone()).guarded(true), order);
        assert_eq!(Route::sign_in().guarded(true), Route::Profile);
        assert_eq!(Route::sign_in().guarded(false), Route::sign_in());
        assert_eq!(Route::Register.guarded(true), Route::Register);
        assert!(Route::Orders.contains(&Route::Order("1".into())));
        assert!(!Route::Profile.contains(&Route::Orders));
    }
}
