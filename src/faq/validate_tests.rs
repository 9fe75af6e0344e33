//! Tests of `validate.rs` (its own file: the module's code and its tests each stay short).

use super::*;

#[test]
fn the_widget_loader_agrees_with_the_checker_on_what_can_be_shown() {
    let samples = [
        include_str!("../../faq.json"),
        r#"{"title": "T", "colour": 1, "questions": [{"question": "q", "answer": "[x](javascript:y)"}]}"#,
        r#"{"title": "T", "questions": [{"question": "q"}]}"#,
        r#"{"title": "T", "questions": []}"#,
        "not json",
    ];
    for text in samples {
        let (full, display) = (load(text), load_for_display(text));
        assert_eq!(full.faq, display.faq, "{text}");
        // The same problem, without the hint (the widget does not show hints).
        let without_hint =
            |d: Option<&Diagnostic>| d.map(|d| (d.severity, d.at, d.message.clone()));
        assert_eq!(
            without_hint(full.first_fatal()),
            without_hint(display.first_fatal()),
            "{text}"
        );
        assert!(display.diagnostics.iter().all(|d| d.hint.is_empty()));
        assert!(display
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Fatal));
    }
}
use crate::faq::markup::{Block, Inline};

const MINIMAL: &str =
    r#"{"title": "FAQ", "questions": [{"question": "Why?", "answer": "Because."}]}"#;

/// The checker's first fatal problem; the widget's reader must name the same place.
pub(super) fn fatal(text: &str) -> String {
    let loaded = load(text);
    assert!(loaded.faq.is_none(), "expected a fatal problem in {text}");
    let first = loaded.first_fatal().expect("a fatal diagnostic");
    let shown = load_for_display(text);
    let widget = shown.first_fatal().expect("the widget stops too");
    assert_eq!(
        (&widget.path, &widget.message, widget.at),
        (&first.path, &first.message, first.at),
        "{text}"
    );
    first.message.clone()
}

#[test]
fn minimal_faq_loads() {
    let loaded = load(MINIMAL);
    assert!(loaded.diagnostics.is_empty());
    let faq = loaded.faq.unwrap();
    assert_eq!(faq.title, "FAQ");
    assert_eq!(faq.questions[0].id, "why");
    assert_eq!(
        faq.questions[0].answer,
        vec![Block::Paragraph(vec![Inline::Text("Because.".into())])]
    );
    assert!(faq.cookie_notice.is_none());
}

