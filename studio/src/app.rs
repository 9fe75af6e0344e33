//! The studio page: open, edit (text and form), check, preview, theme, snippet, download.

use std::rc::Rc;

use faq_widget::faq::Faq;
use faq_widget::i18n::Strings;
use faq_widget::FaqWidget;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::{download, fetch_text, focus_later, line_height, storage, stored};
use crate::draft::{self, Field};
use crate::editor::{Editor, Shown, MAX_PROBLEMS};
use crate::embed_panel::EmbedPanel;
use crate::i18n::Lang;
use crate::pos;
use crate::problem_list::ProblemList;
use crate::snippet::EmbedOptions;
use crate::text_box::TextBox;
use crate::theme::{Theme, PROPERTIES};
use crate::theme_panel::ThemePanel;

const DRAFT_KEY: &str = "faq-studio:draft";
const NAME_KEY: &str = "faq-studio:name";
const THEME_KEY: &str = "faq-studio:theme";
const LANG_KEY: &str = "faq-studio:lang";
/// How many questions the form shows.
const MAX_FORM_QUESTIONS: usize = 100;

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

fn initial_editor() -> Editor {
    match stored(DRAFT_KEY) {
        Some(text) => Editor::new(
            text,
            &stored(NAME_KEY).unwrap_or_else(|| "faq.json".into()),
            true,
        ),
        None => Editor::new(draft::EMPTY_FAQ.into(), "faq.json", false),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Width {
    Narrow,
    Medium,
    Full,
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
    let editor = use_mut_ref(initial_editor);
    let refresh = use_force_update();
    let handle = Handle {
        editor: editor.clone(),
        refresh: refresh.clone(),
    };
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
    let theme = use_state(|| Theme::from_storage(&stored(THEME_KEY).unwrap_or_default()));
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
    // The build's digest of embed.js (dist/embed.js.integrity, written beside it), so the
    // snippet is the release's tag with Subresource Integrity. A studio served without it
    // (another host's copy) leaves the field empty: no integrity in the tag.
    {
        let options = options.clone();
        use_effect_with((), move |_| {
            let url = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .and_then(|href| web_sys::Url::new_with_base("../embed.js.integrity", &href).ok())
                .map(|url| url.href());
            if let Some(url) = url {
                spawn_local(async move {
                    let Ok(text) = fetch_text(&url).await else {
                        return;
                    };
                    let digest = text.trim();
                    if digest.starts_with("sha384-") && options.integrity.is_empty() {
                        options.set(EmbedOptions {
                            integrity: digest.to_owned(),
                            ..(*options).clone()
                        });
                    }
                });
            }
        });
    }
    let width = use_state(|| Width::Full);
    let dark = use_state(|| false);
    let preview_lang = use_state(String::new);
    let preview = use_node_ref();
    let storage_full = use_state(|| false);
    let t = {
        let lang = *lang;
        move |key: &str| lang.t(key)
    };

    // Offline once loaded: the studio's own service worker (studio/sw.js), where there is one.
    use_effect_with((), |_| {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return;
        };
        // Absent outside secure contexts (http: other than localhost).
        let supported = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
            .is_ok_and(|v| !v.is_undefined());
        if supported {
            let registration = navigator.service_worker().register("sw.js");
            // A refusal (no sw.js where the studio is served) is no error of the page.
            spawn_local(async move {
                let _ = JsFuture::from(registration).await;
            });
        }
    });

    // <html lang dir> and the title follow the interface language (Arabic is right to left).
    {
        let lang = *lang;
        use_effect_with(lang, move |lang| {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                if let Some(root) = doc.document_element() {
                    let _ = root.set_attribute("lang", lang.tag());
                    let _ = root.set_attribute("dir", lang.dir());
                }
                doc.set_title(lang.t("page_title"));
            }
        });
    }

    // A huge file whose keystrokes the incremental check could not follow is checked whole
    // after a pause in typing (usual files are checked at once, where they change).
    {
        let editor = editor.clone();
        let refresh = refresh.clone();
        use_effect_with(rev, move |_| {
            let due = editor.borrow().due;
            let timeout = due.then(|| {
                gloo_timers::callback::Timeout::new(150, move || {
                    editor.borrow_mut().full_check();
                    refresh.force_update();
                })
            });
            move || drop(timeout)
        });
    }

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

    // Keep the draft between visits.
    {
        let editor = editor.clone();
        let storage_full = storage_full.clone();
        use_effect_with(rev, move |_| {
            let big = editor.borrow().big();
            let save = move || {
                if let Some(storage) = storage() {
                    let e = editor.borrow();
                    if e.keep {
                        let ok = storage.set_item(DRAFT_KEY, e.text()).is_ok()
                            && storage.set_item(NAME_KEY, &e.name).is_ok();
                        if *storage_full == ok {
                            storage_full.set(!ok);
                        }
                    } else {
                        let _ = storage.remove_item(DRAFT_KEY);
                        let _ = storage.remove_item(NAME_KEY);
                        if *storage_full {
                            storage_full.set(false);
                        }
                    }
                }
            };
            // Writing megabytes on every keystroke would slow typing: huge drafts wait for a pause.
            let timeout = if big {
                Some(gloo_timers::callback::Timeout::new(500, save))
            } else {
                save();
                None
            };
            move || drop(timeout)
        });
    }
    {
        use_effect_with((*theme).clone(), move |theme| {
            if let Some(storage) = storage() {
                let _ = storage.set_item(THEME_KEY, &theme.to_storage());
            }
        });
    }
    // The theme reaches the preview through the CSSOM (no style= attribute: strict CSP).
    {
        let preview = preview.clone();
        use_effect_with(((*theme).clone(), *width, *dark), move |(theme, _, _)| {
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
        Callback::from(move |(text, name): (String, String)| {
            status.set(format!("{} {name}", lang.t("opened")));
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
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                open_file.emit(file);
            }
            input.set_value("");
        })
    };
    let on_dragover = Callback::from(|e: DragEvent| e.prevent_default());
    let on_drop = {
        let open_file = open_file.clone();
        Callback::from(move |e: DragEvent| {
            if let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
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
    // Before a key acts: the window holds the cursor with room around it; Ctrl+Home and
    // Ctrl+End go to the start and the end of the whole text.
    let on_key_down = {
        let text_box = text_box.clone();
        Callback::from(move |e: KeyboardEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            match e.key().as_str() {
                "Home" | "End" if (e.ctrl_key() || e.meta_key()) && !e.shift_key() => {
                    e.prevent_default();
                    let end = e.key() == "End";
                    let at = {
                        let e = text_box.editor.borrow();
                        if end {
                            e.doc().units()
                        } else {
                            0
                        }
                    };
                    *text_box.selection.borrow_mut() = ((at, at), false);
                    text_box.move_window(&area, |e| {
                        let line = if end { e.doc().line_count() - 1 } else { 0 };
                        e.show_line(line)
                    });
                    let local =
                        at.saturating_sub(text_box.editor.borrow().window_units().start) as u32;
                    let _ = area.set_selection_range(local, local);
                    area.set_scroll_top(if end { area.scroll_height() } else { 0 });
                    text_box.follow(&area, true);
                }
                _ => text_box.follow(&area, false),
            }
        })
    };
    let on_caret_mouse = {
        let follow = follow.clone();
        Callback::from(move |e: MouseEvent| follow(&e.target_unchecked_into(), true))
    };
    let on_scroll = {
        let gutter = gutter.clone();
        let text_box = text_box.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            // Scrolling to an edge of the window moves it on by half.
            let lines = text_box.editor.borrow().window_lines();
            let edge = 5.0 * line_height(&area, lines);
            let scroll = f64::from(area.scroll_top());
            let down =
                scroll + f64::from(area.client_height()) > f64::from(area.scroll_height()) - edge;
            if scroll < edge || down {
                text_box.read(&area);
                text_box.move_window(&area, |e| e.scroll_window(down));
            }
            if let Some(g) = gutter.cast::<HtmlElement>() {
                g.set_scroll_top(area.scroll_top());
            }
        })
    };
    let go_to = {
        let textarea = textarea.clone();
        let cursor = cursor.clone();
        let text_box = text_box.clone();
        Callback::from(move |p: Shown| {
            if let Some(area) = textarea.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
                *text_box.selection.borrow_mut() = ((p.utf16, p.utf16), false);
                text_box.move_window(&area, |e| e.show_line(p.line - 1));
                let e = text_box.editor.borrow();
                // (A problem listed before the last edits may point a little off: never before the window.)
                let local = p.utf16.saturating_sub(e.window_units().start) as u32;
                let _ = area.set_selection_range(local, local);
                // Bring the line into view: lines are all the same height.
                let height = line_height(&area, e.window_lines());
                let top = (p.line as f64 - 4.0 - e.top_line() as f64).max(0.0) * height;
                area.set_scroll_top(top as i32);
                cursor.set((p.line, p.column));
            }
        })
    };

    // --- Form ----------------------------------------------------------------------------
    let form_broken = check.unreadable;
    let value = editor
        .borrow()
        .form
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Null));
    let edit = {
        let handle = handle.clone();
        move |f: Rc<dyn Fn(&mut Value)>| handle.change(|e| e.form_edit(&*f))
    };
    let text_input = |field: Field, label: String, multiline: bool, help: Option<&str>| {
        let edit = edit.clone();
        let id = field_id(field);
        let current = draft::get(&value, field);
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
    let count = draft::question_count(&value);
    // The FAQ's language, and whether the widget has its texts in it.
    let faq_tag = draft::get(&value, Field::Lang);
    let built_in = faq_tag.trim().is_empty() || Strings::built_in(faq_tag.trim());
    // Interface texts: every one the widget has, then any other the file gives.
    let ui_inputs: Html = {
        let given = draft::ui_texts(&value);
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
    let has_notice = draft::has_cookie_notice(&value);
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
    // Dragging a question by its title: which one, and where it would go (a place between
    // questions, 0..=count).
    let dragging = use_mut_ref(|| None::<usize>);
    let drop_at = use_state_eq(|| None::<usize>);
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
            let q = draft::get(&value, Field::Question(i));
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

    // --- Problems --------------------------------------------------------------------------
    let broken = check.blocking;
    let last_valid = editor.borrow().last_valid.clone();

    // --- Preview ---------------------------------------------------------------------------
    // In another language than the FAQ's: a copy with that language, made once per version.
    let shown = use_memo((last_valid.clone(), (*preview_lang).clone()), |(faq, l)| {
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
    let faq_lang = last_valid
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
        Callback::from(move |_| {
            handle.change(Editor::discard);
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
                    <input type="file" id="studio-file" accept=".json,application/json" onchange={on_file} />
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
                    <button type="button" onclick={on_download}>{ t("download") }</button>
                    <button type="button" onclick={on_discard} disabled={!keep}>{ t("discard") }</button>
                </div>
            </section>
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
                                    value={draft::cookie_revision(&value).to_string()} onchange={on_revision} />
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
            </div>
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
                        <FaqWidget faq={Some(faq)} src="faq.json" cookie_notice={options.cookie_notice}
                            offline_always={options.offline_always} stylesheet={false} />
                    }
                </div>
            </section>
            <ThemePanel theme={(*theme).clone()} lang={*lang} on_change={on_theme} />
            <EmbedPanel options={(*options).clone()} theme={(*theme).clone()} name={name.clone()}
                lang={*lang} on_options={on_options} />
        </main>
        </>
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
