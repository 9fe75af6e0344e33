//! faq-widget: an accessible, searchable FAQ as a Yew component, and in one script tag.
//!
//! - [`FaqWidget`] is the whole widget as a Yew 0.23 function component: a Yew app renders
//!   `<FaqWidget src="/faq.json" />` (see its documentation).
//! - `faq`, `search`, `consent`, `offline`, `i18n`, `load`, `state`, `search_state`, `feedback`
//!   and `feedback_state` are the pure core: plain Rust with no browser APIs, tested natively.
//! - `components` (one file per component) and `hooks` (the side effects) wire that state to
//!   markup; `browser` is the thin glue to the page they use.
//! - With the `embed` feature (the Trunk build of index.html), `mount` is the export embed.js
//!   calls; with `ssr`, the same components render to HTML natively (`faq-widget render`); with
//!   `report`, `report` sends feedback beacons (`FaqWidget`'s `report` prop; the `reporter/`
//!   crate is the same sender as the second wasm module embed.js loads after "Accept").

// clippy::pedantic, reviewed (issue 24) on the library's own code (its tests excepted): every
// other pedantic lint is fixed, and these are allowed on purpose, each for the reason beside it.
#![cfg_attr(not(test), warn(clippy::pedantic))]
#![allow(
    // Components, hooks and small getters: an unused result is already a compiler warning where
    // it matters (a `Result`), and Yew's `Html` is never dropped by mistake.
    clippy::must_use_candidate,
    clippy::return_self_not_must_use,
    // Counts and indices of one FAQ fit `u32` (the index stores `u32` ids; a FAQ is far below
    // 4 billion questions or characters); scores are `f32` on purpose; numbers from JS are
    // checked finite and clamped before they are cast.
    clippy::cast_possible_truncation,
    clippy::cast_precision_loss,
    clippy::cast_sign_loss,
    // A component's view is one function, as Yew writes it; splitting it only to count lines
    // would scatter the markup.
    clippy::too_many_lines,
    // Props and options mirror the script tag's on/off attributes.
    clippy::struct_excessive_bools,
    clippy::fn_params_excessive_bools,
    // Tables (character folding, typo allowances) read best as one row per case.
    clippy::match_same_arms,
    // `oninput` (Yew's attribute) beside `on_input` (a prop callback) is the house's naming.
    clippy::similar_names,
    // wasm-bindgen exports and Yew callbacks take owned values by design; builder-style
    // arguments (`Detail`) read best moved in.
    clippy::needless_pass_by_value,
    // The crate's API is documented in prose: what fails and why is in each function's text.
    clippy::missing_errors_doc
)]

pub mod browser;
pub mod components;
pub mod consent;
pub mod faq;
pub mod feedback;
pub mod feedback_state;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod language_pack;
pub mod load;
pub mod offline;
#[cfg(feature = "report")]
pub mod report;
pub mod roving;
pub mod search;
pub mod search_state;
pub mod state;

pub use browser::stylesheet::STYLESHEET;
pub use components::faq_widget::{FaqWidget, FaqWidgetProps};

/// The release's version (Cargo.toml's `[workspace.package]`): the crates', `faq-widget
/// --version`'s, and the `version` in the widget's `faq-widget:ready` event, so a site's
/// analytics can tell which release a visitor ran.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(all(feature = "embed", target_arch = "wasm32"))]
mod entry;
#[cfg(all(feature = "embed", target_arch = "wasm32"))]
pub use entry::mount;

/// `&text[start..end]`, or "" when that is not a slice of `text`. Callers pass positions they
/// found in `text`; unlike indexing, this has no panic path, whose message formatting (with
/// Unicode tables for `char`'s Debug) would cost the wasm several kilobytes.
pub(crate) fn cut(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}

// Talc instead of the default dlmalloc: smaller and faster in wasm (BENCHMARKS.md). Only in the
// embed build: a library must leave the global allocator to the app that links it. The widget
// is single-threaded wasm (no atomics), which is what this allocator requires.
#[cfg(all(
    feature = "embed",
    target_arch = "wasm32",
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
