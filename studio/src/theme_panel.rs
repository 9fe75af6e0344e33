//! The theme panel: a colour input for each of the widget's custom properties, the contrast of
//! each text colour on its background (WCAG ratios, a warning under 4.5:1), and a reset.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::theme::{Theme, PROPERTIES};

#[derive(Properties, PartialEq)]
pub struct ThemePanelProps {
    pub theme: Theme,
    /// The studio's interface language.
    pub lang: Lang,
    /// A colour changed, or the reset was pressed: the whole new theme.
    pub on_change: Callback<Theme>,
}

#[component]
pub fn ThemePanel(props: &ThemePanelProps) -> Html {
    let t = |key: &str| props.lang.t(key);
    let theme = &props.theme;
    let colours: Html = PROPERTIES
        .iter()
        .map(|p| {
            let name = p.name;
            let value = theme.value(name);
            let id = format!("studio-{name}");
            // While dragging in the picker (input) and once it is closed (change).
            let emit = {
                let (on_change, theme) = (props.on_change.clone(), theme.clone());
                move |input: HtmlInputElement| on_change.emit(theme.with(name, &input.value()))
            };
            let oninput = {
                let emit = emit.clone();
                Callback::from(move |e: InputEvent| emit(e.target_unchecked_into()))
            };
            let onchange = Callback::from(move |e: Event| emit(e.target_unchecked_into()));
            html! {
                <div class="colour">
                    <input type="color" id={id.clone()} value={value.clone()} {oninput} {onchange} />
                    <label for={id}><code>{ format!("--{name}") }</code></label>
                    <span class="value">{ value }</span>
                </div>
            }
        })
        .collect();
    let contrasts: Html = theme
        .contrasts()
        .into_iter()
        .map(|(fg, bg, r)| {
            let poor = crate::contrast::is_poor(r);
            html! {
                <li class={if poor { "poor" } else { "ok" }}>
                    <code>{ format!("--{fg}") }</code>{ format!(" {} ", t("on")) }<code>{ format!("--{bg}") }</code>
                    { format!(": {} ", crate::contrast::format_ratio(r)) }
                    if poor {
                        <strong class="warn">{ format!("⚠ {}", t("contrast_poor")) }</strong>
                    } else {
                        <span>{ format!("✓ {}", t("contrast_ok")) }</span>
                    }
                </li>
            }
        })
        .collect();
    let on_reset = {
        let on_change = props.on_change.clone();
        Callback::from(move |_| on_change.emit(Theme::default()))
    };
    html! {
        <section aria-labelledby="studio-theme-h" class="theme">
            <h2 id="studio-theme-h">{ t("theme") }</h2>
            <p>{ t("theme_intro") }</p>
            <div class="colours">{ colours }</div>
            <h3>{ t("contrast") }</h3>
            <ul class="contrasts" aria-live="polite">{ contrasts }</ul>
            <button type="button" onclick={on_reset}>{ t("theme_reset") }</button>
        </section>
    }
}
