//! `faq-widget check`: every problem of a faq.json with its line and column, as a compiler
//! reports them, from the same `faq::load` the widget runs. `faq::load` names the place of a
//! problem by JSON path; the file's syntax tree (jsonc-parser, with byte ranges) turns the path
//! into a position.

use serde::Serialize;

use faq_widget::faq::load_error::positions;
pub use faq_widget::faq::locate::{offsets, StringCursor};
use faq_widget::faq::{load, Diagnostic, Severity, Spot};

/// A problem placed in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    /// 1-based, in characters (a tab is one), not counting a byte order mark.
    pub column: usize,
    /// Byte offset in the file.
    pub offset: usize,
    pub severity: Severity,
    pub message: String,
    pub hint: &'static str,
    /// The text of the line around the problem and where the caret goes, for display.
    pub excerpt: Excerpt,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Excerpt {
    pub text: String,
    /// What goes before the caret: spaces, and tabs where the line has tabs.
    pub caret_indent: String,
}

/// The problems of a file's bytes, in the order they appear in the file.
pub fn check_bytes(bytes: &[u8]) -> Vec<Problem> {
    match std::str::from_utf8(bytes) {
        Ok(text) => check_text(text),
        Err(error) => {
            // Everything before the first bad byte is text, enough to say where it is.
            let valid = &bytes[..error.valid_up_to()];
            let text = std::str::from_utf8(valid).unwrap_or_default();
            let diagnostic = Diagnostic {
                severity: Severity::Fatal,
                path: String::new(),
                spot: Spot::Read,
                at: Some(text.len()),
                message: "This is not valid JSON: the file is not UTF-8 text.".into(),
                hint: "save the file with the UTF-8 encoding",
            };
            place(text, vec![diagnostic])
        }
    }
}

pub fn check_text(text: &str) -> Vec<Problem> {
    place(text, load(text).diagnostics)
}

/// The diagnostics placed in `text` (line, column, excerpt), in the order they appear in it.
pub fn place(text: &str, diagnostics: Vec<Diagnostic>) -> Vec<Problem> {
    let offsets = offsets(text, &diagnostics);
    let mut placed: Vec<(usize, Diagnostic)> = offsets.into_iter().zip(diagnostics).collect();
    placed.sort_by_key(|(at, _)| *at);
    let offsets: Vec<usize> = placed.iter().map(|(at, _)| *at).collect();
    positions(text, &offsets)
        .into_iter()
        .zip(placed)
        .map(|((line, column), (offset, d))| Problem {
            line,
            column,
            offset,
            severity: d.severity,
            message: d.message,
            hint: d.hint,
            excerpt: excerpt(text, offset),
        })
        .collect()
}

/// At most this many characters of the line on each side of the problem.
const EXCERPT_CHARS: usize = 60;

fn excerpt(text: &str, at: usize) -> Excerpt {
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    // Back to the start of the line, but never further than the excerpt shows: a minified file
    // is one line, and thousands of problems must not each scan it.
    let floor = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let before: Vec<char> = text[floor.min(at)..at]
        .chars()
        .rev()
        .take_while(|&ch| ch != '\n')
        .take(EXCERPT_CHARS + 1)
        .collect();
    let cut_before = before.len() > EXCERPT_CHARS;
    let before: Vec<char> = before.into_iter().take(EXCERPT_CHARS).rev().collect();
    let mut after: Vec<char> = text[at..]
        .chars()
        .take_while(|&ch| ch != '\n')
        .take(EXCERPT_CHARS + 1)
        .collect();
    if after.last() == Some(&'\r') && after.len() <= EXCERPT_CHARS {
        after.pop();
    }
    let cut_after = after.len() > EXCERPT_CHARS;
    after.truncate(EXCERPT_CHARS);

    let mut shown = String::new();
    let mut caret_indent = String::new();
    if cut_before {
        shown.push('…');
        caret_indent.push(' ');
    }
    for &ch in &before {
        let ch = printable(ch);
        shown.push(ch);
        caret_indent.push(if ch == '\t' { '\t' } else { ' ' });
    }
    shown.extend(after.into_iter().map(printable));
    if cut_after {
        shown.push('…');
    }
    Excerpt {
        text: shown,
        caret_indent,
    }
}

