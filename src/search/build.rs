//! Building a [`SearchIndex`]: every word of every field interned, the vocabulary sorted, one
//! posting per question and term (with the fields it is in), the terms grouped by stem, each
//! family's idf, each question's length normalisation. A child module of `index` (it fills the
//! index's private fields); the querying stays there. Each stage is a function called once and
//! marked `#[inline(always)]`: without it the split cost 79 B brotli of the embed; with it the
//! embed measured 151,873 B against 151,975 B for the one function (raw wasm +171 B).

// Measured, above: the one place where forcing the inlining is the point.
#![allow(clippy::inline_always)]

use std::collections::HashMap;

use super::{Posting, SearchIndex, ANSWER, CATEGORY, KEYWORDS, LINKS, QUESTION};
use crate::faq::markup::plain_text;
use crate::faq::Question;
use crate::search::fold::for_each_word;
use crate::search::sort::sort_indexes;
use crate::search::stem::Stemmer;

/// Word interning: each distinct word gets an id, in order of first appearance.
#[derive(Default)]
struct Builder {
    ids: HashMap<Box<[char]>, u32>,
    words: Vec<Box<[char]>>,
    triples: Vec<(u32, u32, u8)>,
}

impl Builder {
    fn intern(&mut self, word: &[char]) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    fn add(&mut self, text: &str, doc: u32, field: u8, mut sequence: Option<&mut Vec<u32>>) {
        for_each_word(text, &mut |_, _, word| {
            let id = self.intern(word);
            self.triples.push((id, doc, field));
            if let Some(sequence) = sequence.as_deref_mut() {
                sequence.push(id);
            }
        });
    }
}

/// The sorted vocabulary and its postings: `post_start[t]..post_start[t + 1]` are term t's.
struct Vocabulary {
    terms: Vec<Box<[char]>>,
    post_start: Vec<u32>,
    postings: Vec<Posting>,
    /// `rank[id of first appearance]` is the term's place in the sorted vocabulary.
    rank: Vec<u32>,
}

/// The terms grouped by stem: group g is `stem_terms[stem_start[g]..stem_start[g + 1]]`.
struct StemGroups {
    keys: Vec<Box<[char]>>,
    start: Vec<u32>,
    terms: Vec<u32>,
}

#[inline(always)]
pub(super) fn index(questions: &[Question], lang: Option<&str>) -> SearchIndex {
    let stemmer = Stemmer::of(lang);
    let mut builder = Builder::default();
    let mut sequences = Vec::with_capacity(questions.len());
    for (doc, question) in questions.iter().enumerate() {
        let doc = doc as u32;
        let mut sequence = Vec::new();
        builder.add(&question.question, doc, QUESTION, Some(&mut sequence));
        for keyword in &question.keywords {
            builder.add(keyword, doc, KEYWORDS, None);
        }
        builder.add(&plain_text(&question.answer), doc, ANSWER, None);
        for link in &question.links {
            builder.add(&link.text, doc, LINKS, None);
        }
        if let Some(category) = &question.category {
            builder.add(category, doc, CATEGORY, None);
        }
        sequences.push(sequence);
    }
    let Builder { words, triples, .. } = builder;
    let Vocabulary {
        terms,
        post_start,
        postings,
        rank,
    } = vocabulary(words, triples);
    let stems = stem_groups(&terms, stemmer);
    let idf = family_idf(questions.len(), &post_start, &postings, &stems);

    let n = questions.len() as f32;
    let average = sequences.iter().map(Vec::len).sum::<usize>() as f32 / n.max(1.0);
    let question_norm = sequences
        .iter()
        .map(|s| 1.0 / (0.5 + 0.5 * s.len() as f32 / average.max(1.0)))
        .collect();
    let questions = sequences
        .into_iter()
        .map(|s| s.into_iter().map(|id| rank[id as usize]).collect())
        .collect();
    SearchIndex {
        stemmer,
        docs: n as usize,
        terms,
        idf,
        post_start,
        postings,
        stem_keys: stems.keys,
        stem_start: stems.start,
        stem_terms: stems.terms,
        questions,
        question_norm,
    }
}

