//! "Was this helpful?" in the widget: the visitor's votes in this page view ([`Votes`], the
//! reducer behind the Yes / No buttons) and what may leave for `data-report` ([`Reporter`]: the
//! beacon [`Outbox`] behind the consent gate). Pure, so the rules are tested natively;
//! `hooks::use_feedback` wires both to the page.
//!
//! Nothing here is stored: votes live in memory for the page view. The reporter takes events
//! only while it is allowed (a `data-report` address and a current "Accept" of the cookie
//! notice); what happened before that is never queued, and [`Reporter::allow`]`(false)` (on
//! "Reject") drops whatever waits.

#[cfg(test)]
use crate::feedback::redact;
use crate::feedback::{Event, Outbox};

/// How long the outbox waits after its last event before it is sent (it is sent at once when
/// full, and when the page is hidden).
pub const IDLE_MS: u32 = 3_000;

/// The visitor's answer to "Was this helpful?" per question id, in this page view.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Votes {
    votes: Vec<(String, bool)>,
}

/// The visitor answered "Was this helpful?" for question `id`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vote {
    pub id: String,
    pub helpful: bool,
}

impl Votes {
    /// The vote on question `id`, if any.
    pub fn get(&self, id: &str) -> Option<bool> {
        self.votes
            .iter()
            .find(|(question, _)| question == id)
            .map(|(_, helpful)| *helpful)
    }

    /// The state after `vote`: a new vote, or a changed one (the last answer counts).
    pub fn apply(mut self, vote: Vote) -> Self {
        match self
            .votes
            .iter_mut()
            .find(|(question, _)| *question == vote.id)
        {
            Some((_, helpful)) => *helpful = vote.helpful,
            None => self.votes.push((vote.id, vote.helpful)),
        }
        self
    }
}

/// What a widget tells its report sender, in order (`Host::reports`). The widget says
/// [`Report::Allow`] when its consent gate opens or shuts, and sends votes and missed searches only
/// while it is open; the sender keeps its own [`Reporter`] gate too. In the one-script-tag build
/// the sender is a second wasm module that embed.js loads on the first `Allow(true)` (the
/// `reporter/` crate), so visitors who never accept never download it; a Yew app turns on the
/// `report` feature and gets it in its own module (`crate::report`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    /// The visitor accepted the cookie notice (`true`), or rejected or withdrew it.
    Allow(bool),
    Vote(Vote),
    /// A settled search that found nothing, as typed: the sender redacts it.
    Missed(String),
}

/// The beacon outbox behind the consent gate, and the votes already sent (so a changed vote
/// says which one it replaces: `previous` in the beacon).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporter {
    outbox: Outbox,
    sent: Votes,
    allowed: bool,
}

impl Reporter {
    /// A reporter for the FAQ at `faq_url`; it takes nothing until [`Reporter::allow`]ed.
    pub fn new(faq_url: &str) -> Self {
        Reporter {
            outbox: Outbox::new(faq_url),
            sent: Votes::default(),
            allowed: false,
        }
    }

    /// Whether events may be queued and sent now (a report address and a current acceptance).
    /// Turning it off drops every event that waits.
    pub fn allow(&mut self, allowed: bool) {
        self.allowed = allowed;
        if !allowed {
            while self.outbox.take_batch().is_some() {}
        }
    }

    /// Queues a vote (when allowed). True when the outbox is now full: send it.
    pub fn vote(&mut self, vote: &Vote, at_ms: u64) -> bool {
        self.allowed
            && self
                .outbox
                .vote(&vote.id, vote.helpful, self.sent.get(&vote.id), at_ms)
            && self.outbox.is_full()
    }

    /// Queues a missed search, `redacted` by `feedback::redact` or `redact_with` (when
    /// allowed). True when the outbox is now full: send it.
    pub fn missed(&mut self, redacted: String, at_ms: u64) -> bool {
        self.allowed && self.outbox.missed_redacted(redacted, at_ms) && self.outbox.is_full()
    }

    /// The next beacon's JSON body, taken out of the outbox; `None` when nothing waits or
    /// sending is not allowed. Its votes count as sent from now on.
    pub fn take(&mut self) -> Option<String> {
        if !self.allowed {
            return None;
        }
        let batch = self.outbox.take_batch()?;
        for event in &batch.events {
            if let Event::Vote {
                question, helpful, ..
            } = event
            {
                self.sent = std::mem::take(&mut self.sent).apply(Vote {
                    id: question.clone(),
                    helpful: *helpful,
                });
            }
        }
        Some(batch.to_json())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(id: &str, helpful: bool) -> Vote {
        Vote {
            id: id.into(),
            helpful,
        }
    }

    #[test]
    fn votes_are_per_question_and_changeable() {
        let votes = Votes::default();
        assert_eq!(votes.get("a"), None);
        let votes = votes.apply(vote("a", true)).apply(vote("b", false));
        assert_eq!((votes.get("a"), votes.get("b")), (Some(true), Some(false)));
        let votes = votes.apply(vote("a", false));
        assert_eq!(votes.get("a"), Some(false));
        assert_eq!(
            votes,
            Votes::default()
                .apply(vote("a", false))
                .apply(vote("b", false))
        );
    }

    #[test]
    fn nothing_is_queued_or_sent_before_it_is_allowed() {
        let mut reporter = Reporter::new("https://a.example/faq.json");
        assert!(!reporter.vote(&vote("a", true), 1));
        assert!(!reporter.missed(redact("order 12"), 2));
        reporter.allow(true);
        assert_eq!(
            reporter.take(),
            None,
            "what happened before is never queued"
        );
    }

    #[test]
    fn sent_votes_are_replaced_with_previous() {
        let mut reporter = Reporter::new("https://a.example/faq.json?x=1");
        reporter.allow(true);
        reporter.vote(&vote("a", true), 1);
        reporter.vote(&vote("a", false), 2);
        reporter.missed(redact("Order 12345 jane@example.org"), 3);
        assert_eq!(
            reporter.take().as_deref(),
            Some(
                r#"{"v":1,"faq":"https://a.example/faq.json","events":[{"type":"vote","question":"a","helpful":false,"at":2},{"type":"missed","query":"order [number] [email]","at":3}]}"#
            )
        );
        assert_eq!(reporter.take(), None);
        reporter.vote(&vote("a", true), 4);
        assert_eq!(
            reporter.take().as_deref(),
            Some(
                r#"{"v":1,"faq":"https://a.example/faq.json","events":[{"type":"vote","question":"a","helpful":true,"previous":false,"at":4}]}"#
            )
        );
    }

    #[test]
    fn reject_drops_what_waits_and_stops_sending() {
        let mut reporter = Reporter::new("https://a.example/faq.json");
        reporter.allow(true);
        reporter.vote(&vote("a", true), 1);
        reporter.allow(false);
        assert_eq!(reporter.take(), None);
        assert!(!reporter.vote(&vote("b", true), 2));
        reporter.allow(true);
        assert_eq!(reporter.take(), None, "dropped, not kept for later");
    }

    #[test]
    fn a_full_outbox_asks_to_be_sent() {
        let mut reporter = Reporter::new("https://a.example/faq.json");
        reporter.allow(true);
        let full: Vec<bool> = (0..crate::feedback::MAX_EVENTS)
            .map(|i| reporter.vote(&vote(&format!("q{i}"), true), i as u64))
            .collect();
        assert_eq!(full.iter().filter(|&&f| f).count(), 1);
        assert!(full[crate::feedback::MAX_EVENTS - 1]);
        assert!(reporter.take().is_some());
        assert!(!reporter.missed(redact("x"), 1));
    }
}
