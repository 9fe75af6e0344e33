//! Loading the FAQ, as pure state: from the network, else from the copy saved for offline use
//! (`crate::offline`); and quietly again, without leaving the FAQ on screen, when a service
//! worker says it stored a newer one or the browser is back online. `hooks::use_faq` does the
//! fetching and applies each [`Step`].

use std::rc::Rc;

use crate::faq::{load_for_display, Faq, LoadError};

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
                // The same FAQ: if it was the saved copy, it is now current (the note goes); it
                // may bring the texts of its language pack, which the copy lacked.
                LoadState::Ready(_) if text == self.fetched.text => {
                    self.state = LoadState::Ready(faq);
                    self.fetched.saved_ms = None;
                }
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

/// The FAQ in `text`, if the widget can show it; else why not.
pub fn validate(text: &str) -> Result<Rc<Faq>, LoadError> {
    let loaded = load_for_display(text);
    match (LoadError::from_loaded(text, &loaded), loaded.faq) {
        (None, Some(faq)) => Ok(Rc::new(faq)),
        (Some(error), _) => Err(error),
        (None, None) => Err(LoadError::Network),
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
