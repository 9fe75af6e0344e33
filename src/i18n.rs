//! UI strings per language, with plurals and per-FAQ overrides (`ui` in faq.json).
//!
//! English is compiled in; Arabic, French and Spanish have language packs (`i18n/<lang>.json`,
//! `crate::language_pack`) that the caller passes in after the FAQ's own `ui` texts; any other
//! language starts from English and is completed by the FAQ's `ui` object. Placeholders are
//! `{count}`, `{query}` and the like.
//! A plural message has one key per CLDR category: `results.one`, `results.other`, and for
//! languages that have them `results.zero`, `results.two`, `results.few`, `results.many`.

/// Every message the widget shows, by key, in English: the texts of every other language come
/// from its language pack (`crate::language_pack`) and the FAQ's `ui`.
const MESSAGES: &[(&str, &str)] = &[
    ("loading", "Loading questions…"),
    ("error.title", "The FAQ could not be shown."),
    ("error.network", "The questions could not be loaded because the network is not reachable. Check your connection and try again."),
    ("error.timeout", "The questions could not be loaded: the server did not answer within {seconds} seconds. Check your connection and try again."),
    ("error.not_found", "The questions could not be loaded: the FAQ file was not found (HTTP {status})."),
    ("error.http", "The questions could not be loaded: the server answered with an error (HTTP {status})."),
    ("error.invalid", "The FAQ file has a problem at line {line}, column {column}: {message}"),
    ("retry", "Try again"),
    ("show_all", "Show all answers"),
    ("hide_all", "Hide all answers"),
    ("copy_link", "Copy link to this question"),
    ("link_copied", "Link copied"),
    ("copy_failed", "The link could not be copied; it is now in the address bar"),
    ("search.label", "Search the questions"),
    ("search.placeholder", "Type a word, e.g. job"),
    ("results.one", "{count} question matches “{query}”"),
    ("results.other", "{count} questions match “{query}”"),
    ("no_results", "No questions match “{query}”"),
    ("no_results.hint", "Try fewer or other words."),
    ("similar.one", "{count} similar question is shown"),
    ("similar.other", "{count} similar questions are shown"),
    ("all.one", "Showing {count} question"),
    ("all.other", "Showing all {count} questions"),
    ("more", "Show more questions ({count} more)"),
    ("closest.one", "This question comes close:"),
    ("closest.other", "These questions come close:"),
    ("contact_prompt", "Still need help?"),
    ("cookie.label", "Cookie notice"),
    ("cookie.accept", "Accept"),
    ("cookie.reject", "Reject"),
    ("cookie.settings", "Cookie settings"),
    ("cookie.accepted", "Cookies accepted."),
    ("cookie.rejected", "Cookies rejected."),
    ("cookie.accepted_visit", "Cookies accepted for this visit."),
    ("cookie.rejected_visit", "Cookies rejected for this visit."),
    ("cookie.current_accepted", "Your current choice: accepted."),
    ("cookie.current_rejected", "Your current choice: rejected."),
    ("offline.saved", "Offline: showing the copy saved on {date}"),
    ("offline.never", "You are offline and this FAQ has not been saved on this device yet. Connect to the internet and try again."),
    ("updated", "This FAQ was updated"),
    ("feedback.prompt", "Was this helpful?"),
    ("feedback.yes", "Yes"),
    ("feedback.no", "No"),
    ("feedback.thanks", "Thanks for your feedback."),
];

/// CLDR plural categories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Plural {
    fn suffix(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// The primary language subtag, lower-cased: "fr-CA" -> "fr".
fn primary(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The plural category of a whole number in a language (CLDR rules for integers).
pub fn plural(lang: &str, n: u32) -> Plural {
    match primary(lang).as_str() {
        // French: 0 and 1 are singular.
        "fr" | "pt" => {
            if n <= 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        "ar" => match (n, n % 100) {
            (0, _) => Plural::Zero,
            (1, _) => Plural::One,
            (2, _) => Plural::Two,
            (_, 3..=10) => Plural::Few,
            (_, 11..=99) => Plural::Many,
            _ => Plural::Other,
        },
        // Languages without plural forms.
        "ja" | "zh" | "ko" | "vi" | "th" | "id" | "ms" => Plural::Other,
        _ => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
    }
}

/// The languages that have a pack of interface texts (`i18n/<code>.json`).
pub const PACKS: [&str; 3] = ["ar", "es", "fr"];

/// The language pack `lang` takes its texts from (`fr` for `fr-CA`), if there is one.
pub fn pack_for(lang: &str) -> Option<&'static str> {
    let primary = primary(lang);
    PACKS.into_iter().find(|code| *code == primary)
}

/// `rtl` for scripts written right to left, else `ltr`.
pub fn direction(lang: &str) -> &'static str {
    match primary(lang).as_str() {
        "ar" | "he" | "iw" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb" => "rtl",
        _ => "ltr",
    }
}

/// The strings for one FAQ: its language, with its overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strings {
    lang: String,
    /// The FAQ's `ui` texts, then its language pack's: the first text of a key wins.
    overrides: Vec<(String, String)>,
}

impl Default for Strings {
    fn default() -> Self {
        Strings::new("en", Vec::new())
    }
}

impl Strings {
    pub fn new(lang: &str, overrides: Vec<(String, String)>) -> Self {
        Strings {
            lang: lang.to_owned(),
            overrides,
        }
    }

    /// Whether `lang` has texts of its own without a FAQ's `ui` (English, or a language pack):
    /// any other language is shown in English and must be labelled `en`.
    pub fn built_in(lang: &str) -> bool {
        primary(lang) == "en" || pack_for(lang).is_some()
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn direction(&self) -> &'static str {
        direction(&self.lang)
    }

