//! Loading: from scratch, quietly again, and what a load ends in (the saved copy when the
//! network failed).

use super::*;

impl Widget {
    /// A load from scratch (at start and "Try again").
    pub(super) fn start(&mut self) {
        self.step(Step::Start);
        self.fetch(false);
    }

    /// One fetch; `quiet`: one that changes nothing on failure (the FAQ on screen stays).
    pub(super) fn fetch(&self, quiet: bool) {
        let me = self.me.clone();
        let src = self.src.clone();
        let host = self.host.clone();
        let url = offline::fetch_url(&src, cacheable(&src, &host));
        fetch_text(
            &url,
            Box::new(move |result| {
                let result = result.and_then(|text| Ok((validate(&text)?, text)));
                let step = match (result, quiet) {
                    (Ok((faq, text)), true) => Step::Fresh {
                        faq,
                        text: text.into(),
                    },
                    (Err(_), true) => return,
                    (result, false) => settle_load(result, &src, &host),
                };
                if let Some(cell) = me.upgrade() {
                    if let Ok(mut widget) = cell.try_borrow_mut() {
                        widget.step(step);
                    }
                }
            }),
        );
    }

    pub(super) fn step(&mut self, step: Step) {
        self.loader = std::mem::take(&mut self.loader).apply(step);
        let faq = match &self.loader.state {
            LoadState::Loading => {
                self.view = None;
                self.show(&app::loading(&self.page_strings));
                return;
            }
            LoadState::Failed(error) => {
                self.view = None;
                let node = app::failed(error, &self.page_strings);
                self.show(&node);
                return;
            }
            LoadState::Ready(faq) => faq.clone(),
        };
        let key = faq
            .cookie_notice
            .as_ref()
            .map_or(0, |notice| notice.revision.saturating_add(1));
        match &self.view {
            Some(view) if Rc::ptr_eq(&view.faq, &faq) => self.fetched_changed(),
            Some(view) if view.key == key => self.update(faq),
            _ => self.open_view(faq, key),
        }
    }

    /// The root shows `node` alone.
    pub(super) fn show(&self, node: &Node) {
        self.root.set_text_content(None);
        let _ = self.root.append_child(&create(&self.document, node));
    }

    /// A FAQ to show from scratch.
    pub(super) fn open_view(&mut self, faq: Rc<Faq>, key: u32) {
        let strings = Strings::new(faq.lang.as_deref().unwrap_or("en"), faq.ui.clone());
        let search = SearchState::new(url::query_param(PARAM).unwrap_or_default());
        let deep_link = url::fragment().and_then(|id| index_of(&faq, &id));
        let state = ViewState::new(faq.questions.len(), deep_link);
        // No notice: the record is not even read.
        let revision = faq
            .cookie_notice
            .as_ref()
            .map(|notice| notice.revision)
            .filter(|_| self.host.cookie_notice);
        let stored = revision.and_then(|_| storage::load_record());
        let consent = ConsentState::new(revision, stored, storage::now_ms());
        self.view = Some(View {
            index: None,
            strings,
            state,
            consent,
            search,
            outcome: Outcome::default(),
            shown: Vec::new(),
            more: 0,
            saved_date: None,
            updates: 0,
            key,
            section: self.root.clone(),
            first_settle: None,
            settled_for: None,
            offline_for: None,
            faq,
        });
        self.fetched_into_view();
        self.run_search();
        let Some(view) = &mut self.view else { return };
        let node = app::faq_view(&view.props());
        self.root.set_text_content(None);
        let section = create(&self.document, &node);
        let _ = self.root.append_child(&section);
        if let Ok(section) = section.dyn_into::<Element>() {
            view.section = section;
        }

        // At start: drop what no current acceptance covers; tell the host a stored choice.
        if view.consent.revision.is_some() {
            if !view.consent.allows_storage() {
                storage::clear_widget_data(self.host.offline_always);
            }
            if let Some(record) = view.consent.record {
                emit_consent(&self.host, &record);
            }
        }
        self.settle_if_changed();
        self.offline_effect();
        // A deep link scrolls its question into view once, when the FAQ first shows; a search
        // that hides it (in the URL too), or a first page that ends before it, makes way.
        if let Some(linked) = self.view.as_ref().and_then(|v| v.state.linked) {
            self.reveal(linked);
        }
        self.sync_fragment();
        if let Some(view) = &self.view {
            let count = view.faq.questions.len() as u32;
            self.host
                .emit("faq-widget:ready", Detail::new().number("questions", count));
        }
    }

