//! Property tests (proptest) of reading faq.json (serde_json into the contract types), the
//! validator, the checker's positions, the answer markup and the command-line tool: whatever the
//! input, no panic, positions inside the text, results that agree with simpler reference
//! definitions; plus a few deliberately huge inputs that would take minutes if any step were
//! quadratic. Case counts keep the whole suite to seconds; raise them locally with
//! PROPTEST_CASES=10000. One test crate, one module per part (each file stays short).
#![cfg(not(target_arch = "wasm32"))]

mod answer_markup;
mod generators;
mod invariants;
mod reading;
mod tool;
mod validation;

use faq_widget::faq::{load, Severity};
use faq_widget_cli::check;
use proptest::prelude::*;

const BUNDLED: &str = include_str!("../../../faq.json");

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        // PROPTEST_CASES, when set, wins (ProptestConfig::default() reads it).
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- the collector's redaction

proptest! {
    #![proptest_config(config(256))]

    /// Issue 26: however the `@` is written, the collector stores no address.
    #[test]
    fn no_disguised_address_is_stored(
        before in "[a-z ]{0,20}",
        local in "[a-z][a-z0-9._-]{0,12}",
        at in prop::sample::select(vec!["@", "\u{ff20}", "\u{fe6b}", "%40", "%40", "(at)", "[AT]", " @ ", " (at) ", "{at}", "<at>"]),
        domain in "[a-z]{2,10}\\.[a-z]{2,4}",
        after in "[a-z ]{0,20}",
    ) {
        let query = format!("{before} {local}{at}{domain} {after}");
        let stored = faq_widget::feedback::redact_stored(&query);
        prop_assert!(!stored.contains('@'), "{query:?} -> {stored:?}");
        prop_assert!(!stored.contains(&domain), "{query:?} -> {stored:?}");
        prop_assert_eq!(faq_widget::feedback::redact_stored(&stored), stored.clone());
    }
}

// ---------------------------------------------------------------- sizes that expose slowness

#[test]
fn huge_inputs_are_handled_in_linear_time() {
    // A 1 MB answer full of link-like brackets (40,000 problems), and a 1 MB question. Each
    // would take minutes if anything were quadratic; together they take a second or two.
    let answer = "[a](b [c](javascript:x) ".repeat(40_000);
    let question = "Why? ".repeat(200_000);
    let text = format!(
        r#"{{"title": "T", "questions": [{{"question": "{question}", "answer": "{answer}"}}]}}"#
    );
    let loaded = load(&text);
    assert!(loaded.faq.is_some());
    assert_eq!(
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
        1,
        "the long question"
    );
    // Thousands of problems on one line of a minified file.
    let problems = check::check_text(&text);
    assert_eq!(problems.len(), loaded.diagnostics.len());
    assert!(problems.len() > 40_000);

    // 30,000 questions, many with the same text and id.
    let mut many = String::from(r#"{"title": "T", "questions": ["#);
    for i in 0..30_000 {
        if i > 0 {
            many.push(',');
        }
        many.push_str(&format!(
            r#"{{"question": "Q{}", "answer": "a", "id": "x"}}"#,
            i % 1000
        ));
    }
    many.push_str("]}");
    let loaded = load(&many);
    let faq = loaded.faq.expect("duplicates are errors, not fatal");
    assert_eq!(faq.questions.len(), 30_000);
    // 29,000 repeated question texts (1,000 distinct), 29,999 repeated ids.
    assert_eq!(check::check_text(&many).len(), 29_000 + 29_999);

    // An object with 30,000 fields, all the same name.
    let fields = "\"x\": 1, ".repeat(30_000);
    let text =
        format!(r#"{{{fields}"title": "T", "questions": [{{"question": "q", "answer": "a"}}]}}"#);
    // Each is unknown: a warning (serde ignores it, so it is not also a repeated field).
    assert_eq!(check::check_text(&text).len(), 30_000);
    // A known field 30,000 times: the second stops the reading.
    let titles = "\"title\": \"T\", ".repeat(30_000);
    let text = format!(r#"{{{titles}"questions": [{{"question": "q", "answer": "a"}}]}}"#);
    let problems = check::check_text(&text);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].message, "\"title\" appears twice.");
    assert_eq!(problems[0].offset, text.find(", \"title\"").unwrap() + 2);
}
