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
#[path = "validate_tests.rs"]
mod tests;
