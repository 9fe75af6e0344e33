//! What the visitor and the page do: clicks and keys on the widget, find-in-page, the
//! fragment, "/", the clipboard.

use super::*;

impl Widget {
    pub(super) fn on_root_event(&mut self, event: JsValue) {
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

    pub(super) fn act(&mut self, action: Action) {
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
    pub(super) fn move_focus(&self, from: usize, step: Move) {
        let Some(view) = &self.view else { return };
        let Some(position) = view.shown.iter().position(|&i| i == from) else {
            return;
        };
        let target = view.shown[move_target(position, view.shown.len(), step)];
        if let Some(button) = self.button(target) {
            dom::focus(&button);
        }
    }

    pub(super) fn copy_link(&self, index: usize) {
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
    pub(super) fn on_before_match(&mut self, event: JsValue) {
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
    pub(super) fn on_hash_change(&mut self) {
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
    pub(super) fn on_slash(&mut self, event: JsValue) {
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
}
