//! `use_feedback`: "Was this helpful?" and missed searches, for the host page and the site owner.
//!
//! Purpose: what happens when the visitor votes (the votes themselves live in the widget's
//! [`ViewState`] reducer, `crate::feedback_state::Votes`, in memory only: nothing is stored), the
//! `faq-widget:feedback` event for the host's own analytics, and the widget's side of the
//! beacons to `data-report`: the consent gate. While the visitor has accepted the cookie notice
//! ([`Consent::allows_storage`]) and the host has a report sender (`Host::reports`), votes and
//! missed searches go to it as [`Report`]s; the sender is told [`Report::Allow`] each time the
//! gate opens or shuts, and drops what waits when it shuts. Nothing that happened before
//! "Accept" is passed on. A widget without a notice (`data-cookie-notice="off"`, or faq.json has
//! none) knows no consent and reports nothing. The sending itself (batching, redaction,
//! `sendBeacon`) is `crate::report`, loaded only after "Accept" in the one-script-tag build.
//!
//! Arguments: `host`, the embedding page (its `reports` sender, the events); `consent`, the
//! widget's [`Consent`] (from `use_consent`); `view`, the dispatcher of the widget's
//! [`ViewState`], which keeps the votes and announces the thanks; `strings`, the interface texts
//! (the thanks).
//!
//! Returns a [`Feedback`] handle: `on_vote` (a [`Vote`]: tells the host, reports it, updates the
//! votes in `view`) and `on_missed` (a settled query without results: reports it). It is made
//! once per widget (in one `use_mut_ref`, without effects: the wasm pays for each kind of hook
//! state), so memoised children stay memoised.
//!
//! ```ignore
//! let consent = use_consent(&host, revision);
//! let state = use_reducer_eq(|| ViewState::new(count, None));
//! let feedback = use_feedback(&host, &consent, state.dispatcher(), &strings);
//! let search = use_search(&host, &faq, &strings, "", &feedback.on_missed);
//! html! { <Accordion votes={state.votes.clone()} on_vote={Some(feedback.on_vote.clone())} /* ... */ /> }
//! ```

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::Consent;
use crate::feedback_state::{Report, Vote};
use crate::host::{Detail, Host};
use crate::i18n::Strings;
use crate::state::{Action, ViewState};

/// The feedback of one widget, for its view.
#[derive(Clone, PartialEq)]
pub struct Feedback {
    /// The visitor voted (a new or a changed answer).
    pub on_vote: Callback<Vote>,
    /// A settled search found nothing: the query as typed.
    pub on_missed: Callback<String>,
}

/// What the callbacks share: the sender behind the gate, whether the gate is open, the texts of
/// the moment.
struct Gate {
    reports: Option<Callback<Report>>,
    open: Cell<bool>,
    strings: RefCell<Rc<Strings>>,
}

impl Gate {
    /// Passes `report` on while the visitor allows it.
    fn pass(&self, report: impl FnOnce() -> Report) {
        if let Some(reports) = self.reports.as_ref().filter(|_| self.open.get()) {
            reports.emit(report());
        }
    }
}

#[hook]
pub fn use_feedback(
    host: &Host,
    consent: &Consent,
    view: UseReducerDispatcher<ViewState>,
    strings: &Rc<Strings>,
) -> Feedback {
    let host = host.clone();
    let made = use_mut_ref(|| {
        let gate = Rc::new(Gate {
            reports: host.reports.clone(),
            open: Cell::new(false),
            strings: RefCell::new(strings.clone()),
        });
        let on_vote = {
            let gate = gate.clone();
            Callback::from(move |vote: Vote| {
                host.emit(
                    "faq-widget:feedback",
                    Detail::new()
                        .text("id", &vote.id)
                        .flag("helpful", vote.helpful),
                );
                gate.pass(|| Report::Vote(vote.clone()));
                let thanks = gate.strings.borrow().get("feedback.thanks");
                view.dispatch(Action::Vote(vote, thanks));
            })
        };
        let on_missed = {
            let gate = gate.clone();
            Callback::from(move |query: String| gate.pass(|| Report::Missed(query)))
        };
        (gate, Feedback { on_vote, on_missed })
    });
    let made = made.borrow();
    let (gate, feedback) = &*made;
    // The consent gate, at each render: open after "Accept"; shut on "Reject" and without a
    // notice. The sender hears each change. The texts follow an updated FAQ.
    if let Some(reports) = &gate.reports {
        let open = consent.allows_storage();
        if gate.open.replace(open) != open {
            reports.emit(Report::Allow(open));
        }
    }
    *gate.strings.borrow_mut() = strings.clone();
    feedback.clone()
}
