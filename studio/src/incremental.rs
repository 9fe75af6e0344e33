//! The checker, incrementally: what `faq::load` (the checker of `faq-widget check`) says about
//! a text, kept up to date keystroke by keystroke without reading the whole text again.
//!
//! After a full check of a text the FAQ can be shown from (no blocking problem), its problems
//! are split by question: each question's own (unknown fields, markup, links, keywords, a long
//! question), the ones between questions (the same question text twice; ids: invalid, used
//! twice, derived from the text and numbered), and the rest (the top level).
//! An edit inside one question's `{...}` then re-reads only that question, with `faq::load` on a
//! one-question document (so the rules are the checker's own), and updates the ones between
//! questions from the groups of equal question texts and, when an id's inputs changed, by
//! resolving the ids again (a pass over the ids, no parsing). Anything else (an edit between
//! questions, a question that no longer reads or has a blocking problem, a question split in
//! two) is [`None`]: the caller runs the full check.
//!
//! The parts between questions repeat the rules of `faq::validate` (`resolve_ids` and the
//! duplicate text check, which are private there). [`Engine::build`] checks them against the
//! full check's result each time and declines when they differ, and the tests below compare
//! every incremental result with a full check.

use std::collections::HashMap;
use std::rc::Rc;

use faq_widget::faq::ids::{self, Ids};
use faq_widget::faq::validate::{is_valid_id, slug};
use faq_widget::faq::{self, Diagnostic, Faq, Question, Severity};

use crate::scan::{self, Span};

/// One problem at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub at: usize,
    pub message: String,
    pub hint: &'static str,
}

fn rank(severity: Severity) -> u8 {
    match severity {
        Severity::Fatal => 0,
        Severity::Error => 1,
        Severity::Warning => 2,
    }
}

/// Problems in the order the page lists them: by place in the text.
pub fn sort(problems: &mut [Problem]) {
    problems.sort_by(|a, b| {
        (a.at, rank(a.severity), &a.message).cmp(&(b.at, rank(b.severity), &b.message))
    });
}

/// A full check: `faq::load`, and every problem placed in the text (as `faq-widget check`
/// places them).
pub fn full(text: &str) -> (Vec<(Diagnostic, usize)>, Option<Faq>) {
    let loaded = faq::load(text);
    let offsets = faq::locate::offsets(text, &loaded.diagnostics);
    (
        loaded.diagnostics.into_iter().zip(offsets).collect(),
        loaded.faq,
    )
}

/// The problems of a full check, sorted.
pub fn problems_of(located: &[(Diagnostic, usize)]) -> Vec<Problem> {
    let mut problems: Vec<Problem> = located
        .iter()
        .map(|(d, at)| Problem {
            severity: d.severity,
            at: *at,
            message: d.message.clone(),
            hint: d.hint,
        })
        .collect();
    sort(&mut problems);
    problems
}

/// What decides a question's id: its own (trimmed, when not blank), else its text's slug.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IdInput {
    given: Option<String>,
    /// The slug of the question text, when the id is not a valid one of its own.
    derived: Option<Option<String>>,
}

impl IdInput {
    fn new(given: Option<&str>, question: &str) -> IdInput {
        let given = given.map(str::trim).filter(|id| !id.is_empty());
        let derived = match given {
            Some(id) if is_valid_id(id) => None,
            _ => Some(slug(question)),
        };
        IdInput {
            given: given.map(str::to_owned),
            derived,
        }
    }
}

