use yew::prelude::*;

use super::error_view::ErrorView;
use super::faq_view::FaqView;
use crate::hooks::{use_faq, FaqLoad, LoadState};
use crate::host::Host;
use crate::i18n::Strings;
use std::rc::Rc;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// URL of the faq.json to show.
    pub src: AttrValue,
    /// The embedding page's options and event target.
    #[prop_or_default]
    pub host: Host,
    /// The host page's language (`<html lang>`), for the states before the FAQ's is known.
    #[prop_or_default]
    pub lang: AttrValue,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let FaqLoad {
        state,
        fetched,
        retry,
    } = use_faq(props.src.clone(), &props.host);
    // Before the FAQ (and its language) is known: the host page's language if built in, else
    // English, labelled as what it is.
    let strings = use_memo(props.lang.clone(), |lang| {
        Strings::new(
            if Strings::built_in(lang) { lang } else { "en" },
            Vec::new(),
        )
    });
    let lang = strings.lang().to_owned();
    let dir = strings.direction();
    let view = match state {
        LoadState::Loading => html! {
            <div class="faq" {lang} {dir} aria-busy="true">
                <p class="faq-loading" role="status">{ strings.get("loading") }</p>
            </div>
        },
        LoadState::Failed(error) => html! {
            <div class="faq" {lang} {dir}><ErrorView {error} on_retry={retry} strings={Rc::clone(&strings)} /></div>
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
