//! Render counts per component, for tests that check what a change re-renders (feature
//! `render-probe`; never in a shipped build).

use std::cell::RefCell;

thread_local! {
    static COUNTS: RefCell<Vec<(&'static str, String, u32)>> = const { RefCell::new(Vec::new()) };
}

/// Counts one render of component `name` for `key` (e.g. a question's id).
pub fn rendered(name: &'static str, key: &str) {
    COUNTS.with(|counts| {
        let mut counts = counts.borrow_mut();
        match counts.iter_mut().find(|(n, k, _)| *n == name && k == key) {
            Some((_, _, count)) => *count += 1,
            None => counts.push((name, key.to_owned(), 1)),
        }
    });
}

/// Every count so far, then starts again from zero.
pub fn take() -> Vec<(&'static str, String, u32)> {
    COUNTS.with(|counts| std::mem::take(&mut *counts.borrow_mut()))
}
