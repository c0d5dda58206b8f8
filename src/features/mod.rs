//! One folder per thing a customer does, each holding its wire types, pure logic (tested
//! natively), views and state; the shared core (transport, envelope and errors, config,
//! session, storage, i18n, layout widgets) stays outside.

pub mod forms;
pub mod orders;
pub mod profile;
pub mod recovery;
pub mod registration;
#[cfg(feature = "setup-check")]
pub mod setup_check;
pub mod sign_in;
pub mod verification;
