//! `faq-widget schema`: the JSON Schema (draft 2020-12) of faq.json, derived by schemars from the
//! serde types the widget reads (`faq_widget::faq::contract`), so the two cannot drift apart;
//! the doc comments of the types are the descriptions.
//!
//! What a schema cannot say is left to `faq-widget check`: unique ids and question texts, links
//! inside answer markup, and the long-question warning.

use faq_widget::faq::contract::FaqFile;
use schemars::generate::SchemaSettings;

pub use faq_widget::faq::contract::href_pattern;

pub fn schema() -> schemars::Schema {
    SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<FaqFile>()
}

/// The schema as `faq.schema.json` holds it: indented by two spaces.
pub fn pretty() -> String {
    // A schema is a JSON value: serialising it cannot fail.
    serde_json::to_string_pretty(&schema()).unwrap_or_default()
}
