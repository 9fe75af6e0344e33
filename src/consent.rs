//! PURE: the cookie-consent rules. What the visitor chose, when that choice stops counting, how
//! it is written down, and what the widget may store because of it. No browser code here: the
//! hook (`hooks::use_consent`) and the storage glue (`browser::storage`) apply these rules.
//!
//! The rules, in short:
//! - One record per origin, under the key [`RECORD_KEY`]: the choice, the notice revision it
//!   answered and the time (ms since the epoch). The record itself is strictly necessary storage.
//! - A record stops counting after [`MAX_AGE_MS`] (12 months), when it lies in the future (a
//!   clock that was wrong when it was written), when faq.json's `cookie_notice.revision` is higher
//!   than the stored one, or when it cannot be read: in all those cases the notice asks again.
//! - Nothing but the record may be stored until the visitor accepts; the only way to write any
//!   other key is a [`StoragePermit`], which only a current acceptance hands out, with one
//!   explicit exception: the offline copy, when faq.json has no notice or the site owner declares
//!   it essential (`data-offline="always"`), see [`offline_ground`].

/// The key of the consent record, inside the widget's storage namespace.
pub const RECORD_KEY: &str = "consent";

const DAY_MS: u64 = 24 * 60 * 60 * 1000;
/// A choice counts for 12 months (365 days); then the notice asks again.
pub const MAX_AGE_MS: u64 = 365 * DAY_MS;
/// How far in the future a record's time may lie (clock adjustments) before it stops counting.
const FUTURE_SLACK_MS: u64 = DAY_MS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Accepted,
    Rejected,
}

/// What the visitor chose, for which notice revision, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub choice: Choice,
    pub revision: u32,
    /// Milliseconds since the Unix epoch.
    pub time_ms: u64,
}

impl Record {
    /// The stored form: `v1|a|<revision>|<time>` (`a` accepted, `r` rejected), integers only.
    pub fn serialise(&self) -> String {
        let mut text = String::from(match self.choice {
            Choice::Accepted => "v1|a|",
            Choice::Rejected => "v1|r|",
        });
        push_digits(&mut text, self.revision.into());
        text.push('|');
        push_digits(&mut text, self.time_ms);
        text
    }

    /// Reads a stored record; anything that is not exactly a record (garbage, another version, a
    /// value edited by hand, numbers out of range) is no record, so the notice asks again.
    pub fn parse(text: &str) -> Option<Record> {
        let mut parts = text.trim().split('|');
        if parts.next()? != "v1" {
            return None;
        }
        let choice = match parts.next()? {
            "a" => Choice::Accepted,
            "r" => Choice::Rejected,
            _ => return None,
        };
        let revision = digits(parts.next()?)?.try_into().ok()?;
        let time_ms = digits(parts.next()?)?;
        if parts.next().is_some() {
            return None;
        }
        Some(Record {
            choice,
            revision,
            time_ms,
        })
    }

    /// Whether this record still answers the notice at `revision` at time `now_ms`.
    pub fn is_current(&self, revision: u32, now_ms: u64) -> bool {
        self.revision >= revision
            && now_ms.saturating_sub(self.time_ms) <= MAX_AGE_MS
            && self.time_ms <= now_ms.saturating_add(FUTURE_SLACK_MS)
    }

    pub fn accepted(&self) -> bool {
        self.choice == Choice::Accepted
    }
}

/// Writes `value` in decimal (by hand: the formatting machinery costs more wasm than this).
pub(crate) fn push_digits(text: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    text.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// ASCII digits only (no sign, no spaces, no `+`), as a u64.
pub(crate) fn digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Proof that the visitor accepted the current notice: `browser::storage::set` needs one, so
/// code that stores anything beyond the consent record cannot compile without asking first.
/// Only [`ConsentState::permit`] makes one, and [`OfflineGround::permit`] for the offline copy.
#[derive(Debug)]
pub struct StoragePermit(());

/// Why the widget may keep the FAQ for offline use (its service worker and its saved copy,
/// see `crate::offline`): both are storage, so they need one of these grounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineGround {
    /// The visitor accepted the cookie notice.
    Accepted,
    /// faq.json has no `cookie_notice`: its owner asks no consent for the widget's storage.
    NoNotice,
    /// `data-offline="always"`: the site owner declares the offline copy essential storage and
    /// takes responsibility for it. The only permit that does not come from the visitor.
    Essential,
}

