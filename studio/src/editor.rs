//! The draft being edited and what the checker says about it, without the page: the text (a
//! [`Doc`]), its check, the FAQ the preview shows and the JSON the form shows.
//!
//! The text box holds the whole text, or for long files a window of [`WINDOW_LINES`] lines
//! around the cursor (a browser lays out the whole text of a textarea on every keystroke: some
//! 300 ms for 9 MB). A keystroke is [`Editor::typed`], the text box's new value: the edit is
//! where it differs from the window. The incremental [`Engine`] re-checks the question it is in
//! and patches the preview's FAQ and the form's JSON, with no pass over the whole text. When it
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
/// Longer texts are edited through a window of this many lines.
pub const WINDOW_LINES: usize = 1000;
/// The window moves when the cursor comes this close to its edge.
const MARGIN_LINES: usize = 100;

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
    /// The bytes the text box shows: whole lines, without the line break after the last one.
    window: std::ops::Range<usize>,
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
            window: 0..0,
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
        let top = self.top_line();
        self.doc = Doc::new(text);
        self.window = self.window_at(top);
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

    /// Whether the text box shows a window of the text rather than all of it.
    pub fn windowed(&self) -> bool {
        self.doc.line_count() > WINDOW_LINES
    }

    /// The window that starts at line `top` (0-based; moved up to fill a whole window).
    fn window_at(&self, top: usize) -> std::ops::Range<usize> {
        let lines = self.doc.line_count();
        if lines <= WINDOW_LINES {
            return 0..self.doc.text().len();
        }
        let top = top.min(lines - WINDOW_LINES);
        let end = match self.doc.line_start(top + WINDOW_LINES) {
            Some(next) => next - 1,
            None => self.doc.text().len(),
        };
        self.doc.line_start(top).unwrap_or_default()..end
    }

    /// What the text box shows.
    pub fn window_text(&self) -> &str {
        &self.doc.text()[self.window.clone()]
    }

    /// The text box's first line in the text (0-based).
    pub fn top_line(&self) -> usize {
        self.doc.line_col(self.window.start).0 - 1
    }

    /// How many lines the text box shows.
    pub fn window_lines(&self) -> usize {
        self.doc.line_col(self.window.end).0 - self.top_line()
    }

    /// Where the text box starts and ends in the text, in UTF-16 units (the text box's
    /// offsets are relative to the start).
    pub fn window_units(&self) -> std::ops::Range<usize> {
        self.doc.byte_to_utf16(self.window.start)..self.doc.byte_to_utf16(self.window.end)
    }

    /// Moves the window, if needed, so that line `line` (0-based) is well inside it; returns
    /// whether it moved.
    pub fn show_line(&mut self, line: usize) -> bool {
        if !self.windowed() {
            return false;
        }
        let (top, count) = (self.top_line(), self.window_lines());
        let end = self.window.end == self.doc.text().len();
        let inside = line >= top
            && line < top + count
            && (top == 0 || line >= top + MARGIN_LINES)
            && (end || line + MARGIN_LINES < top + count);
        !inside && self.move_window(line.saturating_sub(WINDOW_LINES / 2))
    }

    /// Moves the window by half its height (scrolling past its edge); returns whether it moved.
    pub fn scroll_window(&mut self, down: bool) -> bool {
        let top = self.top_line();
        let top = if down {
            top + WINDOW_LINES / 2
        } else {
            top.saturating_sub(WINDOW_LINES / 2)
        };
        self.windowed() && self.move_window(top)
    }

    fn move_window(&mut self, top: usize) -> bool {
        let window = self.window_at(top);
        let moved = window != self.window;
        self.window = window;
        moved
    }

    /// Typing: the text box's value is now `value`. The edit is where it differs from the
    /// window. Returns whether the check is up to date (else a full check is due).
    pub fn typed(&mut self, value: &str) -> bool {
        let old = self.window_text();
        let mut prefix = old
            .bytes()
            .zip(value.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(prefix) || !value.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let room = old.len().min(value.len()) - prefix;
        let mut suffix = old
            .bytes()
            .rev()
            .zip(value.bytes().rev())
            .take(room)
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(old.len() - suffix)
            || !value.is_char_boundary(value.len() - suffix)
        {
            suffix -= 1;
        }
        let from = self.window.start + prefix;
        let to = self.window.end - suffix;
        let inserted = &value[prefix..value.len() - suffix];
        self.window.end = self.window.end - (to - from) + inserted.len();
        self.edit(from, to, inserted)
    }

    /// Bytes `from..to` of the text are now `inserted`.
    fn edit(&mut self, from: usize, to: usize, inserted: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Types `inserted` at byte `at` of the text (in the window) the way the text box reports
    /// it: its whole new value.
    fn type_at(editor: &mut Editor, at: usize, removed: usize, inserted: &str) -> bool {
        let local = at - editor.window.start;
        let mut value = editor.window_text().to_owned();
        value.replace_range(local..local + removed, inserted);
        editor.typed(&value)
    }

    #[test]
    fn typing_in_a_question_is_checked_incrementally() {
        let text = include_str!("../../faq.json");
        let mut editor = Editor::new(text.to_owned(), "faq.json", false);
        assert!(editor.check.problems.is_empty() && !editor.due);
        assert!(!editor.windowed() && editor.window_text() == text);
        let first = editor.last_valid.clone().unwrap();
        let q = &first.questions[0].question;
        let at = text.find(q.as_str()).unwrap();
        for (i, c) in "Why ".chars().enumerate() {
            assert!(
                type_at(&mut editor, at + i, 0, &c.to_string()),
                "incremental"
            );
        }
        let faq = editor.last_valid.clone().unwrap();
        assert_eq!(faq.questions[0].question, format!("Why {q}"));
        assert_eq!(
            editor.form.as_ref().unwrap()["questions"][0]["question"],
            format!("Why {q}")
        );
        // A javascript: link in the answer: the checker's message, at its place.
        let current = editor.text().to_owned();
        let answer = current.find("\"answer\": \"").unwrap() + 11;
        assert!(type_at(&mut editor, answer, 0, "[x](javascript:y) "));
        let current = editor.text().to_owned();
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
        // A repeated letter: wherever the difference is placed, the text is what was typed.
        let double = answer + current[answer..].find("ll").unwrap();
        assert!(type_at(&mut editor, double, 0, "l"));
        assert_eq!(
            editor.text(),
            [&current[..double], "l", &current[double..]].concat()
        );
        // The title is not in a question: a full check is due, and it agrees.
        let current = editor.text().to_owned();
        let title = current.find("Frequently").unwrap();
        assert!(!type_at(&mut editor, title, 0, "é"));
        assert!(editor.due);
        editor.full_check();
        let full = Editor::new(editor.text().to_owned(), "faq.json", false);
        assert_eq!(editor.check, full.check);
        assert_eq!(editor.last_valid, full.last_valid);
        // Deleting, and replacing a selection.
        let current = editor.text().to_owned();
        let title = current.find("éFrequently").unwrap();
        assert!(!type_at(&mut editor, title, "é".len(), ""));
        assert_eq!(editor.text(), current.replacen("é", "", 1));
        let current = editor.text().to_owned();
        let word = current.find("Frequently").unwrap();
        type_at(&mut editor, word, "Frequently".len(), "Common");
        assert_eq!(editor.text(), current.replacen("Frequently", "Common", 1));
    }

    /// A FAQ of `n` questions, pretty printed: some 12 lines each.
    fn long_faq(n: usize) -> String {
        let questions: Vec<serde_json::Value> = (0..n)
            .map(|i| {
                serde_json::json!({
                    "id": format!("q{i}"),
                    "question": format!("Question number {i}?"),
                    "answer": format!("Answer {i}."),
                    "keywords": ["a", "b"],
                    "links": [{"text": "More", "href": format!("https://example.org/{i}")}]
                })
            })
            .collect();
        draft::pretty(&serde_json::json!({"title": "Long", "questions": questions}))
    }

    #[test]
    fn long_texts_are_edited_through_a_window() {
        let text = long_faq(300);
        let mut editor = Editor::new(text.clone(), "faq.json", true);
        assert!(editor.windowed());
        assert_eq!(
            (editor.top_line(), editor.window_lines()),
            (0, WINDOW_LINES)
        );
        let window = editor.window_text().to_owned();
        assert_eq!(window.lines().count(), WINDOW_LINES);
        assert!(text.starts_with(&format!("{window}\n")));
        assert_eq!(editor.window_units(), 0..window.len());
        // Lines near the top need no move; one near the bottom edge does.
        assert!(!editor.show_line(10));
        assert!(editor.show_line(WINDOW_LINES - 50));
        let top = editor.top_line();
        assert_eq!(top, WINDOW_LINES - 50 - WINDOW_LINES / 2);
        assert_eq!(editor.window_lines(), WINDOW_LINES);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        assert_eq!(editor.window.start, starts[top]);
        assert_eq!(editor.window_units().start, starts[top]);
        // Typing in the window: the edit lands at its place in the whole text.
        let at = editor.window.start + editor.window_text().find("Question number").unwrap();
        assert!(type_at(&mut editor, at, 0, "Another "));
        let mut expected = text.clone();
        expected.insert_str(at, "Another ");
        assert_eq!(editor.text(), expected);
        assert_eq!(editor.window_lines(), WINDOW_LINES);
        let full = Editor::new(expected.clone(), "faq.json", true);
        assert_eq!(editor.check, full.check);
        assert_eq!(editor.last_valid, full.last_valid);
        // A new line grows the window by one.
        assert!(!type_at(&mut editor, at, 0, "\n"));
        assert_eq!(editor.window_lines(), WINDOW_LINES + 1);
        // Scrolling past the edges, down to the end and back.
        while editor.scroll_window(true) {}
        assert_eq!(editor.window.end, editor.text().len());
        assert!(editor.text().ends_with(editor.window_text()));
        assert_eq!(editor.window_lines(), WINDOW_LINES);
        assert!(
            !editor.show_line(editor.doc().line_count() - 1),
            "the end needs no margin"
        );
        while editor.scroll_window(false) {}
        assert_eq!(editor.top_line(), 0);
        // A short text shows whole.
        editor.open(draft::EMPTY_FAQ.into(), "faq.json");
        assert!(!editor.windowed() && editor.window_text() == draft::EMPTY_FAQ);
        assert!(!editor.show_line(3) && !editor.scroll_window(true));
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
