//! The order list's call.

use crate::core::api::auth::Token;
use crate::core::api::{ApiError, Client, Endpoint};
use crate::features::orders::paging::PageRequest;
use crate::features::orders::wire::OrdersPage;

impl Client {
    /// `GET order_list_url` with `offset` and `limit` (see `orders::paging` for what they mean
    /// to which server).
    pub async fn orders(&self, token: &Token, page: &PageRequest) -> Result<OrdersPage, ApiError> {
        let query = vec![("offset", page.offset.clone()), ("limit", page.limit.to_string())];
        let resp = self.get(Endpoint::OrderList, Some(token), query).await?;
        OrdersPage::decode(&resp)
    }
}
