//! Server-described forms, shared by registration, recovery and profile edits.
//!
//! - `wire`: the fields answer (`FormField`, `FieldType` with an `Unknown` arm);
//! - `logic`: checks before sending, the body to send, the verification queue, the draft (pure);
//! - `inputs`: one input renderer per field type (unknown → text); `state`: a form's values,
//!   problems and banner;
//! - `login_field`: which registration field is the login (pure).

pub mod api;
pub mod inputs;
pub mod logic;
pub mod login_field;
pub mod phrases;
pub mod state;
pub mod wire;
