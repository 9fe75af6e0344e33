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

// The widget's methods by concern, each an `impl Widget` of its own file.
mod consent;
mod events;
mod loading;
mod search;

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
    // ---- Effects after a change of the view state ----

    /// What follows a change of `ViewState` from `before`: the URL names the open question,
    /// the host hears of an opening, the live region says the announcement.
    pub(super) fn commit(&mut self, before: &ViewState) {
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
    pub(super) fn sync_fragment(&self) {
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

    pub(super) fn dispatch(&mut self, action: ViewAction) {
        let Some(view) = &mut self.view else { return };
        let before = view.state.clone();
        view.state = std::mem::take(&mut view.state).apply(action);
        self.commit(&before);
    }

    // ---- Regions ----

    /// The item of question `index`, morphed: its button stays the same element (and keeps
    /// focus); nothing else in the list is touched.
    pub(super) fn render_item(&self, index: usize) {
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

    pub(super) fn render_show_all(&self) {
        let Some(view) = &self.view else { return };
        if let Ok(Some(button)) = view.section.query_selector(".faq-show-all") {
            let all = crate::view::accordion::all_open(&view.state.open);
            morph(&self.document, &button, &show_all(all, &view.strings));
        }
    }

    /// The button of question `index`, if it is on screen.
    pub(super) fn button(&self, index: usize) -> Option<Element> {
        let view = self.view.as_ref()?;
        let id = ["q-", &view.faq.questions.get(index)?.id].concat();
        view.by_id(&id)
    }

    pub(super) fn input(&self) -> Option<web_sys::HtmlInputElement> {
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
