//! Light stemming for the languages that have it: English (plurals and -ed/-ing, so "notices",
//! "noticed" and "notice" meet) and Spanish (plurals and gender endings, so "detenciones" and
//! "detención", "buscada" and "buscado" meet). Words that are not plain a-z after folding are
//! left alone. Other languages match by exact word, prefix and typo only.

/// Which stemmer (and stop words) a FAQ's language gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stemmer {
    /// Not English or Spanish: no stemming, no stop words.
    None,
    /// English, or a FAQ that names no language.
    English,
    /// Spanish: stemming, no stop words (a Spanish stop word still has to match).
    Spanish,
}

impl Stemmer {
    /// The stemmer for a FAQ's `lang` (its first subtag: `es-MX` is Spanish).
    pub fn of(lang: Option<&str>) -> Self {
        let Some(lang) = lang else {
            return Stemmer::English;
        };
        let primary = lang.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Stemmer::English
        } else if primary.eq_ignore_ascii_case("es") {
            Stemmer::Spanish
        } else {
            Stemmer::None
        }
    }

    /// `word` (folded) stemmed; as it is without a stemmer.
    pub fn stem(self, word: &[char]) -> Vec<char> {
        match self {
            Stemmer::English => stem(word),
            Stemmer::Spanish => stem_spanish(word),
            Stemmer::None => word.to_vec(),
        }
    }

    /// Whether `word` is a stop word of this language (English only).
    pub fn is_stop_word(self, word: &[char]) -> bool {
        self == Stemmer::English && is_stop_word(word)
    }
}

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

/// Spanish, as Lucene's `SpanishLightStemmer` (J. Savoy): words of five letters or more lose a
/// final vowel (-o, -a, -e), a plural -os, -as, -es, and -ces becomes -z ("veces" ~ "vez");
/// "-eses" keeps its -es ("meses" ~ "mes"). The accents are already folded away.
pub fn stem_spanish(word: &[char]) -> Vec<char> {
    let mut w = word.to_vec();
    let n = w.len();
    if n < 5 || !w.iter().all(char::is_ascii_lowercase) {
        return w;
    }
    match w[n - 1] {
        'o' | 'a' | 'e' => {
            w.pop();
        }
        's' if ends(&w, "eses") => w.truncate(n - 2),
        's' if ends(&w, "ces") => {
            w.truncate(n - 3);
            w.push('z');
        }
        's' if matches!(w[n - 2], 'o' | 'a' | 'e') => w.truncate(n - 2),
        _ => {}
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

    fn es(word: &str) -> String {
        Stemmer::Spanish
            .stem(&word.chars().collect::<Vec<_>>())
            .into_iter()
            .collect()
    }

    #[test]
    fn spanish_plurals_and_genders_meet() {
        for (a, b) in [
            ("detenciones", "detencion"),
            ("personas", "persona"),
            ("buscada", "buscado"),
            ("agentes", "agente"),
            ("notificaciones", "notificacion"),
            ("veces", "vez"),
            ("meses", "mes"),
            ("policiales", "policial"),
            ("paises", "pais"),
        ] {
            assert_eq!(es(a), es(b), "{a} ~ {b}");
        }
        // Short words and words with other letters are left as they are.
        assert_eq!(es("casa"), "casa");
        assert_eq!(es("europól"), "europól");
        assert_ne!(es("orden"), es("ordenador"));
    }

    #[test]
    fn each_language_gets_its_stemmer() {
        assert_eq!(Stemmer::of(None), Stemmer::English);
        assert_eq!(Stemmer::of(Some("en-GB")), Stemmer::English);
        assert_eq!(Stemmer::of(Some("ES_mx")), Stemmer::Spanish);
        assert_eq!(Stemmer::of(Some("fr")), Stemmer::None);
        assert_eq!(Stemmer::of(Some("eng")), Stemmer::None);
        let w = |t: &str| t.chars().collect::<Vec<_>>();
        assert!(Stemmer::English.is_stop_word(&w("the")));
        assert!(!Stemmer::Spanish.is_stop_word(&w("the")));
        assert_eq!(Stemmer::None.stem(&w("notices")), w("notices"));
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
