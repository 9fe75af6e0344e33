//! The search engine alone, natively: index build time, and search time per keystroke (every
//! prefix of every relevance-set query, as a search-as-you-type box runs them), on the bundled FAQ
//! and the generated 10,000-question FAQ. Prints numbers; asserts nothing.
//!
//!     node bench/gen-faq.mjs && cargo bench --bench search

use std::hint::black_box;
use std::time::{Duration, Instant};

use faq_widget::faq::{load, Faq};
use faq_widget::search::SearchIndex;

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).ok()
}

fn queries() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Queries {
        queries: Vec<Query>,
    }
    #[derive(serde::Deserialize)]
    struct Query {
        q: String,
    }
    let text = read("tests/relevance/queries.json").expect("tests/relevance/queries.json");
    let queries: Queries =
        serde_json::from_str(&text).expect("queries.json: { \"queries\": [{ \"q\": ... }] }");
    queries.queries.into_iter().map(|q| q.q).collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn micros(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn bench(name: &str, faq: &Faq, keystrokes: &[String], rounds: usize, builds: usize) {
    let mut build_times: Vec<Duration> = (0..builds)
        .map(|_| {
            let start = Instant::now();
            black_box(SearchIndex::new(&faq.questions, faq.lang.as_deref()));
            start.elapsed()
        })
        .collect();
    build_times.sort();
    let index = SearchIndex::new(&faq.questions, faq.lang.as_deref());
    let mut times = Vec::with_capacity(keystrokes.len() * rounds);
    let mut results = 0usize;
    for _ in 0..rounds {
        for prefix in keystrokes {
            let start = Instant::now();
            let outcome = black_box(index.search(black_box(prefix)));
            times.push(start.elapsed());
            results += outcome.hits.len();
        }
    }
    times.sort();
    println!(
        "{name}: {} questions, {} words; index build median {} ms; per keystroke ({} searches): median {}, p95 {}, max {}; {} results per search on average",
        faq.questions.len(),
        index.vocabulary(),
        format_args!("{:.2}", percentile(&build_times, 0.5).as_secs_f64() * 1e3),
        times.len(),
        micros(percentile(&times, 0.5)),
        micros(percentile(&times, 0.95)),
        micros(*times.last().unwrap_or(&Duration::ZERO)),
        results / times.len().max(1),
    );
}

fn main() {
    let queries = queries();
    let keystrokes: Vec<String> = queries
        .iter()
        .flat_map(|q| {
            q.char_indices()
                .map(|(i, c)| q[..i + c.len_utf8()].to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let bundled = load(&read("faq.json").expect("faq.json"))
        .faq
        .expect("valid faq.json");
    bench("bundled faq.json", &bundled, &keystrokes, 200, 200);
    match read("target/bench/faq-10k.json") {
        Some(text) => {
            let start = Instant::now();
            let faq = load(&text).faq.expect("valid generated FAQ");
            println!(
                "generated 10k: faq::load (read + validate, not search) {:.0} ms",
                start.elapsed().as_secs_f64() * 1e3
            );
            bench("generated 10k", &faq, &keystrokes, 5, 5);
        }
        None => println!("generated 10k: missing; run `node bench/gen-faq.mjs` first"),
    }
}
