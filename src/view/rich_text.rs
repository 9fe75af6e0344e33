//! Answer markup as text nodes and checked links only: nothing here can inject HTML.
//! Search matches are `<mark>` elements around text nodes.

use std::ops::Range;

use super::{el, text, Node};
use crate::faq::markup::{Block, Inline};
use crate::search::Highlighter;

/// The blocks, with what `highlighter` matches in `<mark>`.
pub fn blocks(blocks: &[Block], highlighter: Option<&Highlighter>) -> Vec<Node> {
    blocks.iter().map(|b| block(b, highlighter)).collect()
}

fn block(block: &Block, h: Option<&Highlighter>) -> Node {
    match block {
        Block::Paragraph(inlines) => el("p").children(inlines_of(inlines, h)).into(),
        Block::List(items) => el("ul")
            .children(
                items
                    .iter()
                    .map(|item| el("li").children(inlines_of(item, h)).into()),
            )
            .into(),
    }
}

fn inlines_of(inlines: &[Inline], h: Option<&Highlighter>) -> Vec<Node> {
    let mut nodes = Vec::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => nodes.extend(marked(text, h)),
            Inline::Link { text, href } => nodes.push(
                el("a")
                    .attr("href", href.as_str())
                    .children(marked(text, h))
                    .into(),
            ),
        }
    }
    nodes
}

/// `text` with what `highlighter` matches in `<mark>`, as text nodes.
pub fn marked(text: &str, highlighter: Option<&Highlighter>) -> Vec<Node> {
    match highlighter {
        Some(h) if !h.is_empty() => with_marks(text, &h.ranges(text)),
        _ => vec![Node::Text(text.to_owned())],
    }
}

/// `text` with the byte `ranges` (in order, on character boundaries) in `<mark>`.
pub fn with_marks(value: &str, ranges: &[Range<usize>]) -> Vec<Node> {
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (value.get(at..range.start), value.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            parts.push(text(before));
        }
        parts.push(el("mark").text(marked).into());
        at = range.end;
    }
    if let Some(rest) = value
        .get(at..)
        .filter(|rest| !rest.is_empty() || parts.is_empty())
    {
        parts.push(text(rest));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::to_html;

    fn html(nodes: Vec<Node>) -> String {
        nodes.iter().map(to_html).collect()
    }

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn marks_wrap_the_ranges_and_bad_ranges_are_skipped() {
        assert_eq!(
            html(with_marks("red notice", &[4..10])),
            "red <mark>notice</mark>"
        );
        assert_eq!(html(with_marks("abc", &[])), "abc");
        assert_eq!(html(with_marks("abc", &[0..3])), "<mark>abc</mark>");
        assert_eq!(html(with_marks("é", &[0..1])), "é", "not a char boundary");
    }
}
