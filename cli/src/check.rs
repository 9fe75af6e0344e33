//! `faq-widget check`: every problem of a faq.json with its line and column, as a compiler
//! reports them, from the same `faq::load` the widget runs. `faq::load` names the place of a
//! problem by JSON path; the file's syntax tree (jsonc-parser, with byte ranges) turns the path
//! into a position.

use std::collections::HashMap;

use jsonc_parser::ast;
use jsonc_parser::common::Ranged;
use serde::Serialize;

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

/// The byte offset in `text` of each diagnostic, in the same order.
pub fn offsets(text: &str, diagnostics: &[Diagnostic]) -> Vec<usize> {
    let paths = diagnostics.iter().any(|d| d.spot != Spot::Read);
    let mut locator = Locator::new(text, paths);
    diagnostics
        .iter()
        .map(|d| locator.offset(d).min(text.len()))
        .collect()
}

fn place(text: &str, diagnostics: Vec<Diagnostic>) -> Vec<Problem> {
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

/// Finds the byte offset of a problem from its JSON path, in the file's syntax tree.
struct Locator<'t> {
    text: &'t str,
    /// Bytes of a byte order mark before the JSON.
    skip: usize,
    /// `None` when the file is not JSON (then every problem has the parser's own position).
    tree: Option<ast::Value<'t>>,
    /// Per string (by its offset), where the last offset inside it was found.
    cursors: HashMap<usize, StringCursor<'t>>,
}

impl<'t> Locator<'t> {
    /// `paths`: whether any problem is placed by its path (a clean file needs no tree).
    fn new(text: &'t str, paths: bool) -> Self {
        let (body, skip) = match text.strip_prefix('\u{feff}') {
            Some(body) => (body, 3),
            None => (text, 0),
        };
        // Only for files that serde_json reads to the end as a tree: the others' problems have
        // the position where it stopped, and its nesting limit (128) keeps the recursive tree
        // parser from overflowing the stack on hostile input (serde_json skips unknown fields
        // without a limit, so reading the FAQ is no such proof). The JSONC extensions that
        // jsonc-parser would also accept cannot occur then.
        let readable = paths && serde_json::from_str::<serde_json::Value>(body).is_ok();
        let tree = readable
            .then(|| jsonc_parser::parse_to_ast(body, &Default::default(), &Default::default()))
            .and_then(Result::ok)
            .and_then(|parsed| parsed.value);
        Locator {
            text,
            skip,
            tree,
            cursors: HashMap::new(),
        }
    }

    fn offset(&mut self, diagnostic: &Diagnostic) -> usize {
        let read = diagnostic.at.unwrap_or(0);
        if diagnostic.spot == Spot::Read {
            return read;
        }
        let Some(found) = self.find(&diagnostic.path, diagnostic.spot) else {
            return read;
        };
        match found {
            Found::At(at) => at + self.skip,
            Found::InString(start, decoded) => {
                let start = start + self.skip;
                let text = self.text;
                self.cursors
                    .entry(start)
                    .or_insert_with(|| StringCursor::new(text, start))
                    .source_offset(decoded)
            }
        }
    }

    /// The node at `pointer` (RFC 6901), and the spot in it.
    fn find(&self, pointer: &str, spot: Spot) -> Option<Found> {
        let node = self.tree.as_ref()?;
        let mut names: Vec<String> = pointer
            .split('/')
            .skip(1)
            .map(|segment| segment.replace("~1", "/").replace("~0", "~"))
            .collect();
        // The member itself, for spots on its name.
        let member = match spot {
            Spot::Key | Spot::RepeatedKey => names.pop(),
            _ => None,
        };
        find_in(node, &names, member.as_deref(), spot)
    }
}

/// [`Locator::find`] below `node`. A name that several members of an object share (a repeated
/// key) is tried in each of them, last first, as readers keep the last one: the path leads to
/// the one that has the rest of it.
fn find_in(node: &ast::Value, names: &[String], member: Option<&str>, spot: Spot) -> Option<Found> {
    if let Some((name, rest)) = names.split_first() {
        return match node {
            ast::Value::Object(object) => object
                .properties
                .iter()
                .rev()
                .filter(|p| p.name.as_str() == name)
                .find_map(|p| find_in(&p.value, rest, member, spot)),
            ast::Value::Array(array) => find_in(
                array.elements.get(name.parse::<usize>().ok()?)?,
                rest,
                member,
                spot,
            ),
            _ => None,
        };
    }
    match (spot, member) {
        (Spot::Key | Spot::RepeatedKey, Some(member)) => {
            let ast::Value::Object(object) = node else {
                return None;
            };
            let nth = usize::from(spot == Spot::RepeatedKey);
            let property = object
                .properties
                .iter()
                .filter(|p| p.name.as_str() == member)
                .nth(nth)?;
            Some(Found::At(property.name.start()))
        }
        (Spot::InText(decoded), _) => match node {
            ast::Value::StringLit(string) => Some(Found::InString(string.start(), decoded)),
            other => Some(Found::At(other.start())),
        },
        _ => Some(Found::At(node.start())),
    }
}

