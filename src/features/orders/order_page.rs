//! One order (`/orders/:id`), from the history already loaded — or, after a reload or a shared
//! link, from loading pages until it turns up. Blocks the server didn't send are simply absent;
//! contact details keep the server's order.

use crate::core::context::{use_app, AppContext};
use crate::core::logic::route::Route;
use crate::core::ui::nav::RouteLink;
use leptos::prelude::*;

use crate::features::orders::phrases::WORDS;

use crate::core::api::lenient::Amount;
use crate::core::i18n::use_i18n;
use crate::core::intl;
use crate::core::logic::locale::Lang;
use crate::core::ui::banner::ReadFailureBanner;
use crate::core::ui::working::working;
use crate::features::orders::dates::OrderDate;
use crate::features::orders::list::status_badge;
use crate::features::orders::paging::Ending;
use crate::features::orders::store::{use_orders_store, Phase};
use crate::features::orders::wire::Order;

/// The order `id` (the app's guard draws it for a signed-in customer only).
#[component]
pub fn OrderPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let AppContext { client, config, session } = use_app();
    let store = use_orders_store();
    let id = StoredValue::new(id);
    let found = Memo::new(move |_| {
        id.with_value(|id| store.orders.with(|all| all.iter().find(|o| &o.id == id).cloned()))
    });
    // Not loaded yet: load pages until it turns up or the history ends.
    store.load_until(&client, session, id.get_value());
    on_cleanup(move || store.stop_looking());
    let currency = config.currency.clone();
    let retry = move || store.load_until(&client, session, id.get_value());

    view! {
        <section class="wc-card wc-order" aria-labelledby="wc-order-title">
            <p><RouteLink to=Route::Orders class="wc-link">"← "{move || i18n.of(&WORDS).back_to_orders}</RouteLink></p>
            {move || match (found.get(), store.phase.get()) {
                (Some(order), _) => view! { <Details order currency=currency.clone() lang=i18n.lang.get()/> }.into_any(),
                (None, Phase::Done(ending)) => view! {
                    <h1 id="wc-order-title">{i18n.of(&WORDS).order_number(&id.get_value(), i18n.lang.get())}</h1>
                    <p>{match ending {
                        Ending::Complete => i18n.of(&WORDS).order_not_found,
                        Ending::Unsure => i18n.of(&WORDS).order_not_found_unsure,
                    }}</p>
                }
                .into_any(),
                (None, Phase::Failed(failure)) => {
                    let retry = retry.clone();
                    view! {
                        <h1 id="wc-order-title">{i18n.of(&WORDS).order_number(&id.get_value(), i18n.lang.get())}</h1>
                        <ReadFailureBanner failure lead=i18n.of(&WORDS).orders_failed retry=Callback::new(move |_| retry())/>
                    }
                    .into_any()
                }
                (None, _) => view! {
                    <h1 id="wc-order-title">{i18n.of(&WORDS).order_number(&id.get_value(), i18n.lang.get())}</h1>
                    {working(i18n.t().loading)}
                }
                .into_any(),
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Details(order: Order, currency: String, lang: Lang) -> impl IntoView {
    let t = WORDS.of(lang);
    let money = |v: &Amount| intl::money(v, &currency, lang);
    let status = status_badge(order.status.as_deref());
    let summary = view! {
        <dl class="wc-facts">
            <div><dt>{t.status_label}</dt><dd>{status}</dd></div>
            {order.created_at.as_deref().map(|d| view! { <div><dt>{t.date_label}</dt><dd>{OrderDate::read(d).shown(lang)}</dd></div> })}
            {order.total.as_ref().map(|v| view! { <div><dt>{t.total}</dt><dd><strong>{money(v)}</strong></dd></div> })}
            {order.delivery.clone().map(|d| view! { <div><dt>{t.delivery}</dt><dd>{d}</dd></div> })}
            {order.goods_count().map(|n| view! { <div class="wc-order-goods"><dt>{t.qty}</dt><dd>{t.goods_count(n, lang)}</dd></div> })}
            {order.bonuses_used.filter(|b| *b > 0.0).map(|b| view! { <div><dt>{t.bonuses_used}</dt><dd>{intl::number(b, lang)}</dd></div> })}
        </dl>
    };
    let contact = (!order.contact.is_empty()).then(|| {
        let rows = order
            .contact
            .iter()
            .map(|(k, v)| view! { <div><dt>{k.clone()}</dt><dd>{v.clone()}</dd></div> })
            .collect_view();
        view! { <h2>{t.contact}</h2><dl class="wc-facts">{rows}</dl> }
    });
    let payment = order.payment.clone().map(|p| {
        view! {
            <h2>{t.payment}</h2>
            <dl class="wc-facts">
                {p.title.map(|v| view! { <div><dt>{t.payment}</dt><dd>{v}</dd></div> })}
                {p.total_cost.as_ref().map(|v| view! { <div><dt>{t.total}</dt><dd>{money(v)}</dd></div> })}
                {p.delivery_cost.as_ref().map(|v| view! { <div><dt>{t.delivery_cost}</dt><dd>{money(v)}</dd></div> })}
                {p.status.map(|v| view! { <div><dt>{t.payment_status}</dt><dd>{v}</dd></div> })}
            </dl>
        }
    });
    let items = (!order.items.is_empty()).then(|| {
        let rows = order
            .items
            .iter()
            .map(|it| {
                let line = it
                    .count
                    .zip(it.price.as_ref())
                    .map(|(c, p)| intl::money_from_f64(c * p.to_f64(), &currency, lang));
                view! {
                    <tr>
                        <th scope="row">{it.id.clone()}</th>
                        <td>{it.count.map(|c| intl::number(c, lang))}</td>
                        <td>{it.price.as_ref().map(money)}</td>
                        <td>{line}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h2 id="wc-items-title">{t.items}</h2>
            // Scrolls sideways on a narrow phone: focusable so the keyboard can scroll it too.
            <div class="wc-table-wrap" tabindex="0" role="region" aria-labelledby="wc-items-title">
                <table class="wc-items">
                    <thead><tr><th scope="col">{t.item}</th><th scope="col">{t.qty}</th><th scope="col">{t.price}</th><th scope="col">{t.line_total}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <h1 id="wc-order-title">{t.order_number(&order.id, lang)}</h1>
        {summary}
        {contact}
        {payment}
        {items}
    }
}