    /// The same FAQ, fetched again or from elsewhere: only the note can change.
    pub(super) fn fetched_changed(&mut self) {
        self.fetched_into_view();
        self.update_note();
        self.offline_effect();
    }

    /// A newer FAQ replaced the one on screen: what the visitor opened stays open by question
    /// id, the search stays, and the live region says so, once per update.
    pub(super) fn update(&mut self, faq: Rc<Faq>) {
        let Some(view) = &mut self.view else { return };
        let from = offline::remap(&view.faq.questions, &faq.questions, |q| q.id.as_str());
        view.strings = Strings::new(faq.lang.as_deref().unwrap_or("en"), faq.ui.clone());
        view.index = None;
        view.faq = faq;
        let before = view.state.clone();
        view.state = std::mem::take(&mut view.state)
            .apply(ViewAction::Remap(from))
            .apply(ViewAction::Announce(view.strings.get("updated")));
        self.fetched_into_view();
        self.run_search();
        if let Some(view) = &self.view {
            let node = app::faq_view(&view.props());
            morph(&self.document, &view.section, &node);
        }
        self.commit(&before);
        self.settle_if_changed();
        self.offline_effect();
    }

    /// Copies where the FAQ on screen came from into the view.
    pub(super) fn fetched_into_view(&mut self) {
        let Some(view) = &mut self.view else { return };
        let fetched = &self.loader.fetched;
        view.saved_date = fetched
            .saved_ms
            .map(|ms| date::long_date(ms, view.strings.lang()));
        view.updates = fetched.updates;
    }

    /// The note region after the title.
    pub(super) fn update_note(&self) {
        let Some(view) = &self.view else { return };
        let node = app::note(&view.props());
        let current = view.section.query_selector(".faq-note").ok().flatten();
        match (current, node) {
            (Some(dom), Some(node)) => morph(&self.document, &dom, &node),
            (Some(dom), None) => remove(&dom),
            (None, Some(node)) => {
                if let Ok(Some(title)) = view.section.query_selector(".faq-title") {
                    let next = title.next_sibling();
                    let _ = view
                        .section
                        .insert_before(&create(&self.document, &node), next.as_ref());
                }
            }
            (None, None) => {}
        }
    }
}

/// Whether the widget may read its saved copies: not when the host runs its own consent
/// manager (`data-cookie-notice="off"`: no storage at all) unless it declared them essential.
pub(super) fn may_read(host: &Host) -> bool {
    host.cookie_notice || host.offline_always
}

/// Whether to let a service worker keep this fetch (`offline::MARKER`). Decided before the FAQ
/// (and so its notice revision) is known: `data-offline="always"`, a current acceptance of any
/// revision, or a saved copy (which only exists with a ground, e.g. a FAQ without a notice).
/// A FAQ whose notice asks again clears the worker's caches once it shows.
pub(super) fn cacheable(src: &str, host: &Host) -> bool {
    host.offline_always
        || host.cookie_notice
            && (storage::load_record()
                .is_some_and(|r| r.accepted() && r.is_current(0, storage::now_ms()))
                || storage::get(&offline::copy_key(src)).is_some())
}

/// The outcome of a load from scratch: the fetched FAQ; else, when the network failed or the
/// server may recover, the copy saved last time (if valid); else the error, "offline" when no
/// answer came.
pub(super) fn settle_load(
    result: Result<(Rc<Faq>, String), LoadError>,
    src: &str,
    host: &Host,
) -> Step {
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
