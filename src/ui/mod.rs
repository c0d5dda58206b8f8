//! Pieces shared by the screens: the page shell, banners, the error panel.

pub mod banner;
pub mod layout;
