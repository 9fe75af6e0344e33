//! The faq.json rules that serde does not apply (blank text, links, ids, lengths, the notice's
//! revision, the interface texts ...), run on the typed values; the widget's model is built on
//! the way.

use std::collections::HashMap;

use super::contract::{self, FaqFile, Lenient, LONG_QUESTION_CHARS};
use super::diagnostic::{describe, join, key, pointer, Diagnostic, Severity, Spot};
use super::ids::{self, is_valid_id, slug, Ids};
use super::markup::{self, check_href, MarkupProblem};
use super::model::{Contact, CookieNotice, Faq, Link, Question};
use super::path::Seg;
use super::read_error::{ignored_path, read_error, segments};

/// The rules that serde does not apply, run on the typed values; the widget's model built on
/// the way. With `LINT` false only fatal problems are kept (there are none left after reading).
#[derive(Default)]
pub(super) struct Checker<const LINT: bool> {
    pub(super) diagnostics: Vec<Diagnostic>,
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

    pub(super) fn unknown_fields(&mut self, paths: &[Vec<Seg>]) {
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
    pub(super) fn recover(&mut self, tree: &serde_json::Value) {
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
    pub(super) fn faq<'q, Q>(
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
