//! `Action`: a request the customer starts (a submit, "send again"), with its pending flag and
//! last result — the part of Leptos' `Action::new_local` the screens use, under the same name,
//! with less code per use: the work is boxed once here instead of instantiating Leptos' action
//! machinery for every input/output pair.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

type Work<I, O> = Box<dyn Fn(&I) -> Pin<Box<dyn Future<Output = O>>>>;

pub struct Action<I: 'static, O: 'static> {
    pending: RwSignal<bool>,
    value: RwSignal<Option<O>>,
    work: StoredValue<Work<I, O>, LocalStorage>,
}

impl<I: 'static, O: 'static> Clone for Action<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Action<I, O> {}

impl<I: 'static, O: Send + Sync + 'static> Action<I, O> {
    pub fn new_local<F, Fut>(work: F) -> Self
    where
        F: Fn(&I) -> Fut + 'static,
        Fut: Future<Output = O> + 'static,
    {
        let work: Work<I, O> = Box::new(move |input| Box::pin(work(input)));
        Self {
            pending: RwSignal::new(false),
            value: RwSignal::new(None),
            work: StoredValue::new_local(work),
        }
    }

    /// Start the work; when it finishes, `value` holds its result and `pending` turns false.
    pub fn dispatch(&self, input: I) {
        let Some(future) = self.work.try_with_value(|work| work(&input)) else {
            return;
        };
        let (pending, value) = (self.pending, self.value);
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = future.await;
            // The screen may be gone by now: `try_set` on a disposed signal does nothing.
            value.try_set(Some(result));
            pending.try_set(false);
        });
    }

    /// Whether the work is under way (tracked).
    pub fn pending(&self) -> Signal<bool> {
        self.pending.into()
    }

    /// The last result, `None` until the first one.
    pub fn value(&self) -> RwSignal<Option<O>> {
        self.value
    }
}
