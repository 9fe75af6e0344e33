//! Positions in the JSON text: the checker reports byte offsets, the page shows line:column and
//! the textarea counts UTF-16 code units.

/// 1-based line and column (in characters) of byte offset `at` in `text`; an offset past the end
/// or inside a character is clamped to the character boundary before it.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = floor_boundary(text, at);
    let before = &text[..at];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// The UTF-16 offset (what `selectionStart` counts) of byte offset `at`.
pub fn byte_to_utf16(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    text[..at].chars().map(char::len_utf16).sum()
}

/// The byte offset of UTF-16 offset `units` (clamped to the text).
pub fn utf16_to_byte(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}

/// How many lines the textarea shows for `text`.
pub fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The gutter's text for `count` lines from line `first`: "first\nfirst+1\n...".
pub fn line_numbers(first: usize, count: usize) -> String {
    let mut out = String::with_capacity(count * 6);
    for n in first..first + count {
        if n > first {
            out.push('\n');
        }
        out.push_str(&n.to_string());
    }
    out
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters_from_one() {
        let text = "{\n  \"title\": \"é\",\n  x";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 1), (1, 2));
        assert_eq!(line_col(text, 2), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(line_col(text, x), (3, 3));
        // After "é" (2 bytes) the column advances by one.
        let e = text.find('é').unwrap();
        assert_eq!(line_col(text, e + 2), (2, 14));
        assert_eq!(
            line_col(text, e + 1),
            (2, 13),
            "inside a character: its start"
        );
        assert_eq!(line_col(text, 10_000), (3, 4), "past the end: the end");
    }

    #[test]
    fn utf16_offsets_round_trip() {
        let text = "a😀é\nb";
        let b = text.find('b').unwrap();
        assert_eq!(byte_to_utf16(text, b), 5); // a(1) 😀(2) é(1) \n(1)
        assert_eq!(utf16_to_byte(text, 5), b);
        assert_eq!(utf16_to_byte(text, 1), 1);
        assert_eq!(utf16_to_byte(text, 99), text.len());
        for (i, _) in text.char_indices() {
            assert_eq!(utf16_to_byte(text, byte_to_utf16(text, i)), i);
        }
    }

    #[test]
    fn gutter_numbers_every_line() {
        assert_eq!(line_count(""), 1);
        assert_eq!(line_count("a\nb\n"), 3);
        assert_eq!(line_numbers(1, 3), "1\n2\n3");
        assert_eq!(line_numbers(99, 2), "99\n100");
    }
}
