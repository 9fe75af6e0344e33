//! The text being edited, with an index of its line starts, so that a keystroke in a
//! 10-megabyte file costs no pass over the whole text: an edit moves the index, and positions
//! (line and column, the textarea's UTF-16 offsets) are found from the nearest line start.

use std::ops::Range;

/// The text and where its lines start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doc {
    text: String,
    /// Each line's first byte and its UTF-16 offset; the first line starts at (0, 0).
    lines: Vec<(usize, usize)>,
    /// The text's length in UTF-16 code units (what the textarea counts).
    units: usize,
}

fn utf16_len(text: &str) -> usize {
    // ASCII is one unit a byte: only the rest needs decoding.
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().map(char::len_utf16).sum()
    }
}

impl Default for Doc {
    fn default() -> Doc {
        Doc::new(String::new())
    }
}

impl Doc {
    pub fn new(text: String) -> Doc {
        let mut lines = vec![(0, 0)];
        let mut units = 0;
        let mut line_start = 0;
        for (at, _) in text.match_indices('\n') {
            units += utf16_len(&text[line_start..=at]);
            line_start = at + 1;
            lines.push((line_start, units));
        }
        units += utf16_len(&text[line_start..]);
        Doc { text, lines, units }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text's length in UTF-16 code units.
    pub fn units(&self) -> usize {
        self.units
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Where line `line` (0-based) starts; `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.lines.get(line).map(|&(start, _)| start)
    }

    /// The line (0-based) that byte offset `at` is on.
    fn line_of_byte(&self, at: usize) -> usize {
        self.lines.partition_point(|&(start, _)| start <= at) - 1
    }

    fn floor(&self, at: usize) -> usize {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// 1-based line and column (in characters) of byte offset `at`; as [`crate::pos::line_col`].
    pub fn line_col(&self, at: usize) -> (usize, usize) {
        let at = self.floor(at);
        let line = self.line_of_byte(at);
        let start = self.lines[line].0;
        (line + 1, self.text[start..at].chars().count() + 1)
    }

    /// The UTF-16 offset of byte offset `at`; as [`crate::pos::byte_to_utf16`].
    pub fn byte_to_utf16(&self, at: usize) -> usize {
        let at = self.floor(at);
        let (start, units) = self.lines[self.line_of_byte(at)];
        units + utf16_len(&self.text[start..at])
    }

    /// The byte offset of UTF-16 offset `units` (clamped; inside a surrogate pair: the
    /// character after it); as [`crate::pos::utf16_to_byte`].
    pub fn utf16_to_byte(&self, units: usize) -> usize {
        let line = self.lines.partition_point(|&(_, u)| u <= units) - 1;
        let (start, mut seen) = self.lines[line];
        for (i, c) in self.text[start..].char_indices() {
            if seen >= units {
                return start + i;
            }
            seen += c.len_utf16();
        }
        self.text.len()
    }

    /// Replaces the bytes `range` (on character boundaries) with `inserted`.
    pub fn replace(&mut self, range: Range<usize>, inserted: &str) {
        let Range { start, end } = range;
        let removed_units = utf16_len(&self.text[start..end]);
        let inserted_units = utf16_len(inserted);
        let start_units = self.byte_to_utf16(start);
        // Line starts inside the replaced text go; those of the inserted text come; those
        // after it move.
        let first_after = self.lines.partition_point(|&(s, _)| s <= start);
        let first_kept = self.lines.partition_point(|&(s, _)| s <= end);
        let mut new_lines = Vec::new();
        let mut units = start_units;
        let mut from = 0;
        for (at, _) in inserted.match_indices('\n') {
            units += utf16_len(&inserted[from..=at]);
            from = at + 1;
            new_lines.push((start + from, units));
        }
        let bytes_delta = inserted.len() as isize - (end - start) as isize;
        let units_delta = inserted_units as isize - removed_units as isize;
        for line in &mut self.lines[first_kept..] {
            line.0 = line.0.wrapping_add_signed(bytes_delta);
            line.1 = line.1.wrapping_add_signed(units_delta);
        }
        self.lines.splice(first_after..first_kept, new_lines);
        self.text.replace_range(start..end, inserted);
        self.units = self.units.wrapping_add_signed(units_delta);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pos;

    fn agrees(doc: &Doc) {
        let text = doc.text();
        assert_eq!(*doc, Doc::new(text.to_owned()), "the index after edits");
        assert_eq!(doc.line_count(), pos::line_count(text));
        assert_eq!(doc.units(), pos::byte_to_utf16(text, text.len()));
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(at, _)| at + 1));
        for (line, start) in starts.iter().enumerate() {
            assert_eq!(doc.line_start(line), Some(*start));
        }
        assert_eq!(doc.line_start(starts.len()), None);
        for at in 0..=text.len() + 1 {
            assert_eq!(doc.line_col(at), pos::line_col(text, at), "line_col {at}");
            assert_eq!(doc.byte_to_utf16(at), pos::byte_to_utf16(text, at));
        }
        for units in 0..=doc.units() + 1 {
            assert_eq!(doc.utf16_to_byte(units), pos::utf16_to_byte(text, units));
        }
    }

    #[test]
    fn positions_agree_with_a_pass_over_the_text() {
        agrees(&Doc::new(String::new()));
        agrees(&Doc::new("a😀é\nb\n\n«c»\n".into()));
        agrees(&Doc::new("{\n  \"title\": \"é\",\n  x".into()));
    }

    #[test]
    fn edits_move_the_index() {
        let mut doc = Doc::new("a😀é\nb\n\n«c»\nend".into());
        let edits: &[(usize, usize, &str)] = &[
            (0, 0, "x"),
            (1, 1, "\n\n"),
            (3, 8, ""),
            (0, 0, "😀\nline\n"),
            (5, 6, "é"),
            (0, 3, "ab\ncd"),
        ];
        for &(from, to, inserted) in edits {
            let (from, to) = (from.min(doc.text().len()), to.min(doc.text().len()));
            let (from, to) = (doc.floor(from), doc.floor(to));
            let mut expected = doc.text().to_owned();
            expected.replace_range(from..to, inserted);
            doc.replace(from..to, inserted);
            assert_eq!(doc.text(), expected);
            agrees(&doc);
        }
        let end = doc.text().len();
        doc.replace(0..end, "");
        agrees(&doc);
    }
}
