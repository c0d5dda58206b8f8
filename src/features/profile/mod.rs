//! The profile: the server-drawn blocks (`cabinet_field_type`), the loyalty card with its
//! barcode, editing a value in place (with a code when the server asks for one), and sign-out.
//!
//! - `wire`: the profile answer, each entry read on its own, unknown kinds kept as `Unknown`;
//!   `api`: its calls; `bonus`: the balance, share and discount rules;
//! - `blocks`: one renderer per block kind; `actions`: what a block's action may link to;
//! - `editor/`: a value edited in place — its rules, its view, saving it;
//! - `till_card/`: the card kept for the till with no signal, its barcode, keeping and drawing it;
//! - `view`: the page and its loading.

pub mod actions;
pub mod api;
pub mod blocks;
pub mod bonus;
pub mod editor;
pub mod phrases;
pub mod till_card;
pub mod view;
pub mod wire;
