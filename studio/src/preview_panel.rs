//! The preview: the widget itself (the crate's `FaqWidget`) showing the last FAQ that could be
//! read, at a phone's, a tablet's or the full width, light or dark, in the FAQ's language or
//! another the widget has texts for, with the theme's colours.

use std::rc::Rc;

use faq_widget::faq::Faq;
use faq_widget::FaqWidget;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::theme::{Theme, PROPERTIES};

#[derive(Properties, PartialEq)]
pub struct PreviewPanelProps {
    /// The last FAQ that could be shown; `None` before any.
    pub faq: Option<Rc<Faq>>,
    /// The text has a problem that stops the widget: the preview shows an older version.
    pub broken: bool,
    pub theme: Theme,
    /// The embed options the preview follows.
    pub cookie_notice: bool,
    pub offline_always: bool,
    /// The studio's interface language.
    pub lang: Lang,
}

#[derive(Clone, Copy, PartialEq)]
enum Width {
    Narrow,
    Medium,
    Full,
}

#[component]
pub fn PreviewPanel(props: &PreviewPanelProps) -> Html {
    let lang = props.lang;
    let t = move |key: &str| lang.t(key);
    let broken = props.broken;
    let width = use_state(|| Width::Full);
    let dark = use_state(|| false);
    let preview_lang = use_state(String::new);
    let preview = use_node_ref();
    // The theme reaches the preview through the CSSOM (no style= attribute: strict CSP).
    {
        let preview = preview.clone();
        use_effect_with(
            (props.theme.clone(), *width, *dark),
            move |(theme, _, _)| {
                if let Some(el) = preview.cast::<HtmlElement>() {
                    let style = el.style();
                    for p in PROPERTIES {
                        let name = format!("--{}", p.name);
                        match theme.set.iter().find(|(n, _)| n == p.name) {
                            Some((_, v)) => {
                                let _ = style.set_property(&name, v);
                            }
                            None => {
                                let _ = style.remove_property(&name);
                            }
                        }
                    }
                }
            },
        );
    }

    // In another language than the FAQ's: a copy with that language, made once per version.
    let shown = use_memo((props.faq.clone(), (*preview_lang).clone()), |(faq, l)| {
        faq.clone().map(|faq| {
            if l.is_empty() || faq.lang.as_deref() == Some(l.as_str()) {
                faq
            } else {
                Rc::new(Faq {
                    lang: Some(l.clone()),
                    ..(*faq).clone()
                })
            }
        })
    });
    let shown = (*shown).clone();
    let faq_lang = props
        .faq
        .as_ref()
        .and_then(|f| f.lang.clone())
        .unwrap_or_else(|| "en".into());
    // The FAQ's language, then every language the widget has texts for (English, its packs).
    let mut langs = vec![faq_lang.clone()];
    for l in ["en"].into_iter().chain(faq_widget::i18n::PACKS) {
        if !langs.iter().any(|x| x == l) {
            langs.push(l.into());
        }
    }
    let width_radio = |w: Width, label: String| {
        let width = width.clone();
        let id = match w {
            Width::Narrow => "studio-w320",
            Width::Medium => "studio-w768",
            Width::Full => "studio-wfull",
        };
        html! {
            <span class="choice">
                <input type="radio" name="studio-width" id={id} checked={*width == w}
                    onchange={Callback::from(move |_| width.set(w))} />
                <label for={id}>{ label }</label>
            </span>
        }
    };
    let scheme_radio = |is_dark: bool, label: &str| {
        let dark = dark.clone();
        let id = if is_dark {
            "studio-dark"
        } else {
            "studio-light"
        };
        html! {
            <span class="choice">
                <input type="radio" name="studio-scheme" id={id} checked={*dark == is_dark}
                    onchange={Callback::from(move |_| dark.set(is_dark))} />
                <label for={id}>{ label.to_owned() }</label>
            </span>
        }
    };
    let on_preview_lang = {
        let preview_lang = preview_lang.clone();
        let faq_lang = faq_lang.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            preview_lang.set(if v == faq_lang { String::new() } else { v });
        })
    };
    let frame_class = classes!(
        "preview-frame",
        match *width {
            Width::Narrow => "w320",
            Width::Medium => "w768",
            Width::Full => "wfull",
        },
        if *dark { "dark" } else { "light" }
    );

    html! {
    <section aria-labelledby="studio-preview-h" class="preview">
        <h2 id="studio-preview-h">{ t("preview") }</h2>
        <div class="row">
            <fieldset>
                <legend>{ t("width") }</legend>
                { width_radio(Width::Narrow, "320 px".into()) }
                { width_radio(Width::Medium, "768 px".into()) }
                { width_radio(Width::Full, t("width_full").into()) }
            </fieldset>
            <fieldset>
                <legend>{ t("scheme") }</legend>
                { scheme_radio(false, t("light")) }
                { scheme_radio(true, t("dark")) }
            </fieldset>
            <div class="field">
                <label for="studio-preview-lang">{ t("preview_lang") }</label>
                <select id="studio-preview-lang" onchange={on_preview_lang}>
                    { for langs.iter().map(|l| {
                        let selected = if preview_lang.is_empty() { *l == faq_lang } else { *l == *preview_lang };
                        html! { <option value={l.clone()} {selected}>{ l.clone() }</option> }
                    }) }
                </select>
            </div>
        </div>
        <p role="status" class="warn">
            if broken && shown.is_some() { { t("preview_stale") } }
            if shown.is_none() { { t("preview_none") } }
        </p>
        <div class={frame_class} ref={preview}>
            if let Some(faq) = shown {
                // The studio's page links styles/widget.css itself (studio/index.html).
                <FaqWidget faq={Some(faq)} src="faq.json" cookie_notice={props.cookie_notice}
                    offline_always={props.offline_always} stylesheet={false} />
            }
        </div>
    </section>
    }
}
