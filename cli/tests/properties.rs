//! Property tests (proptest) of reading faq.json (serde_json into the contract types), the
//! validator, the checker's positions, the answer markup and the command-line tool: whatever the
//! input, no panic, positions inside the text, results that agree with simpler reference
//! definitions; plus a few deliberately huge inputs that would take minutes if any step were
//! quadratic. Case counts keep the whole file to seconds; raise them
//! locally with PROPTEST_CASES=10000.
#![cfg(not(target_arch = "wasm32"))]

use std::ffi::OsString;

use faq_widget::faq::load_error::line_column;
use faq_widget::faq::markup::{self, check_href, Block, Inline, MarkupProblem};
use faq_widget::faq::{load, load_for_display, LoadError, Severity, Spot};
use faq_widget_cli::{self as cli, check};
use proptest::prelude::*;
use proptest::sample::Index;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

const BUNDLED: &str = include_str!("../../faq.json");

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        // PROPTEST_CASES, when set, wins (ProptestConfig::default() reads it).
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- generators

/// A JSON document to generate and edit: unlike `serde_json::Value`, an object keeps its members
/// in order and may repeat a name, as a hand-edited file can.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Int(u64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Int(n) => serializer.serialize_u64(*n),
            Json::Str(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl Json {
    fn pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap()
    }

    fn compact(&self) -> String {
        serde_json::to_string(self).unwrap()
    }
}

/// Pieces that make interesting JSON and markup when strung together.
const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "](",
    "[x](",
    "- ",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "a",
    "word",
    "é",
    "😀",
    "\u{2028}",
    "\u{202e}",
    "\u{0}",
    "\u{1b}",
    "https://example.org/a",
    "http:",
    "mailto:a@b.c",
    "tel:+1",
    "javascript:alert(1)",
    "JaVaScRiPt:",
    "data:text/html,<b>",
    "/rel",
    "#frag",
    "?q",
    ":",
    "<script>",
    "&amp;",
    "\"",
    "\\",
    "{",
    "}",
];

fn fragment_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..max).prop_map(|parts| parts.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        fragment_text(24),
        "[a-z \\[\\]()\\-:/\\n.#?]{0,40}",
        any::<String>(),
    ]
}

fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<u64>().prop_map(Json::Int),
        any_text().prop_map(Json::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((key(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

/// Field names of the format (to reach the validator's checks) and others.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "title",
                "lang",
                "intro",
                "contact",
                "questions",
                "cookie_notice",
                "ui",
                "id",
                "question",
                "answer",
                "links",
                "category",
                "keywords",
                "text",
                "href",
                "more",
                "revision",
                "$schema",
            ][..]
        )
        .prop_map(str::to_owned),
        any_text(),
    ]
}

/// A parsed value as a [`Json`] to edit and write back (numbers become integers).
fn to_json(value: &serde_json::Value) -> Json {
    match value {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Int(n.as_u64().unwrap_or(7)),
        serde_json::Value::String(s) => Json::Str(s.clone()),
        serde_json::Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        serde_json::Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), to_json(value)))
                .collect(),
        ),
    }
}

/// `value` without repeated member names (the first is kept), members sorted by name when
/// `sort` (as `serde_json::Value` holds them).
fn unique_names(value: &Json, sort: bool) -> Json {
    match value {
        Json::Array(items) => Json::Array(items.iter().map(|v| unique_names(v, sort)).collect()),
        Json::Object(members) => {
            let mut seen = std::collections::HashSet::new();
            let mut kept: Vec<(String, Json)> = members
                .iter()
                .filter(|(key, _)| seen.insert(key.clone()))
                .map(|(key, value)| (key.clone(), unique_names(value, sort)))
                .collect();
            if sort {
                kept.sort_by(|a, b| a.0.cmp(&b.0));
            }
            Json::Object(kept)
        }
        other => other.clone(),
    }
}

/// Every container in `value`, depth first, as a path of child indexes.
fn containers(value: &Json, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    let children: Vec<&Json> = match value {
        Json::Array(items) => items.iter().collect(),
        Json::Object(members) => members.iter().map(|(_, v)| v).collect(),
        _ => return,
    };
    out.push(path.clone());
    for (index, child) in children.into_iter().enumerate() {
        path.push(index);
        containers(child, path, out);
        path.pop();
    }
}

