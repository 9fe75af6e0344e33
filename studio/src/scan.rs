//! Where each question is in a faq.json text that serde_json reads: the byte range of each
//! object of the top-level `questions` list, and where its `question` and `id` values start.
//! One pass over the bytes, no tree: the studio re-checks only the question a keystroke is in.

use std::ops::Range;

/// One question object in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// From its `{` to just after its `}`.
    pub range: Range<usize>,
    /// Where its `"question"` value starts, from the `{`.
    pub question_at: Option<usize>,
    /// Where its `"id"` value starts, from the `{`.
    pub id_at: Option<usize>,
    /// The `id` value's text when it is a string, decoded (`None`: absent, null or not text).
    pub id: Option<String>,
}

struct Scanner<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl<'t> Scanner<'t> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// A string starting at the quote; its text as written (escapes not decoded).
    fn string(&mut self) -> Option<&'t [u8]> {
        self.space();
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.at + 1;
        let mut i = start;
        loop {
            match *self.bytes.get(i)? {
                b'"' => break,
                b'\\' => i += 2,
                _ => i += 1,
            }
        }
        self.at = i + 1;
        Some(&self.bytes[start..i])
    }

    /// Skips any value.
    fn value(&mut self) -> Option<()> {
        self.space();
        match self.peek()? {
            b'"' => self.string().map(drop),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t')
                ) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }

    /// The members of the object at the cursor: `each(name, scanner at the value)` must move
    /// past the value.
    fn members(&mut self, mut each: impl FnMut(&[u8], &mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.eat(b'}').is_some() {
            return Some(());
        }
        loop {
            let name = self.string()?;
            self.eat(b':')?;
            self.space();
            each(name, self)?;
            if self.eat(b',').is_none() {
                return self.eat(b'}');
            }
        }
    }
}

/// A member name as written, compared with `expected` (decoding escapes only when it has some).
fn named(raw: &[u8], expected: &str) -> bool {
    if raw.contains(&b'\\') {
        let quoted = [b"\"", raw, b"\""].concat();
        serde_json::from_slice::<String>(&quoted).is_ok_and(|name| name == expected)
    } else {
        raw == expected.as_bytes()
    }
}

/// The question objects of `text` (which must be JSON that serde_json reads); `None` when the
/// top level is not an object with one `questions` list.
pub fn questions(text: &str) -> Option<Vec<Span>> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: if text.starts_with('\u{feff}') { 3 } else { 0 },
    };
    let mut found: Option<Vec<Span>> = None;
    scanner.members(|name, scanner| {
        if !named(name, "questions") || scanner.peek()? != b'[' {
            return scanner.value();
        }
        if found.is_some() {
            return None;
        }
        let mut spans = Vec::new();
        scanner.eat(b'[')?;
        if scanner.eat(b']').is_none() {
            loop {
                scanner.space();
                let start = scanner.at;
                let span = if scanner.peek()? == b'{' {
                    question(scanner, start)?
                } else {
                    scanner.value()?;
                    Span {
                        range: start..scanner.at,
                        question_at: None,
                        id_at: None,
                        id: None,
                    }
                };
                spans.push(span);
                if scanner.eat(b',').is_none() {
                    scanner.eat(b']')?;
                    break;
                }
            }
        }
        found = Some(spans);
        Some(())
    })?;
    found
}

fn question(scanner: &mut Scanner, start: usize) -> Option<Span> {
    let mut span = Span {
        range: start..start,
        question_at: None,
        id_at: None,
        id: None,
    };
    scanner.members(|name, scanner| {
        let at = scanner.at;
        if named(name, "question") {
            span.question_at = Some(at - start);
        } else if named(name, "id") {
            span.id_at = Some(at - start);
            let value_start = scanner.at;
            scanner.value()?;
            span.id =
                serde_json::from_slice::<String>(&scanner.bytes[value_start..scanner.at]).ok();
            return Some(());
        }
        scanner.value()
    })?;
    span.range.end = scanner.at;
    Some(span)
}

/// One question object on its own (the text of a [`Span`]).
pub fn one_question(text: &str) -> Option<Span> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        at: 0,
    };
    let span = question(&mut scanner, 0)?;
    scanner.space();
    (scanner.at == text.len()).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_question_and_its_values() {
        let text = "\u{feff}{\"title\": \"t\", \"x\": [{\"questions\": 1}], \"questions\": [\n  {\"id\": \"a\\\"b\", \"question\": \"Q}?\", \"answer\": \"[x]\"},\n  {\"qu\\u0065stion\": \"R\", \"id\": null, \"links\": [{\"a\": {}}]}, 3], \"ui\": {}}";
        let spans = questions(text).unwrap();
        assert_eq!(spans.len(), 3);
        let first = &text[spans[0].range.clone()];
        assert!(first.starts_with("{\"id\"") && first.ends_with("\"[x]\"}"));
        assert_eq!(&first[spans[0].id_at.unwrap()..][..6], "\"a\\\"b\"");
        assert_eq!(spans[0].id.as_deref(), Some("a\"b"));
        assert_eq!(&first[spans[0].question_at.unwrap()..][..5], "\"Q}?\"");
        let second = &text[spans[1].range.clone()];
        assert!(second.ends_with("}]}"));
        assert_eq!(&second[spans[1].question_at.unwrap()..][..3], "\"R\"");
        assert_eq!(spans[1].id, None);
        assert_eq!(&text[spans[2].range.clone()], "3");
        assert_eq!(
            one_question(first),
            Some(Span {
                range: 0..first.len(),
                ..spans[0].clone()
            })
        );
        assert_eq!(one_question("{} {}"), None);
    }

    #[test]
    fn the_bundled_faq() {
        let text = include_str!("../../faq.json");
        let spans = questions(text).unwrap();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let items = value["questions"].as_array().unwrap();
        assert_eq!(spans.len(), items.len());
        for (span, item) in spans.iter().zip(items) {
            let parsed: serde_json::Value =
                serde_json::from_str(&text[span.range.clone()]).unwrap();
            assert_eq!(&parsed, item);
            assert_eq!(span.id.as_deref(), item["id"].as_str());
        }
        assert_eq!(questions("{\"questions\": 3}"), None);
        assert_eq!(questions("[]"), None);
    }
}
