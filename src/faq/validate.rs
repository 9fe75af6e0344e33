//! The faq.json contract checked: from source text to a [`Faq`], or to problems named by JSON
//! path with human messages. The widget calls [`load_for_display`], the checker [`load`].
//!
//! Reading is serde's (`contract.rs`): what it refuses stops the widget, and comes with the
//! position where serde_json stopped. The other rules run here on the typed values and name
//! their place by JSON Pointer (`/questions/3/answer`); `faq-widget check` turns that into a
//! line and a column. The widget tracks no paths while reading: it only needs the first fatal
//! problem, whose path `place.rs` finds from serde_json's position.

use std::collections::HashMap;

use serde::Deserialize;

use super::contract::{self, FaqFile, Lenient};
use super::ids::{self, Ids};
use super::markup::{self, check_href, MarkupProblem};
use super::model::{Contact, CookieNotice, Faq, Link, Question};
use super::path::Seg;

pub use super::contract::LONG_QUESTION_CHARS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The FAQ cannot be shown: the widget shows its error state.
    Fatal,
    /// The FAQ can be shown safely (the offending part degrades to text), but it is wrong.
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The value the problem is about, as a JSON Pointer (RFC 6901): `/questions/2/answer`;
    /// empty for the whole file.
    pub path: String,
    /// Which character of that value to show.
    pub spot: Spot,
    /// Byte offset where serde_json stopped, for problems found while reading the text (syntax,
    /// wrong types, missing fields): the only position the widget knows.
    pub at: Option<usize>,
    pub message: String,
    pub hint: &'static str,
}

/// Where in the value at [`Diagnostic::path`] a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spot {
    /// Where the reader stopped ([`Diagnostic::at`]): syntax errors, where there is no value.
    Read,
    /// The value's first character (the `{` of an object missing a field).
    Value,
    /// The name of the member at `path` (an unknown field).
    Key,
    /// The name of the second member named like the last segment of `path`.
    RepeatedKey,
    /// A byte offset in the text of the string at `path`, after its escapes are decoded.
    InText(usize),
}

pub struct Loaded {
    /// `None` when any diagnostic is [`Severity::Fatal`].
    pub faq: Option<Faq>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn first_fatal(&self) -> Option<&Diagnostic> {
        self.diagnostics
            .iter()
            .find(|d| d.severity == Severity::Fatal)
    }
}

fn pointer(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        out.push('/');
        match seg {
            Seg::Key(key) => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Seg::Index(index) => out.push_str(&index.to_string()),
        }
    }
    out
}

fn key(name: &str) -> Seg {
    Seg::Key(name.to_owned())
}

fn join(path: &[Seg], more: &[Seg]) -> Vec<Seg> {
    path.iter().chain(more).cloned().collect()
}

/// How messages name the value at `path`: `"title"`, `"contact.href"`, `Question 3`,
/// `Question 3: "answer"`, `The FAQ file`.
fn describe(path: &[Seg]) -> String {
    let names = |segs: &[Seg]| -> Vec<String> {
        segs.iter()
            .filter_map(|s| match s {
                Seg::Key(k) => Some(k.clone()),
                Seg::Index(_) => None,
            })
            .collect()
    };
    match path {
        [] => "The FAQ file".to_owned(),
        [Seg::Key(questions), Seg::Index(index)] if questions == "questions" => {
            format!("Question {}", index + 1)
        }
        [Seg::Key(questions), Seg::Index(index), rest @ ..] if questions == "questions" => {
            let last = names(rest).pop().unwrap_or_default();
            format!("Question {}: \"{last}\"", index + 1)
        }
        _ => format!("\"{}\"", names(path).join(".")),
    }
}

/// A UTF-8 byte order mark (common in files saved by Windows editors) is skipped.
fn without_bom(text: &str) -> (&str, usize) {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, 3),
        None => (text, 0),
    }
}

/// Everything the checker reports: fatal problems, errors and warnings.
pub fn load(text: &str) -> Loaded {
    let (body, skip) = without_bom(text);
    let mut unknown: Vec<Vec<Seg>> = Vec::new();
    let mut track = serde_path_to_error::Track::new();
    let mut json = serde_json::Deserializer::from_str(body);
    let read = serde_ignored::deserialize(
        serde_path_to_error::Deserializer::new(&mut json, &mut track),
        |path| unknown.push(ignored_path(&path)),
    )
    .and_then(|faq: FaqFile| json.end().map(|()| faq));
    let mut checker = Checker::<true>::default();
    match read {
        Ok(faq) => {
            checker.unknown_fields(&unknown);
            let faq = checker.faq(&faq, faq.questions.iter().enumerate());
            Loaded {
                faq: Some(faq),
                diagnostics: checker.diagnostics,
            }
        }
        Err(error) => {
            let path = segments(&track.path());
            let first = read_error::<true>(&error, &path, body, skip);
            if error.is_data() {
                // Read again, more slowly, to report every question's problems and not only
                // the first one: the file as a tree, then each question on its own.
                match serde_json::from_str::<serde_json::Value>(body) {
                    Ok(tree) => checker.recover(&tree),
                    Err(syntax) => {
                        checker
                            .diagnostics
                            .push(read_error::<true>(&syntax, &[], body, skip))
                    }
                }
            }
            checker
                .diagnostics
                .retain(|d| !(d.path == first.path && d.message == first.message));
            checker.diagnostics.insert(0, first);
            Loaded {
                faq: None,
                diagnostics: checker.diagnostics,
            }
        }
    }
}

