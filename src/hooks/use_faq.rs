//! Loading the FAQ: from the network, else from the copy saved for offline use
//! (`crate::offline`); and quietly again, without leaving the FAQ on screen, when a service
//! worker says it stored a newer one or the browser is back online.

use std::rc::Rc;

use yew::prelude::*;

use crate::browser::fetch::fetch_text;
use crate::browser::{storage, worker};
use crate::faq::{load_for_display, Faq, LoadError};
use crate::host::Host;
use crate::offline::{self, SavedCopy};

#[derive(Debug, Clone, PartialEq, Default)]
pub enum LoadState {
    #[default]
    Loading,
    Ready(Rc<Faq>),
    Failed(LoadError),
}

/// The text of the FAQ on screen and where it came from: what the offline notes say and what
/// the saved copy keeps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fetched {
    /// The faq.json text, as fetched (or as saved).
    pub text: Rc<str>,
    /// `Some(ms since the epoch)`: the network failed and this is the copy saved then.
    pub saved_ms: Option<u64>,
    /// How many times a newer FAQ replaced the one on screen (the view announces each).
    pub updates: u32,
}

/// What `use_faq` gives the app.
pub struct FaqLoad {
    pub state: LoadState,
    pub fetched: Fetched,
    /// Fetches again from scratch (the "Try again" button).
    pub retry: Callback<()>,
}

/// The loader's state; pure, so the update rules are tested natively.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loader {
    pub state: LoadState,
    pub fetched: Fetched,
    /// A newer FAQ that arrived while the load from scratch was still on its way (the worker
    /// answers that load from its cache and may say "updated" before the page has read it).
    pending: Option<(Rc<Faq>, Rc<str>)>,
}

#[derive(Debug)]
pub enum Step {
    /// A load from scratch starts.
    Start,
    Loaded {
        faq: Rc<Faq>,
        text: Rc<str>,
        saved_ms: Option<u64>,
    },
    Failed(LoadError),
    /// A quiet fetch (worker update, back online) brought this valid FAQ.
    Fresh {
        faq: Rc<Faq>,
        text: Rc<str>,
    },
}

impl Loader {
    pub fn apply(mut self, step: Step) -> Self {
        match step {
            Step::Start => return Loader::default(),
            Step::Loaded {
                faq,
                text,
                saved_ms,
            } => {
                self.state = LoadState::Ready(faq);
                self.fetched = Fetched {
                    text,
                    saved_ms,
                    updates: 0,
                };
                if let Some((faq, text)) = self.pending.take() {
                    return self.apply(Step::Fresh { faq, text });
                }
            }
            Step::Failed(error) => {
                if let Some((faq, text)) = self.pending.take() {
                    return self.apply(Step::Loaded {
                        faq,
                        text,
                        saved_ms: None,
                    });
                }
                self.state = LoadState::Failed(error);
                self.fetched = Fetched::default();
            }
            Step::Fresh { faq, text } => match self.state {
                // The same FAQ: if it was the saved copy, it is now current (the note goes).
                LoadState::Ready(_) if text == self.fetched.text => self.fetched.saved_ms = None,
                LoadState::Ready(_) => {
                    self.state = LoadState::Ready(faq);
                    self.fetched = Fetched {
                        text,
                        saved_ms: None,
                        updates: self.fetched.updates.wrapping_add(1),
                    };
                }
                LoadState::Failed(_) => {
                    return self.apply(Step::Loaded {
                        faq,
                        text,
                        saved_ms: None,
                    })
                }
                // Applied when the load from scratch lands (it may bring the older copy).
                LoadState::Loading => self.pending = Some((faq, text)),
            },
        }
        self
    }
}

impl Reducible for Loader {
    type Action = Step;

    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new((*self).clone().apply(step))
    }
}

