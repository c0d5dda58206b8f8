//! Paging through an order history that survives any server.
//!
//! The cabinet always asks with item offsets (`offset` = how many items came back so far). It
//! de-duplicates by id and stops when a page is short, empty, or brings no new id — so a server
//! that ignores paging (everything, every time) costs two requests, one that reads `offset` as a
//! page number ends when it runs out, and none can make the list loop or show a row twice. A hard
//! cap on requests guards against a server that invents ids forever.

use std::collections::HashSet;

use crate::model::orders::Order;

/// More requests than this for one history is a broken server, not a long history.
pub const MAX_REQUESTS: u32 = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    page_size: u32,
    next_offset: u32,
    seen: HashSet<String>,
    requests: u32,
    done: bool,
}

impl Paging {
    pub fn new(page_size: u32) -> Self {
        Self {
            page_size: page_size.max(1),
            next_offset: 0,
            seen: HashSet::new(),
            requests: 0,
            done: false,
        }
    }

    /// `(offset, limit)` of the next request, or `None` when the list is complete.
    pub fn next_request(&self) -> Option<(u32, u32)> {
        (!self.done && self.requests < MAX_REQUESTS).then_some((self.next_offset, self.page_size))
    }

    pub fn is_done(&self) -> bool {
        self.next_request().is_none()
    }

    pub fn requests(&self) -> u32 {
        self.requests
    }

    /// Take a page's answer; returns the orders not seen before, in the server's order.
    pub fn accept(&mut self, page: Vec<Order>) -> Vec<Order> {
        self.requests += 1;
        let received = u32::try_from(page.len()).unwrap_or(u32::MAX);
        let mut fresh = Vec::new();
        for order in page {
            if self.seen.insert(order.id.clone()) {
                fresh.push(order);
            }
        }
        self.next_offset = self.next_offset.saturating_add(received);
        if received < self.page_size || fresh.is_empty() {
            self.done = true;
        }
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orders(ids: impl IntoIterator<Item = u32>) -> Vec<Order> {
        ids.into_iter()
            .map(|i| Order {
                id: i.to_string(),
                status: None,
                total: None,
                delivery: None,
                created_at: None,
                contact: Vec::new(),
                payment: None,
                bonuses_used: None,
                items: Vec::new(),
            })
            .collect()
    }

    /// Run paging against a server function; returns (unique ids, requests).
    fn run(page_size: u32, server: impl Fn(u32, u32) -> Vec<Order>) -> (Vec<String>, u32) {
        let mut p = Paging::new(page_size);
        let mut all = Vec::new();
        while let Some((offset, limit)) = p.next_request() {
            all.extend(p.accept(server(offset, limit)).into_iter().map(|o| o.id));
        }
        (all, p.requests())
    }

    #[test]
    fn an_honest_server() {
        let (ids, requests) = run(20, |o, l| orders((o..(o + l).min(137)).map(|i| i + 1)));
        assert_eq!(ids.len(), 137);
        assert_eq!(requests, 7);
        let (ids, requests) = run(20, |o, l| orders((o..(o + l).min(40)).map(|i| i + 1)));
        assert_eq!((ids.len(), requests), (40, 3), "an exact multiple ends on an empty page");
    }

    #[test]
    fn a_server_that_ignores_paging() {
        let (ids, requests) = run(50, |_, _| orders(1..=120));
        assert_eq!((ids.len(), requests), (120, 2));
        let (ids, requests) = run(20, |_, _| orders(1..=10));
        assert_eq!((ids.len(), requests), (10, 1));
    }

    #[test]
    fn a_server_that_reads_offset_as_a_page_number() {
        // Page `offset` of size `limit`: rows 0–19, then page 20 (rows 400–419) …
        let (ids, requests) = run(20, |o, l| {
            let start = o * l;
            orders((start..(start + l).min(137)).map(|i| i + 1))
        });
        assert_eq!(ids.len(), 20);
        assert_eq!(requests, 2);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn overlapping_pages_never_duplicate_rows() {
        // A server whose pages overlap by five rows.
        let (ids, _) = run(20, |o, l| {
            let start = o.saturating_sub(5);
            orders((start..(start + l).min(100)).map(|i| i + 1))
        });
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        assert_eq!(ids.len(), 100);
    }

    #[test]
    fn a_server_inventing_ids_forever_is_cut_off() {
        let (_, requests) = run(1, |o, _| orders([o + 1_000_000]));
        assert_eq!(requests, MAX_REQUESTS);
    }
}
