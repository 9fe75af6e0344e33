//! Answer markup: the linear parser agrees with the quadratic reference it replaced, and HTML
//! never becomes markup.

use faq_widget::faq::markup::{self, check_href, Inline, MarkupProblem};
use proptest::prelude::*;

use super::config;
use super::generators::*;
use super::invariants::*;

/// The answer markup parser as first written (clear, but quadratic on some inputs): the
/// reference the linear one must agree with.
mod reference {
    use faq_widget::faq::markup::{check_href, Block, Inline, MarkupProblem};

    pub fn parse_with_problems(source: &str) -> (Vec<Block>, Vec<MarkupProblem>) {
        let mut blocks = Vec::new();
        let mut problems = Vec::new();
        let mut paragraph: Vec<&str> = Vec::new();
        let mut list: Vec<Vec<Inline>> = Vec::new();
        let flush_paragraph =
            |paragraph: &mut Vec<&str>, blocks: &mut Vec<Block>, problems: &mut _| {
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
        while let Some(open) = rest.find('[') {
            let after_open = &rest[open + 1..];
            let parsed = after_open.find("](").and_then(|close| {
                let label = &after_open[..close];
                if label.contains('[') || label.contains(']') {
                    return None;
                }
                let target = &after_open[close + 2..];
                Some((label, target, target.find(')')))
            });
            match parsed {
                Some((label, target, Some(end))) if !label.is_empty() => {
                    let href = target[..end].trim();
                    plain.push_str(&rest[..open]);
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
                            plain.push_str(&rest[open..open + 1 + label.len() + 2 + end + 1]);
                        }
                    }
                    rest = &target[end + 1..];
                }
                Some((label, _, None)) => {
                    problems.push(MarkupProblem::UnclosedLink {
                        text: label.to_owned(),
                    });
                    plain.push_str(&rest[..open + 1]);
                    rest = &rest[open + 1..];
                }
                _ => {
                    plain.push_str(&rest[..open + 1]);
                    rest = &rest[open + 1..];
                }
            }
        }
        plain.push_str(rest);
        if !plain.is_empty() {
            out.push(Inline::Text(plain));
        }
        out
    }
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn markup_agrees_with_the_reference_and_places_its_problems(source in prop_oneof![fragment_text(40), any_text()]) {
        let (blocks, located) = markup::parse_located(&source);
        let (ref_blocks, ref_problems) = reference::parse_with_problems(&source);
        prop_assert_eq!(&blocks, &ref_blocks);
        let problems: Vec<MarkupProblem> = located.iter().map(|l| l.problem.clone()).collect();
        prop_assert_eq!(problems, ref_problems);
        for l in &located {
            prop_assert!(source.is_char_boundary(l.at));
            match &l.problem {
                MarkupProblem::UnclosedLink { .. } => prop_assert!(source[l.at..].starts_with('[')),
                MarkupProblem::RejectedLink { href, .. } => {
                    if !href.is_empty() && !href.contains(char::is_whitespace) {
                        prop_assert!(source[l.at..].starts_with(href.as_str()), "{:?} at {}", href, l.at);
                    }
                }
            }
        }
        for_each_inline(&blocks, |inline| {
            if let Inline::Link { href, text } = inline {
                assert_eq!(check_href(href), Ok(()));
                assert!(!text.is_empty());
            }
        });
    }

    #[test]
    fn html_never_becomes_markup(text in "[<>a-z/=\" ]{0,60}") {
        let blocks = markup::parse(&text);
        for_each_inline(&blocks, |inline| assert!(matches!(inline, Inline::Text(_))));
    }
}
