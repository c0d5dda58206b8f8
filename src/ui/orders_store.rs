//! The order history loaded so far, shared by the list and the details screen (so opening an
//! order and coming back costs no request), with the paging state machine that decides what to
//! ask for next. Kept for one session: a different token starts over.

use leptos::prelude::*;

use crate::api::{ApiError, Client};
use crate::domain::paging::Paging;
use crate::model::orders::Order;
use crate::session::{Notice, Session};

#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Idle,
    Loading,
    Failed(ApiError),
    Done,
}

#[derive(Clone, Copy)]
pub struct OrdersStore {
    pub orders: RwSignal<Vec<Order>>,
    pub phase: RwSignal<Phase>,
    paging: StoredValue<Paging>,
    owner: StoredValue<Option<String>>,
    page_size: u32,
}

impl OrdersStore {
    pub fn new(page_size: u32) -> Self {
        Self {
            orders: RwSignal::new(Vec::new()),
            phase: RwSignal::new(Phase::Idle),
            paging: StoredValue::new(Paging::new(page_size)),
            owner: StoredValue::new(None),
            page_size,
        }
    }

    fn reset_for(&self, token: &str) {
        if self.owner.with_value(|o| o.as_deref() != Some(token)) {
            self.owner.set_value(Some(token.to_string()));
            self.paging.set_value(Paging::new(self.page_size));
            self.orders.set(Vec::new());
            self.phase.set(Phase::Idle);
        }
    }

    /// Ask for the next page unless one is in flight or the list is complete. A session that is
    /// over calls `on_session_over`; other failures keep the loaded rows and wait for a retry.
    pub fn load_next(
        &self,
        client: &Client,
        session: Session,
        on_session_over: impl Fn() + 'static,
    ) {
        let Some(token) = session.token() else {
            on_session_over();
            return;
        };
        self.reset_for(token.expose());
        if self.phase.get_untracked() == Phase::Loading {
            return;
        }
        let Some((offset, limit)) = self.paging.with_value(Paging::next_request) else {
            self.phase.set(Phase::Done);
            return;
        };
        self.phase.set(Phase::Loading);
        let (store, client) = (*self, client.clone());
        leptos::task::spawn_local(async move {
            match client.orders(&token, offset, limit).await {
                Ok(page) => {
                    if page.skipped > 0 {
                        crate::browser::warn(&format!(
                            "orders: {} unreadable entries skipped",
                            page.skipped
                        ));
                    }
                    let mut fresh = Vec::new();
                    store.paging.update_value(|p| fresh = p.accept(page.orders));
                    if !fresh.is_empty() {
                        store.orders.update(|all| all.extend(fresh));
                    }
                    let done = store.paging.with_value(Paging::is_done);
                    store.phase.set(if done { Phase::Done } else { Phase::Idle });
                }
                Err(ApiError::SessionOver) => {
                    store.phase.set(Phase::Idle);
                    on_session_over();
                }
                Err(e) => store.phase.set(Phase::Failed(e)),
            }
        });
    }

    /// Forget everything (sign-out).
    pub fn clear(&self) {
        self.owner.set_value(None);
        self.paging.set_value(Paging::new(self.page_size));
        self.orders.set(Vec::new());
        self.phase.set(Phase::Idle);
    }
}

/// Where a screen goes when the session turns out to be over: sign in, then back to `here`.
pub fn session_over_to(session: Session, here: String) -> impl Fn() + Clone + 'static {
    let navigate = crate::ui::nav::use_navigate();
    move || {
        session.end(Notice::SessionEnded);
        navigate(
            &format!("/sign-in?next={here}"),
            crate::ui::nav::NavigateOptions { replace: true, ..Default::default() },
        );
    }
}
