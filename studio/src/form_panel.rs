//! The form: the FAQ's fields, its cookie notice, its questions (moved by buttons or dragged by
//! their titles) and its interface texts, each input writing the draft's JSON through
//! `on_edit`. It shows the last JSON that could be read; while the text is not JSON it is
//! disabled, with a word why.

use std::rc::Rc;

use faq_widget::i18n::Strings;
use serde_json::Value;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::focus_later;
use crate::draft::{self, Field};
use crate::i18n::Lang;

/// How many questions the form shows.
const MAX_FORM_QUESTIONS: usize = 100;

/// A change of the draft's JSON, applied by the editor (which writes the text again).
pub type Edit = Rc<dyn Fn(&mut Value)>;

#[derive(Properties, PartialEq)]
pub struct FormPanelProps {
    /// The draft's JSON (the last that could be read).
    pub value: Rc<Value>,
    /// The text is not JSON: the form waits.
    pub broken: bool,
    /// The studio's interface language.
    pub lang: Lang,
    pub on_edit: Callback<Edit>,
}

#[component]
pub fn FormPanel(props: &FormPanelProps) -> Html {
    let lang = props.lang;
    let t = move |key: &str| lang.t(key);
    let value = &props.value;
    let form_broken = props.broken;
    let edit = {
        let on_edit = props.on_edit.clone();
        move |f: Edit| on_edit.emit(f)
    };
    // Dragging a question by its title: which one, and where it would go (a place between
    // questions, 0..=count).
    let dragging = use_mut_ref(|| None::<usize>);
    let drop_at = use_state_eq(|| None::<usize>);

    let text_input = |field: Field, label: String, multiline: bool, help: Option<&str>| {
        let edit = edit.clone();
        let id = field_id(field);
        let current = draft::get(value, field);
        let oninput = Callback::from(move |e: InputEvent| {
            let text = if multiline {
                e.target_unchecked_into::<HtmlTextAreaElement>().value()
            } else {
                e.target_unchecked_into::<HtmlInputElement>().value()
            };
            edit(Rc::new(move |v: &mut Value| draft::set(v, field, &text)));
        });
        let described = help.map(str::to_owned);
        html! {
            <div class="field">
                <label for={id.clone()}>{ label }</label>
                if multiline {
                    <textarea id={id} rows="4" value={current} {oninput} aria-describedby={described.clone()} />
                } else {
                    <input id={id} type="text" value={current} {oninput} aria-describedby={described.clone()} />
                }
                if let Some(help) = described {
                    <p class="help" id={help}>{ t("markup_help") }</p>
                }
            </div>
        }
    };
    let count = draft::question_count(value);
    // The FAQ's language, and whether the widget has its texts in it.
    let faq_tag = draft::get(value, Field::Lang);
    let built_in = faq_tag.trim().is_empty() || Strings::built_in(faq_tag.trim());
    // Interface texts: every one the widget has, then any other the file gives.
    let ui_inputs: Html = {
        let given = draft::ui_texts(value);
        let defaults = Strings::new(
            faq_tag.trim(),
            faq_widget::language_pack::compiled_in(faq_tag.trim()),
        );
        let mut keys: Vec<String> = Strings::keys().map(str::to_owned).collect();
        keys.extend(
            given
                .iter()
                .map(|(k, _)| k.clone())
                .filter(|k| !Strings::keys().any(|known| known == k)),
        );
        keys.into_iter()
            .map(|key| {
                let id = format!(
                    "studio-ui-{}",
                    key.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
                );
                let current = given
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default();
                let known = Strings::knows(&key);
                let placeholder = known.then(|| defaults.get(&key));
                let oninput = {
                    let edit = edit.clone();
                    let key = key.clone();
                    Callback::from(move |e: InputEvent| {
                        let text = e.target_unchecked_into::<HtmlInputElement>().value();
                        let key = key.clone();
                        edit(Rc::new(move |v: &mut Value| draft::set_ui(v, &key, &text)));
                    })
                };
                html! {
                    <div class="field">
                        <label for={id.clone()}><code>{ key.clone() }</code>
                            if !known { { format!(" ({})", t("ui_unknown")) } }
                        </label>
                        <input {id} type="text" value={current} {placeholder} {oninput}
                            aria-describedby="studio-ui-help" />
                    </div>
                }
            })
            .collect()
    };
    let has_notice = draft::has_cookie_notice(value);
    let on_notice = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            edit(Rc::new(move |v: &mut Value| {
                draft::set_cookie_notice(v, on)
            }));
        })
    };
    let on_revision = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let n = e
                .target_unchecked_into::<HtmlInputElement>()
                .value()
                .parse::<u64>()
                .unwrap_or(1);
            edit(Rc::new(move |v: &mut Value| {
                draft::set_cookie_revision(v, n)
            }));
        })
    };
    let on_add = {
        let edit = edit.clone();
        Callback::from(move |_| {
            edit(Rc::new(|v: &mut Value| {
                draft::add_question(v);
            }))
        })
    };
    let question_items: Html = (0..count.min(MAX_FORM_QUESTIONS))
        .map(|i| {
            let n = i + 1;
            let on_drag_start = {
                let dragging = dragging.clone();
                Callback::from(move |e: DragEvent| {
                    *dragging.borrow_mut() = Some(i);
                    if let Some(data) = e.data_transfer() {
                        data.set_effect_allowed("move");
                        let _ = data.set_data("application/x-faq-studio-question", &i.to_string());
                        // The whole question follows the pointer, not only its title.
                        let item = e
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                            .and_then(|t| t.closest("li").ok().flatten());
                        if let Some(item) = item {
                            data.set_drag_image(&item, 16, 16);
                        }
                    }
                })
            };
            // Over the top half of a question: before it; the bottom half: after it.
            // (Yew delegates events: the question is the target's `li`, not `current_target`.)
            let place = move |e: &DragEvent| {
                let item = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|t| t.closest("li").ok().flatten())?;
                let rect = item.get_bounding_client_rect();
                let before = f64::from(e.client_y()) < rect.top() + rect.height() / 2.0;
                Some(if before { i } else { i + 1 })
            };
            let on_drag_over = {
                let dragging = dragging.clone();
                let drop_at = drop_at.clone();
                Callback::from(move |e: DragEvent| {
                    if dragging.borrow().is_some() {
                        e.prevent_default();
                        if let Some(data) = e.data_transfer() {
                            data.set_drop_effect("move");
                        }
                        drop_at.set(place(&e));
                    }
                })
            };
            let on_drop = {
                let dragging = dragging.clone();
                let drop_at = drop_at.clone();
                let edit = edit.clone();
                Callback::from(move |e: DragEvent| {
                    let Some(from) = dragging.borrow_mut().take() else {
                        return;
                    };
                    e.prevent_default();
                    e.stop_propagation();
                    drop_at.set(None);
                    let Some(slot) = place(&e) else {
                        return;
                    };
                    let to = if slot > from { slot - 1 } else { slot };
                    if to != from {
                        edit(Rc::new(move |v: &mut Value| {
                            draft::move_question(v, from, to);
                        }));
                    }
                })
            };
            let on_drag_end = {
                let dragging = dragging.clone();
                let drop_at = drop_at.clone();
                Callback::from(move |_: DragEvent| {
                    *dragging.borrow_mut() = None;
                    drop_at.set(None);
                })
            };
            let mark = match *drop_at {
                Some(at) if at == i => Some("drop-before"),
                Some(at) if at == i + 1 && i + 1 == count.min(MAX_FORM_QUESTIONS) => Some("drop-after"),
                _ => None,
            };
            let move_to = |to: usize| {
                let edit = edit.clone();
                Callback::from(move |_| {
                    edit(Rc::new(move |v: &mut Value| {
                        draft::move_question(v, i, to);
                    }));
                    // Keep focus on the moved question's controls.
                    focus_later(format!("studio-q{to}-up"), format!("studio-q{to}-down"));
                })
            };
            let remove = {
                let edit = edit.clone();
                Callback::from(move |_| {
                    edit(Rc::new(move |v: &mut Value| draft::remove_question(v, i)));
                    focus_later("studio-add".into(), "studio-add".into());
                })
            };
            let q = draft::get(value, Field::Question(i));
            let legend = format!("{} {n}", t("f_question"));
            html! {
                <li key={i} class={classes!(mark)} ondragover={on_drag_over} ondrop={on_drop}>
                    <fieldset>
                        <legend draggable="true" ondragstart={on_drag_start} ondragend={on_drag_end}>
                            <span class="grip" aria-hidden="true">{ "⠿ " }</span>{ format!("{legend}: {q}") }
                        </legend>
                        { text_input(Field::Question(i), format!("{} {n}", t("f_question")), false, None) }
                        { text_input(Field::Answer(i), format!("{} {n}", t("f_answer")), true, Some(&format!("studio-help-{i}"))) }
                        { text_input(Field::QuestionId(i), format!("{} {n}", t("f_id")), false, None) }
                        { text_input(Field::Category(i), format!("{} {n}", t("f_category")), false, None) }
                        <div class="row">
                            <button type="button" id={format!("studio-q{i}-up")} disabled={i == 0}
                                aria-label={format!("{}, {legend}", t("move_up"))} onclick={move_to(i.saturating_sub(1))}>{ t("move_up") }</button>
                            <button type="button" id={format!("studio-q{i}-down")} disabled={i + 1 >= count}
                                aria-label={format!("{}, {legend}", t("move_down"))} onclick={move_to(i + 1)}>{ t("move_down") }</button>
                            <button type="button" aria-label={format!("{}, {legend}", t("remove"))} onclick={remove}>{ t("remove") }</button>
                        </div>
                    </fieldset>
                </li>
            }
        })
        .collect();

    html! {
        <section aria-labelledby="studio-form-h" class="form">
            <h2 id="studio-form-h">{ t("form") }</h2>
            if form_broken {
                <p class="warn">{ t("form_broken") }</p>
            }
            <fieldset disabled={form_broken} class="plain">
                { text_input(Field::Title, t("f_title").into(), false, None) }
                { text_input(Field::Lang, t("f_lang").into(), false, None) }
                if !built_in {
                    <p class="help">{ t("lang_not_built_in") }</p>
                }
                { text_input(Field::Intro, t("f_intro").into(), true, Some("studio-help-intro")) }
                { text_input(Field::ContactText, t("f_contact_text").into(), false, None) }
                { text_input(Field::ContactHref, t("f_contact_href").into(), false, None) }
                <div class="check">
                    <input type="checkbox" id="studio-notice" checked={has_notice} onchange={on_notice} />
                    <label for="studio-notice">{ t("f_cookie") }</label>
                </div>
                if has_notice {
                    { text_input(Field::CookieText, t("f_cookie_text").into(), true, None) }
                    { text_input(Field::CookieMoreText, t("f_cookie_more_text").into(), false, None) }
                    { text_input(Field::CookieMoreHref, t("f_cookie_more_href").into(), false, None) }
                    <div class="field">
                        <label for="studio-revision">{ t("f_cookie_revision") }</label>
                        <input type="number" min="0" id="studio-revision"
                            value={draft::cookie_revision(value).to_string()} onchange={on_revision} />
                    </div>
                }
                <h3>{ t("questions") }</h3>
                <p class="help">{ t("drag_hint") }</p>
                <ol class="questions">{ question_items }</ol>
                if count > MAX_FORM_QUESTIONS {
                    <p>{ t("form_limit") }</p>
                }
                <button type="button" id="studio-add" onclick={on_add}>{ t("add_question") }</button>
                <details class="ui-texts">
                    <summary>{ t("ui_texts") }</summary>
                    <p class="help" id="studio-ui-help">{ t("ui_help") }</p>
                    { ui_inputs }
                </details>
            </fieldset>
        </section>
    }
}

/// The form's ids, so labels and the problem list can point at fields.
fn field_id(field: Field) -> String {
    match field {
        Field::Title => "studio-f-title".into(),
        Field::Lang => "studio-f-lang".into(),
        Field::Intro => "studio-f-intro".into(),
        Field::ContactText => "studio-f-contact-text".into(),
        Field::ContactHref => "studio-f-contact-href".into(),
        Field::CookieText => "studio-f-cookie-text".into(),
        Field::CookieMoreText => "studio-f-cookie-more-text".into(),
        Field::CookieMoreHref => "studio-f-cookie-more-href".into(),
        Field::QuestionId(i) => format!("studio-f-q{i}-id"),
        Field::Question(i) => format!("studio-f-q{i}"),
        Field::Answer(i) => format!("studio-f-q{i}-answer"),
        Field::Category(i) => format!("studio-f-q{i}-category"),
    }
}
