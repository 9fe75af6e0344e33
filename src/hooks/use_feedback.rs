//! `use_feedback`: "Was this helpful?" and missed searches, for the host page and the site owner.
//!
//! Purpose: the visitor's votes in this page view (the pure [`Votes`] reducer, in memory only:
//! nothing is stored), the `faq-widget:feedback` event for the host's own analytics, and the
//! beacons to `data-report` (`Host::report`): votes and missed searches queue in a [`Reporter`]
//! and leave with `navigator.sendBeacon` when 20 wait, when the page is hidden
//! (`visibilitychange`, `pagehide`), when the widget goes away, and [`IDLE_MS`] after the last
//! one.
//!
//! Consent: events queue and leave only while the visitor has accepted the cookie notice
//! ([`Consent::allows_storage`]). Nothing that happened before "Accept" is queued; "Reject" (or
//! a withdrawal in another widget or tab) drops what waits. A widget without a notice
//! (`data-cookie-notice="off"`, or faq.json has none) knows no consent and sends nothing.
//!
//! Arguments: `consent`, the widget's [`Consent`] (from `use_consent`); `src`, the FAQ's URL
//! (the beacon's `faq`, without query or fragment).
//!
//! Returns a [`Feedback`] handle: `votes` to render, `on_vote` (a [`Vote`]: updates the votes,
//! tells the host, queues the beacon event) and `on_missed` (a settled query without results:
//! queues it, redacted). Both callbacks keep their identity across renders, so memoised
//! children stay memoised.
//!
//! ```ignore
//! let consent = use_consent(revision);
//! let feedback = use_feedback(&consent, &src);
//! let search = use_search(&faq, &strings, &feedback.on_missed);
//! let on_vote = feedback.on_vote.reform(|(id, helpful)| Vote { id, helpful });
//! html! { <Accordion votes={feedback.votes.clone()} on_vote={Some(on_vote)} /* ... */ /> }
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::Consent;
use crate::browser::storage::now_ms;
use crate::feedback_state::{Reporter, Vote, Votes, IDLE_MS};
use crate::host::{use_host, Detail};

/// The feedback of one widget, for its view.
#[derive(Clone, PartialEq)]
pub struct Feedback {
    /// The visitor's answers so far.
    pub votes: Rc<Votes>,
    /// The visitor voted (a new or a changed answer).
    pub on_vote: Callback<Vote>,
    /// A settled search found nothing: the query as typed.
    pub on_missed: Callback<String>,
}

impl Reducible for Votes {
    type Action = Vote;

    fn reduce(self: Rc<Self>, vote: Vote) -> Rc<Self> {
        Rc::new((*self).clone().apply(vote))
    }
}

type Shared = Rc<RefCell<Reporter>>;
type Timer = Rc<RefCell<Option<Timeout>>>;

/// Sends every batch that waits (nothing unless allowed).
fn flush(reporter: &Shared, url: &str) {
    while let Some(body) = reporter.borrow_mut().take() {
        crate::browser::dom::send_beacon(url, &body);
    }
}

/// After an event was queued: send now when the outbox is full, else once things are idle.
fn queued(full: bool, reporter: &Shared, timer: &Timer, url: &AttrValue) {
    if full {
        flush(reporter, url);
    } else if !url.is_empty() {
        let (reporter, url) = (reporter.clone(), url.clone());
        *timer.borrow_mut() = Some(Timeout::new(IDLE_MS, move || flush(&reporter, &url)));
    }
}

#[hook]
pub fn use_feedback(consent: &Consent, src: &AttrValue) -> Feedback {
    let host = use_host();
    let votes = use_reducer_eq(Votes::default);
    let reporter: Shared = use_mut_ref(|| Reporter::new(src));
    let timer: Timer = use_mut_ref(|| None);
    let url = host.report.clone();

    // The consent gate: open after "Accept"; shut, dropping what waits, otherwise.
    {
        let reporter = reporter.clone();
        let allowed = !url.is_empty() && consent.allows_storage();
        use_effect_with(allowed, move |allowed| {
            reporter.borrow_mut().allow(*allowed)
        });
    }
    // The page is being hidden (tab switch, navigation, closing): the last chance to send.
    {
        let reporter = reporter.clone();
        use_effect_with(url.clone(), move |url| {
            let url = url.clone();
            let listeners = page_listeners(&reporter, &url);
            move || {
                drop(listeners);
                flush(&reporter, &url);
            }
        });
    }

    let on_vote = {
        let (reporter, timer, url) = (reporter.clone(), timer.clone(), url.clone());
        let dispatcher = votes.dispatcher();
        use_callback((), move |vote: Vote, _| {
            host.emit(
                "faq-widget:feedback",
                Detail::new()
                    .text("id", &vote.id)
                    .flag("helpful", vote.helpful),
            );
            let full = reporter.borrow_mut().vote(&vote, now_ms());
            dispatcher.dispatch(vote);
            queued(full, &reporter, &timer, &url);
        })
    };
    let on_missed = use_callback((), move |query: String, _| {
        let full = reporter
            .borrow_mut()
            .missed(crate::browser::text::redact(&query), now_ms());
        queued(full, &reporter, &timer, &url);
    });
    Feedback {
        votes: Rc::new((*votes).clone()),
        on_vote,
        on_missed,
    }
}

#[cfg(target_arch = "wasm32")]
fn page_listeners(reporter: &Shared, url: &AttrValue) -> Vec<gloo_events::EventListener> {
    let mut listeners = Vec::new();
    let Some(window) = web_sys::window().filter(|_| !url.is_empty()) else {
        return listeners;
    };
    if let Some(document) = window.document() {
        let (reporter, url, page) = (reporter.clone(), url.clone(), document.clone());
        listeners.push(gloo_events::EventListener::new(
            &document,
            "visibilitychange",
            move |_| {
                if page.hidden() {
                    flush(&reporter, &url)
                }
            },
        ));
    }
    let (reporter, url) = (reporter.clone(), url.clone());
    listeners.push(gloo_events::EventListener::new(
        &window,
        "pagehide",
        move |_| flush(&reporter, &url),
    ));
    listeners
}

#[cfg(not(target_arch = "wasm32"))]
fn page_listeners(_reporter: &Shared, _url: &AttrValue) -> Vec<()> {
    Vec::new()
}
