//! The faq.json contract: from source text to a [`Faq`], or to problems with positions and
//! human messages. The widget and the command-line checker both call [`load`].

use super::format::{self, Shape, Type};
use super::json::{self, Member, Node, Value};
use super::markup::{self, check_href, MarkupProblem};
use super::model::{Contact, CookieNotice, Faq, Link, Question};
use super::str_map::StrMap;

pub use super::format::LONG_QUESTION_CHARS;

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
    /// Byte offset in the source text.
    pub at: usize,
    pub message: String,
    pub hint: &'static str,
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

/// Everything the checker reports: fatal problems, errors and warnings.
pub fn load(text: &str) -> Loaded {
    load_with::<true>(text)
}

/// What the widget needs: the FAQ, or the problem that stops it from being shown. Author-only
/// diagnostics (warnings, non-fatal errors) are not collected, and with `LINT` a constant the
/// compiler drops their code from the wasm.
pub fn load_for_display(text: &str) -> Loaded {
    load_with::<false>(text)
}

fn load_with<const LINT: bool>(text: &str) -> Loaded {
    let root = match json::parse(text) {
        Ok(root) => root,
        Err(error) => {
            return Loaded {
                faq: None,
                diagnostics: vec![Diagnostic {
                    severity: Severity::Fatal,
                    at: error.at,
                    message: ["This is not valid JSON: ", error.message, "."].concat(),
                    hint: if LINT {
                        "check quotes, commas and brackets near this position"
                    } else {
                        ""
                    },
                }],
            }
        }
    };
    let mut checker = Checker::<LINT> {
        text,
        diagnostics: Vec::new(),
    };
    let faq = checker.faq(&root);
    let fatal = checker
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Fatal);
    Loaded {
        faq: if fatal { None } else { faq },
        diagnostics: checker.diagnostics,
    }
}

struct Checker<'t, const LINT: bool> {
    /// The source, to place problems found inside a text value at their exact character.
    text: &'t str,
    diagnostics: Vec<Diagnostic>,
}

/// Where a value sits, for messages: "the FAQ" or "question 3".
#[derive(Clone, Copy)]
enum Place {
    Top,
    Question(usize),
}

impl Place {
    fn describe(self, field: &str) -> String {
        match self {
            Place::Top => format!("\"{field}\""),
            Place::Question(index) => format!("Question {}: \"{field}\"", index + 1),
        }
    }
}

/// The members of an object, and the shape in the format table it should have.
struct Fields<'a> {
    members: &'a [Member],
    at: usize,
    shape: &'static Shape,
}

impl<'a> Fields<'a> {
    fn get(&self, name: &str) -> Option<&'a Node> {
        self.members
            .iter()
            .find(|m| m.key == name)
            .map(|m| &m.value)
    }
}

