//! One component per file; each takes a `...Props` and reports what happens through `on...`
//! callbacks. [`faq_widget::FaqWidget`] is the root.

pub mod accordion;
pub mod cookie_notice;
pub mod error_view;
pub mod faq_view;
pub mod faq_widget;
pub mod feedback;
pub mod no_results;
pub mod offline_note;
#[cfg(feature = "render-probe")]
pub mod probe;
pub mod question;
pub mod rich_text;
pub mod search_box;
pub mod static_faq;

pub use faq_view::{FaqView, FaqViewProps};
pub use faq_widget::{FaqWidget, FaqWidgetProps};
pub use static_faq::{StaticFaq, StaticFaqProps};
