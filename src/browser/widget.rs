//! One widget in the page: its state (the pure reducers of `crate::load`, `crate::state`,
//! `crate::search_state` and `crate::consent`), its DOM, and its listeners.
//!
//! Rendering: the whole view is built once per FAQ shown (`view::app::faq_view`); after that
//! each change touches only its region: a toggle morphs that question's item (its button keeps
//! focus), a search rebuilds the list of results, the cookie notice, the notes and the live
//! regions update themselves. Events are delegated: one listener per event type on the root,
//! dispatching on the `data-act` attribute of the closest element (`view::Action`), and every
//! listener is the same closure type (`dom::listen`).
//!
//! ## Consent: every feature that stores anything must ask first
//!
//! The widget's `View` owns its
//! `ConsentState` (read once, when the FAQ first shows); store only with the permit it hands out:
//!
//! ```text
//! if let Some(permit) = view.consent.permit() {       // `Some` only after "Accept"
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
//!   a `View`: a FAQ with another revision opens a new view).
//!
//! Offline copies (`offline_effect`) follow the same ground: the saved copy and the service
//! worker only with one (`consent::offline_ground`), forgotten when it goes.
//!
//! ## Re-entrancy
//!
//! A handler that finds the widget busy (an event dispatched synchronously while
//! the widget updates, e.g. by a host page's listener) does nothing rather than panic.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use super::dom::{self, listen};
use super::fetch::fetch_text;
use super::render::{create, morph, morph_children, replace};
use super::{date, storage, url, worker};
use crate::consent::{offline_ground, Choice, ConsentAction, ConsentState, OfflineGround, Record};
use crate::faq::{Faq, LoadError};
use crate::host::{Detail, Host};
use crate::i18n::Strings;
use crate::load::{validate, LoadState, Loader, Step};
use crate::offline::{self, SavedCopy};
use crate::search::{status_sentence, Outcome, SearchIndex};
use crate::search_state::{page, SearchAction, SearchState, PARAM, SETTLE_MS};
use crate::state::{Action as ViewAction, ViewState};
use crate::view::accordion::{move_target, show_all, Move};
use crate::view::app::{self, CookieProps, FaqViewProps, LIVE_ID};
use crate::view::cookie_notice::confirmation;
use crate::view::question::{question_item, QuestionProps};
use crate::view::search_box::{INPUT_ID, STATUS_ID};
use crate::view::{Action, Node, ACTION_ATTR};

const CONSENT_EVENT: &str = "faq-widget:consent";
/// What the settle timer is called with to build the search index: the questions paint first,
/// the index follows `SETTLE_MS` later (or with the first search, if that is sooner).
const INDEX_LATER: f64 = -1.0;

type Cell = Rc<RefCell<Widget>>;

struct Widget {
    me: Weak<RefCell<Widget>>,
    document: Document,
    /// The element embed.js made inside the shadow root; the widget renders into it.
    root: Element,
    src: String,
    host: Host,
    /// The host page's language, for the states before the FAQ's is known.
    page_strings: Strings,
    loader: Loader,
    view: Option<View>,
    /// The settle timer (`SETTLE_MS` after the last query change), called with a generation.
    timer: Option<js_sys::Function>,
    /// The generation of the last settle scheduled (over every view of this widget).
    generation: u32,
}

/// A loaded FAQ on screen.
struct View {
    faq: Rc<Faq>,
    strings: Strings,
    /// Built with the first search, or `INDEX_LATER` after the FAQ shows: the questions paint
    /// before they are indexed.
    index: Option<SearchIndex>,
    state: ViewState,
    consent: ConsentState,
    search: SearchState,
    outcome: Outcome,
    shown: Vec<usize>,
    more: usize,
    /// The day the copy on screen was saved (the network failed), in the FAQ's language.
    saved_date: Option<String>,
    updates: u32,
    /// `cookie_notice.revision + 1`, or 0: a change mounts a new view (consent is read once).
    key: u32,
    section: Element,
    /// The generation of this view's first settle (it neither writes the URL nor announces an
    /// empty query).
    first_settle: Option<u32>,
    /// What the last settle was for: the query and the counts.
    settled_for: Option<(String, usize, usize)>,
    /// What the offline effect last ran for.
    offline_for: Option<(Option<OfflineGround>, u32, bool)>,
}