/// A character that is safe to print to a terminal: control and bidirectional-override
/// characters, which can hide or reorder text, are replaced.
fn printable(ch: char) -> char {
    if ch == '\t' {
        ch
    } else if ch.is_control() || is_bidi_control(ch) {
        '\u{fffd}'
    } else {
        ch
    }
}

fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text from the file (inside messages) made safe for a terminal: control characters appear
/// as `\u{1b}` escapes instead of acting.
pub(crate) fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch.is_control() || is_bidi_control(ch) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(ch)));
        } else {
            out.push(ch);
        }
    }
    out
}

pub fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Fatal | Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

pub fn is_error(problem: &Problem) -> bool {
    problem.severity != Severity::Warning
}

/// `FILE:LINE:COLUMN: error|warning: message`, the line with a caret under the spot, the hint.
pub fn human(file: &str, problem: &Problem) -> String {
    let gutter = " ".repeat(problem.line.to_string().len());
    let mut out = format!(
        "{}:{}:{}: {}: {}\n",
        terminal_safe(file),
        problem.line,
        problem.column,
        severity_name(problem.severity),
        terminal_safe(&problem.message)
    );
    if !problem.excerpt.text.trim().is_empty() {
        out.push_str(&format!(
            "{} | {}\n{gutter} | {}^\n",
            problem.line, problem.excerpt.text, problem.excerpt.caret_indent
        ));
    }
    out.push_str(&format!("{gutter} = hint: {}\n", problem.hint));
    out
}

/// One problem in `check --format json`.
#[derive(Serialize)]
pub struct JsonProblem<'a> {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
    pub severity: &'static str,
    /// The widget shows an error instead of the FAQ.
    pub blocking: bool,
    pub message: &'a str,
    pub hint: &'static str,
}

pub fn json(problem: &Problem) -> JsonProblem<'_> {
    JsonProblem {
        line: problem.line,
        column: problem.column,
        offset: problem.offset,
        severity: severity_name(problem.severity),
        blocking: problem.severity == Severity::Fatal,
        message: &problem.message,
        hint: problem.hint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_are_short_safe_and_aligned() {
        let text = format!(
            "{{\"a\":\t\"{}\u{1b}[31m{}\"}}",
            "x".repeat(100),
            "y".repeat(100)
        );
        let at = text.find('\u{1b}').unwrap();
        let excerpt = excerpt(&text, at);
        assert!(excerpt.text.starts_with('…') && excerpt.text.ends_with('…'));
        assert_eq!(excerpt.text.chars().count(), 2 * EXCERPT_CHARS + 2);
        assert!(!excerpt.text.contains('\u{1b}'));
        assert_eq!(
            excerpt.text.chars().nth(EXCERPT_CHARS + 1),
            Some('\u{fffd}')
        );
        assert_eq!(excerpt.caret_indent.chars().count(), EXCERPT_CHARS + 1);
        let short = excerpt_at("{\n\t\"a\": x}", 'x');
        assert_eq!(short.text, "\t\"a\": x}");
        assert_eq!(short.caret_indent, "\t     ");
        assert_eq!(terminal_safe("a\u{1b}b\u{202e}"), "a\\u{1b}b\\u{202e}");
    }

    fn excerpt_at(text: &str, ch: char) -> Excerpt {
        excerpt(text, text.find(ch).unwrap())
    }

    #[test]
    fn bytes_that_are_not_utf8_are_one_error_at_the_first_bad_byte() {
        let problems = check_bytes(b"{\n  \"title\": \"caf\xe9\"}");
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].column), (2, 16));
        assert!(is_error(&problems[0]));
    }
}