/// Sorts the vocabulary and lays out its postings by counting (the triples are already in
/// question order: no sort needed), merging a term's postings in one question into one.
#[inline(always)]
fn vocabulary(words: Vec<Box<[char]>>, triples: Vec<(u32, u32, u8)>) -> Vocabulary {
    let mut order: Vec<u32> = (0..words.len() as u32).collect();
    sort_indexes(&mut order, &|a, b| {
        words[a as usize].cmp(&words[b as usize])
    });
    let mut rank = vec![0u32; words.len()];
    for (new, &old) in order.iter().enumerate() {
        rank[old as usize] = new as u32;
    }
    let mut post_start = vec![0u32; words.len() + 1];
    for &(id, _, _) in &triples {
        post_start[rank[id as usize] as usize + 1] += 1;
    }
    for t in 1..post_start.len() {
        post_start[t] += post_start[t - 1];
    }
    let mut cursor = post_start.clone();
    let mut scattered = vec![Posting { doc: 0, fields: 0 }; triples.len()];
    for &(id, doc, fields) in &triples {
        let slot = &mut cursor[rank[id as usize] as usize];
        scattered[*slot as usize] = Posting { doc, fields };
        *slot += 1;
    }
    drop(triples);
    let mut postings: Vec<Posting> = Vec::with_capacity(scattered.len());
    for t in 0..words.len() {
        let start = postings.len() as u32;
        for p in &scattered[post_start[t] as usize..post_start[t + 1] as usize] {
            let same = postings.len() as u32 > start;
            match postings.last_mut() {
                Some(last) if same && last.doc == p.doc => last.fields |= p.fields,
                _ => postings.push(*p),
            }
        }
        post_start[t] = start;
    }
    *post_start.last_mut().unwrap_or(&mut 0) = postings.len() as u32;
    let mut slots: Vec<Option<Box<[char]>>> = words.into_iter().map(Some).collect();
    let terms = order
        .iter()
        .map(|&old| slots[old as usize].take().unwrap_or_default())
        .collect();
    Vocabulary {
        terms,
        post_start,
        postings,
        rank,
    }
}

/// Groups the (sorted) terms by their stem; none without a stemmer.
#[inline(always)]
fn stem_groups(terms: &[Box<[char]>], stemmer: Stemmer) -> StemGroups {
    let stems: Vec<Box<[char]>> = if stemmer == Stemmer::None {
        Vec::new()
    } else {
        terms
            .iter()
            .map(|t| stemmer.stem(t).into_boxed_slice())
            .collect()
    };
    let mut by_stem: Vec<u32> = (0..stems.len() as u32).collect();
    sort_indexes(&mut by_stem, &|a, b| {
        stems[a as usize].cmp(&stems[b as usize])
    });
    let mut keys: Vec<Box<[char]>> = Vec::new();
    let mut start = Vec::new();
    let mut grouped = Vec::with_capacity(by_stem.len());
    for term in by_stem {
        let key = &stems[term as usize];
        if keys.last() != Some(key) {
            start.push(grouped.len() as u32);
            keys.push(key.clone());
        }
        grouped.push(term);
    }
    start.push(grouped.len() as u32);
    StemGroups {
        keys,
        start,
        terms: grouped,
    }
}

/// Inverse document frequency per word family: "arrested" is not rarer than "arrest" just
/// because fewer questions spell it that way. Without stems, per word.
#[inline(always)]
fn family_idf(
    docs: usize,
    post_start: &[u32],
    postings: &[Posting],
    stems: &StemGroups,
) -> Vec<f32> {
    let n = docs as f32;
    let idf_of = |df: u32| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
    let mut idf: Vec<f32> = post_start.windows(2).map(|w| idf_of(w[1] - w[0])).collect();
    let mut seen = vec![u32::MAX; docs];
    for group in 0..stems.keys.len() {
        let members = &stems.terms[stems.start[group] as usize..stems.start[group + 1] as usize];
        let mut df = 0;
        for &term in members {
            let t = term as usize;
            for p in &postings[post_start[t] as usize..post_start[t + 1] as usize] {
                if seen[p.doc as usize] != group as u32 {
                    seen[p.doc as usize] = group as u32;
                    df += 1;
                }
            }
        }
        for &term in members {
            idf[term as usize] = idf_of(df);
        }
    }
    idf
}
