//! The widget takes over a pre-rendered copy of itself.
//!
//! Purpose: a page may carry the widget's own markup, rendered ahead of time by
//! `faq-widget render --prerender` (a `<faq-widget>` with a declarative shadow root), so every
//! question is on screen before the wasm arrives, and with scripts off. embed.js keeps that copy
//! usable until the widget starts (questions open and close) and mounts the widget hidden beside
//! it. Once the FAQ is ready, the widget starts from what the visitor did to the copy (open
//! questions, a typed query: [`Prerendered::read`]) and swaps itself in ([`take_over`]), in the
//! same task: no frame shows both or neither, and since both are the same markup, nothing moves.
//!
//! Not a hook of its own: [`take_over`] runs in `FaqView`'s one run-once effect, since each
//! `use_effect_with` costs about 1 KB of wasm (BENCHMARKS.md, "Where the bytes go").
//!
//! ```ignore
//! let copy = use_memo((), |_| Prerendered::read(&host));   // before the state starts
//! let state = use_reducer(|| ViewState::new(n, deep_link).with_open(copy.open_indices(...)));
//! // ... in the effect after the first render:
//! take_over(&host);
//! ```

use crate::host::Host;

/// What the visitor did to the pre-rendered copy before the widget started.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prerendered {
    /// The ids of the questions open in the copy.
    pub open_ids: Vec<String>,
    /// What was typed in the copy's search field.
    pub query: String,
}

impl Prerendered {
    /// Reads the copy, if the page has one (nothing outside a browser).
    pub fn read(host: &Host) -> Prerendered {
        #[cfg(target_arch = "wasm32")]
        if let Some(copy) = host.prerendered() {
            return read_copy(copy);
        }
        let _ = host;
        Prerendered::default()
    }
}

#[cfg(target_arch = "wasm32")]
fn read_copy(copy: &web_sys::Element) -> Prerendered {
    let mut open_ids = Vec::new();
    if let Ok(buttons) = copy.query_selector_all(".faq-question-button[aria-expanded=\"true\"]") {
        for i in 0..buttons.length() {
            let id = buttons
                .item(i)
                .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
                .map(|button| button.id());
            if let Some(id) = id.as_deref().and_then(|id| id.strip_prefix("q-")) {
                open_ids.push(id.to_owned());
            }
        }
    }
    let query = copy
        .query_selector("input[type=search]")
        .ok()
        .flatten()
        .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlInputElement>)
        .map(|input| input.value())
        .unwrap_or_default();
    Prerendered { open_ids, query }
}

/// After the widget's first render, if the page has a copy: the copy goes, the widget shows,
/// focus moves to the same control in the widget (the copy keeps its focus until now: the
/// widget renders hidden and focuses nothing).
#[cfg(target_arch = "wasm32")]
pub fn take_over(host: &Host) {
    let Some(prerendered) = host.prerendered() else {
        return;
    };
    let Some(widget) = host.root.cast::<web_sys::Element>() else {
        return;
    };
    let focused =
        wasm_bindgen::JsCast::dyn_into::<web_sys::ShadowRoot>(prerendered.get_root_node())
            .ok()
            .and_then(|shadow| shadow.active_element())
            .filter(|element| prerendered.contains(Some(element)))
            .map(|element| element.id())
            .filter(|id| !id.is_empty());
    if let Some(parent) = prerendered.parent_node() {
        let _ = parent.remove_child(prerendered);
    }
    // embed.js mounted the widget in a hidden element beside the copy.
    if let Some(mount) = widget.parent_element() {
        let _ = mount.remove_attribute("hidden");
    }
    let focused = focused.and_then(|id| widget.query_selector(&["#", &id].concat()).ok().flatten());
    if let Some(element) = focused {
        let _ = wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&element).focus();
    }
}

/// Nothing outside a browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn take_over(_host: &Host) {}
