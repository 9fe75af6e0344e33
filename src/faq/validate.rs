//! The faq.json contract: from source text to a [`Faq`], or to problems with positions and
//! human messages. The widget and the command-line checker both call [`load`].

use std::collections::HashMap;

use super::json::{self, Member, Node, Value};
use super::markup::{self, check_href, MarkupProblem};
use super::model::{Contact, CookieNotice, Faq, Link, Question};

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

/// Questions longer than this are hard to scan in a list.
pub const LONG_QUESTION_CHARS: usize = 200;

/// Reads and checks a FAQ for its author: the FAQ, every fatal problem, and the lints (warnings
/// and non-fatal errors) that the `faq-widget check` tool reports.
pub fn load(text: &str) -> Loaded {
    load_with::<true>(text)
}

/// What the widget needs: the FAQ, or its fatal problems (with their messages, without hints).
/// The lints are skipped: a visitor never sees them, and leaving them out keeps their messages and
/// checks out of the wasm (BENCHMARKS.md). The FAQ it returns is the same as [`load`]'s.
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
                    message: format!("This is not valid JSON: {}.", error.message),
                    hint: "check quotes, commas and brackets near this position",
                }],
            }
        }
    };
    let mut checker = Checker::<LINT> {
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

/// `LINT` = false skips everything that only produces warnings and non-fatal errors.
struct Checker<const LINT: bool> {
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

struct Fields<'a> {
    members: &'a [Member],
    at: usize,
}

impl<'a> Fields<'a> {
    fn get(&self, name: &str) -> Option<&'a Node> {
        self.members
            .iter()
            .find(|m| m.key == name)
            .map(|m| &m.value)
    }
}

impl<const LINT: bool> Checker<LINT> {
    /// A problem that does not stop the FAQ from showing; only built when linting.
    fn lint(
        &mut self,
        severity: Severity,
        at: usize,
        message: impl FnOnce() -> String,
        hint: &'static str,
    ) {
        if LINT {
            self.report(severity, at, message(), hint);
        }
    }

    fn report(&mut self, severity: Severity, at: usize, message: String, hint: &'static str) {
        self.diagnostics.push(Diagnostic {
            severity,
            at,
            message,
            // The widget shows the message only; leaving the hints out keeps them out of the wasm.
            hint: if LINT { hint } else { "" },
        });
    }