/// Renders the FAQ at `src` into `root`; `host` receives the widget's events.
pub fn mount(host: Host, root: Element, src: String, lang: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let page_strings = Strings::new(
        if Strings::built_in(lang) { lang } else { "en" },
        Vec::new(),
    );
    let cell: Cell = Rc::new_cyclic(|me| {
        RefCell::new(Widget {
            me: me.clone(),
            document: document.clone(),
            root: root.clone(),
            src: src.clone(),
            host: host.clone(),
            page_strings,
            loader: Loader::default(),
            view: None,
            timer: None,
            generation: 0,
        })
    });
    let timer = handler(&cell, |widget, generation| match generation.as_f64() {
        Some(INDEX_LATER) => widget.build_index(),
        Some(generation) => widget.settled(generation as u32),
        None => {}
    });
    let closure = wasm_bindgen::closure::Closure::wrap(timer);
    if let Ok(mut widget) = cell.try_borrow_mut() {
        widget.timer = Some(closure.as_ref().unchecked_ref::<js_sys::Function>().clone());
    }
    closure.forget();

    for kind in ["click", "keydown", "input"] {
        listen(
            &root,
            kind,
            false,
            handler(&cell, |widget, event| widget.on_root_event(event)),
        );
    }
    // `beforematch` (find-in-page reveals a closed answer): captured, so it is seen whatever
    // the panel's ancestors do with it.
    listen(
        &root,
        "beforematch",
        true,
        handler(&cell, |widget, event| widget.on_before_match(event)),
    );
    // "/" focuses the search: not passive, so the "/" is not also typed into the field.
    listen(
        &document,
        "keydown",
        false,
        handler(&cell, |widget, event| widget.on_slash(event)),
    );
    if let Some(window) = web_sys::window() {
        listen(
            &window,
            "hashchange",
            false,
            handler(&cell, |widget, _| widget.on_hash_change()),
        );
        listen(
            &window,
            "storage",
            false,
            handler(&cell, |widget, event| widget.on_storage(event)),
        );
        // Another widget's choice: checked before borrowing, since this widget's own choice
        // reaches this listener while the widget is busy dispatching it.
        let own = host.clone();
        let weak = Rc::downgrade(&cell);
        listen(
            &window,
            CONSENT_EVENT,
            false,
            Box::new(move |event| {
                let source = event
                    .unchecked_ref::<web_sys::Event>()
                    .target()
                    .and_then(|target| target.dyn_into::<Element>().ok());
                let Some(source) = source else { return };
                if own.is_element(&source) || source.local_name() != "faq-widget" {
                    return;
                }
                if let Some(cell) = weak.upgrade() {
                    if let Ok(mut widget) = cell.try_borrow_mut() {
                        widget.on_other_widget_consent(&event);
                    }
                }
            }),
        );
    }
    // Quietly again: the worker stored a newer copy, or the browser is back online.
    let weak = Rc::downgrade(&cell);
    let refresh = move || {
        if let Some(cell) = weak.upgrade() {
            if let Ok(widget) = cell.try_borrow() {
                widget.fetch(true);
            }
        }
    };
    worker::on_update(&src, refresh.clone());
    worker::on_online(refresh);

    if let Ok(mut widget) = cell.try_borrow_mut() {
        widget.start();
    };
    // The widget lives as long as the page: its listeners only hold weak references.
    std::mem::forget(cell);
}

/// A listener body that gets the widget, if it is not busy.
fn handler(cell: &Cell, body: fn(&mut Widget, JsValue)) -> Box<dyn FnMut(JsValue)> {
    let weak = Rc::downgrade(cell);
    Box::new(move |value| {
        if let Some(cell) = weak.upgrade() {
            if let Ok(mut widget) = cell.try_borrow_mut() {
                body(&mut widget, value);
            }
        }
    })
}

impl Widget {
    // ---- Loading ----

    /// A load from scratch (at start and "Try again").
    fn start(&mut self) {
        self.step(Step::Start);
        self.fetch(false);
    }

