use yew::prelude::*;

use std::rc::Rc;

use crate::faq::Contact;
use crate::i18n::Strings;
use crate::search::contact_href;

#[derive(Properties, PartialEq)]
pub struct NoResultsProps {
    pub query: AttrValue,
    /// How many close questions are shown below.
    pub closest: usize,
    pub contact: Option<Contact>,
    /// Interface texts in the FAQ's language.
    #[prop_or_default]
    pub strings: Rc<Strings>,
}

/// Nothing matched: say so with the query, point at the close questions, offer the contact
/// (a mailto contact gets the query as its subject).
#[component(NoResults)]
pub fn no_results(props: &NoResultsProps) -> Html {
    let query = props.query.trim();
    let contact = props.contact.as_ref().map(|contact| match &contact.href {
        Some(href) => html! {
            <p><a href={contact_href(href, query)}>{ contact.text.clone() }</a></p>
        },
        None => html! { <p>{ contact.text.clone() }</p> },
    });
    html! {
        <div class="faq-no-results">
            <p class="faq-no-results-title">{ format!("{}.", props.strings.format("no_results", &[("query", query)])) }</p>
            if props.closest == 0 {
                <p>{ props.strings.get("no_results.hint") }</p>
            }
            { contact }
            if props.closest > 0 {
                <p>{ props.strings.count("closest", props.closest.min(u32::MAX as usize) as u32, &[]) }</p>
            }
        </div>
    }
}
