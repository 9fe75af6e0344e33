//! The sentences and links the search shows: the count to announce, and the contact link.

/// "3 questions match “notice”", "1 question matches “notice”", "No questions match “xyz”".
pub fn count_sentence(count: usize, query: &str) -> String {
    let query = query.trim();
    match count {
        0 => format!("No questions match “{query}”"),
        1 => format!("1 question matches “{query}”"),
        n => format!("{n} questions match “{query}”"),
    }
}

/// What follows "No questions match …" when some questions come close.
pub fn closest_sentence(count: usize) -> String {
    match count {
        0 => "Try other words, or ask us".to_owned(),
        1 => "1 similar question is shown".to_owned(),
        n => format!("{n} similar questions are shown"),
    }
}

/// A `mailto:` address with the query as its subject (RFC 6068 percent-encoding); other
/// addresses, and mailto links that already set a subject, are returned unchanged.
pub fn contact_href(href: &str, query: &str) -> String {
    let is_mailto = href.len() >= 7 && href[..7].eq_ignore_ascii_case("mailto:");
    let has_subject = href.split_once('?').is_some_and(|(_, q)| {
        q.split('&')
            .any(|p| p.len() >= 8 && p[..8].eq_ignore_ascii_case("subject="))
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
        assert_eq!(count_sentence(0, "xyz "), "No questions match “xyz”");
        assert_eq!(count_sentence(1, "notice"), "1 question matches “notice”");
        assert_eq!(count_sentence(3, "notice"), "3 questions match “notice”");
        assert_eq!(closest_sentence(1), "1 similar question is shown");
        assert_eq!(closest_sentence(2), "2 similar questions are shown");
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
