//! The questions shown (all of them, or the search results), "Show all answers" above them and
//! "Show more" below when the list is longer than one page.

use super::question::{question_item, QuestionProps};
use super::{el, Action, Node};
use crate::faq::Question;
use crate::i18n::Strings;
use crate::search::Highlighter;

pub struct AccordionProps<'a> {
    pub questions: &'a [Question],
    /// Which questions are open, by index in the FAQ.
    pub open: &'a [bool],
    /// The questions to show (indices into `questions`), in order.
    pub shown: &'a [usize],
    /// How many more a "Show more" button would add.
    pub more: usize,
    pub highlighter: Option<&'a Highlighter>,
    pub strings: &'a Strings,
}

/// Arrow-key movement between question buttons (WAI-ARIA accordion pattern).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Previous,
    Next,
    First,
    Last,
}

impl Move {
    /// The movement a key asks for, if any.
    pub fn from_key(key: &str) -> Option<Move> {
        Some(match key {
            "ArrowDown" => Move::Next,
            "ArrowUp" => Move::Previous,
            "Home" => Move::First,
            "End" => Move::Last,
            _ => return None,
        })
    }
}

/// Where focus goes; Up on the first and Down on the last wrap around, as in the APG example.
pub fn move_target(from: usize, count: usize, step: Move) -> usize {
    match step {
        _ if count == 0 => 0,
        Move::Previous => (from + count - 1) % count,
        Move::Next => (from + 1) % count,
        Move::First => 0,
        Move::Last => count - 1,
    }
}

pub fn all_open(open: &[bool]) -> bool {
    !open.is_empty() && open.iter().all(|&open| open)
}

pub fn accordion(props: &AccordionProps) -> Node {
    let copy_label = props.strings.get("copy_link");
    let items = props.shown.iter().filter_map(|&index| {
        Some(question_item(&QuestionProps {
            question: props.questions.get(index)?,
            index,
            open: props.open.get(index).copied().unwrap_or(false),
            highlighter: props.highlighter,
            copy_label: &copy_label,
        }))
    });
    let more = (props.more > 0).then(|| {
        el("button")
            .attr("type", "button")
            .class("faq-show-more")
            .on(Action::ShowMore)
            .text(
                props
                    .strings
                    .format("more", &[("count", &props.more.to_string())]),
            )
    });
    el("div")
        .class("faq-accordion")
        .child(
            el("div")
                .class("faq-controls")
                .child(show_all(all_open(props.open), props.strings)),
        )
        .children(items)
        .maybe(more)
        .into()
}

/// "Show all answers", or "Hide all answers" when every answer is open.
pub fn show_all(all_open: bool, strings: &Strings) -> Node {
    el("button")
        .attr("type", "button")
        .class("faq-show-all")
        .attr("part", "show-all")
        .flag("aria-expanded", all_open)
        .on(Action::ShowAll(!all_open))
        .text(strings.get(if all_open { "hide_all" } else { "show_all" }))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(move_target(0, 3, Move::Next), 1);
        assert_eq!(move_target(2, 3, Move::Next), 0);
        assert_eq!(move_target(0, 3, Move::Previous), 2);
        assert_eq!(move_target(1, 3, Move::First), 0);
        assert_eq!(move_target(1, 3, Move::Last), 2);
        assert_eq!(move_target(0, 0, Move::Last), 0);
        assert_eq!(Move::from_key("End"), Some(Move::Last));
        assert_eq!(Move::from_key("a"), None);
    }
}
