//! A FAQ in several languages, one file per language (issue 23): the studio edits one file of
//! the set at a time and checks the set as `faq-widget check --translations` does (the same
//! question ids, one file per language; the first file is the reference).
//!
//! The edited file's text lives in the [`crate::editor::Editor`]; the set keeps the others'
//! texts, and takes the edited one back when the owner moves to another file. Each file is
//! loaded once, when its text comes into the set: a keystroke in the edited file compares its
//! FAQ (the editor's) with the others' as they are, without reading them again.

use std::rc::Rc;

use faq_widget::faq::translations::compare_loaded;
use faq_widget::faq::{load, Diagnostic, Faq};
use serde_json::Value;

/// One file of the set: its name (as it will be downloaded), its text, and what loading the
/// text gave (the FAQ, if it loads; the language its `lang` names, if any).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetFile {
    pub name: String,
    text: String,
    faq: Option<Rc<Faq>>,
    lang: Option<String>,
}

impl SetFile {
    pub fn new(name: String, text: String) -> SetFile {
        let mut file = SetFile {
            name,
            text: String::new(),
            faq: None,
            lang: None,
        };
        file.set_text(text);
        file
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    fn set_text(&mut self, text: String) {
        self.faq = load(&text).faq.map(Rc::new);
        self.lang = lang_of(&text);
        self.text = text;
    }
}

/// The files of one FAQ, and which of them is being edited. One file: an ordinary FAQ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSet {
    pub files: Vec<SetFile>,
    pub active: usize,
}

impl FileSet {
    /// A set of one file.
    pub fn single(name: &str, text: &str) -> FileSet {
        FileSet {
            files: vec![SetFile::new(name.into(), text.into())],
            active: 0,
        }
    }

    /// Whether there is more than one file.
    pub fn several(&self) -> bool {
        self.files.len() > 1
    }

    /// Keeps the edited file's text, then makes `index` the edited one; its text, to open.
    pub fn switch(&mut self, edited: &str, index: usize) -> Option<&SetFile> {
        if index >= self.files.len() {
            return None;
        }
        self.keep(edited);
        self.active = index;
        self.files.get(index)
    }

    /// The edited file's text, as it is now.
    pub fn keep(&mut self, edited: &str) {
        if let Some(file) = self.files.get_mut(self.active) {
            if file.text != edited {
                file.set_text(edited.to_owned());
            }
        }
    }

    /// Adds files (a file of the same name is replaced); the edited one stays.
    pub fn add(&mut self, edited: &str, files: Vec<SetFile>) {
        self.keep(edited);
        for file in files {
            match self.files.iter_mut().find(|f| f.name == file.name) {
                Some(same) => *same = file,
                None => self.files.push(file),
            }
        }
    }

    /// Takes the edited file out of the set (never the last one); the first file is edited next.
    pub fn remove_active(&mut self) -> Option<&SetFile> {
        if !self.several() {
            return None;
        }
        self.files.remove(self.active);
        self.active = 0;
        self.files.first()
    }

    /// Each file's language, as its `lang` says (None: not JSON, or no `lang`). `edited`: the
    /// edited file's FAQ as it is now, if it loads (else its language when it was last kept).
    pub fn langs(&self, edited: Option<&Faq>) -> Vec<Option<String>> {
        let mut langs: Vec<Option<String>> = self.files.iter().map(|f| f.lang.clone()).collect();
        if let Some(faq) = edited {
            langs[self.active].clone_from(&faq.lang);
        }
        langs
    }