/// What the widget needs: the FAQ, or the problem that stops it from being shown. Author-only
/// diagnostics (warnings, non-fatal errors) are not collected, and with `LINT` a constant the
/// compiler drops their code from the wasm; unknown fields are ignored.
pub fn load_for_display(text: &str) -> Loaded {
    let (body, skip) = without_bom(text);
    let mut json = serde_json::Deserializer::from_str(body);
    let read =
        <FaqFile as Deserialize>::deserialize(&mut json).and_then(|faq| json.end().map(|()| faq));
    match read {
        Ok(faq) => {
            let mut checker = Checker::<false>::default();
            let faq = checker.faq(&faq, faq.questions.iter().enumerate());
            Loaded {
                faq: Some(faq),
                diagnostics: checker.diagnostics,
            }
        }
        Err(error) => {
            // The path the checker gets from serde_path_to_error, found from the position
            // (`place.rs`: 4.5 KB less wasm).
            let path = if error.is_data() {
                let message = error.to_string();
                let container =
                    message.starts_with("missing field") || message.starts_with("duplicate field");
                let at = offset_of(body, error.line(), error.column());
                super::place::path_at(body, at, container)
            } else {
                Vec::new()
            };
            Loaded {
                faq: None,
                diagnostics: vec![read_error::<false>(&error, &path, body, skip)],
            }
        }
    }
}

fn segments(path: &serde_path_to_error::Path) -> Vec<Seg> {
    path.iter()
        .filter_map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
            _ => None,
        })
        .collect()
}

fn ignored_path(path: &serde_ignored::Path) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut at = path;
    loop {
        at = match at {
            serde_ignored::Path::Root => break,
            serde_ignored::Path::Seq { parent, index } => {
                out.push(Seg::Index(*index));
                parent
            }
            serde_ignored::Path::Map { parent, key } => {
                out.push(Seg::Key(key.clone()));
                parent
            }
            serde_ignored::Path::Some { parent }
            | serde_ignored::Path::NewtypeStruct { parent }
            | serde_ignored::Path::NewtypeVariant { parent } => parent,
        };
    }
    out.reverse();
    out
}

/// The byte offset of serde_json's line and column (1-based, in bytes) in `body`.
fn offset_of(body: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        body.match_indices('\n')
            .nth(line - 2)
            .map_or(body.len(), |(at, _)| at + 1)
    };
    (line_start + column.saturating_sub(1)).min(body.len())
}

/// serde_json's message without the position it appends.
fn bare_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(bare) => bare.to_owned(),
        None => message,
    }
}

/// How messages name a kind of JSON value, from serde's "invalid type: <unexpected>" and
/// "expected <expected>" texts.
fn kind(serde_text: &str) -> &'static str {
    let text = serde_text.trim();
    if text.starts_with("integer") || text.starts_with("floating point") || text == "u32" {
        "a number"
    } else if text.starts_with("string") || text == "a string" {
        "text"
    } else if text.starts_with("boolean") || text == "a boolean" {
        "true/false"
    } else if text.starts_with("null") || text.starts_with("unit") {
        "null"
    } else if text.starts_with("sequence") || text == "a sequence" {
        "a list"
    } else if text.starts_with("map") || text.starts_with("an object") {
        "an object"
    } else {
        "another kind of value"
    }
}

