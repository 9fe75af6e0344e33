use yew::prelude::*;

use super::error_view::ErrorView;
use super::faq_view::FaqView;
use crate::hooks::{use_faq, FaqLoad, LoadState};
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
    let FaqLoad {
        state,
        fetched,
        retry,
    } = use_faq(props.src.clone(), &props.host);
    let view = match state {
        LoadState::Loading => html! {
            <div class="faq" aria-busy="true">
                <p class="faq-loading" role="status">{ "Loading questions…" }</p>
            </div>
        },
        LoadState::Failed(error) => html! {
            <div class="faq"><ErrorView {error} on_retry={retry} /></div>
        },
        LoadState::Ready(faq) => {
            // Updates keep the view (and what the visitor opened); a changed cookie notice does
            // not: consent is read once per view (`hooks::use_consent`).
            let key = faq
                .cookie_notice
                .as_ref()
                .map_or(0, |notice| notice.revision.saturating_add(1));
            html! { <FaqView {key} {faq} src={props.src.clone()} {fetched} /> }
        }
    };
    html! {
        <ContextProvider<Host> context={props.host.clone()}>{ view }</ContextProvider<Host>>
    }
}
