//! `faq-widget render`: the FAQ as static HTML (the widget's own components, rendered with
//! Yew's server renderer), and optionally as schema.org `FAQPage` JSON-LD for search engines.

use std::rc::Rc;

use yew::LocalServerRenderer;

use faq_widget::components::static_faq::{StaticAnswer, StaticAnswerProps};
use faq_widget::components::{StaticFaq, StaticFaqProps};
use faq_widget::faq::{Faq, Question};
use serde_json::json;

pub fn html(faq: &Faq) -> String {
    let props = StaticFaqProps {
        faq: Rc::new(faq.clone()),
    };
    let renderer = LocalServerRenderer::<StaticFaq>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

fn answer_html(question: &Question) -> String {
    let props = StaticAnswerProps {
        question: Rc::new(question.clone()),
    };
    let renderer = LocalServerRenderer::<StaticAnswer>::with_props(props).hydratable(false);
    futures::executor::block_on(renderer.render())
}

/// `<script type="application/ld+json">` with a schema.org `FAQPage`: every question with its
/// answer as HTML (paragraphs, lists and links are among the tags search engines accept there).
pub fn json_ld(faq: &Faq) -> String {
    let questions: Vec<serde_json::Value> = faq
        .questions
        .iter()
        .map(|question| {
            let answer = answer_html(question);
            json!({
                "@type": "Question",
                "name": question.question,
                "acceptedAnswer": { "@type": "Answer", "text": answer },
            })
        })
        .collect();
    let mut page = json!({
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "name": faq.title,
    });
    if let Some(lang) = &faq.lang {
        page["inLanguage"] = json!(lang);
    }
    page["mainEntity"] = json!(questions);
    format!(
        "<script type=\"application/ld+json\">{}</script>",
        script_safe(&page)
    )
}

/// Where the pre-rendered widget runs: `base`, the URL of the folder dist/ is served from; `src`,
/// where the widget fetches the FAQ (default: faq.json there, or faq.{lang}.json with `langs`);
/// `langs`, the languages of a FAQ in one file per language (empty: one language).
pub struct Prerender<'a> {
    pub base: &'a str,
    pub src: Option<&'a str>,
    pub langs: &'a [String],
}

/// The widget itself, pre-rendered: its own components (`FaqView`, as the browser renders it
/// before the visitor does anything) in a `<faq-widget>` with a declarative shadow root holding
/// the widget's stylesheet, followed by the embed script, which takes it over
/// (`faq_widget::hooks::take_over`). With `langs`, the copy starts with the language switch
/// embed.js would add (so nothing moves when it takes the copy over), `faq`'s language
/// pressed. Err: why these options cannot work together.
pub fn prerendered(faq: &Rc<Faq>, options: &Prerender) -> Result<String, String> {
    use faq_widget::components::{FaqView, FaqViewProps};

    let base = if options.base.ends_with('/') {
        options.base.to_owned()
    } else {
        [options.base, "/"].concat()
    };
    let default_file = if options.langs.is_empty() {
        "faq.json"
    } else {
        "faq.{lang}.json"
    };
    let src = options
        .src
        .map_or_else(|| [base.as_str(), default_file].concat(), str::to_owned);
    // With the interface texts of its language, as the widget will show them (its pack).
    let faq = Rc::new(faq_widget::language_pack::with_compiled_in(faq));
    let switch = if options.langs.is_empty() {
        String::new()
    } else {
        language_switch(&faq, options.langs, &src)?
    };
    let props = yew::props!(FaqViewProps {
        faq: faq.clone(),
        src: src.replace("{lang}", faq.lang.as_deref().unwrap_or_default()),
    });
    let renderer = LocalServerRenderer::<FaqView>::with_props(props).hydratable(false);
    let widget = futures::executor::block_on(renderer.render());
    let langs = if options.langs.is_empty() {
        String::new()
    } else {
        format!(" langs=\"{}\"", attribute(&options.langs.join(",")))
    };
    Ok(format!(
        "<faq-widget src=\"{src}\"{langs}><template shadowrootmode=\"open\">\
<link rel=\"stylesheet\" href=\"{base}faq-widget.css\">{switch}\
<div class=\"faq-root\" data-prerendered=\"\">{widget}</div></template></faq-widget>\n\
<script src=\"{base}embed.js\" data-prerendered=\"\" async></script>",
        src = attribute(&src),
        base = attribute(&base),
    ))
}

/// The first subtag of a language code, lower case: `fr` for `fr-CA`.
fn primary(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A language's name in that language, capitalised as it starts a label ("Français"), as
/// embed.js names the switch's buttons with `Intl.DisplayNames`; the code itself for a language
/// the table does not know.
pub fn autonym(code: &str) -> String {
    let name = isolang::Language::from_639_1(&primary(code))
        .and_then(|language| language.to_autonym())
        .unwrap_or(code);
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The switch embed.js puts above a widget of several languages (`role=group`, labelled by the
/// pack's `language` text; a toggle button per language, named in its own language and marked
/// with its `lang`), `faq`'s language pressed. Err when `faq`'s language is not among `langs`,
/// or `src` does not say where the language goes.
fn language_switch(faq: &Faq, langs: &[String], src: &str) -> Result<String, String> {
    let shown = faq.lang.as_deref().map(primary).unwrap_or_default();
    if !langs.iter().any(|code| primary(code) == shown) {
        return Err(format!(
            "the FAQ's language ({}) is not among --langs {}",
            faq.lang
                .as_deref()
                .unwrap_or("not given: add \"lang\" to the file"),
            langs.join(",")
        ));
    }
    if !src.contains("{lang}") {
        return Err(format!(
            "--src {src} has no {{lang}}: each language would load the same file"
        ));
    }
    let label = faq
        .ui
        .iter()
        .find(|(key, _)| key == "language")
        .map_or("Language", |(_, text)| text.as_str());
    let props = LanguageSwitchProps {
        label: label.into(),
        langs: langs
            .iter()
            .map(|code| (code.clone(), autonym(code), primary(code) == shown))
            .collect(),
    };
    let renderer = LocalServerRenderer::<LanguageSwitch>::with_props(props).hydratable(false);
    Ok(futures::executor::block_on(renderer.render()))
}

#[derive(yew::Properties, PartialEq)]
struct LanguageSwitchProps {
    label: yew::AttrValue,
    /// Each language's code, its name, and whether it is the one shown.
    langs: Vec<(String, String, bool)>,
}

#[yew::function_component]
fn LanguageSwitch(props: &LanguageSwitchProps) -> yew::Html {
    yew::html! {
        <div class="faq-languages" role="group" part="languages" aria-label={props.label.clone()}>
            { for props.langs.iter().map(|(code, name, shown)| yew::html! {
                <button lang={code.clone()} aria-pressed={shown.to_string()}>{ name.clone() }</button>
            }) }
        </div>
    }
}

/// `text` as a double-quoted attribute value.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// Compact JSON that is safe between `<script>` and `</script>` in HTML: `<`, `>` and `&` are
/// written as `\u` escapes (inside strings, the only place they can be), so no `</script>` or
/// `<!--` can appear.
fn script_safe(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
