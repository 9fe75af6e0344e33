//! `faq-widget render`: the FAQ as static HTML ([`static_faq`], serialised by `view::to_html`),
//! and optionally as schema.org `FAQPage` JSON-LD for search engines.

use super::json_out::Json;
use faq_widget::faq::Faq;
use faq_widget::view::static_faq::{static_answer, static_faq};
use faq_widget::view::to_html;

pub fn html(faq: &Faq) -> String {
    to_html(&static_faq(faq))
}

/// `<script type="application/ld+json">` with a schema.org `FAQPage`: every question with its
/// answer as HTML (paragraphs, lists and links are among the tags search engines accept there).
pub fn json_ld(faq: &Faq) -> String {
    let questions = faq.questions.iter().map(|question| {
        let answer: String = static_answer(question).iter().map(to_html).collect();
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
