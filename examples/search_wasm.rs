//! The search engine alone, compiled to wasm with the shipping (release) profile, so
//! bench/engine-browser.mjs can time it in Chromium next to Fuse.js and MiniSearch:
//!
//!     cargo build --release --target wasm32-unknown-unknown --example search_wasm
//!     wasm-bindgen --target web --out-dir target/bench/wasm \
//!         target/wasm32-unknown-unknown/release/examples/search_wasm.wasm
//!
//! Not part of the widget: nothing in src/ depends on it.

use faq_widget::faq::load_for_display;
use faq_widget::search::SearchIndex;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Engine {
    faq: faq_widget::faq::Faq,
    index: SearchIndex,
}

#[wasm_bindgen]
impl Engine {
    /// Reads and validates a faq.json text (not timed by the benchmark), then indexes it.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<Engine, JsError> {
        let faq = load_for_display(json)
            .faq
            .ok_or_else(|| JsError::new("invalid faq.json"))?;
        Ok(Engine {
            index: SearchIndex::new(&faq.questions, faq.lang.as_deref()),
            faq,
        })
    }

    /// Indexes the FAQ again (for timing the index build alone).
    pub fn rebuild(&mut self) {
        self.index = SearchIndex::new(&self.faq.questions, self.faq.lang.as_deref());
    }

    /// Reads and validates `json` as the widget does (for timing `faq::load_for_display`,
    /// which the widget runs first).
    pub fn load(json: &str) -> bool {
        load_for_display(json).faq.is_some()
    }

    /// Searches; returns the question indices in relevance order (or the closest questions).
    pub fn search(&self, query: &str) -> Vec<u32> {
        let outcome = self.index.search(query);
        let list = if outcome.hits.is_empty() {
            outcome.closest
        } else {
            outcome.hits
        };
        list.into_iter().map(|i| i as u32).collect()
    }
}
