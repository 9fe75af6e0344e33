//! A small JSON reader that remembers where every value starts.
//!
//! Why not serde_json: the widget and the `faq-widget check` tool must report problems with a line
//! and a column for *semantic* errors too (an empty answer, a duplicate id), which needs positions
//! on the parsed tree; and it keeps the float and number formatting machinery out of the wasm.
//! Numbers are kept as their source text; the FAQ format only needs small integers.

/// A parsed value and the byte offset where it starts in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub at: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number exactly as written, already checked against the JSON grammar.
    Number(String),
    Str(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_at: usize,
    pub value: Node,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: &'static str,
}

/// Nesting deeper than this is refused, so hostile input cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    // A UTF-8 byte order mark is common in files saved by Windows editors.
    if text.starts_with('\u{feff}') {
        reader.pos = 3;
    }
    reader.skip_space();
    if reader.pos >= reader.bytes.len() {
        return Err(reader.error("the file is empty"));
    }
    let node = reader.value(0)?;
    reader.skip_space();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error("unexpected text after the end of the JSON value"));
    }
    Ok(node)
}

impl Value {
    /// How the contract names this kind of value in messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "true/false",
            Value::Number(_) => "a number",
            Value::Str(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let mut line = 1;
    let mut column = 1;
    for (offset, ch) in text.char_indices() {
        if offset >= at {
            break;
        }
        if ch == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line, column)
}

/// Where byte `decoded` of a text value lies in the source: `string_at` is the offset of the
/// value's opening quote (its [`Node::at`]), `decoded` an offset in the text after escapes were
/// decoded. A problem found inside a text (an unclosed link in an answer) can so be shown at its
/// exact character, even after `\n` or `\u00e9` escapes. Never panics: an offset that is not
/// in the value gives the nearest position.
pub fn string_source_offset(text: &str, string_at: usize, decoded: usize) -> usize {
    StringCursor::new(text, string_at).source_offset(decoded)
}

/// [`string_source_offset`] for many offsets of one text value: asked in increasing order, it
/// walks the source once, so thousands of problems in one long answer cost one pass.
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

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn error(&self, message: &'static str) -> SyntaxError {
        SyntaxError {
            at: self.pos,
            message,
        }
    }

