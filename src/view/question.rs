//! One question: a heading with a disclosure button, a snippet when a closed answer matched the
//! search, and the answer panel (`hidden="until-found"` while closed, so find-in-page reveals it).

use super::rich_text::{blocks, marked, with_marks};
use super::{el, Action, Element, Node};
use crate::faq::Question;
use crate::search::{why, Highlighter};

pub struct QuestionProps<'a> {
    pub question: &'a Question,
    /// Its index in the FAQ.
    pub index: usize,
    pub open: bool,
    /// What the search matched, to mark; `None` when not searching.
    pub highlighter: Option<&'a Highlighter>,
    /// The copy button's text, in the FAQ's language.
    pub copy_label: &'a str,
}

pub fn question_item(props: &QuestionProps) -> Node {
    let question = props.question;
    let highlighter = props.highlighter;
    // Marks in the answer only while it shows; a closed answer that matched shows a snippet.
    let snippet = highlighter
        .filter(|_| !props.open)
        .and_then(|h| why(question, h))
        .map(|s| {
            el("p")
                .class("faq-snippet")
                .children(with_marks(&s.text, &s.marks))
        });
    el("div")
        .class(if props.open {
            "faq-item faq-item-open"
        } else {
            "faq-item"
        })
        .child(
            el("h3").class("faq-question").child(
                el("button")
                    .attr("type", "button")
                    .attr("id", ["q-", &question.id].concat())
                    .class("faq-question-button")
                    .attr("part", "question")
                    .flag("aria-expanded", props.open)
                    .attr("aria-controls", ["a-", &question.id].concat())
                    .on(Action::Toggle(props.index))
                    .child(
                        el("span")
                            .class("faq-question-text")
                            .children(marked(&question.question, highlighter)),
                    )
                    .child(
                        el("span")
                            .class("faq-question-icon")
                            .attr("aria-hidden", "true"),
                    ),
            ),
        )
        .maybe(snippet)
        .child(panel(props))
        .into()
}

/// The answer panel: marked while open; `hidden="until-found"` while closed.
fn panel(props: &QuestionProps) -> Element {
    let question = props.question;
    let marks = props.highlighter.filter(|_| props.open);
    let links = (!question.links.is_empty()).then(|| {
        el("ul")
            .class("faq-links")
            .children(question.links.iter().map(|link| {
                let text = marked(&link.text, marks);
                let item = match &link.href {
                    Some(href) => {
                        el("li").child(el("a").attr("href", href.as_str()).children(text))
                    }
                    None => el("li").children(text),
                };
                item.into()
            }))
    });
    let mut panel = el("div")
        .attr("id", ["a-", &question.id].concat())
        .class("faq-panel")
        .attr("part", "answer")
        .attr("data-index", props.index.to_string());
    if !props.open {
        panel = panel.attr("hidden", "until-found");
    }
    panel
        .children(blocks(&question.answer, marks))
        .maybe(links)
        .child(
            el("p").class("faq-panel-tools").child(
                el("button")
                    .attr("type", "button")
                    .class("faq-link-button")
                    .on(Action::CopyLink(props.index))
                    .text(props.copy_label),
            ),
        )
}