fn at_path<'a>(value: &'a mut Json, path: &[usize]) -> &'a mut Json {
    match (path.split_first(), value) {
        (None, value) => value,
        (Some((&i, rest)), Json::Array(items)) => at_path(&mut items[i], rest),
        (Some((&i, rest)), Json::Object(members)) => at_path(&mut members[i].1, rest),
        (Some(_), value) => value,
    }
}

/// An edit of a parsed FAQ: which container, what to do, with what.
#[derive(Debug, Clone)]
struct Edit {
    container: Index,
    child: Index,
    op: u8,
    key: String,
    value: Json,
}

fn edit() -> impl Strategy<Value = Edit> {
    (any::<Index>(), any::<Index>(), 0u8..6, key(), json_value()).prop_map(
        |(container, child, op, key, value)| Edit {
            container,
            child,
            op,
            key,
            value,
        },
    )
}

fn apply(root: &mut Json, edit: &Edit) {
    let mut paths = Vec::new();
    containers(root, &mut Vec::new(), &mut paths);
    if paths.is_empty() {
        return;
    }
    let path = edit.container.get(&paths).clone();
    let target = at_path(root, &path);
    match target {
        Json::Object(members) => {
            let len = members.len();
            let i = if len == 0 { 0 } else { edit.child.index(len) };
            match edit.op {
                0 if len > 0 => {
                    members.remove(i);
                }
                1 if len > 0 => members[i].1 = edit.value.clone(),
                2 if len > 0 => {
                    let copy = members[i].clone();
                    members.push(copy);
                }
                3 if len > 0 => {
                    if let Json::Str(_) = members[i].1 {
                        members[i].1 = Json::Str(edit.key.clone());
                    }
                }
                _ => members.push((edit.key.clone(), edit.value.clone())),
            }
        }
        Json::Array(items) => {
            let len = items.len();
            let i = if len == 0 { 0 } else { edit.child.index(len) };
            match edit.op {
                0 if len > 0 => {
                    items.remove(i);
                }
                1 if len > 0 => items[i] = edit.value.clone(),
                2 if len > 0 => {
                    let copy = items[i].clone();
                    items.push(copy);
                }
                3 => items.clear(),
                _ => items.push(edit.value.clone()),
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- what must always hold

/// The invariants of `load`, `load_for_display` and of `check` on any text.
fn check_loaded(text: &str) {
    let loaded = load(text);
    for d in &loaded.diagnostics {
        if let Some(at) = d.at {
            assert!(at <= text.len(), "{d:?} is past the end");
            assert!(text.is_char_boundary(at), "{d:?} splits a character");
        }
        assert!(!d.message.is_empty() && !d.hint.is_empty(), "{d:?}");
        assert!(d.path.is_empty() || d.path.starts_with('/'), "{d:?}");
    }
    let fatal = loaded
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Fatal);
    assert_eq!(loaded.faq.is_none(), fatal);
    // The widget shows the same FAQ, or stops at the same first problem, with its position.
    let display = load_for_display(text);
    assert_eq!(display.faq, loaded.faq);
    match (display.first_fatal(), loaded.first_fatal()) {
        (Some(shown), Some(checked)) => {
            assert_eq!(
                (&shown.message, &shown.path, shown.at),
                (&checked.message, &checked.path, checked.at)
            );
            assert!(shown.at.is_some(), "{shown:?}");
        }
        (None, None) => assert!(display.diagnostics.is_empty()),
        other => panic!("{other:?}"),
    }
    if let Some(faq) = &loaded.faq {
        assert!(!faq.questions.is_empty());
        let mut ids: Vec<&str> = faq.questions.iter().map(|q| q.id.as_str()).collect();
        assert!(ids.iter().all(|id| !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), faq.questions.len(), "ids are unique");
        for question in &faq.questions {
            assert!(!question.question.trim().is_empty());
            for link in &question.links {
                if let Some(href) = &link.href {
                    assert_eq!(check_href(href), Ok(()));
                }
            }
            for_each_inline(&question.answer, |inline| {
                if let Inline::Link { href, .. } = inline {
                    assert_eq!(check_href(href), Ok(()));
                }
            });
        }
    }
    if let Some(error) = LoadError::from_loaded(text, &loaded) {
        assert!(!error
            .sentence(&faq_widget::i18n::Strings::default())
            .is_empty());
    }
    // Every problem the checker places is on the spot its path names.
    let offsets = check::offsets(text, &loaded.diagnostics);
    for (d, &at) in loaded.diagnostics.iter().zip(&offsets) {
        assert!(text.is_char_boundary(at), "{d:?} at {at}");
        let rest = &text[at..];
        match d.spot {
            Spot::Value
                if d.severity != Severity::Fatal
                    || d.at.is_none()
                    || rest.starts_with([
                        '{', '[', '"', 't', 'f', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7',
                        '8', '9',
                    ]) =>
            {
                assert!(
                    rest.starts_with([
                        '{', '[', '"', 't', 'f', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7',
                        '8', '9'
                    ]),
                    "{d:?}: {:?}",
                    rest.chars().take(10).collect::<String>()
                );
            }
            Spot::Key | Spot::RepeatedKey => {
                assert!(
                    rest.starts_with('"'),
                    "{d:?}: {:?}",
                    rest.chars().take(10).collect::<String>()
                );
            }
            Spot::InText(_) => assert!(text[..at].contains('"'), "{d:?}"),
            _ => {}
        }
    }
    let problems = check::check_text(text);
    assert_eq!(problems.len(), loaded.diagnostics.len());
    let mut last = 0;
    for problem in &problems {
        assert!(problem.line >= 1 && problem.column >= 1);
        assert!(problem.offset >= last, "in file order");
        last = problem.offset;
        assert_eq!(
            (problem.line, problem.column),
            line_column(text, problem.offset)
        );
        let shown = check::human("f.json", problem);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{0}'));
    }
}

fn for_each_inline(blocks: &[Block], mut f: impl FnMut(&Inline)) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => inlines.iter().for_each(&mut f),
            Block::List(items) => items.iter().flatten().for_each(&mut f),
        }
    }
}

