//! `use_consent`: cookie consent for the whole widget.
//!
//! Purpose: the consent state of this page view (the pure [`ConsentState`]), what the visitor
//! can do with it (accept, reject, open the settings), and its side effects: the record in
//! storage, the cleanup on reject, the `faq-widget:consent` event, and choices made in other
//! widgets on the page and in other tabs.
//!
//! Arguments: `host`, the embedding page's options (`data-cookie-notice="off"` means no notice)
//! and the element its events start from; `revision`, faq.json's `cookie_notice.revision`
//! (`None`: no notice).
//!
//! Returns a [`Consent`] handle (cheap to clone and compare) to pass to the components that
//! need it. Its side effects at start are [`Consent::start`], which the caller runs once after
//! the first render and whose listeners it keeps until the widget goes (`FaqView` does, in its
//! one run-once effect).
//!
//! **Every feature that stores anything must ask first.** `FaqView` owns the widget's
//! [`Consent`] (`use_consent(&host, revision)`, called once); pass it (or what you need of it) to the
//! component that stores, and store only with the permit it hands out:
//!
//! ```text
//! if let Some(permit) = consent.permit() {          // `Some` only after "Accept"
//!     browser::storage::set(&permit, "open", "3,5"); // key becomes `faq-widget:open`
//! }
//! ```
//!
//! Reading is always allowed (`browser::storage::get`). The rules (see `crate::consent`):
//! - Until the visitor accepts, only the consent record is stored. On "Reject", and at start
//!   when there is no current acceptance (expired, or the notice revision went up), everything
//!   else under the `faq-widget:` prefix is deleted. A feature with its own in-memory copy of
//!   stored data should drop it when `allows_storage()` turns false.
//! - Without a notice (faq.json has no `cookie_notice`, or the script tag says
//!   `data-cookie-notice="off"` because the host runs its own consent manager), the widget shows
//!   no notice and no settings control, reads and writes no consent record, sends no consent
//!   event, and `allows_storage()` is false: it stores nothing at all. Storage the site owner
//!   declares essential (`data-offline="always"`, `Host::offline_always`) is that feature's own
//!   decision, not consent.
//! - One record per origin (`faq-widget:consent`), shared by every widget on the site. A choice
//!   made in one widget reaches the others on the page through the `faq-widget:consent` event
//!   (even when storage is blocked), and widgets in other tabs through the `storage` event.
//! - The host gets `faq-widget:consent` with `{ accepted, revision }` from the widget where the
//!   visitor chose, once at start from every widget that has a current stored choice, and from
//!   every widget when the record changes in another tab. The detail is a state, not a delta:
//!   a repeated event carries the same state.
//! - The state is read once, when the FAQ first shows (faq.json's revision cannot change under
//!   a mounted `FaqView`: a new fetch passes through the loading state and mounts a new one).

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::storage;
use crate::consent::{Choice, ConsentAction, ConsentState, Record, StoragePermit};
use crate::host::{Detail, Host};

/// The consent state of this page view, and the two things a visitor can do with it.
#[derive(Clone, PartialEq)]
pub struct Consent {
    state: UseReducerHandle<ConsentState>,
    host: Host,
}

impl Consent {
    /// Whether the widget may store anything beyond the consent record.
    pub fn allows_storage(&self) -> bool {
        self.state.allows_storage()
    }

    /// The permit `browser::storage::set` needs; `Some` only while the visitor has accepted.
    pub fn permit(&self) -> Option<StoragePermit> {
        self.state.permit()
    }

    /// The visitor's current choice, if there is one that answers the notice.
    pub fn choice(&self) -> Option<Choice> {
        self.state.choice()
    }

    /// Whether this widget has a notice (and a "Cookie settings" control) at all.
    pub fn has_notice(&self) -> bool {
        self.state.revision.is_some()
    }

    /// Whether the notice is shown.
    pub fn is_open(&self) -> bool {
        self.state.open
    }

    /// Records a choice made in this widget: stores it, deletes the widget's other data on
    /// reject, tells the host. `false` when it could not be stored (it holds for this page view).
    pub fn choose(&self, choice: Choice) -> bool {
        let Some(record) = self.state.decision(choice, storage::now_ms()) else {
            return false;
        };
        let saved = storage::save_record(&record);
        if !record.accepted() {
            storage::clear_widget_data(self.host.offline_always);
        }
        self.state.dispatch(ConsentAction::Decide(record));
        emit(&self.host, &record);
        saved
    }

    /// Shows or hides the notice without choosing ("Cookie settings").
    pub fn toggle(&self) {
        self.state.dispatch(ConsentAction::Toggle);
    }

    /// The widget this consent belongs to.
    pub fn host(&self) -> &Host {
        &self.host
    }

