//! The profile: the server-drawn blocks (`cabinet_field_type`), the loyalty card with its
//! barcode, and editing a value (with a code when the server asks for one).
//!
//! - `wire`: the profile answer, each entry read on its own, unknown kinds kept as `Unknown`;
//! - `blocks`: one renderer per block kind; `actions`: what a block's action may link to;
//! - `edit`: typed edits of typeless fields, what to send, whether a change was applied (pure);
//! - `bonus`: the balance and share rules; `barcode`: the card's image;
//! - `till_card`: the card kept for the till with no signal, and when it may be shown (pure);
//!   `offline`: keeping it after a load, showing it offline and on a later visit;
//! - `view`: the page and its loading; `saving`: what a save or a confirmation does.

pub mod actions;
pub mod api;
pub mod barcode;
pub mod blocks;
pub mod bonus;
pub mod edit;
pub mod editing;
pub mod offline;
pub mod saving;
pub mod till_card;
pub mod view;
pub mod wire;
