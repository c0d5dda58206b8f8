//! Editing one profile value in place, against servers that describe it poorly: the published
//! module sends fields without `type` or `verified` and answers `ok` to changes it ignores.
//!
//! - `rules`: the value's type from its registration twin, what to send, whether the reloaded
//!   profile shows the change, the badge (pure, tested natively);
//! - `view`: the value with its badge and "Edit", the editor, the draft kept across a sign-in;
//! - `saving`: the save and the request for a code, and where each answer leads.

pub mod rules;
pub mod saving;
pub mod view;
