//! A budget of votes per client, per question, per day (`collect --votes-per-day N`, default 5;
//! issue 26). The rate limit bounds beacons a minute, but one client within it could still cast
//! a thousand votes on one question a day and turn its score; past its budget a client's votes on
//! that question are dropped until the next UTC day (missed searches are not counted). The
//! client is the rate limit's (the peer, or behind `--behind-proxy` the address the proxy
//! added; IPv6 by its /64), kept only as a keyed hash, like the rate limit's, and forgotten when
//! the day changes. Behind one shared address (an office, a campus) more people than the budget
//! who vote on the same question the same day count as the budget: raise it for such a site.
//!
//! The same record keeps each client's last vote on each question today, which is what a changed
//! vote's `previous` may take back: a `previous` that does not match it (no vote from this
//! client today, another answer, a forged beacon) is dropped, and the vote counts as a new one.
//! A visitor who changes a vote after midnight UTC or after the collector restarted is counted
//! once more than they should be; a forger can no longer subtract votes they never cast.

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
    spent: HashMap<u64, Spent>,
}

/// One client's votes on one question today: how many were kept, and the last one's answer.
struct Spent {
    votes: u32,
    last: bool,
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
    /// divided by [`DAY_MS`]), and spends them; drops the others. A kept vote's `previous`
    /// stays only when it is this client's last vote on that question today.
    pub fn spend(&self, client: IpAddr, batch: &mut Batch, day: i64) {
        let client = prefix(client);
        let mut today = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if today.day != day {
            today.day = day;
            today.spent.clear();
        }
        batch.events.retain_mut(|event| {
            let Event::Vote {
                question,
                helpful,
                previous,
                ..
            } = event
            else {
                return true;
            };
            let key = self.hasher.hash_one((client, &*question));
            let full = today.spent.len() >= MAX_PAIRS;
            match today.spent.get_mut(&key) {
                Some(spent) if spent.votes < self.per_day => {
                    spent.votes += 1;
                    if *previous != Some(spent.last) {
                        *previous = None;
                    }
                    spent.last = *helpful;
                    true
                }
                Some(_) => false,
                None if full => false,
                None => {
                    *previous = None;
                    let last = *helpful;
                    today.spent.insert(key, Spent { votes: 1, last });
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

    /// The `previous` of each kept vote, for votes `(question, helpful, previous)`.
    fn previous_kept(
        budget: &VoteBudget,
        client: &str,
        votes: &[(&str, bool, Option<bool>)],
        day: i64,
    ) -> Vec<Option<bool>> {
        let mut b = Batch {
            v: 1,
            faq: "https://www.example.org/faq.json".into(),
            events: votes
                .iter()
                .map(|&(question, helpful, previous)| Event::Vote {
                    question: question.into(),
                    helpful,
                    previous,
                    at: 0,
                })
                .collect(),
        };
        budget.spend(client.parse().unwrap(), &mut b, day);
        b.events
            .iter()
            .filter_map(|event| match event {
                Event::Vote { previous, .. } => Some(*previous),
                Event::Missed { .. } => None,
            })
            .collect()
    }

    #[test]
    fn a_previous_takes_back_only_this_clients_last_vote_of_today() {
        let budget = VoteBudget::new(5);
        let a = "192.0.2.1";
        // Never voted: a previous has nothing to take back.
        assert_eq!(
            previous_kept(&budget, a, &[("shipping", false, Some(true))], 0),
            [None]
        );
        // Its last vote was "no": a change to "yes" takes it back, in a later beacon too.
        assert_eq!(
            previous_kept(&budget, a, &[("shipping", true, Some(false))], 0),
            [Some(false)]
        );
        // A previous that is not its last answer, or another client's, takes nothing back.
        assert_eq!(
            previous_kept(&budget, a, &[("shipping", false, Some(false))], 0),
            [None]
        );
        assert_eq!(
            previous_kept(&budget, "192.0.2.2", &[("shipping", true, Some(false))], 0),
            [None]
        );
        // The last answer of `a` is now "no" (the vote before was kept as a new one).
        assert_eq!(
            previous_kept(&budget, a, &[("shipping", true, Some(false))], 0),
            [Some(false)]
        );
        // Another question, another day: nothing to take back.
        assert_eq!(
            previous_kept(&budget, a, &[("returns", true, Some(false))], 0),
            [None]
        );
        assert_eq!(
            previous_kept(&budget, a, &[("shipping", false, Some(true))], 1),
            [None]
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
