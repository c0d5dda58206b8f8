//! Which screen a path names. Pure, so the matching (trailing slashes, `/orders/<id>`) is tested
//! natively; `core/ui/nav.rs` follows the address and `app::page` draws the screen.

/// A screen of the cabinet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    SignIn,
    Register,
    Recover,
    OAuthCallback,
    Profile,
    Orders,
    /// `/orders/<id>`, the id as it stands in the path (still percent-encoded).
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
    /// Whether the screen shows a signed-in customer's data (and leaves when the session ends).
    pub fn needs_session(&self) -> bool {
        matches!(self, Self::Profile | Self::Orders | Self::Order(_))
    }

    /// The screen for a path under the route base.
    pub fn parse(path: &str) -> Self {
        match normalize(path) {
            "/" => Self::Home,
            "/sign-in" => Self::SignIn,
            "/register" => Self::Register,
            "/recover" => Self::Recover,
            "/oauth/callback" => Self::OAuthCallback,
            "/profile" => Self::Profile,
            "/orders" => Self::Orders,
            "/setup-check" => Self::SetupCheck,
            "/_panic" => Self::PanicCheck,
            other => match other.strip_prefix("/orders/") {
                Some(id) if !id.is_empty() && !id.contains('/') => Self::Order(id.to_string()),
                _ => Self::NotFound,
            },
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
        assert!(!Route::SignIn.needs_session() && !Route::SetupCheck.needs_session());
    }

    #[test]
    fn paths_name_screens() {
        assert_eq!(Route::parse("/"), Route::Home);
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("/profile/"), Route::Profile);
        assert_eq!(Route::parse("/orders"), Route::Orders);
        assert_eq!(Route::parse("/orders/A%2017"), Route::Order("A%2017".into()));
        assert_eq!(Route::parse("/orders/12/"), Route::Order("12".into()));
        assert_eq!(Route::parse("/orders/12/items"), Route::NotFound);
        assert_eq!(Route::parse("/nope"), Route::NotFound);
        assert_eq!(normalize("/orders//"), "/orders");
    }
}
