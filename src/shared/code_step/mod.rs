//! The code step (registration, profile changes): the code input, "send again" with its
//! countdown (kept per value across reloads), and what a wrong or crashed answer means.

pub mod api;
pub mod logic;
pub mod phrases;
pub mod view;
