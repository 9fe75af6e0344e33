//! Search: running the query, the list of results, and the settled count, URL and event.

use super::*;

impl Widget {
    /// Runs the query at the current limit.
    pub(super) fn run_search(&mut self) {
        let Some(view) = &mut self.view else { return };
        view.outcome = if view.index.is_none() && view.search.query.trim().is_empty() {
            Outcome {
                hits: (0..view.faq.questions.len()).collect(),
                ..Outcome::default()
            }
        } else {
            let faq = &view.faq;
            view.index
                .get_or_insert_with(|| SearchIndex::new(&faq.questions, faq.lang.as_deref()))
                .search(&view.search.query)
        };
        let (shown, more) = page(&view.outcome, view.search.limit);
        view.shown = shown;
        view.more = more;
    }

    pub(super) fn search(&mut self, action: SearchAction) {
        let Some(view) = &mut self.view else { return };
        view.search = view.search.clone().apply(action);
        self.run_search();
        self.render_results();
        self.settle_if_changed();
    }

    /// The "no results" note and the list of questions, after a search changed.
    pub(super) fn render_results(&self) {
        let Some(view) = &self.view else { return };
        let props = view.props();
        let current = view
            .section
            .query_selector(".faq-no-results")
            .ok()
            .flatten();
        let Ok(Some(list)) = view.section.query_selector(".faq-accordion") else {
            return;
        };
        match (current, app::results_note(&props)) {
            (Some(dom), Some(node)) => morph(&self.document, &dom, &node),
            (Some(dom), None) => remove(&dom),
            (None, Some(node)) => {
                let _ = view
                    .section
                    .insert_before(&create(&self.document, &node), Some(&list));
            }
            (None, None) => {}
        }
        replace(&self.document, &list, &app::questions(&props));
    }

    /// Question `index` must be on screen (a link to it): a search that hides it, or a page of
    /// results that ends before it, makes way; then it scrolls into view.
    pub(super) fn reveal(&mut self, index: usize) {
        if self.button(index).is_none() {
            self.search(SearchAction::Reveal(index));
            if let Some(input) = self.input() {
                input.set_value("");
            }
        }
        if let Some(button) = self.button(index) {
            dom::scroll_to(&button);
        }
    }

    /// Once the query and its counts changed: after `SETTLE_MS` without another change, the
    /// count is announced, the query goes into the URL and the host hears of it.
    pub(super) fn settle_if_changed(&mut self) {
        let Some(view) = &mut self.view else { return };
        let now = (
            view.search.query.clone(),
            view.outcome.hits.len(),
            view.outcome.closest.len(),
        );
        if view.settled_for.as_ref() == Some(&now) {
            return;
        }
        view.settled_for = Some(now);
        self.generation = self.generation.wrapping_add(1);
        let first = *view.first_settle.get_or_insert(self.generation) == self.generation;
        // The first settle of an empty query says nothing; its time is when the index is built.
        let call = if first && view.search.query.trim().is_empty() {
            INDEX_LATER
        } else {
            f64::from(self.generation)
        };
        if let (Some(window), Some(timer)) = (web_sys::window(), &self.timer) {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
                timer,
                SETTLE_MS,
                &JsValue::from(call),
            );
        }
    }

    pub(super) fn build_index(&mut self) {
        let Some(view) = &mut self.view else { return };
        if view.index.is_none() {
            view.index = Some(SearchIndex::new(
                &view.faq.questions,
                view.faq.lang.as_deref(),
            ));
        }
    }

    pub(super) fn settled(&mut self, generation: u32) {
        if generation != self.generation {
            return;
        }
        let Some(view) = &mut self.view else { return };
        let query = view.search.query.trim().to_owned();
        let total = view.faq.questions.len();
        let hits = view.outcome.hits.len();
        let text = status_sentence(
            &view.strings,
            &view.search.query,
            total,
            hits,
            view.outcome.closest.len(),
        );
        let results = if query.is_empty() { total } else { hits };
        if let Some(status) = view.by_id(STATUS_ID) {
            status.set_text_content(Some(&text));
        }
        view.search.status = text;
        if view.first_settle != Some(generation) {
            url::replace_query_param(PARAM, &query);
        }
        self.host.emit(
            "faq-widget:search",
            Detail::new()
                .text("query", &query)
                .number("results", results.min(u32::MAX as usize) as u32),
        );
    }
}
