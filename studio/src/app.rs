//! The studio page: open, edit (text and form), check, preview, theme, snippet, download.

use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::{download, fetch_text, storage, stored};
use crate::draft;
use crate::editor::{Editor, Shown, MAX_PROBLEMS};
use crate::embed_panel::EmbedPanel;
use crate::file_set::FileSet;
use crate::file_set_panel::{self as set_panel, FileSetPanel, SetAction};
use crate::form_panel::{Edit, FormPanel};
use crate::hooks::{
    kept_editor, kept_theme, use_check_after_pause, use_kept_draft, use_kept_theme,
    use_offline_worker, use_page_language, use_release_integrity,
};
use crate::i18n::Lang;
use crate::pos;
use crate::preview_panel::PreviewPanel;
use crate::problem_list::ProblemList;
use crate::snippet::EmbedOptions;
use crate::text_box::TextBox;
use crate::theme::Theme;
use crate::theme_panel::ThemePanel;

const LANG_KEY: &str = "faq-studio:lang";

/// The draft, and how to change it: the change, then a render.
#[derive(Clone)]
struct Handle {
    editor: Rc<std::cell::RefCell<Editor>>,
    refresh: UseForceUpdateHandle,
}

impl Handle {
    fn change(&self, f: impl FnOnce(&mut Editor)) {
        f(&mut self.editor.borrow_mut());
        self.refresh.force_update();
    }
}

