//! What to mark in shown text: the vocabulary terms a query matched, and how many of their folded
//! characters (all of a word, or the typed prefix). Works on any text, so questions, answer text
//! nodes and snippets are marked the same way.

use std::ops::Range;

use super::fold::{folded_len, for_each_word};
use crate::cut;
use crate::faq::markup::plain_text;
use crate::faq::Question;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Highlighter {
    /// Sorted by term; the mark length in folded characters (`u16::MAX`: the whole word).
    terms: Vec<(Box<[char]>, u16)>,
    /// Typed prefixes: every word that starts with one is marked that far. (One entry instead
    /// of the thousands of words a one-letter prefix completes to.)
    prefixes: Vec<Box<[char]>>,
}

impl Highlighter {
    pub fn new(
        terms: impl IntoIterator<Item = (Box<[char]>, u16)>,
        prefixes: impl IntoIterator<Item = Box<[char]>>,
    ) -> Self {
        let terms: Vec<_> = terms.into_iter().collect();
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        super::sort::sort_indexes(&mut order, &|a, b| {
            let (a, b) = (&terms[a as usize], &terms[b as usize]);
            a.0.cmp(&b.0).then(b.1.cmp(&a.1))
        });
        let mut sorted: Vec<(Box<[char]>, u16)> = Vec::with_capacity(terms.len());
        for i in order {
            let (term, mark) = &terms[i as usize];
            if sorted.last().is_none_or(|(last, _)| last != term) {
                sorted.push((term.clone(), *mark));
            }
        }
        Highlighter {
            terms: sorted,
            prefixes: prefixes.into_iter().collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.prefixes.is_empty()
    }

    /// Byte ranges of `text` to mark, in order.
    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        if self.is_empty() {
            return out;
        }
        for_each_word(text, &mut |start, end, word| {
            let found = self
                .terms
                .binary_search_by(|(t, _)| (**t).cmp(word))
                .map_or(0, |i| usize::from(self.terms[i].1));
            let prefix = self
                .prefixes
                .iter()
                .filter(|p| word.starts_with(p))
                .map(|p| p.len())
                .max()
                .unwrap_or(0);
            let mark = found.max(prefix);
            if mark == 0 {
                return;
            }
            if mark >= word.len() {
                push_merged(&mut out, start..end);
                return;
            }
            // Only the first `mark` folded characters: find where they end in the original.
            let mut folded = 0;
            for (offset, c) in cut(text, start, end).char_indices() {
                folded += folded_len(c);
                if folded >= mark {
                    push_merged(&mut out, start..start + offset + c.len_utf8());
                    return;
                }
            }
        });
        out
    }
}

/// Adds `range` to the ordered `ranges`, joined with the last one where they overlap (the
/// overlapping pairs of Chinese and Japanese text: "東京" and "京都" mark "東京都" once).
fn push_merged(ranges: &mut Vec<Range<usize>>, range: Range<usize>) {
    match ranges.last_mut() {
        Some(last) if range.start < last.end => last.end = last.end.max(range.end),
        _ => ranges.push(range),
    }
}

/// A short piece of a longer text around its first mark, with the marks inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub marks: Vec<Range<usize>>,
}

/// Up to about `before` characters before the first mark and `after` after it, cut at spaces,
/// with "…" where text was left out; `None` when nothing in `text` is marked.
pub fn snippet(
    text: &str,
    highlighter: &Highlighter,
    before: usize,
    after: usize,
) -> Option<Snippet> {
    let ranges = highlighter.ranges(text);
    let first = ranges.first()?.clone();
    let mut start = cut(text, 0, first.start)
        .char_indices()
        .rev()
        .nth(before)
        .map_or(0, |(i, _)| i);
    if start > 0 {
        // Start at a word.
        start = cut(text, start, first.start)
            .find(' ')
            .map_or(first.start, |i| start + i + 1);
    }
    let mut end = cut(text, first.start, text.len())
        .char_indices()
        .nth(after)
        .map_or(text.len(), |(i, _)| first.start + i);
    if end < text.len() {
        end = cut(text, first.end.min(end), end)
            .rfind(' ')
            .map_or(end, |i| first.end.min(end) + i)
            .max(first.end);
    }
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let shift = lead.len();
    let shown = cut(text, start, end).trim_end();
    let marks = ranges
        .into_iter()
        .filter(|r| r.start >= start && r.end <= start + shown.len())
        .map(|r| r.start - start + shift..r.end - start + shift)
        .collect();
    Some(Snippet {
        text: [lead, shown, tail].concat(),
        marks,
    })
}

