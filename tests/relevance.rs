//! The relevance sets (tests/relevance/queries*.json) against the bundled FAQ in each of its
//! languages (faq.json, faq.fr.json, faq.es.json, faq.ar.json, and tests/relevance/faq.zh.json in
//! Chinese): prints top-1 and top-3 accuracy and every miss, and fails below each language's
//! floor.
//! `cargo test --test relevance -- --nocapture`
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

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The queries of one set: (query, expected id, kind).
pub fn queries(file: &str) -> Vec<(String, String, String)> {
    let queries: Queries =
        serde_json::from_str(&read(&format!("tests/relevance/{file}"))).expect(file);
    queries
        .queries
        .into_iter()
        .map(|q| (q.q, q.expect, q.kind))
        .collect()
}

/// Runs one set against one FAQ; returns (queries, top-1 hits, top-3 hits) and prints misses.
fn measure(faq_file: &str, queries_file: &str) -> (usize, usize, usize) {
    let faq = load(&read(faq_file)).faq.expect(faq_file);
    let index = SearchIndex::new(&faq.questions, faq.lang.as_deref());
    let queries = queries(queries_file);
    assert!(queries.len() >= 20, "{queries_file}: at least 20 queries");
    let (mut top1, mut top3) = (0, 0);
    for (query, expect, kind) in &queries {
        assert!(
            faq.questions.iter().any(|q| &q.id == expect),
            "{queries_file}: unknown id {expect}"
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
                "{faq_file} miss ({kind}): {query:?} expected {expect}, got {ids:?} of {}",
                shown.len()
            );
        }
    }
    let n = queries.len();
    println!(
        "relevance {faq_file}: {n} queries, top-1 {top1}/{n} = {}%, top-3 {top3}/{n} = {}%",
        top1 * 100 / n,
        top3 * 100 / n
    );
    (n, top1, top3)
}

/// Fails when top-1 falls below `percent`.
fn at_least(faq_file: &str, queries_file: &str, percent: usize) {
    let (n, top1, _) = measure(faq_file, queries_file);
    assert!(
        top1 * 100 >= n * percent,
        "{faq_file}: top-1 below {percent}%: {top1}/{n}"
    );
}

#[test]
fn english_top1_at_least_90_percent() {
    assert!(queries("queries.json").len() >= 30);
    at_least("faq.json", "queries.json", 90);
}

// The same floor as the English set's. Measured on 2026-12-07 before any language's own rules:
// French 93%, Spanish 93%, Arabic 90% (its diacritic queries found through typo tolerance).
#[test]
fn french_top1_at_least_90_percent() {
    at_least("faq.fr.json", "queries.fr.json", 90);
}

#[test]
fn spanish_top1_at_least_90_percent() {
    at_least("faq.es.json", "queries.es.json", 90);
}

#[test]
fn arabic_top1_at_least_90_percent() {
    at_least("faq.ar.json", "queries.ar.json", 90);
}

// Chinese, written without spaces, searched by overlapping character pairs (search/ bigrams):
// the bundled FAQ in Simplified Chinese, a fixture of its own.
#[test]
fn chinese_top1_at_least_90_percent() {
    assert!(queries("queries.zh.json").len() >= 20);
    at_least("tests/relevance/faq.zh.json", "queries.zh.json", 90);
}
