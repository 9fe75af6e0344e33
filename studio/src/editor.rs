//! The draft being edited and what the checker says about it, without the page: the text (a
//! [`Doc`]), its check, the FAQ the preview shows and the JSON the form shows.
//!
//! A keystroke in the text view is an [`Editor::edit`] (a UTF-16 range of the textarea and the
//! text that replaced it): the incremental [`Engine`] re-checks the question it is in and
//! patches the preview's FAQ and the form's JSON, with no pass over the whole text. When it
//! cannot follow (an edit between questions, a text that does not read), a full check is due:
//! [`Editor::full_check`], which the page runs at once for usual files and after a pause in
//! typing for huge ones.

use std::rc::Rc;

use faq_widget::faq::{Faq, Severity};
use serde_json::Value;

use crate::doc::Doc;
use crate::draft;
use crate::incremental::{self, Engine, Problem};

/// How many problems the list shows.
pub const MAX_PROBLEMS: usize = 100;
/// Above this size, a full check waits for a pause in typing.
pub const BIG_BYTES: usize = 200_000;

/// One problem as the list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub severity: Severity,
    pub line: usize,
    pub column: usize,
    /// Where the cursor goes (UTF-16 units, as the textarea counts).
    pub utf16: usize,
    pub message: String,
    pub hint: &'static str,
}

/// The checker's verdict on the text: the first problems in the order of the text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Check {
    pub problems: Vec<Shown>,
    pub total: usize,
    /// A blocking problem: the preview keeps the last FAQ that could be shown.
    pub blocking: bool,
    /// The text is not JSON (an object): the form waits.
    pub unreadable: bool,
}

pub struct Editor {
    doc: Doc,
    pub name: Rc<str>,
    /// The owner changed something (or opened a file): keep the draft in localStorage.
    pub keep: bool,
    /// Bumped on every change of the text.
    pub rev: u64,
    /// The last change came from typing in the textarea (which already shows it).
    pub typed: bool,
    /// The text changed and the check has not caught up: [`Editor::full_check`] is due.
    pub due: bool,
    engine: Option<Engine>,
    pub check: Rc<Check>,
    /// The last FAQ that could be shown, and the last JSON the form could read.
    pub last_valid: Option<Rc<Faq>>,
    pub form: Option<Rc<Value>>,
}

impl Editor {
    /// An editor for `text`, checked.
    pub fn new(text: String, name: &str, keep: bool) -> Editor {
        let mut editor = Editor {
            doc: Doc::default(),
            name: name.into(),
            keep,
            rev: 0,
            typed: false,
            due: false,
            engine: None,
            check: Rc::default(),
            last_valid: None,
            form: None,
        };
        editor.replace(text, false);
        editor.full_check();
        editor
    }

    pub fn doc(&self) -> &Doc {
        &self.doc
    }

    pub fn text(&self) -> &str {
        self.doc.text()
    }

    /// Whether full checks wait for a pause in typing.
    pub fn big(&self) -> bool {
        self.doc.text().len() > BIG_BYTES
    }

    /// A new text: opened, written by the form, or read whole from the textarea (`typed`).
    /// A full check is then due.
    pub fn replace(&mut self, text: String, typed: bool) {
        self.doc = Doc::new(text);
        self.engine = None;
        self.due = true;
        self.typed = typed;
        self.rev += 1;
    }

    pub fn open(&mut self, text: String, name: &str) {
        self.name = name.into();
        self.keep = true;
        self.replace(text, false);
        self.full_check();
    }

    pub fn discard(&mut self) {
        self.name = "faq.json".into();
        self.keep = false;
        self.replace(draft::EMPTY_FAQ.into(), false);
        self.full_check();
    }

    /// The form changed the JSON: the text is written again, pretty printed, and checked.
    /// Nothing happens while the text is not JSON.
    pub fn form_edit(&mut self, edit: &dyn Fn(&mut Value)) {
        let Some(mut value) = draft::parse(self.doc.text()) else {
            return;
        };
        edit(&mut value);
        self.keep = true;
        self.replace(draft::pretty(&value), false);
        self.full_check();
    }