// ---------------------------------------------------------------- reading (serde_json)

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

// ---------------------------------------------------------------- validation

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn load_holds_its_invariants_on_edited_faqs(edits in prop::collection::vec(edit(), 1..6), pretty in any::<bool>()) {
        let mut faq = to_json(&serde_json::from_str(BUNDLED).unwrap());
        for edit in &edits {
            apply(&mut faq, edit);
        }
        check_loaded(&if pretty { faq.pretty() } else { faq.compact() });
    }

    #[test]
    fn load_holds_its_invariants_on_byte_mutations(
        mutations in prop::collection::vec((any::<Index>(), 0u8..3, prop::sample::select(FRAGMENTS)), 1..8)
    ) {
        let mut text = BUNDLED.to_owned();
        for (at, op, piece) in &mutations {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let next = text[i..].chars().next().map_or(0, char::len_utf8);
            match op {
                0 => text.replace_range(i..i + next, ""),
                1 => text.insert_str(i, piece),
                _ => text.replace_range(i..i + next, piece),
            }
        }
        check_loaded(&text);
    }

    #[test]
    fn load_holds_its_invariants_on_random_documents(value in json_value(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_loaded(&value.compact());
        check_loaded(&String::from_utf8_lossy(&bytes));
        let problems = check::check_bytes(&bytes);
        prop_assert!(problems.iter().all(|p| p.offset <= bytes.len()));
    }
}

// ---------------------------------------------------------------- answer markup

/// The answer markup parser as first written (clear, but quadratic on some inputs): the
/// reference the linear one must agree with.
mod reference {
    use faq_widget::faq::markup::{check_href, Block, Inline, MarkupProblem};

