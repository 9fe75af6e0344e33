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

/// The widget itself, pre-rendered: its own components (`FaqView`, as the browser renders it
/// before the visitor does anything) in a `<faq-widget>` with a declarative shadow root holding
/// the widget's stylesheet, followed by the embed script, which takes it over
/// (`faq_widget::hooks::use_takeover`). `base` is the URL of the folder dist/ is served from;
/// `src` where the widget fetches the FAQ (default: faq.json there).
pub fn prerendered(faq: &Rc<Faq>, base: &str, src: Option<&str>) -> String {
    use faq_widget::components::{FaqView, FaqViewProps};

    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        [base, "/"].concat()
    };
    let src = src.map_or_else(|| [base.as_str(), "faq.json"].concat(), str::to_owned);
    let props = yew::props!(FaqViewProps {
        faq: faq.clone(),
        src: src.clone(),
    });
    let renderer = LocalServerRenderer::<FaqView>::with_props(props).hydratable(false);
    let widget = futures::executor::block_on(renderer.render());
    format!(
        "<faq-widget src=\"{src}\"><template shadowrootmode=\"open\">\
<link rel=\"stylesheet\" href=\"{base}faq-widget.css\">\
<div class=\"faq-root\" data-prerendered=\"\">{widget}</div></template></faq-widget>\n\
<script src=\"{base}embed.js\" data-prerendered=\"\" async></script>",
        src = attribute(&src),
        base = attribute(&base),
    )
}

/// `text` as a double-quoted attribute value.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}
