//! `faq-widget render`: the FAQ as static HTML ([`static_faq`], serialised by `view::to_html`),
//! and optionally as schema.org `FAQPage` JSON-LD for search engines.

use faq_widget::faq::Faq;
use faq_widget::view::static_faq::{static_answer, static_faq};
use faq_widget::view::to_html;
use serde_json::json;

pub fn html(faq: &Faq) -> String {
    to_html(&static_faq(faq))
}

/// `<script type="application/ld+json">` with a schema.org `FAQPage`: every question with its
/// answer as HTML (paragraphs, lists and links are among the tags search engines accept there).
pub fn json_ld(faq: &Faq) -> String {
    let questions: Vec<serde_json::Value> = faq
        .questions
        .iter()
        .map(|question| {
            let answer: String = static_answer(question).iter().map(to_html).collect();
            json!({
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": { "@type": "Answer", "text": answer },
            })
        })
        .collect();
    let mut page = json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "name": faq.title,
    });
    if let Some(lang) = &faq.lang {
        page["inLanguage"] = json!(lang);
    }
    page["mainEntity"] = json!(questions);
    format!(
        "<script type=\"application/ld+json\">{}</script>",
        script_safe(&page)
    )
}

/// Compact JSON that is safe between `<script>` and `</script>` in HTML: `<`, `>` and `&` are
/// written as `\u` escapes (inside strings, the only place they can be), so no `</script>` or
/// `<!--` can appear.
fn script_safe(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
