//! The collector's reading of a beacon ([`faq_widget_cli::collect::parse`]: serde types and
//! `Batch::check`) agrees with feedback.schema.json (ajv, tests/schema/feedback.test.mjs) on
//! every shared case in tests/feedback/cases.json; and the widget's hand-written
//! `Batch::to_json` writes exactly what serde reads back.
#![cfg(not(target_arch = "wasm32"))]

use faq_widget::feedback::Batch;
use faq_widget_cli::collect;
use serde_json::Value;

const CASES: &str = include_str!("../../tests/feedback/cases.json");

#[test]
fn the_collector_and_the_schema_agree_on_every_case() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap();
    assert!(cases.len() >= 30);
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let valid = case["valid"].as_bool().unwrap();
        let body = serde_json::to_vec(&case["batch"]).unwrap();
        match collect::parse(&body) {
            Ok(_) => assert!(valid, "accepted, but the schema refuses: {name}"),
            Err(refusal) => {
                assert!(
                    !valid,
                    "refused, but the schema accepts: {name}: {}",
                    refusal.reason
                );
                assert!([400, 422].contains(&refusal.status.as_u16()), "{name}");
            }
        }
    }
}

#[test]
fn to_json_writes_what_serde_reads() {
    let cases: Vec<Value> = serde_json::from_str(CASES).unwrap();
    for case in cases.iter().filter(|c| c["valid"] == true) {
        let batch: Batch = serde_json::from_value(case["batch"].clone()).unwrap();
        let written: Value = serde_json::from_str(&batch.to_json()).unwrap();
        assert_eq!(written, case["batch"], "{}", case["name"]);
        assert_eq!(serde_json::to_value(&batch).unwrap(), case["batch"]);
    }
}
