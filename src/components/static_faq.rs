//! The FAQ for places where no script runs: `faq-widget render` prints it (Yew SSR) for a
//! `<noscript>` fallback, search engines and hosts that want the content in the page itself.
//! `<details>`/`<summary>` give disclosure without script; the answers use the widget's own
//! [`render_blocks`], so the text and checked links are exactly what the widget shows.
//!
//! No heading inside `<summary>`: some screen readers then lose the summary's button role or the
//! heading, so the questions are the summaries themselves, under the FAQ's `<h2>`. There is no
//! cookie notice: without script nothing is stored.

use std::rc::Rc;

use yew::prelude::*;

use super::rich_text::render_blocks;
use crate::faq::{Faq, Question};

#[derive(Properties, PartialEq)]
pub struct StaticFaqProps {
    pub faq: Rc<Faq>,
}

#[function_component(StaticFaq)]
pub fn static_faq(props: &StaticFaqProps) -> Html {
    let faq = &props.faq;
    let contact = faq.contact.as_ref().map(|contact| match &contact.href {
        Some(href) => {
            html! { <p class="faq-contact"><a href={href.clone()}>{ contact.text.clone() }</a></p> }
        }
        None => html! { <p class="faq-contact">{ contact.text.clone() }</p> },
    });
    html! {
        <section class="faq faq-static" lang={faq.lang.clone()} aria-labelledby="faq-static-title">
            <h2 id="faq-static-title" class="faq-title">{ faq.title.clone() }</h2>
            if !faq.intro.is_empty() {
                <div class="faq-intro">{ render_blocks(&faq.intro) }</div>
            }
            <div class="faq-static-questions">
                { for faq.questions.iter().map(|question| html! {
                    // The id keeps deep links (page#id) working: the browser scrolls to the
                    // question and opens it.
                    <details class="faq-item" id={question.id.clone()} key={question.id.clone()}>
                        <summary class="faq-question">{ question.question.clone() }</summary>
                        <div class="faq-panel">
                            <StaticAnswer question={Rc::new(question.clone())} />
                        </div>
                    </details>
                }) }
            </div>
            { contact }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaticAnswerProps {
    pub question: Rc<Question>,
}

/// An answer and its "Read more" links: the panel of a question, and the answer text of the
/// schema.org JSON-LD.
#[function_component(StaticAnswer)]
pub fn static_answer(props: &StaticAnswerProps) -> Html {
    let question = &props.question;
    let links = (!question.links.is_empty()).then(|| {
        html! {
            <ul class="faq-links">
                { for question.links.iter().map(|link| match &link.href {
                    Some(href) => html! { <li><a href={href.clone()}>{ link.text.clone() }</a></li> },
                    None => html! { <li>{ link.text.clone() }</li> },
                }) }
            </ul>
        }
    });
    html! {
        <>
            { render_blocks(&question.answer) }
            { links }
        </>
    }
}
