//! Custom hooks: side effects that components share.

mod use_consent;
mod use_faq;

pub use use_consent::{use_consent, Consent};
pub use use_faq::{use_faq, LoadState};
