//! Paging through an order history that survives any server, with no setting per server.
//!
//! Servers disagree on what `offset` means: the document says an item offset; the published
//! 1C-Bitrix module reads it as a page index (skip = offset × limit) and reads `offset=0` as
//! "not given" (its defaults then skip the first 50); others ignore paging and send everything
//! every time. Two requests tell them apart:
//!
//! 1. `offset=00`: every server reads the text `00` as zero (the module too, because it is not
//!    empty), so the first page is the same everywhere.
//! 2. `offset=1` with the same limit: an item-offset server answers the first page shifted by one
//!    (it overlaps what came), a page-index server answers the second page (nothing in common),
//!    and a server that ignores paging answers everything again (no new id: the end).
//!
//! From then on the cabinet asks in the scheme it learned. It de-duplicates by id, ends on a short
//! or empty page, and tells a known end ([`Ending::Complete`]) from one it cannot vouch for
//! ([`Ending::Unsure`]: a full page of orders already seen, or the request cap), so the list never
//! says "all orders shown" when it does not know.
//!
//! A server that sends no dates and numbers its orders upwards (the module: oldest first) keeps
//! its newest orders on its last page. The history is then loaded to the end at once, with pages
//! that double in size (a page-index server allows it at even page numbers), and shown newest
//! first — see [`Paging::newest_last`].

use std::collections::HashSet;

use crate::features::orders::wire::Order;

/// More requests than this for one history is a broken server, not a long history.
pub const MAX_REQUESTS: u32 = 2000;

/// The largest page asked for while loading a whole oldest-first history (at least the configured
/// page size): big enough that 10 000 orders take about twenty requests, small enough that one
/// answer stays a few hundred kilobytes.
pub const MAX_GROWN_LIMIT: u32 = 1000;

/// The query of the next request. `offset` is text: the first request sends `00`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub offset: String,
    pub limit: u32,
}

/// How the server turned out to read `offset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Not known yet (before the second answer).
    Unknown,
    /// Items to skip, as the document says (or paging ignored: the same answer either way).
    ItemOffsets,
    /// A page number: skip = offset × limit.
    PageIndex,
}

/// Why the history ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A short or empty page, or everything sent again: every order is here.
    Complete,
    /// The server stopped giving new orders in a way that does not prove it has no more (a full
    /// page of orders already seen, or too many requests).
    Unsure,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cursor {
    First,
    Probe,
    Items(u64),
    Page(u32),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    limit: u32,
    cap: u32,
    cursor: Cursor,
    scheme: Scheme,
    seen: HashSet<String>,
    requests: u32,
    ending: Option<Ending>,
    newest_last: bool,
}

impl Paging {
    pub fn new(page_size: u32) -> Self {
        let limit = page_size.max(1);
        Self {
            limit,
            cap: MAX_GROWN_LIMIT.max(limit),
            cursor: Cursor::First,
            scheme: Scheme::Unknown,
            seen: HashSet::new(),
            requests: 0,
            ending: None,
            newest_last: false,
        }
    }

    /// The next request, or `None` when the history has ended.
    pub fn next_request(&self) -> Option<PageRequest> {
        if self.ending.is_some() {
            return None;
        }
        let offset = match self.cursor {
            Cursor::First => "00".to_string(),
            Cursor::Probe => "1".to_string(),
            Cursor::Items(n) => n.to_string(),
            Cursor::Page(n) => n.to_string(),
        };
        Some(PageRequest { offset, limit: self.limit })
    }

    /// How the list ended, `None` while there may be more.
    pub fn ending(&self) -> Option<Ending> {
        self.ending
    }

    pub fn requests(&self) -> u32 {
        self.requests
    }

    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The server sends its oldest orders first (no dates, order numbers going up): the list
    /// shows the orders in reverse, and the whole history is loaded without waiting for scrolls.
    pub fn newest_last(&self) -> bool {
        self.newest_last
    }

