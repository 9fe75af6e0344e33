//! `use_faq`: loads the FAQ for a widget.
//!
//! Purpose: fetch and validate the faq.json at `src` (using the request embed.js may already
//! have started), fall back to the copy saved for offline use when the network fails, and take
//! newer versions in place, quietly, when a service worker says it stored one or the browser is
//! back online. The rules are the pure [`crate::load::Loader`]; this hook does the fetching.
//!
//! Arguments: `src`, the FAQ's URL; `host`, the embedding page's options (they decide whether
//! a saved copy may be read and whether a service worker may keep the response); `fetch`:
//! `false` when the FAQ is given some other way (nothing is requested).
//!
//! Returns a [`FaqLoad`]: the load state, where the FAQ on screen came from, and `retry`.
//!
//! ```ignore
//! let FaqLoad { state, fetched, retry } = use_faq(props.src.clone(), &host, true);
//! match state {
//!     LoadState::Loading => html! { <p role="status">{ "Loading…" }</p> },
//!     LoadState::Failed(error) => html! { <ErrorView {error} on_retry={retry} /> },
//!     LoadState::Ready(faq) => html! { <FaqView {faq} {fetched} /> },
//! }
//! ```

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::fetch::{fetch_text, Requests};
use crate::browser::{storage, worker};
use crate::faq::{Faq, LoadError};
use crate::host::Host;
use crate::load::{validate, Fetched, LoadState, Loader, Step};
use crate::offline::{self, SavedCopy};

impl Reducible for Loader {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new((*self).clone().apply(step))
    }
}

/// What `use_faq` gives the widget.
pub struct FaqLoad {
    pub state: LoadState,
    pub fetched: Fetched,
    /// Fetches again from scratch (the "Try again" button).
    pub retry: Callback<()>,
}

#[hook]
pub fn use_faq(src: AttrValue, host: &Host, fetch: bool) -> FaqLoad {
    let loader = use_reducer_eq(Loader::default);
    // This load's requests: aborted when the widget goes or loads another FAQ (the effect's
    // clean-up below), so the memo follows the effect's dependencies.
    let requests = use_memo((src.clone(), fetch), |_| Requests::new());
    // A load from scratch: at the start, and on "Try again" (straight from the click: a counter
    // in state for an effect to watch costs a hook state type in the wasm, BENCHMARKS.md).
    let start = {
        let dispatcher = loader.dispatcher();
        let (src, host, requests) = (src.clone(), host.clone(), requests.clone());
        move || {
            dispatcher.dispatch(Step::Start);
            spawn_fetch(&src, &host, &dispatcher, &requests, false);
        }
    };
    // One effect for the load and for quietly loading again: the worker stored a newer copy,
    // or the browser is back online.
    {
        let dispatcher = loader.dispatcher();
        let host = host.clone();
        let start = start.clone();
        use_effect_with((src, fetch), move |(src, fetch)| {
            let fetch = *fetch;
            if fetch {
                start();
            }
            let refresh = {
                let (src, requests) = (src.clone(), requests.clone());
                move || {
                    if fetch {
                        spawn_fetch(&src, &host, &dispatcher, &requests, true);
                    }
                }
            };
            let listeners = (
                worker::on_update(src, refresh.clone()),
                worker::on_online(refresh),
            );
            move || {
                requests.abort();
                // The listeners are this closure's: removed when it is dropped, after it ran.
                let _ = &listeners;
            }
        });
    }
    let retry = Callback::from(move |()| start());
    FaqLoad {
        state: loader.state.clone(),
        fetched: loader.fetched.clone(),
        retry,
    }
}

