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
fn fatal(text: &str) -> String {
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

/// A file using every field of the format, each once.
const FULL: &str = r#"{"title": "T", "lang": "en", "intro": "i", "contact": {"text": "c", "href": "/c"},
        "questions": [{"id": "a", "question": "q", "answer": "a", "links": [{"text": "l", "href": "/l"}],
                       "category": "c", "keywords": ["k"]}],
        "cookie_notice": {"text": "n", "more": {"text": "m", "href": "/m"}, "revision": 2}, "ui": {}, "feedback": true}"#;

/// Every field of every object in `FULL`: the object's JSON Pointer, the field, required.
const FIELDS: &[(&str, &str, bool)] = &[
    ("", "title", true),
    ("", "lang", false),
    ("", "intro", false),
    ("", "contact", false),
    ("", "questions", true),
    ("", "cookie_notice", false),
    ("", "ui", false),
    ("", "feedback", false),
    ("/questions/0", "id", false),
    ("/questions/0", "question", true),
    ("/questions/0", "answer", true),
    ("/questions/0", "links", false),
    ("/questions/0", "category", false),
    ("/questions/0", "keywords", false),
    ("/contact", "text", true),
    ("/contact", "href", true),
    ("/questions/0/links/0", "text", true),
    ("/questions/0/links/0", "href", true),
    ("/cookie_notice", "text", true),
    ("/cookie_notice", "more", false),
    ("/cookie_notice", "revision", false),
    ("/cookie_notice/more", "text", true),
    ("/cookie_notice/more", "href", true),
];

/// `FULL` with field `name` of the object at `owner` set to `with`, or removed.
fn edit(owner: &str, name: &str, with: Option<serde_json::Value>) -> String {
    let mut root: serde_json::Value = serde_json::from_str(FULL).unwrap();
    let object = root.pointer_mut(owner).unwrap().as_object_mut().unwrap();
    match with {
        Some(value) => {
            object.insert(name.to_owned(), value);
        }
        None => {
            object.remove(name);
        }
    }
    root.to_string()
}

#[test]
fn the_validator_knows_every_field_of_the_contract() {
    let loaded = load(FULL);
    assert_eq!(loaded.diagnostics, [], "FULL is clean");
    // FIELDS lists every field of FULL, and FULL has every field of the contract (the
    // schema test in cli/ checks the schema's fields against the same file).
    let full: serde_json::Value = serde_json::from_str(FULL).unwrap();
    let owners = [
        "",
        "/contact",
        "/questions/0",
        "/questions/0/links/0",
        "/cookie_notice",
        "/cookie_notice/more",
    ];
    let in_full: Vec<(&str, &str)> = owners
        .iter()
        .flat_map(|owner| {
            let object = full.pointer(owner).unwrap().as_object().unwrap();
            object.keys().map(move |name| (*owner, name.as_str()))
        })
        .collect();
    let listed: Vec<(&str, &str)> = FIELDS.iter().map(|(o, n, _)| (*o, *n)).collect();
    assert_eq!(in_full.len(), listed.len());
    assert!(in_full.iter().all(|field| listed.contains(field)));
    for (owner, name, required) in FIELDS {
        // The wrong type: every field rejects true/false (the one switch, text), with a
        // message naming it.
        let (wrong, kind): (serde_json::Value, _) = match *name {
            "feedback" => ("yes".into(), "but it is text"),
            _ => (true.into(), "but it is true/false"),
        };
        let loaded = load(&edit(owner, name, Some(wrong.clone())));
        let fatal = loaded.first_fatal().expect(name);
        assert!(
            fatal.message.contains(name) && fatal.message.contains(kind),
            "{owner}/{name}: {fatal:?}"
        );
        assert_eq!(fatal.path, format!("{owner}/{name}"));
        assert_eq!(
            load_for_display(&edit(owner, name, Some(wrong)))
                .first_fatal()
                .map(|d| (&d.path, &d.message)),
            Some((&fatal.path, &fatal.message))
        );
        // Left out: required fields are missing, optional ones are fine; so is null.
        let without = load(&edit(owner, name, None));
        let reported = without
            .diagnostics
            .iter()
            .any(|d| d.message.ends_with(&format!("{name}\" is missing.")));
        assert_eq!(
            reported, *required,
            "{owner}/{name} left out: {:?}",
            without.diagnostics
        );
        if !required {
            assert_eq!(without.diagnostics, [], "{owner}/{name}");
            let null = load(&edit(owner, name, Some(serde_json::Value::Null)));
            assert_eq!(null.diagnostics, [], "{owner}/{name} null");
        }
        // A field the contract does not know is a warning in this object, on its name.
        let renamed = format!("{name}_x");
        let loaded = load(&edit(owner, &renamed, Some(1.into())));
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.severity == Severity::Warning
                    && d.message.contains(&renamed)
                    && d.spot == Spot::Key
                    && d.path == format!("{owner}/{renamed}")),
            "{owner}/{name}: {:?}",
            loaded.diagnostics
        );
        assert!(load_for_display(&edit(owner, &renamed, Some(1.into())))
            .diagnostics
            .is_empty());
    }
}

