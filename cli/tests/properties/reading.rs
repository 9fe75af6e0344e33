//! Reading (serde_json): no panic on any text, what is written reads back and is found by its path, offsets survive escaping, deep nesting.

use super::config;
use super::generators::*;
use super::invariants::*;
use faq_widget::faq::{load, load_for_display, Severity, Spot};
use faq_widget_cli::check;
use proptest::prelude::*;

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn reading_never_panics_on_any_text(text in any_text(), bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_loaded(&text);
        check_loaded(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn what_is_written_reads_back_and_is_found_by_path(value in json_value(), pretty in any::<bool>()) {
        // A path names one member only when names are not repeated.
        let value = unique_names(&value, false);
        let text = if pretty { value.pretty() } else { value.compact() };
        let read: serde_json::Value = serde_json::from_str(&text).expect("written JSON parses");
        prop_assert_eq!(unique_names(&to_json(&read), true), unique_names(&value, true));
        // Every value and member name, found by its JSON Pointer, where it starts in the text.
        fn walk(value: &serde_json::Value, path: String, out: &mut Vec<(String, &'static str)>) {
            let start: &'static str = match value {
                serde_json::Value::Null => "n",
                serde_json::Value::Bool(true) => "t",
                serde_json::Value::Bool(false) => "f",
                serde_json::Value::Number(_) => "-0123456789",
                serde_json::Value::String(_) => "\"",
                serde_json::Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, format!("{path}/{i}"), out);
                    }
                    "["
                }
                serde_json::Value::Object(members) => {
                    for (key, item) in members {
                        let key = key.replace('~', "~0").replace('/', "~1");
                        walk(item, format!("{path}/{key}"), out);
                    }
                    "{"
                }
            };
            out.push((path, start));
        }
        let mut paths = Vec::new();
        walk(&read, String::new(), &mut paths);
        let diagnostics: Vec<_> = paths
            .iter()
            .map(|(path, _)| faq_widget::faq::Diagnostic {
                severity: Severity::Warning,
                path: path.clone(),
                spot: Spot::Value,
                at: None,
                message: String::new(),
                hint: "",
            })
            .collect();
        for ((path, start), at) in paths.iter().zip(check::offsets(&text, &diagnostics)) {
            let first = text[at..].chars().next().unwrap_or(' ');
            prop_assert!(start.contains(first), "{} at {}: {:?}", path, at, &text[at..]);
        }
    }

    #[test]
    fn offsets_inside_text_survive_any_escaping(text in any_text(), escape_mask in any::<u64>()) {
        // Write the text as a JSON string, escaping some characters as \uXXXX (pairs above
        // U+FFFF) and recording where each character starts in the source.
        let mut source = String::from("\"");
        let mut starts = Vec::new();
        for (i, ch) in text.chars().enumerate() {
            starts.push(source.len());
            let must = ch == '"' || ch == '\\' || (ch as u32) < 0x20;
            if must || escape_mask >> (i % 64) & 1 == 1 {
                let mut units = [0u16; 2];
                for unit in ch.encode_utf16(&mut units) {
                    source.push_str(&format!("\\u{:04x}", unit));
                }
            } else {
                source.push(ch);
            }
        }
        source.push('"');
        let read: String = serde_json::from_str(&source).expect("valid string");
        prop_assert_eq!(&read, &text);
        let mut cursor = check::StringCursor::new(&source, 0);
        for ((offset, _), start) in text.char_indices().zip(starts) {
            prop_assert_eq!(cursor.source_offset(offset), start);
        }
        prop_assert_eq!(cursor.source_offset(text.len()), source.len() - 1);
        // Asked backwards, it starts again.
        prop_assert_eq!(cursor.source_offset(0), 1);
    }

    #[test]
    fn deep_nesting_never_overflows(kinds in prop::collection::vec(any::<bool>(), 0..400)) {
        let mut nested = String::new();
        for &array in &kinds {
            nested.push_str(if array { "[" } else { "{\"k\":" });
        }
        nested.push('1');
        for &array in kinds.iter().rev() {
            nested.push(if array { ']' } else { '}' });
        }
        let text = format!("{{\"title\": \"T\", \"questions\": [{{\"question\": \"q\", \"answer\": \"a\"}}], \"k\": {nested}}}");
        // An unknown field, however deep, is skipped (serde_json skips without recursion): the
        // widget shows the FAQ and the checker warns, with no stack overflow.
        let display = load_for_display(&text);
        prop_assert!(display.faq.is_some());
        let problems = check::check_text(&text);
        prop_assert_eq!(problems.len(), 1);
        prop_assert!(problems[0].message.contains("\"k\" is not a field"));
        // Deeper than serde_json's limit (127 levels as a tree, the root included) the checker cannot place it on the
        // name (the tree parser is not run on such input) and shows the start of the file.
        let on_name = text[problems[0].offset..].starts_with("\"k\"");
        prop_assert_eq!(on_name, kinds.len() + 1 < 128, "{}", problems[0].offset);
        // As a keyword (read, to be reported as not text), serde_json's limit of 128 levels
        // applies; the five around the keyword count.
        let text = format!("{{\"title\": \"T\", \"questions\": [{{\"question\": \"q\", \"answer\": \"a\", \"keywords\": [{nested}]}}]}}");
        check_loaded(&text);
        let loaded = load(&text);
        let too_deep = loaded.first_fatal().is_some_and(|d| d.message == "This is not valid JSON: the JSON is nested too deeply.");
        prop_assert_eq!(too_deep, kinds.len() + 5 > 128, "{:?}", loaded.diagnostics);
    }
}
