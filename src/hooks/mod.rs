//! Custom hooks: side effects that components share.

mod use_consent;
mod use_faq;
mod use_offline;

pub use use_consent::{use_consent, Consent};
pub use use_faq::{use_faq, FaqLoad, Fetched, LoadState, Loader, Step};
pub use use_offline::use_offline;