    /// Take a page's answer; returns the orders not seen before, in the server's order.
    pub fn accept(&mut self, page: Vec<Order>) -> Vec<Order> {
        if self.ending.is_some() {
            return Vec::new();
        }
        self.requests += 1;
        let received = page.len();
        let seen_before = self.seen.len();
        let overlaps = page.iter().any(|o| self.seen.contains(&o.id));
        let distinct: HashSet<&str> = page.iter().map(|o| o.id.as_str()).collect();
        let everything_again = distinct.len() >= seen_before && !distinct.is_empty();
        if self.cursor == Cursor::First {
            self.newest_last = numbered_upwards_without_dates(&page);
        }
        let mut fresh = Vec::new();
        for order in page {
            if self.seen.insert(order.id.clone()) {
                fresh.push(order);
            }
        }
        let full = u32::try_from(received).unwrap_or(u32::MAX) >= self.limit;
        self.cursor = match self.cursor {
            Cursor::First => Cursor::Probe,
            Cursor::Probe if overlaps => {
                self.scheme = Scheme::ItemOffsets;
                Cursor::Items(1 + received as u64)
            }
            Cursor::Probe => {
                self.scheme = Scheme::PageIndex;
                Cursor::Page(2)
            }
            Cursor::Items(n) => Cursor::Items(n + received as u64),
            Cursor::Page(n) => Cursor::Page(n.saturating_add(1)),
        };
        self.ending = if received == 0 || !full {
            Some(Ending::Complete)
        } else if fresh.is_empty() {
            // The same orders again: all of them (paging ignored), or a server repeating a page.
            Some(if everything_again { Ending::Complete } else { Ending::Unsure })
        } else if self.requests >= MAX_REQUESTS {
            Some(Ending::Unsure)
        } else {
            None
        };
        if self.ending.is_none() && self.newest_last {
            self.grow();
        }
        fresh
    }

    /// Ask for twice as much next time, where the scheme allows it without skipping or repeating.
    fn grow(&mut self) {
        let doubled = self.limit.saturating_mul(2);
        if doubled > self.cap {
            return;
        }
        match self.cursor {
            Cursor::Items(_) => self.limit = doubled,
            // Page n of size L starts where page n/2 of size 2L does, when n is even.
            Cursor::Page(n) if n % 2 == 0 => {
                self.limit = doubled;
                self.cursor = Cursor::Page(n / 2);
            }
            _ => {}
        }
    }
}

