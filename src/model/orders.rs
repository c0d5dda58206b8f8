//! Order history (`GET order_list_url?offset=…&limit=…`).
//!
//! Real servers send far less than the document (often just `id, status, total, deliveryType,
//! items`), ids as strings, totals like `3287.3000000000002`, counts as floats. Each order is read
//! on its own; one unreadable order is dropped, not the page. `contact` keeps the server's key
//! order, which is why orders are read from the raw text rather than through `serde_json::Value`.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::Value;
use std::fmt;

use super::lenient;

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Payment {
    #[serde(default, deserialize_with = "lenient::non_blank")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub total_cost: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub delivery_cost: Option<f64>,
    #[serde(default, deserialize_with = "lenient::non_blank")]
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct OrderItem {
    #[serde(default, deserialize_with = "lenient::id")]
    pub id: String,
    #[serde(default, deserialize_with = "lenient::number")]
    pub count: Option<f64>,
    #[serde(default, deserialize_with = "lenient::number")]
    pub price: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
struct Delivery {
    #[serde(rename = "type", default, deserialize_with = "lenient::non_blank")]
    kind: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
struct RawOrder {
    #[serde(default, deserialize_with = "lenient::id")]
    id: String,
    #[serde(default, deserialize_with = "lenient::non_blank")]
    status: Option<String>,
    #[serde(default, deserialize_with = "lenient::number")]
    total: Option<f64>,
    #[serde(rename = "deliveryType", default, deserialize_with = "lenient::non_blank")]
    delivery_type: Option<String>,
    #[serde(default, deserialize_with = "lenient_object")]
    delivery: Option<Delivery>,
    #[serde(default, deserialize_with = "lenient::non_blank")]
    created_at: Option<String>,
    #[serde(default, deserialize_with = "ordered_pairs")]
    contact: Vec<(String, String)>,
    #[serde(default, deserialize_with = "lenient_object")]
    payment: Option<Payment>,
    #[serde(default, deserialize_with = "lenient::number")]
    bonuses_used: Option<f64>,
    #[serde(default, deserialize_with = "lenient::list")]
    items: Vec<Value>,
}

/// One order, as the views need it.
#[derive(Debug, Clone, PartialEq)]
pub struct Order {
    pub id: String,
    /// `None` shows as "—".
    pub status: Option<String>,
    pub total: Option<f64>,
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

impl From<RawOrder> for Order {
    fn from(r: RawOrder) -> Self {
        Self {
            id: r.id,
            status: r.status,
            total: r.total,
            delivery: r.delivery.and_then(|d| d.kind).or(r.delivery_type),
            created_at: r.created_at,
            contact: r.contact,
            payment: r.payment,
            bonuses_used: r.bonuses_used,
            items: r
                .items
                .into_iter()
                .filter_map(|v| serde_json::from_value::<OrderItem>(v).ok())
                .collect(),
        }
    }
}

fn lenient_object<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    Ok(Option::<Value>::deserialize(d)?
        .filter(Value::is_object)
        .and_then(|v| serde_json::from_value(v).ok()))
}

/// An object of label → text, in document order; anything else is an empty list.
fn ordered_pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    struct Pairs;
    impl<'de> Visitor<'de> for Pairs {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of labels and values")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some((k, v)) = map.next_entry::<String, Value>()? {
                if let Some(text) = lenient::value_as_text(v).filter(|s| !s.trim().is_empty()) {
                    out.push((k, text));
                }
            }
            Ok(out)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            Ok(Vec::new())
        }
        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    d.deserialize_any(Pairs)
}

/// `data` of the order-list answer.
#[derive(Debug, Default, Deserialize)]
pub struct OrdersData {
    #[serde(default)]
    orders: Option<Box<RawValue>>,
}

/// One page of orders, with a count of entries that could not be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrdersPage {
    pub orders: Vec<Order>,
    /// Entries dropped because they were not readable orders (logged, never shown).
    pub skipped: usize,
}

impl From<OrdersData> for OrdersPage {
    fn from(d: OrdersData) -> Self {
        let entries: Vec<Box<RawValue>> =
            d.orders.and_then(|raw| serde_json::from_str(raw.get()).ok()).unwrap_or_default();
        let mut page = OrdersPage::default();
        for entry in entries {
            match serde_json::from_str::<RawOrder>(entry.get()) {
                Ok(order) if !order.id.trim().is_empty() => page.orders.push(order.into()),
                _ => page.skipped += 1,
            }
        }
        page
    }
}