    /// The bytes not read yet.
    fn rest(&self) -> &[u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    /// The text from `start` to the current position. Both are always on character boundaries
    /// (the reader only stops at ASCII bytes); `get` keeps slicing panics out of the wasm.
    fn slice(&self, start: usize) -> &str {
        self.text.get(start..self.pos).unwrap_or_default()
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error("the JSON is nested too deeply"));
        }
        let at = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::Str(self.string()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            None => return Err(self.error("the JSON ends too early")),
            Some(_) => {
                return Err(
                    self.error("expected a value (text in quotes, a number, a list or an object)")
                )
            }
        };
        Ok(Node { value, at })
    }

    fn word(&mut self, word: &'static str, value: Value) -> Result<Value, SyntaxError> {
        if self.rest().starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a value (text in quotes, a number, a list or an object)"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let leading_zero = self.peek() == Some(b'0');
        let count = self.digits();
        if count == 0 || (leading_zero && count > 1) {
            return Err(self.error("malformed number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("malformed number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("malformed number"));
            }
        }
        Ok(Value::Number(self.slice(start).to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("malformed \\u escape in text")),
            };
            code = code * 16 + u32::from(digit);
            self.pos += 1;
        }
        Ok(code)
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.slice(run_start));
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let code = self.unicode_escape()?;
                            out.push(code);
                            continue;
                        }
                        _ => {
                            return Err(
                                self.error("unknown escape in text (use \\\" \\\\ \\n or \\u)")
                            )
                        }
                    };
                    self.pos += 1;
                    out.push(escaped);
                }
                Some(_) => {
                    return Err(self.error(
                        "a line break or control character inside text (write \\n instead)",
                    ))
                }
                None => {
                    return Err(SyntaxError {
                        at: open,
                        message: "this text is never closed with a quote",
                    })
                }
            }
        }
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let high = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&high) {
            if !self.rest().starts_with(b"\\u") {
                return Err(self.error("unpaired surrogate in \\u escape"));
            }
            self.pos += 2;
            let low = self.hex4()?;
            if !(0xDC00..0xE000).contains(&low) {
                return Err(self.error("unpaired surrogate in \\u escape"));
            }
            0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate in \\u escape"))
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        let mut comma;
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    comma = self.pos;
                    self.pos += 1;
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("the list is never closed with ]")),
                Some(_) => return Err(self.error("expected , or ] after a list item")),
            }
            self.skip_space();
            if self.peek() == Some(b']') {
                return Err(SyntaxError {
                    at: comma,
                    message: "a comma before ] (JSON allows no trailing comma)",
                });
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        let mut comma;
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            let key_at = self.pos;
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a field name in double quotes"));
            }
            let key = self.string()?;
            self.skip_space();
            if self.peek() != Some(b':') {
                return Err(self.error("expected : after the field name"));
            }
            self.pos += 1;
            self.skip_space();
            let value = self.value(depth + 1)?;
            members.push(Member { key, key_at, value });
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    comma = self.pos;
                    self.pos += 1;
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                None => return Err(self.error("the object is never closed with }")),
                Some(_) => return Err(self.error("expected , or } after a field")),
            }
            self.skip_space();
            if self.peek() == Some(b'}') {
                return Err(SyntaxError {
                    at: comma,
                    message: "a comma before } (JSON allows no trailing comma)",
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Value {
        parse(text).expect("valid JSON").value
    }

    fn err(text: &str) -> SyntaxError {
        parse(text).expect_err("invalid JSON")
    }

    #[test]
    fn reads_every_kind_of_value_with_positions() {
        let node = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\n\u00e9\ud83d\ude00"}"#)
            .unwrap();
        assert_eq!(node.at, 1);
        let Value::Object(members) = node.value else {
            panic!("object")
        };
        assert_eq!(members[0].key, "a");
        assert_eq!(members[0].key_at, 2);
        let Value::Array(items) = &members[0].value.value else {
            panic!("array")
        };
        assert_eq!(items[1].value, Value::Number("-2.5e3".into()));
        assert_eq!(items[1].at, 11);
        assert_eq!(members[1].value.value, Value::Str("x\né😀".into()));
    }

    #[test]
    fn rejects_what_json_rejects() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "\"abc",
            "'a'",
            "{a:1}",
            "[1 2]",
            "tru",
            "\"\\x\"",
            "\"\\ud800\"",
            "1 2",
            "\"a\nb\"",
            "{\"a\" 1}",
        ] {
            assert!(parse(bad).is_err(), "accepted {bad:?}");
        }
        assert_eq!(ok("\u{feff}[]"), Value::Array(vec![]));
    }

    #[test]
    fn errors_point_at_the_problem() {
        assert_eq!(
            err("[1,\n 2,]").message,
            "a comma before ] (JSON allows no trailing comma)"
        );
        // The comma itself, not the bracket after it.
        assert_eq!(err("[1,\n 2,\n]").at, 6);
        assert_eq!(err("{\"a\": 1 ,  }").at, 8);
        let e = err("{\n  \"title\": \"x\n}");
        assert_eq!(line_column("{\n  \"title\": \"x\n}", e.at), (2, 14));
        assert_eq!(err("  \"open").at, 2);
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let deep = "[".repeat(100_000);
        assert_eq!(err(&deep).message, "the JSON is nested too deeply");
    }

    #[test]
    fn offsets_inside_text_map_back_through_escapes() {
        let text = r#"{"a": "x\n\u00e9\ud83d\ude00\"é[y"}"#;
        let Value::Object(members) = parse(text).unwrap().value else {
            panic!("object")
        };
        let node = &members[0].value;
        let Value::Str(decoded) = &node.value else {
            panic!("text")
        };
        for (offset, ch) in decoded.char_indices() {
            let at = string_source_offset(text, node.at, offset);
            let expected = match ch {
                'x' => text.find('x'),
                '\n' => text.find("\\n"),
                'é' if offset == 2 => text.find("\\u00e9"),
                '😀' => text.find("\\ud83d"),
                '"' => text.find("\\\""),
                'é' => text.rfind('é'),
                '[' => text.find('['),
                'y' => text.find('y'),
                other => panic!("{other}"),
            };
            assert_eq!(Some(at), expected, "{ch:?}");
        }
        // Past the end of the value: its closing quote, never a panic.
        assert_eq!(string_source_offset(text, node.at, 999), text.len() - 2);
        assert_eq!(string_source_offset("", 5, 3), 0);
    }

    #[test]
    fn line_column_counts_characters() {
        let text = "ab\néé x";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, text.find('x').unwrap()), (2, 4));
    }
}