impl<const LINT: bool> Checker<'_, LINT> {
    /// `message` is only built when the diagnostic is kept: without lints, the author-only
    /// messages and their formatting are compiled out of the widget.
    fn report(
        &mut self,
        severity: Severity,
        at: usize,
        message: impl FnOnce() -> String,
        hint: &'static str,
    ) {
        if !LINT && severity != Severity::Fatal {
            return;
        }
        self.diagnostics.push(Diagnostic {
            severity,
            at,
            message: message(),
            // The widget shows the message only: without lints, the hints' text is dropped
            // from the wasm.
            hint: if LINT { hint } else { "" },
        });
    }

    /// `node` as an object of `shape`, with its unknown and repeated fields reported.
    fn object<'a>(
        &mut self,
        node: &'a Node,
        shape: &'static Shape,
        what: String,
        place: Place,
    ) -> Option<Fields<'a>> {
        match &node.value {
            Value::Object(members) => {
                let fields = Fields {
                    members,
                    at: node.at,
                    shape,
                };
                self.unknown_fields(&fields, place);
                Some(fields)
            }
            other => {
                self.report(
                    Severity::Fatal,
                    node.at,
                    || format!("{what} must be an object, but it is {}.", other.kind()),
                    "write it as { \"field\": value, ... }",
                );
                None
            }
        }
    }

    fn unknown_fields(&mut self, fields: &Fields, place: Place) {
        for member in fields.members {
            if !fields.shape.open
                && fields.shape.field(&member.key).is_none()
                && !member.key.starts_with('$')
            {
                self.report(
                    Severity::Warning,
                    member.key_at,
                    || {
                        format!(
                            "{} is not a field of the FAQ format; it is ignored.",
                            place.describe(&member.key)
                        )
                    },
                    "check the spelling against the documented fields",
                );
            }
        }
        let mut seen = StrMap::new();
        for member in fields.members {
            if seen.contains(&member.key) {
                self.report(
                    Severity::Error,
                    member.key_at,
                    || {
                        format!(
                            "{} appears twice; only the first is used.",
                            place.describe(&member.key)
                        )
                    },
                    "remove one of the two",
                );
            }
            seen.set(&member.key, 0);
        }
    }

    /// The value of field `name` after the checks its entry in the format table asks for:
    /// present when required, of the right type, not blank, long enough. `None` when it is
    /// absent, `null` (optional fields only) or wrong (then reported). `label` names the field
    /// in messages.
    fn field<'a>(
        &mut self,
        fields: &Fields<'a>,
        name: &str,
        label: &str,
        place: Place,
    ) -> Option<&'a Node> {
        // Every name the validator asks for is in the table (a test walks them all).
        let spec = fields.shape.field(name)?;
        let Some(node) = fields.get(name) else {
            if spec.required {
                let hint = match spec.missing_hint {
                    "" => "add the field; it is required",
                    hint => hint,
                };
                self.report(
                    Severity::Fatal,
                    fields.at,
                    || format!("{} is missing.", place.describe(label)),
                    hint,
                );
            }
            return None;
        };
        if node.value == Value::Null && !spec.required {
            return None;
        }
        let what = || place.describe(label);
        let problem: Option<(String, &'static str)> = match (spec.ty, &node.value) {
            (Type::Text { .. } | Type::Markup | Type::Href | Type::Id, Value::Str(text)) => {
                (spec.required && text.trim().is_empty()).then(|| {
                    (
                        format!("{} is empty.", what()),
                        "write the text, or remove the entry",
                    )
                })
            }
            (Type::Text { .. } | Type::Markup | Type::Href | Type::Id, other) => Some((
                format!("{} must be text, but it is {}.", what(), other.kind()),
                "put the value in double quotes",
            )),
            (Type::Count { .. }, Value::Number(digits)) => {
                digits.parse::<u32>().is_err().then(|| {
                    (
                        format!("{} must be a whole number from 0 upwards.", what()),
                        "raise it by one each time the notice changes",
                    )
                })
            }
            (Type::Count { .. }, other) => Some((
                format!("{} must be a number, but it is {}.", what(), other.kind()),
                "write it without quotes, like 2",
            )),
            (Type::Object(_), Value::Object(_)) => None,
            (Type::Object(_), other) => Some((
                format!("{} must be an object, but it is {}.", what(), other.kind()),
                "write it as { \"field\": value, ... }",
            )),
            (Type::List { item, min }, Value::Array(items)) => (items.len() < min).then(|| {
                let noun = match item {
                    Type::Object(shape) => shape.name,
                    _ => "item",
                };
                (
                    format!("{} is empty; the FAQ needs at least one {noun}.", what()),
                    "add { \"question\": \"...\", \"answer\": \"...\" }",
                )
            }),
            (Type::List { .. }, other) => Some((
                format!("{} must be a list, but it is {}.", what(), other.kind()),
                "write it as [ ... ]",
            )),
        };
        if let Some((message, hint)) = problem {
            self.report(Severity::Fatal, node.at, || message, hint);
            return None;
        }
        if let (
            Type::Text {
                warn_over: Some(limit),
            },
            Value::Str(text),
        ) = (spec.ty, &node.value)
        {
            if text.chars().count() > limit {
                let message = match place {
                    Place::Question(index) => format!(
                        "Question {}: the {name} is longer than {limit} characters.",
                        index + 1
                    ),
                    Place::Top => format!("{} is longer than {limit} characters.", what()),
                };
                self.report(
                    Severity::Warning,
                    node.at,
                    || message,
                    "keep questions short; put details in the answer",
                );
            }
        }
        Some(node)
    }

    /// A text field; `None` when absent or wrong.
    fn text(&mut self, fields: &Fields, name: &str, place: Place) -> Option<String> {
        match self.field(fields, name, name, place) {
            Some(Node {
                value: Value::Str(text),
                ..
            }) => Some(text.clone()),
            _ => None,
        }
    }

    /// A list field; empty when absent or wrong.
    fn list<'a>(&mut self, fields: &Fields<'a>, name: &str, place: Place) -> &'a [Node] {
        match self.field(fields, name, name, place) {
            Some(Node {
                value: Value::Array(items),
                ..
            }) => items,
            _ => &[],
        }
    }

    /// A markup field, parsed; its problems point at the exact character inside the text.
    fn markup(&mut self, fields: &Fields, name: &str, place: Place) -> Option<Vec<markup::Block>> {
        let node = self.field(fields, name, name, place)?;
        let Value::Str(source) = &node.value else {
            return None;
        };
        let (blocks, problems) = markup::parse_located(source);
        // The problems come in text order: one walk over the source places them all.
        let mut cursor = json::StringCursor::new(self.text, node.at);
        for located in problems {
            let at = cursor.source_offset(located.at);
            match located.problem {
                MarkupProblem::UnclosedLink { text } => self.report(
                    Severity::Error,
                    at,
                    || format!("{}: the link \"[{text}](\" is never closed; it is shown as plain text.", place.describe(name)),
                    "write links as [text](https://example.org/page)",
                ),
                MarkupProblem::RejectedLink { text, href, reason } => self.report(
                    Severity::Error,
                    at,
                    || format!("{}: the link \"{text}\" to \"{href}\" is not allowed ({}); it is shown as plain text.", place.describe(name), reason.describe()),
                    "use an https:, http:, mailto:, tel: or relative address",
                ),
            }
        }
        Some(blocks)
    }

    /// A link object (`contact`, an item of `links`, `cookie_notice.more`).
    fn link(&mut self, node: &Node, place: Place, field: &str) -> Option<Link> {
        let fields = self.object(node, &format::LINK, place.describe(field), place)?;
        let text = self.text(&fields, "text", place)?;
        let href_node = self.field(&fields, "href", "href", place)?;
        let Value::Str(href) = &href_node.value else {
            return None;
        };
        let href = match check_href(href.trim()) {
            Ok(()) => Some(href.trim().to_owned()),
            Err(reason) => {
                // Point at the address itself, past the opening quote and any spaces.
                let skipped = href.len() - href.trim_start().len();
                let at = json::string_source_offset(self.text, href_node.at, skipped);
                self.report(
                    Severity::Error,
                    at,
                    || format!("{}: the address \"{href}\" is not allowed ({}); the link is shown as plain text.", place.describe(field), reason.describe()),
                    "use an https:, http:, mailto:, tel: or relative address",
                );
                None
            }
        };
        Some(Link { text, href })
    }

    fn faq(&mut self, root: &Node) -> Option<Faq> {
        let fields = self.object(root, &format::FAQ, "The FAQ file".into(), Place::Top)?;
        let title = self.text(&fields, "title", Place::Top);
        let lang = self.text(&fields, "lang", Place::Top);
        let intro = self
            .markup(&fields, "intro", Place::Top)
            .unwrap_or_default();
        let contact = self
            .field(&fields, "contact", "contact", Place::Top)
            .and_then(|node| self.link(node, Place::Top, "contact"))
            .map(|link| Contact {
                text: link.text,
                href: link.href,
            });
        let questions = self.questions(&fields);
        let cookie_notice = self
            .field(&fields, "cookie_notice", "cookie_notice", Place::Top)
            .and_then(|node| self.cookie_notice(node));
        let ui = self
            .field(&fields, "ui", "ui", Place::Top)
            .map(|node| self.ui(node))
            .unwrap_or_default();
        Some(Faq {
            title: title?,
            lang,
            intro,
            contact,
            questions,
            cookie_notice,
            ui,
        })
    }

    /// The `ui` object: text values by interface key; unknown keys and non-text values warned.
    fn ui(&mut self, node: &Node) -> Vec<(String, String)> {
        let Value::Object(members) = &node.value else {
            return Vec::new();
        };
        let mut ui: Vec<(String, String)> = Vec::new();
        for member in members {
            if !crate::i18n::Strings::knows(&member.key) {
                self.report(
                    Severity::Warning,
                    member.key_at,
                    || {
                        format!(
                            "\"ui\": \"{}\" is not an interface text of the widget; it is ignored.",
                            member.key
                        )
                    },
                    "check the spelling against the documented interface texts",
                );
                continue;
            }
            match &member.value.value {
                Value::Str(text) => {
                    if !ui.iter().any(|(key, _)| *key == member.key) {
                        ui.push((member.key.clone(), text.clone()));
                    }
                }
                other => self.report(
                    Severity::Warning,
                    member.value.at,
                    || {
                        format!(
                            "\"ui\": \"{}\" must be text, but it is {}; the built-in text is used.",
                            member.key,
                            other.kind()
                        )
                    },
                    "write the text in quotes",
                ),
            }
        }
        ui
    }

    fn questions(&mut self, fields: &Fields) -> Vec<Question> {
        let items = self.list(fields, "questions", Place::Top);
        let mut questions: Vec<Question> = Vec::new();
        let mut id_positions: Vec<usize> = Vec::new();
        // Question text, compared without case and surrounding spaces -> its question number.
        let mut texts = StrMap::new();
        for (index, node) in items.iter().enumerate() {
            let place = Place::Question(index);
            let Some(entry) = self.object(
                node,
                &format::QUESTION,
                format!("Question {}", index + 1),
                place,
            ) else {
                continue;
            };
            if let Some(question) = self.question(&entry, place, index) {
                let key = question.question.trim().to_ascii_lowercase();
                if let Some(earlier) = texts.get(&key) {
                    self.report(
                        Severity::Error,
                        entry.get("question").map_or(entry.at, |n| n.at),
                        || {
                            format!(
                                "Question {}: the same question text as question {}.",
                                index + 1,
                                earlier + 1
                            )
                        },
                        "merge the two answers into one question",
                    );
                } else {
                    texts.set(&key, questions.len());
                }
                id_positions.push(entry.get("id").map_or(entry.at, |n| n.at));
                questions.push(question);
            }
        }
        self.resolve_ids(&mut questions, &id_positions);
        questions
    }

    fn question(&mut self, entry: &Fields, place: Place, index: usize) -> Option<Question> {
        let id = self.text(entry, "id", place);
        let question = self.text(entry, "question", place);
        let answer = self.markup(entry, "answer", place);
        let links = self
            .list(entry, "links", place)
            .iter()
            .filter_map(|node| self.link(node, place, "links"))
            .collect();
        let category = self.text(entry, "category", place);
        let keywords = self
            .list(entry, "keywords", place)
            .iter()
            .filter_map(|node| match &node.value {
                Value::Str(word) => Some(word.clone()),
                other => {
                    self.report(
                        Severity::Error,
                        node.at,
                        || {
                            format!(
                                "Question {}: a keyword must be text, but it is {}; it is ignored.",
                                index + 1,
                                other.kind()
                            )
                        },
                        "put the keyword in double quotes",
                    );
                    None
                }
            })
            .collect();
        Some(Question {
            id: id.map(|id| id.trim().to_owned()).unwrap_or_default(),
            question: question?.trim().to_owned(),
            answer: answer?,
            links,
            category,
            keywords,
        })
    }

    /// Every question gets a unique id: its own, or one derived from its text.
    fn resolve_ids(&mut self, questions: &mut [Question], positions: &[usize]) {
        let mut taken = StrMap::new();
        // The next number to try after a base that is already taken, so that a hundred
        // questions with the same text do not count from 2 a hundred times.
        let mut next = StrMap::new();
        for (index, question) in questions.iter_mut().enumerate() {
            let at = positions.get(index).copied().unwrap_or(0);
            let given = !question.id.is_empty();
            if given && !is_valid_id(&question.id) {
                self.report(
                    Severity::Error,
                    at,
                    || {
                        format!(
                            "Question {}: the id \"{}\" may only use letters, digits, - and _.",
                            index + 1,
                            question.id
                        )
                    },
                    "ids end up in links like page#id; keep them short and plain",
                );
            }
            let base = if given && is_valid_id(&question.id) {
                question.id.clone()
            } else {
                slug(&question.question).unwrap_or_else(|| format!("q{}", index + 1))
            };
            if given && taken.contains(&base) {
                self.report(
                    Severity::Error,
                    at,
                    || {
                        format!(
                            "Question {}: the id \"{base}\" is already used by another question.",
                            index + 1
                        )
                    },
                    "give every question its own id",
                );
            }
            let mut id = base.clone();
            if taken.contains(&id) {
                let mut counter = next.get(&base).unwrap_or(2);
                loop {
                    id = format!("{base}-{counter}");
                    counter += 1;
                    if !taken.contains(&id) {
                        break;
                    }
                }
                next.set(&base, counter);
            }
            taken.set(&id, index);
            question.id = id;
        }
    }

    fn cookie_notice(&mut self, node: &Node) -> Option<CookieNotice> {
        let fields = self.object(
            node,
            &format::COOKIE_NOTICE,
            "\"cookie_notice\"".into(),
            Place::Top,
        )?;
        let text = self.text(&fields, "text", Place::Top);
        let more = self
            .field(&fields, "more", "cookie_notice.more", Place::Top)
            .and_then(|n| self.link(n, Place::Top, "cookie_notice.more"));
        let revision = match self.field(&fields, "revision", "cookie_notice.revision", Place::Top) {
            Some(Node {
                value: Value::Number(digits),
                ..
            }) => digits.parse::<u32>().unwrap_or(0),
            Some(_) => 0,
            None => match fields.shape.field("revision").map(|f| f.ty) {
                Some(Type::Count { default }) => default,
                _ => 0,
            },
        };
        Some(CookieNotice {
            text: text?,
            more,
            revision,
        })
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= format::MAX_ID_LEN
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

    fn fatal(text: &str) -> String {
        let loaded = load(text);
        assert!(loaded.faq.is_none(), "expected a fatal problem in {text}");
        loaded
            .first_fatal()
            .expect("a fatal diagnostic")
            .message
            .clone()
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
        assert_eq!(json::line_column(text, d.at), (3, 31));
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
        "cookie_notice": {"text": "n", "more": {"text": "m", "href": "/m"}, "revision": 2}, "ui": {}}"#;

    /// `FULL` with the value of field `name` of the object starting with `owner` replaced.
    fn replace_field(owner: &str, name: &str, with: Option<&str>) -> String {
        let root = json::parse(FULL).unwrap();
        let mut text = FULL.to_owned();
        fn find<'a>(node: &'a Node, owner: &str, out: &mut Vec<&'a Member>) {
            match &node.value {
                Value::Object(members) => {
                    if members.first().is_some_and(|m| m.key == owner) {
                        out.extend(members.iter());
                    }
                    members.iter().for_each(|m| find(&m.value, owner, out));
                }
                Value::Array(items) => items.iter().for_each(|n| find(n, owner, out)),
                _ => {}
            }
        }
        let mut members = Vec::new();
        find(&root, owner, &mut members);
        let member = members.iter().find(|m| m.key == name).unwrap();
        let value_end = {
            let node = json::parse(&FULL[member.value.at..]).err();
            // The value ends where the reader stopped: at "," or "}" after it.
            member.value.at + node.map_or(FULL.len(), |e| e.at)
        };
        match with {
            Some(value) => text.replace_range(member.value.at..value_end, value),
            None => {
                // Drop the member and the comma before or after it.
                let start = FULL[..member.key_at].rfind([',', '{']).unwrap();
                if FULL.as_bytes()[start] == b',' {
                    text.replace_range(start..value_end, "");
                } else {
                    let end = value_end + FULL[value_end..].find([',', '}']).unwrap();
                    let end = if FULL.as_bytes()[end] == b',' {
                        end + 1
                    } else {
                        end
                    };
                    text.replace_range(member.key_at..end, "");
                }
            }
        }
        text
    }

    /// Every shape of the table with the key of its first field, to find it in `FULL`.
    fn shapes() -> [(&'static Shape, &'static str); 5] {
        [
            (&format::FAQ, "title"),
            (&format::QUESTION, "id"),
            (&format::LINK, "text"),
            (&format::COOKIE_NOTICE, "text"),
            (&format::UI, ""),
        ]
    }

    #[test]
    fn the_validator_walks_every_field_of_the_format_table() {
        let loaded = load(FULL);
        assert_eq!(loaded.diagnostics, [], "FULL is clean");
        for (shape, owner) in shapes() {
            for field in shape.fields {
                // The wrong type: every field rejects true/false, with a message naming it.
                let text = replace_field(owner, field.name, Some("true"));
                let loaded = load(&text);
                let named = loaded.diagnostics.iter().any(|d| {
                    d.severity == Severity::Fatal
                        && d.message.contains(field.name)
                        && d.message.contains("but it is true/false")
                });
                assert!(
                    named,
                    "{}.{}: {:?}",
                    shape.name, field.name, loaded.diagnostics
                );
                // Left out: required fields are missing, optional ones are fine; so is null.
                let without = load(&replace_field(owner, field.name, None));
                let missing = format!("\"{}\" is missing.", field.name);
                let reported = without
                    .diagnostics
                    .iter()
                    .any(|d| d.message.ends_with(&missing));
                assert_eq!(
                    reported, field.required,
                    "{}.{} left out: {:?}",
                    shape.name, field.name, without.diagnostics
                );
                if !field.required {
                    assert!(
                        without.diagnostics.is_empty(),
                        "{}.{}",
                        shape.name,
                        field.name
                    );
                    let null = load(&replace_field(owner, field.name, Some("null")));
                    assert_eq!(null.diagnostics, [], "{}.{} null", shape.name, field.name);
                }
                // A field the table does not know is a warning in this object.
                if !shape.open {
                    let renamed = format!("{}_x", field.name);
                    let text = text.replacen(
                        &format!("\"{}\": true", field.name),
                        &format!("\"{renamed}\": 1"),
                        1,
                    );
                    let loaded = load(&text);
                    assert!(
                        loaded.diagnostics.iter().any(
                            |d| d.severity == Severity::Warning && d.message.contains(&renamed)
                        ),
                        "{}.{}",
                        shape.name,
                        field.name
                    );
                }
            }
        }
    }

    #[test]
    fn markup_problems_point_inside_the_text_through_escapes() {
        let text = "{\"title\": \"T\", \"questions\": [{\"question\": \"q\",\n  \"answer\": \"\\u00e9t\\u00e9\\n\\nsee [x](javascript:1) and [y](https://a\"}]}";
        let loaded = load(text);
        let at: Vec<_> = loaded
            .diagnostics
            .iter()
            .map(|d| json::line_column(text, d.at))
            .collect();
        let column = |needle: &str| text.find(needle).unwrap() - text.rfind('\n').unwrap();
        assert_eq!(at, [(2, column("javascript")), (2, column("[y]"))]);
        let text = r#"{"title": "T", "questions": [{"question": "q", "answer": "a", "links": [{"text": "l", "href": "  data:x"}]}]}"#;
        let loaded = load(text);
        assert_eq!(loaded.diagnostics[0].at, text.find("data:").unwrap());
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
    }
}
