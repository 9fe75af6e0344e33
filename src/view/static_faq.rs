//! The FAQ for places where no script runs: `faq-widget render` prints it for a `<noscript>`
//! fallback, search engines and hosts that want the content in the page itself.
//! `<details>`/`<summary>` give disclosure without script; the answers use the widget's own
//! [`blocks`], so the text and checked links are exactly what the widget shows.
//!
//! Each question is an `<h3>` inside its `<summary>`: Chromium and Firefox expose the heading,
//! so heading navigation lists the questions (VoiceOver reads the summary as a button named by
//! the question, without the heading); and the heading's default margins space the summaries
//! 24px apart (WCAG 2.5.8 target size) in a host page with no stylesheet for them, which a strict
//! CSP host may not allow. There is no cookie notice: without script nothing is stored.

use super::rich_text::blocks;
use super::{el, Node};
use crate::faq::{Faq, Question};

pub fn static_faq(faq: &Faq) -> Node {
    let contact = faq.contact.as_ref().map(super::app::contact_note);
    // Attributes in the order earlier versions printed them (class last): the output is stable.
    let mut section = el("section");
    if let Some(lang) = &faq.lang {
        section = section.attr("lang", lang.as_str());
    }
    section
        .attr("aria-labelledby", "faq-static-title")
        .class("faq faq-static")
        .child(
            el("h2")
                .attr("id", "faq-static-title")
                .class("faq-title")
                .text(faq.title.as_str()),
        )
        .maybe((!faq.intro.is_empty()).then(|| {
            el("div")
                .class("faq-intro")
                .children(blocks(&faq.intro, None))
        }))
        .child(
            el("div")
                .class("faq-static-questions")
                .children(faq.questions.iter().map(|question| {
                    // The id keeps deep links (page#id) working: the browser scrolls to the
                    // question and opens it.
                    el("details")
                        .attr("id", question.id.as_str())
                        .class("faq-item")
                        .child(
                            el("summary").class("faq-question").child(
                                el("h3")
                                    .class("faq-question-text")
                                    .text(question.question.as_str()),
                            ),
                        )
                        .child(
                            el("div")
                                .class("faq-panel")
                                .children(static_answer(question)),
                        )
                        .into()
                })),
        )
        .maybe(contact)
        .into()
}

/// An answer and its "Read more" links: the panel of a question, and the answer text of the
/// schema.org JSON-LD.
pub fn static_answer(question: &Question) -> Vec<Node> {
    let mut nodes = blocks(&question.answer, None);
    if !question.links.is_empty() {
        nodes.push(
            el("ul")
                .class("faq-links")
                // A paragraph in each item: its default margins keep the links 24px apart.
                .children(question.links.iter().map(|link| {
                    let p = match &link.href {
                        Some(href) => el("p")
                            .child(el("a").attr("href", href.as_str()).text(link.text.as_str())),
                        None => el("p").text(link.text.as_str()),
                    };
                    el("li").child(p).into()
                }))
                .into(),
        );
    }
    nodes
}
