//! What a profile action (`{type, param}`) becomes on the page: a cabinet screen, a link, a phone
//! call — or nothing clickable at all.
//!
//! Only `http`, `https`, `tel` and `mailto` URLs (or paths on this site) ever become live links;
//! `javascript:`, `data:` and anything else render inert. Shop screens map through the merchant's
//! URL templates (`{param}` URL-encoded in); an unmapped screen is inert.

use crate::features::profile::wire::{Action, ActionKind};

use crate::core::logic::route::Route;
use crate::core::logic::url::{encode_component, is_safe_link};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A cabinet screen.
    Screen(Route),
    /// A link; `new_tab` for `openUrlExternal` (with `rel="noopener noreferrer"`).
    Link { href: String, new_tab: bool },
    /// Not a link: no mapping, an unknown type, or an unsafe URL.
    Inert,
}

fn link(href: String, new_tab: bool) -> Target {
    if is_safe_link(&href) {
        Target::Link { href: href.trim().to_string(), new_tab }
    } else {
        Target::Inert
    }
}

/// A `tel:` link from a phone number as servers send it (`+7 800 123-45-67`, `tel:88001234567`).
fn call(param: &str) -> Target {
    let number = param.trim().strip_prefix("tel:").unwrap_or(param.trim());
    let ok = !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && number.chars().any(|c| c.is_ascii_digit());
    if ok {
        let compact: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
        Target::Link { href: format!("tel:{compact}"), new_tab: false }
    } else {
        Target::Inert
    }
}

/// Resolve an action with the merchant's shop-screen `templates` (action type → URL with
/// `{param}`).
pub fn resolve(action: &Action, templates: &[(String, String)]) -> Target {
    let param = action.param.as_deref().unwrap_or("");
    match &action.kind {
        ActionKind::OpenUrl => link(param.to_string(), false),
        ActionKind::OpenUrlExternal => link(param.to_string(), true),
        ActionKind::DoCall => call(param),
        ActionKind::OpenProfile => Target::Screen(Route::Profile),
        ActionKind::OpenHistory => Target::Screen(Route::Orders),
        ActionKind::Shop(name) => {
            templates.iter().find(|(k, _)| k == name).map_or(Target::Inert, |(_, t)| {
                link(t.replace("{param}", &encode_component(param)), false)
            })
        }
        ActionKind::Missing | ActionKind::Unknown(_) => Target::Inert,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn act(kind: ActionKind, param: Option<&str>) -> Action {
        Action { kind, param: param.map(str::to_string) }
    }

    #[test]
    fn urls() {
        let t = |k, p| resolve(&act(k, Some(p)), &[]);
        assert_eq!(
            t(ActionKind::OpenUrl, "https://shop.example/a"),
            Target::Link { href: "https://shop.example/a".into(), new_tab: false }
        );
        assert_eq!(
            t(ActionKind::OpenUrlExternal, "http://x.example/"),
            Target::Link { href: "http://x.example/".into(), new_tab: true }
        );
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "java\tscript:x",
            "",
        ] {
            assert_eq!(t(ActionKind::OpenUrl, bad), Target::Inert, "{bad:?}");
        }
        assert_eq!(
            t(ActionKind::OpenUrl, "mailto:help@shop.example").to_owned(),
            Target::Link { href: "mailto:help@shop.example".into(), new_tab: false }
        );
        assert_eq!(
            t(ActionKind::OpenUrl, "/promo"),
            Target::Link { href: "/promo".into(), new_tab: false }
        );
    }

    #[test]
    fn calls() {
        let t = |p| resolve(&act(ActionKind::DoCall, Some(p)), &[]);
        assert_eq!(
            t("+7 800 123-45-67"),
            Target::Link { href: "tel:+78001234567".into(), new_tab: false }
        );
        assert_eq!(
            t("tel:88001234567"),
            Target::Link { href: "tel:88001234567".into(), new_tab: false }
        );
        assert_eq!(t("call me"), Target::Inert);
        assert_eq!(resolve(&act(ActionKind::DoCall, None), &[]), Target::Inert);
    }

    #[test]
    fn screens_and_templates() {
        let templates = vec![
            ("openProduct".to_string(), "https://shop.example/product/{param}".to_string()),
            ("openCart".to_string(), "javascript:alert({param})".to_string()),
        ];
        assert_eq!(
            resolve(&act(ActionKind::OpenProfile, None), &templates),
            Target::Screen(Route::Profile)
        );
        assert_eq!(
            resolve(&act(ActionKind::OpenHistory, None), &templates),
            Target::Screen(Route::Orders)
        );
        assert_eq!(
            resolve(&act(ActionKind::Shop("openProduct".into()), Some("a b/1")), &templates),
            Target::Link { href: "https://shop.example/product/a%20b%2F1".into(), new_tab: false }
        );
        assert_eq!(
            resolve(&act(ActionKind::Shop("openCart".into()), Some("1")), &templates),
            Target::Inert
        );
        assert_eq!(
            resolve(&act(ActionKind::Shop("openCatalog".into()), None), &templates),
            Target::Inert,
            "unmapped"
        );
        assert_eq!(
            resolve(
                &act(ActionKind::Unknown("openTelegram".into()), Some("https://t.me")),
                &templates
            ),
            Target::Inert
        );
        assert_eq!(resolve(&act(ActionKind::Missing, None), &templates), Target::Inert);
    }

    #[test]
    fn safe_links() {
        assert!(is_safe_link("https://a"));
        assert!(is_safe_link("catalog/1"));
        assert!(!is_safe_link("javascript&colon;x:1"));
        assert!(!is_safe_link("a b"));
    }
}