    /// Once, after the widget's first render (in `FaqView`'s one run-once effect, not an effect
    /// of this hook: each `use_effect_with` costs about 1 KB of wasm): drops what no current
    /// acceptance covers, tells the host a stored choice, and listens to choices made in other
    /// widgets and tabs until the returned listeners are dropped (when the widget goes).
    pub fn start(&self) -> Vec<Listener> {
        let Some(revision) = self.state.revision else {
            return Vec::new();
        };
        if !self.state.allows_storage() {
            storage::clear_widget_data(self.host.offline_always);
        }
        if let Some(record) = self.state.record {
            emit(&self.host, &record);
        }
        listeners(revision, self.state.dispatcher(), self.host.clone())
    }
}

impl Reducible for ConsentState {
    type Action = ConsentAction;

    fn reduce(self: Rc<Self>, action: ConsentAction) -> Rc<Self> {
        let next = (*self).clone().apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

const EVENT: &str = "faq-widget:consent";

fn emit(host: &Host, record: &Record) {
    host.emit(
        EVENT,
        Detail::new()
            .flag("accepted", record.accepted())
            .number("revision", record.revision),
    );
}

/// The widget's consent; `revision` is faq.json's `cookie_notice.revision` (`None`: no notice).
/// Call it once per widget (`FaqView` does) and pass the handle down.
#[hook]
pub fn use_consent(host: &Host, revision: Option<u32>) -> Consent {
    let host = host.clone();
    let revision = revision.filter(|_| host.cookie_notice);
    let state = use_reducer(move || start(revision));
    Consent { state, host }
}

fn start(revision: Option<u32>) -> ConsentState {
    // No notice: the record is not even read.
    let stored = revision.and_then(|_| storage::load_record());
    ConsentState::new(revision, stored, storage::now_ms())
}

/// A listener that lasts until dropped (nothing outside a browser).
#[cfg(target_arch = "wasm32")]
pub type Listener = gloo_events::EventListener;
/// A listener that lasts until dropped (nothing outside a browser).
#[cfg(not(target_arch = "wasm32"))]
pub type Listener = ();

/// Choices made in another widget on this page (its `faq-widget:consent` event, which bubbles to
/// the window) and in other tabs (the `storage` event).
#[cfg(target_arch = "wasm32")]
fn listeners(
    revision: u32,
    dispatcher: UseReducerDispatcher<ConsentState>,
    host: Host,
) -> Vec<Listener> {
    use wasm_bindgen::{JsCast, JsValue};

    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let mut listeners = Vec::new();
    {
        let dispatcher = dispatcher.clone();
        let host = host.clone();
        listeners.push(gloo_events::EventListener::new(
            &window,
            EVENT,
            move |event| {
                // Only another widget's events: not our own, not anything else that uses the name.
                let Some(source) = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                if host.is_element(&source) || !crate::host::is_widget_target(&source) {
                    return;
                }
                let Some(event) = event.dyn_ref::<web_sys::CustomEvent>() else {
                    return;
                };
                let detail = event.detail();
                let field = |key: &str| js_sys::Reflect::get(&detail, &JsValue::from_str(key)).ok();
                let accepted = field("accepted").and_then(|v| v.as_bool());
                let revision = field("revision").and_then(|v| v.as_f64());
                if let (Some(accepted), Some(revision)) = (accepted, revision) {
                    let now = storage::now_ms();
                    let record = Record {
                        choice: if accepted {
                            Choice::Accepted
                        } else {
                            Choice::Rejected
                        },
                        // Saturating casts: a revision that is no u32 cannot match by accident.
                        revision: revision as u32,
                        time_ms: now,
                    };
                    dispatcher.dispatch(ConsentAction::Sync(Some(record), now));
                }
            },
        ));
    }
    listeners.push(gloo_events::EventListener::new(
        &window,
        "storage",
        move |event| {
            let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let key = event.key();
            // `key` is null when the other tab cleared all of storage.
            if key.is_some() && key != Some(storage::full_key(crate::consent::RECORD_KEY)) {
                return;
            }
            let now = storage::now_ms();
            let record = event
                .new_value()
                .and_then(|value| Record::parse(&value))
                .filter(|record| record.is_current(revision, now));
            dispatcher.dispatch(ConsentAction::Sync(record, now));
            emit(
                &host,
                &record.unwrap_or(Record {
                    choice: Choice::Rejected,
                    revision,
                    time_ms: now,
                }),
            );
        },
    ));
    listeners
}

#[cfg(not(target_arch = "wasm32"))]
fn listeners(
    _revision: u32,
    _dispatcher: UseReducerDispatcher<ConsentState>,
    _host: Host,
) -> Vec<Listener> {
    Vec::new()
}
