//! Answer markup as text nodes and checked links only: nothing here can inject HTML.

use yew::prelude::*;

use crate::faq::markup::{Block, Inline};

pub fn render_blocks(blocks: &[Block]) -> Html {
    blocks.iter().map(block).collect()
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(inlines) => html! { <p>{ for inlines.iter().map(inline) }</p> },
        Block::List(items) => html! {
            <ul>{ for items.iter().map(|item| html! { <li>{ for item.iter().map(inline) }</li> }) }</ul>
        },
    }
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Link { text, href } => html! { <a href={href.clone()}>{ text.clone() }</a> },
    }
}
