//! The setup check (`/setup-check`): a merchant's page that calls every configured endpoint and
//! says, per finding, what is wrong and which `cabinet.json` key or server setting fixes it.
//! Not a customer's feature but a tool over all of them (it pages the orders, reads the profile
//! and the forms as they do), so it stands beside the features and only start-up imports it; it
//! ships as a bundle of its own, fetched on that page alone.
//!
//! - `findings`: what can be found, and how bad each is; `diagnose`: pure reading of each
//!   answer into findings (tested natively);
//! - `phrases`: its words in both languages;
//! - `view`: the page.

pub mod api;
pub mod diagnose;
pub mod findings;
pub mod phrases;
pub mod view;
