//! The panel of a FAQ's languages (issue 23): the files of the set, the one being edited
//! pressed, translations added from disk or the bundled FAQ's four, a file taken out, and the
//! problems that come from comparing the files (what `faq-widget check --translations` finds).

use faq_widget::faq::Diagnostic;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::fetch_text;
use crate::editor::{Editor, Shown};
use crate::file_set::{FileSet, SetFile};
use crate::i18n::Lang;
use crate::problem_list::ProblemList;

/// What the owner did to the set.
#[derive(Debug, Clone, PartialEq)]
pub enum SetAction {
    /// These files are the FAQ now (the first is the reference), the first edited.
    Open(Vec<SetFile>),
    /// These files join the set.
    Add(Vec<SetFile>),
    /// Edit the file at this index.
    Edit(usize),
    /// Take the edited file out of the set.
    Remove,
}

/// Carries out `action` on the set and the editor (which holds the edited file's text).
pub fn apply(set: &mut FileSet, editor: &mut Editor, action: SetAction) {
    let edited = editor.text().to_owned();
    let next = match action {
        SetAction::Open(files) => {
            let Some(first) = files.first().cloned() else {
                return;
            };
            *set = FileSet { files, active: 0 };
            Some(first)
        }
        SetAction::Add(files) => {
            set.add(&edited, files);
            None
        }
        SetAction::Edit(index) if index != set.active => set.switch(&edited, index).cloned(),
        SetAction::Edit(_) => None,
        SetAction::Remove => set.remove_active().cloned(),
    };
    if let Some(file) = next {
        editor.open(file.text().to_owned(), &file.name);
    }
}

/// Where the set is kept between visits (`file_set::to_storage`); the edited file's text is the
/// draft's.
const SET_KEY: &str = "faq-studio:set";

/// The set kept from the last visit, or a set of the draft alone.
pub fn stored_set(editor: &Editor) -> FileSet {
    crate::browser::stored(SET_KEY)
        .and_then(|stored| crate::file_set::from_storage(&stored, editor.text()))
        .unwrap_or_else(|| FileSet::single(&editor.name, editor.text()))
}

/// Keeps the set for the next visit (a set of one file: nothing beside the draft).
pub fn store_set(set: &FileSet) {
    if let Some(storage) = crate::browser::storage() {
        let _ = if set.several() {
            storage.set_item(SET_KEY, &crate::file_set::to_storage(set))
        } else {
            storage.remove_item(SET_KEY)
        };
    }
}

/// The set's problems for the edited file, placed in its text as the checker's are.
pub fn shown(editor: &Editor, problems: Vec<Diagnostic>) -> Vec<Shown> {
    let text = editor.text();
    let offsets = faq_widget::faq::locate::offsets(text, &problems);
    let mut shown: Vec<Shown> = problems
        .into_iter()
        .zip(offsets)
        .map(|(d, at)| {
            let (line, column) = editor.doc().line_col(at);
            Shown {
                severity: d.severity,
                line,
                column,
                utf16: editor.doc().byte_to_utf16(at),
                message: d.message,
                hint: d.hint,
            }
        })
        .collect();
    shown.sort_by_key(|p| p.utf16);
    shown
}

/// The files of a file input or a drop, taken at once: the input's list empties when its value
/// is reset, as it is right after.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Those files read, in their order (one that cannot be read is left out).
pub async fn read_files(list: Vec<web_sys::File>) -> Vec<SetFile> {
    let mut files = Vec::new();
    for file in list {
        if let Ok(text) = JsFuture::from(file.text()).await {
            files.push(SetFile::new(
                file.name(),
                text.as_string().unwrap_or_default(),
            ));
        }
    }
    files
}

/// The bundled FAQ's languages, as the build writes them beside the studio's folder.
const BUNDLED: [&str; 4] = ["en", "fr", "es", "ar"];

#[derive(Properties, PartialEq)]
pub struct FileSetPanelProps {
    /// Each file's name and language (None: the file names none), in the set's order.
    pub files: Vec<(String, Option<String>)>,
    /// The edited file's index.
    pub active: usize,
    /// Whether the files are named after their language the same way (the snippet needs it).
    pub named_by_lang: bool,
    /// The problems from comparing the files, for the edited one.
    pub problems: Vec<Shown>,
    /// The studio's interface language.
    pub lang: Lang,
    pub on_set: Callback<SetAction>,
    /// A problem chosen: the text view goes there.
    pub on_go_to: Callback<Shown>,
}

#[component]
pub fn FileSetPanel(props: &FileSetPanelProps) -> Html {
    let status = use_state(String::new);
    let lang = props.lang;
    let t = |key: &str| lang.t(key);
    let several = props.files.len() > 1;
    let on_add = {
        let on_set = props.on_set.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                let (on_set, list) = (on_set.clone(), files_of(&list));
                spawn_local(async move { on_set.emit(SetAction::Add(read_files(list).await)) });
            }
            input.set_value("");
        })
    };
    let on_bundled = {
        let on_set = props.on_set.clone();
        let status = status.clone();
        Callback::from(move |_| {
            let on_set = on_set.clone();
            let status = status.clone();
            status.set(lang.t("loading").into());
            spawn_local(async move {
                let mut files = Vec::new();
                for code in BUNDLED {
                    let name = format!("faq.{code}.json");
                    match fetch_text(&["../", &name].concat()).await {
                        Ok(text) => files.push(SetFile::new(name, text)),
                        Err(_) => {
                            status.set(format!("{name}: {}", lang.t("file_error")));
                            return;
                        }
                    }
                }
                status.set(String::new());
                on_set.emit(SetAction::Open(files));
            });
        })
    };
    let on_remove = {
        let on_set = props.on_set.clone();
        Callback::from(move |_| on_set.emit(SetAction::Remove))
    };
    let files: Html = props
        .files
        .iter()
        .enumerate()
        .map(|(i, (name, code))| {
            let on_set = props.on_set.clone();
            let onclick = Callback::from(move |_| on_set.emit(SetAction::Edit(i)));
            let code = code.clone().unwrap_or_else(|| t("set_no_lang").to_owned());
            html! {
                <li>
                    <button type="button" aria-pressed={(i == props.active).to_string()} {onclick}>
                        <span dir="ltr">{ name.clone() }</span>{ format!(" ({code})") }
                    </button>
                </li>
            }
        })
        .collect();
    html! {
        <section aria-labelledby="studio-set-h" class="set">
            <h2 id="studio-set-h">{ t("set_title") }</h2>
            if several {
                <ul class="row" aria-label={t("set_files")}>{ files }</ul>
            } else {
                <p>{ t("set_one") }</p>
            }
            <div class="row">
                <label class="file" for="studio-add">{ t("set_add") }</label>
                <input type="file" id="studio-add" multiple=true accept=".json,application/json" onchange={on_add} />
                <button type="button" onclick={on_bundled}>{ t("set_bundled") }</button>
                if several {
                    <button type="button" onclick={on_remove}>{ t("set_remove") }</button>
                }
            </div>
            <p role="status" class="status">{ (*status).clone() }</p>
            if several {
                <h3>{ t("set_problems") }</h3>
                if props.problems.is_empty() {
                    <p>{ t("set_agree") }</p>
                } else {
                    <ProblemList problems={props.problems.clone()} lang={lang} on_go_to={props.on_go_to.clone()} />
                }
                if !props.named_by_lang {
                    <p class="warn">{ t("set_names") }</p>
                }
            }
        </section>
    }
}