impl OfflineGround {
    /// The permit to write the saved copy with.
    pub fn permit(self) -> StoragePermit {
        StoragePermit(())
    }
}

/// The ground for keeping offline copies, if there is one. `accepted`: the visitor's current
/// choice accepts the notice (`ConsentState::allows_storage`); `faq_has_notice`: faq.json has a
/// `cookie_notice`; `host_notice`: the host did not set `data-cookie-notice="off"` (a host with
/// its own consent manager gets no offline copy unless it also sets `data-offline="always"`);
/// `always`: `data-offline="always"`.
pub fn offline_ground(
    accepted: bool,
    faq_has_notice: bool,
    host_notice: bool,
    always: bool,
) -> Option<OfflineGround> {
    if always {
        Some(OfflineGround::Essential)
    } else if !host_notice {
        None
    } else if !faq_has_notice {
        Some(OfflineGround::NoNotice)
    } else {
        accepted.then_some(OfflineGround::Accepted)
    }
}

/// Consent during one page view, for one widget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConsentState {
    /// The revision of the notice this widget shows; `None` when it shows none (faq.json has no
    /// `cookie_notice`, or the host set `data-cookie-notice="off"`): then nothing beyond the
    /// essential is stored and the widget reads and writes no consent record.
    pub revision: Option<u32>,
    /// The choice that answers this notice, if any (never an outdated or expired one).
    pub record: Option<Record>,
    /// Whether the notice is shown.
    pub open: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentAction {
    /// The visitor chose in this widget.
    Decide(Record),
    /// A choice made elsewhere: another widget on this page, or another tab (`None`: the record
    /// was removed there). Closes the notice when it answers it; never opens it.
    Sync(Option<Record>, u64),
    /// "Cookie settings": show or hide the notice without choosing.
    Toggle,
}

impl ConsentState {
    /// The state at start: the notice is shown unless `stored` answers it.
    pub fn new(revision: Option<u32>, stored: Option<Record>, now_ms: u64) -> Self {
        let Some(current) = revision else {
            return ConsentState::default();
        };
        let record = stored.filter(|r| r.is_current(current, now_ms));
        ConsentState {
            revision,
            record,
            open: record.is_none(),
        }
    }

    pub fn choice(&self) -> Option<Choice> {
        self.record.map(|r| r.choice)
    }

    /// Whether the widget may store anything beyond the consent record.
    pub fn allows_storage(&self) -> bool {
        self.revision.is_some() && self.record.is_some_and(|r| r.accepted())
    }

    pub fn permit(&self) -> Option<StoragePermit> {
        self.allows_storage().then_some(StoragePermit(()))
    }

    /// A record for a choice made now in this widget; `None` when it shows no notice.
    pub fn decision(&self, choice: Choice, now_ms: u64) -> Option<Record> {
        Some(Record {
            choice,
            revision: self.revision?,
            time_ms: now_ms,
        })
    }

