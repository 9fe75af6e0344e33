use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::Strings;

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    /// The question's position, which `on_vote` reports.
    pub index: usize,
    /// The question's id (names the group's label: `f-<id>`).
    pub id: AttrValue,
    /// The visitor's answer so far in this page view: `Some(true)` for Yes.
    #[prop_or_default]
    pub vote: Option<bool>,
    /// `(index, helpful)` when the visitor presses Yes or No (not the one already pressed).
    pub on_vote: Callback<(usize, bool)>,
    /// Interface texts in the FAQ's language (`feedback.*`).
    #[prop_or_default]
    pub strings: Rc<Strings>,
}

/// "Was this helpful?" under an open answer: a group of two toggle buttons, Yes and No
/// (`aria-pressed`), and a short thanks once the visitor voted. The vote can be changed; the
/// view announces the thanks in its live region.
#[component(Feedback)]
pub fn feedback(props: &FeedbackProps) -> Html {
    let label = format!("f-{}", props.id);
    let button = |helpful: bool| {
        let pressed = props.vote == Some(helpful);
        let on_vote = props.on_vote.clone();
        let index = props.index;
        let onclick = move |_: MouseEvent| {
            if !pressed {
                on_vote.emit((index, helpful))
            }
        };
        html! {
            <button type="button" class="faq-feedback-button" aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                { props.strings.get(if helpful { "feedback.yes" } else { "feedback.no" }) }
            </button>
        }
    };
    html! {
        <div class="faq-feedback" role="group" aria-labelledby={label.clone()}>
            <span id={label} class="faq-feedback-prompt">{ props.strings.get("feedback.prompt") }</span>
            { button(true) }
            { button(false) }
            if props.vote.is_some() {
                <span class="faq-feedback-thanks">{ props.strings.get("feedback.thanks") }</span>
            }
        </div>
    }
}
