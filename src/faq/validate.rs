//! The faq.json contract checked: from source text to a [`Faq`], or to problems named by JSON
//! path with human messages. The widget calls [`load_for_display`], the checker [`load`].
//!
//! Reading is serde's (`contract.rs`): what it refuses stops the widget, and comes with the
//! position where `serde_json` stopped (`read_error.rs` words it). The other rules (`rules.rs`)
//! run on the typed values and name their place by JSON Pointer (`/questions/3/answer`);
//! `faq-widget check` turns that into a line and a column. The widget tracks no paths while
//! reading: it only needs the first fatal problem, whose path `place.rs` finds from
//! `serde_json`'s position. What a problem is: `diagnostic.rs`.

use serde::Deserialize;

use super::contract::FaqFile;
use super::path::Seg;
use super::read_error::{ignored_path, offset_of, read_error, segments};
use super::rules::Checker;

pub use super::contract::LONG_QUESTION_CHARS;
pub use super::diagnostic::{Diagnostic, Loaded, Severity, Spot};
pub use super::ids::{is_valid_id, slug};

/// A UTF-8 byte order mark (common in files saved by Windows editors) is skipped.
fn without_bom(text: &str) -> (&str, usize) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 3),
        None => (text, 0),
    }
}

/// Everything the checker reports: fatal problems, errors and warnings.
pub fn load(text: &str) -> Loaded {
    let (body, skip) = without_bom(text);
    let mut unknown: Vec<Vec<Seg>> = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let mut json = serde_json::Deserializer::from_str(body);
    let read = serde_ignored::deserialize(
        serde_path_to_error::Deserializer::new(&mut json, &mut track),
        |path| unknown.push(ignored_path(&path)),
    )
    .and_then(|faq: FaqFile| json.end().map(|()| faq));
    let mut checker = Checker::<true>::default();
    match read {
        Ok(faq) => {
            checker.unknown_fields(&unknown);
            let faq = checker.faq(&faq, faq.questions.iter().enumerate());
            Loaded {
                faq: Some(faq),
                diagnostics: checker.diagnostics,
            }
        }
        Err(error) => {
            let path = segments(&track.path());
            let first = read_error::<true>(&error, &path, body, skip);
            if error.is_data() {
                // Read again, more slowly, to report every question's problems and not only
                // the first one: the file as a tree, then each question on its own.
                match serde_json::from_str::<serde_json::Value>(body) {
                    Ok(tree) => checker.recover(&tree),
                    Err(syntax) => {
                        checker
                            .diagnostics
                            .push(read_error::<true>(&syntax, &[], body, skip));
                    }
                }
            }
            checker
                .diagnostics
                .retain(|d| !(d.path == first.path && d.message == first.message));
            checker.diagnostics.insert(0, first);
            Loaded {
                faq: None,
                diagnostics: checker.diagnostics,
            }
        }
    }
}

/// What the widget needs: the FAQ, or the problem that stops it from being shown. Author-only
/// diagnostics (warnings, non-fatal errors) are not collected, and with `LINT` a constant the
/// compiler drops their code from the wasm; unknown fields are ignored.
pub fn load_for_display(text: &str) -> Loaded {
    let (body, skip) = without_bom(text);
    let mut json = serde_json::Deserializer::from_str(body);
    let read =
        <FaqFile as Deserialize>::deserialize(&mut json).and_then(|faq| json.end().map(|()| faq));
    match read {
        Ok(faq) => {
            let mut checker = Checker::<false>::default();
            let faq = checker.faq(&faq, faq.questions.iter().enumerate());
            Loaded {
                faq: Some(faq),
                diagnostics: checker.diagnostics,
            }
        }
        Err(error) => {
            // The path the checker gets from serde_path_to_error, found from the position
            // (`place.rs`: 4.5 KB less wasm).
            let path = if error.is_data() {
                let message = error.to_string();
                let container =
                    message.starts_with("missing field") || message.starts_with("duplicate field");
                // Column 0 of a line: the last byte serde_json read is the newline before it.
                let at = match offset_of(body, error.line(), error.column()) {
                    at if error.column() == 0 => at.saturating_sub(1),
                    at => at,
                };
                super::place::path_at(body, at, container)
            } else {
                Vec::new()
            };
            Loaded {
                faq: None,
                diagnostics: vec![read_error::<false>(&error, &path, body, skip)],
            }
        }
    }
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "validate_contract_tests.rs"]
mod contract_tests;
