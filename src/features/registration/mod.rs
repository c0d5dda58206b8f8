//! Registration: the server's form, then a code for each value that needs one; the draft
//! survives a reload (never a password).

pub mod api;
pub mod logic;
pub mod phrases;
pub mod view;
