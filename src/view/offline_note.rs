//! The visible note about where the FAQ on screen comes from.

use super::{el, Node};
use crate::i18n::Strings;

/// `date`: the FAQ shown is the copy saved that day (the network failed), as the browser
/// formats it in the FAQ's language ("offline.saved"); `updated`: a newer FAQ replaced the one
/// first shown ("updated"). Nothing otherwise.
pub fn offline_note(date: Option<&str>, updated: bool, strings: &Strings) -> Option<Node> {
    let text = match date {
        Some(date) => strings.format("offline.saved", &[("date", date)]),
        None if updated => strings.get("updated"),
        None => return None,
    };
    Some(
        el("p")
            .class("faq-note")
            .attr("part", "note")
            .text(text)
            .into(),
    )
}