    pub fn parse_with_problems(source: &str) -> (Vec<Block>, Vec<MarkupProblem>) {
        let mut blocks = Vec::new();
        let mut problems = Vec::new();
        let mut paragraph: Vec<&str> = Vec::new();
        let mut list: Vec<Vec<Inline>> = Vec::new();
        let flush_paragraph =
            |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>, problems: &mut _| {
                if !paragraph.is_empty() {
                    let joined = paragraph.join(" ");
                    blocks.push(Block::Paragraph(inlines(&joined, problems)));
                    paragraph.clear();
                }
            };
        let flush_list = |list: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
            if !list.is_empty() {
                blocks.push(Block::List(std::mem::take(list)));
            }
        };
        for raw_line in source.lines() {
            let line = raw_line.trim();
            if line.is_empty() {
                flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
                flush_list(&mut list, &mut blocks);
            } else if let Some(item) = line.strip_prefix("- ") {
                flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
                list.push(inlines(item.trim(), &mut problems));
            } else {
                flush_list(&mut list, &mut blocks);
                paragraph.push(line);
            }
        }
        flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
        flush_list(&mut list, &mut blocks);
        (blocks, problems)
    }

    fn inlines(text: &str, problems: &mut Vec<MarkupProblem>) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        let mut plain = String::new();
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            let after_open = &rest[open + 1..];
            let parsed = after_open.find("](").and_then(|close| {
                let label = &after_open[..close];
                if label.contains('[') || label.contains(']') {
                    return None;
                }
                let target = &after_open[close + 2..];
                Some((label, target, target.find(')')))
            });
            match parsed {
                Some((label, target, Some(end))) if !label.is_empty() => {
                    let href = target[..end].trim();
                    plain.push_str(&rest[..open]);
                    match check_href(href) {
                        Ok(()) => {
                            if !plain.is_empty() {
                                out.push(Inline::Text(std::mem::take(&mut plain)));
                            }
                            out.push(Inline::Link {
                                text: label.to_owned(),
                                href: href.to_owned(),
                            });
                        }
                        Err(reason) => {
                            problems.push(MarkupProblem::RejectedLink {
                                text: label.to_owned(),
                                href: href.to_owned(),
                                reason,
                            });
                            plain.push_str(&rest[open..open + 1 + label.len() + 2 + end + 1]);
                        }
                    }
                    rest = &target[end + 1..];
                }
                Some((label, _, None)) => {
                    problems.push(MarkupProblem::UnclosedLink {
                        text: label.to_owned(),
                    });
                    plain.push_str(&rest[..open + 1]);
                    rest = &rest[open + 1..];
                }
                _ => {
                    plain.push_str(&rest[..open + 1]);
                    rest = &rest[open + 1..];
                }
            }
        }
        plain.push_str(rest);
        if !plain.is_empty() {
            out.push(Inline::Text(plain));
        }
        out
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn markup_agrees_with_the_reference_and_places_its_problems(source in prop_oneof![fragment_text(40), any_text()]) {
        let (blocks, located) = markup::parse_located(&source);
        let (ref_blocks, ref_problems) = reference::parse_with_problems(&source);
        prop_assert_eq!(&blocks, &ref_blocks);
        let problems: Vec<MarkupProblem> = located.iter().map(|l| l.problem.clone()).collect();
        prop_assert_eq!(problems, ref_problems);
        for l in &located {
            prop_assert!(source.is_char_boundary(l.at));
            match &l.problem {
                MarkupProblem::UnclosedLink { .. } => prop_assert!(source[l.at..].starts_with('[')),
                MarkupProblem::RejectedLink { href, .. } => {
                    if !href.is_empty() && !href.contains(char::is_whitespace) {
                        prop_assert!(source[l.at..].starts_with(href.as_str()), "{:?} at {}", href, l.at);
                    }
                }
            }
        }
        for_each_inline(&blocks, |inline| {
            if let Inline::Link { href, text } = inline {
                assert_eq!(check_href(href), Ok(()));
                assert!(!text.is_empty());
            }
        });
    }

    #[test]
    fn html_never_becomes_markup(text in "[<>a-z/=\" ]{0,60}") {
        let blocks = markup::parse(&text);
        for_each_inline(&blocks, |inline| assert!(matches!(inline, Inline::Text(_))));
    }
}

// ---------------------------------------------------------------- the command-line tool

