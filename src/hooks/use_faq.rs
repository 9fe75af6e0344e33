use std::rc::Rc;

use yew::prelude::*;

use crate::browser::fetch::fetch_text;
use crate::faq::{load_for_display, Faq, LoadError};

#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Ready(Rc<Faq>),
    Failed(LoadError),
}

/// Fetches and validates the FAQ at `src`; calling `retry` fetches again.
#[hook]
pub fn use_faq(src: AttrValue) -> (LoadState, Callback<()>) {
    let state = use_state_eq(|| LoadState::Loading);
    let attempt = use_state_eq(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((src, *attempt), move |(src, _)| {
            let src = src.clone();
            state.set(LoadState::Loading);
            wasm_bindgen_futures::spawn_local(async move {
                let next = match fetch_text(&src).await {
                    Ok(text) => {
                        let loaded = load_for_display(&text);
                        match (LoadError::from_loaded(&text, &loaded), loaded.faq) {
                            (None, Some(faq)) => LoadState::Ready(Rc::new(faq)),
                            (Some(error), _) => LoadState::Failed(error),
                            (None, None) => LoadState::Failed(LoadError::Network),
                        }
                    }
                    Err(error) => LoadState::Failed(error),
                };
                state.set(next);
            });
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*state).clone(), retry)
}
