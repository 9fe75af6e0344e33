//! The FAQ for places where no script runs: `faq-widget render` prints it (Yew SSR) for a
//! `<noscript>` fallback, search engines and hosts that want the content in the page itself.
//! `<details>`/`<summary>` give disclosure without script; the answers use the widget's own
//! [`render_blocks`], so the text and checked links are exactly what the widget shows.
//!
//! Each question is an `<h3>` inside its `<summary>`: Chromium and Firefox expose the heading,
//! so heading navigation lists the questions (`VoiceOver` reads the summary as a button named by
//! the question, without the heading); and the heading's default margins space the summaries
//! 24px apart (WCAG 2.5.8 target size) in a host page with no stylesheet for them, which a strict
//! CSP host may not allow. There is no cookie notice: without script nothing is stored.

use std::rc::Rc;

use yew::prelude::*;

use super::rich_text::render_blocks;
use crate::faq::{Faq, Question};

#[derive(Properties, PartialEq)]
pub struct StaticFaqProps {
    pub faq: Rc<Faq>,
}

#[component(StaticFaq)]
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
                        <summary class="faq-question"><h3 class="faq-question-text">{ question.question.clone() }</h3></summary>
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
#[component(StaticAnswer)]
pub fn static_answer(props: &StaticAnswerProps) -> Html {
    let question = &props.question;
    let links = (!question.links.is_empty()).then(|| {
        html! {
            <ul class="faq-links">
                // A paragraph in each item: its default margins keep the links 24px apart.
                { for question.links.iter().map(|link| match &link.href {
                    Some(href) => html! { <li><p><a href={href.clone()}>{ link.text.clone() }</a></p></li> },
                    None => html! { <li><p>{ link.text.clone() }</p></li> },
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
