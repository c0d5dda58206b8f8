//! How views dispatch Leptos' `Action` (`core::ui::submit::newest_only`), natively on tokio: two
//! overlapping submits stay pending until the newer one finishes and only the newer one's answer
//! is acted on, however late the older one's arrives; a view that goes away aborts what it
//! started.

use std::cell::RefCell;
use std::rc::Rc;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;
use tokio::sync::oneshot;
use web_cabinet::core::ui::submit::newest_only;

/// Leptos' tasks on the test's tokio `LocalSet`.
struct LocalTokio;

impl CustomExecutor for LocalTokio {
    fn spawn(&self, fut: PinnedFuture<()>) {
        tokio::task::spawn_local(fut);
    }
    fn spawn_local(&self, fut: PinnedLocalFuture<()>) {
        tokio::task::spawn_local(fut);
    }
    fn poll_local(&self) {}
}

/// Let every ready task run.
async fn settle() {
    for _ in 0..20 {
        tokio::task::yield_now().await;
    }
}

/// An action whose every dispatch waits for an answer the test sends, and records the answers it
/// acted on. Returns the action, the senders (one per dispatch, in order) and the record.
#[allow(clippy::type_complexity)]
fn answered_by_hand(
) -> (Action<&'static str, ()>, Rc<RefCell<Vec<oneshot::Sender<()>>>>, RwSignal<Vec<&'static str>>)
{
    let acted_on: RwSignal<Vec<&'static str>> = RwSignal::new(Vec::new());
    let senders: Rc<RefCell<Vec<oneshot::Sender<()>>>> = Rc::default();
    let to_test = senders.clone();
    let action = Action::new_local(move |name: &&'static str| {
        let (answer, answered) = oneshot::channel::<()>();
        to_test.borrow_mut().push(answer);
        let name = *name;
        async move {
            if answered.await.is_ok() {
                acted_on.update(|list| list.push(name));
            }
        }
    });
    (action, senders, acted_on)
}

#[tokio::test(flavor = "current_thread")]
async fn overlapping_submits_stay_pending_until_the_newest_finishes_and_show_its_result() {
    let _ = Executor::init_local_custom_executor(LocalTokio);
    tokio::task::LocalSet::new()
        .run_until(async {
            let owner = Owner::new();
            owner.set();
            let (action, senders, acted_on) = answered_by_hand();
            let pending = action.pending();
            let dispatch = newest_only(action);

            dispatch("older");
            settle().await;
            dispatch("newer");
            settle().await;
            assert!(pending.get_untracked(), "both submitted, none answered");
            let (older, newer) = {
                let mut list = senders.borrow_mut();
                assert_eq!(list.len(), 2, "each dispatch started its request");
                let newer = list.pop().expect("two");
                (list.pop().expect("two"), newer)
            };
            assert!(older.is_closed(), "the older submit was aborted, its request dropped");

            newer.send(()).expect("the newer submit still waits");
            settle().await;
            assert!(!pending.get_untracked(), "the newest finished: no longer pending");
            assert_eq!(acted_on.get_untracked(), ["newer"]);
            // The older answer, arriving late, is acted on by no one.
            assert!(older.send(()).is_err());
            settle().await;
            assert_eq!(acted_on.get_untracked(), ["newer"]);
        })
        .await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_view_that_goes_away_aborts_what_it_started() {
    let _ = Executor::init_local_custom_executor(LocalTokio);
    tokio::task::LocalSet::new()
        .run_until(async {
            let app = Owner::new();
            app.set();
            let view = app.child();
            let (senders, acted_on, pending) = view.with(|| {
                let (action, senders, acted_on) = answered_by_hand();
                let pending = action.pending();
                newest_only(action)("submit");
                (senders, acted_on, pending)
            });
            settle().await;
            assert!(pending.get_untracked());
            view.cleanup();
            settle().await;
            let answer = senders.borrow_mut().pop().expect("the submit started");
            assert!(answer.is_closed(), "the request of a view that went away was dropped");
            assert!(acted_on.try_get_untracked().unwrap_or_default().is_empty());
        })
        .await;
}
