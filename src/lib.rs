//! faq-widget: an accessible, searchable FAQ in one script tag.
//!
//! `faq`, `search`, `consent`, `offline`, `i18n` and the state modules are the pure core (tested
//! natively); `view` turns state into small trees of nodes (serialised to HTML natively);
//! `browser` is the thin glue to the page, with the DOM layer. The wasm entry point is [`mount`].

pub mod browser;
pub mod consent;
pub mod faq;
pub mod feedback;
pub mod host;
pub mod i18n;
pub mod load;
pub mod offline;
pub mod search;
pub mod search_state;
pub mod state;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod entry;

/// `&text[start..end]`, or "" when that is not a slice of `text`. Callers pass positions they
/// found in `text`; unlike indexing, this has no panic path, whose message formatting (with
/// Unicode tables for `char`'s Debug) would cost the wasm several kilobytes.
pub(crate) fn cut(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}
#[cfg(target_arch = "wasm32")]
pub use entry::mount;

// Talc instead of the default dlmalloc: smaller and faster in wasm (BENCHMARKS.md). The widget is
// single-threaded wasm (no atomics), which is what this allocator requires.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
