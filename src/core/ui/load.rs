//! `Load`: a value fetched by an async call, fetched again when a signal the call reads changes
//! or on `refetch()` — what the screens need from Leptos' `LocalResource`, at a fraction of its
//! code: each `LocalResource` instantiates the async-derived machinery for its future type
//! (~8 KB of wasm apiece; +11 KB of the first load for the six loads, measured), this is one
//! effect and one task. The last value stays visible while a new one loads; a fetch still
//! running when a newer one starts, or when the screen goes away, is cancelled.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::core::api::ApiError;
use crate::core::logic::read_failure::ReadFailure;
use crate::core::ui::effect::effect;

pub struct Load<T: 'static> {
    value: RwSignal<Option<T>>,
    refetches: RwSignal<u32>,
}

impl<T: 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// Start fetching now. Signals that `fetch` reads before it returns its future are tracked.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        Self::start(Box::new(move || Box::pin(fetch())))
    }

    /// The machinery, instantiated once per value type rather than once per call site (three
    /// screens load the same `Vec<FormField>`).
    #[allow(clippy::type_complexity)]
    fn start(fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = T>>>>) -> Self {
        let value = RwSignal::new(None);
        let refetches = RwSignal::new(0u32);
        effect(move || {
            refetches.track();
            let future = fetch();
            // Cancelled with the effect's owner: when a newer fetch starts (the effect runs
            // again) and when the screen goes away. Dropping the future aborts its request
            // (`core::api::http`), so a late answer is never shown and never waited for.
            leptos::task::spawn_local_scoped_with_cancellation(async move {
                let result = future.await;
                value.try_set(Some(result));
            });
        });
        Self { value, refetches }
    }

    /// The value, once there is one (tracked).
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    pub fn get_untracked(&self) -> Option<T> {
        self.value.get_untracked()
    }

    pub fn with<R>(&self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(f)
    }

    /// Put a value fetched elsewhere (a save that reloads what it changed).
    pub fn set(&self, value: T) {
        self.value.try_set(Some(value));
    }

    /// Fetch again (the current value stays until the new one arrives).
    pub fn refetch(&self) {
        self.refetches.try_update(|n| *n = n.wrapping_add(1));
    }

    /// Subscribe the running effect or memo to the value.
    pub fn track(&self) {
        self.value.track();
    }
}

impl<T: Clone + Send + Sync + 'static> Load<Result<T, ApiError>> {
    /// How the load failed, if its last answer is an error: derived from the answers, each
    /// read against the failure before it (a refusal the retry got again is one that no retry
    /// will mend; see [`ReadFailure`]).
    pub fn failure(&self) -> Memo<Option<ReadFailure>> {
        let value = self.value;
        Memo::new(move |before: Option<&Option<ReadFailure>>| {
            value.with(|answer| match answer {
                Some(Err(e)) => {
                    Some(ReadFailure::after(before.and_then(Option::as_ref), e.clone()))
                }
                _ => None,
            })
        })
    }
}
