use std::rc::Rc;

use yew::prelude::*;

use super::question::QuestionItem;
use crate::faq::Question;
use crate::feedback_state::{Vote, Votes};
use crate::i18n::Strings;
use crate::roving::{move_target, Move};
use crate::search::Highlighter;

#[derive(Properties, PartialEq)]
pub struct AccordionProps {
    pub questions: Rc<Vec<Rc<Question>>>,
    pub open: Vec<bool>,
    pub button_refs: Rc<Vec<NodeRef>>,
    pub on_toggle: Callback<usize>,
    pub on_show_all: Callback<bool>,
    pub on_copy_link: Callback<usize>,
    /// Interface texts in the FAQ's language.
    #[prop_or_default]
    pub strings: Rc<Strings>,
    /// The questions to show (indices into `questions`), in order: all of them, or search results.
    pub shown: Rc<Vec<usize>>,
    /// How many more (search results or questions) a "Show more" button would add.
    #[prop_or_default]
    pub more: usize,
    #[prop_or_default]
    pub on_show_more: Callback<()>,
    #[prop_or_default]
    pub highlighter: Option<Rc<Highlighter>>,
    /// The visitor's "Was this helpful?" answers.
    #[prop_or_default]
    pub votes: Votes,
    /// An open answer's Yes / No; `None`: no feedback buttons.
    #[prop_or_default]
    pub on_vote: Option<Callback<Vote>>,
    /// The widget's element id prefix (`Host::ids`): empty in a shadow root.
    #[prop_or_default]
    pub ids: AttrValue,
}

#[component(Accordion)]
pub fn accordion(props: &AccordionProps) -> Html {
    let all_open = !props.open.is_empty() && props.open.iter().all(|&open| open);
    // Arrow keys move among the questions shown, in the order shown.
    let on_move = {
        let refs = props.button_refs.clone();
        let shown = props.shown.clone();
        use_callback(
            (refs, shown),
            |(from, step): (usize, Move), (refs, shown)| {
                let Some(position) = shown.iter().position(|&i| i == from) else {
                    return;
                };
                let target = shown[move_target(position, shown.len(), step)];
                if let Some(node) = refs.get(target) {
                    crate::browser::dom::focus(node);
                }
            },
        )
    };
    // "Show more" moves focus to the first question it added.
    let focus_from = use_mut_ref(|| None::<usize>);
    {
        let focus_from = focus_from.clone();
        let refs = props.button_refs.clone();
        let shown = props.shown.clone();
        use_effect_with(shown.len(), move |_| {
            if let Some(first_new) = focus_from.borrow_mut().take() {
                if let Some(node) = shown.get(first_new).and_then(|&i| refs.get(i)) {
                    crate::browser::dom::focus(node);
                }
            }
        });
    }
    let show_more = (props.more > 0).then(|| {
        let on_show_more = props.on_show_more.clone();
        let count = props.shown.len();
        let onclick = move |_: MouseEvent| {
            *focus_from.borrow_mut() = Some(count);
            on_show_more.emit(());
        };
        html! {
            <button type="button" class="faq-show-more" {onclick}>
                { props.strings.format("more", &[("count", &props.more.to_string())]) }
            </button>
        }
    });
    let copy_label = AttrValue::from(props.strings.get("copy_link"));
    let show_all = {
        let on_show_all = props.on_show_all.clone();
        move |_: MouseEvent| on_show_all.emit(!all_open)
    };
    html! {
        <div class="faq-accordion">
            <div class="faq-controls">
                <button type="button" class="faq-show-all" part="show-all" aria-expanded={if all_open { "true" } else { "false" }} onclick={show_all}>
                    { props.strings.get(if all_open { "hide_all" } else { "show_all" }) }
                </button>
            </div>
            { for props.shown.iter().filter_map(|&index| Some((index, props.questions.get(index)?))).map(|(index, question)| html! {
                <QuestionItem
                    key={question.id.clone()}
                    question={question.clone()}
                    highlighter={props.highlighter.clone()}
                    {index}
                    open={props.open.get(index).copied().unwrap_or(false)}
                    button_ref={props.button_refs.get(index).cloned().unwrap_or_default()}
                    on_toggle={props.on_toggle.clone()}
                    on_move={on_move.clone()}
                    on_copy_link={props.on_copy_link.clone()}
                    copy_label={copy_label.clone()}
                    vote={props.votes.get(&question.id)}
                    on_vote={props.on_vote.clone()}
                    strings={props.strings.clone()}
                    ids={props.ids.clone()}
                />
            }) }
            { show_more }
        </div>
    }
}