/// One fetch; `quiet`: one that changes nothing on failure (the FAQ on screen stays). A load
/// from scratch that outlasts `host.timeout_ms` settles as [`LoadError::Timeout`] (the saved
/// copy, else the message with "Try again"); its answer, if it still comes, then shows quietly.
fn spawn_fetch(
    src: &AttrValue,
    host: &Host,
    dispatcher: &UseReducerDispatcher<Loader>,
    requests: &Rc<Requests>,
    quiet: bool,
) {
    let (src, host, dispatcher, requests) = (
        src.clone(),
        host.clone(),
        dispatcher.clone(),
        requests.clone(),
    );
    let settled = Rc::new(std::cell::Cell::new(false));
    // Held by the request below and dropped (cancelled) when its answer comes, never forgotten:
    // a forgotten timer's closure stays in wasm memory for good, and with it the dispatcher and
    // the whole loaded FAQ (33 KB for each widget a single-page app removed, BENCHMARKS.md
    // "Single-page apps").
    let timeout = (!quiet && host.timeout_ms > 0).then(|| {
        let settled = settled.clone();
        let (src, host, dispatcher) = (src.clone(), host.clone(), dispatcher.clone());
        gloo_timers::callback::Timeout::new(host.timeout_ms, move || {
            if !settled.replace(true) {
                let error = LoadError::Timeout(host.timeout_ms);
                dispatcher.dispatch(settle(Err(error), &src, &host));
            }
        })
    });
    wasm_bindgen_futures::spawn_local(async move {
        let url = offline::fetch_url(&src, cacheable(&src, &host));
        let result = fetch_text(&url, &requests).await;
        drop(timeout);
        let late = settled.replace(true);
        let result = result.and_then(|text| Ok((validate(&text)?, text)));
        let step = match (result, quiet || late) {
            (Ok((faq, text)), true) => Step::Fresh {
                faq,
                text: text.into(),
            },
            (Err(_), true) => return,
            (result, false) => settle(result, &src, &host),
        };
        // The FAQ waits for its language's pack: its controls never show in English first.
        // (A saved copy that a timeout shows has none; the late answer brings it.)
        let mut step = step;
        if let Step::Loaded { faq, .. } | Step::Fresh { faq, .. } = &mut step {
            let texts = host.pack(faq.lang.as_deref().unwrap_or("en")).await;
            // Just read, so not shared yet.
            if let Some(faq) = Rc::get_mut(faq) {
                faq.ui.extend(texts);
            }
        }
        dispatcher.dispatch(step);
    });
}

/// Whether the widget may read its saved copies: not when the host runs its own consent
/// manager (`data-cookie-notice="off"`: no storage at all) unless it declared them essential.
fn may_read(host: &Host) -> bool {
    host.cookie_notice || host.offline_always
}

/// Whether to let a service worker keep this fetch (`offline::MARKER`). Decided before the FAQ
/// (and so its notice revision) is known: `data-offline="always"`, a current acceptance of any
/// revision, or a saved copy (which only exists with a ground, e.g. a FAQ without a notice).
/// A FAQ whose notice asks again clears the worker's caches once it shows (`use_offline`).
fn cacheable(src: &str, host: &Host) -> bool {
    host.offline_always
        || host.cookie_notice
            && (storage::load_record()
                .is_some_and(|r| r.accepted() && r.is_current(0, storage::now_ms()))
                || storage::get(&offline::copy_key(src)).is_some())
}

/// The outcome of a load from scratch: the fetched FAQ; else, when the network failed or the
/// server may recover, the copy saved last time (if valid); else the error, "offline" when no
/// answer came.
fn settle(result: Result<(Rc<Faq>, String), LoadError>, src: &str, host: &Host) -> Step {
    let error = match result {
        Ok((faq, text)) => {
            return Step::Loaded {
                faq,
                text: text.into(),
                saved_ms: None,
            }
        }
        Err(error) => error,
    };
    let saved = (error.is_transient() && may_read(host))
        .then(|| storage::get(&offline::copy_key(src)))
        .flatten()
        .and_then(|stored| SavedCopy::parse(&stored))
        .and_then(|copy| Some((validate(&copy.text).ok()?, copy)));
    match (saved, error) {
        (Some((faq, copy)), _) => Step::Loaded {
            faq,
            text: copy.text.into(),
            saved_ms: Some(copy.saved_ms),
        },
        (None, LoadError::Network) => Step::Failed(LoadError::Offline),
        (None, error) => Step::Failed(error),
    }
}
