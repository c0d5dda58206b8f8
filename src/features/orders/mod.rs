//! Order history: the list a customer scrolls and the page of one order.
//!
//! - `wire`: the order-list answer, read leniently (ids as strings or numbers, money as sent);
//! - `paging`: which offsets to ask for, learned from the server's answers (spec servers, the
//!   published module's page index, servers that ignore paging), pure and tested per behaviour;
//! - `store`: the orders read so far, kept across screens, and the next page to load;
//! - `list` and `order_page`: the views; `window` draws only the rows in view;
//! - `status` (the badge's tone from the server's free-text status) and `dates` (what a
//!   `created_at` says), both pure.

pub mod api;
pub mod dates;
pub mod list;
pub mod order_page;
pub mod paging;
pub mod phrases;
pub mod status;
pub mod store;
pub mod window;
pub mod wire;