    /// Typing: UTF-16 units `start..start + removed` of the text are now `inserted`. Returns
    /// whether the check is up to date (else a full check is due).
    pub fn edit(&mut self, start: usize, removed: usize, inserted: &str) -> bool {
        let from = self.doc.utf16_to_byte(start);
        let to = self.doc.utf16_to_byte(start + removed);
        self.doc.replace(from..to, inserted);
        self.keep = true;
        self.typed = true;
        self.rev += 1;
        if self.due {
            return false;
        }
        let question = self
            .engine
            .as_mut()
            .and_then(|engine| engine.edit(self.doc.text(), from, to - from, inserted.len()));
        let (Some(index), Some(engine)) = (question, &self.engine) else {
            self.engine = None;
            self.due = true;
            return false;
        };
        self.last_valid = Some(engine.faq().clone());
        // The form's JSON: the edited question, read again.
        let item = engine
            .span(index)
            .and_then(|span| serde_json::from_str::<Value>(&self.doc.text()[span]).ok());
        match (item, self.form.as_mut()) {
            (Some(item), Some(form)) => {
                if let Some(slot) = Rc::make_mut(form)
                    .get_mut("questions")
                    .and_then(|q| q.get_mut(index))
                {
                    *slot = item;
                }
            }
            _ => self.form = draft::parse(self.doc.text()).map(Rc::new),
        }
        self.check = Rc::new(self.shown(engine.problems(), false, false));
        true
    }

    /// Checks the whole text (what `faq-widget check` does) and builds the engine that
    /// follows the next keystrokes.
    pub fn full_check(&mut self) {
        let text = self.doc.text();
        let (located, faq) = incremental::full(text);
        let engine = Engine::build(text, &located, faq.as_ref());
        let blocking = faq.is_none();
        let form = draft::parse(text);
        let unreadable = form.is_none();
        if let Some(form) = form {
            self.form = Some(Rc::new(form));
        }
        if let Some(engine) = &engine {
            self.last_valid = Some(engine.faq().clone());
        } else if let Some(faq) = faq {
            self.last_valid = Some(Rc::new(faq));
        }
        self.engine = engine;
        self.due = false;
        self.check = Rc::new(self.shown(incremental::problems_of(&located), blocking, unreadable));
    }

    fn shown(&self, problems: Vec<Problem>, blocking: bool, unreadable: bool) -> Check {
        let total = problems.len();
        let problems = problems
            .into_iter()
            .take(MAX_PROBLEMS)
            .map(|p| {
                let (line, column) = self.doc.line_col(p.at);
                Shown {
                    severity: p.severity,
                    line,
                    column,
                    utf16: self.doc.byte_to_utf16(p.at),
                    message: p.message,
                    hint: p.hint,
                }
            })
            .collect();
        Check {
            problems,
            total,
            blocking,
            unreadable,
        }
    }
}

