//! `/oauth/callback`: where a social network sends the customer back.
//!
//! The token arrives in the URL fragment; it is dropped from the address bar at once. The reply
//! must carry the `state` this browser stored when it started the flow — otherwise nothing is sent
//! anywhere. Then: sign in with the network's token (`POST auth_url` with `type`), or, for a
//! customer who is signed in already, link it (`POST token_refresh_url`).

use crate::core::context::{use_app, AppContext};
use crate::core::logic::route::Route;
use crate::core::ui::nav::{use_nav, RouteLink};
use leptos::prelude::*;

use crate::features::sign_in::phrases::WORDS;

use crate::core::api::{ApiError, SocialGrant, SocialNetwork};
use crate::core::browser;
use crate::core::i18n::use_i18n;
use crate::core::ui::banner::ErrorBanner;
use crate::core::ui::working::working;
use crate::shared::social::flow::Pending;
use crate::shared::social::oauth::{parse_reply, state_matches};

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Working,
    Linked,
    Failed(Vec<String>),
}

#[component]
pub fn OAuthCallback() -> impl IntoView {
    let i18n = use_i18n();
    let AppContext { client, session, .. } = use_app();
    let nav = use_nav();
    let phase = RwSignal::new(Phase::Working);

    let (fragment, query) = browser::location_fragment_and_query();
    // The network's reply (a token in the fragment) leaves the address bar at once.
    nav.replace(Route::OAuthCallback);
    let mut reply = parse_reply(&fragment);
    let from_query = parse_reply(&query);
    reply.error = reply.error.or(from_query.error);
    reply.state = reply.state.or(from_query.state);
    let pending = Pending::take();

    let fail = move |line: String| phase.set(Phase::Failed(vec![line]));
    let t = i18n.of(&WORDS);
    let checked = match (&pending, &reply) {
        (None, _) => Err(t.oauth_state_mismatch),
        (Some(p), r) if !state_matches(&p.state, r.state.as_deref()) => Err(t.oauth_state_mismatch),
        (Some(_), r) if r.error.is_some() => Err(t.oauth_cancelled),
        (Some(p), r) => match (SocialNetwork::from_wire(&p.network), r.access_token.clone()) {
            (Some(network), Some(access_token)) => Ok((
                p.clone(),
                SocialGrant { network, access_token, internal_id: r.user_id.clone() },
            )),
            _ => Err(t.oauth_no_token),
        },
    };
    match checked {
        Err(message) => fail(message.to_string()),
        Ok((pending, grant)) => {
            let next = Route::after_sign_in(&pending.next).unwrap_or(Route::Profile);
            leptos::task::spawn_local(async move {
                let token = session.token();
                let result = match (&token, pending.connect) {
                    (Some(token), true) => {
                        client.refresh_social_token(token, &grant).await.map(|()| None)
                    }
                    _ => client.sign_in_social(&grant).await.map(Some),
                };
                match result {
                    Ok(Some(token)) => {
                        session.sign_in(token, false);
                        nav.replace(next);
                    }
                    Ok(None) => phase.set(Phase::Linked),
                    Err(ApiError::Rejected(r)) => {
                        fail(r.message.unwrap_or_else(|| i18n.t().error_rejected.to_string()))
                    }
                    Err(e) => fail(i18n.t().api_error(&e).to_string()),
                }
            });
        }
    }

    view! {
        <section class="wc-card" aria-labelledby="wc-oauth-title">
            <h1 id="wc-oauth-title">{move || i18n.of(&WORDS).social_title}</h1>
            {move || match phase.get() {
                Phase::Working => working(i18n.of(&WORDS).oauth_working),
                Phase::Linked => view! {
                    <div class="wc-banner wc-banner--info" role="status"><p>{i18n.of(&WORDS).social_linked}</p></div>
                    <RouteLink to=Route::Profile class="wc-button">{i18n.of(&WORDS).to_profile}</RouteLink>
                }
                .into_any(),
                Phase::Failed(lines) => view! {
                    <ErrorBanner lines=lines/>
                    <p class="wc-alt">
                        <RouteLink to=Route::sign_in() class="wc-link">{i18n.t().back_to_sign_in}</RouteLink>
                    </p>
                }
                .into_any(),
            }}
        </section>
    }
    .into_any()
}
