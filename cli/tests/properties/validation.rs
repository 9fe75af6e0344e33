//! Validation: the invariants on edited FAQs, byte mutations and random documents.

use super::generators::*;
use super::invariants::*;
use super::{config, BUNDLED};
use faq_widget_cli::check;
use proptest::prelude::*;
use proptest::sample::Index;

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn load_holds_its_invariants_on_edited_faqs(edits in prop::collection::vec(edit(), 1..6), pretty in any::<bool>()) {
        let mut faq = to_json(&serde_json::from_str(BUNDLED).unwrap());
        for edit in &edits {
            apply(&mut faq, edit);
        }
        check_loaded(&if pretty { faq.pretty() } else { faq.compact() });
    }

    #[test]
    fn load_holds_its_invariants_on_byte_mutations(
        mutations in prop::collection::vec((any::<Index>(), 0u8..3, prop::sample::select(FRAGMENTS)), 1..8)
    ) {
        let mut text = BUNDLED.to_owned();
        for (at, op, piece) in &mutations {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let next = text[i..].chars().next().map_or(0, char::len_utf8);
            match op {
                0 => text.replace_range(i..i + next, ""),
                1 => text.insert_str(i, piece),
                _ => text.replace_range(i..i + next, piece),
            }
        }
        check_loaded(&text);
    }

    #[test]
    fn load_holds_its_invariants_on_random_documents(value in json_value(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check_loaded(&value.compact());
        check_loaded(&String::from_utf8_lossy(&bytes));
        let problems = check::check_bytes(&bytes);
        prop_assert!(problems.iter().all(|p| p.offset <= bytes.len()));
    }
}
