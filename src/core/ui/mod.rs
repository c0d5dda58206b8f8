//! Pieces shared by the screens: the page shell, banners, the submit button, the router, and
//! the screen that belongs to no feature (not found), the line a screen shows while it waits.

pub mod banner;
pub mod effect;
pub mod frame;
pub mod layout;
pub mod load;
pub mod nav;
pub mod not_found;
pub mod panic_check;
pub mod reveal;
pub mod submit;
pub mod working;
