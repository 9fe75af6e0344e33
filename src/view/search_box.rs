//! The search field above the questions: filters as you type, "/" focuses it, Escape clears it
//! (the keys are handled by `browser::widget`).

use super::{el, Node};
use crate::i18n::Strings;

/// The field's id: the widget finds it by this.
pub const INPUT_ID: &str = "faq-search-input";
/// The polite live region with the settled result count.
pub const STATUS_ID: &str = "faq-search-status";

pub struct SearchBoxProps<'a> {
    pub value: &'a str,
    /// The settled result count, for the polite live region.
    pub status: &'a str,
    pub strings: &'a Strings,
}

pub fn search_box(props: &SearchBoxProps) -> Node {
    // Named by the FAQ title, so two widgets on one page have distinct search landmarks.
    el("div")
        .class("faq-search")
        .attr("role", "search")
        .attr("aria-labelledby", "faq-title")
        .child(
            el("label")
                .attr("for", INPUT_ID)
                .class("faq-search-label")
                .text(props.strings.get("search.label")),
        )
        .child(
            el("input")
                .attr("type", "search")
                .attr("id", INPUT_ID)
                .class("faq-search-input")
                .attr("value", props.value)
                .attr("placeholder", props.strings.get("search.placeholder"))
                .attr("autocomplete", "off")
                .attr("spellcheck", "false")
                .attr("enterkeyhint", "search")
                .attr("aria-keyshortcuts", "/")
                .attr("aria-describedby", STATUS_ID),
        )
        .child(
            el("p")
                .attr("id", STATUS_ID)
                .class("faq-search-status")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .text(props.status),
        )
        .into()
}
