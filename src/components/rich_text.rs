//! Answer markup as text nodes and checked links only: nothing here can inject HTML.
//! Search matches are `<mark>` elements around text nodes.

use std::ops::Range;

use yew::prelude::*;

use crate::faq::markup::{Block, Inline};
use crate::search::Highlighter;

pub fn render_blocks(blocks: &[Block]) -> Html {
    render_blocks_marked(blocks, None)
}

/// The blocks with what `highlighter` matches in `<mark>`.
pub fn render_blocks_marked(blocks: &[Block], highlighter: Option<&Highlighter>) -> Html {
    blocks.iter().map(|b| block(b, highlighter)).collect()
}

fn block(block: &Block, h: Option<&Highlighter>) -> Html {
    match block {
        Block::Paragraph(inlines) => html! { <p>{ for inlines.iter().map(|i| inline(i, h)) }</p> },
        Block::List(items) => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(|i| inline(i, h)) }</li> }) }</ul>
        },
    }
}

fn inline(inline: &Inline, h: Option<&Highlighter>) -> Html {
    match inline {
        Inline::Text(text) => text_marked(text, h),
        Inline::Link { text, href } => {
            html! { <a href={href.clone()}>{ text_marked(text, h) }</a> }
        }
    }
}

/// `text` with what `highlighter` matches in `<mark>`, as text nodes.
pub fn text_marked(text: &str, highlighter: Option<&Highlighter>) -> Html {
    match highlighter {
        Some(h) if !h.is_empty() => with_marks(text, &h.ranges(text)),
        _ => html! { { text.to_owned() } },
    }
}

/// `text` with the byte `ranges` (in order, on character boundaries) in `<mark>`.
pub fn with_marks(text: &str, ranges: &[Range<usize>]) -> Html {
    if ranges.is_empty() {
        return html! { { text.to_owned() } };
    }
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            parts.push(html! { { before.to_owned() } });
        }
        parts.push(html! { <mark>{ marked.to_owned() }</mark> });
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        parts.push(html! { { rest.to_owned() } });
    }
    parts.into_iter().collect()
}
