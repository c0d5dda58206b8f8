//! One file per screen.

pub mod home;
pub mod not_found;
pub mod oauth_callback;
pub mod order;
pub mod orders;
pub mod profile;
pub mod recover;
pub mod register;
pub mod setup_check;
pub mod sign_in;