/// What a textarea edit was, from the selection before it (`beforeinput`), the caret after it
/// and the lengths before and after (UTF-16 units): `(start, removed, inserted)`, the inserted
/// text being the units `start..start + inserted` of the new value. Typing, deleting, pasting
/// and cutting all leave the caret after what they inserted; the caller checks the guess
/// against the text around it.
pub fn infer_edit(
    selection: (usize, usize),
    caret: usize,
    old_len: usize,
    new_len: usize,
) -> Option<(usize, usize, usize)> {
    let (from, to) = (selection.0.min(selection.1), selection.0.max(selection.1));
    if to > old_len || caret > new_len {
        return None;
    }
    let start = from.min(caret);
    let inserted = caret - start;
    let removed = (inserted + old_len).checked_sub(new_len)?;
    // What was selected is always part of what went.
    (start + removed <= old_len && to <= start + removed).then_some((start, removed, inserted))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edit the textarea would report, applied the way the page applies it.
    fn through_textarea(
        editor: &mut Editor,
        before: &str,
        selection: (usize, usize),
        after: &str,
        caret: usize,
    ) {
        let units = |s: &str| s.encode_utf16().count();
        let (start, removed, inserted) =
            infer_edit(selection, caret, units(before), units(after)).expect("an edit");
        let new: Vec<u16> = after.encode_utf16().collect();
        let inserted = String::from_utf16(&new[start..start + inserted]).unwrap();
        editor.edit(start, removed, &inserted);
        assert_eq!(editor.text(), after);
    }

    #[test]
    fn keystrokes_are_inferred_from_the_selection_and_the_caret() {
        // Typing "x" at 3; replacing 2..5 with "y"; Backspace at 4; Delete at 4; paste.
        assert_eq!(infer_edit((3, 3), 4, 10, 11), Some((3, 0, 1)));
        assert_eq!(infer_edit((2, 5), 3, 10, 8), Some((2, 3, 1)));
        assert_eq!(infer_edit((4, 4), 3, 10, 9), Some((3, 1, 0)));
        assert_eq!(infer_edit((4, 4), 4, 10, 9), Some((4, 1, 0)));
        assert_eq!(infer_edit((0, 10), 7, 10, 7), Some((0, 10, 7)));
        // Lengths that cannot come from that selection.
        assert_eq!(infer_edit((3, 3), 4, 10, 20), None);
        assert_eq!(infer_edit((2, 8), 2, 10, 9), None);
        assert_eq!(infer_edit((12, 12), 4, 10, 11), None);
    }

    #[test]
    fn typing_in_a_question_is_checked_incrementally() {
        let text = include_str!("../../faq.json");
        let mut editor = Editor::new(text.to_owned(), "faq.json", false);
        assert!(editor.check.problems.is_empty() && !editor.due);
        let first = editor.last_valid.clone().unwrap();
        let q = &first.questions[0].question;
        let at = text.find(q.as_str()).unwrap();
        let at16 = text[..at].encode_utf16().count();
        let mut current = text.to_owned();
        for (i, c) in "Why ".chars().enumerate() {
            let before = current.clone();
            current.insert(at + i, c);
            through_textarea(
                &mut editor,
                &before,
                (at16 + i, at16 + i),
                &current,
                at16 + i + 1,
            );
            assert!(!editor.due, "incremental");
        }
        let faq = editor.last_valid.clone().unwrap();
        assert_eq!(faq.questions[0].question, format!("Why {q}"));
        assert_eq!(
            editor.form.as_ref().unwrap()["questions"][0]["question"],
            format!("Why {q}")
        );
        // A javascript: link in the answer: the checker's message, at its place.
        let answer = current.find("\"answer\": \"").unwrap() + 11;
        let before = current.clone();
        current.insert_str(answer, "[x](javascript:y) ");
        let at16 = current[..answer].encode_utf16().count();
        through_textarea(&mut editor, &before, (at16, at16), &current, at16 + 18);
        assert!(!editor.due);
        let full = Editor::new(current.clone(), "faq.json", false);
        assert_eq!(editor.check, full.check);
        assert_eq!(editor.check.total, 1);
        assert_eq!(
            (
                editor.check.problems[0].line,
                editor.check.problems[0].column
            ),
            // At the address, inside the answer.
            crate::pos::line_col(&current, answer + "[x](".len())
        );
        assert_eq!(editor.last_valid, full.last_valid);
        assert_eq!(editor.form, full.form);
        // The title is not in a question: a full check is due, and it agrees.
        let title = current.find("Frequently").unwrap();
        let before = current.clone();
        current.insert(title, 'x');
        let t16 = current[..title].encode_utf16().count();
        through_textarea(&mut editor, &before, (t16, t16), &current, t16 + 1);
        assert!(editor.due);
        editor.full_check();
        let full = Editor::new(current.clone(), "faq.json", false);
        assert_eq!(editor.check, full.check);
        assert_eq!(editor.last_valid, full.last_valid);
    }

    #[test]
    fn a_broken_text_keeps_the_last_valid_faq() {
        let mut editor = Editor::new(draft::EMPTY_FAQ.into(), "faq.json", false);
        let valid = editor.last_valid.clone();
        assert!(valid.is_some());
        editor.replace("{\"title\": ".into(), true);
        editor.full_check();
        assert!(editor.check.blocking && editor.check.unreadable);
        assert_eq!(editor.check.problems[0].severity, Severity::Fatal);
        assert_eq!(editor.last_valid, valid);
        assert!(editor.form.is_some(), "the form keeps the last JSON");
        editor.discard();
        assert!(!editor.keep && editor.check.problems.is_empty());
    }
}
