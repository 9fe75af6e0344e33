//! The studio page's effects, one hook each: what the page does beside rendering (keeping the
//! draft and the theme between visits, checking a huge draft after a pause, the document's
//! language, the release's digest for the snippet, the offline worker). `App` calls them in
//! this order; each is a `use_effect_with` and nothing more, so each runs when what it is given
//! changes, as Yew's own hooks do.
//!
//! ```ignore
//! let editor = use_mut_ref(initial_editor);
//! let refresh = use_force_update();
//! use_check_after_pause(editor.clone(), refresh.clone(), editor.borrow().rev);
//! use_kept_draft(editor.clone(), editor.borrow().rev, storage_full.clone());
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

use crate::browser::{fetch_text, storage, stored};
use crate::editor::Editor;
use crate::i18n::Lang;
use crate::snippet::EmbedOptions;
use crate::theme::Theme;

/// Where the draft, its file name and the theme are kept between visits (`localStorage`).
const DRAFT_KEY: &str = "faq-studio:draft";
const NAME_KEY: &str = "faq-studio:name";
const THEME_KEY: &str = "faq-studio:theme";

/// The draft kept from the last visit, else the empty FAQ.
pub fn kept_editor() -> Editor {
    match stored(DRAFT_KEY) {
        Some(text) => Editor::new(
            text,
            &stored(NAME_KEY).unwrap_or_else(|| "faq.json".into()),
            true,
        ),
        None => Editor::new(crate::draft::EMPTY_FAQ.into(), "faq.json", false),
    }
}

/// The theme kept from the last visit, else the default.
pub fn kept_theme() -> Theme {
    Theme::from_storage(&stored(THEME_KEY).unwrap_or_default())
}

/// Keeps the draft between visits at each change (`rev`), or forgets it when the visitor chose
/// not to keep it. `storage_full` says whether the last write was refused (a full storage).
/// Writing megabytes on every keystroke would slow typing: a huge draft waits for a pause.
#[hook]
pub fn use_kept_draft(editor: Rc<RefCell<Editor>>, rev: u64, storage_full: UseStateHandle<bool>) {
    use_effect_with(rev, move |_| {
        let big = editor.borrow().big();
        let save = move || {
            let Some(storage) = storage() else {
                return;
            };
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
        };
        let timeout = if big {
            Some(gloo_timers::callback::Timeout::new(500, save))
        } else {
            save();
            None
        };
        move || drop(timeout)
    });
}

/// Keeps the theme between visits.
#[hook]
pub fn use_kept_theme(theme: Theme) {
    use_effect_with(theme, |theme| {
        if let Some(storage) = storage() {
            let _ = storage.set_item(THEME_KEY, &theme.to_storage());
        }
    });
}

/// A huge draft whose keystrokes the incremental check could not follow (`Editor::due`) is
/// checked whole after a pause in typing; usual drafts are checked at once, where they change.
#[hook]
pub fn use_check_after_pause(editor: Rc<RefCell<Editor>>, refresh: UseForceUpdateHandle, rev: u64) {
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

/// `<html lang dir>` and the title follow the interface language (Arabic is right to left).
#[hook]
pub fn use_page_language(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
                let _ = root.set_attribute("dir", lang.dir());
            }
            doc.set_title(lang.t("page_title"));
        }
    });
}

/// The build's digest of embed.js (dist/embed.js.integrity, written beside it) into `options`,
/// so the snippet is the release's tag with Subresource Integrity. A studio served without it
/// (another host's copy) leaves the field empty: no integrity in the tag. Once, at start.
#[hook]
pub fn use_release_integrity(options: UseStateHandle<EmbedOptions>) {
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

/// Offline once loaded: the studio's own service worker (studio/sw.js), where there is one.
/// Absent outside secure contexts (http: other than localhost); a refusal (no sw.js where the
/// studio is served) is no error of the page.
#[hook]
pub fn use_offline_worker() {
    use_effect_with((), |_| {
        let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
            return;
        };
        let supported = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker"))
            .is_ok_and(|v| !v.is_undefined());
        if supported {
            let registration = navigator.service_worker().register("sw.js");
            spawn_local(async move {
                let _ = JsFuture::from(registration).await;
            });
        }
    });
}
