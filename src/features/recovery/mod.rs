//! Password recovery: the server's recovery form and the message it answers with.

pub mod api;
pub mod phrases;
pub mod view;
