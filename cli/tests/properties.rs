//! Property tests (proptest) of the JSON reader, the validator, the answer markup and the
//! command-line tool: whatever the input, no panic, positions inside the text, results that agree
//! with simpler reference definitions; plus a few deliberately huge inputs that would take
//! minutes if any step were quadratic. Case counts keep the whole file to seconds; raise them
//! locally with PROPTEST_CASES=10000.
#![cfg(not(target_arch = "wasm32"))]

use std::ffi::OsString;

use faq_widget::faq::json::{self, string_source_offset, Node, Value};
use faq_widget::faq::markup::{self, check_href, Block, Inline, MarkupProblem};
use faq_widget::faq::{load, LoadError, Severity};
use faq_widget_cli::{self as cli, check, json_out::Json};
use proptest::prelude::*;
use proptest::sample::Index;

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
fn to_json(node: &Node) -> Json {
    match &node.value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => Json::Int(n.parse().unwrap_or(7)),
        Value::Str(s) => Json::Str(s.clone()),
        Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|m| (m.key.clone(), to_json(&m.value)))
                .collect(),
        ),
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

/// The invariants of `load` and of `check` on any text.
fn check_loaded(text: &str) {
    let loaded = load(text);
    for d in &loaded.diagnostics {
        assert!(d.at <= text.len(), "{d:?} is past the end");
        assert!(text.is_char_boundary(d.at), "{d:?} splits a character");
        assert!(!d.message.is_empty() && !d.hint.is_empty());
    }
    let fatal = loaded
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Fatal);
    assert_eq!(loaded.faq.is_none(), fatal);
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
    let problems = check::check_text(text);
    assert_eq!(problems.len(), loaded.diagnostics.len());
    let mut last = 0;
    for problem in &problems {
        assert!(problem.line >= 1 && problem.column >= 1);
        assert!(problem.offset >= last, "in file order");
        last = problem.offset;
        assert_eq!(
            (
                problem.line,
                problem.column + usize::from(text.starts_with('\u{feff}') && problem.line == 1)
            ),
            json::line_column(text, problem.offset)
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

// ---------------------------------------------------------------- JSON reader

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn json_never_panics_on_any_text(text in any_text(), bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = json::parse(&text);
        let _ = json::parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn json_reads_back_what_is_written_and_knows_where(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty { value.pretty() } else { value.compact() };
        let node = json::parse(&text).expect("written JSON parses");
        prop_assert_eq!(to_json(&node), value);
        fn starts(node: &Node, text: &str) {
            let first = text.as_bytes()[node.at];
            let expected: &[u8] = match &node.value {
                Value::Null => b"n",
                Value::Bool(true) => b"t",
                Value::Bool(false) => b"f",
                Value::Number(_) => b"-0123456789",
                Value::Str(_) => b"\"",
                Value::Array(items) => {
                    items.iter().for_each(|n| starts(n, text));
                    b"["
                }
                Value::Object(members) => {
                    for m in members {
                        assert_eq!(text.as_bytes()[m.key_at], b'"');
                        starts(&m.value, text);
                    }
                    b"{"
                }
            };
            assert!(expected.contains(&first), "{:?} at {}", node.value, node.at);
        }
        starts(&node, &text);
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
        let node = json::parse(&source).expect("valid string");
        prop_assert_eq!(&node.value, &Value::Str(text.clone()));
        for ((offset, _), start) in text.char_indices().zip(starts) {
            prop_assert_eq!(string_source_offset(&source, 0, offset), start);
        }
        prop_assert_eq!(string_source_offset(&source, 0, text.len()), source.len() - 1);
    }

    #[test]
    fn nesting_is_refused_beyond_the_limit_without_overflow(kinds in prop::collection::vec(any::<bool>(), 0..400)) {
        let mut text = String::new();
        for &array in &kinds {
            text.push_str(if array { "[" } else { "{\"k\":" });
        }
        text.push('1');
        for &array in kinds.iter().rev() {
            text.push(if array { ']' } else { '}' });
        }
        match json::parse(&text) {
            Ok(_) => prop_assert!(kinds.len() <= 64),
            Err(e) => {
                prop_assert!(kinds.len() > 64);
                prop_assert_eq!(e.message, "the JSON is nested too deeply");
            }
        }
    }
}

// ---------------------------------------------------------------- validation

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn load_holds_its_invariants_on_edited_faqs(edits in prop::collection::vec(edit(), 1..6), pretty in any::<bool>()) {
        let mut faq = to_json(&json::parse(BUNDLED).unwrap());
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
    // Each is unknown (a warning) and, after the first, repeated (an error).
    assert_eq!(check::check_text(&text).len(), 2 * 30_000 - 1);
}
