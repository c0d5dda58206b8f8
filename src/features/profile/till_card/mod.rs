//! The loyalty card at the till: its barcode large enough to scan, and the card kept on the
//! device (where `token_storage` allows) so that it shows with no signal.
//!
//! - `card`: what is kept, for which session, and when it may be shown (pure);
//! - `keeping`: keeping it after a profile load, drawing it offline and on a later visit, and
//!   forgetting it whenever the session changes hands;
//! - `barcode`: the barcode in the profile and the full-screen till view.

pub mod barcode;
pub mod card;
pub mod keeping;
