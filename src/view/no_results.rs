//! Nothing matched: say so with the query, point at the close questions, offer the contact
//! (a mailto contact gets the query as its subject).

use super::{el, Node};
use crate::faq::Contact;
use crate::i18n::Strings;
use crate::search::contact_href;

pub struct NoResultsProps<'a> {
    pub query: &'a str,
    /// How many close questions are shown below.
    pub closest: usize,
    pub contact: Option<&'a Contact>,
    pub strings: &'a Strings,
}

pub fn no_results(props: &NoResultsProps) -> Node {
    let query = props.query.trim();
    let strings = props.strings;
    let contact = props.contact.map(|contact| match &contact.href {
        Some(href) => el("p").child(
            el("a")
                .attr("href", contact_href(href, query))
                .text(contact.text.as_str()),
        ),
        None => el("p").text(contact.text.as_str()),
    });
    let mut title = strings.format("no_results", &[("query", query)]);
    title.push('.');
    el("div")
        .class("faq-no-results")
        .child(el("p").class("faq-no-results-title").text(title))
        .maybe((props.closest == 0).then(|| el("p").text(strings.get("no_results.hint"))))
        .maybe(contact)
        .maybe((props.closest > 0).then(|| {
            el("p").text(strings.count("closest", props.closest.min(u32::MAX as usize) as u32, &[]))
        }))
        .into()
}