/// Fetches and validates the FAQ at `src`, falls back to its saved copy when the network fails,
/// and takes newer versions in place; `retry` fetches again from scratch.
#[hook]
pub fn use_faq(src: AttrValue, host: &Host) -> FaqLoad {
    let loader = use_reducer_eq(Loader::default);
    let attempt = use_state_eq(|| 0u32);
    {
        let dispatcher = loader.dispatcher();
        let host = host.clone();
        use_effect_with((src.clone(), *attempt), move |(src, _)| {
            dispatcher.dispatch(Step::Start);
            spawn_fetch(src.clone(), host, dispatcher, false);
        });
    }
    // Quietly again: the worker stored a newer copy, or the browser is back online.
    {
        let dispatcher = loader.dispatcher();
        let host = host.clone();
        use_effect_with(src, move |src| {
            let refresh = {
                let src = src.clone();
                move || spawn_fetch(src.clone(), host.clone(), dispatcher.clone(), true)
            };
            let listeners = (
                worker::on_update(src, refresh.clone()),
                worker::on_online(refresh),
            );
            move || {
                let _stop = listeners;
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    FaqLoad {
        state: loader.state.clone(),
        fetched: loader.fetched.clone(),
        retry,
    }
}

/// One fetch; `quiet`: one that changes nothing on failure (the FAQ on screen stays).
fn spawn_fetch(src: AttrValue, host: Host, dispatcher: UseReducerDispatcher<Loader>, quiet: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        let url = offline::fetch_url(&src, cacheable(&src, &host));
        let result = fetch_text(&url).await;
        let result = result.and_then(|text| Ok((validate(&text)?, text)));
        match (result, quiet) {
            (Ok((faq, text)), true) => dispatcher.dispatch(Step::Fresh {
                faq,
                text: text.into(),
            }),
            (Err(_), true) => {}
            (result, false) => dispatcher.dispatch(settle(result, &src, &host)),
        }
    });
}

fn validate(text: &str) -> Result<Rc<Faq>, LoadError> {
    let loaded = load_for_display(text);
    match (LoadError::from_loaded(text, &loaded), loaded.faq) {
        (None, Some(faq)) => Ok(Rc::new(faq)),
        (Some(error), _) => Err(error),
        (None, None) => Err(LoadError::Network),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn faq(title: &str) -> (Rc<Faq>, Rc<str>) {
        let text = format!(
            r#"{{"title": "{title}", "questions": [{{"question": "Q?", "answer": "A."}}]}}"#
        );
        (validate(&text).unwrap(), text.into())
    }

    fn loaded(title: &str, saved_ms: Option<u64>) -> Loader {
        let (faq, text) = faq(title);
        Loader::default().apply(Step::Loaded {
            faq,
            text,
            saved_ms,
        })
    }

    #[test]
    fn a_newer_faq_replaces_the_one_on_screen_and_counts_as_an_update() {
        let (new, new_text) = faq("New");
        let next = loaded("Old", None).apply(Step::Fresh {
            faq: new.clone(),
            text: new_text.clone(),
        });
        assert_eq!(next.state, LoadState::Ready(new.clone()));
        assert_eq!(next.fetched.updates, 1);
        assert_eq!(next.fetched.text, new_text);
        let same = next.clone().apply(Step::Fresh {
            faq: new,
            text: new_text,
        });
        assert_eq!(same, next, "the same text again is no update");
    }

    #[test]
    fn back_online_with_the_same_faq_drops_the_offline_note_only() {
        let offline = loaded("Same", Some(5));
        let (faq, text) = faq("Same");
        let online = offline.clone().apply(Step::Fresh { faq, text });
        assert_eq!(online.fetched.saved_ms, None);
        assert_eq!(online.fetched.updates, 0);
        assert_eq!(online.state, offline.state);
    }

    #[test]
    fn a_quiet_fetch_after_a_failure_or_during_a_load_shows_the_faq() {
        let (faq, text) = faq("Back");
        let failed = Loader::default().apply(Step::Failed(LoadError::Offline));
        let ready = failed.apply(Step::Fresh {
            faq: faq.clone(),
            text: text.clone(),
        });
        assert_eq!(ready.state, LoadState::Ready(faq.clone()));
        assert_eq!(ready.fetched.updates, 0);
        assert_eq!(ready.apply(Step::Start), Loader::default());
        // During a load: kept until the load lands, failed or not.
        let failed = Loader::default()
            .apply(Step::Fresh {
                faq: faq.clone(),
                text: text.clone(),
            })
            .apply(Step::Failed(LoadError::Offline));
        assert_eq!(failed.state, LoadState::Ready(faq));
        assert_eq!(failed.fetched.updates, 0);
    }

    #[test]
    fn an_update_that_overtakes_the_load_from_the_cache_still_counts() {
        let (new, new_text) = faq("New");
        let (old, old_text) = faq("Old");
        let next = Loader::default()
            .apply(Step::Fresh {
                faq: new.clone(),
                text: new_text.clone(),
            })
            .apply(Step::Loaded {
                faq: old,
                text: old_text,
                saved_ms: None,
            });
        assert_eq!(next.state, LoadState::Ready(new.clone()));
        assert_eq!(next.fetched.updates, 1);
        // The same text from both: no update.
        let same = Loader::default()
            .apply(Step::Fresh {
                faq: new.clone(),
                text: new_text.clone(),
            })
            .apply(Step::Loaded {
                faq: new,
                text: new_text,
                saved_ms: None,
            });
        assert_eq!(same.fetched.updates, 0);
    }
}
