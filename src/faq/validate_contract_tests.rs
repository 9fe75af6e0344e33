//! Tests of `validate.rs` against the whole format: every field of the contract in place,
//! wrong, missing and null; objects and lists; wording and placing of syntax and markup errors.
//! (Their own file: `validate_tests.rs` holds the rest, and `fatal`, shared.)

use super::tests::fatal;
use super::*;

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
    // A list whose first item is not even JSON, the list at the start of a line (found by the
    // byte-mutation property test: serde_json then says column 0, and the widget named the
    // list's first item instead of the question).
    for (text, question) in [
        (r#"{"title": "T", "questions": [[data:x]]}"#, 1),
        ("{\"title\": \"T\", \"questions\": [\n[data:x]]}", 1),
        ("{\"title\": \"T\", \"questions\": [\n[\"q\"]]}", 1),
        (
            "{\"title\": \"T\", \"questions\": [{\"question\": \"q\", \"answer\": \"a\"},\n[data:x {]]}",
            2,
        ),
    ] {
        assert_eq!(
            fatal(text),
            format!("Question {question} must be an object, but it is a list.")
        );
    }
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
