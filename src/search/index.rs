//! The search index of one FAQ, built once, and the ranking.
//!
//! Every word of every field goes into a sorted vocabulary with postings (question, field bits).
//! A query word matches vocabulary terms exactly, by stem, by prefix (the word being typed) and
//! with typos; each match counts `quality x idf x field weight`, the best match per word and
//! question. All (non stop) words that match anything are required, with one allowed to miss in
//! queries of four words or more; when no question has them all, fewer are required. Adjacent
//! query words found adjacent in a question (a phrase) and questions whose own text holds every
//! required word rank higher.

use super::fold::for_each_word;
use super::fuzzy::walk;
use super::highlight::Highlighter;
use super::sort::sort_by;
use super::stem::Stemmer;
use crate::faq::Question;

/// The fields of a question, in decreasing weight.
const QUESTION: u8 = 1;
const KEYWORDS: u8 = 2;
const ANSWER: u8 = 4;
const LINKS: u8 = 8;
const CATEGORY: u8 = 16;
const FIELD_WEIGHTS: [f32; 5] = [3.0, 2.0, 1.0, 0.7, 0.5];

/// How good a match is, before idf and field weight.
const EXACT: f32 = 1.0;
const STEM: f32 = 0.85;
const PREFIX: f32 = 0.7;
const TYPO: [f32; 4] = [1.0, 0.55, 0.35, 0.25];
const FUZZY_PREFIX: f32 = 0.4;
const STOP_WORD_WEIGHT: f32 = 0.2;
const PHRASE_BONUS: f32 = 1.0;
const ALL_IN_QUESTION: f32 = 1.25;

/// Query words beyond this are ignored (a pasted paragraph must stay fast).
pub const MAX_QUERY_WORDS: usize = 12;

/// Weight of a posting found in several fields: the best field, plus a quarter of the others.
/// `norm` scales the question field: a word in a short question says more than in a long one.
fn field_weight(fields: u8, norm: f32) -> f32 {
    let mut best = 0.0f32;
    let mut sum = 0.0;
    for (bit, weight) in FIELD_WEIGHTS.iter().enumerate() {
        if fields & (1 << bit) != 0 {
            let weight = if bit == 0 { weight * norm } else { *weight };
            best = best.max(weight);
            sum += weight;
        }
    }
    best + 0.25 * (sum - best)
}

#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    fields: u8,
}

#[derive(Debug, Clone, Copy)]
struct Matched {
    term: u32,
    quality: f32,
    /// Folded characters to highlight at the start of the term.
    mark: u16,
    /// Found as a completion of the typed prefix (marked through the prefix, not one by one).
    by_prefix: bool,
}

#[derive(Debug)]
struct Word {
    chars: Vec<char>,
    prefix: bool,
    stop: bool,
}

/// What a query found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Question indices, most relevant first; every question in FAQ order for an empty query.
    pub hits: Vec<usize>,
    /// With no hits: the questions closest to the query (looser matching), at most three.
    pub closest: Vec<usize>,
    /// What to mark in the shown text.
    pub highlighter: Highlighter,
    /// False for an empty query.
    pub active: bool,
}

pub struct SearchIndex {
    stemmer: Stemmer,
    docs: usize,
    terms: Vec<Box<[char]>>,
    idf: Vec<f32>,
    post_start: Vec<u32>,
    postings: Vec<Posting>,
    stem_keys: Vec<Box<[char]>>,
    stem_start: Vec<u32>,
    stem_terms: Vec<u32>,
    /// Each question's own words as term ids, in order (for phrases).
    questions: Vec<Box<[u32]>>,
    /// Per question, the length normalisation of its question text (BM25's, with b = 0.5).
    question_norm: Vec<f32>,
}

impl SearchIndex {
    /// Indexes `questions`; `lang` (the FAQ's) picks the stemmer: English stemming and stop
    /// words when it is English or unknown, Spanish stemming for Spanish (`stem::Stemmer`).
    pub fn new(questions: &[Question], lang: Option<&str>) -> Self {
        build::index(questions, lang)
    }

    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Distinct words in the FAQ.
    pub fn vocabulary(&self) -> usize {
        self.terms.len()
    }

    fn postings(&self, term: u32) -> &[Posting] {
        let t = term as usize;
        &self.postings[self.post_start[t] as usize..self.post_start[t + 1] as usize]
    }

