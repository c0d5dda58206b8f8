//! One folder per thing a customer does, each holding its wire types, client calls, pure logic
//! (tested natively), views, state and storage keys. A feature imports `shared` and `core`, never
//! another feature: what two need lives a floor down.

pub mod orders;
pub mod profile;
pub mod recovery;
pub mod registration;
pub mod sign_in;