    /// The problems of the edited file (its FAQ as it is now, `edited`; None while it does not
    /// load) that come from comparing the set's files (missing or extra question ids, another
    /// order, a language twice, a language not named). Nothing for a set of one file.
    pub fn problems(&self, edited: Option<&Faq>) -> Vec<Diagnostic> {
        if !self.several() {
            return Vec::new();
        }
        let names: Vec<&str> = self.files.iter().map(|f| f.name.as_str()).collect();
        let faqs: Vec<Option<&Faq>> = self
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                if i == self.active {
                    edited
                } else {
                    f.faq.as_deref()
                }
            })
            .collect();
        compare_loaded(&names, &faqs)
            .into_iter()
            .find(|(i, _)| *i == self.active)
            .map(|(_, found)| found)
            .unwrap_or_default()
    }

    /// What the embed snippet needs for the set: the languages in order (`data-langs`) and the
    /// file name with `{lang}` for the language (`data-src`), when every file is named after its
    /// language the same way (`faq.fr.json`, `faq.es.json`: `faq.{lang}.json`). None for one
    /// file, for a file without a language, or for names that follow no one pattern.
    pub fn embed(&self, edited: Option<&Faq>) -> Option<(Vec<String>, String)> {
        if !self.several() {
            return None;
        }
        let langs: Vec<String> = self.langs(edited).into_iter().collect::<Option<_>>()?;
        let mut pattern: Option<String> = None;
        for (file, lang) in self.files.iter().zip(&langs) {
            let this = name_pattern(&file.name, lang)?;
            if pattern.as_ref().is_some_and(|p| *p != this) {
                return None;
            }
            pattern = Some(this);
        }
        Some((langs, pattern?))
    }
}

/// `name` with its language code (a dot-separated part equal to `lang`, ignoring case) as
/// `{lang}`: `faq.fr.json` -> `faq.{lang}.json`.
fn name_pattern(name: &str, lang: &str) -> Option<String> {
    let parts: Vec<&str> = name.split('.').collect();
    let at = parts
        .iter()
        .rposition(|part| part.eq_ignore_ascii_case(lang))?;
    let mut out: Vec<&str> = parts;
    out[at] = "{lang}";
    Some(out.join("."))
}

/// The `lang` of a FAQ's text, if it is JSON that names one.
pub fn lang_of(text: &str) -> Option<String> {
    let value: Value = serde_json::from_str(text).ok()?;
    value
        .get("lang")?
        .as_str()
        .map(str::trim)
        .filter(|lang| !lang.is_empty())
        .map(str::to_owned)
}

/// The stored form of a set (`faq-studio:set`): every file but the edited one's text, which
/// the draft keeps.
pub fn to_storage(set: &FileSet) -> String {
    let files: Vec<Value> = set
        .files
        .iter()
        .enumerate()
        .map(|(i, file)| {
            let text = if i == set.active { "" } else { &file.text };
            serde_json::json!({ "name": file.name, "text": text })
        })
        .collect();
    serde_json::json!({ "active": set.active, "files": files }).to_string()
}

