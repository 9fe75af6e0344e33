//! faq-widget studio: a page where a site owner edits faq.json with the checker's messages and
//! the real widget as a live preview, chooses a theme, and copies the embed snippet.
//!
//! The pure logic lives in plain modules tested natively (`cargo test -p faq-studio`):
//! [`pos`] (line:column and UTF-16 offsets), [`contrast`] (WCAG ratios), [`theme`], [`snippet`],
//! [`draft`] (JSON <-> form) and [`i18n`] (English and French). [`app`] is the Yew page.

pub mod app;
pub mod contrast;
pub mod doc;
pub mod draft;
pub mod editor;
pub mod i18n;
pub mod incremental;
pub mod pos;
pub mod scan;
pub mod snippet;
pub mod theme;
