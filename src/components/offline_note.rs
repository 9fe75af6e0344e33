//! The visible note about where the FAQ on screen comes from. A render function rather than a
//! component: it has no state, and a component costs wasm bytes for nothing here.

use yew::prelude::*;

use crate::browser::date::long_date;

/// English now; the i18n keys are "offline.saved" ("Offline: showing the copy saved on {date}")
/// and "updated".
const SAVED: &str = "Offline: showing the copy saved on ";
pub const UPDATED: &str = "This FAQ was updated";

/// `saved_ms`: the FAQ shown is the copy saved then (the network failed), dated in the FAQ's
/// language `lang`; `updated`: a newer FAQ replaced the one first shown. Nothing otherwise.
pub fn offline_note(saved_ms: Option<u64>, updated: bool, lang: Option<&str>) -> Html {
    let text = match saved_ms {
        Some(ms) => {
            // push_str, not concat or format!: each pulls in more code than this needs.
            let mut text = String::from(SAVED);
            text.push_str(&long_date(ms, lang.unwrap_or("en")));
            text
        }
        None if updated => UPDATED.to_owned(),
        None => return Html::default(),
    };
    html! { <p class="faq-note" part="note">{ text }</p> }
}
