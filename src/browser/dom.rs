//! Focus, scrolling and the clipboard.

use yew::NodeRef;

#[cfg(target_arch = "wasm32")]
pub fn focus(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus(_node: &NodeRef) {}

/// Brings a deep-linked question to the top of the viewport.
#[cfg(target_arch = "wasm32")]
pub fn scroll_to(node: &NodeRef) {
    if let Some(element) = node.cast::<web_sys::Element>() {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Start);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn scroll_to(_node: &NodeRef) {}

/// Copies text; `false` when the page may not write to the clipboard.
#[cfg(target_arch = "wasm32")]
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    // Some embedders (old WebViews) have no clipboard object at all.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::unused_async)] // the native stand-in keeps the browser version's signature
pub async fn copy_text(_text: &str) -> bool {
    false
}

/// Whether keyboard focus is in something that takes text (an input, a textarea, a select or an
/// editable element), looking through open shadow roots: inside one, `document.activeElement` is
/// only the shadow host.
#[cfg(target_arch = "wasm32")]
pub fn focus_in_text_field() -> bool {
    use wasm_bindgen::JsCast;

    let Some(mut element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    // Bounded: nested shadow roots deeper than this are not a real page.
    for _ in 0..32 {
        match element.shadow_root().and_then(|root| root.active_element()) {
            Some(inner) => element = inner,
            None => break,
        }
    }
    let tag = element.tag_name();
    if tag.eq_ignore_ascii_case("textarea") || tag.eq_ignore_ascii_case("select") {
        return true;
    }
    if tag.eq_ignore_ascii_case("input") {
        let kind = element.get_attribute("type").unwrap_or_default();
        let not_text = [
            "button", "checkbox", "radio", "submit", "reset", "image", "file", "range", "color",
        ];
        return !not_text.iter().any(|k| kind.eq_ignore_ascii_case(k));
    }
    element
        .dyn_into::<web_sys::HtmlElement>()
        .is_ok_and(|e| e.is_content_editable())
}

#[cfg(not(target_arch = "wasm32"))]
pub fn focus_in_text_field() -> bool {
    false
}

/// The page's language, `<html lang>`, if it has one.
pub fn page_lang() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Sends `body` to `url` with `navigator.sendBeacon` (a string: `text/plain`, no preflight, no
/// cookies on another origin's collector); `false` when the browser refused it.
#[cfg(target_arch = "wasm32")]
pub fn send_beacon(url: &str, body: &str) -> bool {
    web_sys::window()
        .and_then(|window| {
            window
                .navigator()
                .send_beacon_with_opt_str(url, Some(body))
                .ok()
        })
        .unwrap_or(false)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn send_beacon(_url: &str, _body: &str) -> bool {
    false
}
