//! Language packs: the interface texts of one language (`i18n/<code>.json`, an object of texts by
//! key, like a FAQ's `ui`), for the languages in [`crate::i18n::PACKS`].
//!
//! Only English is compiled into the one-script-tag wasm: a pack is some 700 bytes per language,
//! and most FAQs need none. embed.js fetches the one a FAQ needs, checked by its Subresource
//! Integrity digest, and hands it over as [`pairs`] (`Host::pack`); its texts follow the FAQ's own
//! `ui` (`hooks::use_faq`). A Yew app (or the native tools: `render`, the studio) has every pack
//! compiled in: [`compiled_in`].

/// The texts of a pack's JSON: each key with a text value, in file order. Anything else (not an
/// object, a value that is not text) gives nothing for it: the widget falls back to English.
#[cfg(any(test, not(feature = "embed")))]
pub fn parse(json: &str) -> Vec<(String, String)> {
    serde_json::from_str::<crate::faq::contract::UiTexts>(json)
        .map(|texts| {
            texts
                .0
                .into_iter()
                .filter_map(|(key, value)| Some((key, value.text()?.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

/// The texts embed.js hands over: keys and texts joined by NUL (`key\0text\0key\0text`), which
/// it makes from the pack's JSON with `JSON.parse`. Measured: reading the JSON with serde here
/// (a top-level `UiTexts`), with the wait for it in a hook of its own, cost the wasm 1,360 B
/// brotli; this and the wait inside the FAQ's own load, a fraction of that (BENCHMARKS.md).
pub fn pairs(joined: &str) -> Vec<(String, String)> {
    let mut parts = joined.split('\0');
    let mut texts = Vec::new();
    while let (Some(key), Some(text)) = (parts.next(), parts.next()) {
        texts.push((key.to_owned(), text.to_owned()));
    }
    texts
}

/// The JSON of the pack `code` names (one of [`crate::i18n::PACKS`]), as the build ships it.
#[cfg(any(test, not(feature = "embed")))]
pub fn source(code: &str) -> Option<&'static str> {
    match code {
        "ar" => Some(include_str!("../i18n/ar.json")),
        "es" => Some(include_str!("../i18n/es.json")),
        "fr" => Some(include_str!("../i18n/fr.json")),
        _ => None,
    }
}

/// The texts of `lang`'s pack, compiled in (`fr` for `fr-CA`); empty for English and for a
/// language without a pack. Not in the `embed` build, which fetches them.
#[cfg(not(feature = "embed"))]
pub fn compiled_in(lang: &str) -> Vec<(String, String)> {
    crate::i18n::pack_for(lang)
        .and_then(source)
        .map(parse)
        .unwrap_or_default()
}

/// `faq` with the texts of its language's pack after its own `ui` (a FAQ that a Yew app gives
/// the widget as it is, or that `render` pre-renders).
#[cfg(not(feature = "embed"))]
pub fn with_compiled_in(faq: &crate::faq::Faq) -> crate::faq::Faq {
    let mut faq = faq.clone();
    faq.ui
        .extend(compiled_in(faq.lang.as_deref().unwrap_or("en")));
    faq
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Strings, PACKS};

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    /// English, with its plural messages' base keys: `results` for `results.one`.
    /// Texts that only embed.js reads from a pack (the language switch's label; its English
    /// is in embed.js): the wasm ignores them.
    const LOADER_TEXTS: &[&str] = &["language"];

    #[test]
    fn every_pack_names_the_language_switch() {
        for code in PACKS {
            let texts = parse(source(code).unwrap());
            for key in LOADER_TEXTS {
                assert!(
                    texts
                        .iter()
                        .any(|(k, text)| k == key && !text.trim().is_empty()),
                    "{code}: no text for {key}"
                );
            }
        }
    }

    fn english() -> Strings {
        Strings::new("en", Vec::new())
    }

    #[test]
    fn every_pack_has_every_text_with_its_placeholders() {
        for code in PACKS {
            let texts = parse(source(code).unwrap());
            assert!(!texts.is_empty(), "{code}: the pack does not parse");
            let has = |key: &str| texts.iter().any(|(k, _)| k == key);
            for key in Strings::keys() {
                // A plural message may give other categories than English's (Arabic has six),
                // but always `other`.
                let base = key.strip_suffix(".one").or(key.strip_suffix(".other"));
                let given = match base {
                    Some(base) => has(&[base, ".other"].concat()),
                    None => has(key),
                };
                assert!(given, "{code}: no text for {key}");
            }
            for (i, (key, text)) in texts.iter().enumerate() {
                assert!(
                    Strings::knows(key) || LOADER_TEXTS.contains(&key.as_str()),
                    "{code}: {key} is not a key of the widget"
                );
                assert!(!text.trim().is_empty(), "{code}: {key} is empty");
                assert!(
                    texts[..i].iter().all(|(k, _)| k != key),
                    "{code}: {key} twice"
                );
                let base = key.rsplit_once('.').map_or(key.as_str(), |(base, _)| base);
                let reference = english().get(key);
                let reference = if Strings::keys().any(|k| k == key) {
                    reference
                } else {
                    english().get(&[base, ".other"].concat())
                };
                // A plural text may spell its number out ("سؤالان", two questions): `{count}`
                // may go, no other placeholder may.
                let mut expected = placeholders(&reference);
                let mut got = placeholders(text);
                expected.retain(|name| *name != "count");
                got.retain(|name| *name != "count");
                assert_eq!(got, expected, "{code}: placeholders of {key}");
            }
        }
    }

    #[cfg(not(feature = "embed"))]
    #[test]
    fn packs_complete_english_and_the_faq_wins() {
        let fr = Strings::new("fr-CA", compiled_in("fr-CA"));
        assert_eq!(fr.get("show_all"), "Afficher toutes les réponses");
        let es = Strings::new("es", compiled_in("es"));
        assert_eq!(es.get("cookie.accept"), "Aceptar");
        assert_eq!(
            es.count("results", 2, &[("query", "visa")]),
            "2 preguntas coinciden con «visa»"
        );
        let ar = Strings::new("ar", compiled_in("ar"));
        assert_eq!(
            ar.count("results", 2, &[("query", "عمل")]),
            "سؤالان يطابقان «عمل»"
        );
        assert_eq!(
            ar.count("results", 11, &[("query", "عمل")]),
            "11 سؤالًا يطابق «عمل»"
        );
        let own = [("show_all".to_owned(), "Tout voir".to_owned())];
        let fr = Strings::new("fr", [own.to_vec(), compiled_in("fr")].concat());
        assert_eq!(fr.get("show_all"), "Tout voir", "the FAQ's ui comes first");
        assert!(compiled_in("de").is_empty() && compiled_in("en").is_empty());
    }

    #[test]
    fn pairs_read_what_embed_js_joins() {
        assert_eq!(
            pairs("retry\0Réessayer\0show_all\0Tout afficher"),
            vec![
                ("retry".to_owned(), "Réessayer".to_owned()),
                ("show_all".to_owned(), "Tout afficher".to_owned())
            ]
        );
        assert!(pairs("").is_empty(), "a pack that did not load");
        assert_eq!(pairs("retry\0Again\0odd").len(), 1, "a key without text");
    }

    #[test]
    fn the_packs_are_the_files_in_i18n() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/i18n");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        files.sort();
        let expected: Vec<String> = PACKS.iter().map(|code| format!("{code}.json")).collect();
        assert_eq!(
            files, expected,
            "i18n::PACKS names every pack, and only those"
        );
    }

    #[test]
    fn a_broken_pack_gives_nothing_and_non_text_values_are_left_out() {
        assert!(parse("").is_empty());
        assert!(parse("[1, 2]").is_empty());
        assert!(parse(r#"{"retry": "Again""#).is_empty());
        assert_eq!(
            parse(r#"{"retry": 3, "show_all": "All"}"#),
            vec![("show_all".to_owned(), "All".to_owned())]
        );
    }
}
