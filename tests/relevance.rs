//! The relevance set (tests/relevance/queries.json) against the bundled FAQ: prints top-1 and
//! top-3 accuracy and every miss, and fails below 90% top-1. `cargo test --test relevance -- --nocapture`
#![cfg(not(target_arch = "wasm32"))]

use faq_widget::faq::load;
use faq_widget::search::SearchIndex;

#[derive(serde::Deserialize)]
struct Queries {
    queries: Vec<Query>,
}

#[derive(serde::Deserialize)]
struct Query {
    q: String,
    expect: String,
    #[serde(default)]
    kind: String,
}

pub fn queries() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/relevance/queries.json"
    ))
    .unwrap();
    let queries: Queries = serde_json::from_str(&text).expect("tests/relevance/queries.json");
    queries
        .queries
        .into_iter()
        .map(|q| (q.q, q.expect, q.kind))
        .collect()
}

#[test]
fn relevance_top1_at_least_90_percent() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/faq.json")).unwrap();
    let faq = load(&text).faq.unwrap();
    let index = SearchIndex::new(&faq.questions, faq.lang.as_deref());
    let queries = queries();
    assert!(queries.len() >= 30);
    let (mut top1, mut top3) = (0, 0);
    for (query, expect, kind) in &queries {
        assert!(
            faq.questions.iter().any(|q| &q.id == expect),
            "unknown id {expect}"
        );
        let outcome = index.search(query);
        // What the visitor sees first: the results, or the closest questions when there are none.
        let shown = if outcome.hits.is_empty() {
            &outcome.closest
        } else {
            &outcome.hits
        };
        let ids: Vec<&str> = shown
            .iter()
            .take(3)
            .map(|&i| faq.questions[i].id.as_str())
            .collect();
        let rank = ids.iter().position(|id| id == expect);
        top1 += usize::from(rank == Some(0));
        top3 += usize::from(rank.is_some());
        if rank != Some(0) {
            println!(
                "miss ({kind}): {query:?} expected {expect}, got {ids:?} of {}",
                shown.len()
            );
        }
    }
    let n = queries.len();
    println!(
        "relevance: {n} queries, top-1 {top1}/{n} = {}%, top-3 {top3}/{n} = {}%",
        top1 * 100 / n,
        top3 * 100 / n
    );
    assert!(top1 * 10 >= n * 9, "top-1 below 90%: {top1}/{n}");
}
