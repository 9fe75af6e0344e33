//! Case and diacritics folding, and splitting text into words, with a compact table instead of
//! Unicode case tables: Latin-1, Latin Extended-A, Romanian comma letters, Greek and Cyrillic
//! capitals fold to lower-case letters without accents; combining marks are dropped, so
//! "Europól", "EUROPOL" and "europo\u{301}l" all fold to "europol"; Arabic is normalised (hamza
//! forms of alef, taa marbuta, alef maqsura, tashkeel and tatweel). Chinese and Japanese, written
//! without spaces, are cut into overlapping pairs of characters (bigrams, as Lucene's CJK
//! analyzer does): "東京都" is "東京" and "京都", so a query finds its characters anywhere in
//! a sentence.

/// What one character becomes in a folded word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Not part of a word (space, punctuation, symbols).
    Separator,
    /// An apostrophe: joins a word when a letter follows ("INTERPOL’s" -> "interpols").
    Apostrophe,
    /// A combining mark: part of the word, folds to nothing.
    Mark,
    One(char),
    Two(char, char),
    /// A Han ideograph or a kana: a word of its own, paired with the next one (bigrams).
    Gram(char),
}

// U+00C0..=U+00FF. '1' = "ae", '2' = "th", '3' = "ss", ' ' = a separator (× and ÷).
const LATIN1: &[u8; 64] = b"aaaaaa1ceeeeiiiidnooooo ouuuuy23aaaaaa1ceeeeiiiidnooooo ouuuuy2y";
// U+0100..=U+017F. '4' = "ij", '5' = "oe".
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii44jjkkkllllllllllnnnnnnnnnoooooo55rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

fn table(byte: u8) -> Fold {
    match byte {
        b' ' => Fold::Separator,
        b'1' => Fold::Two('a', 'e'),
        b'2' => Fold::Two('t', 'h'),
        b'3' => Fold::Two('s', 's'),
        b'4' => Fold::Two('i', 'j'),
        b'5' => Fold::Two('o', 'e'),
        letter => Fold::One(letter as char),
    }
}

pub fn fold(c: char) -> Fold {
    let code = c as u32;
    match code {
        0x30..=0x39 | 0x61..=0x7a => Fold::One(c),
        0x41..=0x5a => Fold::One(c.to_ascii_lowercase()),
        0x27 | 0x2bc | 0x2018 | 0x2019 => Fold::Apostrophe,
        0..=0xbf => Fold::Separator,
        0xc0..=0xff => table(LATIN1[(code - 0xc0) as usize]),
        0x100..=0x17f => table(LATIN_EXT_A[(code - 0x100) as usize]),
        0x218 | 0x219 => Fold::One('s'),
        0x21a | 0x21b => Fold::One('t'),
        0x300..=0x36f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe00..=0xfe0f => {
            Fold::Mark
        }
        // Arabic, as Lucene's ArabicNormalizer: alef with hamza or madda (and wasla) to alef,
        // taa marbuta to haa, alef maqsura to yaa; tashkeel, Quranic marks and tatweel fold to
        // nothing, so "الإنتربول" and "الانتربول" are one word. Arabic-Indic digits to ASCII.
        0x622 | 0x623 | 0x625 | 0x671 => Fold::One('ا'),
        0x629 => Fold::One('ه'),
        0x649 => Fold::One('ي'),
        0x610..=0x61a | 0x640 | 0x64b..=0x65f | 0x670 | 0x6d6..=0x6ed => Fold::Mark,
        0x660..=0x669 | 0x6f0..=0x6f9 => Fold::One(char::from(b'0' + (code & 15) as u8)),
        0x600..=0x60f | 0x61b..=0x61f | 0x66a..=0x66d | 0x6d4 => Fold::Separator,
        // Greek: capitals and tonos forms to plain small letters; final sigma to sigma.
        0x386 | 0x3ac => Fold::One('α'),
        0x388 | 0x3ad => Fold::One('ε'),
        0x389 | 0x3ae => Fold::One('η'),
        0x38a | 0x3af => Fold::One('ι'),
        0x38c | 0x3cc => Fold::One('ο'),
        0x38e | 0x3cd => Fold::One('υ'),
        0x38f | 0x3ce => Fold::One('ω'),
        0x3c2 => Fold::One('σ'),
        0x391..=0x3a9 => shifted(code + 0x20),
        // Cyrillic: capitals to small letters; ё to е.
        0x401 | 0x451 => Fold::One('е'),
        0x400..=0x40f => shifted(code + 0x50),
        0x410..=0x42f => shifted(code + 0x20),
        // Punctuation, symbols, CJK punctuation, full-width punctuation, emoji.
        0x2000..=0x2bff
        | 0x2e00..=0x2e7f
        | 0x3000..=0x303f
        | 0xfe10..=0xfe6f
        | 0xff01..=0xff0f
        | 0xff1a..=0xff20
        | 0xff3b..=0xff40
        | 0xff5b..=0xff65
        | 0x1f000..=0x1faff => Fold::Separator,
        // Han ideographs (and their extensions and compatibility forms), hiragana, katakana,
        // half-width katakana: text without spaces between words.
        0x3040..=0x30ff
        | 0x3400..=0x4dbf
        | 0x4e00..=0x9fff
        | 0xf900..=0xfaff
        | 0xff66..=0xff9f
        | 0x20000..=0x3134f => Fold::Gram(c),
        _ => Fold::One(c),
    }
}

fn shifted(code: u32) -> Fold {
    char::from_u32(code).map_or(Fold::Separator, Fold::One)
}

/// Words longer than this are cut: nobody types them, and it bounds the typo search.
pub const MAX_WORD: usize = 40;

