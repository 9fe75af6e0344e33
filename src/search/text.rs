//! The sentences and links the search shows: the count to announce, and the contact link.

use crate::i18n::Strings;

fn clamp(n: usize) -> u32 {
    n.min(u32::MAX as usize) as u32
}

/// The settled search status for the polite live region, in the FAQ's language: "3 questions
/// match “notice”"; with no hits "No questions match “xyz”. 2 similar questions are shown";
/// with an empty query "Showing all 120 questions".
pub fn status_sentence(
    strings: &Strings,
    query: &str,
    total: usize,
    hits: usize,
    closest: usize,
) -> String {
    let query = query.trim();
    if query.is_empty() {
        strings.count("all", clamp(total), &[])
    } else if hits == 0 {
        let none = strings.format("no_results", &[("query", query)]);
        let next = if closest == 0 {
            strings.get("no_results.hint")
        } else {
            strings.count("similar", clamp(closest), &[])
        };
        format!("{none}. {next}")
    } else {
        strings.count("results", clamp(hits), &[("query", query)])
    }
}

/// A `mailto:` address with the query as its subject (RFC 6068 percent-encoding); other
/// addresses, and mailto links that already set a subject, are returned unchanged.
pub fn contact_href(href: &str, query: &str) -> String {
    let is_mailto = href
        .get(..7)
        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
    let has_subject = href.split_once('?').is_some_and(|(_, q)| {
        q.split('&').any(|p| {
            p.get(..8)
                .is_some_and(|s| s.eq_ignore_ascii_case("subject="))
        })
    });
    if !is_mailto || has_subject {
        return href.to_owned();
    }
    let mut out = String::with_capacity(href.len() + query.len() * 3 + 16);
    out.push_str(href);
    out.push(if href.contains('?') { '&' } else { '?' });
    out.push_str("subject=");
    for byte in format!("FAQ: {}", query.trim()).bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_singular_or_plural() {
        let en = Strings::default();
        assert_eq!(
            status_sentence(&en, "xyz ", 9, 0, 0),
            "No questions match “xyz”. Try fewer or other words."
        );
        assert_eq!(
            status_sentence(&en, "notice", 9, 1, 0),
            "1 question matches “notice”"
        );
        assert_eq!(
            status_sentence(&en, "notice", 9, 3, 0),
            "3 questions match “notice”"
        );
        assert_eq!(
            status_sentence(&en, "x", 9, 0, 1),
            "No questions match “x”. 1 similar question is shown"
        );
        assert_eq!(
            status_sentence(&en, " ", 9, 0, 0),
            "Showing all 9 questions"
        );
        let fr = Strings::new("fr", crate::language_pack::compiled_in("fr"));
        assert_eq!(
            status_sentence(&fr, "visa", 9, 1, 0),
            "1 question correspond à « visa »"
        );
        assert_eq!(
            status_sentence(&fr, "visa", 9, 0, 2),
            "Aucune question ne correspond à « visa ». 2 questions proches sont affichées"
        );
    }

    #[test]
    fn mailto_gets_the_query_as_subject() {
        assert_eq!(
            contact_href("mailto:faq@example.org", "red notice & co"),
            "mailto:faq@example.org?subject=FAQ%3A%20red%20notice%20%26%20co"
        );
        assert_eq!(
            contact_href("mailto:faq@example.org?cc=a@example.org", "é"),
            "mailto:faq@example.org?cc=a@example.org&subject=FAQ%3A%20%C3%A9"
        );
        assert_eq!(
            contact_href("MAILTO:faq@example.org?Subject=Hi", "x"),
            "MAILTO:faq@example.org?Subject=Hi"
        );
        assert_eq!(
            contact_href("https://example.org/contact", "x"),
            "https://example.org/contact"
        );
    }
}
