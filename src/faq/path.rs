//! A place in faq.json as a path of fields and list indices (`questions`, 2, `answer`), shared by
//! the checker's reader (`validate.rs`, which tracks it while reading) and the widget's
//! (`place.rs`, which finds it from `serde_json`'s position): their own module, so neither
//! depends on the other.

/// One step of a path: a field name or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}