/// Calls `f(start, end, word)` for each word of `text`: `start..end` is its byte range in `text`,
/// `word` its folded characters. A run of Han or kana gives each pair of neighbours, overlapping
/// (a run of one: that character).
pub fn for_each_word(text: &str, f: &mut dyn FnMut(usize, usize, &[char])) {
    let mut word: Vec<char> = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    // The character before was a Han or kana that began a pair.
    let mut paired = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next_end = at + c.len_utf8();
        let fold_c = fold(c);
        if let Fold::Gram(a) = fold_c {
            if let Some(s) = start.take() {
                f(s, end, &word);
                word.clear();
            }
            match chars
                .peek()
                .map(|&(n_at, n)| (n_at + n.len_utf8(), fold(n)))
            {
                Some((pair_end, Fold::Gram(b))) => f(at, pair_end, &[a, b]),
                _ if !paired => f(at, next_end, &[a]),
                _ => {}
            }
            paired = true;
            continue;
        }
        paired = false;
        match fold_c {
            Fold::One(a) => {
                start.get_or_insert(at);
                if word.len() < MAX_WORD {
                    word.push(a);
                }
                end = next_end;
            }
            Fold::Two(a, b) => {
                start.get_or_insert(at);
                if word.len() + 1 < MAX_WORD {
                    word.push(a);
                    word.push(b);
                }
                end = next_end;
            }
            Fold::Mark if start.is_some() => end = next_end,
            Fold::Apostrophe
                if start.is_some()
                    && chars
                        .peek()
                        .is_some_and(|&(_, n)| matches!(fold(n), Fold::One(_) | Fold::Two(..))) => {
            }
            _ => {
                if let Some(s) = start.take() {
                    f(s, end, &word);
                    word.clear();
                }
            }
        }
    }
    if let Some(s) = start {
        f(s, end, &word);
    }
}

/// The folded words of `text`.
pub fn words(text: &str) -> Vec<Vec<char>> {
    let mut out = Vec::new();
    for_each_word(text, &mut |_, _, word| out.push(word.to_vec()));
    out
}

/// How many folded characters `c` contributes to a word.
pub fn folded_len(c: char) -> usize {
    match fold(c) {
        Fold::One(_) | Fold::Gram(_) => 1,
        Fold::Two(..) => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .map(|w| w.into_iter().collect())
            .collect()
    }

    #[test]
    fn han_and_kana_are_cut_into_overlapping_pairs() {
        assert_eq!(folded("東京都"), ["東京", "京都"]);
        assert_eq!(folded("INTERPOL本部"), ["interpol", "本部"]);
        assert_eq!(
            folded("日 本"),
            ["日", "本"],
            "a run of one is that character"
        );
        assert_eq!(folded("カタカナ。ひら"), ["カタ", "タカ", "カナ", "ひら"]);
        let mut ranges = Vec::new();
        for_each_word("a東京都", &mut |start, end, _| ranges.push(start..end));
        assert_eq!(ranges, [0..1, 1..7, 4..10]);
    }

    #[test]
    fn tables_have_one_entry_per_code_point() {
        assert_eq!(LATIN1.len(), 64);
        assert_eq!(LATIN_EXT_A.len(), 128);
        assert_eq!(fold('Ł'), Fold::One('l'));
        assert_eq!(fold('ő'), Fold::One('o'));
        assert_eq!(fold('Ž'), Fold::One('z'));
        assert_eq!(fold('ſ'), Fold::One('s'));
        assert_eq!(fold('Ĳ'), Fold::Two('i', 'j'));
        assert_eq!(fold('œ'), Fold::Two('o', 'e'));
        assert_eq!(fold('ı'), Fold::One('i'));
        assert_eq!(fold('ÿ'), Fold::One('y'));
        assert_eq!(fold('×'), Fold::Separator);
    }

    #[test]
    fn case_and_diacritics_fold_away() {
        assert_eq!(folded("Europól EUROPOL"), ["europol", "europol"]);
        assert_eq!(folded("europo\u{301}l"), ["europol"]);
        assert_eq!(folded("Straße Ærø Œuvre"), ["strasse", "aero", "oeuvre"]);
        assert_eq!(folded("Ştiinţă Știință"), ["stiinta", "stiinta"]);
        assert_eq!(folded("ΈΛΛΑΔΑ Ёлка МОСКВА"), ["ελλαδα", "елка", "москва"]);
    }

    #[test]
    fn arabic_is_normalised() {
        assert_eq!(folded("الإنتربول أمر آخر"), ["الانتربول", "امر", "اخر"]);
        assert_eq!(folded("الشرطة على"), ["الشرطه", "علي"]);
        assert_eq!(folded("الإنتـــربولُ بريدٌ"), ["الانتربول", "بريد"]);
        assert_eq!(folded("١٩٤ بلدًا، ۲۰۰۱؟"), ["194", "بلدا", "2001"]);
    }

    #[test]
    fn words_split_on_punctuation_and_keep_inner_apostrophes() {
        assert_eq!(
            folded("INTERPOL’s 194 member-countries, (NCB)!"),
            ["interpols", "194", "member", "countries", "ncb"]
        );
        assert_eq!(folded("'quoted' — “text”"), ["quoted", "text"]);
        assert_eq!(folded(""), Vec::<String>::new());
    }

    #[test]
    fn byte_ranges_point_into_the_original_text() {
        let text = "Le Café, déjà";
        let mut ranges = Vec::new();
        for_each_word(text, &mut |s, e, _| ranges.push(&text[s..e]));
        assert_eq!(ranges, ["Le", "Café", "déjà"]);
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(100);
        assert_eq!(words(&long)[0].len(), MAX_WORD);
    }
}