/// A stored set, its edited file's text put back from the draft; None if it does not read.
pub fn from_storage(stored: &str, draft: &str) -> Option<FileSet> {
    let value: Value = serde_json::from_str(stored).ok()?;
    let active = usize::try_from(value.get("active")?.as_u64()?).ok()?;
    let mut files = Vec::new();
    for file in value.get("files")?.as_array()? {
        files.push(SetFile::new(
            file.get("name")?.as_str()?.to_owned(),
            file.get("text")?.as_str()?.to_owned(),
        ));
    }
    files.get_mut(active)?.set_text(draft.to_owned());
    Some(FileSet { files, active })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faq(lang: &str, ids: &[&str]) -> String {
        let questions: Vec<Value> = ids
            .iter()
            .map(|id| serde_json::json!({ "id": id, "question": format!("{id}?"), "answer": "Yes." }))
            .collect();
        serde_json::json!({ "title": "FAQ", "lang": lang, "questions": questions }).to_string()
    }

    /// A text's FAQ, as the editor has it for the edited file.
    fn loaded(text: &str) -> Faq {
        load(text).faq.unwrap()
    }

    fn set() -> FileSet {
        let mut set = FileSet::single("faq.en.json", &faq("en", &["a", "b"]));
        set.add(
            &faq("en", &["a", "b"]),
            vec![
                SetFile::new("faq.fr.json".into(), faq("fr", &["a", "b"])),
                SetFile::new("faq.es.json".into(), faq("es", &["a", "b"])),
            ],
        );
        set
    }

    #[test]
    fn switching_keeps_the_edited_text() {
        let mut set = set();
        let edited = faq("en", &["a", "b", "c"]);
        let next = set.switch(&edited, 2).unwrap();
        assert_eq!(next.name, "faq.es.json");
        assert_eq!(set.files[0].text(), edited);
        assert_eq!(set.active, 2);
        assert!(set.switch("", 3).is_none());
    }

    #[test]
    fn the_edited_file_is_compared_with_the_others_as_it_is_now() {
        let mut set = set();
        let es = set
            .switch(&faq("en", &["a", "b"]), 2)
            .unwrap()
            .text()
            .to_owned();
        assert!(set.problems(Some(&loaded(&es))).is_empty());
        // The Spanish file loses a question and gets another id.
        let problems = set.problems(Some(&loaded(&faq("es", &["a", "x"]))));
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the question \"b\" of faq.en.json is missing here",
                "Question 2: the id \"x\" is not in faq.en.json"
            ]
        );
        // The Spanish file saying French: one language twice.
        let problems = set.problems(Some(&loaded(&faq("fr", &["a", "b"]))));
        assert!(problems[0].message.contains("faq.fr.json is in \"fr\" too"));
        // One file: nothing to compare.
        assert!(FileSet::single("faq.json", "{}").problems(None).is_empty());
        // While the edited text does not load, it is left out (its own check says why).
        assert!(set.problems(None).is_empty());
    }

    #[test]
    fn the_embed_takes_the_languages_and_the_name_pattern() {
        let set = set();
        let en = loaded(set.files[0].text());
        assert_eq!(
            set.embed(Some(&en)),
            Some((
                vec!["en".into(), "fr".into(), "es".into()],
                "faq.{lang}.json".into()
            ))
        );
        // Names that follow no one pattern, or a file without a language: no embed for the set.
        let mut odd = set.clone();
        odd.files[1].name = "french.json".into();
        assert_eq!(odd.embed(Some(&en)), None);
        let no_lang =
            loaded(r#"{"title": "no lang", "questions": [{"question": "Q?", "answer": "A."}]}"#);
        assert_eq!(set.embed(Some(&no_lang)), None);
        // A broken edited text keeps the language it had.
        assert!(set.embed(None).is_some());
        assert_eq!(
            FileSet::single("faq.json", set.files[0].text()).embed(Some(&en)),
            None
        );
        assert_eq!(
            name_pattern("help/FAQ.FR.json", "fr").as_deref(),
            Some("help/FAQ.{lang}.json")
        );
    }

    #[test]
    fn adding_a_file_of_the_same_name_replaces_it_and_the_last_file_stays() {
        let mut set = set();
        let en = set.files[0].text().to_owned();
        set.add(
            &en,
            vec![SetFile::new("faq.fr.json".into(), faq("fr", &["a"]))],
        );
        assert_eq!(set.files.len(), 3);
        assert_eq!(set.files[1].text(), faq("fr", &["a"]));
        set.active = 1;
        assert_eq!(set.remove_active().unwrap().name, "faq.en.json");
        assert_eq!(set.files.len(), 2);
        set.remove_active();
        assert!(set.remove_active().is_none());
        assert_eq!(set.files.len(), 1);
    }

    #[test]
    fn a_stored_set_comes_back_with_the_draft_as_its_edited_file() {
        let mut set = set();
        set.active = 1;
        let stored = to_storage(&set);
        assert!(
            !stored.contains("\\\"fr\\\""),
            "the edited file's text is the draft's"
        );
        let back = from_storage(&stored, "draft").unwrap();
        assert_eq!(back.active, 1);
        assert_eq!(back.files[1].text(), "draft");
        assert_eq!(back.files[2], set.files[2]);
        assert_eq!(from_storage("{\"active\": 5, \"files\": []}", "x"), None);
        assert_eq!(from_storage("not json", "x"), None);
    }
}
