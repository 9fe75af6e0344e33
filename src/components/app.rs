use yew::prelude::*;

use super::error_view::ErrorView;
use super::faq_view::FaqView;
use crate::hooks::{use_faq, LoadState};
use crate::host::Host;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// URL of the faq.json to show.
    pub src: AttrValue,
    /// The embedding page's options and event target.
    #[prop_or_default]
    pub host: Host,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let (state, retry) = use_faq(props.src.clone());
    let view = match state {
        LoadState::Loading => html! {
            <div class="faq" aria-busy="true">
                <p class="faq-loading" role="status">{ "Loading questions…" }</p>
            </div>
        },
        LoadState::Failed(error) => html! {
            <div class="faq"><ErrorView {error} on_retry={retry} /></div>
        },
        LoadState::Ready(faq) => html! { <FaqView {faq} /> },
    };
    html! {
        <ContextProvider<Host> context={props.host.clone()}>{ view }</ContextProvider<Host>>
    }
}
