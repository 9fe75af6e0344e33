//! What the collector's writer thread writes with, whichever the database (`collect_db`'s
//! SQLite, `collect_pg`'s PostgreSQL): a module of its own, so both depend on it and not on
//! each other.

use faq_widget::feedback::Batch;

/// The schema's version (SQLite's `user_version`; PostgreSQL's `faq_widget_schema` table).
pub const SCHEMA_VERSION: i64 = 1;

/// Stores each batch in one transaction, committed before it returns.
pub trait Writer: Send {
    fn insert(&mut self, batch: &Batch, received_ms: i64) -> Result<(), String>;
}
