//! Nothing matched the search. A render function rather than a component (as `offline_note`):
//! it has no state, and a component instance costs wasm bytes for nothing here.

use yew::prelude::*;

use crate::faq::Contact;
use crate::i18n::Strings;
use crate::search::contact_href;

/// Nothing matched `query`: say so, point at the `closest` questions shown below, offer the
/// contact (a mailto contact gets the query as its subject). `strings`: the FAQ's language.
pub fn no_results(
    query: &str,
    closest: usize,
    contact: Option<&Contact>,
    strings: &Strings,
) -> Html {
    let query = query.trim();
    let contact = contact.map(|contact| match &contact.href {
        Some(href) => html! {
            <p><a href={contact_href(href, query)}>{ contact.text.clone() }</a></p>
        },
        None => html! { <p>{ contact.text.clone() }</p> },
    });
    html! {
        <div class="faq-no-results">
            <p class="faq-no-results-title">{ format!("{}.", strings.format("no_results", &[("query", query)])) }</p>
            if closest == 0 {
                <p>{ strings.get("no_results.hint") }</p>
            }
            { contact }
            if closest > 0 {
                <p>{ strings.count("closest", closest.min(u32::MAX as usize) as u32, &[]) }</p>
            }
        </div>
    }
}