    pub fn apply(mut self, action: ConsentAction) -> Self {
        let Some(current) = self.revision else {
            return self;
        };
        match action {
            ConsentAction::Decide(record) => {
                self.record = Some(record);
                self.open = false;
            }
            ConsentAction::Sync(record, now_ms) => {
                self.record = record.filter(|r| r.is_current(current, now_ms));
                if self.record.is_some() {
                    self.open = false;
                }
            }
            ConsentAction::Toggle => self.open = !self.open,
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_750_000_000_000;

    fn record(choice: Choice, revision: u32, time_ms: u64) -> Record {
        Record {
            choice,
            revision,
            time_ms,
        }
    }

    #[test]
    fn records_round_trip_compactly() {
        let accepted = record(Choice::Accepted, 3, NOW);
        assert_eq!(accepted.serialise(), "v1|a|3|1750000000000");
        assert_eq!(Record::parse(&accepted.serialise()), Some(accepted));
        let rejected = record(Choice::Rejected, 0, 0);
        assert_eq!(rejected.serialise(), "v1|r|0|0");
        assert_eq!(Record::parse("v1|r|0|0"), Some(rejected));
        assert_eq!(
            Record::parse(" v1|a|1|5\n"),
            Some(record(Choice::Accepted, 1, 5))
        );
        let max = record(Choice::Accepted, u32::MAX, u64::MAX);
        assert_eq!(Record::parse(&max.serialise()), Some(max));
    }

    #[test]
    fn garbage_is_no_record() {
        for text in [
            "",
            "v1",
            "v1|a|1",
            "v1|a|1|",
            "v1|x|1|5",
            "v1|A|1|5",
            "v2|a|1|5",
            "v1|a|1|5|extra",
            "v1|a|-1|5",
            "v1|a|+1|5",
            "v1|a|1.5|5",
            "v1|a|1|5e3",
            "v1|a| 1|5",
            "v1|a|4294967296|5",
            "v1|a|1|18446744073709551616",
            "{\"accepted\":true}",
            "true",
            "v1|a|１|5",
        ] {
            assert_eq!(Record::parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn a_record_expires_after_twelve_months() {
        let r = record(Choice::Accepted, 1, NOW);
        assert!(r.is_current(1, NOW));
        assert!(r.is_current(1, NOW + MAX_AGE_MS));
        assert!(!r.is_current(1, NOW + MAX_AGE_MS + 1));
        assert!(!r.is_current(1, NOW + 400 * DAY_MS));
        assert!(r.is_current(1, NOW + 364 * DAY_MS));
    }

    #[test]
    fn a_higher_revision_asks_again_a_lower_one_does_not() {
        let r = record(Choice::Rejected, 2, NOW);
        assert!(!r.is_current(3, NOW));
        assert!(r.is_current(2, NOW));
        assert!(
            r.is_current(1, NOW),
            "the owner lowering the revision does not ask again"
        );
    }

    #[test]
    fn a_record_from_the_future_does_not_count() {
        let r = record(Choice::Accepted, 1, NOW + 2 * DAY_MS);
        assert!(!r.is_current(1, NOW));
        assert!(record(Choice::Accepted, 1, NOW + 60_000).is_current(1, NOW));
    }

    #[test]
    fn first_visit_shows_the_notice_and_allows_nothing() {
        let state = ConsentState::new(Some(1), None, NOW);
        assert!(state.open);
        assert_eq!(state.choice(), None);
        assert!(!state.allows_storage());
        assert!(state.permit().is_none());
    }

    #[test]
    fn a_current_choice_hides_the_notice() {
        let accepted = ConsentState::new(Some(1), Some(record(Choice::Accepted, 1, NOW)), NOW);
        assert!(!accepted.open);
        assert!(accepted.allows_storage());
        assert!(accepted.permit().is_some());
        let rejected = ConsentState::new(Some(1), Some(record(Choice::Rejected, 1, NOW)), NOW);
        assert!(!rejected.open);
        assert_eq!(rejected.choice(), Some(Choice::Rejected));
        assert!(!rejected.allows_storage());
    }

    #[test]
    fn an_outdated_or_expired_choice_asks_again_and_allows_nothing() {
        let old = ConsentState::new(Some(2), Some(record(Choice::Accepted, 1, NOW)), NOW);
        assert!(old.open);
        assert_eq!(old.record, None);
        assert!(!old.allows_storage());
        let expired = ConsentState::new(
            Some(1),
            Some(record(Choice::Accepted, 1, NOW - MAX_AGE_MS - 1)),
            NOW,
        );
        assert!(expired.open);
        assert!(!expired.allows_storage());
    }

    #[test]
    fn without_a_notice_nothing_is_shown_or_stored() {
        let state = ConsentState::new(None, Some(record(Choice::Accepted, 1, NOW)), NOW);
        assert_eq!(state, ConsentState::default());
        assert!(!state.allows_storage());
        assert_eq!(state.decision(Choice::Accepted, NOW), None);
        let after = state
            .clone()
            .apply(ConsentAction::Toggle)
            .apply(ConsentAction::Sync(
                Some(record(Choice::Accepted, 1, NOW)),
                NOW,
            ));
        assert_eq!(after, state);
    }

    #[test]
    fn deciding_records_the_notice_revision_and_closes() {
        let state = ConsentState::new(Some(4), None, NOW);
        let decision = state.decision(Choice::Accepted, NOW).unwrap();
        assert_eq!(decision, record(Choice::Accepted, 4, NOW));
        let state = state.apply(ConsentAction::Decide(decision));
        assert!(!state.open);
        assert!(state.allows_storage());
    }

    #[test]
    fn withdrawing_is_as_easy_as_giving() {
        let state = ConsentState::new(Some(1), Some(record(Choice::Accepted, 1, NOW)), NOW)
            .apply(ConsentAction::Toggle);
        assert!(state.open, "Cookie settings reopens the notice");
        let decision = state.decision(Choice::Rejected, NOW + 5).unwrap();
        let state = state.apply(ConsentAction::Decide(decision));
        assert!(!state.open);
        assert!(!state.allows_storage());
        assert_eq!(state.choice(), Some(Choice::Rejected));
        let state = state
            .apply(ConsentAction::Toggle)
            .apply(ConsentAction::Toggle);
        assert!(!state.open, "settings toggles without choosing");
        assert_eq!(state.choice(), Some(Choice::Rejected));
    }

    #[test]
    fn offline_copies_need_acceptance_no_notice_or_the_owners_declaration() {
        let accepted = ConsentState::new(Some(1), Some(record(Choice::Accepted, 1, NOW)), NOW);
        let rejected = ConsentState::new(Some(1), Some(record(Choice::Rejected, 1, NOW)), NOW);
        let first_visit = ConsentState::new(Some(1), None, NOW);
        let ground = |state: &ConsentState, faq_notice, host_notice, always| {
            offline_ground(state.allows_storage(), faq_notice, host_notice, always)
        };
        assert_eq!(ground(&first_visit, true, true, false), None);
        assert_eq!(ground(&rejected, true, true, false), None);
        assert_eq!(
            ground(&accepted, true, true, false),
            Some(OfflineGround::Accepted)
        );
        // No notice in faq.json: nothing to ask.
        assert_eq!(
            ground(&ConsentState::default(), false, true, false),
            Some(OfflineGround::NoNotice)
        );
        // The host runs its own consent manager: the widget keeps nothing of its own accord.
        assert_eq!(ground(&ConsentState::default(), true, false, false), None);
        assert_eq!(ground(&ConsentState::default(), false, false, false), None);
        // The owner's declaration holds whatever the visitor chose.
        for state in [&first_visit, &rejected, &accepted, &ConsentState::default()] {
            assert_eq!(
                ground(state, true, true, true),
                Some(OfflineGround::Essential)
            );
            assert_eq!(
                ground(state, true, false, true),
                Some(OfflineGround::Essential)
            );
        }
    }

    #[test]
    fn a_choice_made_elsewhere_closes_the_notice_when_it_answers_it() {
        let open = ConsentState::new(Some(2), None, NOW);
        let answered = open.clone().apply(ConsentAction::Sync(
            Some(record(Choice::Accepted, 2, NOW)),
            NOW,
        ));
        assert!(!answered.open);
        assert!(answered.allows_storage());
        // A widget with an older notice answered: this one still asks, and allows nothing.
        let older = open.clone().apply(ConsentAction::Sync(
            Some(record(Choice::Accepted, 1, NOW)),
            NOW,
        ));
        assert!(older.open);
        assert!(!older.allows_storage());
        // Withdrawn (or removed) elsewhere: storage stops, the notice does not pop open.
        let withdrawn = answered.clone().apply(ConsentAction::Sync(
            Some(record(Choice::Rejected, 2, NOW)),
            NOW,
        ));
        assert!(!withdrawn.allows_storage());
        assert!(!withdrawn.open);
        let removed = answered.apply(ConsentAction::Sync(None, NOW));
        assert!(!removed.allows_storage());
        assert!(!removed.open);
    }
}