fn joined<'a>(parts: impl Iterator<Item = &'a str>, separator: &str) -> String {
    let mut out = String::new();
    for part in parts {
        if !out.is_empty() {
            out.push_str(separator);
        }
        out.push_str(part);
    }
    out
}

/// Why a question matched when its own text has no match: a snippet of the answer, else of its
/// links, keywords or category; `None` when the question text itself is marked (or nothing is).
pub fn why(question: &Question, highlighter: &Highlighter) -> Option<Snippet> {
    if highlighter.is_empty() || !highlighter.ranges(&question.question).is_empty() {
        return None;
    }
    let labelled = |label: &str, text: String| {
        let s = snippet(&text, highlighter, 40, 60)?;
        let shift = label.len();
        Some(Snippet {
            text: format!("{label}{}", s.text),
            marks: s
                .marks
                .into_iter()
                .map(|r| r.start + shift..r.end + shift)
                .collect(),
        })
    };
    snippet(&plain_text(&question.answer), highlighter, 40, 80)
        .or_else(|| {
            labelled(
                "Links: ",
                joined(question.links.iter().map(|l| &l.text[..]), " · "),
            )
        })
        .or_else(|| {
            labelled(
                "Related: ",
                joined(question.keywords.iter().map(|k| &k[..]), ", "),
            )
        })
        .or_else(|| labelled("Category: ", question.category.clone()?))
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    fn h(terms: &[(&str, u16)]) -> Highlighter {
        Highlighter::new(
            terms.iter().map(|(t, m)| (t.chars().collect(), *m)),
            std::iter::empty(),
        )
    }

    #[test]
    fn marks_whole_words_and_prefixes_in_the_original_text() {
        let h = h(&[("europol", 4), ("notices", u16::MAX)]);
        let text = "Europól and NOTICES, not notice";
        let marked: Vec<_> = h.ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, ["Euro", "NOTICES"]);
        let text = "Eur\u{f6}pol";
        assert_eq!(
            h.ranges(text),
            [0..5],
            "a prefix ending in a two-byte letter"
        );
    }

    #[test]
    fn typed_prefixes_mark_every_completion() {
        let typed = Highlighter::new(std::iter::empty(), ["no".chars().collect()]);
        let text = "Notices, not Anno";
        let marked: Vec<_> = typed.ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, ["No", "no"]);
        assert!(!typed.is_empty());
    }

    #[test]
    fn snippet_is_cut_at_spaces_around_the_first_mark() {
        let h = h(&[("lyon", u16::MAX)]);
        let text = "All law enforcement officers working at the General Secretariat headquarters in Lyon, France are seconded from their national agencies.";
        let s = snippet(text, &h, 30, 40).unwrap();
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert_eq!(&s.text[s.marks[0].clone()], "Lyon");
        assert!(s.text.contains("headquarters in Lyon"), "{}", s.text);
        assert!(!s.text.contains("  "));
        let whole = snippet("In Lyon.", &h, 30, 40).unwrap();
        assert_eq!(whole.text, "In Lyon.");
        assert_eq!(whole.marks, [3..7]);
        assert!(snippet("Paris", &h, 30, 40).is_none());
    }

    #[test]
    fn why_shows_the_answer_else_the_keywords() {
        let faq = crate::faq::load(
            r#"{"title": "T", "questions": [{"question": "How do I join?", "answer": "Officers are seconded from Lyon.", "keywords": ["jobs", "careers"]}]}"#,
        )
        .faq
        .unwrap();
        let q = &faq.questions[0];
        let s = why(q, &h(&[("lyon", u16::MAX)])).unwrap();
        assert_eq!(s.text, "Officers are seconded from Lyon.");
        let s = why(q, &h(&[("careers", u16::MAX)])).unwrap();
        assert_eq!(s.text, "Related: jobs, careers");
        assert_eq!(&s.text[s.marks[0].clone()], "careers");
        assert_eq!(
            why(q, &h(&[("join", u16::MAX)])),
            None,
            "the question shows it"
        );
        assert_eq!(why(q, &Highlighter::default()), None);
    }
}
