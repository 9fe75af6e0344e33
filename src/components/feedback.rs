use std::rc::Rc;

use yew::prelude::*;

use crate::feedback_state::Vote;
use crate::i18n::Strings;

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    /// The question's id: what `on_vote` reports, and the group label's id (`f-<id>`).
    pub id: AttrValue,
    /// The visitor's answer so far in this page view: `Some(true)` for Yes.
    #[prop_or_default]
    pub vote: Option<bool>,
    /// The visitor pressed Yes or No (not the one already pressed).
    pub on_vote: Callback<Vote>,
    /// Interface texts in the FAQ's language (`feedback.*`).
    #[prop_or_default]
    pub strings: Rc<Strings>,
}

/// "Was this helpful?" under an open answer: a group of two toggle buttons, Yes and No
/// (`aria-pressed`), and a short thanks once the visitor voted. The vote can be changed; the
/// view announces the thanks in its live region.
///
/// It has no state of its own, and `QuestionItem` renders it inside its memoised answer panel
/// by calling [`feedback`] directly: a component of its own would add its lifecycle code to the
/// wasm (about 0.9 KB brotli, BENCHMARKS.md "Feedback") for nothing the panel's memo does not
/// already give. Yew apps (and the markup tests) can use it as `<Feedback ... />`.
#[component(Feedback)]
pub fn feedback_component(props: &FeedbackProps) -> Html {
    feedback(props)
}

/// The markup of [`Feedback`], for a view that is itself memoised.
pub fn feedback(props: &FeedbackProps) -> Html {
    let label = format!("f-{}", props.id);
    let button = |helpful: bool| {
        let pressed = props.vote == Some(helpful);
        let on_vote = props.on_vote.clone();
        let id = props.id.to_string();
        let onclick = move |_: MouseEvent| {
            if !pressed {
                on_vote.emit(Vote {
                    id: id.clone(),
                    helpful,
                });
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
