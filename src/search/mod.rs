//! Search over the FAQ, pure Rust with no browser APIs: folding, words, light stemming, typo
//! tolerance, ranking and highlighting. The index is built once per loaded FAQ.

pub mod fold;
pub mod fuzzy;
pub mod highlight;
pub mod index;
mod sort;
pub mod stem;
pub mod text;

pub use highlight::{snippet, why, Highlighter, Snippet};
pub use index::{Outcome, SearchIndex};
pub use text::{contact_href, status_sentence};
