//! The demo order history: generated from a seed, so 137 varied orders cost no storage, and
//! served honouring `offset`/`limit` as the document requires.

use serde::ser::SerializeMap;
use serde::Serialize;

use super::{not_authorized, Call, DemoBackend};
use crate::core::api::request::RawResponse;
use crate::features::orders::dates::civil_from_days;

/// Russian month names in the genitive ("20 марта"): the demo server writes dates as free text,
/// as some real servers do (the document's own example is "20 марта 2018").
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

const STATUSES: [Option<&str>; 7] = [
    Some("Оплачен"),
    Some("Доставлен"),
    Some("В обработке"),
    Some("Отменён"),
    Some("Не оплачен"),
    Some("Передан в доставку"),
    None,
];
const DELIVERIES: [&str; 4] = [
    "Курьерская доставка по Москве",
    "Самовывоз из магазина",
    "Почта России",
    "Пункт выдачи заказов",
];
const PAYMENTS: [&str; 3] = ["Банковская карта", "Наличные при получении", "СБП"];

/// Days since the epoch of 2026-06-28, the newest demo order.
const NEWEST_DAY: i64 = 20_632;

/// Label → value pairs serialised as a JSON object in this order (a `serde_json::Value` would
/// sort the keys, and the point of the demo is to show that the client keeps the server's order).
#[derive(Debug, Clone, PartialEq)]
pub struct Pairs(Vec<(&'static str, String)>);

impl Serialize for Pairs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemoItem {
    pub id: String,
    pub count: f64,
    pub price: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemoPayment {
    pub title: &'static str,
    pub total_cost: f64,
    pub delivery_cost: f64,
    pub status: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemoDelivery {
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// One demo order, in the wire shape (both server generations: `delivery.type` or the old
/// `deliveryType`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DemoOrder {
    pub id: String,
    pub status: Option<&'static str>,
    pub total: f64,
    pub created_at: String,
    pub contact: Pairs,
    pub payment: DemoPayment,
    pub bonuses_used: f64,
    pub items: Vec<DemoItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DemoDelivery>,
    #[serde(rename = "deliveryType", skip_serializing_if = "Option::is_none")]
    pub delivery_type: Option<&'static str>,
}

/// Order number `i` (0 = newest) of the history with this `seed`: the same every time, and
/// made on its own so that any page costs only its own orders.
pub fn demo_order(seed: u64, i: u32) -> DemoOrder {
    let mut rng = (seed ^ (u64::from(i) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407)
        | 1;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n.max(1)
    };
    let id = 104_600 + 40_000 - i * 3 - u32::try_from(next(3)).unwrap_or(0);
    let item_count = 1 + next(4);
    let items: Vec<DemoItem> = (0..item_count)
        .map(|_| {
            let weighed = next(6) == 0;
            let count = if weighed { 0.5 + next(4) as f64 * 0.25 } else { (1 + next(3)) as f64 };
            let price = [149.0, 290.0, 665.0, 1290.0, 2490.0, 89.9][next(6) as usize];
            DemoItem { id: (10_000 + next(90_000)).to_string(), count, price }
        })
        .collect();
    let goods: f64 = items.iter().map(|it| it.count * it.price).sum();
    let delivery_cost = [0.0, 0.0, 300.0, 490.0][next(4) as usize];
    let bonuses_used = if next(4) == 0 { (next(30) * 10) as f64 } else { 0.0 };
    let total = goods + delivery_cost - bonuses_used;
    let status = STATUSES[next(STATUSES.len() as u64) as usize];
    // Newest first: roughly one order every five days back from the middle of 2026.
    let days_back = i64::from(i) * 5 + next(5) as i64;
    let (year, month, day) = civil_from_days(NEWEST_DAY - days_back);
    let delivery = DELIVERIES[next(DELIVERIES.len() as u64) as usize];
    let new_generation = i.is_multiple_of(2);
    DemoOrder {
        id: id.to_string(),
        status,
        total,
        created_at: format!("{day} {} {year}", RU_MONTHS[(month - 1) as usize]),
        contact: Pairs(vec![
            ("ФИО", "Анна Смирнова".into()),
            ("Телефон", "+7 916 123-45-67".into()),
            ("Адрес", format!("Москва, ул. Лесная, д. {}", 1 + next(40))),
        ]),
        payment: DemoPayment {
            title: PAYMENTS[next(PAYMENTS.len() as u64) as usize],
            total_cost: total,
            delivery_cost,
            status: if status == Some("Не оплачен") {
                "Не оплачено"
            } else {
                "Оплачено"
            },
        },
        bonuses_used,
        items,
        delivery: new_generation.then_some(DemoDelivery { kind: delivery }),
        delivery_type: (!new_generation).then_some(delivery),
    }
}

/// The first `count` orders, newest first.
pub fn demo_orders(seed: u64, count: u32) -> Vec<DemoOrder> {
    (0..count).map(|i| demo_order(seed, i)).collect()
}

impl DemoBackend {
    pub(super) fn orders(&mut self, call: &Call) -> RawResponse {
        let Some(i) = self.account_of(call) else {
            return not_authorized();
        };
        let account = &self.state.accounts[i];
        let count = account.order_count;
        let offset = call.query_number("offset").unwrap_or(0).min(count);
        let limit = call.query_number("limit").unwrap_or(count);
        let end = offset.saturating_add(limit).min(count);
        let page: Vec<DemoOrder> =
            (offset..end).map(|n| demo_order(u64::from(account.id), n)).collect();
        // Serialised straight to text: through a `Value`, `contact` would lose its order.
        let body = serde_json::to_string(&page).unwrap_or_else(|_| "[]".into());
        RawResponse {
            status: 200,
            body: format!(r#"{{"status":"ok","data":{{"orders":{body}}}}}"#),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_order_is_from_the_end_of_june_2026() {
        assert_eq!(civil_from_days(NEWEST_DAY), (2026, 6, 28));
    }

    #[test]
    fn orders_are_deterministic_and_unique() {
        let a = demo_orders(1, 10_000);
        assert_eq!(a[..137], demo_orders(1, 137)[..]);
        let mut ids: Vec<&str> = a.iter().map(|o| o.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 10_000);
    }
}
