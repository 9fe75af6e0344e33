//! Typo-tolerant lookup in a sorted vocabulary: bounded Damerau-Levenshtein (optimal string
//! alignment) computed one row per term character, reusing the rows of the shared prefix with the
//! previous term and skipping every term under a prefix that is already too far, so the sorted
//! array is walked like a trie.

/// A vocabulary term within reach of the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Near {
    pub term: usize,
    /// Edits between the query and the whole term (`u8::MAX` when more than the bound).
    pub full: u8,
    /// Edits between the query and the closest prefix of the term.
    pub prefix: u8,
    /// Length of that closest prefix, in characters.
    pub prefix_len: usize,
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Calls `found` for each term of the sorted `terms` within `max` edits of `query` (as a whole
/// word, or also as a prefix when `prefix`).
pub fn walk(
    terms: &[Box<[char]>],
    query: &[char],
    max: u8,
    prefix: bool,
    mut found: impl FnMut(Near),
) {
    let m = query.len();
    let width = m + 1;
    // rows[j * width + i]: edits between term[..j] and query[..i].
    let mut rows: Vec<u8> = (0..width).map(|i| i.min(255) as u8).collect();
    // best[j]: the smallest rows[j'][m] for j' <= j, and where (prefix distance so far).
    let mut best: Vec<(u8, usize)> = vec![(rows[m], 0)];
    let mut valid = 0; // rows 0..=valid hold the previous term's prefix
    let mut previous: &[char] = &[];
    let mut index = 0;
    'terms: while index < terms.len() {
        let term = &terms[index];
        let start = common_prefix(previous, term).min(valid);
        previous = term;
        for j in start + 1..=term.len() {
            rows.resize((j + 1) * width, 0);
            best.resize(j + 1, (u8::MAX, 0));
            let c = term[j - 1];
            let (before, row) = rows.split_at_mut(j * width);
            let up = &before[(j - 1) * width..];
            row[0] = j.min(255) as u8;
            let mut row_min = row[0];
            for i in 1..=m {
                let cost = u8::from(query[i - 1] != c);
                let mut d = up[i - 1]
                    .saturating_add(cost)
                    .min(up[i].saturating_add(1))
                    .min(row[i - 1].saturating_add(1));
                if i > 1 && j > 1 && query[i - 1] == term[j - 2] && query[i - 2] == c {
                    d = d.min(before[(j - 2) * width + i - 2].saturating_add(1));
                }
                row[i] = d;
                row_min = row_min.min(d);
            }
            best[j] = if row[m] < best[j - 1].0 {
                (row[m], j)
            } else {
                best[j - 1]
            };
            if row_min > max {
                // No term under term[..j] can come closer: skip them all, reporting them as
                // prefix matches when an earlier prefix was close enough.
                let stem = &term[..j];
                let end = index + terms[index..].partition_point(|t| t.starts_with(stem));
                let (edits, at) = best[j - 1];
                if prefix && edits <= max {
                    for term in index..end {
                        found(Near {
                            term,
                            full: u8::MAX,
                            prefix: edits,
                            prefix_len: at,
                        });
                    }
                }
                valid = j - 1;
                index = end;
                continue 'terms;
            }
        }
        valid = term.len();
        let full = rows[term.len() * width + m];
        let (edits, at) = best[term.len()];
        if full <= max || (prefix && edits <= max) {
            found(Near {
                term: index,
                full: if full <= max { full } else { u8::MAX },
                prefix: edits,
                prefix_len: at,
            });
        }
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vec<Box<[char]>> {
        let mut v: Vec<Box<[char]>> = words.iter().map(|w| w.chars().collect()).collect();
        v.sort();
        v
    }

    fn near(words: &[&str], query: &str, max: u8, prefix: bool) -> Vec<(String, u8, u8)> {
        let terms = vocabulary(words);
        let query: Vec<char> = query.chars().collect();
        let mut out = Vec::new();
        walk(&terms, &query, max, prefix, |n| {
            out.push((terms[n.term].iter().collect(), n.full, n.prefix))
        });
        out
    }

    /// Plain optimal-string-alignment distance, to check the walk against.
    fn osa(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn one_and_two_edits() {
        let words = [
            "career",
            "careers",
            "carrier",
            "cat",
            "europol",
            "statistics",
        ];
        assert_eq!(
            near(&words, "carreer", 1, false),
            [("career".into(), 1, 1), ("carrier".into(), 1, 1)]
        );
        assert_eq!(
            near(&words, "statistcs", 1, false),
            [("statistics".into(), 1, 1)]
        );
        // A transposition is one edit.
        assert_eq!(near(&words, "eruopol", 1, false).len(), 1);
        assert_eq!(near(&words, "eruopol", 0, false).len(), 0);
    }

    #[test]
    fn prefixes_with_and_without_typos() {
        let words = ["notice", "notices", "noted", "nothing", "police"];
        let found = near(&words, "notc", 1, true);
        let names: Vec<_> = found.iter().map(|f| f.0.as_str()).collect();
        assert!(names.contains(&"notice") && names.contains(&"notices"));
        assert!(!names.contains(&"police"));
        let exact: Vec<_> = near(&words, "noti", 0, true)
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(exact, ["notice", "notices"]);
    }

    #[test]
    fn agrees_with_the_plain_algorithm() {
        let words = [
            "arrest",
            "arrests",
            "arrested",
            "rest",
            "test",
            "tests",
            "interpol",
            "internal",
            "international",
            "internet",
            "intern",
            "in",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "bca",
        ];
        let terms = vocabulary(&words);
        for query in [
            "arest", "intrenet", "ab", "ba", "abc", "interpl", "tset", "x",
        ] {
            let q: Vec<char> = query.chars().collect();
            for max in 0..=2u8 {
                let mut got = Vec::new();
                walk(&terms, &q, max, false, |n| got.push((n.term, n.full)));
                let want: Vec<_> = terms
                    .iter()
                    .enumerate()
                    .filter_map(|(i, t)| {
                        let d = osa(&q, t);
                        (d <= max as usize).then_some((i, d as u8))
                    })
                    .collect();
                assert_eq!(got, want, "{query} max {max}");
            }
        }
    }
}
