//! English only, and light: plurals and -ed/-ing, so "notices", "noticed" and "notice" meet.
//! Words that are not plain a-z are left alone.

fn ends(word: &[char], suffix: &str) -> bool {
    let n = suffix.len();
    word.len() > n && word[word.len() - n..].iter().copied().eq(suffix.chars())
}

fn undouble(word: &mut Vec<char>) {
    let n = word.len();
    if n >= 2 && word[n - 1] == word[n - 2] && !matches!(word[n - 1], 'l' | 's' | 'z') {
        word.pop();
    }
}

pub fn stem(word: &[char]) -> Vec<char> {
    let mut w = word.to_vec();
    if w.len() < 4 || !w.iter().all(char::is_ascii_lowercase) {
        return w;
    }
    if ends(&w, "ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if ends(&w, "sses") {
        w.truncate(w.len() - 2);
    } else if ends(&w, "s") && !ends(&w, "ss") && !ends(&w, "us") && !ends(&w, "is") {
        w.pop();
    }
    if ends(&w, "ied") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if ends(&w, "ing") && w.len() >= 6 {
        w.truncate(w.len() - 3);
        undouble(&mut w);
    } else if ends(&w, "ed") && w.len() >= 5 {
        w.truncate(w.len() - 2);
        undouble(&mut w);
    }
    if w.len() >= 4 {
        match w.last() {
            Some('e') => {
                w.pop();
            }
            Some('y') => {
                w.pop();
                w.push('i');
            }
            _ => {}
        }
    }
    w
}

const STOP_WORDS: [&str; 61] = [
    "a", "about", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how",
    "i", "if", "im", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "she",
    "should", "so", "that", "the", "their", "them", "there", "they", "this", "to", "was", "we",
    "what", "when", "where", "which", "who", "why", "you",
];

/// Common English words: they count little in ranking and are not required to match.
pub fn is_stop_word(word: &[char]) -> bool {
    STOP_WORDS
        .binary_search_by(|probe| probe.chars().cmp(word.iter().copied()))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(word: &str) -> String {
        stem(&word.chars().collect::<Vec<_>>())
            .into_iter()
            .collect()
    }

    #[test]
    fn plural_and_singular_meet() {
        for (a, b) in [
            ("notices", "notice"),
            ("noticed", "notice"),
            ("countries", "country"),
            ("vacancies", "vacancy"),
            ("arrests", "arrested"),
            ("scams", "scammed"),
            ("internships", "internship"),
            ("issued", "issue"),
            ("funding", "funded"),
            ("witnessed", "witness"),
            ("joining", "join"),
            ("applied", "apply"),
        ] {
            assert_eq!(s(a), s(b), "{a} ~ {b}");
        }
    }

    #[test]
    fn short_and_special_words_are_left_alone() {
        assert_eq!(s("is"), "is");
        assert_eq!(s("this"), "this");
        assert_eq!(s("status"), "status");
        assert_eq!(s("business"), "business");
        assert_eq!(s("europól"), "europól");
        assert_ne!(s("notes"), s("notices"));
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        let w = |t: &str| t.chars().collect::<Vec<_>>();
        assert!(is_stop_word(&w("how")));
        assert!(is_stop_word(&w("the")));
        assert!(!is_stop_word(&w("notice")));
    }
}
