use yew::prelude::*;

use std::rc::Rc;

use crate::faq::LoadError;
use crate::i18n::Strings;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub error: LoadError,
    pub on_retry: Callback<()>,
    /// The host page's language: the FAQ's is not known yet.
    #[prop_or_default]
    pub strings: Rc<Strings>,
}

#[component(ErrorView)]
pub fn error_view(props: &ErrorViewProps) -> Html {
    let retry = props.error.is_transient().then(|| {
        let on_retry = props.on_retry.clone();
        html! {
            <button type="button" class="faq-button" onclick={move |_| on_retry.emit(())}>
                { props.strings.get("retry") }
            </button>
        }
    });
    html! {
        <div class="faq-error" part="error" role="alert">
            <p class="faq-error-title">{ props.strings.get("error.title") }</p>
            <p>{ props.error.sentence(&props.strings) }</p>
            { retry }
        </div>
    }
}
