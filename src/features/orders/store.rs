//! The order history loaded so far, shared by the list and the details screen (so opening an
//! order and coming back costs no request), with the paging state machine that decides what to
//! ask for next. Kept for one session: a different token starts over.
//!
//! `orders` is in the order the list shows. A server that lists oldest first (see
//! `orders::paging`) is read to the end in one go and its orders are shown newest first; they
//! are held back until then (or until a page fails), so rows never shuffle under the reader.

use leptos::prelude::*;

use crate::core::api::{ApiError, Client};
use crate::core::logic::read_failure::ReadFailure;
use crate::core::session::{Notice, Session};
use crate::features::orders::paging::{Ending, Paging};
use crate::features::orders::wire::Order;

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Idle,
    Loading,
    Failed(ReadFailure),
    /// No more pages; whether the server showed that these are all its orders.
    Done(Ending),
}

/// The store the app provides for the session (`app.rs`).
pub fn use_orders_store() -> OrdersStore {
    expect_context::<OrdersStore>()
}

#[derive(Clone, Copy)]
pub struct OrdersStore {
    pub orders: RwSignal<Vec<Order>>,
    pub phase: RwSignal<Phase>,
    paging: StoredValue<Paging>,
    /// Orders of an oldest-first history not shown yet, in the server's order.
    held: StoredValue<Vec<Order>>,
    /// How the last request failed, while the failures go on (a refusal repeated to a retry is
    /// one that no retry will mend).
    last_failure: StoredValue<Option<ReadFailure>>,
    owner: StoredValue<Option<String>>,
    /// An order a page asked for that the pages so far have not brought.
    wanted: StoredValue<Option<String>>,
    page_size: u32,
}

impl OrdersStore {
    pub fn new(page_size: u32) -> Self {
        Self {
            orders: RwSignal::new(Vec::new()),
            phase: RwSignal::new(Phase::Idle),
            paging: StoredValue::new(Paging::new(page_size)),
            held: StoredValue::new(Vec::new()),
            last_failure: StoredValue::new(None),
            owner: StoredValue::new(None),
            wanted: StoredValue::new(None),
            page_size,
        }
    }

    fn reset_for(&self, token: &str) {
        if self.owner.with_value(|o| o.as_deref() != Some(token)) {
            self.owner.set_value(Some(token.to_string()));
            self.start_over();
        }
    }

    fn start_over(&self) {
        self.paging.set_value(Paging::new(self.page_size));
        self.held.set_value(Vec::new());
        self.last_failure.set_value(None);
        self.orders.set(Vec::new());
        self.phase.set(Phase::Idle);
    }

    /// Whether the history has ended (and so an order not in it does not exist).
    pub fn is_done(&self) -> bool {
        matches!(self.phase.get(), Phase::Done(_))
    }

    /// Show the held rows of an oldest-first history, newest first, above any shown already.
    fn show_held(&self) {
        let held = self.held.try_update_value(std::mem::take).unwrap_or_default();
        if !held.is_empty() {
            self.orders.update(|all| {
                let mut newest_first: Vec<Order> = held.into_iter().rev().collect();
                newest_first.append(all);
                *all = newest_first;
            });
        }
    }

    /// Ask for the next page unless one is in flight or the list is complete. A session the
    /// server says is over ends here (the app's guard then asks for a sign-in and comes back);
    /// other failures keep the loaded rows and wait for a retry.
    /// Load pages until the order `id` is here or the history ends (an order opened from a
    /// shared link or after a reload); each page asks for the next where it finishes, a page
    /// already in flight included.
    pub fn load_until(&self, client: &Client, session: Session, id: String) {
        if self.orders.with_untracked(|all| all.iter().any(|o| o.id == id)) {
            return;
        }
        self.wanted.set_value(Some(id));
        self.load_next(client, session);
    }

    /// The page that wanted an order is gone: the list pages on only when asked.
    pub fn stop_looking(&self) {
        self.wanted.try_set_value(None);
    }

    /// Whether an order is wanted that the pages so far have not brought.
    fn still_wanted(&self) -> bool {
        self.wanted.with_value(|wanted| {
            wanted.as_ref().is_some_and(|id| {
                self.orders.with_untracked(|all| !all.iter().any(|o| &o.id == id))
            })
        })
    }

    pub fn load_next(&self, client: &Client, session: Session) {
        let Some(token) = session.token() else {
            return;
        };
        self.reset_for(token.expose());
        if self.phase.get_untracked() == Phase::Loading {
            return;
        }
        let Some(request) = self.paging.with_value(Paging::next_request) else {
            let ending = self.paging.with_value(Paging::ending).unwrap_or(Ending::Unsure);
            self.phase.set(Phase::Done(ending));
            return;
        };
        self.phase.set(Phase::Loading);
        let (store, client) = (*self, client.clone());
        leptos::task::spawn_local(async move {
            match client.orders(&token, &request).await {
                Ok(page) => {
                    store.last_failure.try_set_value(None);
                    if page.skipped > 0 {
                        crate::core::browser::warn(&format!(
                            "orders: {} unreadable entries skipped",
                            page.skipped
                        ));
                    }
                    let mut fresh = Vec::new();
                    if store.paging.try_update_value(|p| fresh = p.accept(page.orders)).is_none() {
                        return; // the store is gone (signed out)
                    }
                    let newest_last = store.paging.with_value(Paging::newest_last);
                    if newest_last {
                        store.held.update_value(|h| h.extend(fresh));
                    } else if !fresh.is_empty() {
                        store.orders.update(|all| all.extend(fresh));
                    }
                    match store.paging.with_value(Paging::ending) {
                        Some(ending) => {
                            store.show_held();
                            store.phase.set(Phase::Done(ending));
                        }
                        // Its newest orders are on its last page: read on at once.
                        None => {
                            store.phase.set(Phase::Idle);
                            if newest_last || store.still_wanted() {
                                store.load_next(&client, session);
                            }
                        }
                    }
                }
                Err(ApiError::SessionOver) => {
                    store.phase.set(Phase::Idle);
                    session.end(Notice::SessionEnded);
                }
                Err(e) => {
                    store.show_held();
                    let failure = store
                        .last_failure
                        .try_with_value(|last| ReadFailure::after(last.as_ref(), e.clone()))
                        .unwrap_or_else(|| ReadFailure::after(None, e));
                    store.last_failure.try_set_value(Some(failure.clone()));
                    store.phase.set(Phase::Failed(failure));
                }
            }
        });
    }

    /// The store for the cabinet's run, emptied whenever the session changes hands.
    pub fn provide(session: Session, page_size: u32) {
        let store = Self::new(page_size);
        session.on_change(move |_| store.clear());
        provide_context(store);
    }

    /// Forget everything.
    pub fn clear(&self) {
        self.owner.set_value(None);
        self.wanted.set_value(None);
        self.start_over();
    }
}
