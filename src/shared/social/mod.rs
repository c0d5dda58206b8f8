//! Signing in with a social network (the sign-in page) or linking one to the account (the
//! profile): the buttons, the OAuth flow kept across the network's pages, and the reply.
//!
//! - `oauth`: the authorize URL, the `state`, reading the reply (pure);
//! - `flow`: the buttons and the flow this tab started, until the network sends the customer back
//!   to the sign-in feature's callback route.

pub mod flow;
pub mod oauth;
pub mod phrases;
