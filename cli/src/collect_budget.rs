//! A budget of votes per client, per question, per day (`collect --votes-per-day N`, default 5;
//! issue 26). The rate limit bounds beacons a minute, but one client within it could still cast
//! a thousand votes on one question a day and turn its score; past its budget a client's votes on
//! that question are dropped until the next UTC day (missed searches are not counted). The
//! client is the rate limit's (the peer, or behind `--behind-proxy` the address the proxy
//! added; IPv6 by its /64), kept only as a keyed hash, like the rate limit's, and forgotten when
//! the day changes. Behind one shared address (an office, a campus) more people than the budget
//! who vote on the same question the same day count as the budget: raise it for such a site.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};

use faq_widget::feedback::{Batch, Event};

use crate::collect_limit::prefix;

/// Past this many (client, question) pairs in one day, new pairs get no votes until the next
/// day: memory stays bounded (about 24 MB) under a flood from many addresses, and a flood can
/// only silence votes, never add them.
const MAX_PAIRS: usize = 1_000_000;

/// Milliseconds in a day: days are UTC days of the collector's clock.
pub const DAY_MS: i64 = 86_400_000;

pub struct VoteBudget {
    per_day: u32,
    hasher: RandomState,
    state: Mutex<Today>,
}

struct Today {
    day: i64,
    spent: HashMap<u64, u32>,
}

impl VoteBudget {
    pub fn new(per_day: u32) -> VoteBudget {
        VoteBudget {
            per_day,
            hasher: RandomState::new(),
            state: Mutex::new(Today {
                day: i64::MIN,
                spent: HashMap::new(),
            }),
        }
    }

    /// Keeps the votes of `batch` that `client` may still cast on `day` (ms since the epoch
    /// divided by [`DAY_MS`]), and spends them; drops the others.
    pub fn spend(&self, client: IpAddr, batch: &mut Batch, day: i64) {
        let client = prefix(client);
        let mut today = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if today.day != day {
            today.day = day;
            today.spent.clear();
        }
        batch.events.retain(|event| {
            let Event::Vote { question, .. } = event else {
                return true;
            };
            let key = self.hasher.hash_one((client, question));
            let full = today.spent.len() >= MAX_PAIRS;
            match today.spent.get_mut(&key) {
                Some(spent) if *spent < self.per_day => {
                    *spent += 1;
                    true
                }
                Some(_) => false,
                None if full => false,
                None => {
                    today.spent.insert(key, 1);
                    true
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(ids: &[&str]) -> Batch {
        Batch {
            v: 1,
            faq: "https://www.example.org/faq.json".into(),
            events: ids
                .iter()
                .map(|id| Event::Vote {
                    question: (*id).into(),
                    helpful: false,
                    previous: None,
                    at: 0,
                })
                .chain([Event::Missed {
                    query: "refund".into(),
                    at: 0,
                }])
                .collect(),
        }
    }

    fn kept(budget: &VoteBudget, client: &str, ids: &[&str], day: i64) -> usize {
        let mut b = batch(ids);
        budget.spend(client.parse().unwrap(), &mut b, day);
        assert!(
            matches!(b.events.last(), Some(Event::Missed { .. })),
            "missed searches are never dropped"
        );
        b.events.len() - 1
    }

    #[test]
    fn each_client_has_its_budget_per_question_per_day() {
        let budget = VoteBudget::new(2);
        assert_eq!(kept(&budget, "192.0.2.1", &["shipping"], 0), 1);
        assert_eq!(kept(&budget, "192.0.2.1", &["shipping", "returns"], 0), 2);
        assert_eq!(kept(&budget, "192.0.2.1", &["shipping"], 0), 0, "spent");
        assert_eq!(
            kept(&budget, "192.0.2.1", &["returns"], 0),
            1,
            "another question"
        );
        assert_eq!(
            kept(&budget, "192.0.2.2", &["shipping"], 0),
            1,
            "another client"
        );
        assert_eq!(
            kept(&budget, "192.0.2.1", &["shipping"], 1),
            1,
            "the next day"
        );
    }

    #[test]
    fn ipv6_clients_share_their_64() {
        let budget = VoteBudget::new(1);
        assert_eq!(kept(&budget, "2001:db8:1:2::1", &["shipping"], 0), 1);
        assert_eq!(kept(&budget, "2001:db8:1:2::ffff", &["shipping"], 0), 0);
        assert_eq!(kept(&budget, "2001:db8:1:3::1", &["shipping"], 0), 1);
    }
}
