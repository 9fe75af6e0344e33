//! The feedback beacon sender as a wasm module of its own (issue 16). The widget's wasm does not
//! carry it: embed.js imports this module the first time a widget on a page with `data-report`
//! says its visitor accepted the cookie notice, so visitors who never accept never download it
//! (BENCHMARKS.md, "Feedback"). Trunk builds it with index.html (a second `rel="rust"` link);
//! scripts/post-build.mjs names its files and writes them into embed.js.
//!
//! embed.js makes one [`ReportSender`] per widget and passes it the widget's relay calls in order
//! (`src/entry.rs`, `relay`): `allow(bool)`, `vote(id, helpful)`, `missed(query)`.

use std::rc::Rc;

use faq_widget::feedback_state::{Report, Vote};
use faq_widget::report::Sender;
use wasm_bindgen::prelude::*;

/// One widget's sender to its `data-report` address.
#[wasm_bindgen]
pub struct ReportSender(Rc<Sender>);

#[wasm_bindgen]
impl ReportSender {
    /// A sender to `url` (absolute, `http:` or `https:`) for the FAQ at `faq` (its absolute URL).
    /// It sends nothing until `allow(true)`.
    #[wasm_bindgen(constructor)]
    pub fn new(url: &str, faq: &str) -> ReportSender {
        ReportSender(Sender::new(url, faq))
    }

    /// The visitor accepted the cookie notice (`true`), or rejected or withdrew it (what waits
    /// is dropped).
    pub fn allow(&self, allowed: bool) {
        self.0.receive(Report::Allow(allowed));
    }

    /// A vote on the question with id `id`.
    pub fn vote(&self, id: String, helpful: bool) {
        self.0.receive(Report::Vote(Vote { id, helpful }));
    }

    /// A settled search that found nothing, as typed (redacted before it is sent).
    pub fn missed(&self, query: String) {
        self.0.receive(Report::Missed(query));
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
