use std::rc::Rc;

use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, VNode};

use super::feedback::{feedback, FeedbackProps};
use super::rich_text::{render_blocks_marked, text_marked, with_marks};
use crate::faq::Question;
use crate::feedback_state::Vote;
use crate::host::prefixed;
use crate::i18n::Strings;
use crate::roving::Move;
use crate::search::{why, Highlighter};

#[derive(Properties, PartialEq)]
pub struct QuestionItemProps {
    pub question: Rc<Question>,
    pub index: usize,
    pub open: bool,
    pub button_ref: NodeRef,
    pub on_toggle: Callback<usize>,
    pub on_move: Callback<(usize, Move)>,
    pub on_copy_link: Callback<usize>,
    /// The copy button's text, in the FAQ's language.
    #[prop_or(AttrValue::Static("Copy link to this question"))]
    pub copy_label: AttrValue,
    /// What the search matched, to mark; `None` when not searching.
    #[prop_or_default]
    pub highlighter: Option<Rc<Highlighter>>,
    /// The visitor's "Was this helpful?" answer on this question, if any.
    #[prop_or_default]
    pub vote: Option<bool>,
    /// The open answer's Yes / No; `None`: no feedback buttons.
    #[prop_or_default]
    pub on_vote: Option<Callback<Vote>>,
    /// Interface texts in the FAQ's language (the feedback buttons').
    #[prop_or_default]
    pub strings: Rc<Strings>,
    /// The widget's element id prefix (`Host::ids`): empty in a shadow root.
    #[prop_or_default]
    pub ids: AttrValue,
}

/// One question: a heading with a disclosure button, and its answer panel.
#[component(QuestionItem)]
pub fn question_item(props: &QuestionItemProps) -> Html {
    let index = props.index;
    let question = &props.question;
    #[cfg(feature = "render-probe")]
    super::probe::rendered("question", &question.id);
    let button_id = prefixed(&props.ids, &["q-", &question.id].concat());
    let panel_id = prefixed(&props.ids, &["a-", &question.id].concat());

    let onclick = {
        let on_toggle = props.on_toggle.clone();
        move |_: MouseEvent| on_toggle.emit(index)
    };
    let onkeydown = {
        let on_move = props.on_move.clone();
        move |event: KeyboardEvent| {
            let step = match event.key().as_str() {
                "ArrowDown" => Move::Next,
                "ArrowUp" => Move::Previous,
                "Home" => Move::First,
                "End" => Move::Last,
                _ => return,
            };
            event.prevent_default();
            on_move.emit((index, step));
        }
    };
    // Marks in the answer only while it shows; a closed answer that matched shows a snippet.
    let highlighter = props.highlighter.as_deref();
    let snippet = highlighter
        .filter(|_| !props.open)
        .and_then(|h| why(question, h))
        .map(|s| html! { <p class="faq-snippet">{ with_marks(&s.text, &s.marks) }</p> });
    // The panel is memoised: while a closed answer's marks do not change, a new query does not
    // rebuild it (searching re-renders every shown question; the hidden answers stay as they are).
    let answer_marks = props.highlighter.clone().filter(|_| props.open);
    let panel = use_memo(
        (
            question.clone(),
            panel_id.clone(),
            index,
            props.open,
            answer_marks,
            props.on_copy_link.clone(),
            props.copy_label.clone(),
            (props.vote, props.on_vote.clone(), props.strings.clone()),
        ),
        |(
            question,
            panel_id,
            index,
            open,
            answer_marks,
            on_copy_link,
            copy_label,
            (vote, on_vote, strings),
        )| {
            // "Was this helpful?" only under an open answer (find-in-page skips it).
            let feedback = on_vote.clone().filter(|_| *open).map(|on_vote| {
                feedback(&FeedbackProps {
                    id: question.id.clone().into(),
                    vote: *vote,
                    on_vote,
                    strings: strings.clone(),
                })
            });
            panel(
                question,
                panel_id,
                *index,
                *open,
                answer_marks.as_deref(),
                (on_copy_link, copy_label),
                feedback,
            )
        },
    );

    html! {
        <div class={if props.open { "faq-item faq-item-open" } else { "faq-item" }}>
            <h3 class="faq-question">
                <button
                    type="button"
                    id={button_id}
                    class="faq-question-button"
                    part="question"
                    aria-expanded={if props.open { "true" } else { "false" }}
                    aria-controls={panel_id}
                    ref={props.button_ref.clone()}
                    {onclick}
                    {onkeydown}
                >
                    <span class="faq-question-text">{ text_marked(&question.question, highlighter) }</span>
                    <span class="faq-question-icon" aria-hidden="true"></span>
                </button>
            </h3>
            { snippet }
            { (*panel).clone() }
        </div>
    }
}

/// The answer panel: marked while open; `hidden="until-found"` while closed.
fn panel(
    question: &Question,
    panel_id: &AttrValue,
    index: usize,
    open: bool,
    answer_marks: Option<&Highlighter>,
    (on_copy_link, copy_label): (&Callback<usize>, &AttrValue),
    feedback: Option<Html>,
) -> Html {
    let on_copy = {
        let on_copy_link = on_copy_link.clone();
        move |_: MouseEvent| on_copy_link.emit(index)
    };
    let links = (!question.links.is_empty()).then(|| {
        html! {
            <ul class="faq-links">
                { for question.links.iter().map(|link| match &link.href {
                    Some(href) => html! { <li><a href={href.clone()}>{ text_marked(&link.text, answer_marks) }</a></li> },
                    None => html! { <li>{ text_marked(&link.text, answer_marks) }</li> },
                }) }
            </ul>
        }
    });
    let mut panel = html! {
        <div>
            { render_blocks_marked(&question.answer, answer_marks) }
            { links }
            // Always there, so opening adds no sibling: Yew matches unkeyed children from the
            // end, and a new one here would re-create the answer's paragraphs (focus, selection
            // and find-in-page matches would be lost).
            <div class="faq-panel-votes">{ feedback }</div>
            <p class="faq-panel-tools">
                <button type="button" class="faq-link-button" onclick={on_copy}>
                    { copy_label.clone() }
                </button>
            </p>
        </div>
    };
    // `hidden="until-found"` lets find-in-page reveal a closed answer. Yew's macro only knows
    // `hidden` as a boolean, so the panel's attributes are given as one list here (a fixed key list
    // with optional values, as the macro builds it; -1.65 KB brotli against `add_attribute`, which
    // converts the attributes to an IndexMap, see BENCHMARKS.md).
    if let VNode::VTag(tag) = &mut panel {
        if let Some(tag) = Rc::get_mut(tag) {
            tag.set_attributes(Attributes::Dynamic {
                keys: &["id", "class", "part", "data-index", "hidden"],
                values: Box::new([
                    Some(AttributeOrProperty::Attribute(panel_id.clone())),
                    Some(AttributeOrProperty::Attribute("faq-panel".into())),
                    Some(AttributeOrProperty::Attribute("answer".into())),
                    Some(AttributeOrProperty::Attribute(index.to_string().into())),
                    (!open).then(|| AttributeOrProperty::Attribute("until-found".into())),
                ]),
            });
        }
    }
    panel
}
