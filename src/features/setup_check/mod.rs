//! The setup check (`/setup-check`): a merchant's page that calls every configured endpoint and
//! says, per finding, what is wrong and which `cabinet.json` key or server setting fixes it.
//!
//! - `diagnose`: pure reading of each answer into findings (tested natively);
//! - `phrases`: its words in both languages;
//! - `view`: the page.

pub mod api;
pub mod diagnose;
pub mod phrases;
pub mod view;
