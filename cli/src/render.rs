//! `faq-widget render`: the FAQ as static HTML (the widget's own components, rendered with
//! Yew's server renderer), and optionally as schema.org `FAQPage` JSON-LD for search engines.

use std::rc::Rc;

use yew::LocalServerRenderer;

use faq_widget::components::static_faq::{StaticAnswer, StaticAnswerProps};
use faq_widget::components::{StaticFaq, StaticFaqProps};
use faq_widget::faq::{Faq, Question};
use serde_json::json;

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
    let questions: Vec<serde_json::Value> = faq
        .questions
        .iter()
        .map(|question| {
            let answer = answer_html(question);
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

/// The widget itself, pre-rendered: its own components (`FaqView`, as the browser renders it
/// before the visitor does anything) in a `<faq-widget>` with a declarative shadow root holding
/// the widget's stylesheet, followed by the embed script, which takes it over
/// (`faq_widget::hooks::take_over`). `base` is the URL of the folder dist/ is served from;
/// `src` where the widget fetches the FAQ (default: faq.json there).
pub fn prerendered(faq: &Rc<Faq>, base: &str, src: Option<&str>) -> String {
    use faq_widget::components::{FaqView, FaqViewProps};

    let base = if base.ends_with('/') {
        base.to_owned()
    } else {
        [base, "/"].concat()
    };
    let src = src.map_or_else(|| [base.as_str(), "faq.json"].concat(), str::to_owned);
    // With the interface texts of its language, as the widget will show them (its pack).
    let props = yew::props!(FaqViewProps {
        faq: Rc::new(faq_widget::language_pack::with_compiled_in(faq)),
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
