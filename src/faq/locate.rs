//! Where a problem is in the text: a diagnostic names its place by JSON path (serde reports
//! semantic problems after reading, without positions); this finds the byte offset in the
//! file's syntax tree (jsonc-parser). For the checker (`faq-widget check`) and the studio, behind
//! the `locate` feature: the widget shows only the first fatal problem, which has its position.

use std::collections::HashMap;

use jsonc_parser::ast;
use jsonc_parser::common::Ranged;

use super::{Diagnostic, Spot};

/// The byte offset in `text` of each diagnostic, in the same order.
pub fn offsets(text: &str, diagnostics: &[Diagnostic]) -> Vec<usize> {
    let paths = diagnostics.iter().any(|d| d.spot != Spot::Read);
    let mut locator = Locator::new(text, paths);
    diagnostics
        .iter()
        .map(|d| locator.offset(d).min(text.len()))
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
            .then(|| {
                jsonc_parser::parse_to_ast(
                    body,
                    &jsonc_parser::CollectOptions::default(),
                    &jsonc_parser::ParseOptions::default(),
                )
            })
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
