//! What the faq.json checks report: a problem's severity, its place (a JSON Pointer and a spot
//! in the value) and its message; the reader's result ([`Loaded`]); how messages name a place.
//! Shared by the reading (`read_error.rs`) and the rules (`rules.rs`).

use super::model::Faq;
use super::path::Seg;

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
    /// Byte offset where `serde_json` stopped, for problems found while reading the text (syntax,
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

pub(super) fn pointer(path: &[Seg]) -> String {
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

pub(super) fn key(name: &str) -> Seg {
    Seg::Key(name.to_owned())
}

pub(super) fn join(path: &[Seg], more: &[Seg]) -> Vec<Seg> {
    path.iter().chain(more).cloned().collect()
}

/// How messages name the value at `path`: `"title"`, `"contact.href"`, `Question 3`,
/// `Question 3: "answer"`, `The FAQ file`.
pub(super) fn describe(path: &[Seg]) -> String {
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
