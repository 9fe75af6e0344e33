use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::browser::url;
use crate::faq::Faq;
use crate::host::{use_host, Detail};
use crate::i18n::Strings;
use crate::search::{status_sentence, Highlighter, Outcome, SearchIndex};

/// The URL query parameter that holds the search; prefixed so it will not clash with the host's.
pub const PARAM: &str = "faq-q";
/// Results rendered at once; "Show more" adds as many again. Rendering is what costs per
/// keystroke (the search itself takes well under a millisecond at 10,000 questions), so the page
/// is short enough to re-render within a frame; every shown result stays a real, findable,
/// printable element (no virtual scrolling).
pub const PAGE: usize = 20;
/// How long the query must stay unchanged before it is announced, put in the URL and sent to
/// the host: screen readers hear the count once, not per keystroke.
pub const SETTLE: Duration = Duration::from_millis(500);

/// The search as the visitor left it. Pure; the hook below wires it to the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchState {
    pub query: String,
    /// How many results to render.
    pub limit: usize,
    /// The settled count sentence for the polite live region.
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchAction {
    /// A new query: back to the first page of results.
    Query(String),
    ShowMore,
    /// Question `index` must be shown (a link to it): clear the query, render far enough.
    Reveal(usize),
    Status(String),
}

impl SearchState {
    pub fn new(query: String) -> Self {
        SearchState {
            query,
            limit: PAGE,
            status: String::new(),
        }
    }

    pub fn apply(mut self, action: SearchAction) -> Self {
        match action {
            SearchAction::Query(query) => {
                self.query = query;
                self.limit = PAGE;
            }
            SearchAction::ShowMore => self.limit += PAGE,
            SearchAction::Reveal(index) => {
                self.query.clear();
                self.limit = self.limit.max(index + 1);
            }
            SearchAction::Status(status) => self.status = status,
        }
        self
    }
}

impl Reducible for SearchState {
    type Action = SearchAction;

    fn reduce(self: Rc<Self>, action: SearchAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// What one query shows.
#[derive(PartialEq)]
pub struct SearchView {
    pub outcome: Outcome,
    /// The questions to render now (results, or the closest ones when there are none).
    pub shown: Rc<Vec<usize>>,
    /// How many more "Show more" would add.
    pub more: usize,
    pub highlighter: Option<Rc<Highlighter>>,
}

pub struct Search {
    pub state: Rc<SearchState>,
    pub view: Rc<SearchView>,
    pub actions: Callback<SearchAction>,
}

/// The search over `faq`: the index (built once per FAQ), the query (restored from the URL),
/// what it shows, and the settled side effects (live region, URL, `faq-widget:search` event).
#[hook]
pub fn use_search(faq: &Rc<Faq>, strings: &Rc<Strings>) -> Search {
    let host = use_host();
    let index = use_memo(faq.clone(), |faq| {
        SearchIndex::new(&faq.questions, faq.lang.as_deref())
    });
    let state = use_reducer_eq(|| SearchState::new(url::query_param(PARAM).unwrap_or_default()));
    let view = {
        let index = index.clone();
        use_memo(
            (faq.clone(), state.query.clone(), state.limit),
            move |(_, query, limit)| {
                let outcome = index.search(query);
                let list = if outcome.hits.is_empty() {
                    &outcome.closest
                } else {
                    &outcome.hits
                };
                let shown = list[..list.len().min(*limit)].to_vec();
                SearchView {
                    more: list.len() - shown.len(),
                    shown: Rc::new(shown),
                    highlighter: (!outcome.highlighter.is_empty())
                        .then(|| Rc::new(outcome.highlighter.clone())),
                    outcome,
                }
            },
        )
    };

    // Settled side effects: announce, URL, host event.
    let generation = use_mut_ref(|| 0u32);
    {
        let dispatcher = state.dispatcher();
        let strings = strings.clone();
        let total = faq.questions.len();
        let counts = (view.outcome.hits.len(), view.outcome.closest.len());
        use_effect_with(
            (state.query.clone(), counts),
            move |(query, (hits, closest))| {
                let mine = {
                    let mut generation = generation.borrow_mut();
                    *generation += 1;
                    *generation
                };
                let (query, hits, closest) = (query.clone(), *hits, *closest);
                let first = mine == 1;
                if !(first && query.trim().is_empty()) {
                    wasm_bindgen_futures::spawn_local(async move {
                        yew::platform::time::sleep(SETTLE).await;
                        if *generation.borrow() != mine {
                            return;
                        }
                        let text = status_sentence(&strings, &query, total, hits, closest);
                        let results = if query.trim().is_empty() { total } else { hits };
                        dispatcher.dispatch(SearchAction::Status(text));
                        if !first {
                            url::replace_query_param(PARAM, query.trim());
                        }
                        host.emit(
                            "faq-widget:search",
                            Detail::new()
                                .text("query", query.trim())
                                .number("results", results.min(u32::MAX as usize) as u32),
                        );
                    });
                }
            },
        );
    }

    Search {
        actions: state.dispatcher().into(),
        state: Rc::new((*state).clone()),
        view,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_query_starts_at_the_first_page() {
        let state = SearchState::new("a".into())
            .apply(SearchAction::ShowMore)
            .apply(SearchAction::ShowMore);
        assert_eq!(state.limit, 3 * PAGE);
        let state = state.apply(SearchAction::Query("ab".into()));
        assert_eq!((state.query.as_str(), state.limit), ("ab", PAGE));
    }

    #[test]
    fn reveal_clears_the_query_and_reaches_the_question() {
        let state = SearchState::new("europol".into()).apply(SearchAction::Reveal(120));
        assert_eq!(state.query, "");
        assert_eq!(state.limit, 121);
        let state = SearchState::new(String::new()).apply(SearchAction::Reveal(3));
        assert_eq!(state.limit, PAGE);
    }
}
