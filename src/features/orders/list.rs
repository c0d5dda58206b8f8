//! Order history: pages of `orders_page_size`, loaded on "show more" and automatically as the end
//! of the list scrolls into view; a failed page keeps the rows and offers a retry.
//!
//! The list is windowed: rows have a fixed height and only those near the viewport exist in the
//! DOM (a few dozen, whatever the number of orders loaded), positioned inside a container as tall
//! as the whole list — so ten thousand orders scroll like twenty.

use crate::core::context::{use_app, AppContext};
use crate::core::logic::route::Route;
use crate::core::ui::nav::RouteLink;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use crate::features::orders::phrases::WORDS;

use crate::core::ui::effect::effect;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use crate::core::i18n::use_i18n;
use crate::core::intl;
use crate::core::ui::banner::ReadFailureBanner;
use crate::core::ui::frame::use_visible_area;
use crate::core::ui::working::working;
use crate::features::orders::dates::OrderDate;
use crate::features::orders::paging::Ending;
use crate::features::orders::status::tone;
use crate::features::orders::store::{use_orders_store, Phase};
use crate::features::orders::window::{rows_px, visible_range};
use crate::features::orders::wire::Order;

/// The order history (the app's guard draws it for a signed-in customer only).
#[component]
pub fn OrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let AppContext { client, config, session } = use_app();
    let store = use_orders_store();
    let load = {
        let client = client.clone();
        move || store.load_next(&client, session)
    };
    if store.orders.with_untracked(Vec::is_empty)
        && !matches!(store.phase.get_untracked(), Phase::Done(_))
    {
        load();
    }

    // Windowing: which rows are near the part of the page the customer sees (in a frame, the
    // part the shop's page reports; until it does, every loaded row).
    let list_ref = NodeRef::<html::Ol>::new();
    let range = RwSignal::new((0usize, 0usize));
    let area = use_visible_area();
    let scroll_y = || web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
    // Runs from scroll, resize and animation-frame callbacks, which can fire after the list is
    // gone: every access tolerates disposed signals.
    let measure = move || {
        let Some(list) = list_ref.try_get_untracked().flatten() else {
            return;
        };
        let (seen_top, seen_height) = untrack(|| area.get()).unwrap_or_else(|| {
            let whole = web_sys::window().and_then(|w| w.inner_height().ok());
            (0.0, whole.and_then(|h| h.as_f64()).unwrap_or(800.0))
        });
        let top = list.get_bounding_client_rect().top() + scroll_y() - seen_top;
        let total = store.orders.with_untracked(Vec::len);
        let next = visible_range(top, seen_height, total);
        if range.try_get_untracked().is_some_and(|r| r != next) {
            range.try_set(next);
        }
    };
    let on_scroll = window_event_listener(ev::scroll, move |_| measure());
    let on_resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    // Load more when the end of the list comes near the viewport.
    let sentinel = NodeRef::<html::Div>::new();
    // New rows arrived: re-measure (the list grew), and if the end of the list is still in view
    // (an observer only reports changes, and the browser may keep the bottom in view) go on.
    // In a frame, the same when the shop's page reports another visible part.
    let continue_load = load.clone();
    effect(move || {
        store.orders.with(|_| ());
        // Tracked for a frame's reports; read again below, when the frame is drawn.
        let _ = area.get();
        let idle = store.phase.get() == Phase::Idle;
        let load = continue_load.clone();
        request_animation_frame(move || {
            measure();
            // Unknown in a frame whose page does not report: the observer below decides.
            let near_end = untrack(|| area.get()).is_some_and(|(seen_top, seen_height)| {
                sentinel.try_get_untracked().flatten().is_some_and(|el| {
                    let top = el.get_bounding_client_rect().top() + scroll_y();
                    top < seen_top + seen_height + 600.0
                })
            });
            if idle && near_end && store.orders.with_untracked(|o| !o.is_empty()) {
                load();
            }
        });
    });
    let auto_load = load.clone();
    effect(move || {
        let Some(el) = sentinel.get() else {
            return;
        };
        let load = auto_load.clone();
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let near = entries.iter().any(|e| {
                e.dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if near && store.phase.get_untracked() == Phase::Idle {
                load();
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("600px 0px");
        if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        ) {
            observer.observe(&el);
            let held = SendWrapper::new((observer, callback));
            on_cleanup(move || held.0.disconnect());
        }
    });

    let visible = move || {
        let (start, end) = range.get();
        store.orders.with(|all| {
            all.get(start..end.min(all.len()))
                .map(|rows| {
                    rows.iter()
                        .cloned()
                        .enumerate()
                        .map(|(i, o)| (start + i, o))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let total = move || store.orders.with(Vec::len);
    let set_size = move || if store.is_done() { total() as i64 } else { -1 };
    let currency = config.currency.clone();
    let shop = config.catalog_url();
    let retry = load.clone();

    view! {
        <section class="wc-card wc-orders" aria-labelledby="wc-orders-title">
            <h1 id="wc-orders-title">{move || i18n.of(&WORDS).orders_title}</h1>
            {move || (store.is_done() && total() == 0).then(|| {
                let shop = shop.clone();
                view! {
                    <div class="wc-empty">
                        <p>{i18n.of(&WORDS).no_orders}</p>
                        {shop.map(|href| view! { <a class="wc-button wc-button--primary" href=href>{i18n.of(&WORDS).go_shopping}</a> })}
                    </div>
                }
            })}
            <ol
                class="wc-order-list"
                node_ref=list_ref
                aria-labelledby="wc-orders-title"
                style:height=move || rows_px(total())
            >
                <For each=visible key=|(_, o)| o.id.clone() let((index, order))>
                    <OrderRow order index set_size=Signal::derive(set_size) currency=currency.clone()/>
                </For>
            </ol>
            <div node_ref=sentinel class="wc-sentinel" aria-hidden="true"></div>
            <div class="wc-list-footer" aria-live="polite">
                {move || match store.phase.get() {
                    Phase::Loading => working(i18n.of(&WORDS).loading_more),
                    Phase::Failed(failure) => {
                        let retry = retry.clone();
                        // "the next orders" only when some are shown already.
                        let lead = if total() == 0 { i18n.of(&WORDS).orders_failed } else { i18n.of(&WORDS).page_failed };
                        view! { <ReadFailureBanner failure lead retry=Callback::new(move |_| retry())/> }.into_any()
                    }
                    Phase::Idle => {
                        let more = load.clone();
                        view! {
                            <button type="button" class="wc-button wc-button--secondary wc-show-more" on:click=move |_| more()>
                                {i18n.of(&WORDS).show_more}
                            </button>
                        }
                        .into_any()
                    }
                    Phase::Done(_) if total() == 0 => ().into_any(),
                    Phase::Done(Ending::Complete) => view! { <p class="wc-hint">{i18n.of(&WORDS).orders_loaded_all}": "{total()}</p> }.into_any(),
                    // The server stopped sending new orders without showing it has no more.
                    Phase::Done(Ending::Unsure) => view! { <p class="wc-hint">{i18n.of(&WORDS).orders_shown_so_far}": "{total()}</p> }.into_any(),
                }}
            </div>
        </section>
    }
    .into_any()
}

/// An order's status as a coloured badge, or a plain dash when the server sent none.
pub fn status_badge(status: Option<&str>) -> AnyView {
    match status.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => {
            let class = format!("wc-status-badge {}", tone(Some(s)).class());
            view! { <span class=class>{s.to_string()}</span> }.into_any()
        }
        None => view! { <span class="wc-status-none">"—"</span> }.into_any(),
    }
}

#[component]
fn OrderRow(order: Order, index: usize, set_size: Signal<i64>, currency: String) -> impl IntoView {
    let i18n = use_i18n();
    let to = Route::Order(order.id.clone());
    let goods = order.goods_count();
    view! {
        <li
            class="wc-order-row"
            style:top=rows_px(index)
            aria-posinset=index + 1
            aria-setsize=move || set_size.get()
        >
            <RouteLink to class="wc-order-link">
                <span class="wc-order-line">
                    <strong class="wc-order-id">
                        {move || {
                            let (word, number) = i18n.of(&WORDS).order_number_parts(&order.id, i18n.lang.get());
                            view! { <span class="wc-order-word">{word}</span>{number} }
                        }}
                    </strong>
                    <strong class="wc-order-total">
                        {move || order.total.as_ref().map(|t| intl::money(t, &currency, i18n.lang.get())).unwrap_or_default()}
                    </strong>
                </span>
                <span class="wc-order-line wc-order-meta">
                    {status_badge(order.status.as_deref())}
                    <span class="wc-order-date">{move || order.created_at.as_deref().map(|d| OrderDate::read(d).shown(i18n.lang.get())).unwrap_or_default()}</span>
                    {goods.map(|n| view! {
                        <span class="wc-order-count">{move || i18n.of(&WORDS).goods_count(n, i18n.lang.get())}</span>
                    })}
                </span>
            </RouteLink>
        </li>
    }
}
