//! Social sign-in buttons: one per network configured in `social`, none for the rest.
//!
//! A press stores a random `state` (with what to do on return) in session storage and sends the
//! customer to the network's authorize page; `oauth_callback.rs` finishes the flow.

use leptos::prelude::*;

use crate::shared::social::phrases::WORDS;

use crate::core::browser::{self};
use crate::core::config::SocialConfig;
use crate::core::context::use_app;
use crate::core::i18n::use_i18n;
use crate::core::logic::route::Route;
use crate::core::logic::url;
use crate::core::storage::{Area, Kept};
use crate::core::ui::nav::use_nav;
use crate::shared::social::oauth::{authorize_url, state_from_bytes};
use serde::{Deserialize, Serialize};

/// An OAuth flow this browser started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub state: String,
    pub network: String,
    /// Signed in already: link the network to the account (token refresh) instead of signing in.
    pub connect: bool,
    /// Where to go afterwards.
    pub next: String,
}

/// The OAuth flow this tab started, until the network sends the customer back.
const OAUTH_FLOW: Kept<Pending> = Kept::new(Area::Session, "web-cabinet:oauth");

impl Pending {
    /// Take the pending flow out of storage (a reply can be used once).
    pub fn take() -> Option<Self> {
        OAUTH_FLOW.take()
    }
}

/// The absolute URL the network returns to: the callback route under the cabinet's route base.
pub fn redirect_uri(route_base: &str) -> String {
    let callback = format!("{route_base}{}", Route::OAuthCallback.path());
    url::resolve(&browser::base_uri(), &callback).unwrap_or_default()
}

fn start(social: &SocialConfig, connect: bool, next: &str, route_base: &str) {
    let Some(bytes) = browser::random_bytes16() else {
        browser::error("social sign-in: no secure random source");
        return;
    };
    let pending = Pending {
        state: state_from_bytes(&bytes),
        network: social.network.wire_name().into(),
        connect,
        next: next.into(),
    };
    OAUTH_FLOW.store(&pending);
    browser::go_to(&authorize_url(
        &social.authorize_url,
        &social.client_id,
        social.scope.as_deref(),
        &redirect_uri(route_base),
        &pending.state,
    ));
}

/// A button per configured network. `connect`: link to the signed-in account.
#[component]
pub fn SocialButtons(connect: bool, next: Route) -> impl IntoView {
    let i18n = use_i18n();
    let networks = use_app().config.social.clone();
    let route_base = use_nav().base();
    let next = next.path();
    (!networks.is_empty()).then(|| {
        let buttons = networks
            .into_iter()
            .map(|social| {
                let network = social.network;
                let next = next.clone();
                let route_base = route_base.clone();
                view! {
                    <button
                        type="button"
                        class=format!("wc-button wc-button--secondary wc-social wc-social--{}", network.wire_name())
                        on:click=move |_| start(&social, connect, &next, &route_base)
                    >
                        {move || {
                            let lang = i18n.lang.get();
                            i18n.of(&WORDS).social_action(i18n.of(&WORDS).network_name(network, lang), connect, lang)
                        }}
                    </button>
                }
            })
            .collect_view();
        view! { <div class="wc-socials">{buttons}</div> }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_flow_survives_storage() {
        let pending = Pending {
            state: "abc123".into(),
            network: "vkontakte".into(),
            connect: true,
            next: "/profile".into(),
        };
        let read = |text: &str| serde_json::from_str::<Pending>(text).ok();
        assert_eq!(read(&serde_json::to_string(&pending).unwrap()), Some(pending));
        assert_eq!(read("not json"), None);
    }
}
