//! The components rendered natively with Yew SSR: the accessible structure a screen reader gets.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use faq_widget::components::{FaqView, FaqViewProps};
use faq_widget::faq::{load, Faq};
use yew::LocalServerRenderer;

fn render(faq: Faq) -> String {
    let renderer = LocalServerRenderer::<FaqView>::with_props(FaqViewProps { faq: Rc::new(faq) })
        .hydratable(false);
    futures::executor::block_on(renderer.render())
}

fn bundled() -> Faq {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.json")).unwrap();
    let loaded = load(&text);
    assert!(
        loaded.diagnostics.is_empty(),
        "bundled faq.json has problems: {:?}",
        loaded.diagnostics
    );
    loaded.faq.unwrap()
}

#[test]
fn bundled_faq_has_the_seed_content() {
    let faq = bundled();
    assert_eq!(
        faq.questions.len(),
        13,
        "14 on the page, with the two 'How do I join' merged"
    );
    let joins = faq
        .questions
        .iter()
        .filter(|q| q.question == "How do I join INTERPOL?")
        .count();
    assert_eq!(joins, 1);
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seed/faq-page.txt"
    ));
    if let Ok(seed) = seed {
        for question in &faq.questions {
            assert!(
                seed.contains(&question.question),
                "not on the seed page: {}",
                question.question
            );
        }
    }
    assert!(faq.cookie_notice.is_some());
    assert!(faq.contact.is_some());
}

#[test]
fn every_question_is_a_button_in_a_heading_controlling_a_hidden_until_found_panel() {
    let faq = bundled();
    let html = render(faq.clone());
    for question in &faq.questions {
        let button = format!(
            "<h3 class=\"faq-question\"><button type=\"button\" id=\"q-{id}\" part=\"question\" aria-expanded=\"false\" aria-controls=\"a-{id}\" class=\"faq-question-button\">",
            id = question.id
        );
        assert!(html.contains(&button), "missing button for {}", question.id);
        assert!(html.contains(&format!("id=\"a-{}\"", question.id)));
    }
    assert_eq!(
        html.matches("hidden=\"until-found\"").count(),
        faq.questions.len()
    );
    assert!(html.contains("aria-labelledby=\"faq-title\""));
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("role=\"status\""));
    assert!(html.contains(">Show all answers</button>"));
    // The ::part() names hosts theme with (README, "Theming").
    for part in ["title", "show-all", "question", "answer"] {
        assert!(html.contains(&format!("part=\"{part}\"")), "no part {part}");
    }
}

#[test]
fn hostile_content_is_text_and_bad_links_are_not_links() {
    let loaded = load(
        r#"{"title": "<img src=x onerror=alert(1)>", "questions": [
            {"question": "<script>alert(1)</script>", "answer": "<b>x</b> [click](javascript:alert(1)) [ok](https://a.org)",
             "links": [{"text": "evil", "href": "data:text/html,<script>alert(1)</script>"}]}]}"#,
    );
    let html = render(loaded.faq.unwrap());
    assert!(!html.contains("<script>"));
    assert!(!html.contains("<img"));
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("href=\"javascript:"));
    assert!(!html.contains("href=\"data:"));
    assert!(html.contains("href=\"https://a.org\""));
    assert!(html.contains("<li>evil</li>"));
}
