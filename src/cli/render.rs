//! `faq-widget render`: the FAQ as static HTML (Yew SSR of [`StaticFaq`]), and optionally as
//! schema.org `FAQPage` JSON-LD for search engines.

use std::rc::Rc;

use yew::LocalServerRenderer;

use super::json_out::Json;
use crate::components::static_faq::{StaticAnswer, StaticAnswerProps};
use crate::components::{StaticFaq, StaticFaqProps};
use crate::faq::Faq;

pub fn html(faq: &Rc<Faq>) -> String {
    let renderer =
        LocalServerRenderer::<StaticFaq>::with_props(StaticFaqProps { faq: faq.clone() })
            .hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `<script type="application/ld+json">` with a schema.org `FAQPage`: every question with its
/// answer as HTML (paragraphs, lists and links are among the tags search engines accept there).
pub fn json_ld(faq: &Faq) -> String {
    let questions = faq.questions.iter().map(|question| {
        let renderer = LocalServerRenderer::<StaticAnswer>::with_props(StaticAnswerProps {
            question: Rc::new(question.clone()),
        })
        .hydratable(false);
        let answer = futures::executor::block_on(renderer.render());
        Json::object([
            ("@type", Json::str("Question")),
            ("name", Json::str(question.question.clone())),
            (
                "acceptedAnswer",
                Json::object([("@type", Json::str("Answer")), ("text", Json::str(answer))]),
            ),
        ])
    });
    let mut page = Json::object([
        ("@context", Json::str("https://schema.org")),
        ("@type", Json::str("FAQPage")),
        ("name", Json::str(faq.title.clone())),
    ]);
    if let Some(lang) = &faq.lang {
        page = page.with("inLanguage", Json::str(lang.clone()));
    }
    page = page.with("mainEntity", Json::Array(questions.collect()));
    format!(
        "<script type=\"application/ld+json\">{}</script>",
        page.script_safe()
    )
}
