//! The whole widget: loading, the error, or the loaded FAQ (title, notes, cookie notice, intro,
//! search, the questions, the contact and a polite live region). The region functions are
//! public so the browser layer rebuilds one region at a time from the same props.

use super::accordion::{accordion, AccordionProps};
use super::cookie_notice::{cookie_notice, CookieNoticeProps};
use super::error_view::{error_view, ErrorViewProps};
use super::no_results::{no_results, NoResultsProps};
use super::offline_note::offline_note;
use super::rich_text::blocks;
use super::search_box::{search_box, SearchBoxProps};
use super::{el, Element, Node};
use crate::consent::Choice;
use crate::faq::{Contact, Faq, LoadError};
use crate::i18n::Strings;
use crate::search::Highlighter;

/// The id of the polite live region that announces what the visitor did.
pub const LIVE_ID: &str = "faq-live";

/// Before the FAQ (and its language) is known: "Loading…" in the host page's language.
pub fn loading(strings: &Strings) -> Node {
    el("div")
        .class("faq")
        .attr("lang", strings.lang())
        .attr("dir", strings.direction())
        .attr("aria-busy", "true")
        .child(
            el("p")
                .class("faq-loading")
                .attr("role", "status")
                .text(strings.get("loading")),
        )
        .into()
}

/// The FAQ could not be loaded (`strings` in the host page's language).
pub fn failed(error: &LoadError, strings: &Strings) -> Node {
    el("div")
        .class("faq")
        .attr("lang", strings.lang())
        .attr("dir", strings.direction())
        .child(error_view(&ErrorViewProps { error, strings }))
        .into()
}

/// The cookie notice's state, when the widget shows one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CookieProps {
    pub open: bool,
    pub choice: Option<Choice>,
}

pub struct FaqViewProps<'a> {
    pub faq: &'a Faq,
    pub strings: &'a Strings,
    /// The day the copy on screen was saved, as the browser writes it (the network failed).
    pub saved_date: Option<&'a str>,
    /// A newer FAQ replaced the one first shown.
    pub updated: bool,
    /// `None`: no notice (faq.json has none, or the host turned it off).
    pub cookies: Option<CookieProps>,
    pub query: &'a str,
    /// The settled count sentence of the search.
    pub status: &'a str,
    /// `Some(closest)`: a search found nothing; `closest` questions are shown instead.
    pub no_results: Option<usize>,
    pub open: &'a [bool],
    pub shown: &'a [usize],
    pub more: usize,
    pub highlighter: Option<&'a Highlighter>,
    pub announcement: &'a str,
}

pub fn faq_view(props: &FaqViewProps) -> Node {
    let faq = props.faq;
    let contact = faq.contact.as_ref().map(contact_note);
    let mut section = el("section").class("faq");
    if let Some(lang) = &faq.lang {
        section = section.attr("lang", lang.as_str());
    }
    section
        .attr("dir", props.strings.direction())
        .attr("aria-labelledby", "faq-title")
        .child(
            el("h2")
                .attr("id", "faq-title")
                .class("faq-title")
                .attr("part", "title")
                .text(faq.title.as_str()),
        )
        .maybe(note(props))
        .maybe(cookies(props))
        .maybe((!faq.intro.is_empty()).then(|| {
            el("div")
                .class("faq-intro")
                .children(blocks(&faq.intro, None))
        }))
        .child(search_box(&SearchBoxProps {
            value: props.query,
            status: props.status,
            strings: props.strings,
        }))
        .maybe(results_note(props))
        .child(questions(props))
        .maybe(contact)
        .child(live_region(props.announcement))
        .into()
}

/// The FAQ's contact line under the questions (also on the static page).
pub fn contact_note(contact: &Contact) -> Element {
    let p = el("p").class("faq-contact");
    match &contact.href {
        Some(href) => p.child(
            el("a")
                .attr("href", href.as_str())
                .text(contact.text.as_str()),
        ),
        None => p.text(contact.text.as_str()),
    }
}

/// The offline or update note, if there is one.
pub fn note(props: &FaqViewProps) -> Option<Node> {
    offline_note(props.saved_date, props.updated, props.strings)
}

/// The cookie settings button and notice, if the widget has a notice.
pub fn cookies(props: &FaqViewProps) -> Option<Node> {
    let state = props.cookies?;
    Some(cookie_notice(&CookieNoticeProps {
        notice: props.faq.cookie_notice.as_ref()?,
        open: state.open,
        choice: state.choice,
        strings: props.strings,
    }))
}

/// "No questions match", when a search found nothing.
pub fn results_note(props: &FaqViewProps) -> Option<Node> {
    let closest = props.no_results?;
    Some(no_results(&NoResultsProps {
        query: props.query,
        closest,
        contact: props.faq.contact.as_ref(),
        strings: props.strings,
    }))
}

/// The accordion of the questions shown.
pub fn questions(props: &FaqViewProps) -> Node {
    accordion(&AccordionProps {
        questions: &props.faq.questions,
        open: props.open,
        shown: props.shown,
        more: props.more,
        highlighter: props.highlighter,
        strings: props.strings,
    })
}

pub fn live_region(text: &str) -> Node {
    el("div")
        .attr("id", LIVE_ID)
        .class("faq-visually-hidden")
        .attr("role", "status")
        .attr("aria-live", "polite")
        .attr("aria-atomic", "true")
        .text(text)
        .into()
}
