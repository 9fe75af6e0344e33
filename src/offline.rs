//! PURE: the offline rules. Where the widget keeps its last good FAQ, how that copy is written
//! down, which fetches the service worker may answer from its cache, and how the visitor's open
//! questions survive an update.
//!
//! Two mechanisms, both storage, so both need the same ground (`consent::offline_ground`):
//! - **The saved copy** (every page, any origin): the text of the last FAQ that loaded from the
//!   network, in localStorage under `faq-widget:offline:<url>` (written with a
//!   `StoragePermit`, so the consent clean-up deletes it on reject), shown with a visible
//!   "Offline: showing the copy saved on <date>" note when the network fails.
//! - **The service worker** `sw.js` beside `embed.js` (web/sw.js; only pages of the same origin
//!   inside its folder, e.g. the demo page, and embed.js registers it when the widget says so):
//!   the app's files cache-first, the page network-first, the FAQ stale-while-revalidate; it
//!   tells the page `{type: "faq-widget:updated", url}` when a newer FAQ arrived. The widget
//!   fetches its FAQ as `<url>#faq-widget` when it may keep offline copies: the fragment never
//!   reaches the server, and the worker only caches FAQ requests so marked.

/// The fragment that marks the widget's FAQ fetches for the service worker (`sw.js` knows it).
pub const MARKER: &str = "#faq-widget";

/// What the service worker posts to its pages when it stored a newer FAQ (`sw.js` sends it).
pub const UPDATED_MESSAGE: &str = "faq-widget:updated";

/// A saved copy larger than this is not kept: localStorage is the host page's too (usually 5 MB
/// per origin), and a FAQ this big is not one a visitor reads on a train.
pub const MAX_SAVED_CHARS: usize = 512 * 1024;

const COPY_PREFIX: &str = "offline:";

/// `url` without its fragment.
pub fn without_fragment(url: &str) -> &str {
    url.split_once('#').map_or(url, |(before, _)| before)
}

/// The URL to fetch: marked for the worker's cache when `cacheable`, never with the page's own
/// fragment (which the server never sees anyway).
pub fn fetch_url(src: &str, cacheable: bool) -> String {
    let url = without_fragment(src);
    if cacheable {
        format!("{url}{MARKER}")
    } else {
        url.to_owned()
    }
}

/// The storage key (inside the widget's namespace) of the saved copy of the FAQ at `src`.
pub fn copy_key(src: &str) -> String {
    format!("{COPY_PREFIX}{}", without_fragment(src))
}

/// Whether a widget storage key (without the `faq-widget:` prefix) holds a saved copy.
pub fn is_copy_key(key: &str) -> bool {
    key.starts_with(COPY_PREFIX)
}

/// A FAQ text saved for offline use, and when it last came from the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCopy {
    /// Milliseconds since the Unix epoch.
    pub saved_ms: u64,
    pub text: String,
}

impl SavedCopy {
    /// The stored form: `v1|<ms>|<the FAQ text as fetched>`.
    pub fn serialise(saved_ms: u64, text: &str) -> String {
        let mut stored = String::with_capacity(text.len() + 20);
        stored.push_str("v1|");
        crate::consent::push_digits(&mut stored, saved_ms);
        stored.push('|');
        stored.push_str(text);
        stored
    }

    /// Reads a stored copy; anything else (another version, garbage) is no copy.
    pub fn parse(stored: &str) -> Option<SavedCopy> {
        let (ms, text) = stored.strip_prefix("v1|")?.split_once('|')?;
        Some(SavedCopy {
            saved_ms: crate::consent::digits(ms)?,
            text: (!text.is_empty()).then(|| text.to_owned())?,
        })
    }
}

