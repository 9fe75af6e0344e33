//! Tests of `incremental.rs` (its own file: the module's code and its tests each stay short).

use super::*;

/// The engine after edits says what a full check says.
fn same_as_full(engine: &Engine, text: &str) {
    let (located, faq) = full(text);
    assert_eq!(
        engine.problems(),
        problems_of(&located),
        "problems of\n{text}"
    );
    assert_eq!(Some(&**engine.faq()), faq.as_ref(), "the FAQ");
}

fn engine(text: &str) -> Engine {
    let (located, faq) = full(text);
    Engine::build(text, &located, faq.as_ref()).expect("an engine")
}

/// Replaces the first `find` after byte `after` with `with`, through the engine.
fn edit(
    engine: &mut Engine,
    text: &mut String,
    after: usize,
    find: &str,
    with: &str,
) -> Option<usize> {
    let at = after + text[after..].find(find).expect("the text to edit");
    text.replace_range(at..at + find.len(), with);
    engine.edit(text, at, find.len(), with.len())
}

const FAQ: &str = r#"{
  "title": "T",
  "questions": [
    {
      "id": "one",
      "question": "First?",
      "answer": "A."
    },
    {
      "question": "Second?",
      "answer": "B.",
      "keywords": ["x"]
    },
    {
      "question": "Third?",
      "answer": "C."
    }
  ],
  "colour": "red"
}
"#;

#[test]
fn an_edit_inside_a_question_rechecks_it_alone() {
    let mut text = FAQ.to_owned();
    let mut e = engine(&text);
    same_as_full(&e, &text);
    // A problem in the answer, and another.
    assert_eq!(
        edit(&mut e, &mut text, 0, "A.", "See [x](javascript:y)."),
        Some(0)
    );
    same_as_full(&e, &text);
    assert_eq!(edit(&mut e, &mut text, 0, "B.", "B [unclosed](x"), Some(1));
    same_as_full(&e, &text);
    // Question 3 says what question 2 says: a duplicate, and its derived id is numbered.
    assert_eq!(edit(&mut e, &mut text, 200, "Third?", "second?"), Some(2));
    same_as_full(&e, &text);
    assert_eq!(e.faq().questions[2].id, "second-2");
    // Question 1 too: the first of the three is now question 1.
    assert_eq!(edit(&mut e, &mut text, 0, "First?", "Second? "), Some(0));
    same_as_full(&e, &text);
    // Ids: invalid, then another question's.
    assert_eq!(edit(&mut e, &mut text, 0, "\"one\"", "\"o n\""), Some(0));
    same_as_full(&e, &text);
    assert_eq!(edit(&mut e, &mut text, 0, "\"o n\"", "\"second\""), Some(0));
    same_as_full(&e, &text);
    // An unknown field and a keyword that is not text.
    assert_eq!(
        edit(&mut e, &mut text, 0, "[\"x\"]", "[\"x\", 3], \"extra\": 1"),
        Some(1)
    );
    same_as_full(&e, &text);
    // Back to clean.
    assert_eq!(
        edit(&mut e, &mut text, 0, "[\"x\", 3], \"extra\": 1", "[\"x\"]"),
        Some(1)
    );
    same_as_full(&e, &text);
    assert!(e.problems().iter().all(|p| !p.message.contains("keyword")));
}

#[test]
fn structure_changes_need_the_full_check() {
    let mut text = FAQ.to_owned();
    let mut e = engine(&text);
    // Between questions, in the title, at a brace.
    assert_eq!(edit(&mut e, &mut text, 0, "\"T\"", "\"U\""), None);
    let mut e = engine(&text);
    assert_eq!(edit(&mut e, &mut text, 0, "},\n    {", "}, {"), None);
    let mut e = engine(&text);
    // A question split in two, a broken string, a blank answer (blocking).
    assert_eq!(
        edit(
            &mut e,
            &mut text,
            0,
            "\"A.\"",
            "\"A.\"}, {\"question\": \"x\", \"answer\": \"y\""
        ),
        None
    );
    let mut text = FAQ.to_owned();
    let mut e = engine(&text);
    assert_eq!(edit(&mut e, &mut text, 0, "\"A.\"", "\"A."), None);
    let mut text = FAQ.to_owned();
    let mut e = engine(&text);
    assert_eq!(edit(&mut e, &mut text, 0, "\"A.\"", "\"  \""), None);
    // A FAQ with a blocking problem has no engine.
    let (located, faq) = full("{\"title\": \"\", \"questions\": []}");
    assert!(Engine::build("", &located, faq.as_ref()).is_none());
}

#[test]
fn random_edits_in_the_bundled_faq_agree_with_the_full_check() {
    let mut text = include_str!("../../faq.json").to_owned();
    let mut e = engine(&text);
    let mut seed = 7u32;
    let mut random = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize % n
    };
    let pieces = [
        "a",
        "é",
        "😀",
        " ",
        "\\n",
        "[",
        "](javascript:x)",
        "[l](https://e.org)",
        "\\u00e9",
        "-",
        "\"",
        ",",
        "}",
        "{",
    ];
    let (mut incremental, mut full_runs, mut with_problems) = (0, 0, 0);
    for _ in 0..400 {
        // Somewhere in a string value (most edits) or anywhere.
        let mut at = random(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let mut removed = [0, 0, 0, 1, 3][random(5)];
        while !text.is_char_boundary((at + removed).min(text.len())) {
            removed += 1;
        }
        let removed = removed.min(text.len() - at);
        let inserted = if removed > 0 && random(2) == 0 {
            ""
        } else {
            pieces[random(pieces.len())]
        };
        text.replace_range(at..at + removed, inserted);
        match e.edit(&text, at, removed, inserted.len()) {
            Some(_) => {
                incremental += 1;
                same_as_full(&e, &text);
                with_problems += usize::from(!e.problems().is_empty());
            }
            None => {
                full_runs += 1;
                let (located, faq) = full(&text);
                match Engine::build(&text, &located, faq.as_ref()) {
                    Some(fresh) => e = fresh,
                    None => {
                        // Blocking: back to the bundled FAQ.
                        text = include_str!("../../faq.json").to_owned();
                        e = engine(&text);
                    }
                }
            }
        }
    }
    assert!(
        incremental > 150 && with_problems > 50,
        "{incremental} incremental ({with_problems} with problems), {full_runs} full"
    );
}

#[test]
fn ids_derived_from_equal_texts_are_numbered_like_the_checker() {
    let mut text = r#"{"title": "T", "questions": [
  {"question": "Same?", "answer": "a"},
  {"question": "Same?", "answer": "b"},
  {"id": "same-2", "question": "Other?", "answer": "c"},
  {"id": "bad id", "question": "Same?", "answer": "d"},
  {"question": "???", "answer": "e"}
]}"#
    .to_owned();
    let mut e = engine(&text);
    same_as_full(&e, &text);
    assert_eq!(
        edit(&mut e, &mut text, 0, "\"Other?\"", "\"Same?\""),
        Some(2)
    );
    same_as_full(&e, &text);
    assert_eq!(edit(&mut e, &mut text, 0, "\"same-2\"", "\"\""), Some(2));
    same_as_full(&e, &text);
    assert_eq!(edit(&mut e, &mut text, 0, "\"???\"", "\"Same?\""), Some(4));
    same_as_full(&e, &text);
    assert_eq!(
        edit(&mut e, &mut text, 0, "\"Same?\"", "\"First?\""),
        Some(0)
    );
    same_as_full(&e, &text);
}
