//! The FAQ could not be shown: why, in the page's language, with "Try again" when trying again
//! may help. A render function rather than a component (as `offline_note`): it has no state,
//! and a component instance costs wasm bytes for nothing here (with `no_results`, 1,044 B brotli:
//! BENCHMARKS.md "Languages").

use yew::prelude::*;

use crate::faq::LoadError;
use crate::i18n::Strings;

/// `strings`: the host page's texts (the FAQ's language is not known); `on_retry`: "Try again".
pub fn error_view(error: &LoadError, on_retry: &Callback<()>, strings: &Strings) -> Html {
    let retry = error.is_transient().then(|| {
        let on_retry = on_retry.clone();
        html! {
            <button type="button" class="faq-button" onclick={move |_| on_retry.emit(())}>
                { strings.get("retry") }
            </button>
        }
    });
    html! {
        <div class="faq-error" part="error" role="alert">
            <p class="faq-error-title">{ strings.get("error.title") }</p>
            <p>{ error.sentence(strings) }</p>
            { retry }
        </div>
    }
}
