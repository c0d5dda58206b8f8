//! Pieces shared by the screens: the page shell, banners, the error panel.

pub mod banner;
pub mod barcode;
pub mod code;
pub mod demo_banner;
pub mod effect;
pub mod form_state;
pub mod frame;
pub mod layout;
pub mod load;
pub mod nav;
pub mod orders_store;
pub mod panic_check;
pub mod reveal;
pub mod social;
pub mod submit;
