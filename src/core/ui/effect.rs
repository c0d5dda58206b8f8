//! `effect`: Leptos' `Effect::new` with the closure boxed.
//!
//! Leptos instantiates its effect machinery (scheduling, owner, subscriber bookkeeping) for every
//! closure type, about 0.8 KB of wasm per `Effect::new` call site. Boxing the closure first makes
//! every effect of the app one instance of that machinery.

use leptos::prelude::*;

/// Run `f` now and again whenever a signal it read changes, for as long as the current owner
/// (the screen) lives.
pub fn effect(f: impl FnMut() + 'static) {
    let f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(f);
}
