//! The checker's problems under the text view: each a button that puts the cursor where the
//! problem is, with its severity, its message and a hint.

use yew::prelude::*;

use faq_widget::faq::Severity;

use crate::editor::Shown;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    /// The problems shown (the editor keeps at most `editor::MAX_PROBLEMS`).
    pub problems: Vec<Shown>,
    /// The studio's interface language.
    pub lang: Lang,
    /// The visitor chose a problem: the text view goes to its line and column.
    pub on_go_to: Callback<Shown>,
}

/// The list of problems: a `<ul>` of buttons, warnings and errors told apart by class and text.
#[component]
pub fn ProblemList(props: &ProblemListProps) -> Html {
    let t = |key: &str| props.lang.t(key);
    let items: Html = props
        .problems
        .iter()
        .map(|p| {
            let severity = match p.severity {
                Severity::Fatal => t("fatal"),
                Severity::Error => t("error"),
                Severity::Warning => t("warning"),
            };
            let class = match p.severity {
                Severity::Warning => "problem warning",
                _ => "problem error",
            };
            let onclick = {
                let on_go_to = props.on_go_to.clone();
                let p = p.clone();
                Callback::from(move |_| on_go_to.emit(p.clone()))
            };
            html! {
                <li class={class}>
                    <button type="button" {onclick}>
                        <span class="where">{ format!("{} {}, {} {}", t("line"), p.line, t("column"), p.column) }</span>
                        { " · " }<span class="severity">{ severity }</span>{ ": " }
                        <span class="message">{ p.message.clone() }</span>
                    </button>
                    if !p.hint.is_empty() {
                        <p class="hint">{ p.hint }</p>
                    }
                </li>
            }
        })
        .collect();
    html! { <ul>{ items }</ul> }
}
