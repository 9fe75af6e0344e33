//! What must always hold: the invariants of `load`, `load_for_display` and `check` on any text.

use faq_widget::faq::load_error::line_column;
use faq_widget::faq::markup::{check_href, Block, Inline};
use faq_widget::faq::{load, load_for_display, LoadError, Severity, Spot};
use faq_widget_cli::check;

/// The invariants of `load`, `load_for_display` and of `check` on any text.
pub(crate) fn check_loaded(text: &str) {
    let loaded = load(text);
    for d in &loaded.diagnostics {
        if let Some(at) = d.at {
            assert!(at <= text.len(), "{d:?} is past the end");
            assert!(text.is_char_boundary(at), "{d:?} splits a character");
        }
        assert!(!d.message.is_empty() && !d.hint.is_empty(), "{d:?}");
        assert!(d.path.is_empty() || d.path.starts_with('/'), "{d:?}");
    }
    let fatal = loaded
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Fatal);
    assert_eq!(loaded.faq.is_none(), fatal);
    // The widget shows the same FAQ, or stops at the same first problem, with its position.
    let display = load_for_display(text);
    assert_eq!(display.faq, loaded.faq);
    match (display.first_fatal(), loaded.first_fatal()) {
        (Some(shown), Some(checked)) => {
            assert_eq!(
                (&shown.message, &shown.path, shown.at),
                (&checked.message, &checked.path, checked.at)
            );
            assert!(shown.at.is_some(), "{shown:?}");
        }
        (None, None) => assert!(display.diagnostics.is_empty()),
        other => panic!("{other:?}"),
    }
    if let Some(faq) = &loaded.faq {
        assert!(!faq.questions.is_empty());
        let mut ids: Vec<&str> = faq.questions.iter().map(|q| q.id.as_str()).collect();
        assert!(ids.iter().all(|id| !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), faq.questions.len(), "ids are unique");
        for question in &faq.questions {
            assert!(!question.question.trim().is_empty());
            for link in &question.links {
                if let Some(href) = &link.href {
                    assert_eq!(check_href(href), Ok(()));
                }
            }
            for_each_inline(&question.answer, |inline| {
                if let Inline::Link { href, .. } = inline {
                    assert_eq!(check_href(href), Ok(()));
                }
            });
        }
    }
    if let Some(error) = LoadError::from_loaded(text, &loaded) {
        assert!(!error
            .sentence(&faq_widget::i18n::Strings::default())
            .is_empty());
    }
    // Every problem the checker places is on the spot its path names.
    let offsets = check::offsets(text, &loaded.diagnostics);
    for (d, &at) in loaded.diagnostics.iter().zip(&offsets) {
        assert!(text.is_char_boundary(at), "{d:?} at {at}");
        let rest = &text[at..];
        match d.spot {
            Spot::Value
                if d.severity != Severity::Fatal
                    || d.at.is_none()
                    || rest.starts_with([
                        '{', '[', '"', 't', 'f', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7',
                        '8', '9',
                    ]) =>
            {
                assert!(
                    rest.starts_with([
                        '{', '[', '"', 't', 'f', 'n', '-', '0', '1', '2', '3', '4', '5', '6', '7',
                        '8', '9'
                    ]),
                    "{d:?}: {:?}",
                    rest.chars().take(10).collect::<String>()
                );
            }
            Spot::Key | Spot::RepeatedKey => {
                assert!(
                    rest.starts_with('"'),
                    "{d:?}: {:?}",
                    rest.chars().take(10).collect::<String>()
                );
            }
            Spot::InText(_) => assert!(text[..at].contains('"'), "{d:?}"),
            _ => {}
        }
    }
    let problems = check::check_text(text);
    assert_eq!(problems.len(), loaded.diagnostics.len());
    let mut last = 0;
    for problem in &problems {
        assert!(problem.line >= 1 && problem.column >= 1);
        assert!(problem.offset >= last, "in file order");
        last = problem.offset;
        assert_eq!(
            (problem.line, problem.column),
            line_column(text, problem.offset)
        );
        let shown = check::human("f.json", problem);
        assert!(!shown.contains('\u{1b}') && !shown.contains('\u{0}'));
    }
}

pub(crate) fn for_each_inline(blocks: &[Block], mut f: impl FnMut(&Inline)) {
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => inlines.iter().for_each(&mut f),
            Block::List(items) => items.iter().flatten().for_each(&mut f),
        }
    }
}
