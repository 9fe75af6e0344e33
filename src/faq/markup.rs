//! Answer markup: plain text, blank line = new paragraph, `- ` lines = bullet list,
//! `[text](url)` = link. Nothing else is markup, so `<b>` stays the three characters `<b>`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Link { text: String, href: String },
}

/// Something an author probably did not mean, found while reading markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkupProblem {
    /// `[text](` with no closing `)`: shown as plain text.
    UnclosedLink { text: String },
    /// A `[text](url)` whose url is not allowed: shown as plain text.
    RejectedLink {
        text: String,
        href: String,
        reason: HrefProblem,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HrefProblem {
    Empty,
    /// A scheme other than https, http, mailto or tel (`javascript:`, `data:` ...).
    ForbiddenScheme,
    /// Spaces or control characters, which browsers strip in surprising ways.
    Malformed,
}

impl HrefProblem {
    pub fn describe(self) -> &'static str {
        match self {
            HrefProblem::Empty => "the link address is empty",
            HrefProblem::ForbiddenScheme => {
                "only https:, http:, mailto:, tel: and relative links are allowed"
            }
            HrefProblem::Malformed => "the link address contains spaces or control characters",
        }
    }
}

/// Checks a link address against the allow-list: https, http, mailto, tel or relative.
pub fn check_href(href: &str) -> Result<(), HrefProblem> {
    if href.is_empty() {
        return Err(HrefProblem::Empty);
    }
    if href.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(HrefProblem::Malformed);
    }
    // A scheme is what comes before the first ':' when no '/', '?' or '#' comes earlier.
    // (Checked splits, not indexing: no slicing panic paths in the wasm.)
    let scheme_end = href.find([':', '/', '?', '#']);
    let Some((scheme, rest)) = scheme_end
        .and_then(|end| href.split_at_checked(end))
        .filter(|(_, rest)| rest.starts_with(':'))
    else {
        return Ok(()); // relative
    };
    let allowed = ["https", "http", "mailto", "tel"];
    if allowed.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        if scheme
            .get(..4)
            .is_some_and(|http| http.eq_ignore_ascii_case("http"))
            && rest == ":"
        {
            return Err(HrefProblem::Malformed);
        }
        Ok(())
    } else {
        Err(HrefProblem::ForbiddenScheme)
    }
}

pub fn parse(source: &str) -> Vec<Block> {
    parse_with_problems(source).0
}

pub fn parse_with_problems(source: &str) -> (Vec<Block>, Vec<MarkupProblem>) {
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();

    let flush_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>, problems: &mut _| {
        if !paragraph.is_empty() {
            let joined = paragraph.join(" ");
            blocks.push(Block::Paragraph(inlines(&joined, problems)));
            paragraph.clear();
        }
    };
    let flush_list = |list: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
        if !list.is_empty() {
            blocks.push(Block::List(std::mem::take(list)));
        }
    };

    for raw_line in source.lines() {
        let line = raw_line.trim();
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
            flush_list(&mut list, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ") {
            flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
            list.push(inlines(item.trim(), &mut problems));
        } else {
            flush_list(&mut list, &mut blocks);
            paragraph.push(line);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
    flush_list(&mut list, &mut blocks);
    (blocks, problems)
}

fn inlines(text: &str, problems: &mut Vec<MarkupProblem>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    // Splits rather than indexing, so the wasm carries no string-slicing panic paths.
    while let Some((before, after_open)) = rest.split_once('[') {
        plain.push_str(before);
        // `[label](target`: the first `]` after `[` is followed by `(`, and the label has no `[`.
        let link = after_open
            .split_once(']')
            .and_then(|(label, after)| Some((label, after.strip_prefix('(')?)))
            .filter(|(label, _)| !label.contains('['))
            .map(|(label, target)| (label, target.split_once(')')));
        match link {
            Some((label, Some((raw_href, after)))) if !label.is_empty() => {
                let href = raw_href.trim();
                match check_href(href) {
                    Ok(()) => {
                        if !plain.is_empty() {
                            out.push(Inline::Text(std::mem::take(&mut plain)));
                        }
                        out.push(Inline::Link {
                            text: label.to_owned(),
                            href: href.to_owned(),
                        });
                    }
                    Err(reason) => {
                        problems.push(MarkupProblem::RejectedLink {
                            text: label.to_owned(),
                            href: href.to_owned(),
                            reason,
                        });
                        // The whole construct stays visible as inert text.
                        for part in ["[", label, "](", raw_href, ")"] {
                            plain.push_str(part);
                        }
                    }
                }
                rest = after;
            }
            link => {
                if let Some((label, None)) = link {
                    problems.push(MarkupProblem::UnclosedLink {
                        text: label.to_owned(),
                    });
                }
                plain.push('[');
                rest = after_open;
            }
        }
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Inline::Text(plain));
    }
    out
}