#[test]
fn missing_and_wrong_fields_name_the_field_and_question() {
    assert_eq!(
        fatal(r#"{"questions": [{"question": "a", "answer": "b"}]}"#),
        "\"title\" is missing."
    );
    assert_eq!(
        fatal(
            r#"{"title": "T", "questions": [{"question": "a", "answer": "b"}, {"question": "c"}]}"#
        ),
        "Question 2: \"answer\" is missing."
    );
    assert_eq!(
        fatal(r#"{"title": "T", "questions": [{"question": 3, "answer": "b"}]}"#),
        "Question 1: \"question\" must be text, but it is a number."
    );
    assert_eq!(
        fatal(r#"{"title": "T", "questions": [{"question": "  ", "answer": "b"}]}"#),
        "Question 1: \"question\" is empty."
    );
    assert_eq!(
        fatal(r#"{"title": "T", "questions": []}"#),
        "\"questions\" is empty; the FAQ needs at least one question."
    );
    assert_eq!(
        fatal(r#"{"title": "T", "questions": {}}"#),
        "\"questions\" must be a list, but it is an object."
    );
    assert_eq!(
        fatal(r#"[1]"#),
        "The FAQ file must be an object, but it is a list."
    );
    assert!(fatal("<html>Not found</html>").starts_with("This is not valid JSON"));
}

#[test]
fn positions_point_into_the_source() {
    let text = "{\"title\": \"T\",\n \"questions\": [\n  {\"question\": \"a\", \"answer\": 5}]}";
    let loaded = load(text);
    let d = loaded.first_fatal().unwrap();
    assert_eq!(d.path, "/questions/0/answer");
    assert_eq!(d.spot, Spot::Value);
    let at = d.at.unwrap();
    assert_eq!(&text[at..at + 1], "5");
    assert_eq!(load_for_display(text).first_fatal().unwrap().at, Some(at));
}

#[test]
fn ids_are_derived_unique_and_checked() {
    let loaded = load(
        r#"{"title": "T", "questions": [
              {"question": "How do I join?", "answer": "a"},
              {"question": "How do I join…", "answer": "b"},
              {"id": "x", "question": "Q3", "answer": "c"},
              {"id": "x", "question": "Q4", "answer": "d"},
              {"id": "bad id!", "question": "Été à Paris", "answer": "e"},
              {"question": "؟", "answer": "f"}]}"#,
    );
    let ids: Vec<_> = loaded
        .faq
        .as_ref()
        .unwrap()
        .questions
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "how-do-i-join",
            "how-do-i-join-2",
            "x",
            "x-2",
            "ete-a-paris",
            "q6"
        ]
    );
    let messages: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(messages.contains(&"Question 4: the id \"x\" is already used by another question."));
    assert!(
        messages.contains(&"Question 5: the id \"bad id!\" may only use letters, digits, - and _.")
    );
}

#[test]
fn forbidden_links_degrade_to_text_and_are_reported() {
    let loaded = load(
        r#"{"title": "T", "questions": [{"question": "q", "answer": "[x](javascript:alert(1))",
               "links": [{"text": "Bad", "href": "javascript:alert(1)"}, {"text": "Good", "href": "https://a.org"}]}]}"#,
    );
    let faq = loaded.faq.unwrap();
    assert_eq!(faq.questions[0].links[0].href, None);
    assert_eq!(
        faq.questions[0].links[1].href.as_deref(),
        Some("https://a.org")
    );
    assert_eq!(
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        2
    );
}

#[test]
fn unknown_fields_warn_and_duplicates_error() {
    let loaded = load(
        r#"{"$schema": "x", "title": "T", "colour": "red", "questions": [
               {"question": "Same", "answer": "a", "answr": "typo"}, {"question": "same", "answer": "b"}]}"#,
    );
    assert!(loaded.faq.is_some());
    let messages: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.severity, d.message.as_str()))
        .collect();
    assert!(messages.contains(&(
        Severity::Warning,
        "\"colour\" is not a field of the FAQ format; it is ignored."
    )));
    assert!(messages.contains(&(
        Severity::Warning,
        "Question 1: \"answr\" is not a field of the FAQ format; it is ignored."
    )));
    assert!(messages.contains(&(
        Severity::Error,
        "Question 2: the same question text as question 1."
    )));
}

