//! Custom hooks: the widget's side effects, each documented with its purpose, arguments and an
//! example. The state they drive is the pure core's (`crate::load`, `crate::consent`,
//! `crate::search_state`, `crate::state`, `crate::feedback_state`).

mod takeover;
mod use_consent;
mod use_faq;
mod use_feedback;
mod use_offline;
mod use_search;
mod use_stylesheet;

pub use takeover::{take_over, Prerendered};
pub use use_consent::{use_consent, Consent};
pub use use_faq::{use_faq, FaqLoad};
pub use use_feedback::{use_feedback, Feedback};
pub use use_offline::use_offline;
pub use use_search::{use_search, Search, SearchView};
pub use use_stylesheet::use_stylesheet;