/// The words a visitor reads, for search and snippets.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut push = |inlines: &[Inline]| {
        if !out.is_empty() {
            out.push(' ');
        }
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Link { text, .. } => out.push_str(text),
            }
        }
    };
    for block in blocks {
        match block {
            Block::Paragraph(inlines) => push(inlines),
            Block::List(items) => items.iter().for_each(|item| push(item)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_lists_and_links() {
        let blocks =
            parse("First line\nsame paragraph.\n\n- one\n- [two](https://x.org/2)\nAfter list");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("First line same paragraph.")]),
                Block::List(vec![
                    vec![text("one")],
                    vec![Inline::Link {
                        text: "two".into(),
                        href: "https://x.org/2".into()
                    }],
                ]),
                Block::Paragraph(vec![text("After list")]),
            ]
        );
    }

    #[test]
    fn html_is_just_text() {
        let blocks = parse("<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![text(
                "<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>"
            )])]
        );
    }

    #[test]
    fn dangerous_links_stay_inert_text() {
        let (blocks, problems) = parse_with_problems("see [x](javascript:alert(1)) now");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![text(
                "see [x](javascript:alert(1)) now"
            )])]
        );
        assert!(matches!(
            problems[0],
            MarkupProblem::RejectedLink {
                reason: HrefProblem::ForbiddenScheme,
                ..
            }
        ));
    }

    #[test]
    fn link_checks() {
        for good in [
            "https://a.org",
            "HTTP://a.org/x?y#z",
            "mailto:a@b.org",
            "tel:+331",
            "/faq",
            "faq.json",
            "../up",
            "#q",
            "?q=1",
            "path/with:colon",
        ] {
            assert_eq!(check_href(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("javascript:alert(1)", HrefProblem::ForbiddenScheme),
            ("JavaScript:alert(1)", HrefProblem::ForbiddenScheme),
            ("data:text/html,<b>", HrefProblem::ForbiddenScheme),
            ("vbscript:x", HrefProblem::ForbiddenScheme),
            ("java\tscript:alert(1)", HrefProblem::Malformed),
            (" javascript:alert(1)", HrefProblem::Malformed),
            ("https:", HrefProblem::Malformed),
            ("", HrefProblem::Empty),
        ] {
            assert_eq!(check_href(bad), Err(why), "{bad}");
        }
    }

    #[test]
    fn unclosed_link_is_reported_and_kept_as_text() {
        let (blocks, problems) = parse_with_problems("read [the guide](https://x.org and more");
        assert_eq!(
            blocks,
            vec![Block::Paragraph(vec![text(
                "read [the guide](https://x.org and more"
            )])]
        );
        assert_eq!(
            problems,
            vec![MarkupProblem::UnclosedLink {
                text: "the guide".into()
            }]
        );
    }

    #[test]
    fn brackets_that_are_not_links_are_text() {
        assert_eq!(
            parse("a [note] b [c]"),
            vec![Block::Paragraph(vec![text("a [note] b [c]")])]
        );
        assert_eq!(parse("[](x)"), vec![Block::Paragraph(vec![text("[](x)")])]);
    }

    #[test]
    fn plain_text_joins_blocks() {
        let blocks = parse("Hello [world](https://w.org).\n\n- a\n- b");
        assert_eq!(plain_text(&blocks), "Hello world. a b");
    }
}
