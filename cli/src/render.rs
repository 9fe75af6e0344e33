//! `faq-widget render`: the FAQ as static HTML (the widget's own components, rendered with
//! Yew's server renderer), and optionally as schema.org `FAQPage` JSON-LD for search engines.

use std::rc::Rc;

use yew::LocalServerRenderer;

use super::json_out::Json;
use faq_widget::components::static_faq::{StaticAnswer, StaticAnswerProps};
use faq_widget::components::{StaticFaq, StaticFaqProps};
use faq_widget::faq::{Faq, Question};

pub fn html(faq: &Faq) -> String {
    let props = StaticFaqProps {
        faq: Rc::new(faq.clone()),
    };
    let renderer = LocalServerRenderer::<StaticFaq>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

fn answer_html(question: &Question) -> String {
    let props = StaticAnswerProps {
        question: Rc::new(question.clone()),
    };
    let renderer = LocalServerRenderer::<StaticAnswer>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `<script type="application/ld+json">` with a schema.org `FAQPage`: every question with its
/// answer as HTML (paragraphs, lists and links are among the tags search engines accept there).
pub fn json_ld(faq: &Faq) -> String {
    let questions = faq.questions.iter().map(|question| {
        let answer = answer_html(question);
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