/// A problem serde_json found while reading, as the contract words it. `path` is where it was
/// (the object, for a missing field).
fn read_error<const LINT: bool>(
    error: &serde_json::Error,
    path: &[Seg],
    body: &str,
    skip: usize,
) -> Diagnostic {
    let hint = |hint: &'static str| if LINT { hint } else { "" };
    let at = if error.is_eof() {
        body.len()
    } else {
        offset_of(body, error.line(), error.column())
    };
    let at = (error.line() > 0).then_some(at + skip);
    let message = bare_message(error);
    if error.is_syntax() || error.is_eof() || error.is_io() {
        let stopped = at.map_or(0, |a| a - skip);
        let (what, advice) = syntax_message(&message, body, stopped);
        // A trailing comma is shown on the comma, not on the bracket after it.
        let at = match body.get(..stopped) {
            Some(before) if what.starts_with("a comma before") => {
                before.rfind(',').map(|comma| comma + skip).or(at)
            }
            _ => at,
        };
        return Diagnostic {
            severity: Severity::Fatal,
            path: String::new(),
            spot: Spot::Read,
            at,
            message: ["This is not valid JSON: ", what, "."].concat(),
            hint: hint(advice),
        };
    }
    let field = |message: &str, prefix: &str| {
        message
            .strip_prefix(prefix)
            .map(|rest| rest.trim_matches('`').to_owned())
    };
    let (path, spot, message, advice) = if let Some(name) = field(&message, "missing field ") {
        let advice = if name == "questions" {
            "add \"questions\": [ { \"question\": \"...\", \"answer\": \"...\" } ]"
        } else {
            "add the field; it is required"
        };
        let message = format!("{} is missing.", describe(&join(path, &[key(&name)])));
        (path.to_vec(), Spot::Value, message, advice)
    } else if let Some(name) = field(&message, "duplicate field ") {
        let path = join(path, &[key(&name)]);
        let message = format!("{} appears twice.", describe(&path));
        (path, Spot::RepeatedKey, message, "remove one of the two")
    } else if message == contract::BLANK || message == contract::NO_QUESTIONS {
        let advice = if message == contract::BLANK {
            "write the text, or remove the entry"
        } else {
            "add { \"question\": \"...\", \"answer\": \"...\" }"
        };
        let message = format!("{} {message}.", describe(path));
        (path.to_vec(), Spot::Value, message, advice)
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let (unexpected, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
        let (expected, actual) = (kind(expected), kind(unexpected));
        let (message, advice) = match (expected, actual) {
            ("a number", "a number") => (
                format!("{} must be a whole number from 0 upwards.", describe(path)),
                "raise it by one each time the notice changes",
            ),
            (expected, actual) => (
                format!("{} must be {expected}, but it is {actual}.", describe(path)),
                match expected {
                    "text" => "put the value in double quotes",
                    "a number" => "write it without quotes, like 2",
                    "a list" => "write it as [ ... ]",
                    "true/false" => "write true or false, without quotes",
                    _ => "write it as { \"field\": value, ... }",
                },
            ),
        };
        (path.to_vec(), Spot::Value, message, advice)
    } else {
        let message = format!("{}: {message}.", describe(path));
        (path.to_vec(), Spot::Value, message, "")
    };
    Diagnostic {
        severity: Severity::Fatal,
        path: pointer(&path),
        spot,
        at,
        message,
        hint: hint(advice),
    }
}

/// serde_json's syntax message in the contract's words, with advice.
fn syntax_message(message: &str, body: &str, at: usize) -> (&'static str, &'static str) {
    const ADVICE: &str = "check quotes, commas and brackets near this position";
    let what = match message {
        _ if body.trim().is_empty() => "the file is empty",
        // serde_json says so when a list or an object is read as a value it skips (an
        // unknown field).
        "expected value"
            if body
                .get(at..)
                .is_some_and(|rest| rest.starts_with([']', '}']))
                && body[..at].trim_end().ends_with(',') =>
        {
            if body[at..].starts_with(']') {
                "a comma before ] (JSON allows no trailing comma)"
            } else {
                "a comma before } (JSON allows no trailing comma)"
            }
        }
        "expected value" | "expected ident" => {
            "expected a value (text in quotes, a number, a list or an object)"
        }
        "trailing comma" if body.get(at..).is_some_and(|rest| rest.starts_with('}')) => {
            "a comma before } (JSON allows no trailing comma)"
        }
        "trailing comma" => "a comma before ] (JSON allows no trailing comma)",
        "expected `,` or `]`" => "expected , or ] after a list item",
        "expected `,` or `}`" => "expected , or } after a field",
        "expected `:`" => "expected : after the field name",
        "key must be a string" => "expected a field name in double quotes",
        "trailing characters" => "unexpected text after the end of the JSON value",
        "recursion limit exceeded" => "the JSON is nested too deeply",
        "EOF while parsing a list" => "the list is never closed with ]",
        "EOF while parsing an object" => "the object is never closed with }",
        "EOF while parsing a string" => "this text is never closed with a quote",
        "EOF while parsing a value" => "the JSON ends too early",
        "invalid escape" => "unknown escape in text (use \\\" \\\\ \\n or \\u)",
        "invalid number" | "number out of range" => "malformed number",
        "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape" => "malformed \\u escape in text",
        m if m.starts_with("control character") => {
            "a control character (such as a line break) inside text; write it as \\n"
        }
        _ => "the text cannot be read as JSON",
    };
    (what, ADVICE)
}

/// The rules that serde does not apply, run on the typed values; the widget's model built on
/// the way. With `LINT` false only fatal problems are kept (there are none left after reading).
#[derive(Default)]
struct Checker<const LINT: bool> {
    diagnostics: Vec<Diagnostic>,
}

impl<const LINT: bool> Checker<LINT> {
    /// `message` is only built when the diagnostic is kept: without lints, the author-only
    /// messages and their formatting are compiled out of the widget.
    fn report(
        &mut self,
        severity: Severity,
        path: &[Seg],
        spot: Spot,
        message: impl FnOnce() -> String,
        hint: &'static str,
    ) {
        if !LINT && severity != Severity::Fatal {
            return;
        }
        self.diagnostics.push(Diagnostic {
            severity,
            path: pointer(path),
            spot,
            at: None,
            message: message(),
            hint: if LINT { hint } else { "" },
        });
    }

    fn unknown_fields(&mut self, paths: &[Vec<Seg>]) {
        for path in paths {
            let Some(Seg::Key(name)) = path.last() else {
                continue;
            };
            if name.starts_with('$') {
                continue;
            }
            self.report(
                Severity::Warning,
                path,
                Spot::Key,
                || {
                    format!(
                        "{} is not a field of the FAQ format; it is ignored.",
                        describe(path)
                    )
                },
                "check the spelling against the documented fields",
            );
        }
    }

    /// The checker's second reading after a problem stopped the first: the top level with the
    /// questions left as trees, then each question on its own.
    fn recover(&mut self, tree: &serde_json::Value) {
        let top = self.read_part::<FaqFile<serde_json::Value>>(tree, &[]);
        let items = tree
            .get("questions")
            .and_then(|q| q.as_array())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut questions = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let path = [key("questions"), Seg::Index(index)];
            if let Some(question) = self.read_part::<contract::Question>(item, &path) {
                questions.push((index, question));
            }
        }
        match top {
            Some(top) => {
                self.faq(&top, questions.iter().map(|(i, q)| (*i, q)));
            }
            None => {
                self.questions(questions.iter().map(|(i, q)| (*i, q)));
            }
        }
    }

    /// `T` read from the tree at `path`, or its problem reported.
    fn read_part<T: serde::de::DeserializeOwned>(
        &mut self,
        tree: &serde_json::Value,
        path: &[Seg],
    ) -> Option<T> {
        let mut unknown = Vec::new();
        let mut track = serde_path_to_error::Track::new();
        let read = serde_ignored::deserialize(
            serde_path_to_error::Deserializer::new(tree, &mut track),
            |ignored| unknown.push(join(path, &ignored_path(&ignored))),
        );
        match read {
            Ok(value) => {
                self.unknown_fields(&unknown);
                Some(value)
            }
            Err(error) => {
                // The fields before the problem are known.
                self.unknown_fields(&unknown);
                let at = join(path, &segments(&track.path()));
                let diagnostic = read_error::<LINT>(&error, &at, "", 0);
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    /// The widget's model of a file read without a fatal problem; the questions come apart so
    /// that the checker can pass the ones it could read (with their number in the file).
    fn faq<'q, Q>(
        &mut self,
        file: &FaqFile<Q>,
        questions: impl Iterator<Item = (usize, &'q contract::Question)>,
    ) -> Faq {
        let intro = file
            .intro
            .as_deref()
            .map(|intro| self.markup(intro, &[key("intro")]))
            .unwrap_or_default();
        let contact = file.contact.as_ref().map(|link| {
            let link = self.link(link, &[key("contact")]);
            Contact {
                text: link.text,
                href: link.href,
            }
        });
        let questions = self.questions(questions);
        let cookie_notice = file.cookie_notice.as_ref().map(|notice| {
            let more = notice
                .more
                .as_ref()
                .map(|link| self.link(link, &[key("cookie_notice"), key("more")]));
            CookieNotice {
                text: notice.text.0.clone(),
                more,
                revision: notice.revision.unwrap_or(contract::DEFAULT_REVISION),
            }
        });
        let ui = file.ui.as_ref().map(|ui| self.ui(ui)).unwrap_or_default();
        Faq {
            title: file.title.0.clone(),
            lang: file.lang.clone(),
            intro,
            contact,
            questions,
            cookie_notice,
            ui,
            feedback: file.feedback.unwrap_or(true),
        }
    }

    /// The `ui` object: text values by interface key; unknown keys and non-text values warned.
    fn ui(&mut self, ui: &contract::UiTexts) -> Vec<(String, String)> {
        let mut texts: Vec<(String, String)> = Vec::new();
        for (name, value) in &ui.0 {
            let path = [key("ui"), key(name)];
            if !crate::i18n::Strings::knows(name) {
                self.report(
                    Severity::Warning,
                    &path,
                    Spot::Key,
                    || {
                        format!(
                            "\"ui\": \"{name}\" is not an interface text of the widget; it is ignored."
                        )
                    },
                    "check the spelling against the documented interface texts",
                );
                continue;
            }
            match value {
                Lenient::Text(_) if texts.iter().any(|(known, _)| known == name) => self.report(
                    Severity::Error,
                    &path,
                    Spot::RepeatedKey,
                    || format!("\"ui\": \"{name}\" appears twice; only the first is used."),
                    "remove one of the two",
                ),
                Lenient::Text(text) => texts.push((name.clone(), text.clone())),
                Lenient::Other(kind) => self.report(
                    Severity::Warning,
                    &path,
                    Spot::Value,
                    || {
                        format!(
                            "\"ui\": \"{name}\" must be text, but it is {kind}; the built-in text is used."
                        )
                    },
                    "write the text in quotes",
                ),
            }
        }
        texts
    }

    /// Answer markup, parsed; its problems point at the exact character inside the text.
    fn markup(&mut self, source: &str, path: &[Seg]) -> Vec<markup::Block> {
        let (blocks, problems) = markup::parse_located(source);
        if !LINT {
            return blocks;
        }
        for located in problems {
            let spot = Spot::InText(located.at);
            match located.problem {
                MarkupProblem::UnclosedLink { text } => self.report(
                    Severity::Error,
                    path,
                    spot,
                    || format!("{}: the link \"[{text}](\" is never closed; it is shown as plain text.", describe(path)),
                    "write links as [text](https://example.org/page)",
                ),
                MarkupProblem::RejectedLink { text, href, reason } => self.report(
                    Severity::Error,
                    path,
                    spot,
                    || format!("{}: the link \"{text}\" to \"{href}\" is not allowed ({}); it is shown as plain text.", describe(path), reason.describe()),
                    "use an https:, http:, mailto:, tel: or relative address",
                ),
            }
        }
        blocks
    }

    /// A link (`contact`, an item of `links`, `cookie_notice.more`); `path` names it in
    /// messages: `"contact"`, `Question 3: "links"`.
    fn link(&mut self, link: &contract::Link, path: &[Seg]) -> Link {
        let raw = link.href.0.as_str();
        let href = match check_href(raw.trim()) {
            Ok(()) => Some(raw.trim().to_owned()),
            Err(reason) => {
                // Point at the address itself, past any spaces.
                let skipped = raw.len() - raw.trim_start().len();
                self.report(
                    Severity::Error,
                    &join(path, &[key("href")]),
                    Spot::InText(skipped),
                    || format!("{}: the address \"{raw}\" is not allowed ({}); the link is shown as plain text.", describe(path), reason.describe()),
                    "use an https:, http:, mailto:, tel: or relative address",
                );
                None
            }
        };
        Link {
            text: link.text.0.clone(),
            href,
        }
    }

    fn questions<'q>(
        &mut self,
        items: impl Iterator<Item = (usize, &'q contract::Question)>,
    ) -> Vec<Question> {
        let mut questions: Vec<Question> = Vec::new();
        let mut numbers: Vec<usize> = Vec::new();
        // Question text, compared without case and surrounding spaces -> its question number.
        let mut texts: HashMap<String, usize> = HashMap::new();
        for (index, raw) in items {
            let path = [key("questions"), Seg::Index(index)];
            let question = self.question(raw, &path, index);
            if LINT {
                let text_key = question.question.to_ascii_lowercase();
                if let Some(earlier) = texts.get(&text_key) {
                    let earlier = *earlier;
                    self.report(
                        Severity::Error,
                        &join(&path, &[key("question")]),
                        Spot::Value,
                        || ids::same_text_message(index + 1, earlier + 1),
                        ids::SAME_TEXT_HINT,
                    );
                } else {
                    texts.insert(text_key, index);
                }
            }
            numbers.push(index);
            questions.push(question);
        }
        self.resolve_ids(&mut questions, &numbers);
        questions
    }

    fn question(&mut self, raw: &contract::Question, path: &[Seg], index: usize) -> Question {
        let question = raw.question.trim().to_owned();
        if LINT && question.chars().count() > LONG_QUESTION_CHARS {
            self.report(
                Severity::Warning,
                &join(path, &[key("question")]),
                Spot::Value,
                || {
                    format!(
                        "Question {}: the question is longer than {LONG_QUESTION_CHARS} characters.",
                        index + 1
                    )
                },
                "keep questions short; put details in the answer",
            );
        }
        let answer = self.markup(&raw.answer, &join(path, &[key("answer")]));
        let links = raw
            .links
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, link)| {
                // Messages say `Question 3: "links"`; the path goes to the link itself.
                self.link(link, &join(path, &[key("links"), Seg::Index(i)]))
            })
            .collect();
        let keywords = raw
            .keywords
            .iter()
            .flatten()
            .enumerate()
            .filter_map(|(i, word)| match word {
                Lenient::Text(word) => Some(word.clone()),
                Lenient::Other(kind) => {
                    self.report(
                        Severity::Error,
                        &join(path, &[key("keywords"), Seg::Index(i)]),
                        Spot::Value,
                        || {
                            format!(
                                "Question {}: a keyword must be text, but it is {kind}; it is ignored.",
                                index + 1
                            )
                        },
                        "put the keyword in double quotes",
                    );
                    None
                }
            })
            .collect();
        Question {
            id: raw
                .id
                .as_deref()
                .map(|id| id.trim().to_owned())
                .unwrap_or_default(),
            question,
            answer,
            links,
            category: raw.category.clone(),
            keywords,
        }
    }

    /// Every question gets a unique id: its own, or one derived from its text (`ids.rs`).
    /// `numbers` are the questions' places in the file.
    fn resolve_ids(&mut self, questions: &mut [Question], numbers: &[usize]) {
        let mut allocated = Ids::with_capacity(questions.len());
        for (position, question) in questions.iter_mut().enumerate() {
            let index = numbers.get(position).copied().unwrap_or(position);
            let path = [key("questions"), Seg::Index(index), key("id")];
            let given = !question.id.is_empty();
            let valid = given && is_valid_id(&question.id);
            if given && !valid {
                self.report(
                    Severity::Error,
                    &path,
                    Spot::Value,
                    || ids::invalid_message(index + 1, &question.id),
                    ids::INVALID_HINT,
                );
            }
            let base = ids::base(&question.id, valid, || slug(&question.question), index + 1);
            let (id, taken) = allocated.allocate(&base, given);
            if taken {
                self.report(
                    Severity::Error,
                    &path,
                    Spot::Value,
                    || ids::taken_message(index + 1, &base),
                    ids::TAKEN_HINT,
                );
            }
            question.id = id;
        }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= contract::MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A readable id from question text: "How do I join INTERPOL?" -> "how-do-i-join-interpol".
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for ch in text.chars() {
        let ch = fold_latin(ch);
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The base letter of common accented Latin letters, so French ids stay readable.
fn fold_latin(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widget_loader_agrees_with_the_checker_on_what_can_be_shown() {
        let samples = [
            include_str!("../../faq.json"),
            r#"{"title": "T", "colour": 1, "questions": [{"question": "q", "answer": "[x](javascript:y)"}]}"#,
            r#"{"title": "T", "questions": [{"question": "q"}]}"#,
            r#"{"title": "T", "questions": []}"#,
            "not json",
        ];
        for text in samples {
            let (full, display) = (load(text), load_for_display(text));
            assert_eq!(full.faq, display.faq, "{text}");
            // The same problem, without the hint (the widget does not show hints).
            let without_hint =
                |d: Option<&Diagnostic>| d.map(|d| (d.severity, d.at, d.message.clone()));
            assert_eq!(
                without_hint(full.first_fatal()),
                without_hint(display.first_fatal()),
                "{text}"
            );
            assert!(display.diagnostics.iter().all(|d| d.hint.is_empty()));
            assert!(display
                .diagnostics
                .iter()
                .all(|d| d.severity == Severity::Fatal));
        }
    }
    use crate::faq::markup::{Block, Inline};

    const MINIMAL: &str =
        r#"{"title": "FAQ", "questions": [{"question": "Why?", "answer": "Because."}]}"#;

    /// The checker's first fatal problem; the widget's reader must name the same place.
    fn fatal(text: &str) -> String {
        let loaded = load(text);
        assert!(loaded.faq.is_none(), "expected a fatal problem in {text}");
        let first = loaded.first_fatal().expect("a fatal diagnostic");
        let shown = load_for_display(text);
        let widget = shown.first_fatal().expect("the widget stops too");
        assert_eq!(
            (&widget.path, &widget.message, widget.at),
            (&first.path, &first.message, first.at),
            "{text}"
        );
        first.message.clone()
    }

    #[test]
    fn minimal_faq_loads() {
        let loaded = load(MINIMAL);
        assert!(loaded.diagnostics.is_empty());
        let faq = loaded.faq.unwrap();
        assert_eq!(faq.title, "FAQ");
        assert_eq!(faq.questions[0].id, "why");
        assert_eq!(
            faq.questions[0].answer,
            vec![Block::Paragraph(vec![Inline::Text("Because.".into())])]
        );
        assert!(faq.cookie_notice.is_none());
    }

    #[test]
    fn missing_and_wrong_fields_name_the_field_and_question() {
        assert_eq!(
            fatal(r#"{"questions": [{"question": "a", "answer": "b"}]}"#),
            "\"title\" is missing."
        );
        assert_eq!(
            fatal(
                r#"{"title": "T", "questions": [{"question": "a", "answer": "b"}, {"question": "c"}]}"#
            ),
            "Question 2: \"answer\" is missing."
        );
        assert_eq!(
            fatal(r#"{"title": "T", "questions": [{"question": 3, "answer": "b"}]}"#),
            "Question 1: \"question\" must be text, but it is a number."
        );
        assert_eq!(
            fatal(r#"{"title": "T", "questions": [{"question": "  ", "answer": "b"}]}"#),
            "Question 1: \"question\" is empty."
        );
        assert_eq!(
            fatal(r#"{"title": "T", "questions": []}"#),
            "\"questions\" is empty; the FAQ needs at least one question."
        );
        assert_eq!(
            fatal(r#"{"title": "T", "questions": {}}"#),
            "\"questions\" must be a list, but it is an object."
        );
        assert_eq!(
            fatal(r#"[1]"#),
            "The FAQ file must be an object, but it is a list."
        );
        assert!(fatal("<html>Not found</html>").starts_with("This is not valid JSON"));
    }

    #[test]
    fn positions_point_into_the_source() {
        let text =
            "{\"title\": \"T\",\n \"questions\": [\n  {\"question\": \"a\", \"answer\": 5}]}";
        let loaded = load(text);
        let d = loaded.first_fatal().unwrap();
        assert_eq!(d.path, "/questions/0/answer");
        assert_eq!(d.spot, Spot::Value);
        let at = d.at.unwrap();
        assert_eq!(&text[at..at + 1], "5");
        assert_eq!(load_for_display(text).first_fatal().unwrap().at, Some(at));
    }

    #[test]
    fn ids_are_derived_unique_and_checked() {
        let loaded = load(
            r#"{"title": "T", "questions": [
              {"question": "How do I join?", "answer": "a"},
              {"question": "How do I join…", "answer": "b"},
              {"id": "x", "question": "Q3", "answer": "c"},
              {"id": "x", "question": "Q4", "answer": "d"},
              {"id": "bad id!", "question": "Été à Paris", "answer": "e"},
              {"question": "؟", "answer": "f"}]}"#,
        );
        let ids: Vec<_> = loaded
            .faq
            .as_ref()
            .unwrap()
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        assert_eq!(
            ids,
            [
                "how-do-i-join",
                "how-do-i-join-2",
                "x",
                "x-2",
                "ete-a-paris",
                "q6"
            ]
        );
        let messages: Vec<_> = loaded
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert!(messages.contains(&"Question 4: the id \"x\" is already used by another question."));
        assert!(messages
            .contains(&"Question 5: the id \"bad id!\" may only use letters, digits, - and _."));
    }

    #[test]
    fn forbidden_links_degrade_to_text_and_are_reported() {
        let loaded = load(
            r#"{"title": "T", "questions": [{"question": "q", "answer": "[x](javascript:alert(1))",
               "links": [{"text": "Bad", "href": "javascript:alert(1)"}, {"text": "Good", "href": "https://a.org"}]}]}"#,
        );
        let faq = loaded.faq.unwrap();
        assert_eq!(faq.questions[0].links[0].href, None);
        assert_eq!(
            faq.questions[0].links[1].href.as_deref(),
            Some("https://a.org")
        );
        assert_eq!(
            loaded
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count(),
            2
        );
    }

    #[test]
    fn unknown_fields_warn_and_duplicates_error() {
        let loaded = load(
            r#"{"$schema": "x", "title": "T", "colour": "red", "questions": [
               {"question": "Same", "answer": "a", "answr": "typo"}, {"question": "same", "answer": "b"}]}"#,
        );
        assert!(loaded.faq.is_some());
        let messages: Vec<_> = loaded
            .diagnostics
            .iter()
            .map(|d| (d.severity, d.message.as_str()))
            .collect();
        assert!(messages.contains(&(
            Severity::Warning,
            "\"colour\" is not a field of the FAQ format; it is ignored."
        )));
        assert!(messages.contains(&(
            Severity::Warning,
            "Question 1: \"answr\" is not a field of the FAQ format; it is ignored."
        )));
        assert!(messages.contains(&(
            Severity::Error,
            "Question 2: the same question text as question 1."
        )));
    }

    /// `fatal` holds the widget's reader (no path tracking, `place.rs`) to the checker's place.
    #[test]
    fn the_widget_names_the_same_place_as_the_checker() {
        let q = r#"{"question": "q", "answer": "a"}"#;
        let cases = [
            format!(r#"{{"title": " ", "questions": [{q}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "  "}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": 7}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "question": "q3", "answer": "a"}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "links": [{{"text": "t", "href": ""}}]}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "links": [{{"text": "t"}}]}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "links": ["x"]}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}, {{"question": "q2", "answer": "a", "keywords": "k"}}]}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "contact": {{"text": "c", "href": []}}}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "cookie_notice": {{"text": "c", "more": {{"text": "m"}}}}}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "cookie_notice": {{"text": "c", "revision": -1}}}}"#),
            format!(r#"{{"title": "T", "questions": [{q}], "ui": []}}"#),
            r#"{"title": "T", "questions": {}}"#.to_owned(),
            format!(r#"{{"title": "T", "questions": [{q}, 3]}}"#),
            format!(r#"{{"ti\"tle": 1, "title": "T", "questions": [{q}, {{"id": "a]b,{{", "question": "q2"}}]}}"#),
            // Pretty printed, with a BOM: the same places over several lines.
            format!("\u{feff}{{\n  \"title\": \"T\",\n  \"questions\": [\n    {q},\n    {{\n      \"question\": \"q2\",\n      \"answer\": \"\"\n    }}\n  ]\n}}\n"),
        ];
        for text in &cases {
            fatal(text);
        }
    }

    #[test]
    fn feedback_switch() {
        let with = |extra: &str| {
            load(&format!(
                r#"{{"title": "T", "questions": [{{"question": "q", "answer": "a"}}]{extra}}}"#
            ))
            .faq
            .unwrap()
            .feedback
        };
        assert!(with(""));
        assert!(with(r#", "feedback": true"#));
        assert!(!with(r#", "feedback": false"#));
        assert!(with(r#", "feedback": null"#));
        assert_eq!(
            fatal(
                r#"{"title": "T", "questions": [{"question": "q", "answer": "a"}], "feedback": "off"}"#
            ),
            "\"feedback\" must be true/false, but it is text."
        );
    }

    #[test]
    fn cookie_notice_revision() {
        let faq = load(r#"{"title": "T", "questions": [{"question": "q", "answer": "a"}],
            "cookie_notice": {"text": "Cookies.", "more": {"text": "Tell me more", "href": "/cookies"}, "revision": 3}}"#)
            .faq
            .unwrap();
        let notice = faq.cookie_notice.unwrap();
        assert_eq!(notice.revision, 3);
        assert_eq!(notice.more.unwrap().href.as_deref(), Some("/cookies"));
        assert_eq!(
            fatal(
                r#"{"title": "T", "questions": [{"question": "q", "answer": "a"}], "cookie_notice": {"text": "c", "revision": "2"}}"#
            ),
            "\"cookie_notice.revision\" must be a number, but it is text."
        );
    }

    /// A file using every field of the format, each once.
    const FULL: &str = r#"{"title": "T", "lang": "en", "intro": "i", "contact": {"text": "c", "href": "/c"},
        "questions": [{"id": "a", "question": "q", "answer": "a", "links": [{"text": "l", "href": "/l"}],
                       "category": "c", "keywords": ["k"]}],
        "cookie_notice": {"text": "n", "more": {"text": "m", "href": "/m"}, "revision": 2}, "ui": {}, "feedback": true}"#;

    /// Every field of every object in `FULL`: the object's JSON Pointer, the field, required.
    const FIELDS: &[(&str, &str, bool)] = &[
        ("", "title", true),
        ("", "lang", false),
        ("", "intro", false),
        ("", "contact", false),
        ("", "questions", true),
        ("", "cookie_notice", false),
        ("", "ui", false),
        ("", "feedback", false),
        ("/questions/0", "id", false),
        ("/questions/0", "question", true),
        ("/questions/0", "answer", true),
        ("/questions/0", "links", false),
        ("/questions/0", "category", false),
        ("/questions/0", "keywords", false),
        ("/contact", "text", true),
        ("/contact", "href", true),
        ("/questions/0/links/0", "text", true),
        ("/questions/0/links/0", "href", true),
        ("/cookie_notice", "text", true),
        ("/cookie_notice", "more", false),
        ("/cookie_notice", "revision", false),
        ("/cookie_notice/more", "text", true),
        ("/cookie_notice/more", "href", true),
    ];

    /// `FULL` with field `name` of the object at `owner` set to `with`, or removed.
    fn edit(owner: &str, name: &str, with: Option<serde_json::Value>) -> String {
        let mut root: serde_json::Value = serde_json::from_str(FULL).unwrap();
        let object = root.pointer_mut(owner).unwrap().as_object_mut().unwrap();
        match with {
            Some(value) => {
                object.insert(name.to_owned(), value);
            }
            None => {
                object.remove(name);
            }
        }
        root.to_string()
    }

    #[test]
    fn the_validator_knows_every_field_of_the_contract() {
        let loaded = load(FULL);
        assert_eq!(loaded.diagnostics, [], "FULL is clean");
        // FIELDS lists every field of FULL, and FULL has every field of the contract (the
        // schema test in cli/ checks the schema's fields against the same file).
        let full: serde_json::Value = serde_json::from_str(FULL).unwrap();
        let owners = [
            "",
            "/contact",
            "/questions/0",
            "/questions/0/links/0",
            "/cookie_notice",
            "/cookie_notice/more",
        ];
        let in_full: Vec<(&str, &str)> = owners
            .iter()
            .flat_map(|owner| {
                let object = full.pointer(owner).unwrap().as_object().unwrap();
                object.keys().map(move |name| (*owner, name.as_str()))
            })
            .collect();
        let listed: Vec<(&str, &str)> = FIELDS.iter().map(|(o, n, _)| (*o, *n)).collect();
        assert_eq!(in_full.len(), listed.len());
        assert!(in_full.iter().all(|field| listed.contains(field)));
        for (owner, name, required) in FIELDS {
            // The wrong type: every field rejects true/false (the one switch, text), with a
            // message naming it.
            let (wrong, kind): (serde_json::Value, _) = match *name {
                "feedback" => ("yes".into(), "but it is text"),
                _ => (true.into(), "but it is true/false"),
            };
            let loaded = load(&edit(owner, name, Some(wrong.clone())));
            let fatal = loaded.first_fatal().expect(name);
            assert!(
                fatal.message.contains(name) && fatal.message.contains(kind),
                "{owner}/{name}: {fatal:?}"
            );
            assert_eq!(fatal.path, format!("{owner}/{name}"));
            assert_eq!(
                load_for_display(&edit(owner, name, Some(wrong)))
                    .first_fatal()
                    .map(|d| (&d.path, &d.message)),
                Some((&fatal.path, &fatal.message))
            );
            // Left out: required fields are missing, optional ones are fine; so is null.
            let without = load(&edit(owner, name, None));
            let reported = without
                .diagnostics
                .iter()
                .any(|d| d.message.ends_with(&format!("{name}\" is missing.")));
            assert_eq!(
                reported, *required,
                "{owner}/{name} left out: {:?}",
                without.diagnostics
            );
            if !required {
                assert_eq!(without.diagnostics, [], "{owner}/{name}");
                let null = load(&edit(owner, name, Some(serde_json::Value::Null)));
                assert_eq!(null.diagnostics, [], "{owner}/{name} null");
            }
            // A field the contract does not know is a warning in this object, on its name.
            let renamed = format!("{name}_x");
            let loaded = load(&edit(owner, &renamed, Some(1.into())));
            assert!(
                loaded
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Warning
                        && d.message.contains(&renamed)
                        && d.spot == Spot::Key
                        && d.path == format!("{owner}/{renamed}")),
                "{owner}/{name}: {:?}",
                loaded.diagnostics
            );
            assert!(load_for_display(&edit(owner, &renamed, Some(1.into())))
                .diagnostics
                .is_empty());
        }
    }

    #[test]
    fn objects_must_be_objects_and_fields_unique() {
        assert_eq!(
            fatal(r#"{"title": "T", "questions": [["id", "q", "a"]]}"#),
            "Question 1 must be an object, but it is a list."
        );
        assert_eq!(
            fatal(
                r#"{"title": "T", "contact": ["c", "/c"], "questions": [{"question": "q", "answer": "a"}]}"#
            ),
            "\"contact\" must be an object, but it is a list."
        );
        let text =
            r#"{"title": "T", "questions": [{"question": "q", "answer": "a", "answer": "b"}]}"#;
        let loaded = load(text);
        let d = loaded.first_fatal().unwrap();
        assert_eq!(d.message, "Question 1: \"answer\" appears twice.");
        assert_eq!(
            (d.path.as_str(), d.spot),
            ("/questions/0/answer", Spot::RepeatedKey)
        );
    }

    #[test]
    fn the_checker_reports_every_broken_question_the_widget_the_first() {
        let text = r#"{"title": "T", "colour": 1, "questions": [{"question": "q"}, {"question": 2, "answer": "a"},
            {"id": "bad id", "question": "ok", "answer": "[x](javascript:y)"}, {"answer": "a", "answr": 1}]}"#;
        let messages: Vec<(Severity, String, String)> = load(text)
            .diagnostics
            .into_iter()
            .map(|d| (d.severity, d.path, d.message))
            .collect();
        let expected = [
            (Severity::Fatal, "/questions/0", "Question 1: \"answer\" is missing."),
            (Severity::Warning, "/colour", "\"colour\" is not a field of the FAQ format; it is ignored."),
            (Severity::Fatal, "/questions/1/question", "Question 2: \"question\" must be text, but it is a number."),
            (Severity::Warning, "/questions/3/answr", "Question 4: \"answr\" is not a field of the FAQ format; it is ignored."),
            (Severity::Fatal, "/questions/3", "Question 4: \"question\" is missing."),
            (Severity::Error, "/questions/2/answer", "Question 3: \"answer\": the link \"x\" to \"javascript:y\" is not allowed (only https:, http:, mailto:, tel: and relative links are allowed); it is shown as plain text."),
            (Severity::Error, "/questions/2/id", "Question 3: the id \"bad id\" may only use letters, digits, - and _."),
        ];
        for (severity, path, message) in expected {
            assert!(
                messages.contains(&(severity, path.to_owned(), message.to_owned())),
                "{message}: {messages:#?}"
            );
        }
        assert_eq!(messages.len(), expected.len(), "{messages:#?}");
        assert_eq!(messages[0].2, "Question 1: \"answer\" is missing.");
        let display = load_for_display(text);
        assert_eq!(display.diagnostics.len(), 1);
        assert_eq!(display.diagnostics[0].message, messages[0].2);
    }

    #[test]
    fn syntax_errors_are_worded_for_people_and_placed() {
        for (text, message, at) in [
            ("", "the file is empty", 0),
            (
                "<html>",
                "expected a value (text in quotes, a number, a list or an object)",
                0,
            ),
            (
                "{\"a\": [1,]}",
                "a comma before ] (JSON allows no trailing comma)",
                8,
            ),
            (
                "{\"a\": 1,}",
                "a comma before } (JSON allows no trailing comma)",
                7,
            ),
            (
                "{\"title\": \"T\", \"questions\": [{\"question\": \"q\", \"answer\": \"a\"}]} x",
                "unexpected text after the end of the JSON value",
                64,
            ),
            ("{\"a\": \"x", "this text is never closed with a quote", 8),
            ("\u{feff}{\"a\" 1}", "expected : after the field name", 8),
        ] {
            let loaded = load_for_display(text);
            let d = loaded.first_fatal().unwrap();
            assert_eq!(
                d.message,
                format!("This is not valid JSON: {message}."),
                "{text:?}"
            );
            assert_eq!((d.at, d.spot), (Some(at), Spot::Read), "{text:?}");
            let full = Diagnostic {
                hint: "check quotes, commas and brackets near this position",
                ..d.clone()
            };
            assert_eq!(load(text).first_fatal(), Some(&full));
        }
    }

    #[test]
    fn markup_problems_point_inside_the_decoded_text() {
        let text = "{\"title\": \"T\", \"questions\": [{\"question\": \"q\",\n  \"answer\": \"\\u00e9t\\u00e9\\n\\nsee [x](javascript:1) and [y](https://a\"}]}";
        let loaded = load(text);
        let answer = "été\n\nsee [x](javascript:1) and [y](https://a";
        let at: Vec<_> = loaded
            .diagnostics
            .iter()
            .map(|d| match d.spot {
                Spot::InText(at) => (d.path.as_str(), &answer[at..at + 3]),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            at,
            [
                ("/questions/0/answer", "jav"),
                ("/questions/0/answer", "[y]")
            ]
        );
        let text = r#"{"title": "T", "questions": [{"question": "q", "answer": "a", "links": [{"text": "l", "href": "  data:x"}]}]}"#;
        let d = &load(text).diagnostics[0];
        assert_eq!(
            (d.path.as_str(), d.spot),
            ("/questions/0/links/0/href", Spot::InText(2))
        );
        assert!(d
            .message
            .starts_with("Question 1: \"links\": the address \"  data:x\""));
    }

    #[test]
    fn questions_must_be_a_list_even_null() {
        assert_eq!(
            fatal(r#"{"title": "T", "questions": null}"#),
            "\"questions\" must be a list, but it is null."
        );
    }

    #[test]
    fn many_same_questions_stay_fast() {
        // Duplicate checks and id numbering once took quadratic and cubic time.
        let mut text = String::from(r#"{"title": "T", "questions": ["#);
        for i in 0..20_000 {
            if i > 0 {
                text.push(',');
            }
            text.push_str(r#"{"question": "Same?", "answer": "a", "id": "x"}"#);
        }
        text.push_str("]}");
        let loaded = load(&text);
        let faq = loaded.faq.unwrap();
        assert_eq!(faq.questions[19_999].id, "x-20000");
        assert_eq!(loaded.diagnostics.len(), 2 * 19_999);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("How do I join INTERPOL?").as_deref(),
            Some("how-do-i-join-interpol")
        );
        assert_eq!(slug("  --  ").as_deref(), None);
        assert!(slug(&"word ".repeat(40)).unwrap().len() <= 60);
    }

    #[test]
    fn ui_texts_reach_the_model_and_unknown_keys_are_warned() {
        let text = r#"{"title": "T", "ui": {"show_all": "Tout", "results.few": "{count} x", "shwo_all": "?", "retry": 3},
            "questions": [{"question": "q", "answer": "a"}]}"#;
        let loaded = load(text);
        let faq = loaded.faq.as_ref().unwrap();
        assert_eq!(
            faq.ui,
            [
                ("show_all".to_owned(), "Tout".to_owned()),
                ("results.few".to_owned(), "{count} x".to_owned())
            ]
        );
        let warnings: Vec<&str> = loaded
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("\"shwo_all\" is not an interface text"));
        assert!(warnings[1].contains("\"retry\" must be text"));
        let text = r#"{"title": "T", "ui": {"show_all": "Tout", "show_all": "Encore"},
            "questions": [{"question": "q", "answer": "a"}]}"#;
        let loaded = load(text);
        assert_eq!(
            loaded.faq.unwrap().ui,
            [("show_all".to_owned(), "Tout".to_owned())]
        );
        let d = &loaded.diagnostics[0];
        assert_eq!(
            d.message,
            "\"ui\": \"show_all\" appears twice; only the first is used."
        );
        assert_eq!(
            (d.path.as_str(), d.spot, d.severity),
            ("/ui/show_all", Spot::RepeatedKey, Severity::Error)
        );
    }
}