    fn object<'a>(&mut self, node: &'a Node, what: String) -> Option<Fields<'a>> {
        match &node.value {
            Value::Object(members) => Some(Fields {
                members,
                at: node.at,
            }),
            other => {
                self.report(
                    Severity::Fatal,
                    node.at,
                    format!("{what} must be an object, but it is {}.", other.kind()),
                    "write it as { \"field\": value, ... }",
                );
                None
            }
        }
    }

    fn unknown_fields(&mut self, fields: &Fields, known: &[&str], place: Place) {
        if !LINT {
            return;
        }
        for member in fields.members {
            if !known.contains(&member.key.as_str()) && !member.key.starts_with('$') {
                self.report(
                    Severity::Warning,
                    member.key_at,
                    format!(
                        "{} is not a field of the FAQ format; it is ignored.",
                        place.describe(&member.key)
                    ),
                    "check the spelling against the documented fields",
                );
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for member in fields.members {
            if seen.contains(&member.key.as_str()) {
                self.report(
                    Severity::Error,
                    member.key_at,
                    format!(
                        "{} appears twice; only the first is used.",
                        place.describe(&member.key)
                    ),
                    "remove one of the two",
                );
            }
            seen.push(&member.key);
        }
    }

    /// A required or optional text field; `None` when absent or wrong.
    fn text(
        &mut self,
        fields: &Fields,
        name: &str,
        place: Place,
        required: bool,
    ) -> Option<String> {
        let Some(node) = fields.get(name) else {
            if required {
                self.report(
                    Severity::Fatal,
                    fields.at,
                    format!("{} is missing.", place.describe(name)),
                    "add the field; it is required",
                );
            }
            return None;
        };
        match &node.value {
            Value::Str(text) if text.trim().is_empty() && required => {
                self.report(
                    Severity::Fatal,
                    node.at,
                    format!("{} is empty.", place.describe(name)),
                    "write the text, or remove the entry",
                );
                None
            }
            Value::Str(text) => Some(text.clone()),
            Value::Null if !required => None,
            other => {
                self.report(
                    Severity::Fatal,
                    node.at,
                    format!(
                        "{} must be text, but it is {}.",
                        place.describe(name),
                        other.kind()
                    ),
                    "put the value in double quotes",
                );
                None
            }
        }
    }

    fn markup(&mut self, source: &str, at: usize, place: Place, field: &str) -> Vec<markup::Block> {
        if !LINT {
            return markup::parse(source);
        }
        let (blocks, problems) = markup::parse_with_problems(source);
        for problem in problems {
            match problem {
                MarkupProblem::UnclosedLink { text } => self.report(
                    Severity::Error,
                    at,
                    format!("{}: the link \"[{text}](\" is never closed; it is shown as plain text.", place.describe(field)),
                    "write links as [text](https://example.org/page)",
                ),
                MarkupProblem::RejectedLink { text, href, reason } => self.report(
                    Severity::Error,
                    at,
                    format!("{}: the link \"{text}\" to \"{href}\" is not allowed ({}); it is shown as plain text.", place.describe(field), reason.describe()),
                    "use an https:, http:, mailto:, tel: or relative address",
                ),
            }
        }
        blocks
    }

    fn link(&mut self, node: &Node, place: Place, field: &str) -> Option<Link> {
        let fields = self.object(node, place.describe(field))?;
        self.unknown_fields(&fields, &["text", "href"], place);
        let text = self.text(&fields, "text", place, true)?;
        let href = self.text(&fields, "href", place, true)?;
        let href = match check_href(href.trim()) {
            Ok(()) => Some(href.trim().to_owned()),
            Err(reason) => {
                let at = fields.get("href").map_or(fields.at, |n| n.at);
                self.lint(
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

    fn list<'a>(&mut self, fields: &Fields<'a>, name: &str, place: Place) -> &'a [Node] {
        match fields.get(name).map(|n| (&n.value, n.at)) {
            None | Some((Value::Null, _)) => &[],
            Some((Value::Array(items), _)) => items,
            Some((other, at)) => {
                self.report(
                    Severity::Fatal,
                    at,
                    format!(
                        "{} must be a list, but it is {}.",
                        place.describe(name),
                        other.kind()
                    ),
                    "write it as [ ... ]",
                );
                &[]
            }
        }
    }

    fn faq(&mut self, root: &Node) -> Option<Faq> {
        let fields = self.object(root, "The FAQ file".into())?;
        self.unknown_fields(
            &fields,
            &[
                "title",
                "lang",
                "intro",
                "contact",
                "questions",
                "cookie_notice",
                "ui",
            ],
            Place::Top,
        );
        let title = self.text(&fields, "title", Place::Top, true);
        let lang = self.text(&fields, "lang", Place::Top, false);
        let intro = match (
            self.text(&fields, "intro", Place::Top, false),
            fields.get("intro"),
        ) {
            (Some(source), Some(node)) => self.markup(&source, node.at, Place::Top, "intro"),
            _ => Vec::new(),
        };
        let contact = fields
            .get("contact")
            .and_then(|node| self.link(node, Place::Top, "contact"))
            .map(|link| Contact {
                text: link.text,
                href: link.href,
            });
        let questions = self.questions(&fields);
        let cookie_notice = fields
            .get("cookie_notice")
            .filter(|node| node.value != Value::Null)
            .and_then(|node| self.cookie_notice(node));
        Some(Faq {
            title: title?,
            lang,
            intro,
            contact,
            questions,
            cookie_notice,
        })
    }

    fn questions(&mut self, fields: &Fields) -> Vec<Question> {
        let Some(list_node) = fields.get("questions") else {
            self.report(
                Severity::Fatal,
                fields.at,
                "\"questions\" is missing.".into(),
                "add \"questions\": [ { \"question\": \"...\", \"answer\": \"...\" } ]",
            );
            return Vec::new();
        };
        let items = self.list(fields, "questions", Place::Top);
        if items.is_empty() && matches!(list_node.value, Value::Array(_)) {
            self.report(
                Severity::Fatal,
                list_node.at,
                "\"questions\" is empty; the FAQ needs at least one question.".into(),
                "add { \"question\": \"...\", \"answer\": \"...\" }",
            );
        }
        let mut questions: Vec<Question> = Vec::new();
        let mut id_positions: Vec<usize> = Vec::new();
        let mut places: Vec<(usize, usize)> = Vec::new();
        for (index, node) in items.iter().enumerate() {
            let place = Place::Question(index);
            let Some(entry) = self.object(node, format!("Question {}", index + 1)) else {
                continue;
            };
            if let Some(question) = self.question(&entry, place, index) {
                if LINT {
                    places.push((index, entry.get("question").map_or(entry.at, |n| n.at)));
                }
                id_positions.push(entry.get("id").map_or(entry.at, |n| n.at));
                questions.push(question);
            }
        }
        if LINT {
            self.duplicate_texts(&questions, &places);
        }
        self.resolve_ids(&mut questions, &id_positions, items);
        questions
    }

    /// Questions with the same text as an earlier one, ignoring ASCII case and outer spaces.
    /// `places` holds each question's number in the file and the position of its text.
    fn duplicate_texts(&mut self, questions: &[Question], places: &[(usize, usize)]) {
        let mut first: HashMap<String, usize> = HashMap::new();
        for (position, (question, &(index, at))) in questions.iter().zip(places).enumerate() {
            let key = question.question.trim().to_ascii_lowercase();
            let earlier = *first.entry(key).or_insert(position);
            if earlier < position {
                self.lint(
                    Severity::Error,
                    at,
                    || {
                        format!(
                            "Question {}: the same question text as question {}.",
                            index + 1,
                            earlier + 1
                        )
                    },
                    "merge the two answers into one question",
                );
            }
        }
    }

    fn question(&mut self, entry: &Fields, place: Place, index: usize) -> Option<Question> {
        self.unknown_fields(
            entry,
            &["id", "question", "answer", "links", "category", "keywords"],
            place,
        );
        let id = self.text(entry, "id", place, false);
        let question = self.text(entry, "question", place, true);
        let answer_source = self.text(entry, "answer", place, true);
        if let Some(text) = question.as_ref().filter(|_| LINT) {
            if text.chars().count() > LONG_QUESTION_CHARS {
                let at = entry.get("question").map_or(entry.at, |n| n.at);
                self.lint(
                    Severity::Warning,
                    at,
                    || format!("Question {}: the question is longer than {LONG_QUESTION_CHARS} characters.", index + 1),
                    "keep questions short; put details in the answer",
                );
            }
        }
        let answer = match (&answer_source, entry.get("answer")) {
            (Some(source), Some(node)) => self.markup(source, node.at, place, "answer"),
            _ => Vec::new(),
        };
        let links = self
            .list(entry, "links", place)
            .iter()
            .filter_map(|node| self.link(node, place, "links"))
            .collect();
        let category = self.text(entry, "category", place, false);
        let keywords = self
            .list(entry, "keywords", place)
            .iter()
            .filter_map(|node| match &node.value {
                Value::Str(word) => Some(word.clone()),
                other => {
                    self.lint(
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
            answer: {
                answer_source?;
                answer
            },
            links,
            category,
            keywords,
        })
    }

    /// Every question gets a unique id: its own, or one derived from its text.
    fn resolve_ids(&mut self, questions: &mut [Question], positions: &[usize], _items: &[Node]) {
        // Every id given out so far -> the next counter to try when it is a base again, so a FAQ
        // of thousands of questions resolves quickly (a plain list made it quadratic or worse).
        let mut taken = Taken::default();
        for (index, question) in questions.iter_mut().enumerate() {
            let given = !question.id.is_empty();
            if given && !is_valid_id(&question.id) {
                self.lint(
                    Severity::Error,
                    positions[index],
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
            if given && taken.get(&base).is_some() {
                self.lint(
                    Severity::Error,
                    positions[index],
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
            if let Some(next) = taken.get(&base) {
                // The ids base-2 .. base-(next-1) are all taken already: start from `next`.
                let mut counter = next;
                while taken.get(&id).is_some() {
                    id = format!("{base}-{counter}");
                    counter += 1;
                }
                taken.set(base, counter);
            }
            taken.set(id.clone(), 2);
            question.id = id;
        }
    }

    fn cookie_notice(&mut self, node: &Node) -> Option<CookieNotice> {
        let fields = self.object(node, "\"cookie_notice\"".into())?;
        self.unknown_fields(&fields, &["text", "more", "revision"], Place::Top);
        let text = self.text(&fields, "text", Place::Top, true);
        let more = fields
            .get("more")
            .filter(|n| n.value != Value::Null)
            .and_then(|n| self.link(n, Place::Top, "cookie_notice.more"));
        let revision = match fields.get("revision").map(|n| (&n.value, n.at)) {
            None => 1,
            Some((Value::Number(digits), at)) => match digits.parse::<u32>() {
                Ok(revision) => revision,
                Err(_) => {
                    self.report(
                        Severity::Fatal,
                        at,
                        "\"cookie_notice.revision\" must be a whole number from 0 upwards.".into(),
                        "raise it by one each time the notice changes",
                    );
                    0
                }
            },
            Some((other, at)) => {
                self.report(
                    Severity::Fatal,
                    at,
                    format!(
                        "\"cookie_notice.revision\" must be a number, but it is {}.",
                        other.kind()
                    ),
                    "write it without quotes, like 2",
                );
                0
            }
        };
        Some(CookieNotice {
            text: text?,
            more,
            revision,
        })
    }
}

/// The ids given out so far, each with the next counter to try when it is a base again; sorted,
/// for binary search. (A `HashMap` is as fast here but costs 0.8 KB more brotli in the wasm.)
#[derive(Default)]
struct Taken(Vec<(String, u32)>);

impl Taken {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(taken, _)| taken.as_str().cmp(id))
    }

    fn get(&self, id: &str) -> Option<u32> {
        self.find(id)
            .ok()
            .and_then(|index| self.0.get(index))
            .map(|(_, next)| *next)
    }

    fn set(&mut self, id: String, next: u32) {
        match self.find(&id) {
            Ok(index) => {
                if let Some(entry) = self.0.get_mut(index) {
                    entry.1 = next;
                }
            }
            Err(index) => self.0.insert(index, (id, next)),
        }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
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
    fn display_loading_skips_lints_but_keeps_the_faq_and_fatal_problems() {
        let linted = r#"{"title": "T", "colour": "red", "questions": [
            {"id": "bad id!", "question": "Same", "answer": "[x](javascript:alert(1)) and [y](",
             "links": [{"text": "Bad", "href": "javascript:alert(1)"}], "keywords": [1, "k"]},
            {"id": "same", "question": "same", "answer": "b"},
            {"id": "same", "question": "Other", "answer": "c"}]}"#;
        let full = load(linted);
        let lean = load_for_display(linted);
        assert!(full.diagnostics.len() >= 6, "{:?}", full.diagnostics);
        assert!(full.first_fatal().is_none());
        assert!(lean.diagnostics.is_empty(), "{:?}", lean.diagnostics);
        assert_eq!(lean.faq, full.faq);
        let ids: Vec<_> = lean
            .faq
            .unwrap()
            .questions
            .into_iter()
            .map(|q| q.id)
            .collect();
        assert_eq!(ids, ["same", "same-2", "same-3"]);

        let broken = r#"{"title": "T", "questions": [{"question": "q", "answr": "typo"}]}"#;
        let lean = load_for_display(broken);
        assert!(lean.faq.is_none());
        assert_eq!(lean.diagnostics.len(), 1);
        let (lean, full) = (lean.first_fatal().unwrap(), load(broken));
        let full = full.first_fatal().unwrap();
        assert_eq!((lean.at, &lean.message), (full.at, &full.message));
        assert_eq!(lean.hint, "", "hints are for the author's tool only");
    }

    #[test]
    fn thousands_of_identical_questions_get_unique_ids() {
        // Id resolution is linear: this took minutes with the quadratic list it replaced.
        let count = 3000;
        let entry = r#"{"question": "Same?", "answer": "a"}"#;
        let text = format!(
            r#"{{"title": "T", "questions": [{}, {{"id": "same-3", "question": "x", "answer": "a"}}]}}"#,
            vec![entry; count].join(",")
        );
        let faq = load_for_display(&text).faq.unwrap();
        assert_eq!(faq.questions[0].id, "same");
        assert_eq!(faq.questions[1].id, "same-2");
        assert_eq!(faq.questions[2].id, "same-3");
        assert_eq!(faq.questions[count - 1].id, format!("same-{count}"));
        assert_eq!(faq.questions[count].id, "same-3-2");
        let duplicates = load(&text)
            .diagnostics
            .iter()
            .filter(|d| d.message.ends_with("the same question text as question 1."))
            .count();
        assert_eq!(duplicates, count - 1);
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

    #[test]
    fn slugs() {
        assert_eq!(
            slug("How do I join INTERPOL?").as_deref(),
            Some("how-do-i-join-interpol")
        );
        assert_eq!(slug("  --  ").as_deref(), None);
        assert!(slug(&"word ".repeat(40)).unwrap().len() <= 60);
    }
}
