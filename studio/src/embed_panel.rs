//! The embed panel: the script tag's options, the snippet a site owner pastes (with the theme's
//! custom properties and the release's integrity digest), Copy, and the `render` command for a
//! pre-rendered page.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::snippet::{self, EmbedOptions};
use crate::theme::Theme;

#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub options: EmbedOptions,
    pub theme: Theme,
    /// The draft's file name, for the `render` command.
    pub name: AttrValue,
    /// A FAQ in several languages: its languages and file name pattern.
    pub languages: Option<snippet::Languages>,
    /// The studio's interface language.
    pub lang: Lang,
    /// An option changed: all of them, as they are now.
    pub on_options: Callback<EmbedOptions>,
}

#[component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let copy_status = use_state(String::new);
    let lang = props.lang;
    let t = |key: &str| lang.t(key);
    let options = &props.options;
    let snippet_text = snippet::snippet(options, &props.theme, props.languages.as_ref());
    let option_text = |key: &'static str,
                       get: fn(&EmbedOptions) -> String,
                       put: fn(&mut EmbedOptions, String)| {
        let id = format!("studio-opt-{key}");
        let (on_options, options) = (props.on_options.clone(), options.clone());
        let oninput = Callback::from(move |e: InputEvent| {
            let mut o = options.clone();
            put(
                &mut o,
                e.target_unchecked_into::<HtmlInputElement>().value(),
            );
            on_options.emit(o);
        });
        html! {
            <div class="field">
                <label for={id.clone()}>{ t(key) }</label>
                <input type="text" id={id} value={get(&props.options)} {oninput} />
            </div>
        }
    };
    let option_check = |key: &'static str,
                        get: fn(&EmbedOptions) -> bool,
                        put: fn(&mut EmbedOptions, bool)| {
        let id = format!("studio-opt-{key}");
        let (on_options, options) = (props.on_options.clone(), options.clone());
        let onchange = Callback::from(move |e: Event| {
            let mut o = options.clone();
            put(
                &mut o,
                e.target_unchecked_into::<HtmlInputElement>().checked(),
            );
            on_options.emit(o);
        });
        html! {
            <div class="check">
                <input type="checkbox" id={id.clone()} checked={get(&props.options)} {onchange} />
                <label for={id}>{ t(key) }</label>
            </div>
        }
    };
    let on_copy = {
        let text = snippet_text.clone();
        let copy_status = copy_status.clone();
        Callback::from(move |_| {
            let text = text.clone();
            let copy_status = copy_status.clone();
            spawn_local(async move {
                let ok = match web_sys::window() {
                    Some(w) => JsFuture::from(w.navigator().clipboard().write_text(&text))
                        .await
                        .is_ok(),
                    None => false,
                };
                copy_status.set(lang.t(if ok { "copied" } else { "copy_failed" }).into());
            });
        })
    };
    html! {
        <section aria-labelledby="studio-embed-h" class="embed">
            <h2 id="studio-embed-h">{ t("embed") }</h2>
            <p>{ t("embed_intro") }</p>
            { option_text("script_src", |o| o.script_src.clone(), |o, v| o.script_src = v) }
            { option_text("integrity", |o| o.integrity.clone(), |o, v| o.integrity = v) }
            { option_text("faq_url", |o| o.faq_url.clone(), |o, v| o.faq_url = v) }
            { option_check("cookie_option", |o| o.cookie_notice, |o, v| o.cookie_notice = v) }
            { option_check("offline_option", |o| o.offline_always, |o, v| o.offline_always = v) }
            <label for="studio-snippet">{ t("snippet_label") }</label>
            <textarea id="studio-snippet" class="code" dir="ltr" readonly=true rows="5" value={snippet_text} />
            <div class="row">
                <button type="button" onclick={on_copy}>{ t("copy") }</button>
                <span role="status">{ (*copy_status).clone() }</span>
            </div>
            <label for="studio-render">{ t("render") }</label>
            <input type="text" id="studio-render" class="code" readonly=true
                value={snippet::render_command(&props.name)} />
        </section>
    }
}
