//! Answer markup: plain text, blank line = new paragraph, `- ` lines = bullet list,
//! `[text](url)` = link. Nothing else is markup, so `<b>` stays the three characters `<b>`.

use crate::cut;

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
    let scheme_end = href.find([':', '/', '?', '#']);
    let Some(end) = scheme_end.filter(|&i| href.as_bytes()[i] == b':') else {
        return Ok(()); // relative
    };
    let scheme = cut(href, 0, end);
    let allowed = ["https", "http", "mailto", "tel"];
    if allowed.iter().any(|s| s.eq_ignore_ascii_case(scheme)) {
        if scheme
            .get(..4)
            .is_some_and(|s| s.eq_ignore_ascii_case("http"))
            && href.len() == end + 1
        {
            return Err(HrefProblem::Malformed);
        }
        Ok(())
    } else {
        Err(HrefProblem::ForbiddenScheme)
    }
}

pub fn parse(source: &str) -> Vec<Block> {
    parse_located(source).0
}

pub fn parse_with_problems(source: &str) -> (Vec<Block>, Vec<MarkupProblem>) {
    let (blocks, problems) = parse_located(source);
    (blocks, problems.into_iter().map(|l| l.problem).collect())
}

/// A problem and where it is: the byte offset in the markup source of the `[` of an unclosed
/// link, or of the address of a rejected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub at: usize,
    pub problem: MarkupProblem,
}

/// A line of a paragraph (trimmed) and its byte offset in the source.
type Piece<'a> = (&'a str, usize);

/// Like [`parse_with_problems`], with the position of every problem. Linear in the length of
/// the source, whatever it contains.
pub fn parse_located(source: &str) -> (Vec<Block>, Vec<Located>) {
    let mut blocks = Vec::new();
    let mut problems = Vec::new();
    let mut paragraph: Vec<Piece> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();

    let flush_paragraph =
        |paragraph: &mut Vec<Piece>, blocks: &mut Vec<Block>, problems: &mut _| {
            if !paragraph.is_empty() {
                // The lines joined by spaces, and where each one starts in the joined text and in
                // the source, so problems found in the joined text can be placed in the source.
                let mut joined = String::new();
                let mut starts = Vec::with_capacity(paragraph.len());
                for (line, at) in paragraph.iter() {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    starts.push((joined.len(), *at));
                    joined.push_str(line);
                }
                blocks.push(Block::Paragraph(inlines(&joined, &starts, problems)));
                paragraph.clear();
            }
        };
    let flush_list = |list: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
        if !list.is_empty() {
            blocks.push(Block::List(std::mem::take(list)));
        }
    };

    let mut line_start = 0;
    for raw_line in source.split('\n') {
        let line = raw_line.trim();
        let at = line_start + (raw_line.len() - raw_line.trim_start().len());
        line_start += raw_line.len() + 1;
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
            flush_list(&mut list, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ") {
            flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
            let item_at = at + 2 + (item.len() - item.trim_start().len());
            list.push(inlines(item.trim(), &[(0, item_at)], &mut problems));
        } else {
            flush_list(&mut list, &mut blocks);
            paragraph.push((line, at));
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks, &mut problems);
    flush_list(&mut list, &mut blocks);
    (blocks, problems)
}

/// The source offset of byte `offset` of a text made of pieces starting at `starts`
/// (`(offset in the text, offset in the source)`, in order).
fn source_offset(starts: &[(usize, usize)], offset: usize) -> usize {
    let index = starts.partition_point(|&(start, _)| start <= offset);
    match index.checked_sub(1).and_then(|i| starts.get(i)) {
        Some(&(start, at)) => at + (offset - start),
        None => offset,
    }
}

/// Text and `[label](href)` links. A label holds no brackets; a link needs a `)` after its `](`.
/// Each `[` is looked at once and no search runs past a point an earlier one showed fruitless,
/// so the time is linear even for text made only of brackets.
fn inlines(text: &str, starts: &[(usize, usize)], problems: &mut Vec<Located>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let mut plain = String::new();
    // No `)` after this offset: an open `](` past it is never closed.
    let last_paren = text.rfind(')');
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let offset = text.len() - rest.len();
        let after_open = cut(rest, open + 1, rest.len());
        // The label ends at the first bracket; it is a link label only if that is a `]`
        // followed by `(`.
        let Some(close) = after_open.find(['[', ']']) else {
            // No `]` anywhere after: no later `[` starts a link either.
            break;
        };
        let is_candidate = after_open.as_bytes()[close] == b']'
            && after_open.as_bytes().get(close + 1) == Some(&b'(');
        if !is_candidate {
            plain.push_str(cut(rest, 0, open + 1));
            rest = after_open;
            continue;
        }
        let label = cut(after_open, 0, close);
        let target_offset = offset + open + 1 + close + 2;
        let target = cut(after_open, close + 2, after_open.len());
        let closed = last_paren.is_some_and(|last| last >= target_offset);
        if !closed {
            problems.push(Located {
                at: source_offset(starts, offset + open),
                problem: MarkupProblem::UnclosedLink {
                    text: label.to_owned(),
                },
            });
            plain.push_str(cut(rest, 0, open + 1));
            rest = after_open;
            continue;
        }
        if label.is_empty() {
            plain.push_str(cut(rest, 0, open + 1));
            rest = after_open;
            continue;
        }
        let Some(end) = target.find(')') else {
            break; // unreachable: `closed` says there is one
        };
        let href = cut(target, 0, end).trim();
        plain.push_str(cut(rest, 0, open));
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
                let raw = cut(target, 0, end);
                let href_offset = target_offset + (raw.len() - raw.trim_start().len());
                problems.push(Located {
                    at: source_offset(starts, href_offset),
                    problem: MarkupProblem::RejectedLink {
                        text: label.to_owned(),
                        href: href.to_owned(),
                        reason,
                    },
                });
                // The whole construct stays visible as inert text.
                plain.push_str(cut(rest, open, open + 1 + label.len() + 2 + end + 1));
            }
        }
        rest = cut(target, end + 1, target.len());
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
    fn problems_know_where_they_are() {
        let source = "Intro line\n  see [the guide](https://x.org\n\n- item [x](javascript:alert(1))\n- [y](  data:x)";
        let (_, problems) = parse_located(source);
        let at: Vec<usize> = problems.iter().map(|p| p.at).collect();
        assert_eq!(
            at,
            [
                source.find("[the").unwrap(),
                source.find("javascript").unwrap(),
                source.find("data").unwrap()
            ]
        );
        // A link label may span lines of a paragraph; its position is still in the source.
        let source = "one\n   two [a\n b](vbscript:x)";
        let (_, problems) = parse_located(source);
        assert_eq!(problems[0].at, source.find("vbscript").unwrap());
    }

    #[test]
    fn bracket_floods_take_linear_time() {
        // Each of these took quadratic time in the first version of the parser.
        for flood in ["[", "[a](", "[](", "[a]", "]("] {
            let text = format!("{})", flood.repeat(200_000));
            let (blocks, _) = parse_with_problems(&text);
            assert_eq!(blocks.len(), 1);
        }
    }

    #[test]
    fn plain_text_joins_blocks() {
        let blocks = parse("Hello [world](https://w.org).\n\n- a\n- b");
        assert_eq!(plain_text(&blocks), "Hello world. a b");
    }
}
