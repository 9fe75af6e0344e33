//! `use_search`: the search over one FAQ.
//!
//! Purpose: the query (restored from the URL's `faq-q`), what it shows (the pure
//! [`SearchState`] reducer and [`page`]), and the settled side effects: `SETTLE_MS` after the
//! last change the count is announced, the query goes into the URL and the host hears
//! `faq-widget:search`. The index is built after the questions paint (with the first search,
//! or when the first settle time passes), so a large FAQ shows before it is indexed.
//!
//! Arguments: `host`, the embedding page (for `faq-widget:search`); `faq`, the FAQ on screen; `strings`, the interface texts in its language;
//! `typed`, a query the visitor typed into a pre-rendered copy before the widget started (it
//! wins over the URL's).
//! `on_missed`, told each settled query that found nothing (`use_feedback`'s, for the report).
//! The host's `faq-widget:search` then has `missed: true`.
//!
//! Returns a [`Search`]: the state, the [`SearchView`] (results, "Show more" count, what to
//! mark) and `actions`, the callback that takes a [`SearchAction`].
//!
//! ```ignore
//! let search = use_search(&host, &faq, &strings, "", &feedback.on_missed);
//! html! {
//!     <SearchBox value={search.state.query.clone()}
//!                on_input={search.actions.reform(SearchAction::Query)} />
//! }
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::url;
use crate::faq::Faq;
use crate::host::{Detail, Host};
use crate::i18n::Strings;
use crate::search::{status_sentence, Highlighter, Outcome, SearchIndex};
use crate::search_state::{page, SearchAction, SearchState, PARAM, SETTLE_MS};

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

/// The index of one FAQ, built when first needed.
type LazyIndex = Rc<RefCell<Option<SearchIndex>>>;

fn with_index<T>(index: &LazyIndex, faq: &Faq, body: impl FnOnce(&SearchIndex) -> T) -> T {
    let mut slot = index.borrow_mut();
    let index = slot.get_or_insert_with(|| SearchIndex::new(&faq.questions, faq.lang.as_deref()));
    body(index)
}

#[hook]
pub fn use_search(
    host: &Host,
    faq: &Rc<Faq>,
    strings: &Rc<Strings>,
    typed: &str,
    on_missed: &Callback<String>,
) -> Search {
    let host = host.clone();
    let index: Rc<LazyIndex> = use_memo(faq.clone(), |_| LazyIndex::default());
    let typed = typed.to_owned();
    let state = use_reducer_eq(move || {
        let query = if typed.is_empty() {
            url::query_param(PARAM).unwrap_or_default()
        } else {
            typed
        };
        SearchState::new(query)
    });
    let view = {
        let index = index.clone();
        use_memo(
            (faq.clone(), state.query.clone(), state.limit),
            move |(faq, query, limit)| {
                // An empty query needs no index: every question, in order.
                let outcome = if query.trim().is_empty() && index.borrow().is_none() {
                    Outcome {
                        hits: (0..faq.questions.len()).collect(),
                        ..Outcome::default()
                    }
                } else {
                    with_index(&index, faq, |index| index.search(query))
                };
                let (shown, more) = page(&outcome, *limit);
                SearchView {
                    more,
                    shown: Rc::new(shown),
                    highlighter: (!outcome.highlighter.is_empty())
                        .then(|| Rc::new(outcome.highlighter.clone())),
                    outcome,
                }
            },
        )
    };

    // Settled side effects: announce, URL, host event. A new change drops (cancels) the timer
    // of the one before, and so does the widget's unmounting: a removed widget says nothing.
    // The pending timer, and how many changes have settled. One `use_mut_ref` for both: each
    // costs wasm bytes.
    let settle_state = use_mut_ref(|| (None::<gloo_timers::callback::Timeout>, 0u32));
    {
        let dispatcher = state.dispatcher();
        let strings = strings.clone();
        let faq = faq.clone();
        let on_missed = on_missed.clone();
        let counts = (view.outcome.hits.len(), view.outcome.closest.len());
        use_effect_with(
            (state.query.clone(), counts),
            move |(query, (hits, closest))| {
                let first = {
                    let settles = &mut settle_state.borrow_mut().1;
                    *settles += 1;
                    *settles == 1
                };
                let (query, hits, closest) = (query.clone(), *hits, *closest);
                let total = faq.questions.len();
                let settle = move || {
                    if first && query.trim().is_empty() {
                        // The first settle of an empty query says nothing; its time is when the
                        // index is built.
                        with_index(&index, &faq, |_| ());
                        return;
                    }
                    let text = status_sentence(&strings, &query, total, hits, closest);
                    let query = query.trim();
                    let results = if query.is_empty() { total } else { hits };
                    let missed = !query.is_empty() && hits == 0;
                    dispatcher.dispatch(SearchAction::Status(text));
                    // Not when the host's router owns the URL (`data-url-state="off"`).
                    if !first && host.url_state {
                        url::replace_query_param(PARAM, query);
                    }
                    host.emit(
                        "faq-widget:search",
                        Detail::new()
                            .text("query", query)
                            .number("results", results.min(u32::MAX as usize) as u32)
                            .flag("missed", missed),
                    );
                    if missed {
                        on_missed.emit(query.to_owned());
                    }
                };
                settle_state.borrow_mut().0 =
                    Some(gloo_timers::callback::Timeout::new(SETTLE_MS, settle));
                move || drop(settle_state.borrow_mut().0.take())
            },
        );
    }

    Search {
        actions: state.dispatcher().into(),
        state: Rc::new((*state).clone()),
        view,
    }
}