#[test]
fn objects_must_be_objects_and_fields_unique() {
    assert_eq!(
        fatal(r#"{"title": "T", "questions": [["id", "q", "a"]]}"#),
        "Question 1 must be an object, but it is a list."
    );
    assert_eq!(
        fatal(
            r#"{"title": "T", "contact": ["c", "/c"], "questions": [{"question": "q", "answer": "a"}]}"#
        ),
        "\"contact\" must be an object, but it is a list."
    );
    let text = r#"{"title": "T", "questions": [{"question": "q", "answer": "a", "answer": "b"}]}"#;
    let loaded = load(text);
    let d = loaded.first_fatal().unwrap();
    assert_eq!(d.message, "Question 1: \"answer\" appears twice.");
    assert_eq!(
        (d.path.as_str(), d.spot),
        ("/questions/0/answer", Spot::RepeatedKey)
    );
}

#[test]
fn the_checker_reports_every_broken_question_the_widget_the_first() {
    let text = r#"{"title": "T", "colour": 1, "questions": [{"question": "q"}, {"question": 2, "answer": "a"},
            {"id": "bad id", "question": "ok", "answer": "[x](javascript:y)"}, {"answer": "a", "answr": 1}]}"#;
    let messages: Vec<(Severity, String, String)> = load(text)
        .diagnostics
        .into_iter()
        .map(|d| (d.severity, d.path, d.message))
        .collect();
    let expected = [
            (Severity::Fatal, "/questions/0", "Question 1: \"answer\" is missing."),
            (Severity::Warning, "/colour", "\"colour\" is not a field of the FAQ format; it is ignored."),
            (Severity::Fatal, "/questions/1/question", "Question 2: \"question\" must be text, but it is a number."),
            (Severity::Warning, "/questions/3/answr", "Question 4: \"answr\" is not a field of the FAQ format; it is ignored."),
            (Severity::Fatal, "/questions/3", "Question 4: \"question\" is missing."),
            (Severity::Error, "/questions/2/answer", "Question 3: \"answer\": the link \"x\" to \"javascript:y\" is not allowed (only https:, http:, mailto:, tel: and relative links are allowed); it is shown as plain text."),
            (Severity::Error, "/questions/2/id", "Question 3: the id \"bad id\" may only use letters, digits, - and _."),
        ];
    for (severity, path, message) in expected {
        assert!(
            messages.contains(&(severity, path.to_owned(), message.to_owned())),
            "{message}: {messages:#?}"
        );
    }
    assert_eq!(messages.len(), expected.len(), "{messages:#?}");
    assert_eq!(messages[0].2, "Question 1: \"answer\" is missing.");
    let display = load_for_display(text);
    assert_eq!(display.diagnostics.len(), 1);
    assert_eq!(display.diagnostics[0].message, messages[0].2);
}

#[test]
fn syntax_errors_are_worded_for_people_and_placed() {
    for (text, message, at) in [
        ("", "the file is empty", 0),
        (
            "<html>",
            "expected a value (text in quotes, a number, a list or an object)",
            0,
        ),
        (
            "{\"a\": [1,]}",
            "a comma before ] (JSON allows no trailing comma)",
            8,
        ),
        (
            "{\"a\": 1,}",
            "a comma before } (JSON allows no trailing comma)",
            7,
        ),
        (
            "{\"title\": \"T\", \"questions\": [{\"question\": \"q\", \"answer\": \"a\"}]} x",
            "unexpected text after the end of the JSON value",
            64,
        ),
        ("{\"a\": \"x", "this text is never closed with a quote", 8),
        ("\u{feff}{\"a\" 1}", "expected : after the field name", 8),
    ] {
        let loaded = load_for_display(text);
        let d = loaded.first_fatal().unwrap();
        assert_eq!(
            d.message,
            format!("This is not valid JSON: {message}."),
            "{text:?}"
        );
        assert_eq!((d.at, d.spot), (Some(at), Spot::Read), "{text:?}");
        let full = Diagnostic {
            hint: "check quotes, commas and brackets near this position",
            ..d.clone()
        };
        assert_eq!(load(text).first_fatal(), Some(&full));
    }
}

#[test]
fn markup_problems_point_inside_the_decoded_text() {
    let text = "{\"title\": \"T\", \"questions\": [{\"question\": \"q\",\n  \"answer\": \"\\u00e9t\\u00e9\\n\\nsee [x](javascript:1) and [y](https://a\"}]}";
    let loaded = load(text);
    let answer = "été\n\nsee [x](javascript:1) and [y](https://a";
    let at: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| match d.spot {
            Spot::InText(at) => (d.path.as_str(), &answer[at..at + 3]),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        at,
        [
            ("/questions/0/answer", "jav"),
            ("/questions/0/answer", "[y]")
        ]
    );
    let text = r#"{"title": "T", "questions": [{"question": "q", "answer": "a", "links": [{"text": "l", "href": "  data:x"}]}]}"#;
    let d = &load(text).diagnostics[0];
    assert_eq!(
        (d.path.as_str(), d.spot),
        ("/questions/0/links/0/href", Spot::InText(2))
    );
    assert!(d
        .message
        .starts_with("Question 1: \"links\": the address \"  data:x\""));
}

#[test]
fn questions_must_be_a_list_even_null() {
    assert_eq!(
        fatal(r#"{"title": "T", "questions": null}"#),
        "\"questions\" must be a list, but it is null."
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