    fn parse(&self, query: &str) -> Vec<Word> {
        let mut words: Vec<Word> = Vec::new();
        let mut last_end = 0;
        for_each_word(query, &mut |_, end, chars| {
            last_end = end;
            if words.len() < MAX_QUERY_WORDS {
                words.push(Word {
                    chars: chars.to_vec(),
                    prefix: false,
                    stop: self.stemmer.is_stop_word(chars),
                });
            }
        });
        if last_end == query.len() {
            if let Some(last) = words.last_mut() {
                last.prefix = true;
            }
        }
        words
    }

    fn expand(&self, word: &Word, relaxed: bool, out: &mut Vec<Matched>) {
        out.clear();
        let w = &word.chars[..];
        let full = w.len() as u16;
        let exact = self.terms.binary_search_by(|t| (**t).cmp(w)).ok();
        if let Some(term) = exact {
            out.push(Matched {
                term: term as u32,
                quality: EXACT,
                mark: u16::MAX,
                by_prefix: false,
            });
        }
        if self.stemmer != Stemmer::None && !word.stop {
            let key = self.stemmer.stem(w);
            if let Ok(k) = self.stem_keys.binary_search_by(|s| (**s).cmp(&key[..])) {
                let range = self.stem_start[k] as usize..self.stem_start[k + 1] as usize;
                for &term in &self.stem_terms[range] {
                    out.push(Matched {
                        term,
                        quality: STEM,
                        mark: u16::MAX,
                        by_prefix: false,
                    });
                }
            }
        }
        if word.prefix {
            let start = self.terms.partition_point(|t| (**t) < *w);
            for (offset, term) in self.terms[start..].iter().enumerate() {
                if !term.starts_with(w) {
                    break;
                }
                out.push(Matched {
                    term: (start + offset) as u32,
                    quality: PREFIX,
                    mark: full,
                    by_prefix: true,
                });
            }
        }
        let max = match (relaxed, w.len()) {
            (_, 0..=2) => 0,
            (true, 3..=4) => 1,
            (true, 5..=7) => 2,
            (true, _) => 3,
            (false, 3) => 0,
            (false, 4..=7) => 1,
            (false, _) => 2,
        };
        if max > 0 && !word.stop {
            let prefix = word.prefix || relaxed;
            walk(&self.terms, w, max, prefix, |near| {
                let (quality, mark) = if near.full > 0 && near.full <= max {
                    (TYPO[usize::from(near.full.min(3))], u16::MAX)
                } else if prefix && near.prefix > 0 && near.prefix <= max {
                    (
                        FUZZY_PREFIX / f32::from(near.prefix),
                        near.prefix_len as u16,
                    )
                } else {
                    return;
                };
                out.push(Matched {
                    term: near.term as u32,
                    quality,
                    mark,
                    by_prefix: false,
                });
            });
        }
        // One entry per term: the best quality, and the longest mark.
        sort_by(out, |a, b| {
            a.term.cmp(&b.term).then(b.quality.total_cmp(&a.quality))
        });
        out.dedup_by(|later, kept| {
            if later.term == kept.term {
                kept.mark = kept.mark.max(later.mark);
                true
            } else {
                false
            }
        });
    }

    /// Searches; an empty query (no words) gives every question in FAQ order.
    pub fn search(&self, query: &str) -> Outcome {
        let words = self.parse(query);
        if words.is_empty() {
            return Outcome {
                hits: (0..self.docs).collect(),
                ..Outcome::default()
            };
        }
        let (hits, highlighter) = self.rank(&words, false);
        if !hits.is_empty() {
            return Outcome {
                hits,
                closest: Vec::new(),
                highlighter,
                active: true,
            };
        }
        let (mut closest, highlighter) = self.rank(&words, true);
        closest.truncate(3);
        Outcome {
            hits,
            closest,
            highlighter,
            active: true,
        }
    }

