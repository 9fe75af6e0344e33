//! One FAQ in several languages (issue 23), one file per language: the files must agree: the
//! same question ids (the widget's language switch keeps the open question by its id, and a deep link `#faq-<id>` must open the same question in every language), one file
//! per language, each naming its language. The first file that reads is the reference. Used by
//! `faq-widget check --translations` and by the studio's set of files.

use super::{load, Diagnostic, Faq, Severity, Spot};

/// What one file brings: its name (as shown) and its text.
pub struct Translation<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

fn diagnostic(
    severity: Severity,
    path: String,
    spot: Spot,
    message: String,
    hint: &'static str,
) -> Diagnostic {
    Diagnostic {
        severity,
        path,
        spot,
        at: None,
        message,
        hint,
    }
}

/// The problems of each file (by its index in `files`) that come from comparing it with the
/// others, at the paths they concern; files whose FAQ does not load are left out (their own
/// check says why).
pub fn compare(files: &[Translation]) -> Vec<(usize, Vec<Diagnostic>)> {
    let faqs: Vec<Option<Faq>> = files.iter().map(|file| load(file.text).faq).collect();
    let names: Vec<&str> = files.iter().map(|file| file.name).collect();
    let faqs: Vec<Option<&Faq>> = faqs.iter().map(Option::as_ref).collect();
    compare_loaded(&names, &faqs)
}

/// [`compare`] for files already loaded (`None`: the file does not load), by their `names`: the
/// studio keeps the files it does not edit loaded, so a keystroke loads none of them again.
pub fn compare_loaded(names: &[&str], faqs: &[Option<&Faq>]) -> Vec<(usize, Vec<Diagnostic>)> {
    let loaded: Vec<(usize, &Faq)> = faqs
        .iter()
        .enumerate()
        .filter_map(|(i, faq)| Some((i, (*faq)?)))
        .collect();
    let Some((reference, first)) = loaded.first() else {
        return Vec::new();
    };
    let reference_name = names[*reference];
    let first_ids: Vec<&str> = first.questions.iter().map(|q| q.id.as_str()).collect();
    let mut out = Vec::new();
    for (i, faq) in &loaded {
        let mut found = Vec::new();
        match faq.lang.as_deref() {
            None => found.push(diagnostic(
                Severity::Error,
                String::new(),
                Spot::Value,
                "a file of a set of translations names its language".into(),
                "add \"lang\", for example \"lang\": \"fr\"",
            )),
            Some(lang) => {
                let same = loaded.iter().find(|(j, other)| {
                    j < i
                        && other
                            .lang
                            .as_deref()
                            .is_some_and(|l| l.eq_ignore_ascii_case(lang))
                });
                if let Some((j, _)) = same {
                    found.push(diagnostic(
                        Severity::Error,
                        "/lang".into(),
                        Spot::Value,
                        format!("{} is in \"{lang}\" too", names[*j]),
                        "one file per language: give this file its own language",
                    ));
                }
            }
        }
        if i != reference {
            let ids: Vec<&str> = faq.questions.iter().map(|q| q.id.as_str()).collect();
            for id in first_ids.iter().filter(|id| !ids.contains(id)) {
                found.push(diagnostic(
                    Severity::Error,
                    "/questions".into(),
                    Spot::Key,
                    format!("the question \"{id}\" of {reference_name} is missing here"),
                    "translate it with the same id, or remove it from every file",
                ));
            }
            for (n, id) in ids.iter().enumerate() {
                if !first_ids.contains(id) {
                    found.push(diagnostic(
                        Severity::Error,
                        format!("/questions/{n}"),
                        Spot::Value,
                        format!("Question {}: the id \"{id}\" is not in {reference_name}", n + 1),
                        "give the question the id of the one it translates (ids are not translated)",
                    ));
                }
            }
            let in_both = |list: &[&str], other: &[&str]| -> Vec<String> {
                list.iter()
                    .filter(|id| other.contains(id))
                    .map(ToString::to_string)
                    .collect()
            };
            if in_both(&first_ids, &ids) != in_both(&ids, &first_ids) {
                found.push(diagnostic(
                    Severity::Warning,
                    "/questions".into(),
                    Spot::Key,
                    format!("the questions are in another order than in {reference_name}"),
                    "keep one order in every language, so a visitor who switches finds the same list",
                ));
            }
        }
        if !found.is_empty() {
            out.push((*i, found));
        }
    }
    out
}
