//! The profile: the server's blocks in the server's order, the bonus card, and sign-out.
//!
//! This first version lists the blocks plainly (actions are shown as text, not yet performed).
//! A failed load says "couldn't load — retry", never "signed out"; only the server saying the
//! token is no longer valid ends the session.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::api::{ApiError, Client};
use crate::browser;
use crate::domain::bonus::{discount_percent, payable_share};
use crate::domain::locale::{format_amount, format_number, Lang};
use crate::domain::url::safe_image_src;
use crate::i18n::use_i18n;
use crate::model::profile::{Profile, ProfileField};
use crate::session::{Notice, Session};
use crate::ui::banner::ErrorBanner;
use crate::ui::social::SocialButtons;

const HERE: &str = "/profile";

#[component]
pub fn ProfilePage() -> impl IntoView {
    let Some(session) = use_context::<Session>() else {
        return ().into_any();
    };
    // Checked once: signing out navigates away itself.
    if session.token().is_none() {
        return view! { <Redirect path=format!("/sign-in?next={HERE}")/> }.into_any();
    }
    view! { <ProfileView session/> }.into_any()
}

#[component]
fn ProfileView(session: Session) -> impl IntoView {
    let i18n = use_i18n();
    let Some(client) = use_context::<Client>() else {
        return ().into_any();
    };
    let navigate = use_navigate();
    let load_client = client.clone();
    let profile = LocalResource::new(move || {
        let _ = i18n.lang.get();
        let c = load_client.clone();
        let token = session.token();
        async move {
            match token {
                Some(t) => c.profile(&t).await,
                None => Err(ApiError::SessionOver),
            }
        }
    });

    let nav = navigate.clone();
    Effect::new(move || {
        if matches!(profile.get(), Some(Err(ApiError::SessionOver))) {
            session.end(Notice::SessionEnded);
            nav(
                &format!("/sign-in?next={HERE}"),
                NavigateOptions { replace: true, ..Default::default() },
            );
        }
    });

    let sign_out = move |_| {
        if let Some(token) = session.token() {
            let c = client.clone();
            // Forgotten locally first, whatever the server answers (or if it never does).
            leptos::task::spawn_local(async move {
                if let Err(e) = c.sign_out(&token).await {
                    browser::warn(&format!("sign-out request failed: {e}"));
                }
            });
        }
        session.end(Notice::SignedOut);
        navigate("/sign-in", NavigateOptions::default());
    };

    view! {
        <section class="wc-card wc-profile" aria-labelledby="wc-profile-title">
            <div class="wc-profile-head">
                <h1 id="wc-profile-title">{move || i18n.t().profile_title}</h1>
                <button type="button" class="wc-button wc-button--secondary" on:click=sign_out>
                    {move || i18n.t().sign_out}
                </button>
            </div>
            {move || match profile.get() {
                None | Some(Err(ApiError::SessionOver)) => view! {
                    <p class="wc-loading" role="status">{i18n.t().loading}</p>
                }.into_any(),
                Some(Ok(p)) => view! {
                    <ProfileBlocks profile=p lang=i18n.lang.get()/>
                    <SocialButtons connect=true next=HERE/>
                }
                .into_any(),
                Some(Err(e)) => {
                    let lines = vec![format!("{} {}", i18n.t().profile_load_failed, i18n.t().api_error(&e))];
                    view! { <ErrorBanner lines=lines retry=Callback::new(move |_| profile.refetch())/> }.into_any()
                }
            }}
        </section>
    }
    .into_any()
}

#[component]
fn ProfileBlocks(profile: Profile, lang: Lang) -> impl IntoView {
    let t = crate::i18n::Strings::of(lang);
    let unknown =
        profile.fields.iter().filter(|f| matches!(f, ProfileField::Unknown { .. })).count();
    if unknown > 0 {
        // Counted, never dumped: entries may hold personal data.
        browser::warn(&format!("profile: {unknown} block(s) of an unknown type were skipped"));
    }
    let img = |src: Option<String>, class: &'static str, alt: &'static str| {
        src.as_deref()
            .and_then(safe_image_src)
            .map(|s| view! { <img class=class src=s.to_string() alt=alt loading="lazy"/> })
    };
    let blocks = profile
        .fields
        .into_iter()
        .map(|field| match field {
            ProfileField::Name { field, image } => view! {
                <div class="wc-block wc-name">
                    {img(image, "wc-avatar", t.avatar_alt)}
                    <h2>{field.value.unwrap_or_default()}</h2>
                </div>
            }
            .into_any(),
            ProfileField::TitleText(f) => {
                let state = f.need_verification.then(|| {
                    if f.verified {
                        view! { <span class="wc-badge wc-badge--ok">{t.verified}</span> }
                    } else {
                        view! { <span class="wc-badge wc-badge--warn">{t.not_verified}</span> }
                    }
                });
                view! {
                    <div class="wc-block wc-row">
                        <span class="wc-row-title">{f.title.unwrap_or(f.id)}</span>
                        <span class="wc-row-value">{f.value.unwrap_or_default()}" "{state}</span>
                    </div>
                }
                .into_any()
            }
            ProfileField::Text { value } => value
                .filter(|v| !v.trim().is_empty())
                .map(|v| view! { <p class="wc-block wc-text">{v}</p> })
                .into_any(),
            ProfileField::ActionRow { value, image, .. } => value
                .filter(|v| !v.trim().is_empty())
                .map(|v| view! {
                    <p class="wc-block wc-action">{img(image, "wc-action-icon", "")}<span>{v}</span></p>
                })
                .into_any(),
            ProfileField::ImageAction { image, .. } => {
                img(image, "wc-block wc-image", "").into_any()
            }
            ProfileField::Bonus { title, value } => view! {
                <p class="wc-block wc-row">
                    <span class="wc-row-title">{title.unwrap_or_else(|| t.bonus_balance.to_string())}</span>
                    <span class="wc-row-value">{value.unwrap_or_default()}</span>
                </p>
            }
            .into_any(),
            ProfileField::Barcode { image } => img(image, "wc-block wc-barcode", t.barcode_alt).into_any(),
            ProfileField::Separator { size } => view! {
                <div class="wc-separator" aria-hidden="true" style:height=format!("{size}px")></div>
            }
            .into_any(),
            ProfileField::Unknown { .. } => ().into_any(),
        })
        .collect_view();
    let bonus = profile.bonus.map(|b| {
        let amount = format_amount(b.amount.unwrap_or(0.0), lang);
        view! {
            <div class="wc-bonus" role="group" aria-label=t.bonus_balance>
                <p class="wc-bonus-amount"><span>{t.bonus_balance}</span><strong>{amount}</strong></p>
                <p>{t.bonus_share(payable_share(&b), lang)}</p>
            </div>
        }
    });
    let discount = profile.discount.as_ref().and_then(discount_percent).map(|pct| {
        let pct = format_number(pct, if pct.fract() == 0.0 { 0 } else { 1 }, lang);
        view! { <p class="wc-discount">{t.discount}": "<strong>{pct}" %"</strong></p> }
    });
    view! {
        <div class="wc-blocks">{blocks}</div>
        {bonus}
        {discount}
    }
}