/// Two or more orders, none with a date, whose numbers go up: the server lists oldest first.
fn numbered_upwards_without_dates(page: &[Order]) -> bool {
    if page.len() < 2 || page.iter().any(|o| o.created_at.is_some()) {
        return false;
    }
    let numbers: Option<Vec<u64>> = page.iter().map(|o| o.id.trim().parse().ok()).collect();
    numbers.is_some_and(|n| n.windows(2).all(|w| w[0] < w[1]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(id: String, dated: bool) -> Order {
        Order {
            id,
            status: None,
            total: None,
            delivery: None,
            created_at: dated.then(|| "1 марта 2026".to_string()),
            contact: Vec::new(),
            payment: None,
            bonuses_used: None,
            items: Vec::new(),
        }
    }

    /// The kinds of server the cabinet meets. Each holds `total` orders, newest first with
    /// dates unless it is the published module (oldest first, no dates, numbered upwards).
    #[derive(Clone, Copy, Debug)]
    pub enum Server {
        /// Item offsets, as the document says.
        Spec,
        /// Everything, every time.
        IgnoresPaging,
        /// mobium.api 1.0.13: a page index; `0` or nothing means "limit 50, page 1".
        PublishedModule,
    }

    impl Server {
        fn answer(self, total: u32, req: &PageRequest) -> Vec<Order> {
            let limit = req.limit;
            let (skip, take) = match self {
                Self::Spec => (req.offset.parse::<u32>().unwrap_or(0), limit),
                Self::IgnoresPaging => (0, total),
                Self::PublishedModule => match req.offset.as_str() {
                    "" | "0" => (50, 50),
                    o => (o.parse::<u32>().unwrap_or(0).saturating_mul(limit), limit),
                },
            };
            let end = skip.saturating_add(take).min(total);
            (skip.min(total)..end)
                .map(|i| match self {
                    Self::PublishedModule => order((1000 + i).to_string(), false),
                    _ => order((100_000 - i).to_string(), true),
                })
                .collect()
        }
    }

    /// Page through `total` orders of `server` to the end; (ids in the server's order, requests,
    /// ending, newest last).
    pub fn run(server: Server, total: u32, page_size: u32) -> (Vec<String>, u32, Ending, bool) {
        let mut p = Paging::new(page_size);
        let mut all = Vec::new();
        while let Some(req) = p.next_request() {
            all.extend(p.accept(server.answer(total, &req)).into_iter().map(|o| o.id));
        }
        (all, p.requests(), p.ending().unwrap_or(Ending::Unsure), p.newest_last())
    }

    fn assert_all_once(ids: &[String], total: u32) {
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "an order listed twice");
        assert_eq!(ids.len(), total as usize, "orders missing");
    }

    #[test]
    fn the_first_request_asks_for_offset_00() {
        let p = Paging::new(20);
        assert_eq!(p.next_request(), Some(PageRequest { offset: "00".into(), limit: 20 }));
    }

    #[test]
    fn every_order_of_every_kind_of_server_once() {
        for server in [Server::Spec, Server::IgnoresPaging, Server::PublishedModule] {
            for total in [0, 1, 19, 20, 21, 40, 75, 137, 10_000] {
                let (ids, requests, ending, _) = run(server, total, 20);
                assert_all_once(&ids, total);
                assert_eq!(ending, Ending::Complete, "{server:?} with {total}");
                assert!(requests <= 2 + total / 20, "{server:?} with {total}: {requests}");
            }
        }
    }

    #[test]
    fn requests_per_history() {
        // The figures in the README: requests for a history of 20, 75 and 10 000 orders.
        let table: Vec<(Server, [u32; 3])> = vec![
            (Server::Spec, [2, 5, 501]),
            (Server::IgnoresPaging, [2, 2, 2]),
            (Server::PublishedModule, [2, 3, 21]),
        ];
        for (server, expected) in table {
            let got: Vec<u32> = [20, 75, 10_000].iter().map(|&n| run(server, n, 20).1).collect();
            println!("requests for 20 / 75 / 10 000 orders, pages of 20, {server:?}: {got:?}");
            assert_eq!(got, expected, "{server:?}");
        }
    }

    #[test]
    fn the_published_module_is_learned_and_shown_newest_first() {
        let mut p = Paging::new(20);
        let first = p.next_request().unwrap();
        p.accept(Server::PublishedModule.answer(75, &first));
        assert!(p.newest_last());
        let probe = p.next_request().unwrap();
        assert_eq!(probe.offset, "1");
        p.accept(Server::PublishedModule.answer(75, &probe));
        assert_eq!(p.scheme(), Scheme::PageIndex);
        // Page 2 of 20 is page 1 of 40.
        assert_eq!(p.next_request(), Some(PageRequest { offset: "1".into(), limit: 40 }));
    }

    #[test]
    fn a_newest_first_history_keeps_its_page_size() {
        let mut p = Paging::new(20);
        for _ in 0..3 {
            let req = p.next_request().unwrap();
            assert_eq!(req.limit, 20);
            p.accept(Server::Spec.answer(137, &req));
        }
        assert_eq!(p.scheme(), Scheme::ItemOffsets);
        assert!(!p.newest_last());
        assert_eq!(p.next_request().unwrap().offset, "41");
    }

    #[test]
    fn a_full_page_of_repeats_is_not_called_the_end() {
        let mut p = Paging::new(20);
        p.accept((0..20).map(|i: u32| order(i.to_string(), true)).collect());
        p.accept((0..20).map(|i: u32| order(i.to_string(), true)).collect());
        // Twenty of twenty again: everything again, the end.
        assert_eq!(p.ending(), Some(Ending::Complete));
        let mut p = Paging::new(20);
        p.accept((0..20).map(|i: u32| order(i.to_string(), true)).collect());
        p.accept((20..40).map(|i: u32| order(i.to_string(), true)).collect());
        p.accept((10..30).map(|i: u32| order(i.to_string(), true)).collect());
        assert_eq!(p.ending(), Some(Ending::Unsure), "twenty seen orders of forty");
    }

    #[test]
    fn mixed_behaviour_gives_each_order_once_in_bounded_requests() {
        // Pages longer than asked, repeated ids, ids as numbers then as strings of the same text.
        let mut p = Paging::new(20);
        let mut all = Vec::new();
        let mut n = 0u32;
        while let Some(req) = p.next_request() {
            n += 1;
            let start = (n - 1) * 15;
            let page: Vec<Order> = (start..start + 30)
                .filter(|i| *i < 200)
                .map(|i| order(i.to_string(), true))
                .collect();
            all.extend(p.accept(page).into_iter().map(|o| o.id));
            assert!(n < 100, "paging never ended: {req:?}");
        }
        let unique: HashSet<&String> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
    }

    #[test]
    fn a_server_inventing_ids_forever_is_cut_off() {
        let mut p = Paging::new(1);
        let mut n = 0u32;
        while p.next_request().is_some() {
            n += 1;
            p.accept(vec![order(format!("x{n}"), true)]);
        }
        assert_eq!(p.requests(), MAX_REQUESTS);
        assert_eq!(p.ending(), Some(Ending::Unsure));
    }

    #[test]
    fn oldest_first_is_told_by_numbers_going_up_without_dates() {
        let ids = |list: &[&str], dated| -> Vec<Order> {
            list.iter().map(|i| order(i.to_string(), dated)).collect()
        };
        assert!(numbered_upwards_without_dates(&ids(&["10", "11", "15"], false)));
        assert!(!numbered_upwards_without_dates(&ids(&["15", "11", "10"], false)));
        assert!(!numbered_upwards_without_dates(&ids(&["10", "11"], true)));
        assert!(!numbered_upwards_without_dates(&ids(&["A-10", "A-11"], false)));
        assert!(!numbered_upwards_without_dates(&ids(&["10"], false)));
    }
}
