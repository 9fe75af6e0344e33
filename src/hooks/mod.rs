//! Custom hooks: side effects that components share.

mod use_faq;

pub use use_faq::{use_faq, LoadState};