enum Found {
    /// A byte offset in the JSON text.
    At(usize),
    /// The string literal starting (at its quote) there, and a byte offset in its decoded text.
    InString(usize, usize),
}

/// Where byte `decoded` of a text value lies in the source: `string_at` is the offset of the
/// value's opening quote, `decoded` an offset in the text after escapes were decoded. A problem
/// found inside a text (an unclosed link in an answer) is so shown at its exact character, even
/// after `\n` or `\u00e9` escapes. Asked in increasing order, it walks the source once, so
/// thousands of problems in one long answer cost one pass. Never panics: an offset that is not
/// in the value gives the nearest position.
pub struct StringCursor<'a> {
    text: &'a str,
    start: usize,
    /// Source position reached, and the decoded bytes before it.
    pos: usize,
    produced: usize,
}

impl<'a> StringCursor<'a> {
    pub fn new(text: &'a str, string_at: usize) -> Self {
        StringCursor {
            text,
            start: string_at + 1,
            pos: string_at + 1,
            produced: 0,
        }
    }

    pub fn source_offset(&mut self, decoded: usize) -> usize {
        if decoded < self.produced {
            self.pos = self.start;
            self.produced = 0;
        }
        let bytes = self.text.as_bytes();
        while self.produced < decoded {
            let (source_len, decoded_len) = match bytes.get(self.pos) {
                None | Some(b'"') => break,
                Some(b'\\') => match bytes.get(self.pos + 1) {
                    Some(b'u') => match hex4_at(bytes, self.pos + 2) {
                        Some(high @ 0xD800..=0xDBFF) => {
                            let low = hex4_at(bytes, self.pos + 8).unwrap_or(0xDC00);
                            let code = 0x10000
                                + ((high - 0xD800) << 10)
                                + (low.wrapping_sub(0xDC00) & 0x3FF);
                            (12, char::from_u32(code).map_or(4, char::len_utf8))
                        }
                        Some(code) => (6, char::from_u32(code).map_or(3, char::len_utf8)),
                        None => (2, 1),
                    },
                    _ => (2, 1),
                },
                Some(_) => {
                    let len = self
                        .text
                        .get(self.pos..)
                        .and_then(|rest| rest.chars().next())
                        .map_or(1, char::len_utf8);
                    (len, len)
                }
            };
            self.pos += source_len;
            self.produced += decoded_len;
        }
        self.pos.min(self.text.len())
    }
}

fn hex4_at(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0u32, |code, &b| {
        let digit = (b as char).to_digit(16)?;
        Some(code * 16 + digit)
    })
}

/// Line and column of each offset of `sorted` (ascending), in one pass over the text: a minified
/// file with thousands of problems on one line costs no more than one problem.
pub fn positions(text: &str, sorted: &[usize]) -> Vec<(usize, usize)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut chars = text[start..].char_indices().peekable();
    let (mut line, mut column) = (1, 1);
    sorted
        .iter()
        .map(|&at| {
            while let Some(&(offset, ch)) = chars.peek() {
                if offset + start >= at {
                    break;
                }
                chars.next();
                if ch == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
            }
            (line, column)
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
fn terminal_safe(text: &str) -> String {
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
    fn positions_in_one_pass_match_line_column() {
        let text = "\u{feff}{\n\t\"é\": [1,\r\n  2]}\n";
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i) && i >= 3)
            .collect();
        let swept = positions(text, &offsets);
        for (at, (line, column)) in offsets.iter().zip(swept) {
            let (l, c) = faq_widget::faq::load_error::line_column(text, *at);
            // line_column counts the byte order mark as a character of line 1.
            assert_eq!((line, column + usize::from(l == 1)), (l, c), "at {at}");
        }
    }

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
