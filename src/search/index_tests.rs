//! Tests of `index.rs` (its own file: the module's code and its tests each stay short).

#![allow(clippy::single_range_in_vec_init)]

use super::*;
use crate::faq::load;

fn index(json: &str) -> (Vec<Question>, SearchIndex) {
    let faq = load(json).faq.expect("valid test FAQ");
    let index = SearchIndex::new(&faq.questions, faq.lang.as_deref());
    (faq.questions, index)
}

fn ids(questions: &[Question], hits: &[usize]) -> Vec<String> {
    hits.iter().map(|&i| questions[i].id.clone()).collect()
}

const SMALL: &str = r#"{"title": "T", "questions": [
        {"id": "notices", "question": "What are notices?", "answer": "Alerts sent to member countries."},
        {"id": "europol", "question": "Is INTERPOL the same as Europol?", "answer": "No."},
        {"id": "join", "question": "How do I join?", "answer": "Apply to your national police.", "keywords": ["career", "jobs"]},
        {"id": "red", "question": "Can I see red notices by country?", "answer": "Only the public ones, via the map.", "links": [{"text": "Wanted persons", "href": "https://example.org"}], "category": "Notices"}
    ]}"#;

#[test]
fn empty_query_lists_every_question_in_order() {
    let (_, index) = index(SMALL);
    for query in ["", "   ", "?!"] {
        let outcome = index.search(query);
        assert_eq!(outcome.hits, [0, 1, 2, 3]);
        assert!(!outcome.active);
    }
}

#[test]
fn folding_typos_prefixes_and_plurals() {
    let (questions, index) = index(SMALL);
    let top = |q: &str| ids(&questions, &index.search(q).hits).first().cloned();
    assert_eq!(top("europól").as_deref(), Some("europol"));
    assert_eq!(top("EUROPOL").as_deref(), Some("europol"));
    assert_eq!(top("eurpol").as_deref(), Some("europol"), "one typo");
    assert_eq!(top("euro").as_deref(), Some("europol"), "prefix");
    assert_eq!(top("carreer").as_deref(), Some("join"), "typo in a keyword");
    assert_eq!(
        top("notice").as_deref(),
        Some("notices"),
        "singular finds plural"
    );
    // Short words get no typo: "jib" is not "job".
    assert!(index.search("jib ").hits.is_empty());
    // Prefix only on the word being typed.
    assert_eq!(top("jo").as_deref(), Some("join"));
    assert!(index.search("jo ").hits.is_empty());
}

#[test]
fn question_words_outrank_answer_words_and_phrases_win() {
    let (questions, index) = index(SMALL);
    let hits = ids(&questions, &index.search("red notices").hits);
    assert_eq!(hits[0], "red");
    // "notices" in a question beats "wanted" only in link text.
    let hits = ids(&questions, &index.search("wanted").hits);
    assert_eq!(hits, ["red"]);
    let hits = ids(&questions, &index.search("member").hits);
    assert_eq!(hits, ["notices"], "answer-only match");
}

#[test]
fn words_that_match_nothing_are_not_required() {
    let (questions, index) = index(SMALL);
    let hits = ids(&questions, &index.search("europol pizza").hits);
    assert_eq!(hits, ["europol"]);
}

#[test]
fn no_results_offers_the_closest_questions() {
    let (questions, index) = index(SMALL);
    let outcome = index.search("zzzzzz");
    assert!(outcome.hits.is_empty() && outcome.closest.is_empty() && outcome.active);
    // Two edits from "europol" in a 7-letter word: too far for a result, close enough to suggest.
    let outcome = index.search("eurapal ");
    assert!(outcome.hits.is_empty());
    assert_eq!(ids(&questions, &outcome.closest), ["europol"]);
}

#[test]
fn stop_words_alone_still_search() {
    let (questions, index) = index(SMALL);
    let hits = ids(&questions, &index.search("how do ").hits);
    assert_eq!(hits, ["join"]);
}

#[test]
fn highlights_cover_what_matched() {
    let (_, index) = index(SMALL);
    let outcome = index.search("how do i join euro");
    let h = &outcome.highlighter;
    assert_eq!(
        h.ranges("How do I join?"),
        [9..13],
        "stop words are not marked"
    );
    assert_eq!(h.ranges("Is it Europol?"), [6..10], "the typed prefix only");
}

#[test]
fn faqs_in_other_languages_have_no_stemming_or_stop_words() {
    let (_, index) = index(
        r#"{"title": "T", "lang": "fr", "questions": [{"question": "Comment faire ?", "answer": "Ainsi."}]}"#,
    );
    assert_eq!(index.stemmer, Stemmer::None);
    assert_eq!(index.search("comment ").hits, [0]);
    assert!(index.stem_keys.is_empty());
}

#[test]
fn spanish_plurals_and_genders_find_each_other() {
    let (_, index) = index(
        r#"{"title": "T", "lang": "es", "questions": [
            {"question": "¿Cómo sé si una persona está buscada?", "answer": "Consulte las notificaciones de cada país."},
            {"question": "¿Hay detenciones?", "answer": "Sí, a veces."}]}"#,
    );
    // Each of these is beyond the typos a word of its length may have: only the stem finds it.
    assert_eq!(index.search("buscado ").hits, [0], "gender");
    assert_eq!(index.search("paises ").hits, [0], "plural, no accent");
    assert_eq!(index.search("vez ").hits, [1], "-ces is -z");
    assert_eq!(index.search("detencion ").hits, [1]);
}

#[test]
fn chinese_and_japanese_are_found_by_character_pairs() {
    let (_, index) = index(
        r#"{"title": "T", "lang": "zh", "questions": [
            {"question": "国际刑警组织如何打击网络犯罪？", "answer": "它与成员国合作。"},
            {"question": "我可以在国际刑警组织工作吗？", "answer": "可以申请实习。"},
            {"question": "東京都の事務所はどこですか？", "answer": "日本の警察に連絡してください。"}]}"#,
    );
    // Words inside sentences without spaces: a query of two or more characters finds them.
    assert_eq!(index.search("网络犯罪 ").hits, [0]);
    assert_eq!(index.search("工作 ").hits, [1]);
    assert_eq!(index.search("刑警组织 ").hits.len(), 2);
    assert_eq!(
        index.search("京都 ").hits,
        [2],
        "a pair in the middle of a run"
    );
    assert_eq!(index.search("警察").hits, [2], "kanji among kana");
    // One character, being typed: the pairs it begins.
    assert_eq!(index.search("实").hits, [1]);
    // Marked once, as one stretch, though the pairs overlap.
    let h = index.search("刑警组织").highlighter;
    let text = "国际刑警组织";
    assert_eq!(h.ranges(text), [6..18]);
}

#[test]
fn arabic_is_found_without_hamza_taa_marbuta_or_tashkeel() {
    let (_, index) = index(
        r#"{"title": "T", "lang": "ar", "questions": [
            {"question": "كيف أتحقق من اعتقال الهارب؟", "answer": "تؤكده السلطات الوطنية."},
            {"question": "هل الإنتربول جزء من الأمم المتحدة؟", "answer": "لا."}]}"#,
    );
    assert_eq!(
        index.search("الامم المتحده ").hits,
        [1],
        "hamza, taa marbuta"
    );
    assert_eq!(
        index.search("اتحقق ").hits,
        [0],
        "a short word: no typo to lean on"
    );
    assert_eq!(
        index.search("السُّلطات الوطنيّة ").hits,
        [0],
        "tashkeel, in the answer"
    );
    assert_eq!(index.search("الإنتـــربول ").hits, [1], "tatweel");
}
