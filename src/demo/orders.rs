//! The demo order history: generated from a seed, so 137 varied orders cost no storage, and
//! served honouring `offset`/`limit` as the document requires.

use serde_json::{json, Value};

use super::{not_authorized, ok, Call, DemoBackend};
use crate::api::request::RawResponse;

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
const MONTHS: [&str; 12] = [
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

/// `count` orders, newest first, the same for the same `seed`.
pub fn demo_orders(seed: u64, count: u32) -> Vec<Value> {
    let mut rng =
        seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407) | 1;
    let mut next = move |n: u64| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng % n.max(1)
    };
    (0..count)
        .map(|i| {
            let id = 104_600 - i * 3 - u32::try_from(next(3)).unwrap_or(0);
            let item_count = 1 + next(4);
            let items: Vec<Value> = (0..item_count)
                .map(|_| {
                    let weighed = next(6) == 0;
                    let count = if weighed { 0.5 + next(4) as f64 * 0.25 } else { (1 + next(3)) as f64 };
                    let price = [149.0, 290.0, 665.0, 1290.0, 2490.0, 89.9][next(6) as usize];
                    json!({ "id": (10_000 + next(90_000)).to_string(), "count": count, "price": price })
                })
                .collect();
            let goods: f64 = items
                .iter()
                .map(|it| it["count"].as_f64().unwrap_or(0.0) * it["price"].as_f64().unwrap_or(0.0))
                .sum();
            let delivery_cost = [0.0, 0.0, 300.0, 490.0][next(4) as usize];
            let bonuses_used = if next(4) == 0 { (next(30) * 10) as f64 } else { 0.0 };
            let total = goods + delivery_cost - bonuses_used;
            let status = STATUSES[next(STATUSES.len() as u64) as usize];
            // Newest first: roughly one order every five days back from the middle of 2026.
            let days_back = u64::from(i) * 5 + next(5);
            let (year, month, day) = date_back(2026, 6, 28, days_back);
            let delivery = DELIVERIES[next(DELIVERIES.len() as u64) as usize];
            let mut order = json!({
                "id": id.to_string(),
                "status": status,
                "total": total,
                "created_at": format!("{day} {} {year}", MONTHS[(month - 1) as usize]),
                "contact": {
                    "ФИО": "Анна Смирнова",
                    "Телефон": "+7 916 123-45-67",
                    "Адрес": format!("Москва, ул. Лесная, д. {}", 1 + next(40)),
                },
                "payment": {
                    "title": PAYMENTS[next(PAYMENTS.len() as u64) as usize],
                    "total_cost": total,
                    "delivery_cost": delivery_cost,
                    "status": if status == Some("Не оплачен") { "Не оплачено" } else { "Оплачено" },
                },
                "bonuses_used": bonuses_used,
                "items": items,
            });
            // Two server generations: the old `deliveryType` and the new `delivery.type`.
            if i % 2 == 0 {
                order["delivery"] = json!({ "type": delivery });
            } else {
                order["deliveryType"] = json!(delivery);
            }
            order
        })
        .collect()
}

/// The date `days` days before the given one (proleptic Gregorian, good enough for demo data).
fn date_back(mut y: u32, mut m: u32, mut d: u32, days: u64) -> (u32, u32, u32) {
    const LEN: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for _ in 0..days {
        if d > 1 {
            d -= 1;
        } else {
            if m > 1 {
                m -= 1;
            } else {
                m = 12;
                y -= 1;
            }
            let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
            d = LEN[(m - 1) as usize] + u32::from(m == 2 && leap);
        }
    }
    (y, m, d)
}

impl DemoBackend {
    pub(super) fn orders(&mut self, call: &Call) -> RawResponse {
        let Some(i) = self.account_of(call) else {
            return not_authorized();
        };
        let account = &self.state.accounts[i];
        let all = demo_orders(u64::from(account.id), account.order_count);
        let offset = call.query_number("offset").unwrap_or(0) as usize;
        let limit = call.query_number("limit").map_or(all.len(), |l| l as usize);
        let page: Vec<Value> = all.into_iter().skip(offset).take(limit).collect();
        ok(json!({ "orders": page }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_go_back() {
        assert_eq!(date_back(2026, 3, 1, 1), (2026, 2, 28));
        assert_eq!(date_back(2024, 3, 1, 1), (2024, 2, 29));
        assert_eq!(date_back(2026, 1, 1, 1), (2025, 12, 31));
    }

    #[test]
    fn orders_are_deterministic_and_unique() {
        let a = demo_orders(1, 137);
        assert_eq!(a, demo_orders(1, 137));
        let mut ids: Vec<&str> = a.iter().filter_map(|o| o["id"].as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 137);
    }
}
