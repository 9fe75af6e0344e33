//! The text box: a window of the draft's lines (the editor's `Shown`), and how a moved window
//! is put in it without the owner losing their place.

use std::rc::Rc;

use wasm_bindgen::JsValue;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::browser::line_height;
use crate::editor::{Editor, Shown};

/// The text box and the window of the text it shows.
#[derive(Clone)]
pub struct TextBox {
    pub editor: Rc<std::cell::RefCell<Editor>>,
    /// The selection in the whole text (UTF-16 units), and whether the window moved away from
    /// it (scrolling): the text box's own selection then means nothing, and the next key brings
    /// the window back to it first.
    pub selection: Rc<std::cell::RefCell<((usize, usize), bool)>>,
    pub refresh: UseForceUpdateHandle,
    pub cursor: UseStateHandle<(usize, usize)>,
}

impl TextBox {
    /// Before a key acts: the window holds the cursor with room around it; Ctrl+Home and
    /// Ctrl+End go to the start and the end of the whole text.
    pub fn key_down(&self, e: &KeyboardEvent) {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        match e.key().as_str() {
            "Home" | "End" if (e.ctrl_key() || e.meta_key()) && !e.shift_key() => {
                e.prevent_default();
                let end = e.key() == "End";
                let at = if end {
                    self.editor.borrow().doc().units()
                } else {
                    0
                };
                *self.selection.borrow_mut() = ((at, at), false);
                self.move_window(&area, |e| {
                    let line = if end { e.doc().line_count() - 1 } else { 0 };
                    e.show_line(line)
                });
                let local = at.saturating_sub(self.editor.borrow().window_units().start) as u32;
                let _ = area.set_selection_range(local, local);
                area.set_scroll_top(if end { area.scroll_height() } else { 0 });
                self.follow(&area, true);
            }
            _ => self.follow(&area, false),
        }
    }

    /// Scrolling to an edge of the window moves it on by half; the gutter follows the text.
    pub fn scrolled(&self, area: &HtmlTextAreaElement, gutter: &NodeRef) {
        let lines = self.editor.borrow().window_lines();
        let edge = 5.0 * line_height(area, lines);
        let scroll = f64::from(area.scroll_top());
        let down =
            scroll + f64::from(area.client_height()) > f64::from(area.scroll_height()) - edge;
        if scroll < edge || down {
            self.read(area);
            self.move_window(area, |e| e.scroll_window(down));
        }
        if let Some(g) = gutter.cast::<web_sys::HtmlElement>() {
            g.set_scroll_top(area.scroll_top());
        }
    }

    /// Puts the cursor on a problem's line and column, the line in view.
    pub fn go_to(&self, area: &HtmlTextAreaElement, p: &Shown) {
        let _ = area.focus();
        *self.selection.borrow_mut() = ((p.utf16, p.utf16), false);
        self.move_window(area, |e| e.show_line(p.line - 1));
        let e = self.editor.borrow();
        // (A problem listed before the last edits may point a little off: never before the window.)
        let local = p.utf16.saturating_sub(e.window_units().start) as u32;
        let _ = area.set_selection_range(local, local);
        // Bring the line into view: lines are all the same height.
        let height = line_height(area, e.window_lines());
        let top = (p.line as f64 - 4.0 - e.top_line() as f64).max(0.0) * height;
        area.set_scroll_top(top as i32);
        self.cursor.set((p.line, p.column));
    }

    /// Takes the text box's selection as the selection in the text (unless the window moved
    /// away from it); returns it.
    pub fn read(&self, area: &HtmlTextAreaElement) -> (usize, usize) {
        let (global, outside) = *self.selection.borrow();
        if outside {
            return global;
        }
        let base = self.editor.borrow().window_units().start;
        let local = |n: Result<Option<u32>, JsValue>| base + n.ok().flatten().unwrap_or(0) as usize;
        let now = (local(area.selection_start()), local(area.selection_end()));
        self.selection.borrow_mut().0 = now;
        now
    }

    /// Moves the window (`f` returns whether it moved) and shows it, keeping the lines where
    /// they were on screen and the selection where it was.
    pub fn move_window(&self, area: &HtmlTextAreaElement, f: impl FnOnce(&mut Editor) -> bool) {
        let (old_top, old_lines) = {
            let e = self.editor.borrow();
            (e.top_line(), e.window_lines())
        };
        let height = line_height(area, old_lines);
        let scroll = area.scroll_top();
        if f(&mut self.editor.borrow_mut()) {
            show_window(
                area,
                &self.editor.borrow(),
                &self.selection,
                old_top,
                scroll,
                height,
            );
            self.refresh.force_update();
        }
    }

    /// After the cursor moved (`remember`: the owner placed it, so it is in the window) or
    /// before a key acts: the cursor's line and column, and the window keeps room around it.
    pub fn follow(&self, area: &HtmlTextAreaElement, remember: bool) {
        if remember {
            self.selection.borrow_mut().1 = false;
        }
        let (start, _) = self.read(area);
        let at = {
            let e = self.editor.borrow();
            e.doc().line_col(e.doc().utf16_to_byte(start))
        };
        self.cursor.set(at);
        self.move_window(area, |e| e.show_line(at.0 - 1));
    }
}

/// Puts the editor's (moved) window in the text box, keeping what the owner saw in place: the
/// lines scrolled to where they were (`old_top`, `scroll` and `height` from before the move),
/// the selection where it was if it is still in the window.
pub fn show_window(
    area: &HtmlTextAreaElement,
    editor: &Editor,
    selection: &std::cell::RefCell<((usize, usize), bool)>,
    old_top: usize,
    scroll: i32,
    height: f64,
) {
    area.set_value(editor.window_text());
    let window = editor.window_units();
    let ((start, end), _) = *selection.borrow();
    let inside = window.contains(&start) || start == window.end;
    if inside && end <= window.end {
        let _ =
            area.set_selection_range((start - window.start) as u32, (end - window.start) as u32);
    }
    selection.borrow_mut().1 = !inside;
    // The lines on screen stay where they were when they are still in the window; after a
    // jump, the selection's line comes near the top.
    let top = editor.top_line() as f64;
    let kept = f64::from(scroll) + (old_top as f64 - top) * height;
    let most = f64::from(area.scroll_height() - area.client_height());
    let scroll = if (0.0..=most).contains(&kept) {
        kept
    } else if inside {
        let line = editor.doc().line_col(editor.doc().utf16_to_byte(start)).0 as f64 - 1.0;
        ((line - top - 5.0) * height).max(0.0)
    } else {
        most / 2.0
    };
    area.set_scroll_top(scroll.round() as i32);
}
