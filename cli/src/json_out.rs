//! JSON output for the command-line tool (the schema, `check --format json`, JSON-LD), written by
//! hand: a handful of value kinds and correct string escaping do not need serde_json.

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(u64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn str(text: impl Into<String>) -> Json {
        Json::Str(text.into())
    }

    /// An object from `(key, value)` pairs, in that order.
    pub fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// Adds a member to an object (does nothing to other values).
    pub fn with(mut self, key: &str, value: Json) -> Json {
        if let Json::Object(members) = &mut self {
            members.push((key.to_owned(), value));
        }
        self
    }

    /// Indented by two spaces, one member or item per line, ending without a newline.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0), false);
        out
    }

    /// On one line, without spaces.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, false);
        out
    }

    /// Compact, and safe to put between `<script>` and `</script>` in HTML: `<`, `>` and `&`
    /// are written as `\u` escapes, so no `</script>` or `<!--` can appear.
    pub fn script_safe(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None, true);
        out
    }

    fn write(&self, out: &mut String, indent: Option<usize>, script: bool) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Int(value) => out.push_str(&value.to_string()),
            Json::Str(text) => write_str(out, text, script),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            // A short list of plain values stays on one line: "type": ["string", "null"].
            Json::Array(items)
                if indent.is_some()
                    && items.len() <= 4
                    && items
                        .iter()
                        .all(|item| !matches!(item, Json::Array(_) | Json::Object(_))) =>
            {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, None, script);
                }
                out.push(']');
            }
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    separator(out, index, indent);
                    item.write(out, indent.map(|i| i + 1), script);
                }
                close(out, indent, ']');
            }
            Json::Object(members) => {
                out.push('{');
                for (index, (key, value)) in members.iter().enumerate() {
                    separator(out, index, indent);
                    write_str(out, key, script);
                    out.push_str(if indent.is_some() { ": " } else { ":" });
                    value.write(out, indent.map(|i| i + 1), script);
                }
                close(out, indent, '}');
            }
        }
    }
}

fn separator(out: &mut String, index: usize, indent: Option<usize>) {
    if index > 0 {
        out.push(',');
    }
    if let Some(level) = indent {
        out.push('\n');
        out.push_str(&"  ".repeat(level + 1));
    }
}

fn close(out: &mut String, indent: Option<usize>, bracket: char) {
    if let Some(level) = indent {
        out.push('\n');
        out.push_str(&"  ".repeat(level));
    }
    out.push(bracket);
}

/// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259);
/// in `script` mode also `<`, `>`, `&`, U+2028 and U+2029.
pub fn write_str(out: &mut String, text: &str, script: bool) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' if script => {
                out.push_str(&format!("\\u{:04x}", u32::from(ch)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use faq_widget::faq::json::{self, Value};

    #[test]
    fn escapes_and_reads_back() {
        let tricky =
            "quote \" backslash \\ nl \n tab \t nul \u{0} del \u{7f} é 😀 </script> \u{2028}";
        let value = Json::object([
            ("a", Json::str(tricky)),
            (
                "b",
                Json::Array(vec![Json::Int(1), Json::Null, Json::Bool(false)]),
            ),
            ("c", Json::Object(vec![])),
        ]);
        for text in [value.pretty(), value.compact(), value.script_safe()] {
            let Value::Object(members) = json::parse(&text).unwrap().value else {
                panic!("object")
            };
            assert_eq!(members[0].value.value, Value::Str(tricky.into()), "{text}");
        }
        assert!(!value.script_safe().contains('<'));
        assert_eq!(
            value.compact(),
            r#"{"a":"quote \" backslash \\ nl \n tab \t nul \u0000 del \u007f é 😀 </script> "#
                .to_owned()
                + "\u{2028}\",\"b\":[1,null,false],\"c\":{}}"
        );
        assert_eq!(
            Json::object([("k", Json::Array(vec![Json::Int(2), Json::Null]))]).pretty(),
            "{\n  \"k\": [2, null]\n}"
        );
        assert_eq!(
            Json::Array(vec![Json::object([("a", Json::Bool(true))])]).pretty(),
            "[\n  {\n    \"a\": true\n  }\n]"
        );
    }
}
