//! The faq.json contract, with no browser APIs: read, validate, and turn answer markup into blocks.

pub mod format;
pub mod json;
pub mod load_error;
pub mod markup;
pub mod model;
mod str_map;
pub mod validate;

pub use load_error::LoadError;
pub use model::{Contact, CookieNotice, Faq, Link, Question};
pub use validate::{load, load_for_display, Diagnostic, Loaded, Severity};
