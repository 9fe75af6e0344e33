//! Question ids and the problems about them, in one place: the checker and the widget
//! (`validate.rs`) and the studio's incremental checker (`studio/src/incremental.rs`) give the
//! same ids and the same messages.
//!
//! Each question gets its own id when it is a valid one, else a slug of its text (`q<number>`
//! when the text has no letter or digit); an id an earlier question already has is numbered:
//! `-2`, `-3` ...

use std::collections::{HashMap, HashSet};

/// The ids given so far, in file order.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    /// The next number to try after a base that is already taken, so that a hundred questions
    /// with the same text do not count from 2 a hundred times.
    next: HashMap<String, usize>,
}

impl Ids {
    pub fn with_capacity(questions: usize) -> Ids {
        Ids {
            taken: HashSet::with_capacity(questions),
            next: HashMap::new(),
        }
    }

    /// The next question's id from its [`base`], and whether the question's own id (`given`)
    /// was already taken by an earlier question (a problem: [`taken_message`]).
    pub fn allocate(&mut self, base: &str, given: bool) -> (String, bool) {
        let given_taken = given && self.taken.contains(base);
        let mut id = base.to_owned();
        if self.taken.contains(&id) {
            let mut counter = self.next.get(base).copied().unwrap_or(2);
            loop {
                id = format!("{base}-{counter}");
                counter += 1;
                if !self.taken.contains(&id) {
                    break;
                }
            }
            self.next.insert(base.to_owned(), counter);
        }
        self.taken.insert(id.clone());
        (id, given_taken)
    }
}

/// What question `number` (1-based)'s id is made from: its own id when `valid`, else the slug of
/// its text ([`slug`]), else `q<number>`.
pub fn base(
    own: &str,
    valid: bool,
    slug: impl FnOnce() -> Option<String>,
    number: usize,
) -> String {
    if valid {
        own.to_owned()
    } else {
        slug().unwrap_or_else(|| format!("q{number}"))
    }
}

pub const INVALID_HINT: &str = "ids end up in links like page#id; keep them short and plain";
pub const TAKEN_HINT: &str = "give every question its own id";
pub const SAME_TEXT_HINT: &str = "merge the two answers into one question";

/// Question `number`'s own id has characters an id may not have.
pub fn invalid_message(number: usize, id: &str) -> String {
    format!("Question {number}: the id \"{id}\" may only use letters, digits, - and _.")
}

/// Question `number`'s own id (its `base`) is an earlier question's.
pub fn taken_message(number: usize, base: &str) -> String {
    format!("Question {number}: the id \"{base}\" is already used by another question.")
}

/// Question `number` asks what question `earlier` asks (compared without case).
pub fn same_text_message(number: usize, earlier: usize) -> String {
    format!("Question {number}: the same question text as question {earlier}.")
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= super::contract::MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A readable id from question text: "How do I join INTERPOL?" -> "how-do-i-join-interpol".
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for ch in text.chars() {
        let ch = fold_latin(ch);
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let trimmed = out.trim_end_matches('-');
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The base letter of common accented Latin letters, so French ids stay readable.
fn fold_latin(ch: char) -> char {
    match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_ids_are_numbered_from_2_and_a_taken_own_id_is_said() {
        let mut ids = Ids::default();
        assert_eq!(ids.allocate("a", true), ("a".into(), false));
        assert_eq!(ids.allocate("a", false), ("a-2".into(), false));
        assert_eq!(ids.allocate("a", true), ("a-3".into(), true));
        assert_eq!(ids.allocate("a-4", true), ("a-4".into(), false));
        assert_eq!(ids.allocate("a", false), ("a-5".into(), false));
        assert_eq!(base("own", true, || None, 3), "own");
        assert_eq!(base("bad id", false, || Some("slug".into()), 3), "slug");
        assert_eq!(base("", false, || None, 3), "q3");
    }
}
