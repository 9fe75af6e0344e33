//! Pure views: each file turns a `...Props` into a small owned tree of [`Node`]s, with what the
//! visitor can do expressed as data ([`Action`] in a `data-act` attribute) instead of callbacks.
//! Nothing here touches the page: the trees are serialised to HTML natively (tests, the
//! `faq-widget render` tool) and materialised as DOM by `browser::render` in the browser.
//!
//! Safe by construction: text is always a text node, attribute values are set one by one (never
//! parsed as markup), and links only ever carry addresses the FAQ reader checked.

pub mod accordion;
pub mod app;
pub mod cookie_notice;
pub mod error_view;
mod html;
pub mod no_results;
pub mod offline_note;
pub mod question;
pub mod rich_text;
pub mod search_box;
pub mod static_faq;

pub use html::to_html;

/// One node of a view: an element or a text node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// An element: its tag, its attributes in order, its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub children: Vec<Node>,
}

/// A new element without attributes or children.
pub fn el(tag: &'static str) -> Element {
    Element {
        tag,
        attrs: Vec::new(),
        children: Vec::new(),
    }
}

/// A text node.
pub fn text(text: impl Into<String>) -> Node {
    Node::Text(text.into())
}

impl Element {
    pub fn attr(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.attrs.push((name, value.into()));
        self
    }

    pub fn class(self, class: &'static str) -> Self {
        self.attr("class", class)
    }

    /// `"true"`/`"false"`, as ARIA states are written.
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        self.attr(name, if on { "true" } else { "false" })
    }

    /// What activating this element does (`browser::widget` reads it back with [`Action::decode`]).
    pub fn on(self, action: Action) -> Self {
        self.attr(ACTION_ATTR, action.encode())
    }

    pub fn child(mut self, node: impl Into<Node>) -> Self {
        self.children.push(node.into());
        self
    }

    pub fn text(self, value: impl Into<String>) -> Self {
        self.child(Node::Text(value.into()))
    }

    pub fn maybe(mut self, node: Option<impl Into<Node>>) -> Self {
        if let Some(node) = node {
            self.children.push(node.into());
        }
        self
    }

    pub fn children(mut self, nodes: impl IntoIterator<Item = Node>) -> Self {
        self.children.extend(nodes);
        self
    }

    /// The value of attribute `name`, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl From<Element> for Node {
    fn from(element: Element) -> Self {
        Node::Element(element)
    }
}

/// The attribute that carries an element's [`Action`].
pub const ACTION_ATTR: &str = "data-act";

/// What a click (or Enter/Space) on an element asks for. Encoded as a short attribute value so
/// one delegated listener on the widget's root serves every control.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open or close question `index` (its index in the FAQ).
    Toggle(usize),
    /// "Show all answers" (`true`) or "Hide all answers".
    ShowAll(bool),
    CopyLink(usize),
    ShowMore,
    /// "Cookie settings": show or hide the notice.
    CookieSettings,
    /// Accept (`true`) or reject the cookie notice.
    Choose(bool),
    Retry,
}

impl Action {
    pub fn encode(self) -> String {
        let (code, index) = match self {
            Action::Toggle(index) => ('t', Some(index)),
            Action::CopyLink(index) => ('c', Some(index)),
            Action::ShowAll(true) => ('a', None),
            Action::ShowAll(false) => ('h', None),
            Action::ShowMore => ('m', None),
            Action::CookieSettings => ('s', None),
            Action::Choose(true) => ('y', None),
            Action::Choose(false) => ('n', None),
            Action::Retry => ('r', None),
        };
        let mut encoded = String::from(code);
        if let Some(index) = index {
            encoded.push_str(&index.to_string());
        }
        encoded
    }

    pub fn decode(encoded: &str) -> Option<Action> {
        let mut chars = encoded.chars();
        let code = chars.next()?;
        let rest = chars.as_str();
        let index = || rest.parse::<usize>().ok();
        Some(match code {
            't' => Action::Toggle(index()?),
            'c' => Action::CopyLink(index()?),
            _ if !rest.is_empty() => return None,
            'a' => Action::ShowAll(true),
            'h' => Action::ShowAll(false),
            'm' => Action::ShowMore,
            's' => Action::CookieSettings,
            'y' => Action::Choose(true),
            'n' => Action::Choose(false),
            'r' => Action::Retry,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_round_trip_and_garbage_is_none() {
        for action in [
            Action::Toggle(0),
            Action::Toggle(12_345),
            Action::ShowAll(true),
            Action::ShowAll(false),
            Action::CopyLink(7),
            Action::ShowMore,
            Action::CookieSettings,
            Action::Choose(true),
            Action::Choose(false),
            Action::Retry,
        ] {
            assert_eq!(Action::decode(&action.encode()), Some(action));
        }
        for garbage in ["", "t", "tx", "t-1", "ax", "z", "c1.5"] {
            assert_eq!(Action::decode(garbage), None, "{garbage}");
        }
    }
}
