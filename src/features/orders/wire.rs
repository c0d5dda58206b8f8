//! Order history (`GET order_list_url?offset=…&limit=…`).
//!
//! Real servers send far less than the document (often just `id, status, total, deliveryType,
//! items`), ids as strings, totals like `3287.3000000000002`, counts as floats. Each order is read
//! on its own; one unreadable order is dropped, not the page. `contact` keeps the server's key
//! order (`json::Map` keeps it).

use crate::core::api::json::Value;
use crate::core::api::lenient::{self, Amount, Fields};

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
