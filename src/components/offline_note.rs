//! The visible note about where the FAQ on screen comes from. A render function rather than a
//! component: it has no state, and a component costs wasm bytes for nothing here.

use yew::prelude::*;

use crate::browser::date::long_date;
use crate::i18n::Strings;

/// `saved_ms`: the FAQ shown is the copy saved then (the network failed), dated in the FAQ's
/// language ("offline.saved"); `updated`: a newer FAQ replaced the one first shown ("updated").
/// Nothing otherwise.
pub fn offline_note(saved_ms: Option<u64>, updated: bool, strings: &Strings) -> Html {
    let text = match saved_ms {
        Some(ms) => strings.format("offline.saved", &[("date", &long_date(ms, strings.lang()))]),
        None if updated => strings.get("updated"),
        None => return Html::default(),
    };
    html! { <p class="faq-note" part="note">{ text }</p> }
}
