//! `faq-widget render`: the static page (every question and answer as `<details>`), its JSON-LD
//! safe inside a script, a FAQ the widget would not show refused, and the pre-rendered copy of a
//! FAQ in several languages (`--langs`).
#![cfg(not(target_arch = "wasm32"))]

mod tool;

use std::path::Path;

use serde_json::Value;

use tool::*;

/// Text as it appears in HTML text content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn render_prints_every_question_and_answer_as_details() {
    use faq_widget::faq::markup::{Block, Inline};

    let output = run(&["render", "faq.json"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
    let html = text(&output.stdout);
    let source = std::fs::read_to_string(Path::new(ROOT).join("faq.json")).unwrap();
    let faq = faq_widget::faq::load(&source).faq.unwrap();
    assert!(html.starts_with("<section lang=\"en\" aria-labelledby=\"faq-static-title\" class=\"faq faq-static\"><h2 id=\"faq-static-title\" class=\"faq-title\">Frequently asked questions</h2>"));
    assert_eq!(html.matches("<details ").count(), faq.questions.len());
    for question in &faq.questions {
        let summary = format!(
            "<details id=\"{}\" class=\"faq-item\"><summary class=\"faq-question\"><h3 class=\"faq-question-text\">{}</h3></summary>",
            question.id,
            escape(&question.question)
        );
        assert!(html.contains(&summary), "{}", question.id);
        for block in &question.answer {
            let inlines: Vec<&Inline> = match block {
                Block::Paragraph(inlines) => inlines.iter().collect(),
                Block::List(items) => items.iter().flatten().collect(),
            };
            for inline in inlines {
                let shown = match inline {
                    Inline::Text(text) => escape(text),
                    Inline::Link { text, href } => {
                        format!(
                            "<a href=\"{}\">{}</a>",
                            href.replace('&', "&amp;"),
                            escape(text)
                        )
                    }
                };
                assert!(html.contains(&shown), "{}: {shown}", question.id);
            }
        }
        for link in &question.links {
            assert!(html.contains(&escape(&link.text)));
        }
    }
    assert!(!html.contains("<script"));
    assert!(!html.contains("<button"), "no script, so no buttons");
}

#[test]
fn render_json_ld_is_a_schema_org_faq_page_safe_inside_a_script() {
    let output = run(&["render", "--json-ld", "tests/e2e/fixtures/hostile.json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output.stderr).contains("error: Question 1: \"links\": the address"),
        "problems go to stderr"
    );
    let html = text(&output.stdout);
    let start = html.find("<script type=\"application/ld+json\">").unwrap();
    let body = &html[start + "<script type=\"application/ld+json\">".len()..];
    let end = body.find("</script>").unwrap();
    assert_eq!(
        end + "</script>\n".len(),
        body.len(),
        "one script, at the end"
    );
    let data = parse(&body[..end]).expect("JSON-LD is JSON");
    assert_eq!(member(&data, "@type"), &Value::from("FAQPage"));
    let questions = items(member(&data, "mainEntity"));
    assert_eq!(questions.len(), 1);
    let name = member(&questions[0], "name").as_str().expect("name");
    assert!(
        name.contains("<script>"),
        "the text is kept, escaped in JSON"
    );
    let answer = member(member(&questions[0], "acceptedAnswer"), "text")
        .as_str()
        .expect("text");
    assert!(answer.starts_with("<p>"));
    assert!(!answer.contains("href=\"javascript:"));
    // Only the script tags the tool wrote: the content's own "<script>" is inert everywhere.
    assert_eq!(html.matches("<script").count(), 1);
    assert!(!html.contains("href=\"javascript:"));
    assert!(!html.contains("<img"));
}

#[test]
fn render_refuses_a_faq_the_widget_would_not_show() {
    let output = run(&["render", "cli/tests/fixtures/check/missing-field.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    assert!(text(&output.stderr).contains("Question 2: \"answer\" is missing."));
    let output = run(&["render", "no/such/file.json"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn render_prerender_with_langs_carries_the_language_switch() {
    let output = run(&[
        "render",
        "--prerender",
        "https://cdn.example/dist",
        "--langs",
        "en,fr,es,ar",
        "faq.fr.json",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let html = text(&output.stdout);
    assert!(html.starts_with(
        "<faq-widget src=\"https://cdn.example/dist/faq.{lang}.json\" langs=\"en,fr,es,ar\">"
    ));
    // embed.js's switch, already there (before the copy, as embed.js places it), labelled by
    // the French pack's word, each language named in itself, French pressed.
    let switch =
        "<div role=\"group\" part=\"languages\" aria-label=\"Langue\" class=\"faq-languages\">\
<button lang=\"en\" aria-pressed=\"false\">English</button>\
<button lang=\"fr\" aria-pressed=\"true\">Français</button>\
<button lang=\"es\" aria-pressed=\"false\">Español</button>\
<button lang=\"ar\" aria-pressed=\"false\">العربية</button></div>\
<div class=\"faq-root\" data-prerendered=\"\">";
    assert!(html.contains(switch), "{html}");
    assert!(html.contains(
        "<h2 id=\"faq-title\" part=\"title\" class=\"faq-title\">Questions fréquentes</h2>"
    ));
    // One language: no switch, no langs.
    let single = text(
        &run(&[
            "render",
            "--prerender",
            "https://cdn.example/",
            "faq.fr.json",
        ])
        .stdout,
    );
    assert!(single.starts_with("<faq-widget src=\"https://cdn.example/faq.json\">"));
    assert!(!single.contains("faq-languages"));
}

#[test]
fn render_langs_refuses_a_file_of_another_language_and_a_src_without_lang() {
    let output = run(&["render", "--prerender", "/", "--langs", "fr,es", "faq.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    assert_eq!(
        text(&output.stderr),
        "faq-widget render: the FAQ's language (en) is not among --langs fr,es\n"
    );
    let output = run(&[
        "render",
        "--prerender",
        "/",
        "--src",
        "/faq.json",
        "--langs",
        "en,fr",
        "faq.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--src /faq.json has no {lang}"));
    // Only with --prerender.
    assert_eq!(
        run(&["render", "--langs", "en,fr", "faq.json"])
            .status
            .code(),
        Some(2)
    );
}
