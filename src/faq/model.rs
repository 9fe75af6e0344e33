//! The FAQ as the widget uses it, after validation: ids resolved, markup parsed, links checked.

use super::markup::Block;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Faq {
    pub title: String,
    /// BCP 47 language tag; set as `lang` on the widget.
    pub lang: Option<String>,
    pub intro: Vec<Block>,
    pub contact: Option<Contact>,
    pub questions: Vec<Question>,
    pub cookie_notice: Option<CookieNotice>,
    /// Interface texts from the `ui` object, by key, replacing the built-in ones.
    pub ui: Vec<(String, String)>,
    /// "Was this helpful?" under the answers (faq.json's `feedback`, true when absent).
    pub feedback: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Unique within the FAQ; the fragment of deep links.
    pub id: String,
    pub question: String,
    pub answer: Vec<Block>,
    pub links: Vec<Link>,
    pub category: Option<String>,
    pub keywords: Vec<String>,
}

/// A link whose address passed the allow-list; a rejected address leaves `href` empty and the
/// text is shown as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub text: String,
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CookieNotice {
    pub text: String,
    pub more: Option<Link>,
    pub revision: u32,
}
