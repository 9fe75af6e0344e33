use yew::prelude::*;

use crate::faq::LoadError;

#[derive(Properties, PartialEq)]
pub struct ErrorViewProps {
    pub error: LoadError,
    pub on_retry: Callback<()>,
}

#[function_component(ErrorView)]
pub fn error_view(props: &ErrorViewProps) -> Html {
    let retry = props.error.is_transient().then(|| {
        let on_retry = props.on_retry.clone();
        html! {
            <button type="button" class="faq-button" onclick={move |_| on_retry.emit(())}>
                { "Try again" }
            </button>
        }
    });
    html! {
        <div class="faq-error" part="error" role="alert">
            <p class="faq-error-title">{ "The FAQ could not be shown." }</p>
            <p>{ props.error.sentence() }</p>
            { retry }
        </div>
    }
}