/// An id's problems (message, hint), by question.
type IdProblems = Vec<Vec<(String, &'static str)>>;

/// The ids of all questions, and their problems: the checker's rules (`faq::ids`), with the
/// slugs worked out once per input.
fn resolve(inputs: &[IdInput]) -> (Vec<String>, IdProblems) {
    let mut allocated = Ids::with_capacity(inputs.len());
    let mut ids = Vec::with_capacity(inputs.len());
    let mut problems = vec![Vec::new(); inputs.len()];
    for (index, input) in inputs.iter().enumerate() {
        let own = input.given.as_deref().unwrap_or_default();
        let valid = input.given.is_some() && input.derived.is_none();
        if let (Some(id), Some(_)) = (&input.given, &input.derived) {
            problems[index].push((ids::invalid_message(index + 1, id), ids::INVALID_HINT));
        }
        let base = ids::base(own, valid, || input.derived.clone().flatten(), index + 1);
        let (id, taken) = allocated.allocate(&base, input.given.is_some());
        if taken {
            problems[index].push((ids::taken_message(index + 1, &base), ids::TAKEN_HINT));
        }
        ids.push(id);
    }
    (ids, problems)
}

fn same_text(index: usize, earlier: usize) -> String {
    ids::same_text_message(index + 1, earlier + 1)
}

/// The question number a JSON Pointer is under: `/questions/3/answer` -> 3.
fn question_of(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("/questions/")?;
    let number = rest.split('/').next()?;
    number.parse().ok()
}

/// A FAQ with one question, to check that question on its own.
const PREFIX: &str = "{\"title\":\"-\",\"questions\":[";
const SUFFIX: &str = "]}";

/// The checker's state for one text, kept up to date by [`Engine::edit`].
pub struct Engine {
    spans: Vec<Span>,
    /// Each question's own problems, at offsets from its `{`.
    local: Vec<Vec<Problem>>,
    /// The others but those between questions, at offsets in the text.
    top: Vec<Problem>,
    /// Question text as compared for duplicates (lower case), and which questions have it.
    keys: Vec<String>,
    groups: HashMap<String, Vec<usize>>,
    inputs: Vec<IdInput>,
    ids: Vec<String>,
    id_problems: IdProblems,
    faq: Rc<Faq>,
    /// The FAQ before the current one, to be reused for the next one when nothing else holds
    /// it any more, and the questions where it differs from the current one.
    spare: Option<(Rc<Faq>, Vec<usize>)>,
}

impl Engine {
    /// The engine for `text`, from its full check (`located`, `faq`: [`full`]); `None` when the
    /// FAQ cannot be shown, or the check's problems between questions are not the ones the
    /// engine would compute.
    pub fn build(text: &str, located: &[(Diagnostic, usize)], faq: Option<&Faq>) -> Option<Engine> {
        let faq = faq?;
        let spans = scan::questions(text)?;
        let count = faq.questions.len();
        if spans.len() != count {
            return None;
        }
        let inputs: Vec<IdInput> = spans
            .iter()
            .zip(&faq.questions)
            .map(|(span, q)| IdInput::new(span.id.as_deref(), &q.question))
            .collect();
        let (ids, id_problems) = resolve(&inputs);
        if ids.iter().zip(&faq.questions).any(|(id, q)| *id != q.id) {
            return None;
        }
        let keys: Vec<String> = faq
            .questions
            .iter()
            .map(|q| q.question.to_ascii_lowercase())
            .collect();
        let mut groups: HashMap<String, Vec<usize>> = HashMap::with_capacity(count);
        for (index, key) in keys.iter().enumerate() {
            groups.entry(key.clone()).or_default().push(index);
        }
        // The problems between questions, as the engine computes them: each must be one of the
        // full check's.
        let mut expected: Vec<(String, String)> = Vec::new();
        for members in groups.values() {
            for &index in &members[1..] {
                expected.push((
                    format!("/questions/{index}/question"),
                    same_text(index, members[0]),
                ));
            }
        }
        for (index, problems) in id_problems.iter().enumerate() {
            for (message, _) in problems {
                expected.push((format!("/questions/{index}/id"), message.clone()));
            }
        }
        let mut pool: Vec<Option<&(Diagnostic, usize)>> = located.iter().map(Some).collect();
        for (path, message) in expected {
            let found = pool.iter_mut().find(|slot| {
                slot.is_some_and(|(d, _)| {
                    d.path == path && d.message == message && d.severity == Severity::Error
                })
            })?;
            *found = None;
        }
        let mut local = vec![Vec::new(); count];
        let mut top = Vec::new();
        for (d, at) in pool.into_iter().flatten() {
            let problem = Problem {
                severity: d.severity,
                at: *at,
                message: d.message.clone(),
                hint: d.hint,
            };
            match question_of(&d.path) {
                Some(index) if index < count => {
                    let range = &spans[index].range;
                    if !range.contains(at) {
                        return None;
                    }
                    local[index].push(Problem {
                        at: at - range.start,
                        ..problem
                    });
                }
                _ => top.push(problem),
            }
        }
        Some(Engine {
            spans,
            local,
            top,
            keys,
            groups,
            inputs,
            ids,
            id_problems,
            faq: Rc::new(faq.clone()),
            spare: None,
        })
    }

    pub fn faq(&self) -> &Rc<Faq> {
        &self.faq
    }

    /// Byte range of question `index` in the text.
    pub fn span(&self, index: usize) -> Option<std::ops::Range<usize>> {
        self.spans.get(index).map(|s| s.range.clone())
    }

    /// Every problem, sorted.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = self.top.clone();
        for (index, span) in self.spans.iter().enumerate() {
            let start = span.range.start;
            problems.extend(self.local[index].iter().map(|p| Problem {
                at: p.at + start,
                ..p.clone()
            }));
            for (message, hint) in &self.id_problems[index] {
                problems.push(Problem {
                    severity: Severity::Error,
                    at: start + span.id_at.unwrap_or(0),
                    message: message.clone(),
                    hint,
                });
            }
        }
        for members in self.groups.values().filter(|m| m.len() > 1) {
            for &index in &members[1..] {
                let span = &self.spans[index];
                problems.push(Problem {
                    severity: Severity::Error,
                    at: span.range.start + span.question_at.unwrap_or(0),
                    message: same_text(index, members[0]),
                    hint: ids::SAME_TEXT_HINT,
                });
            }
        }
        sort(&mut problems);
        problems
    }

    /// The text changed: bytes `at..at + removed` of the text before are now `inserted` bytes
    /// (`text` is the text after). Returns the question the edit was in, or `None` when the
    /// full check must run (the engine is then out of date: drop it).
    pub fn edit(
        &mut self,
        text: &str,
        at: usize,
        removed: usize,
        inserted: usize,
    ) -> Option<usize> {
        // The question whose braces hold the edit.
        let index = self
            .spans
            .partition_point(|s| s.range.start < at)
            .checked_sub(1)?;
        let old = self.spans[index].range.clone();
        if at + removed >= old.end {
            return None;
        }
        let end = (old.end + inserted).checked_sub(removed)?;
        let source = text.get(old.start..end)?;
        let span = scan::one_question(source)?;
        let synthetic = [PREFIX, source, SUFFIX].concat();
        let loaded = faq::load(&synthetic);
        let mut model = loaded.faq?;
        if model.questions.len() != 1 {
            return None;
        }
        let question = model.questions.pop()?;
        let input = IdInput::new(span.id.as_deref(), &question.question);
        // The one-question check resolved this question's id too: its problem (an invalid id)
        // is the engine's, at the question's place in the file.
        let (_, mut own_id) = resolve(std::slice::from_ref(&input));
        let offsets = faq::locate::offsets(&synthetic, &loaded.diagnostics);
        let number = format!("Question {}", index + 1);
        let mut local = Vec::new();
        for (d, at) in loaded.diagnostics.iter().zip(offsets) {
            let own = d.path == "/questions/0" || d.path.starts_with("/questions/0/");
            let rest = d.message.strip_prefix("Question 1")?;
            if !own || !(rest.is_empty() || rest.starts_with([':', ' '])) {
                return None;
            }
            if d.path == "/questions/0/id" {
                if let Some(found) = own_id[0].iter().position(|(m, _)| *m == d.message) {
                    own_id[0].remove(found);
                    continue;
                }
            }
            let at = at
                .checked_sub(PREFIX.len())
                .filter(|&a| a <= source.len())?;
            local.push(Problem {
                severity: d.severity,
                at,
                message: [number.as_str(), rest].concat(),
                hint: d.hint,
            });
        }
        if !own_id[0].is_empty() {
            return None;
        }

        // Nothing can fail from here.
        let delta = end as isize - old.end as isize;
        for later in &mut self.spans[index + 1..] {
            later.range.start = later.range.start.wrapping_add_signed(delta);
            later.range.end = later.range.end.wrapping_add_signed(delta);
        }
        for problem in &mut self.top {
            if problem.at >= old.end {
                problem.at = problem.at.wrapping_add_signed(delta);
            }
        }
        self.spans[index] = Span {
            range: old.start..end,
            ..span
        };
        self.local[index] = local;
        let key = question.question.to_ascii_lowercase();
        if key != self.keys[index] {
            let old_key = std::mem::replace(&mut self.keys[index], key.clone());
            if let Some(members) = self.groups.get_mut(&old_key) {
                members.retain(|&m| m != index);
                if members.is_empty() {
                    self.groups.remove(&old_key);
                }
            }
            let members = self.groups.entry(key).or_default();
            let place = members.partition_point(|&m| m < index);
            members.insert(place, index);
        }
        let mut changed = vec![index];
        let mut renamed = Vec::new();
        if input != self.inputs[index] {
            self.inputs[index] = input;
            let (ids, problems) = resolve(&self.inputs);
            for (i, (new, old)) in ids.iter().zip(&self.ids).enumerate() {
                if new != old && i != index {
                    changed.push(i);
                    renamed.push(i);
                }
            }
            self.ids = ids;
            self.id_problems = problems;
        }
        let id = self.ids[index].clone();
        self.patch(index, Question { id, ..question }, &renamed);
        Some(index)
    }

    /// The next FAQ: the current one with question `index` replaced and the ids of `renamed`
    /// updated, built in the spare copy when the preview no longer holds it (a FAQ of 10,000
    /// questions is then not copied on each keystroke).
    fn patch(&mut self, index: usize, question: Question, renamed: &[usize]) {
        let mut next = match self.spare.take() {
            Some((mut spare, stale))
                if Rc::strong_count(&spare) == 1 && Rc::weak_count(&spare) == 0 =>
            {
                let copy = Rc::get_mut(&mut spare).expect("checked");
                for i in stale {
                    copy.questions[i] = self.faq.questions[i].clone();
                }
                spare
            }
            _ => Rc::new((*self.faq).clone()),
        };
        let copy = Rc::get_mut(&mut next).expect("not shared yet");
        copy.questions[index] = question;
        for &i in renamed {
            copy.questions[i].id = self.ids[i].clone();
        }
        let mut stale = vec![index];
        stale.extend_from_slice(renamed);
        let previous = std::mem::replace(&mut self.faq, next);
        self.spare = Some((previous, stale));
    }
}

#[cfg(test)]
#[path = "incremental_tests.rs"]
mod tests;
