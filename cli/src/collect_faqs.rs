//! The FAQs a collector serves (`collect --faq FILE`, repeatable; issue 26): a vote for a
//! question id that none of them has is dropped before it is stored, so a forged beacon cannot
//! invent questions (or store an e-mail address as a question id). Each file is read again when
//! its size or modification time changes, checked at most once a second: a site owner who adds
//! a question and deploys the new faq.json needs no restart. A file that stops loading (a broken
//! edit) keeps its last good ids, and the collector says so once on stderr.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use faq_widget::feedback::{Batch, Event};

/// How often the files' metadata is looked at, at most.
const RECHECK: Duration = Duration::from_secs(1);

struct File {
    path: PathBuf,
    /// Size and modification time when last read (None: never read).
    seen: Option<(u64, SystemTime)>,
    ids: HashSet<String>,
}

struct State {
    files: Vec<File>,
    checked: Option<Instant>,
}

/// The question ids of the FAQs given with `--faq`; none given: every id is kept.
pub struct Known {
    state: Mutex<State>,
    any: bool,
}

/// The question ids of a faq.json, or why it does not load.
fn read_ids(path: &PathBuf) -> Result<HashSet<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let loaded = faq_widget::faq::load(&text);
    match loaded.faq {
        Some(faq) => Ok(faq.questions.into_iter().map(|q| q.id).collect()),
        None => Err(loaded
            .first_fatal()
            .map_or_else(|| "it does not load".to_owned(), |d| d.message.clone())),
    }
}

impl Known {
    /// Reads every file now: a collector started with a FAQ it cannot read refuses to start.
    pub fn load(paths: &[PathBuf]) -> Result<Known, String> {
        let mut files = Vec::new();
        for path in paths {
            let ids = read_ids(path).map_err(|e| format!("--faq {}: {e}", path.display()))?;
            files.push(File {
                path: path.clone(),
                seen: metadata(path),
                ids,
            });
        }
        Ok(Known {
            any: paths.is_empty(),
            state: Mutex::new(State {
                files,
                checked: Some(Instant::now()),
            }),
        })
    }

    /// Drops the votes for questions that no FAQ has; `log` hears of a file that stopped loading.
    pub fn retain_known(&self, batch: &mut Batch, now: Instant, log: &mut dyn FnMut(String)) {
        if self.any {
            return;
        }
        // A panic while the lock was held leaves the last ids: still the best answer.
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if state
            .checked
            .is_none_or(|at| now.duration_since(at) >= RECHECK)
        {
            state.checked = Some(now);
            for file in &mut state.files {
                let seen = metadata(&file.path);
                if seen == file.seen {
                    continue;
                }
                file.seen = seen;
                match read_ids(&file.path) {
                    Ok(ids) => file.ids = ids,
                    Err(problem) => log(format!(
                        "faq-widget collect: --faq {}: {problem}; its previous questions are kept",
                        file.path.display()
                    )),
                }
            }
        }
        batch.events.retain(|event| match event {
            Event::Vote { question, .. } => state.files.iter().any(|f| f.ids.contains(question)),
            Event::Missed { .. } => true,
        });
    }
}

fn metadata(path: &PathBuf) -> Option<(u64, SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(ids: &[&str]) -> Batch {
        let events = ids
            .iter()
            .map(|id| Event::Vote {
                question: (*id).into(),
                helpful: true,
                previous: None,
                at: 0,
            })
            .chain([Event::Missed {
                query: "refund".into(),
                at: 0,
            }])
            .collect();
        Batch {
            v: 1,
            faq: "https://www.example.org/faq.json".into(),
            events,
        }
    }

    fn votes(batch: &Batch) -> Vec<&str> {
        batch
            .events
            .iter()
            .filter_map(|e| match e {
                Event::Vote { question, .. } => Some(question.as_str()),
                Event::Missed { .. } => None,
            })
            .collect()
    }

    fn faq(ids: &[&str]) -> String {
        let questions: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id": "{id}", "question": "Q {id}?", "answer": "A."}}"#))
            .collect();
        format!(
            r#"{{"title": "T", "questions": [{}]}}"#,
            questions.join(",")
        )
    }

    #[test]
    fn unknown_ids_are_dropped_and_a_changed_file_is_read_again() {
        let dir = std::env::temp_dir().join(format!("faq-known-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("faq.json");
        std::fs::write(&path, faq(&["shipping", "returns"])).unwrap();
        let known = Known::load(std::slice::from_ref(&path)).unwrap();
        let mut logged = Vec::new();
        let start = Instant::now();
        let mut b = batch(&["shipping", "jane@example.org", "returns"]);
        known.retain_known(&mut b, start, &mut |line| logged.push(line));
        assert_eq!(votes(&b), ["shipping", "returns"]);
        assert_eq!(b.events.len(), 3, "missed searches are kept");

        // A new question, a different size: read again once a second has passed.
        std::fs::write(&path, faq(&["shipping", "returns", "gift-cards"])).unwrap();
        let mut b = batch(&["gift-cards"]);
        known.retain_known(&mut b, start, &mut |line| logged.push(line));
        assert!(votes(&b).is_empty(), "not looked at again within a second");
        let later = start + RECHECK;
        let mut b = batch(&["gift-cards"]);
        known.retain_known(&mut b, later, &mut |line| logged.push(line));
        assert_eq!(votes(&b), ["gift-cards"]);

        // A broken edit: said once, the last good ids kept.
        std::fs::write(&path, "{ not json").unwrap();
        let mut b = batch(&["gift-cards"]);
        known.retain_known(&mut b, later + RECHECK, &mut |line| logged.push(line));
        known.retain_known(&mut b, later + RECHECK * 2, &mut |line| logged.push(line));
        assert_eq!(votes(&b), ["gift-cards"]);
        assert_eq!(logged.len(), 1, "{logged:?}");
        assert!(logged[0].contains("its previous questions are kept"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn without_a_faq_every_id_is_kept_and_a_broken_one_refuses_to_start() {
        let known = Known::load(&[]).unwrap();
        let mut b = batch(&["anything"]);
        known.retain_known(&mut b, Instant::now(), &mut |_| {});
        assert_eq!(votes(&b), ["anything"]);
        let missing = Known::load(&[PathBuf::from("/nonexistent/faq.json")]);
        assert!(missing.is_err_and(|e| e.starts_with("--faq /nonexistent/faq.json: ")));
    }
}