const ARGS: &[&str] = &[
    "check",
    "schema",
    "render",
    "--format",
    "json",
    "human",
    "--json-ld",
    "-",
    "--",
    "faq.json",
    "cli/tests/fixtures/check/broken.json",
    "no/such/file",
    "--x=y",
    "",
    "help",
];

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn the_tool_never_panics_and_exits_0_1_or_2(
        args in prop::collection::vec(prop::sample::select(ARGS), 0..5),
        stdin in prop_oneof![any_text(), Just(BUNDLED.to_owned())],
    ) {
        std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = cli::run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
        prop_assert!([0, 1, 2].contains(&code));
    }
}

// ---------------------------------------------------------------- the collector's redaction

proptest! {
    #![proptest_config(config(256))]

    /// Issue 26: however the `@` is written, the collector stores no address.
    #[test]
    fn no_disguised_address_is_stored(
        before in "[a-z ]{0,20}",
        local in "[a-z][a-z0-9._-]{0,12}",
        at in prop::sample::select(vec!["@", "\u{ff20}", "\u{fe6b}", "%40", "%40", "(at)", "[AT]", " @ ", " (at) ", "{at}", "<at>"]),
        domain in "[a-z]{2,10}\\.[a-z]{2,4}",
        after in "[a-z ]{0,20}",
    ) {
        let query = format!("{before} {local}{at}{domain} {after}");
        let stored = faq_widget::feedback::redact_stored(&query);
        prop_assert!(!stored.contains('@'), "{query:?} -> {stored:?}");
        prop_assert!(!stored.contains(&domain), "{query:?} -> {stored:?}");
        prop_assert_eq!(faq_widget::feedback::redact_stored(&stored), stored.clone());
    }
}

// ---------------------------------------------------------------- sizes that expose slowness

#[test]
fn huge_inputs_are_handled_in_linear_time() {
    // A 1 MB answer full of link-like brackets (40,000 problems), and a 1 MB question. Each
    // would take minutes if anything were quadratic; together they take a second or two.
    let answer = "[a](b [c](javascript:x) ".repeat(40_000);
    let question = "Why? ".repeat(200_000);
    let text = format!(
        r#"{{"title": "T", "questions": [{{"question": "{question}", "answer": "{answer}"}}]}}"#
    );
    let loaded = load(&text);
    assert!(loaded.faq.is_some());
    assert_eq!(
        loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count(),
        1,
        "the long question"
    );
    // Thousands of problems on one line of a minified file.
    let problems = check::check_text(&text);
    assert_eq!(problems.len(), loaded.diagnostics.len());
    assert!(problems.len() > 40_000);

    // 30,000 questions, many with the same text and id.
    let mut many = String::from(r#"{"title": "T", "questions": ["#);
    for i in 0..30_000 {
        if i > 0 {
            many.push(',');
        }
        many.push_str(&format!(
            r#"{{"question": "Q{}", "answer": "a", "id": "x"}}"#,
            i % 1000
        ));
    }
    many.push_str("]}");
    let loaded = load(&many);
    let faq = loaded.faq.expect("duplicates are errors, not fatal");
    assert_eq!(faq.questions.len(), 30_000);
    // 29,000 repeated question texts (1,000 distinct), 29,999 repeated ids.
    assert_eq!(check::check_text(&many).len(), 29_000 + 29_999);

    // An object with 30,000 fields, all the same name.
    let fields = "\"x\": 1, ".repeat(30_000);
    let text =
        format!(r#"{{{fields}"title": "T", "questions": [{{"question": "q", "answer": "a"}}]}}"#);
    // Each is unknown: a warning (serde ignores it, so it is not also a repeated field).
    assert_eq!(check::check_text(&text).len(), 30_000);
    // A known field 30,000 times: the second stops the reading.
    let titles = "\"title\": \"T\", ".repeat(30_000);
    let text = format!(r#"{{{titles}"questions": [{{"question": "q", "answer": "a"}}]}}"#);
    let problems = check::check_text(&text);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].message, "\"title\" appears twice.");
    assert_eq!(problems[0].offset, text.find(", \"title\"").unwrap() + 2);
}
