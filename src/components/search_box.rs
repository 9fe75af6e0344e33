use yew::prelude::*;

use std::rc::Rc;

use crate::browser::dom;
use crate::host::prefixed;
use crate::i18n::Strings;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub value: AttrValue,
    /// The settled result count, for the polite live region.
    pub status: AttrValue,
    pub on_input: Callback<String>,
    /// Interface texts in the FAQ's language.
    #[prop_or_default]
    pub strings: Rc<Strings>,
    /// The widget's element id prefix (`Host::ids`): empty in a shadow root.
    #[prop_or_default]
    pub ids: AttrValue,
    /// The field, for the "/" shortcut: [`slash_listener`], which the FAQ view keeps with its
    /// other page listeners (one effect for all of them: each costs wasm bytes).
    #[prop_or_default]
    pub input_ref: NodeRef,
}

/// The search field above the questions: filters as you type, "/" focuses it (unless focus is in
/// a text field, on the host page or in the widget), Escape clears it.
///
/// It has no state of its own, and `FaqView` renders it by calling [`search_box`] directly: a
/// component of its own adds its lifecycle code to the wasm (BENCHMARKS.md "Languages") and
/// saves nothing, since the view re-renders it with each keystroke anyway. Yew apps can use it
/// as `<SearchBox ... />`.
#[component(SearchBox)]
pub fn search_box_component(props: &SearchBoxProps) -> Html {
    search_box(props)
}

/// The markup of [`SearchBox`], for the view that owns the search.
pub fn search_box(props: &SearchBoxProps) -> Html {
    let input_ref = props.input_ref.clone();
    let oninput = {
        let on_input = props.on_input.clone();
        move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_input.emit(input.value());
        }
    };
    let onkeydown = {
        let on_input = props.on_input.clone();
        let empty = props.value.is_empty();
        move |event: KeyboardEvent| {
            if event.key() == "Escape" && !empty {
                event.prevent_default();
                on_input.emit(String::new());
            }
        }
    };
    let input_id = prefixed(&props.ids, "faq-search-input");
    let status_id = prefixed(&props.ids, "faq-search-status");
    html! {
        // Named by the FAQ title, so two widgets on one page have distinct search landmarks.
        <div class="faq-search" role="search" aria-labelledby={prefixed(&props.ids, "faq-title")}>
            <label for={input_id.clone()} class="faq-search-label">{ props.strings.get("search.label") }</label>
            <input
                ref={input_ref}
                type="search"
                id={input_id}
                class="faq-search-input"
                value={props.value.clone()}
                placeholder={props.strings.get("search.placeholder")}
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                aria-keyshortcuts="/"
                aria-describedby={status_id.clone()}
                {oninput}
                {onkeydown}
            />
            <p id={status_id} class="faq-search-status" role="status" aria-live="polite">{ props.status.clone() }</p>
        </div>
    }
}

/// "/" on the page focuses the search field `input_ref` (not while focus is in a text field, nor
/// with a modifier, nor when the page already handled the key).
#[cfg(target_arch = "wasm32")]
pub(super) fn slash_listener(input_ref: NodeRef) -> Vec<gloo_events::EventListener> {
    use wasm_bindgen::JsCast;

    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    // Not passive: the "/" must not also be typed into the field it focuses.
    vec![gloo_events::EventListener::new_with_options(
        &document,
        "keydown",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if event.key() != "/"
                || event.default_prevented()
                || event.ctrl_key()
                || event.meta_key()
                || event.alt_key()
                || event.is_composing()
                || dom::focus_in_text_field()
            {
                return;
            }
            event.prevent_default();
            dom::focus(&input_ref);
        },
    )]
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn slash_listener(_input_ref: NodeRef) -> Vec<()> {
    let _ = dom::focus_in_text_field;
    Vec::new()
}
