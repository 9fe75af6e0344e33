//! Problems `serde_json` finds while reading faq.json (syntax, a missing field, a wrong type), in
//! the contract's words, placed where it stopped; and the paths the checker's readers track.

use super::contract;
use super::diagnostic::{describe, join, key, pointer, Diagnostic, Severity, Spot};
use super::path::Seg;

pub(super) fn segments(path: &serde_path_to_error::Path) -> Vec<Seg> {
    path.iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
            _ => None,
        })
        .collect()
}

pub(super) fn ignored_path(path: &serde_ignored::Path) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut at = path;
    loop {
        at = match at {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                out.push(Seg::Index(*index));
                parent
            }
            serde_ignored::Path::Map { parent, key } => {
                out.push(Seg::Key(key.clone()));
                parent
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => parent,
        };
    }
    out.reverse();
    out
}

/// The byte offset of `serde_json`'s line and column (1-based, in bytes) in `body`.
pub(super) fn offset_of(body: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        body.match_indices('\n')
            .nth(line - 2)
            .map_or(body.len(), |(at, _)| at + 1)
    };
    (line_start + column.saturating_sub(1)).min(body.len())
}

/// `serde_json`'s message without the position it appends.
fn bare_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(bare) => bare.to_owned(),
        None => message,
    }
}

/// How messages name a kind of JSON value, from serde's "invalid type: <unexpected>" and
/// "expected <expected>" texts.
fn kind(serde_text: &str) -> &'static str {
    let text = serde_text.trim();
    if text.starts_with("integer") || text.starts_with("floating point") || text == "u32" {
        "a number"
    } else if text.starts_with("string") || text == "a string" {
        "text"
    } else if text.starts_with("boolean") || text == "a boolean" {
        "true/false"
    } else if text.starts_with("null") || text.starts_with("unit") {
        "null"
    } else if text.starts_with("sequence") || text == "a sequence" {
        "a list"
    } else if text.starts_with("map") || text.starts_with("an object") {
        "an object"
    } else {
        "another kind of value"
    }
}

/// A problem `serde_json` found while reading, as the contract words it. `path` is where it was
/// (the object, for a missing field).
pub(super) fn read_error<const LINT: bool>(
    error: &serde_json::Error,
    path: &[Seg],
    body: &str,
    skip: usize,
) -> Diagnostic {
    let hint = |hint: &'static str| if LINT { hint } else { "" };
    let at = if error.is_eof() {
        body.len()
    } else {
        offset_of(body, error.line(), error.column())
    };
    let at = (error.line() > 0).then_some(at + skip);
    let message = bare_message(error);
    if error.is_syntax() || error.is_eof() || error.is_io() {
        let stopped = at.map_or(0, |a| a - skip);
        let (what, advice) = syntax_message(&message, body, stopped);
        // A trailing comma is shown on the comma, not on the bracket after it.
        let at = match body.get(..stopped) {
            Some(before) if what.starts_with("a comma before") => {
                before.rfind(',').map(|comma| comma + skip).or(at)
            }
            _ => at,
        };
        return Diagnostic {
            severity: Severity::Fatal,
            path: String::new(),
            spot: Spot::Read,
            at,
            message: ["This is not valid JSON: ", what, "."].concat(),
            hint: hint(advice),
        };
    }
    let field = |message: &str, prefix: &str| {
        message
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches('`').to_owned())
    };
    let (path, spot, message, advice) = if let Some(name) = field(&message, "missing field ") {
        let advice = if name == "questions" {
            "add \"questions\": [ { \"question\": \"...\", \"answer\": \"...\" } ]"
        } else {
            "add the field; it is required"
        };
        let message = format!("{} is missing.", describe(&join(path, &[key(&name)])));
        (path.to_vec(), Spot::Value, message, advice)
    } else if let Some(name) = field(&message, "duplicate field ") {
        let path = join(path, &[key(&name)]);
        let message = format!("{} appears twice.", describe(&path));
        (path, Spot::RepeatedKey, message, "remove one of the two")
    } else if message == contract::BLANK || message == contract::NO_QUESTIONS {
        let advice = if message == contract::BLANK {
            "write the text, or remove the entry"
        } else {
            "add { \"question\": \"...\", \"answer\": \"...\" }"
        };
        let message = format!("{} {message}.", describe(path));
        (path.to_vec(), Spot::Value, message, advice)
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let (unexpected, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let (expected, actual) = (kind(expected), kind(unexpected));
        let (message, advice) = match (expected, actual) {
            ("a number", "a number") => (
                format!("{} must be a whole number from 0 upwards.", describe(path)),
                "raise it by one each time the notice changes",
            ),
            (expected, actual) => (
                format!("{} must be {expected}, but it is {actual}.", describe(path)),
                match expected {
                    "text" => "put the value in double quotes",
                    "a number" => "write it without quotes, like 2",
                    "a list" => "write it as [ ... ]",
                    "true/false" => "write true or false, without quotes",
                    _ => "write it as { \"field\": value, ... }",
                },
            ),
        };
        (path.to_vec(), Spot::Value, message, advice)
    } else {
        let message = format!("{}: {message}.", describe(path));
        (path.to_vec(), Spot::Value, message, "")
    };
    Diagnostic {
        severity: Severity::Fatal,
        path: pointer(&path),
        spot,
        at,
        message,
        hint: hint(advice),
    }
}

/// `serde_json`'s syntax message in the contract's words, with advice.
fn syntax_message(message: &str, body: &str, at: usize) -> (&'static str, &'static str) {
    const ADVICE: &str = "check quotes, commas and brackets near this position";
    let what = match message {
        _ if body.trim().is_empty() => "the file is empty",
        // serde_json says so when a list or an object is read as a value it skips (an
        // unknown field).
        "expected value"
            if body
                .get(at..)
                .is_some_and(|rest| rest.starts_with([']', '}']))
                && body[..at].trim_end().ends_with(',') =>
        {
            if body[at..].starts_with(']') {
                "a comma before ] (JSON allows no trailing comma)"
            } else {
                "a comma before } (JSON allows no trailing comma)"
            }
        }
        "expected value" | "expected ident" => {
            "expected a value (text in quotes, a number, a list or an object)"
        }
        "trailing comma" if body.get(at..).is_some_and(|rest| rest.starts_with('}')) => {
            "a comma before } (JSON allows no trailing comma)"
        }
        "trailing comma" => "a comma before ] (JSON allows no trailing comma)",
        "expected `,` or `]`" => "expected , or ] after a list item",
        "expected `,` or `}`" => "expected , or } after a field",
        "expected `:`" => "expected : after the field name",
        "key must be a string" => "expected a field name in double quotes",
        "trailing characters" => "unexpected text after the end of the JSON value",
        "recursion limit exceeded" => "the JSON is nested too deeply",
        "EOF while parsing a list" => "the list is never closed with ]",
        "EOF while parsing an object" => "the object is never closed with }",
        "EOF while parsing a string" => "this text is never closed with a quote",
        "EOF while parsing a value" => "the JSON ends too early",
        "invalid escape" => "unknown escape in text (use \\\" \\\\ \\n or \\u)",
        "invalid number" | "number out of range" => "malformed number",
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => "malformed \\u escape in text",
        m if m.starts_with("control character") => {
            "a control character (such as a line break) inside text; write it as \\n"
        }
        _ => "the text cannot be read as JSON",
    };
    (what, ADVICE)
}
