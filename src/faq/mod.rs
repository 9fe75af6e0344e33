//! The faq.json contract, with no browser APIs: read (serde), validate, and turn answer markup
//! into blocks.

pub mod contract;
mod diagnostic;
pub mod ids;
pub mod load_error;
#[cfg(feature = "locate")]
pub mod locate;
pub mod markup;
pub mod model;
mod path;
mod place;
mod read_error;
mod rules;
pub mod translations;
pub mod validate;

pub use load_error::LoadError;
pub use model::{Contact, CookieNotice, Faq, Link, Question};
pub use validate::{load, load_for_display, Diagnostic, Loaded, Severity, Spot};
