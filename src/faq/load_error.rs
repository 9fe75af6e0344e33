//! Why a FAQ could not be shown, as a sentence a site visitor (and its owner) understands.

use super::validate::Loaded;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: offline, DNS, CORS refused.
    Network,
    /// No answer from the network, and no copy of this FAQ saved on this device (never loaded
    /// here, or no consent to keep one; see `crate::offline`).
    Offline,
    /// No answer within the widget's timeout (milliseconds), and no saved copy.
    Timeout(u32),
    /// The server answered with an HTTP error status.
    Http(u16),
    /// The text arrived but is not a valid FAQ.
    Invalid {
        line: usize,
        column: usize,
        message: String,
    },
}

impl LoadError {
    /// The first blocking problem of a loaded file, if any.
    pub fn from_loaded(text: &str, loaded: &Loaded) -> Option<LoadError> {
        loaded.first_fatal().map(|diagnostic| {
            // Every fatal problem is found while reading, where serde_json knows the position.
            let (line, column) = line_column(text, diagnostic.at.unwrap_or(0));
            LoadError::Invalid {
                line,
                column,
                message: diagnostic.message.clone(),
            }
        })
    }

    /// The sentence in the visitor's language (English without a FAQ: `Strings::default()`).
    pub fn sentence(&self, strings: &crate::i18n::Strings) -> String {
        match self {
            LoadError::Network => strings.get("error.network"),
            LoadError::Offline => strings.get("offline.never"),
            LoadError::Timeout(ms) => strings.format(
                "error.timeout",
                &[("seconds", &ms.div_ceil(1000).to_string())],
            ),
            LoadError::Http(404) => strings.format("error.not_found", &[("status", "404")]),
            LoadError::Http(status) => {
                strings.format("error.http", &[("status", &status.to_string())])
            }
            LoadError::Invalid {
                line,
                column,
                message,
            } => strings.format(
                "error.invalid",
                &[
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                    ("message", message),
                ],
            ),
        }
    }

    /// Worth a "Try again" button: the same request may succeed later.
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Network | LoadError::Offline | LoadError::Timeout(_) => true,
            LoadError::Http(status) => *status == 408 || *status == 429 || *status >= 500,
            LoadError::Invalid { .. } => false,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset, as `faq-widget check` gives them:
/// a UTF-8 byte order mark is not a character of line 1.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    positions(text, &[at])[0]
}

/// Line and column of each offset of `sorted` (ascending), in one pass over the text: a minified
/// file with thousands of problems on one line costs no more than one problem.
pub fn positions(text: &str, sorted: &[usize]) -> Vec<(usize, usize)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut chars = text[start..].char_indices().peekable();
    let (mut line, mut column) = (1, 1);
    sorted
        .iter()
        .map(|&at| {
            while let Some(&(offset, ch)) = chars.peek() {
                if offset + start >= at {
                    break;
                }
                chars.next();
                if ch == '\n' {
                    line += 1;
                    column = 1;
                } else {
                    column += 1;
                }
            }
            (line, column)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faq::load;
    use crate::i18n::Strings;

    #[test]
    fn sentences_are_human() {
        assert_eq!(
            LoadError::Http(404).sentence(&Strings::default()),
            "The questions could not be loaded: the FAQ file was not found (HTTP 404)."
        );
        assert!(LoadError::Http(503)
            .sentence(&Strings::default())
            .contains("HTTP 503"));
        assert!(LoadError::Network.is_transient());
        assert!(LoadError::Offline.is_transient());
        assert!(LoadError::Offline
            .sentence(&Strings::default())
            .starts_with("You are offline"));
        assert_eq!(
            LoadError::Http(404).sentence(&Strings::new("fr", crate::language_pack::compiled_in("fr"))),
            "Les questions n’ont pas pu être chargées : le fichier de la FAQ est introuvable (HTTP 404)."
        );
        assert!(!LoadError::Http(404).is_transient());
        assert!(LoadError::Timeout(8000).is_transient());
        assert_eq!(
            LoadError::Timeout(7500).sentence(&Strings::default()),
            "The questions could not be loaded: the server did not answer within 8 seconds. Check your connection and try again."
        );
    }

    #[test]
    fn positions_in_one_pass_match_one_at_a_time() {
        let text = "\u{feff}{\n\t\"é\": [1,\r\n  2]}\n";
        let offsets: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i) && i >= 3)
            .collect();
        let swept = positions(text, &offsets);
        for (at, position) in offsets.iter().zip(swept) {
            assert_eq!(position, line_column(text, *at), "at {at}");
        }
        assert_eq!(line_column(text, 3), (1, 1));
        assert_eq!(line_column(text, text.find('2').unwrap()), (3, 3));
    }

    #[test]
    fn invalid_files_name_line_column_and_field() {
        let text = "{\"title\": \"T\",\n\"questions\": [{\"question\": \"q\"}]}";
        let error = LoadError::from_loaded(text, &load(text)).unwrap();
        assert_eq!(
            error.sentence(&Strings::default()),
            "The FAQ file has a problem at line 2, column 31: Question 1: \"answer\" is missing."
        );
        // A byte order mark is not a column, as in `faq-widget check`.
        let with_bom = format!("\u{feff}{text}");
        assert_eq!(
            LoadError::from_loaded(&with_bom, &load(&with_bom)),
            LoadError::from_loaded(text, &load(text))
        );
        assert_eq!(line_column("\u{feff}{x", 4), (1, 2));
        let valid = "{\"title\": \"T\", \"questions\": [{\"question\": \"q\", \"answer\": \"a\"}]}";
        assert_eq!(LoadError::from_loaded(valid, &load(valid)), None);
    }
}
