//! Why a FAQ could not be shown, as a sentence a site visitor (and its owner) understands.

use super::json::line_column;
use super::validate::Loaded;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No answer at all: offline, DNS, CORS refused.
    Network,
    /// No answer from the network, and no copy of this FAQ saved on this device (never loaded
    /// here, or no consent to keep one; see `crate::offline`).
    Offline,
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
            let (line, column) = line_column(text, diagnostic.at);
            LoadError::Invalid {
                line,
                column,
                message: diagnostic.message.clone(),
            }
        })
    }

    pub fn sentence(&self) -> String {
        match self {
            LoadError::Network => "The questions could not be loaded because the network is not reachable. Check your connection and try again.".into(),
            // i18n: "offline.never"
            LoadError::Offline => "You are offline and this FAQ has not been saved on this device yet. Connect to the internet and try again.".into(),
            LoadError::Http(404) => "The questions could not be loaded: the FAQ file was not found (HTTP 404).".into(),
            LoadError::Http(status) => format!("The questions could not be loaded: the server answered with an error (HTTP {status})."),
            LoadError::Invalid { line, column, message } => format!("The FAQ file has a problem at line {line}, column {column}: {message}"),
        }
    }

    /// Worth a "Try again" button: the same request may succeed later.
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Network | LoadError::Offline => true,
            LoadError::Http(status) => *status == 408 || *status == 429 || *status >= 500,
            LoadError::Invalid { .. } => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faq::load;

    #[test]
    fn sentences_are_human() {
        assert_eq!(
            LoadError::Http(404).sentence(),
            "The questions could not be loaded: the FAQ file was not found (HTTP 404)."
        );
        assert!(LoadError::Http(503).sentence().contains("HTTP 503"));
        assert!(LoadError::Network.is_transient());
        assert!(LoadError::Offline.is_transient());
        assert!(LoadError::Offline.sentence().starts_with("You are offline"));
        assert!(!LoadError::Http(404).is_transient());
    }

    #[test]
    fn invalid_files_name_line_column_and_field() {
        let text = "{\"title\": \"T\",\n\"questions\": [{\"question\": \"q\"}]}";
        let error = LoadError::from_loaded(text, &load(text)).unwrap();
        assert_eq!(
            error.sentence(),
            "The FAQ file has a problem at line 2, column 15: Question 1: \"answer\" is missing."
        );
        let valid = "{\"title\": \"T\", \"questions\": [{\"question\": \"q\", \"answer\": \"a\"}]}";
        assert_eq!(LoadError::from_loaded(valid, &load(valid)), None);
    }
}
