//! `use_feedback`: "Was this helpful?" and missed searches, for the host page and the site owner.
//!
//! Purpose: what happens when the visitor votes (the votes themselves live in the widget's
//! [`ViewState`] reducer, `crate::feedback_state::Votes`, in memory only: nothing is stored), the
//! `faq-widget:feedback` event for the host's own analytics, and the beacons to `data-report`
//! (`Host::report`): votes and missed searches queue in a [`Reporter`] and leave with
//! `navigator.sendBeacon` when 20 wait, when the page is hidden (`visibilitychange`,
//! `pagehide`), and [`IDLE_MS`] after the last one.
//!
//! Consent: events queue and leave only while the visitor has accepted the cookie notice
//! ([`Consent::allows_storage`]). Nothing that happened before "Accept" is queued; "Reject" (or
//! a withdrawal in another widget or tab) drops what waits. A widget without a notice
//! (`data-cookie-notice="off"`, or faq.json has none) knows no consent and sends nothing.
//!
//! Arguments: `host`, the embedding page (the `data-report` address, the events); `consent`, the widget's [`Consent`] (from `use_consent`); `src`, the FAQ's URL
//! (the beacon's `faq`, without query or fragment); `view`, the dispatcher of the widget's
//! [`ViewState`], which keeps the votes and announces the thanks; `strings`, the interface texts
//! (the thanks).
//!
//! Returns a [`Feedback`] handle: `on_vote` (a [`Vote`]: tells the host, queues the beacon
//! event, updates the votes in `view`) and `on_missed` (a settled query without results: queues
//! it, redacted). It is made once per widget (in one `use_mut_ref`, without effects: the wasm
//! pays for each kind of hook state), so memoised children stay memoised.
//!
//! ```ignore
//! let consent = use_consent(&host, revision);
//! let state = use_reducer_eq(|| ViewState::new(count, None));
//! let feedback = use_feedback(&host, &consent, &src, state.dispatcher(), &strings);
//! let search = use_search(&host, &faq, &strings, "", &feedback.on_missed);
//! html! { <Accordion votes={state.votes.clone()} on_vote={Some(feedback.on_vote.clone())} /* ... */ /> }
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::Consent;
use crate::browser::storage::now_ms;
use crate::feedback_state::{Reporter, Vote, IDLE_MS};
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

/// What the callbacks share: the outbox behind the consent gate, the idle timer, the report
/// address, the texts of the moment, and the page listeners (removed with the widget).
struct Sender {
    reporter: RefCell<Reporter>,
    timer: RefCell<Option<Timeout>>,
    url: AttrValue,
    strings: RefCell<Rc<Strings>>,
}

impl Sender {
    /// Sends every batch that waits (nothing unless allowed).
    fn flush(&self) {
        while let Some(body) = self.reporter.borrow_mut().take() {
            crate::browser::dom::send_beacon(&self.url, &body);
        }
    }

    /// After an event: send now when the outbox is full, else once things are idle.
    fn queued(self: &Rc<Self>, full: bool) {
        if full {
            self.flush();
        } else if !self.url.is_empty() {
            let sender = self.clone();
            *self.timer.borrow_mut() = Some(Timeout::new(IDLE_MS, move || sender.flush()));
        }
    }
}

#[hook]
pub fn use_feedback(
    host: &Host,
    consent: &Consent,
    src: &AttrValue,
    view: UseReducerDispatcher<ViewState>,
    strings: &Rc<Strings>,
) -> Feedback {
    let host = host.clone();
    let made = use_mut_ref(|| {
        let sender = Rc::new(Sender {
            reporter: RefCell::new(Reporter::new(src)),
            timer: RefCell::new(None),
            url: host.report.clone(),
            strings: RefCell::new(strings.clone()),
        });
        let listeners = page_listeners(&sender);
        let on_vote = {
            let sender = sender.clone();
            Callback::from(move |vote: Vote| {
                host.emit(
                    "faq-widget:feedback",
                    Detail::new()
                        .text("id", &vote.id)
                        .flag("helpful", vote.helpful),
                );
                let full = sender.reporter.borrow_mut().vote(&vote, now_ms());
                let thanks = sender.strings.borrow().get("feedback.thanks");
                view.dispatch(Action::Vote(vote, thanks));
                sender.queued(full);
            })
        };
        let on_missed = {
            let sender = sender.clone();
            Callback::from(move |query: String| {
                let full = sender
                    .reporter
                    .borrow_mut()
                    .missed(crate::browser::text::redact(&query), now_ms());
                sender.queued(full);
            })
        };
        (sender, listeners, Feedback { on_vote, on_missed })
    });
    let made = made.borrow();
    let (sender, _, feedback) = &*made;
    // The consent gate, at each render: open after "Accept"; shut, dropping what waits, on
    // "Reject" and without a notice. The texts follow an updated FAQ.
    sender
        .reporter
        .borrow_mut()
        .allow(!sender.url.is_empty() && consent.allows_storage());
    *sender.strings.borrow_mut() = strings.clone();
    feedback.clone()
}

/// The page is being hidden (tab switch, navigation, closing): the last chance to send.
#[cfg(target_arch = "wasm32")]
fn page_listeners(sender: &Rc<Sender>) -> Vec<gloo_events::EventListener> {
    let Some(window) = web_sys::window().filter(|_| !sender.url.is_empty()) else {
        return Vec::new();
    };
    let flush = || {
        let sender = sender.clone();
        move |_: &web_sys::Event| sender.flush()
    };
    let mut listeners = vec![gloo_events::EventListener::new(
        &window,
        "pagehide",
        flush(),
    )];
    if let Some(document) = window.document() {
        // Sending early does no harm: no need to ask which way visibility went.
        listeners.push(gloo_events::EventListener::new(
            &document,
            "visibilitychange",
            flush(),
        ));
    }
    listeners
}

#[cfg(not(target_arch = "wasm32"))]
fn page_listeners(_sender: &Rc<Sender>) -> Vec<()> {
    Vec::new()
}
