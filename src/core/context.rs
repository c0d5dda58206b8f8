//! What every screen of a started cabinet reads: the shop's client, the customer's session and
//! the configuration, provided once by the app (`app.rs`) when `cabinet.json` is read. Kept here,
//! on the ground floor, so that core's own screens (the layout, home, the demo banner) need
//! nothing from the floors above; what one feature keeps for the session (the orders read so
//! far) is that feature's own context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::api::Client;
use crate::core::config::Config;
use crate::core::session::Session;

#[derive(Clone)]
pub struct AppContext {
    pub client: Client,
    pub session: Session,
    pub config: Arc<Config>,
}

/// The app context. A screen drawn outside the started cabinet is a programming error: it panics
/// (the cabinet's panic screen says so and offers a reload) rather than drawing a blank page.
pub fn use_app() -> AppContext {
    expect_context::<AppContext>()
}
