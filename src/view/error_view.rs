//! The FAQ could not be shown: an alert that says why, with "Try again" when it may help.

use super::{el, Action, Node};
use crate::faq::LoadError;
use crate::i18n::Strings;

pub struct ErrorViewProps<'a> {
    pub error: &'a LoadError,
    /// The host page's language: the FAQ's is not known yet.
    pub strings: &'a Strings,
}

pub fn error_view(props: &ErrorViewProps) -> Node {
    let retry = props.error.is_transient().then(|| {
        el("button")
            .attr("type", "button")
            .class("faq-button")
            .on(Action::Retry)
            .text(props.strings.get("retry"))
    });
    el("div")
        .class("faq-error")
        .attr("part", "error")
        .attr("role", "alert")
        .child(
            el("p")
                .class("faq-error-title")
                .text(props.strings.get("error.title")),
        )
        .child(el("p").text(props.error.sentence(props.strings)))
        .maybe(retry)
        .into()
}
