//! The search as the visitor left it: query, how many results to render, the settled count.
//! Pure; `hooks::use_search` wires it to the page.

use crate::search::Outcome;

/// The URL query parameter that holds the search; prefixed so it will not clash with the host's.
pub const PARAM: &str = "faq-q";
/// Results rendered at once; "Show more" adds as many again. Rendering is what costs per
/// keystroke (the search itself takes well under a millisecond at 10,000 questions), so the page
/// is short enough to re-render within a frame; every shown result stays a real, findable,
/// printable element (no virtual scrolling).
pub const PAGE: usize = 20;
/// How long the query must stay unchanged before it is announced, put in the URL and sent to
/// the host: screen readers hear the count once, not per keystroke.
pub const SETTLE_MS: u32 = 500;

/// The search as the visitor left it.
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

/// What a search shows at `limit`: the questions to render now (its hits, or the closest
/// questions when there are none) and how many more "Show more" would add.
pub fn page(outcome: &Outcome, limit: usize) -> (Vec<usize>, usize) {
    let list = if outcome.hits.is_empty() {
        &outcome.closest
    } else {
        &outcome.hits
    };
    let shown = list[..list.len().min(limit)].to_vec();
    let more = list.len() - shown.len();
    (shown, more)
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