    fn rank(&self, words: &[Word], relaxed: bool) -> (Vec<usize>, Highlighter) {
        #[derive(Clone, Copy, Default)]
        struct Acc {
            score: f32,
            mask: u16,
            qmask: u16,
        }
        let mut acc = vec![Acc::default(); self.docs];
        let mut touched: Vec<u32> = Vec::new();
        // Per word: the best match in each question, and whether it was in the question text.
        let mut best = vec![(0.0f32, 0u8); self.docs];
        let mut best_touched: Vec<u32> = Vec::new();
        let mut matched = Vec::new();
        let mut term_words: Vec<(u32, u16)> = Vec::new();
        let mut marks: Vec<(u32, u16, bool)> = Vec::new();
        let mut prefixes: Vec<(Box<[char]>, bool)> = Vec::new();
        let mut found: u16 = 0;
        let mut stop: u16 = 0;

        for (i, word) in words.iter().enumerate() {
            let bit = 1u16 << i;
            if word.stop {
                stop |= bit;
            }
            self.expand(word, relaxed, &mut matched);
            if word.prefix {
                prefixes.push((word.chars.clone().into_boxed_slice(), word.stop));
            }
            for m in &matched {
                term_words.push((m.term, bit));
                if !m.by_prefix {
                    marks.push((m.term, m.mark, word.stop));
                }
                let idf = self.idf[m.term as usize];
                for posting in self.postings(m.term) {
                    let norm = self.question_norm[posting.doc as usize];
                    let score = m.quality * idf * field_weight(posting.fields, norm);
                    let slot = &mut best[posting.doc as usize];
                    if slot.1 == 0 {
                        best_touched.push(posting.doc);
                    }
                    slot.0 = slot.0.max(score);
                    slot.1 |= 1 | ((posting.fields & QUESTION) << 1);
                }
            }
            if !best_touched.is_empty() {
                found |= bit;
            }
            let weight = if word.stop { STOP_WORD_WEIGHT } else { 1.0 };
            for doc in best_touched.drain(..) {
                let (score, flags) = std::mem::take(&mut best[doc as usize]);
                let a = &mut acc[doc as usize];
                if a.mask == 0 {
                    touched.push(doc);
                }
                a.score += score * weight;
                a.mask |= bit;
                if flags & 2 != 0 {
                    a.qmask |= bit;
                }
            }
        }

        let mut required = found & !stop;
        if required == 0 {
            required = found;
        }
        let needed = required.count_ones();
        if needed == 0 {
            return (Vec::new(), Highlighter::default());
        }
        let coverage = |a: &Acc| (a.mask & required).count_ones();
        let best_coverage = touched
            .iter()
            .map(|&d| coverage(&acc[d as usize]))
            .max()
            .unwrap_or(0);
        let mut minimum = if needed >= 4 { needed - 1 } else { needed };
        if relaxed {
            minimum = 1;
        }
        let minimum = minimum.min(best_coverage).max(1);

        sort_by(&mut term_words, |a, b| a.0.cmp(&b.0));
        term_words.dedup_by(|later, kept| {
            if later.0 == kept.0 {
                kept.1 |= later.1;
                true
            } else {
                false
            }
        });
        let words_of = |term: u32| {
            term_words
                .binary_search_by_key(&term, |&(t, _)| t)
                .map_or(0, |i| term_words[i].1)
        };

        let mut scored: Vec<(f32, u32)> = touched
            .iter()
            .filter(|&&d| coverage(&acc[d as usize]) >= minimum)
            .map(|&d| {
                let a = acc[d as usize];
                let mut score = a.score;
                if a.qmask.count_ones() >= 2 {
                    let sequence = &self.questions[d as usize];
                    let mut pairs = 0;
                    for pair in sequence.windows(2) {
                        // Word i at one position and word i + 1 at the next, not both stop words.
                        let adjacent = words_of(pair[0]) & (words_of(pair[1]) >> 1);
                        pairs += (adjacent & !(stop & (stop >> 1))).count_ones();
                    }
                    score += PHRASE_BONUS * pairs as f32;
                }
                if required & !a.qmask == 0 {
                    score *= ALL_IN_QUESTION;
                }
                (score, d)
            })
            .collect();
        sort_by(&mut scored, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));

        // Marks: what the required words matched (stop words only when nothing else matched).
        let only_stop = found & !stop == 0;
        let highlighter = Highlighter::new(
            marks
                .into_iter()
                .filter(|&(_, _, is_stop)| only_stop || !is_stop)
                .map(|(term, mark, _)| (self.terms[term as usize].clone(), mark)),
            prefixes
                .into_iter()
                .filter(|&(_, is_stop)| only_stop || !is_stop)
                .map(|(prefix, _)| prefix),
        );
        (
            scored.into_iter().map(|(_, d)| d as usize).collect(),
            highlighter,
        )
    }
}

#[path = "build.rs"]
mod build;

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
