//! Tests of `draft.rs` (its own file: the module's code and its tests each stay short).

use super::*;

/// Every field of the format has its place in the written order (a field added to
/// `faq_widget::faq::contract` and not here would be written last, alphabetically).
#[test]
fn the_key_order_knows_every_field_of_the_format() {
    let full = r#"{"title": "T", "lang": "en", "intro": "i", "contact": {"text": "c", "href": "/c"},
        "questions": [{"id": "a", "question": "q", "answer": "a", "links": [{"text": "l", "href": "/l"}],
                       "category": "c", "keywords": ["k"]}],
        "cookie_notice": {"text": "n", "more": {"text": "m", "href": "/m"}, "revision": 2},
        "ui": {"retry": "r"}, "feedback": false}"#;
    let file: faq_widget::faq::contract::FaqFile = serde_json::from_str(full).unwrap();
    let value = serde_json::to_value(&file).unwrap();
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    for (object, order) in [
        (&value, TOP),
        (&value["questions"][0], QUESTION),
        (&value["contact"], LINK),
        (&value["questions"][0]["links"][0], LINK),
        (&value["cookie_notice"], NOTICE),
    ] {
        for key in keys(object) {
            assert!(
                order.contains(&key.as_str()),
                "{key} has no place in {order:?}"
            );
        }
    }
    // And the serde types wrote every field of the example.
    assert_eq!(keys(&value).len(), TOP.len() - 1, "all but $schema");
}

#[test]
fn empty_faq_is_valid_and_pretty() {
    let value = parse(EMPTY_FAQ).unwrap();
    assert_eq!(pretty(&value), EMPTY_FAQ);
    let loaded = faq_widget::faq::load(EMPTY_FAQ);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}

#[test]
fn bundled_faq_round_trips_through_the_form() {
    let text = include_str!("../../faq.json");
    let mut value = parse(text).unwrap();
    assert_eq!(
        get(&value, Field::Question(0)),
        "Does INTERPOL send agents around the world to arrest people?"
    );
    set(&mut value, Field::Question(0), "Renamed?");
    let out = pretty(&value);
    let again = parse(&out).unwrap();
    assert_eq!(get(&again, Field::Question(0)), "Renamed?");
    // Unknown-to-the-form members survive.
    assert_eq!(
        again["questions"][1]["links"],
        value["questions"][1]["links"]
    );
    assert_eq!(pretty(&again), out, "stable");
    let loaded = faq_widget::faq::load(&out);
    assert!(loaded.faq.is_some());
    assert_eq!(loaded.faq.unwrap().questions[0].question, "Renamed?");
}

#[test]
fn key_order_is_the_formats() {
    let value = parse(r#"{"zz":1,"questions":[{"answer":"a","question":"q","id":"x"}],"title":"t","contact":{"href":"h","text":"c"}}"#).unwrap();
    assert_eq!(
        pretty(&value),
        "{\n  \"title\": \"t\",\n  \"contact\": {\n    \"text\": \"c\",\n    \"href\": \"h\"\n  },\n  \"questions\": [\n    {\n      \"id\": \"x\",\n      \"question\": \"q\",\n      \"answer\": \"a\"\n    }\n  ],\n  \"zz\": 1\n}\n"
    );
}

#[test]
fn optional_fields_go_when_emptied_required_stay() {
    let mut value = parse(EMPTY_FAQ).unwrap();
    set(&mut value, Field::ContactText, "Write to us");
    set(&mut value, Field::ContactHref, "mailto:a@example.org");
    assert_eq!(get(&value, Field::ContactHref), "mailto:a@example.org");
    set(&mut value, Field::ContactText, "");
    set(&mut value, Field::ContactHref, "");
    assert!(value.get("contact").is_none(), "an emptied object goes");
    set(&mut value, Field::Lang, "");
    assert!(value.get("lang").is_none());
    set(&mut value, Field::Answer(0), "");
    assert_eq!(value["questions"][0]["answer"], "");
    set(&mut value, Field::Answer(7), "nothing");
    assert_eq!(question_count(&value), 1);
}

#[test]
fn questions_added_moved_removed() {
    let mut value = parse(EMPTY_FAQ).unwrap();
    assert_eq!(add_question(&mut value), 1);
    assert_eq!(add_question(&mut value), 2);
    assert_eq!(get(&value, Field::QuestionId(1)), "question-2");
    assert_eq!(get(&value, Field::QuestionId(2)), "question-3");
    assert_eq!(move_question(&mut value, 2, 0), 0);
    assert_eq!(get(&value, Field::QuestionId(0)), "question-3");
    assert_eq!(move_question(&mut value, 0, 99), 2);
    remove_question(&mut value, 0);
    assert_eq!(question_count(&value), 2);
    assert_eq!(add_question(&mut value), 2);
    let ids: Vec<String> = (0..3).map(|i| get(&value, Field::QuestionId(i))).collect();
    assert_eq!(ids, ["question-2", "question-3", "question-4"]);
    let loaded = faq_widget::faq::load(&pretty(&value));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}

#[test]
fn cookie_notice_on_off() {
    let mut value = parse(EMPTY_FAQ).unwrap();
    assert!(!has_cookie_notice(&value));
    set_cookie_notice(&mut value, true);
    assert_eq!(cookie_revision(&value), 1);
    set_cookie_revision(&mut value, 2);
    set(&mut value, Field::CookieMoreText, "More");
    set(
        &mut value,
        Field::CookieMoreHref,
        "https://www.example.org/cookies",
    );
    assert_eq!(value["cookie_notice"]["more"]["text"], "More");
    let loaded = faq_widget::faq::load(&pretty(&value));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    set_cookie_notice(&mut value, false);
    assert!(!has_cookie_notice(&value));
}

#[test]
fn interface_texts_set_and_removed() {
    let mut value = parse(EMPTY_FAQ).unwrap();
    assert!(ui_texts(&value).is_empty());
    set_ui(&mut value, "search.label", "Find a question");
    set_ui(&mut value, "retry", "Again");
    assert_eq!(
        ui_texts(&value),
        [
            ("retry".to_owned(), "Again".to_owned()),
            ("search.label".to_owned(), "Find a question".to_owned())
        ]
    );
    let loaded = faq_widget::faq::load(&pretty(&value));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert!(loaded
        .faq
        .unwrap()
        .ui
        .contains(&("search.label".to_owned(), "Find a question".to_owned())));
    assert!(pretty(&value).ends_with("  \"ui\": {\n    \"retry\": \"Again\",\n    \"search.label\": \"Find a question\"\n  }\n}\n"));
    set_ui(&mut value, "retry", "");
    set_ui(&mut value, "search.label", "");
    assert!(value.get("ui").is_none(), "an emptied ui goes");
    set_ui(&mut value, "nothing", "");
    assert!(value.get("ui").is_none());
}

#[test]
fn broken_text_has_no_form() {
    assert!(parse("{\"title\": \"x}").is_none());
    assert!(parse("[1]").is_none());
}