    fn lookup(&self, key: &str) -> Option<&str> {
        if let Some((_, text)) = self.overrides.iter().find(|(k, _)| k == key) {
            return Some(text);
        }
        MESSAGES.iter().find(|(k, _)| *k == key).map(|(_, en)| *en)
    }

    /// The message for `key`; the key itself if nobody defined it (visible, so it gets fixed).
    pub fn get(&self, key: &str) -> String {
        self.lookup(key).unwrap_or(key).to_owned()
    }

    /// The message with `{name}` placeholders filled in.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(&self.get(key), args)
    }

    /// A plural message: `key.<category>` for `count`, falling back to `key.other`.
    pub fn count(&self, key: &str, count: u32, args: &[(&str, &str)]) -> String {
        let category = plural(&self.lang, count);
        let specific = [key, ".", category.suffix()].concat();
        let template = self
            .lookup(&specific)
            .or_else(|| self.lookup(&[key, ".other"].concat()))
            .unwrap_or(key);
        let count_text = count.to_string();
        let mut all: Vec<(&str, &str)> = vec![("count", &count_text)];
        all.extend_from_slice(args);
        fill(template, &all)
    }

    /// Whether `key` names an interface text: a listed key, or a plural category of a listed
    /// plural message (`results.zero` because `results.other` exists).
    pub fn knows(key: &str) -> bool {
        const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
        if Strings::keys().any(|k| k == key) {
            return true;
        }
        key.rsplit_once('.').is_some_and(|(base, category)| {
            CATEGORIES.contains(&category)
                && Strings::keys().any(|k| {
                    k.strip_prefix(base)
                        .and_then(|r| r.strip_prefix('.'))
                        .is_some_and(|c| CATEGORIES.contains(&c))
                })
        })
    }

    /// Every key the widget uses, for the checker and the schema.
    pub fn keys() -> impl Iterator<Item = &'static str> {
        MESSAGES.iter().map(|(key, _)| *key)
    }
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // split_once, not indexing: no slicing panic path (and its formatting code) in the wasm.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        if let Some((name, tail)) = after.split_once('}') {
            if let Some((_, value)) = args.iter().find(|(k, _)| *k == name) {
                out.push_str(value);
            } else {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
            rest = tail;
        } else {
            out.push('{');
            out.push_str(after);
            rest = "";
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_compiled_in_and_packs_named() {
        assert_eq!(
            Strings::new("en", vec![]).get("show_all"),
            "Show all answers"
        );
        assert_eq!(
            Strings::new("de", vec![]).get("show_all"),
            "Show all answers"
        );
        assert_eq!(pack_for("fr-CA"), Some("fr"));
        assert_eq!(pack_for("ES_mx"), Some("es"));
        assert_eq!(pack_for("en"), None);
        assert_eq!(pack_for("de"), None);
        assert!(Strings::built_in("ar") && Strings::built_in("en-GB"));
        assert!(!Strings::built_in("de") && !Strings::built_in(""));
    }

    #[test]
    fn every_message_has_a_text_and_a_unique_key() {
        for (i, (key, en)) in MESSAGES.iter().enumerate() {
            assert!(!en.is_empty(), "{key}");
            assert!(
                MESSAGES[..i].iter().all(|(k, _)| k != key),
                "duplicate {key}"
            );
        }
    }

    #[test]
    fn plurals() {
        let en = Strings::new("en", vec![]);
        assert_eq!(
            en.count("results", 1, &[("query", "job")]),
            "1 question matches “job”"
        );
        assert_eq!(
            en.count("results", 3, &[("query", "job")]),
            "3 questions match “job”"
        );
        assert_eq!(
            en.count("results", 0, &[("query", "x")]),
            "0 questions match “x”"
        );
        let fr = Strings::new(
            "fr",
            vec![
                ("results.one".into(), "{count} question".into()),
                ("results.other".into(), "{count} questions".into()),
            ],
        );
        assert_eq!(fr.count("results", 0, &[]), "0 question");
        assert_eq!(fr.count("results", 2, &[]), "2 questions");
    }

    #[test]
    fn arabic_plural_categories() {
        let cases = [
            (0, Plural::Zero),
            (1, Plural::One),
            (2, Plural::Two),
            (3, Plural::Few),
            (10, Plural::Few),
            (11, Plural::Many),
            (99, Plural::Many),
            (100, Plural::Other),
            (103, Plural::Few),
            (111, Plural::Many),
        ];
        for (n, category) in cases {
            assert_eq!(plural("ar", n), category, "{n}");
        }
    }

    #[test]
    fn overrides_win_and_fall_back_to_other() {
        let ar = Strings::new(
            "ar",
            vec![
                ("show_all".into(), "عرض كل الإجابات".into()),
                ("results.two".into(), "سؤالان يطابقان «{query}»".into()),
                (
                    "results.other".into(),
                    "{count} سؤال يطابق «{query}»".into(),
                ),
            ],
        );
        assert_eq!(ar.get("show_all"), "عرض كل الإجابات");
        assert_eq!(
            ar.count("results", 2, &[("query", "عمل")]),
            "سؤالان يطابقان «عمل»"
        );
        assert_eq!(
            ar.count("results", 5, &[("query", "عمل")]),
            "5 سؤال يطابق «عمل»"
        );
        assert_eq!(
            ar.get("hide_all"),
            "Hide all answers",
            "missing overrides fall back to English"
        );
        assert_eq!(ar.direction(), "rtl");
        assert_eq!(Strings::default().direction(), "ltr");
    }

    #[test]
    fn fill_leaves_unknown_placeholders_and_stray_braces() {
        assert_eq!(fill("a {x} {y} {", &[("x", "1")]), "a 1 {y} {");
        assert_eq!(Strings::default().get("nope"), "nope");
    }
}