    /// One fetch; `quiet`: one that changes nothing on failure (the FAQ on screen stays).
    fn fetch(&self, quiet: bool) {
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

    fn step(&mut self, step: Step) {
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
    fn show(&self, node: &Node) {
        self.root.set_text_content(None);
        let _ = self.root.append_child(&create(&self.document, node));
    }

    /// A FAQ to show from scratch.
    fn open_view(&mut self, faq: Rc<Faq>, key: u32) {
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
    fn fetched_changed(&mut self) {
        self.fetched_into_view();
        self.update_note();
        self.offline_effect();
    }

    /// A newer FAQ replaced the one on screen: what the visitor opened stays open by question
    /// id, the search stays, and the live region says so, once per update.
    fn update(&mut self, faq: Rc<Faq>) {
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
    fn fetched_into_view(&mut self) {
        let Some(view) = &mut self.view else { return };
        let fetched = &self.loader.fetched;
        view.saved_date = fetched
            .saved_ms
            .map(|ms| date::long_date(ms, view.strings.lang()));
        view.updates = fetched.updates;
    }

    /// The note region after the title.
    fn update_note(&self) {
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

    // ---- Effects after a change of the view state ----

    /// What follows a change of `ViewState` from `before`: the URL names the open question,
    /// the host hears of an opening, the live region says the announcement.
    fn commit(&mut self, before: &ViewState) {
        let Some(view) = &self.view else { return };
        let state = &view.state;
        if state.linked != before.linked {
            self.sync_fragment();
        }
        if state.opened != before.opened && state.opened > 0 {
            if let Some(question) = state.linked.and_then(|i| view.faq.questions.get(i)) {
                self.host
                    .emit("faq-widget:open", Detail::new().text("id", &question.id));
            }
        }
        if state.announcement != before.announcement {
            if let Some(live) = view.by_id(LIVE_ID) {
                live.set_text_content(Some(&state.announcement.text));
            }
        }
    }

    /// The URL names the open question, by replacing the fragment: no history entry per click.
    fn sync_fragment(&self) {
        let Some(view) = &self.view else { return };
        let current = url::fragment();
        let ours = current
            .as_deref()
            .and_then(|id| index_of(&view.faq, id))
            .is_some();
        match view.state.linked.and_then(|i| view.faq.questions.get(i)) {
            Some(question) if current.as_deref() != Some(question.id.as_str()) => {
                url::replace_fragment(Some(&question.id))
            }
            // Only clear a fragment that is ours: the host page may use its own.
            None if ours => url::replace_fragment(None),
            _ => {}
        }
    }

    fn dispatch(&mut self, action: ViewAction) {
        let Some(view) = &mut self.view else { return };
        let before = view.state.clone();
        view.state = std::mem::take(&mut view.state).apply(action);
        self.commit(&before);
    }

    // ---- Search ----

    /// Runs the query at the current limit.
    fn run_search(&mut self) {
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

    fn search(&mut self, action: SearchAction) {
        let Some(view) = &mut self.view else { return };
        view.search = view.search.clone().apply(action);
        self.run_search();
        self.render_results();
        self.settle_if_changed();
    }

    /// The "no results" note and the list of questions, after a search changed.
    fn render_results(&self) {
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
    fn reveal(&mut self, index: usize) {
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
    fn settle_if_changed(&mut self) {
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

    fn build_index(&mut self) {
        let Some(view) = &mut self.view else { return };
        if view.index.is_none() {
            view.index = Some(SearchIndex::new(
                &view.faq.questions,
                view.faq.lang.as_deref(),
            ));
        }
    }

    fn settled(&mut self, generation: u32) {
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

    // ---- Events ----

    fn on_root_event(&mut self, event: JsValue) {
        let event: web_sys::Event = event.unchecked_into();
        let Some(target) = event
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
        else {
            return;
        };
        let kind = event.type_();
        if target.id() == INPUT_ID {
            // The widget's own search field (unchecked: no `instanceof` import).
            let input = target.unchecked_ref::<web_sys::HtmlInputElement>();
            if kind == "input" {
                self.search(SearchAction::Query(input.value()));
            } else if kind == "keydown" && key(&event).as_deref() == Some("Escape") {
                let empty = self.view.as_ref().is_none_or(|v| v.search.query.is_empty());
                if !empty {
                    event.prevent_default();
                    input.set_value("");
                    self.search(SearchAction::Query(String::new()));
                }
            }
            return;
        }
        let action = target
            .closest("[data-act]")
            .ok()
            .flatten()
            .and_then(|element| element.get_attribute(ACTION_ATTR))
            .and_then(|code| Action::decode(&code));
        let Some(action) = action else { return };
        match kind.as_str() {
            "click" => self.act(action),
            "keydown" => {
                if let (Action::Toggle(index), Some(step)) =
                    (action, key(&event).as_deref().and_then(Move::from_key))
                {
                    event.prevent_default();
                    self.move_focus(index, step);
                }
            }
            _ => {}
        }
    }

    fn act(&mut self, action: Action) {
        match action {
            Action::Toggle(index) => {
                self.dispatch(ViewAction::Toggle(index));
                self.render_item(index);
                self.render_show_all();
            }
            Action::ShowAll(show) => {
                self.dispatch(if show {
                    ViewAction::ShowAll
                } else {
                    ViewAction::HideAll
                });
                if let Some(view) = &self.view {
                    if let Ok(Some(list)) = view.section.query_selector(".faq-accordion") {
                        morph(&self.document, &list, &app::questions(&view.props()));
                    }
                }
            }
            Action::CopyLink(index) => self.copy_link(index),
            Action::ShowMore => {
                let Some(first_new) = self.view.as_ref().map(|v| v.shown.len()) else {
                    return;
                };
                self.search(SearchAction::ShowMore);
                // Focus moves to the first question it added.
                let index = self
                    .view
                    .as_ref()
                    .and_then(|v| v.shown.get(first_new).copied());
                if let Some(button) = index.and_then(|i| self.button(i)) {
                    dom::focus(&button);
                }
            }
            Action::CookieSettings => self.consent(ConsentAction::Toggle),
            Action::Choose(accept) => self.choose(if accept {
                Choice::Accepted
            } else {
                Choice::Rejected
            }),
            Action::Retry => self.start(),
        }
    }

    /// Arrow keys move among the questions shown, in the order shown.
    fn move_focus(&self, from: usize, step: Move) {
        let Some(view) = &self.view else { return };
        let Some(position) = view.shown.iter().position(|&i| i == from) else {
            return;
        };
        let target = view.shown[move_target(position, view.shown.len(), step)];
        if let Some(button) = self.button(target) {
            dom::focus(&button);
        }
    }

    fn copy_link(&self, index: usize) {
        let Some(view) = &self.view else { return };
        let Some(question) = view.faq.questions.get(index) else {
            return;
        };
        let id = question.id.clone();
        let me = self.me.clone();
        let done = Box::new(move |copied: bool| {
            url::replace_fragment(Some(&id));
            let Some(cell) = me.upgrade() else { return };
            let Ok(mut widget) = cell.try_borrow_mut() else {
                return;
            };
            let Some(text) = widget.view.as_ref().map(|view| {
                view.strings
                    .get(if copied { "link_copied" } else { "copy_failed" })
            }) else {
                return;
            };
            widget.dispatch(ViewAction::Announce(text));
        });
        match url::link_to(&question.id) {
            Some(link) => dom::copy_text(&link, done),
            None => done(false),
        }
    }

    /// Find-in-page is about to reveal a closed answer: it opens, as a click would.
    fn on_before_match(&mut self, event: JsValue) {
        let index = event
            .unchecked_ref::<web_sys::Event>()
            .target()
            .and_then(|target| target.dyn_into::<Element>().ok())
            .and_then(|panel| panel.get_attribute("data-index"))
            .and_then(|index| index.parse::<usize>().ok());
        if let Some(index) = index {
            self.dispatch(ViewAction::Open(index));
            self.render_item(index);
            self.render_show_all();
        }
    }

    /// A link to one of the questions (`#id`) opens it.
    fn on_hash_change(&mut self) {
        let Some(view) = &self.view else { return };
        let Some(index) = url::fragment().and_then(|id| index_of(&view.faq, &id)) else {
            return;
        };
        self.dispatch(ViewAction::Open(index));
        if self.button(index).is_some() {
            self.render_item(index);
            self.render_show_all();
        }
        self.reveal(index);
    }

    /// "/" focuses the search field, unless focus is in a text field (on the host page or in
    /// the widget), a modifier is held or another widget took it.
    fn on_slash(&mut self, event: JsValue) {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if event.key() != "/"
            || event.default_prevented()
            || event.ctrl_key()
            || event.meta_key()
            || event.alt_key()
            || event.is_composing()
            || dom::focus_in_text_field()
        {
            return;
        }
        if let Some(input) = self.input() {
            event.prevent_default();
            dom::focus(&input);
        }
    }

    // ---- Consent ----

    fn consent(&mut self, action: ConsentAction) {
        let Some(view) = &mut self.view else { return };
        view.consent = std::mem::take(&mut view.consent).apply(action);
        if let Ok(Some(dom)) = view.section.query_selector(".faq-cookies") {
            if let Some(node) = app::cookies(&view.props()) {
                morph(&self.document, &dom, &node);
            }
        }
        self.offline_effect();
    }

    /// A choice made in this widget: stored, the widget's other data deleted on reject, the
    /// host told, focus on "Cookie settings" (the notice closes), and a confirmation.
    fn choose(&mut self, choice: Choice) {
        let Some(view) = &self.view else { return };
        let Some(record) = view.consent.decision(choice, storage::now_ms()) else {
            return;
        };
        let saved = storage::save_record(&record);
        if !record.accepted() {
            storage::clear_widget_data(self.host.offline_always);
        }
        self.consent(ConsentAction::Decide(record));
        emit_consent(&self.host, &record);
        let Some(view) = &self.view else { return };
        if let Ok(Some(settings)) = view.section.query_selector(".faq-cookie-settings") {
            dom::focus(&settings);
        }
        let text = view.strings.get(confirmation(choice, saved));
        self.dispatch(ViewAction::Announce(text));
    }

    /// A choice made in another widget on this page.
    fn on_other_widget_consent(&mut self, event: &JsValue) {
        if self
            .view
            .as_ref()
            .is_none_or(|v| v.consent.revision.is_none())
        {
            return;
        }
        // Unchecked: `detail` of an event that is no CustomEvent is undefined (no fields).
        let detail = event.unchecked_ref::<web_sys::CustomEvent>().detail();
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
            self.consent(ConsentAction::Sync(Some(record), now));
        }
    }

    /// The consent record changed in another tab.
    fn on_storage(&mut self, event: JsValue) {
        let Some(revision) = self.view.as_ref().and_then(|v| v.consent.revision) else {
            return;
        };
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
        self.consent(ConsentAction::Sync(record, now));
        emit_consent(
            &self.host,
            &record.unwrap_or(Record {
                choice: Choice::Rejected,
                revision,
                time_ms: now,
            }),
        );
    }

    /// Keeping the FAQ for offline use, as far as consent allows: the saved copy of the last
    /// FAQ that came from the network, and the widget's service worker on pages that can have
    /// it; forgotten when the ground goes (see `crate::offline`, `crate::consent`).
    fn offline_effect(&mut self) {
        let Some(view) = &mut self.view else { return };
        let ground = offline_ground(
            view.consent.allows_storage(),
            view.faq.cookie_notice.is_some(),
            self.host.cookie_notice,
            self.host.offline_always,
        );
        let fetched = &self.loader.fetched;
        let fresh = fetched.saved_ms.is_none() && !fetched.text.is_empty() && !self.src.is_empty();
        let now = (ground, fetched.updates, fresh);
        if view.offline_for == Some(now) {
            return;
        }
        view.offline_for = Some(now);
        match ground {
            Some(ground) => {
                let key = offline::copy_key(&self.src);
                if fresh && fetched.text.len() <= offline::MAX_SAVED_CHARS {
                    let copy = SavedCopy::serialise(storage::now_ms(), &fetched.text);
                    storage::set(&ground.permit(), &key, &copy);
                } else if fresh {
                    // Too big to keep: an older, smaller copy would only mislead.
                    storage::remove(&key);
                }
                self.host
                    .service_worker(true, offline::without_fragment(&self.src));
            }
            // Rejected, withdrawn, expired or not answered yet. (Without any notice, that is
            // `data-cookie-notice="off"`, the widget touches no storage at all.)
            None if view.consent.revision.is_some() => self.host.service_worker(false, ""),
            None => {}
        }
    }

    // ---- Regions ----

    /// The item of question `index`, morphed: its button stays the same element (and keeps
    /// focus); nothing else in the list is touched.
    fn render_item(&self, index: usize) {
        let Some(view) = &self.view else { return };
        let Some(question) = view.faq.questions.get(index) else {
            return;
        };
        let Some(item) = self
            .button(index)
            .and_then(|b| b.closest(".faq-item").ok().flatten())
        else {
            return;
        };
        let copy_label = view.strings.get("copy_link");
        let node = question_item(&QuestionProps {
            question,
            index,
            open: view.state.open.get(index).copied().unwrap_or(false),
            highlighter: view.highlighter(),
            copy_label: &copy_label,
        });
        let Node::Element(element) = &node else {
            return;
        };
        // The item's own attributes, then its children: the same as `morph`, spelled out so the
        // heading and the button are morphed, never replaced.
        if let Some(class) = element.get("class") {
            if item.get_attribute("class").as_deref() != Some(class) {
                let _ = item.set_attribute("class", class);
            }
        }
        morph_children(&self.document, &item, &element.children);
    }

    fn render_show_all(&self) {
        let Some(view) = &self.view else { return };
        if let Ok(Some(button)) = view.section.query_selector(".faq-show-all") {
            let all = crate::view::accordion::all_open(&view.state.open);
            morph(&self.document, &button, &show_all(all, &view.strings));
        }
    }

    /// The button of question `index`, if it is on screen.
    fn button(&self, index: usize) -> Option<Element> {
        let view = self.view.as_ref()?;
        let id = ["q-", &view.faq.questions.get(index)?.id].concat();
        view.by_id(&id)
    }

    fn input(&self) -> Option<web_sys::HtmlInputElement> {
        Some(self.view.as_ref()?.by_id(INPUT_ID)?.unchecked_into())
    }
}

impl View {
    fn highlighter(&self) -> Option<&crate::search::Highlighter> {
        Some(&self.outcome.highlighter).filter(|h| !h.is_empty())
    }

    fn props(&self) -> FaqViewProps<'_> {
        FaqViewProps {
            faq: &self.faq,
            strings: &self.strings,
            saved_date: self.saved_date.as_deref(),
            updated: self.updates > 0,
            cookies: self.consent.revision.map(|_| CookieProps {
                open: self.consent.open,
                choice: self.consent.choice(),
            }),
            query: &self.search.query,
            status: &self.search.status,
            no_results: (self.outcome.active && self.outcome.hits.is_empty())
                .then_some(self.outcome.closest.len()),
            open: &self.state.open,
            shown: &self.shown,
            more: self.more,
            highlighter: self.highlighter(),
            announcement: &self.state.announcement.text,
        }
    }

    /// The element with `id` in this view (searched within its section, so two widgets never
    /// mix). Every id the views write is a CSS identifier: question ids are ASCII letters,
    /// digits, `-` and `_` (`faq::validate::is_valid_id`) behind a `q-`/`a-` prefix.
    fn by_id(&self, id: &str) -> Option<Element> {
        self.section
            .query_selector(&["#", id].concat())
            .ok()
            .flatten()
    }
}

/// Takes `node` out of the page (`removeChild`: an import the widget has anyway).
fn remove(node: &web_sys::Node) {
    if let Some(parent) = node.parent_node() {
        let _ = parent.remove_child(node);
    }
}

fn key(event: &web_sys::Event) -> Option<String> {
    event
        .dyn_ref::<web_sys::KeyboardEvent>()
        .map(|event| event.key())
}

fn index_of(faq: &Faq, id: &str) -> Option<usize> {
    faq.questions.iter().position(|q| q.id == id)
}

fn emit_consent(host: &Host, record: &Record) {
    host.emit(
        CONSENT_EVENT,
        Detail::new()
            .flag("accepted", record.accepted())
            .number("revision", record.revision),
    );
}

/// Whether the widget may read its saved copies: not when the host runs its own consent
/// manager (`data-cookie-notice="off"`: no storage at all) unless it declared them essential.
fn may_read(host: &Host) -> bool {
    host.cookie_notice || host.offline_always
}

/// Whether to let a service worker keep this fetch (`offline::MARKER`). Decided before the FAQ
/// (and so its notice revision) is known: `data-offline="always"`, a current acceptance of any
/// revision, or a saved copy (which only exists with a ground, e.g. a FAQ without a notice).
/// A FAQ whose notice asks again clears the worker's caches once it shows.
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
fn settle_load(result: Result<(Rc<Faq>, String), LoadError>, src: &str, host: &Host) -> Step {
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