/// `fatal` holds the widget's reader (no path tracking, `place.rs`) to the checker's place.
#[test]
fn the_widget_names_the_same_place_as_the_checker() {
    let q = r#"{"question": "q", "answer": "a"}"#;
    let cases = [
            format!(r#"{{"title": " ", "questions": [{q}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "  "}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": 7}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "question": "q3", "answer": "a"}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "links": [{{"text": "t", "href": ""}}]}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "links": [{{"text": "t"}}]}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "links": ["x"]}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "keywords": "k"}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "contact": {{"text": "c", "href": []}}}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "cookie_notice": {{"text": "c", "more": {{"text": "m"}}}}}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "cookie_notice": {{"text": "c", "revision": -1}}}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "ui": []}}"#),
            r#"{"title": "T", "questions": {}}"#.to_owned(),
            format!(r#"{{"title": "T", "questions": [{q}, 3]}}"#),
            format!(r#"{{"ti\"tle": 1, "title": "T", "questions": [{q}, {{"id": "a]b,{{", "question": "q2"}}]}}"#),
            // Pretty printed, with a BOM: the same places over several lines.
            format!("\u{feff}{{\n  \"title\": \"T\",\n  \"questions\": [\n    {q},\n    {{\n      \"question\": \"q2\",\n      \"answer\": \"\"\n    }}\n  ]\n}}\n"),
        ];
    for text in &cases {
        fatal(text);
    }
}

#[test]
fn feedback_switch() {
    let with = |extra: &str| {
        load(&format!(
            r#"{{"title": "T", "questions": [{{"question": "q", "answer": "a"}}]{extra}}}"#
        ))
        .faq
        .unwrap()
        .feedback
    };
    assert!(with(""));
    assert!(with(r#", "feedback": true"#));
    assert!(!with(r#", "feedback": false"#));
    assert!(with(r#", "feedback": null"#));
    assert_eq!(
        fatal(
            r#"{"title": "T", "questions": [{"question": "q", "answer": "a"}], "feedback": "off"}"#
        ),
        "\"feedback\" must be true/false, but it is text."
    );
}

#[test]
fn cookie_notice_revision() {
    let faq = load(r#"{"title": "T", "questions": [{"question": "q", "answer": "a"}],
            "cookie_notice": {"text": "Cookies.", "more": {"text": "Tell me more", "href": "/cookies"}, "revision": 3}}"#)
            .faq
            .unwrap();
    let notice = faq.cookie_notice.unwrap();
    assert_eq!(notice.revision, 3);
    assert_eq!(notice.more.unwrap().href.as_deref(), Some("/cookies"));
    assert_eq!(
        fatal(
            r#"{"title": "T", "questions": [{"question": "q", "answer": "a"}], "cookie_notice": {"text": "c", "revision": "2"}}"#
        ),
        "\"cookie_notice.revision\" must be a number, but it is text."
    );
}

#[test]
fn many_same_questions_stay_fast() {
    // Duplicate checks and id numbering once took quadratic and cubic time.
    let mut text = String::from(r#"{"title": "T", "questions": ["#);
    for i in 0..20_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(r#"{"question": "Same?", "answer": "a", "id": "x"}"#);
    }
    text.push_str("]}");
    let loaded = load(&text);
    let faq = loaded.faq.unwrap();
    assert_eq!(faq.questions[19_999].id, "x-20000");
    assert_eq!(loaded.diagnostics.len(), 2 * 19_999);
}

#[test]
fn slugs() {
    assert_eq!(
        slug("How do I join INTERPOL?").as_deref(),
        Some("how-do-i-join-interpol")
    );
    assert_eq!(slug("  --  ").as_deref(), None);
    assert!(slug(&"word ".repeat(40)).unwrap().len() <= 60);
}

#[test]
fn ui_texts_reach_the_model_and_unknown_keys_are_warned() {
    let text = r#"{"title": "T", "ui": {"show_all": "Tout", "results.few": "{count} x", "shwo_all": "?", "retry": 3},
            "questions": [{"question": "q", "answer": "a"}]}"#;
    let loaded = load(text);
    let faq = loaded.faq.as_ref().unwrap();
    assert_eq!(
        faq.ui,
        [
            ("show_all".to_owned(), "Tout".to_owned()),
            ("results.few".to_owned(), "{count} x".to_owned())
        ]
    );
    let warnings: Vec<&str> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("\"shwo_all\" is not an interface text"));
    assert!(warnings[1].contains("\"retry\" must be text"));
    let text = r#"{"title": "T", "ui": {"show_all": "Tout", "show_all": "Encore"},
            "questions": [{"question": "q", "answer": "a"}]}"#;
    let loaded = load(text);
    assert_eq!(
        loaded.faq.unwrap().ui,
        [("show_all".to_owned(), "Tout".to_owned())]
    );
    let d = &loaded.diagnostics[0];
    assert_eq!(
        d.message,
        "\"ui\": \"show_all\" appears twice; only the first is used."
    );
    assert_eq!(
        (d.path.as_str(), d.spot, d.severity),
        ("/ui/show_all", Spot::RepeatedKey, Severity::Error)
    );
}
