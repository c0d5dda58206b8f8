//! What several features draw, between `core` (below) and `features` (above): server-described
//! form fields and their checks, the code step, and signing in with a social network. A feature
//! takes these instead of importing another feature; nothing here names a feature.
//!
//! - `forms`: the fields answer, one input per field kind, checks before sending, a form's state,
//!   which field is the login;
//! - `code_step`: the code sent to a phone or an address, with "send again" and its countdown;
//! - `social`: the social networks' buttons, their OAuth flow and reading the reply.

pub mod code_step;
pub mod forms;
pub mod social;
