//! faq-widget studio: a page where a site owner edits faq.json with the checker's messages and
//! the real widget as a live preview, chooses a theme, and copies the embed snippet.
//!
//! The pure logic lives in plain modules tested natively (`cargo test -p faq-studio`):
//! [`pos`] (line:column and UTF-16 offsets), [`contrast`] (WCAG ratios), [`theme`], [`snippet`],
//! [`draft`] (JSON <-> form), [`file_set`] (a FAQ in one file per language), [`i18n`] (its interface in English, French, Spanish and Arabic),
//! and the typing path: [`doc`] (the text and its line index), [`scan`] (where each question is),
//! [`incremental`] (the checker, keystroke by keystroke) and [`editor`] (the draft, its check and
//! the text box's window). [`app`] is the Yew page; its panels are components of their own
//! ([`form_panel`], [`file_set_panel`], [`preview_panel`], [`problem_list`], [`theme_panel`], [`embed_panel`]); [`text_box`] puts the editor's window in
//! the text box, [`hooks`] are the page's effects (the draft and theme kept, the document's
//! language, the release's digest, the offline worker), [`browser`] holds the page's plumbing (storage, fetch, download, focus).

pub mod app;
pub mod browser;
pub mod contrast;
pub mod doc;
pub mod draft;
pub mod editor;
pub mod embed_panel;
pub mod file_set;
pub mod file_set_panel;
pub mod form_panel;
pub mod hooks;
pub mod i18n;
pub mod incremental;
pub mod pos;
pub mod preview_panel;
pub mod problem_list;
pub mod scan;
pub mod snippet;
pub mod text_box;
pub mod theme;
pub mod theme_panel;
