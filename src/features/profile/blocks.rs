//! One renderer per `cabinet_field_type`, in the server's order. Unknown, typeless and `null`
//! entries are skipped (counted once in the console, never dumped: they may hold personal data);
//! empty images are not drawn; all server text is text.
//!
//! Editable fields edit in place (`editor/`).

use crate::core::context::use_app;
use crate::core::ui::nav::RouteLink;
use leptos::prelude::*;

use crate::features::profile::phrases::WORDS;

use crate::core::browser;
use crate::core::i18n::use_i18n;
use crate::core::intl;
use crate::core::logic::locale::Lang;
use crate::core::logic::url::safe_image_src;
use crate::features::profile::actions::{resolve, Target};
use crate::features::profile::bonus::discount_percent;
use crate::features::profile::till_card::barcode::Barcode;
use crate::features::profile::wire::{Action, Profile, ProfileField};

use crate::features::profile::editor::view::EditableValueView;

/// A server image address fit for `src` (see [`safe_image_src`]), a relative one resolved
/// against `cabinet.json`'s URL as the API's are — not against whatever page embeds the cabinet.
/// Call while rendering.
fn image_url(src: &str) -> Option<String> {
    let src = safe_image_src(src)?;
    let base = use_app().config.source_url.clone();
    if base.is_empty() {
        return Some(src.to_string());
    }
    crate::core::logic::url::resolve(&base, src)
}

fn image(src: Option<String>, class: &'static str, alt: String) -> Option<impl IntoView> {
    src.as_deref()
        .and_then(image_url)
        .map(|s| view! { <img class=class src=s alt=alt loading="lazy"/> })
}

/// `content` as what `action` makes it: a cabinet link, a link (new tab when asked), or inert.
fn actionable(
    action: &Action,
    class: &'static str,
    label: Option<String>,
    content: AnyView,
) -> AnyView {
    let templates = use_app().config.actions.clone();
    let t = use_i18n();
    match resolve(action, &templates) {
        Target::Screen(to) => {
            view! { <RouteLink to class=class label=label>{content}</RouteLink> }.into_any()
        }
        Target::Link { href, new_tab: false } => {
            view! { <a class=class href=href aria-label=label>{content}</a> }.into_any()
        }
        Target::Link { href, new_tab: true } => view! {
            <a class=class href=href target="_blank" rel="noopener noreferrer" aria-label=label>
                {content}
                <span class="wc-visually-hidden">" "{move || t.of(&WORDS).opens_new_tab}</span>
            </a>
        }
        .into_any(),
        // Not a link and not focusable: nothing happens on a press, so nothing invites one.
        Target::Inert => {
            view! { <div class=format!("{class} wc-inert")>{content}</div> }.into_any()
        }
    }
}

#[component]
pub fn ProfileBlocks(
    profile: Profile,
    lang: Lang,
    /// Set when the barcode's picture has loaded.
    #[prop(optional)]
    barcode_loaded: Option<RwSignal<bool>>,
) -> impl IntoView {
    let t = WORDS.of(lang);
    let unknown =
        profile.fields.iter().filter(|f| matches!(f, ProfileField::Unknown { .. })).count();
    if unknown > 0 {
        browser::warn(&format!("profile: {unknown} block(s) of an unknown type were skipped"));
    }
    let name_first = matches!(profile.fields.first(), Some(ProfileField::Name { .. }));
    let blocks: Vec<AnyView> = profile
        .fields
        .into_iter()
        .map(|field| match field {
            ProfileField::Name { field, image: avatar } => view! {
                <div class="wc-block wc-name">
                    {image(avatar, "wc-avatar", t.avatar_alt.into())}
                    <EditableValueView field heading=true/>
                </div>
            }
            .into_any(),
            ProfileField::TitleText(f) => {
                let id = f.id.clone();
                view! {
                    <div class="wc-block wc-row" data-field=id>
                        <EditableValueView field=f heading=false/>
                    </div>
                }
            }
            .into_any(),
            ProfileField::Text { value } => value
                .filter(|v| !v.trim().is_empty())
                .map(|v| view! { <p class="wc-block wc-text">{v}</p> })
                .into_any(),
            ProfileField::ActionRow { value, action, image: icon } => {
                let text = value.filter(|v| !v.trim().is_empty());
                if text.is_none() && icon.is_none() {
                    return ().into_any();
                }
                let content = view! {
                    {image(icon, "wc-action-icon", String::new())}
                    <span>{text}</span>
                }
                .into_any();
                view! { <div class="wc-block">{actionable(&action, "wc-action", None, content)}</div> }.into_any()
            }
            ProfileField::ImageAction { image: picture, action } => {
                let Some(src) = picture.as_deref().and_then(image_url) else {
                    return ().into_any();
                };
                let content = view! { <img class="wc-image" src=src alt="" loading="lazy"/> }.into_any();
                let label = Some(t.open_link.to_string());
                view! { <div class="wc-block">{actionable(&action, "wc-image-action", label, content)}</div> }.into_any()
            }
            ProfileField::Bonus { title, value } => view! {
                <p class="wc-block wc-row">
                    <span class="wc-row-title">{title.unwrap_or_else(|| t.bonus_balance.to_string())}</span>
                    <span class="wc-row-value">{value.unwrap_or_default()}</span>
                </p>
            }
            .into_any(),
            ProfileField::Barcode { image: code } => match code.as_deref().and_then(image_url) {
                Some(src) => view! { <Barcode src=src loaded_to=barcode_loaded/> }.into_any(),
                None => ().into_any(),
            },
            ProfileField::Separator { size } => view! {
                <div class="wc-separator" aria-hidden="true" style:height=format!("{size}px")></div>
            }
            .into_any(),
            ProfileField::Unknown { .. } => ().into_any(),
        })
        .collect();
    let discount = profile.discount.as_ref().and_then(discount_percent).map(|pct| {
        let pct = intl::percent(pct / 100.0, lang);
        view! { <p class="wc-discount">{t.discount}": "<strong>{pct}</strong></p> }
    });
    let bonus = profile.bonus.map(|b| {
        let amount = intl::number(b.amount.unwrap_or(0.0), lang);
        view! {
            <div class="wc-bonus" role="group" aria-label=t.bonus_balance>
                <p class="wc-bonus-amount"><span>{t.bonus_balance}</span><strong>{amount}</strong></p>
                {b.payable_share.map(|share| view! { <p class="wc-bonus-share">{t.bonus_share(share, lang)}</p> })}
            </div>
        }
    });
    // The card sits under the customer's name when the server puts the name first.
    let mut blocks = blocks.into_iter();
    let first = if name_first { blocks.next() } else { None };
    view! {
        <div class="wc-blocks">
            {first}
            {bonus}
            {discount}
            {blocks.collect_view()}
        </div>
    }
}
