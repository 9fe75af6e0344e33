//! UI strings per language, with plurals and per-FAQ overrides (`ui` in faq.json).
//!
//! English and French are built in; any other language starts from English and is completed by
//! the FAQ's `ui` object (the Arabic example does this). Placeholders are `{count}` and `{query}`.
//! A plural message has one key per CLDR category: `results.one`, `results.other`, and for
//! languages that have them `results.zero`, `results.two`, `results.few`, `results.many`.

/// Every message the widget shows, by key: (key, English, French).
const MESSAGES: &[(&str, &str, &str)] = &[
    ("loading", "Loading questions…", "Chargement des questions…"),
    ("error.title", "The FAQ could not be shown.", "La FAQ n’a pas pu être affichée."),
    ("error.network", "The questions could not be loaded because the network is not reachable. Check your connection and try again.", "Les questions n’ont pas pu être chargées car le réseau est inaccessible. Vérifiez votre connexion et réessayez."),
    ("error.timeout", "The questions could not be loaded: the server did not answer within {seconds} seconds. Check your connection and try again.", "Les questions n’ont pas pu être chargées : le serveur n’a pas répondu en {seconds} secondes. Vérifiez votre connexion et réessayez."),
    ("error.not_found", "The questions could not be loaded: the FAQ file was not found (HTTP {status}).", "Les questions n’ont pas pu être chargées : le fichier de la FAQ est introuvable (HTTP {status})."),
    ("error.http", "The questions could not be loaded: the server answered with an error (HTTP {status}).", "Les questions n’ont pas pu être chargées : le serveur a répondu par une erreur (HTTP {status})."),
    ("error.invalid", "The FAQ file has a problem at line {line}, column {column}: {message}", "Le fichier de la FAQ a un problème ligne {line}, colonne {column} : {message}"),
    ("retry", "Try again", "Réessayer"),
    ("show_all", "Show all answers", "Afficher toutes les réponses"),
    ("hide_all", "Hide all answers", "Masquer toutes les réponses"),
    ("copy_link", "Copy link to this question", "Copier le lien vers cette question"),
    ("link_copied", "Link copied", "Lien copié"),
    ("copy_failed", "The link could not be copied; it is now in the address bar", "Le lien n’a pas pu être copié ; il est maintenant dans la barre d’adresse"),
    ("search.label", "Search the questions", "Rechercher dans les questions"),
    ("search.placeholder", "Type a word, e.g. job", "Tapez un mot, par ex. emploi"),
    ("results.one", "{count} question matches “{query}”", "{count} question correspond à « {query} »"),
    ("results.other", "{count} questions match “{query}”", "{count} questions correspondent à « {query} »"),
    ("no_results", "No questions match “{query}”", "Aucune question ne correspond à « {query} »"),
    ("no_results.hint", "Try fewer or other words.", "Essayez avec moins de mots ou d’autres mots."),
    ("similar.one", "{count} similar question is shown", "{count} question proche est affichée"),
    ("similar.other", "{count} similar questions are shown", "{count} questions proches sont affichées"),
    ("all.one", "Showing {count} question", "{count} question affichée"),
    ("all.other", "Showing all {count} questions", "Les {count} questions sont affichées"),
    ("more", "Show more questions ({count} more)", "Afficher plus de questions ({count} de plus)"),
    ("closest.one", "This question comes close:", "Cette question s’en approche :"),
    ("closest.other", "These questions come close:", "Ces questions s’en approchent :"),
    ("contact_prompt", "Still need help?", "Besoin d’aide ?"),
    ("cookie.label", "Cookie notice", "Avis sur les cookies"),
    ("cookie.accept", "Accept", "Accepter"),
    ("cookie.reject", "Reject", "Refuser"),
    ("cookie.settings", "Cookie settings", "Paramètres des cookies"),
    ("cookie.accepted", "Cookies accepted.", "Cookies acceptés."),
    ("cookie.rejected", "Cookies rejected.", "Cookies refusés."),
    ("cookie.accepted_visit", "Cookies accepted for this visit.", "Cookies acceptés pour cette visite."),
    ("cookie.rejected_visit", "Cookies rejected for this visit.", "Cookies refusés pour cette visite."),
    ("cookie.current_accepted", "Your current choice: accepted.", "Votre choix actuel : accepté."),
    ("cookie.current_rejected", "Your current choice: rejected.", "Votre choix actuel : refusé."),
    ("offline.saved", "Offline: showing the copy saved on {date}", "Hors ligne : copie enregistrée le {date}"),
    ("offline.never", "You are offline and this FAQ has not been saved on this device yet. Connect to the internet and try again.", "Vous êtes hors ligne et cette FAQ n’a pas encore été enregistrée sur cet appareil. Connectez-vous à internet et réessayez."),
    ("updated", "This FAQ was updated", "Cette FAQ a été mise à jour"),
    ("feedback.prompt", "Was this helpful?", "Cette réponse vous a-t-elle aidé ?"),
    ("feedback.yes", "Yes", "Oui"),
    ("feedback.no", "No", "Non"),
    ("feedback.thanks", "Thanks for your feedback.", "Merci pour votre avis."),
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
    french: bool,
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
            french: primary(lang) == "fr",
            lang: lang.to_owned(),
            overrides,
        }
    }

    /// Whether `lang` has built-in texts (English, French): without a FAQ's `ui`, any other
    /// language is shown in English and must be labelled `en`.
    pub fn built_in(lang: &str) -> bool {
        matches!(primary(lang).as_str(), "en" | "fr")
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
        MESSAGES
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, en, fr)| if self.french { *fr } else { *en })
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
        if Strings::keys().any(|k| k == key) {
            return true;
        }
        const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
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
        MESSAGES.iter().map(|(key, _, _)| *key)
    }
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // split_once, not indexing: no slicing panic path (and its formatting code) in the wasm.
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match after.split_once('}') {
            Some((name, tail)) => {
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = tail;
            }
            None => {
                out.push('{');
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_built_in() {
        assert_eq!(
            Strings::new("en", vec![]).get("show_all"),
            "Show all answers"
        );
        assert_eq!(
            Strings::new("fr-CA", vec![]).get("show_all"),
            "Afficher toutes les réponses"
        );
        assert_eq!(
            Strings::new("de", vec![]).get("show_all"),
            "Show all answers"
        );
    }

    #[test]
    fn every_message_has_both_languages_and_unique_keys() {
        for (i, (key, en, fr)) in MESSAGES.iter().enumerate() {
            assert!(!en.is_empty() && !fr.is_empty(), "{key}");
            assert!(
                MESSAGES[..i].iter().all(|(k, _, _)| k != key),
                "duplicate {key}"
            );
            let placeholders = |s: &str| s.matches('{').count();
            assert_eq!(
                placeholders(en),
                placeholders(fr),
                "placeholders differ in {key}"
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
        let fr = Strings::new("fr", vec![]);
        assert_eq!(
            fr.count("results", 0, &[("query", "x")]),
            "0 question correspond à « x »"
        );
        assert_eq!(
            fr.count("results", 2, &[("query", "x")]),
            "2 questions correspondent à « x »"
        );
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
