//! Order history (`GET order_list_url?offset=…&limit=…`).
//!
//! Real servers send far less than the document (often just `id, status, total, deliveryType,
//! items`), ids as strings, totals like `3287.3000000000002`, counts as floats. Each order is read
//! on its own; one unreadable order is dropped, not the page. `contact` keeps the server's key
//! order (`json::Map` keeps it).

use crate::core::api::client::read_data;
use crate::core::api::json::Value;
use crate::core::api::lenient::{self, Amount, Fields};
use crate::core::api::{ApiError, RawResponse};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Payment {
    pub title: Option<String>,
    pub total_cost: Option<Amount>,
    pub delivery_cost: Option<Amount>,
    pub status: Option<String>,
}

impl Payment {
    fn from_value(v: &Value) -> Self {
        Self {
            title: v.non_blank("title"),
            total_cost: v.amount("total_cost"),
            delivery_cost: v.amount("delivery_cost"),
            status: v.non_blank("status"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderItem {
    pub id: String,
    pub count: Option<f64>,
    pub price: Option<Amount>,
}

impl OrderItem {
    /// An entry of `items`; anything but an object is not an item.
    fn from_value(v: &Value) -> Option<Self> {
        v.is_object().then(|| Self {
            id: v.id("id"),
            count: v.number("count"),
            price: v.amount("price"),
        })
    }
}

/// One order, as the views need it.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub id: String,
    /// `None` shows as "—".
    pub status: Option<String>,
    pub total: Option<Amount>,
    /// `delivery.type` when sent, else the old `deliveryType`.
    pub delivery: Option<String>,
    /// Free text ("20 марта 2018"), ISO-8601 or unix time, as sent.
    pub created_at: Option<String>,
    /// Label → value, in the server's order.
    pub contact: Vec<(String, String)>,
    pub payment: Option<Payment>,
    pub bonuses_used: Option<f64>,
    pub items: Vec<OrderItem>,
}

impl Order {
    /// An entry of `orders`; `None` when it is not an object or has no id.
    fn from_value(v: &Value) -> Option<Self> {
        if !v.is_object() {
            return None;
        }
        let order = Self {
            id: v.id("id"),
            status: v.non_blank("status"),
            total: v.amount("total"),
            delivery: v
                .object("delivery")
                .and_then(|d| d.non_blank("type"))
                .or_else(|| v.non_blank("deliveryType")),
            created_at: v.non_blank("created_at"),
            contact: contact_pairs(v.get("contact")),
            payment: v.object("payment").map(Payment::from_value),
            bonuses_used: v.number("bonuses_used"),
            items: v.entries("items").into_iter().filter_map(OrderItem::from_value).collect(),
        };
        (!order.id.trim().is_empty()).then_some(order)
    }
}

impl Order {
    /// How many goods the order holds: the sum of its lines' `count` ("the number of goods of
    /// this type in the order": one line of 5 is 5 goods), a line with no readable count
    /// counting as one. `None` when the server listed no items: the count is unknown, not zero.
    pub fn goods_count(&self) -> Option<f64> {
        if self.items.is_empty() {
            return None;
        }
        let sum: f64 = self
            .items
            .iter()
            .map(|item| item.count.filter(|c| c.is_finite() && *c >= 0.0).unwrap_or(1.0))
            .sum();
        // Fractions (0.5 kg) add up with binary noise: 0.1 + 0.2 is not 0.3.
        Some((sum * 1000.0).round() / 1000.0)
    }
}

/// An object of label → text, in document order (blank values dropped); anything else is an
/// empty list.
fn contact_pairs(v: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Object(map)) = v else {
        return Vec::new();
    };
    map.iter()
        .filter_map(|(k, v)| {
            let text = lenient::value_as_text(v).filter(|s| !s.trim().is_empty())?;
            Some((k.clone(), text))
        })
        .collect()
}

/// One page of orders, with a count of entries that could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrdersPage {
    pub orders: Vec<Order>,
    /// Entries dropped because they were not readable orders (logged, never shown).
    pub skipped: usize,
}

impl OrdersPage {
    /// Read `data` of the order-list answer (`None`: no data, an empty page).
    /// Read an order-list answer (a call that carried the token).
    pub fn decode(resp: &RawResponse) -> Result<Self, ApiError> {
        read_data(resp, true, Self::from_data)
    }

    pub fn from_data(data: Option<&Value>) -> Self {
        let mut page = OrdersPage::default();
        for entry in data.map(|d| d.entries("orders")).unwrap_or_default() {
            match Order::from_value(entry) {
                Some(order) => page.orders.push(order),
                None => page.skipped += 1,
            }
        }
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(items: &str) -> Order {
        let json = format!(r#"{{"orders":[{{"id":"1","items":{items}}}]}}"#);
        let data: Value = serde_json::from_str(&json).unwrap_or_default();
        OrdersPage::from_data(Some(&data)).orders.remove(0)
    }

    #[test]
    fn goods_are_counted_by_count_not_by_line() {
        // The document's own example: one line of five.
        assert_eq!(order(r#"[{"id":"7","count":5,"price":100}]"#).goods_count(), Some(5.0));
        assert_eq!(
            order(r#"[{"id":"7","count":"2"},{"id":"8","count":3.0},{"id":"9"}]"#).goods_count(),
            Some(6.0),
            "strings and floats count; a line without a count is one good"
        );
        assert_eq!(
            order(r#"[{"id":"7","count":0.1},{"id":"8","count":0.2}]"#).goods_count(),
            Some(0.3),
            "weighed goods"
        );
        assert_eq!(order("[]").goods_count(), None, "no items listed: unknown, not zero");
        assert_eq!(order("null").goods_count(), None);
    }
}
