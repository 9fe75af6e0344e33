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
pub async fn copy_text(_text: &str) -> bool {
    false
}
