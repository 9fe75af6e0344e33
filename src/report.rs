//! The report sender (the `report` feature): takes a widget's [`Report`]s and sends its votes and
//! missed searches to `data-report` as beacons (`navigator.sendBeacon`, JSON as `text/plain`, no
//! cookies), batched by the pure [`Reporter`]: when 20 wait, when the page is hidden
//! (`visibilitychange`, `pagehide`), [`IDLE_MS`] after the last one, and when the sender is
//! dropped. Missed queries are redacted here (`browser::text::redact`).
//!
//! Why a feature and not part of every widget: this is ~3.8 KB brotli of wasm (BENCHMARKS.md,
//! "Feedback"), and most visitors never accept. The one-script-tag build leaves it out of the
//! widget's wasm; embed.js loads the `reporter/` crate (this module behind `wasm-bindgen`) after
//! the visitor's first "Accept" on a page with `data-report`. A Yew app that sets `FaqWidget`'s
//! `report` prop turns the feature on and gets it in its own module.
//!
//! ```ignore
//! let reports = faq_widget::report::sender("https://www.example.org/faq-feedback", "/faq.json");
//! reports.emit(Report::Allow(true));
//! reports.emit(Report::Vote(Vote { id: "shipping".into(), helpful: true }));
//! ```

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use yew::Callback;

use crate::browser::storage::now_ms;
use crate::feedback_state::{Report, Reporter, IDLE_MS};

/// One widget's sender: the outbox behind the consent gate, the idle timer and the page
/// listeners (removed with it).
pub struct Sender {
    reporter: RefCell<Reporter>,
    timer: RefCell<Option<Timeout>>,
    url: String,
    listeners: RefCell<Vec<Listener>>,
}

#[cfg(target_arch = "wasm32")]
type Listener = gloo_events::EventListener;
#[cfg(not(target_arch = "wasm32"))]
type Listener = ();

impl Sender {
    /// A sender to `url` (an absolute `http(s)` URL) for the FAQ at `faq_url` (the beacon's
    /// `faq`, without query or fragment). It sends nothing until told [`Report::Allow`]`(true)`.
    pub fn new(url: &str, faq_url: &str) -> Rc<Self> {
        let sender = Rc::new(Sender {
            reporter: RefCell::new(Reporter::new(faq_url)),
            timer: RefCell::new(None),
            url: url.to_owned(),
            listeners: RefCell::new(Vec::new()),
        });
        *sender.listeners.borrow_mut() = page_listeners(Rc::downgrade(&sender));
        sender
    }

    /// Takes one report from the widget.
    pub fn receive(self: &Rc<Self>, report: Report) {
        let full = {
            let mut reporter = self.reporter.borrow_mut();
            match report {
                Report::Allow(allowed) => {
                    reporter.allow(allowed);
                    return;
                }
                Report::Vote(vote) => reporter.vote(&vote, now_ms()),
                Report::Missed(query) => {
                    reporter.missed(crate::browser::text::redact(&query), now_ms())
                }
            }
        };
        if full {
            self.flush();
        } else {
            let sender = Rc::downgrade(self);
            *self.timer.borrow_mut() = Some(Timeout::new(IDLE_MS, move || {
                if let Some(sender) = sender.upgrade() {
                    sender.flush();
                }
            }));
        }
    }

    /// Sends every batch that waits (nothing unless allowed).
    pub fn flush(&self) {
        loop {
            // The borrow ends before sending.
            let Some(body) = self.reporter.borrow_mut().take() else {
                break;
            };
            crate::browser::dom::send_beacon(&self.url, &body);
        }
    }
}

impl Drop for Sender {
    /// A widget that goes away sends what its visitor allowed and it still holds.
    fn drop(&mut self) {
        self.flush();
    }
}

/// A widget's `Host::reports` for `url`: a [`Sender`] for the FAQ at `faq_url` behind a callback
/// (the sender lives as long as the callback). `None` unless `url` is an absolute `http:` or
/// `https:` URL.
pub fn sender(url: &str, faq_url: &str) -> Option<Callback<Report>> {
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return None;
    }
    let sender = Sender::new(url, faq_url);
    Some(Callback::from(move |report| sender.receive(report)))
}

/// The page is being hidden (tab switch, navigation, closing): the last chance to send.
#[cfg(target_arch = "wasm32")]
fn page_listeners(sender: Weak<Sender>) -> Vec<Listener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let flush = || {
        let sender = sender.clone();
        move |_: &web_sys::Event| {
            if let Some(sender) = sender.upgrade() {
                sender.flush();
            }
        }
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
fn page_listeners(_sender: Weak<Sender>) -> Vec<Listener> {
    Vec::new()
}