#[component]
pub fn App() -> Html {
    let lang = use_state(|| {
        Lang::from_tag(
            &stored(LANG_KEY)
                .or_else(|| web_sys::window().and_then(|w| w.navigator().language()))
                .unwrap_or_default(),
        )
    });
    // The draft and its check live outside Yew's state (a keystroke patches them in place);
    // `rev` says when they changed.
    let editor = use_mut_ref(kept_editor);
    let refresh = use_force_update();
    let handle = Handle {
        editor: editor.clone(),
        refresh: refresh.clone(),
    };
    // The other files of a FAQ in several languages (the draft is the edited one).
    let set = use_mut_ref(|| set_panel::stored_set(&editor.borrow()));
    let (rev, keep, name, check) = {
        let e = editor.borrow();
        (e.rev, e.keep, e.name.clone(), e.check.clone())
    };
    // The selection in the whole text (UTF-16 units), and whether the window moved away from
    // it (scrolling): the next key brings it back first.
    let selection = use_mut_ref(|| ((0usize, 0usize), false));
    let status = use_state(String::new);
    let textarea = use_node_ref();
    let gutter = use_node_ref();
    let cursor = use_state_eq(|| (1usize, 1usize));
    let theme = use_state(kept_theme);
    let options = use_state(|| EmbedOptions {
        script_src: web_sys::window()
            .and_then(|w| w.location().href().ok())
            .and_then(|href| web_sys::Url::new_with_base("../embed.js", &href).ok())
            .map(|url| url.href())
            .unwrap_or_else(|| "embed.js".into()),
        faq_url: String::new(),
        cookie_notice: true,
        offline_always: false,
        integrity: String::new(),
    });
    use_release_integrity(options.clone());
    let storage_full = use_state(|| false);
    let t = {
        let lang = *lang;
        move |key: &str| lang.t(key)
    };

    use_offline_worker();
    use_page_language(*lang);
    use_check_after_pause(editor.clone(), refresh.clone(), rev);
    use_kept_draft(editor.clone(), rev, storage_full.clone());
    use_kept_theme((*theme).clone());

    // The textarea shows what the form, a file or a discard wrote (typing already shows itself).
    {
        let textarea = textarea.clone();
        let editor = editor.clone();
        let selection = selection.clone();
        use_effect_with(rev, move |_| {
            let e = editor.borrow();
            if !e.typed {
                if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                    area.set_value(e.window_text());
                    // The cursor at the window's start, not at the end where the value put it.
                    let _ = area.set_selection_range(0, 0);
                    area.set_scroll_top(0);
                    let start = e.window_units().start;
                    *selection.borrow_mut() = ((start, start), false);
                }
            }
        });
    }

    // The window of the text the text box shows (all of it, for usual files).
    let (top, shown_lines, total_lines, windowed) = {
        let e = editor.borrow();
        (
            e.top_line(),
            e.window_lines(),
            e.doc().line_count(),
            e.windowed(),
        )
    };
    let lines = use_memo((top, shown_lines), |(top, count)| {
        AttrValue::from(pos::line_numbers(top + 1, *count))
    });

    // --- Opening -------------------------------------------------------------------------
    let open_text = {
        let handle = handle.clone();
        let status = status.clone();
        let lang = *lang;
        let set = set.clone();
        Callback::from(move |(text, name): (String, String)| {
            status.set(format!("{} {name}", lang.t("opened")));
            *set.borrow_mut() = FileSet::single(&name, &text);
            set_panel::store_set(&set.borrow());
            handle.change(|e| e.open(text, &name));
        })
    };
    let open_url = {
        let open_text = open_text.clone();
        let status = status.clone();
        let lang = *lang;
        Callback::from(move |url: String| {
            let open_text = open_text.clone();
            let status = status.clone();
            status.set(lang.t("loading").into());
            spawn_local(async move {
                match fetch_text(&url).await {
                    Ok(text) => {
                        let name = url
                            .rsplit('/')
                            .next()
                            .filter(|n| n.ends_with(".json"))
                            .unwrap_or("faq.json")
                            .to_owned();
                        open_text.emit((text, name));
                    }
                    Err(None) => status.set(format!("{url} {}", lang.t("cors"))),
                    Err(Some(code)) => {
                        status.set(format!("{url} {} {code}.", lang.t("http_error")))
                    }
                }
            });
        })
    };
    let on_set = {
        let handle = handle.clone();
        let set = set.clone();
        Callback::from(move |action: SetAction| {
            handle.change(|e| set_panel::apply(&mut set.borrow_mut(), e, action));
            set_panel::store_set(&set.borrow());
        })
    };
    // Several files at once (picker or drop) are one FAQ in several languages.
    let open_files = {
        let on_set = on_set.clone();
        move |list: web_sys::FileList| {
            let (on_set, list) = (on_set.clone(), set_panel::files_of(&list));
            spawn_local(async move {
                on_set.emit(SetAction::Open(set_panel::read_files(list).await));
            });
        }
    };
    let open_file = {
        let open_text = open_text.clone();
        let status = status.clone();
        let lang = *lang;
        Callback::from(move |file: web_sys::File| {
            let open_text = open_text.clone();
            let status = status.clone();
            spawn_local(async move {
                match JsFuture::from(file.text()).await {
                    Ok(text) => open_text.emit((text.as_string().unwrap_or_default(), file.name())),
                    Err(_) => status.set(lang.t("file_error").into()),
                }
            });
        })
    };
    let on_bundled = {
        let open_url = open_url.clone();
        Callback::from(move |_| open_url.emit("../faq.json".into()))
    };
    let on_empty = {
        let open_text = open_text.clone();
        Callback::from(move |_| open_text.emit((draft::EMPTY_FAQ.into(), "faq.json".into())))
    };
    let on_file = {
        let open_file = open_file.clone();
        let open_files = open_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match input.files() {
                Some(list) if list.length() > 1 => open_files(list),
                list => {
                    if let Some(file) = list.and_then(|f| f.get(0)) {
                        open_file.emit(file);
                    }
                }
            }
            input.set_value("");
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let open_file = open_file.clone();
        Callback::from(move |e: DragEvent| {
            let list = e.data_transfer().and_then(|d| d.files());
            if let Some(list) = list.clone().filter(|list| list.length() > 1) {
                e.prevent_default();
                open_files(list);
            } else if let Some(file) = list.and_then(|f| f.get(0)) {
                e.prevent_default();
                open_file.emit(file);
            }
        })
    };
    let url_input = use_node_ref();
    let on_url = {
        let open_url = open_url.clone();
        let url_input = url_input.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(input) = url_input.cast::<HtmlInputElement>() {
                let url = input.value();
                if !url.trim().is_empty() {
                    open_url.emit(url.trim().to_owned());
                }
            }
        })
    };

    // --- Text view -------------------------------------------------------------------------
    // Reads the text box's selection: the cursor line, and the window follows it.
    let text_box = TextBox {
        editor: editor.clone(),
        selection: selection.clone(),
        refresh: refresh.clone(),
        cursor: cursor.clone(),
    };
    let follow = {
        let text_box = text_box.clone();
        move |area: &HtmlTextAreaElement, remember: bool| text_box.follow(area, remember)
    };
    let on_input = {
        let handle = handle.clone();
        let follow = follow.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            // The text box holds at most a window of the text: its value is small.
            let value = area.value();
            handle.change(|editor| {
                editor.typed(&value);
                // Usual files are checked at once; huge ones after a pause in typing.
                if editor.due && !editor.big() {
                    editor.full_check();
                }
            });
            follow(&area, true);
        })
    };
    let on_caret_key = {
        let follow = follow.clone();
        Callback::from(move |e: KeyboardEvent| follow(&e.target_unchecked_into(), true))
    };
    let on_key_down = {
        let text_box = text_box.clone();
        Callback::from(move |e: KeyboardEvent| text_box.key_down(&e))
    };
    let on_caret_mouse = {
        let follow = follow.clone();
        Callback::from(move |e: MouseEvent| follow(&e.target_unchecked_into(), true))
    };
    let on_scroll = {
        let gutter = gutter.clone();
        let text_box = text_box.clone();
        Callback::from(move |e: Event| text_box.scrolled(&e.target_unchecked_into(), &gutter))
    };
    let go_to = {
        let textarea = textarea.clone();
        let text_box = text_box.clone();
        Callback::from(move |p: Shown| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                text_box.go_to(&area, &p);
            }
        })
    };

    // --- Form ----------------------------------------------------------------------------
    let form_value = editor
        .borrow()
        .form
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Null));
    let on_edit = {
        let handle = handle.clone();
        Callback::from(move |f: Edit| handle.change(|e| e.form_edit(&*f)))
    };

    // --- Problems --------------------------------------------------------------------------
    let last_valid = editor.borrow().last_valid.clone();

    // --- Theme and snippet --------------------------------------------------------------------
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |next: Theme| theme.set(next))
    };
    let on_options = {
        let options = options.clone();
        Callback::from(move |next: EmbedOptions| options.set(next))
    };

    // --- Draft -----------------------------------------------------------------------------
    let on_download = {
        let editor = editor.clone();
        Callback::from(move |_| {
            // Pretty printed with a stable key order when it parses; as typed otherwise.
            let e = editor.borrow();
            let text = draft::parse(e.text())
                .map(|v| draft::pretty(&v))
                .unwrap_or_else(|| e.text().to_owned());
            download(&text, &e.name);
        })
    };
    let on_discard = {
        let handle = handle.clone();
        let status = status.clone();
        let lang = *lang;
        let set = set.clone();
        Callback::from(move |_| {
            handle.change(Editor::discard);
            *set.borrow_mut() = FileSet::single("faq.json", draft::EMPTY_FAQ);
            set_panel::store_set(&set.borrow());
            status.set(lang.t("discarded").into());
        })
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |next: Lang| {
            if let Some(s) = storage() {
                let _ = s.set_item(LANG_KEY, next.tag());
            }
            lang.set(next);
        })
    };

    // The set as the panel and the snippet show it, with the draft as the edited file.
    let (set_files, set_active, languages, set_problems) = {
        let (e, set) = (editor.borrow(), set.borrow());
        // The edited file's FAQ as it is now (none while its text does not load): the other
        // files were loaded once, when they came into the set.
        let edited = (!e.check.blocking).then(|| e.last_valid.clone()).flatten();
        let edited = edited.as_deref();
        let files = set.files.iter().map(|f| f.name.clone());
        let files = files.zip(set.langs(edited)).collect::<Vec<_>>();
        let problems = set_panel::shown(&e, set.problems(edited));
        (files, set.active, set.embed(edited), problems)
    };

    let problem_summary = if check.total == 0 {
        t("no_problems").to_owned()
    } else {
        format!("{} {}", check.total, t("problem_count"))
    };

    html! {
        <>
        <header class="top">
            <h1>{ t("page_title") }</h1>
            <p>{ t("intro") }</p>
            <nav class="langs" aria-label={t("languages")}>
                { for Lang::ALL.into_iter().filter(|other| other != &*lang).map(|other| {
                    let on_lang = on_lang.clone();
                    html! {
                        <button type="button" class="lang" lang={other.tag()} dir={other.dir()}
                            onclick={Callback::from(move |_| on_lang.emit(other))}>{ other.name() }</button>
                    }
                }) }
            </nav>
        </header>
        <main ondragover={on_dragover} ondrop={on_drop}>
            <section aria-labelledby="studio-open-h" class="open">
                <h2 id="studio-open-h">{ t("open") }</h2>
                <div class="row">
                    <button type="button" onclick={on_bundled}>{ t("open_bundled") }</button>
                    <button type="button" onclick={on_empty}>{ t("open_empty") }</button>
                    <label class="file" for="studio-file">{ t("open_file") }</label>
                    <input type="file" id="studio-file" multiple=true accept=".json,application/json" onchange={on_file} />
                    <span>{ t("drop_hint") }</span>
                </div>
                <form class="row" onsubmit={on_url}>
                    <label for="studio-url">{ t("open_url_label") }</label>
                    <input type="url" id="studio-url" ref={url_input} placeholder="https://www.example.org/faq.json" />
                    <button type="submit">{ t("open_url") }</button>
                </form>
                <p role="status" class="status">{ (*status).clone() }</p>
                <div class="draft row">
                    <p>{ if keep { t("draft_saved") } else { t("draft_not_saved") } }</p>
                    if *storage_full {
                        <p class="warn">{ t("draft_too_big") }</p>
                    }
                    <button type="button" onclick={on_download}>{ format!("{} {name}", t("download")) }</button>
                    <button type="button" onclick={on_discard} disabled={!keep}>{ t("discard") }</button>
                </div>
            </section>
            <FileSetPanel files={set_files} active={set_active} named_by_lang={languages.is_some()}
                problems={set_problems} lang={*lang} {on_set} on_go_to={go_to.clone()} />
            <div class="columns">
                <section aria-labelledby="studio-text-h" class="text">
                    <h2 id="studio-text-h">{ t("text") }</h2>
                    <label for="studio-json">{ t("text_label") }</label>
                    <div class="editor" dir="ltr">
                        <pre class="gutter" aria-hidden="true" ref={gutter}>{ (*lines).clone() }</pre>
                        <textarea id="studio-json" ref={textarea} spellcheck="false" wrap="off"
                            autocomplete="off" aria-describedby="studio-cursor studio-window"
                            oninput={on_input} onkeyup={on_caret_key}
                            onkeydown={on_key_down} onclick={on_caret_mouse} onscroll={on_scroll} />
                    </div>
                    <p id="studio-window" class="cursor">
                        if windowed {
                            { format!("{} {}–{} {} {}{}", t("window_lines"), top + 1, top + shown_lines, t("window_of"), total_lines, t("window_rest")) }
                        }
                    </p>
                    <p id="studio-cursor" class="cursor">{ format!("{} {}, {} {}", t("cursor"), cursor.0, t("column"), cursor.1) }</p>
                    <section aria-labelledby="studio-problems-h" class="problems">
                        <h2 id="studio-problems-h">{ t("problems") }</h2>
                        <p role="status">{ problem_summary }</p>
                        <ProblemList problems={check.problems.clone()} lang={*lang} on_go_to={go_to.clone()} />
                        if check.total > MAX_PROBLEMS {
                            <p>{ format!("{} {}", check.total - MAX_PROBLEMS, t("problem_more")) }</p>
                        }
                    </section>
                </section>
                <FormPanel value={form_value} broken={check.unreadable} lang={*lang} {on_edit} />
            </div>
            <PreviewPanel faq={last_valid} broken={check.blocking} theme={(*theme).clone()}
                cookie_notice={options.cookie_notice} offline_always={options.offline_always} lang={*lang} />
            <ThemePanel theme={(*theme).clone()} lang={*lang} on_change={on_theme} />
            <EmbedPanel options={(*options).clone()} theme={(*theme).clone()} name={name.clone()}
                {languages} lang={*lang} on_options={on_options} />
        </main>
        </>
    }
}