/// For each question of an updated FAQ (`new`), where it was in the one on screen (`old`),
/// matched by `id`: the view keeps what the visitor opened by question, not by position.
///
/// Ids are unique in a FAQ, so the first match is the only one. It looks at the same place and
/// its two neighbours first: an update (or a studio edit, on every keystroke) keeps the order or
/// shifts it by one, and scanning the whole list for each question took 150-220 ms at 10,000
/// questions (the studio's typing benchmark, BENCHMARKS.md).
pub fn remap<T>(old: &[T], new: &[T], id: impl Fn(&T) -> &str) -> Vec<Option<usize>> {
    new.iter()
        .enumerate()
        .map(|(index, question)| {
            let wanted = id(question);
            [Some(index), index.checked_add(1), index.checked_sub(1)]
                .into_iter()
                .flatten()
                .find(|&near| old.get(near).is_some_and(|before| id(before) == wanted))
                .or_else(|| old.iter().position(|before| id(before) == wanted))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_replaces_any_fragment_and_never_doubles() {
        assert_eq!(
            fetch_url("https://a.example/faq.json", true),
            "https://a.example/faq.json#faq-widget"
        );
        assert_eq!(
            fetch_url("https://a.example/faq.json#faq-widget", true),
            "https://a.example/faq.json#faq-widget"
        );
        assert_eq!(
            fetch_url("https://a.example/faq.json?v=2#top", false),
            "https://a.example/faq.json?v=2"
        );
        assert_eq!(
            copy_key("https://a.example/f.json#x"),
            "offline:https://a.example/f.json"
        );
        assert!(is_copy_key(&copy_key("/f.json")));
        assert!(!is_copy_key("consent"));
    }

    #[test]
    fn saved_copies_round_trip_and_garbage_is_no_copy() {
        let text = "{\"title\": \"a|b\"}";
        let stored = SavedCopy::serialise(1_750_000_000_000, text);
        assert_eq!(stored, "v1|1750000000000|{\"title\": \"a|b\"}");
        assert_eq!(
            SavedCopy::parse(&stored),
            Some(SavedCopy {
                saved_ms: 1_750_000_000_000,
                text: text.into()
            })
        );
        for garbage in [
            "",
            "v1|",
            "v1||{}",
            "v1|12|",
            "v2|1|{}",
            "v1|-1|{}",
            "v1|1e3|{}",
            "{}",
        ] {
            assert_eq!(SavedCopy::parse(garbage), None, "{garbage:?}");
        }
    }

    #[test]
    fn open_questions_follow_their_ids_across_an_update() {
        let ids = |ids: &[&str]| ids.iter().map(|id| id.to_string()).collect::<Vec<_>>();
        let id = String::as_str;
        let old = ids(&["a", "b", "c"]);
        assert_eq!(
            remap(&old, &ids(&["new", "a", "c"]), id),
            [None, Some(0), Some(2)],
            "b removed, a question inserted on top"
        );
        assert_eq!(remap(&old, &old, id), [Some(0), Some(1), Some(2)]);
        assert_eq!(remap(&[], &ids(&["a"]), id), [None]);
    }

    #[test]
    fn remap_matches_by_id_wherever_the_question_went() {
        let ids = |text: &str| text.split(' ').map(str::to_owned).collect::<Vec<_>>();
        let remap_ids = |old: &str, new: &str| remap(&ids(old), &ids(new), |s| s.as_str());
        assert_eq!(remap_ids("a b c", "a b c"), [Some(0), Some(1), Some(2)]);
        assert_eq!(
            remap_ids("a b c", "x a b c"),
            [None, Some(0), Some(1), Some(2)]
        );
        assert_eq!(remap_ids("a b c", "b c"), [Some(1), Some(2)]);
        assert_eq!(
            remap_ids("a b c d", "d a b c"),
            [Some(3), Some(0), Some(1), Some(2)]
        );
        assert_eq!(remap_ids("a b c d", "c d a"), [Some(2), Some(3), Some(0)]);
        // The same answer as a plain search by id, on many shapes.
        let old = ids("q0 q1 q2 q3 q4 q5 q6 q7");
        for rotate in 0..8 {
            for cut in 0..8 {
                let mut new = old.clone();
                new.rotate_left(rotate);
                new.remove(cut);
                new.insert(cut / 2, "new".into());
                let plain: Vec<_> = new
                    .iter()
                    .map(|q| old.iter().position(|o| o == q))
                    .collect();
                assert_eq!(remap(&old, &new, |s| s.as_str()), plain);
            }
        }
    }
}
