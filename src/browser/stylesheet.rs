//! The widget's stylesheet for Yew apps, as a constructed stylesheet adopted by the document (or
//! the shadow root) that holds the widget. A `<style>` element or a `style` attribute is refused
//! under a strict `style-src`; a constructed stylesheet is not, and it needs no file the app must
//! copy out of the crate's folder. embed.js's build links its own copy (a hashed, integrity-checked
//! file) and never compiles this: the text would add about 2 KB brotli to the embed's wasm.

/// The widget's stylesheet (`styles/widget.css`), for apps that ship it themselves (a static
/// page rendered with the `ssr` feature, their own CSS pipeline) with `stylesheet={false}`.
pub const STYLESHEET: &str = include_str!("../../styles/widget.css");

/// Adopts [`STYLESHEET`] into the document or shadow root that holds `element`, once per root:
/// one shared sheet for every widget of the app.
#[cfg(all(target_arch = "wasm32", not(feature = "embed")))]
pub fn adopt(element: &web_sys::Element) {
    use wasm_bindgen::{JsCast, JsValue};
    thread_local! {
        static SHEET: Option<web_sys::CssStyleSheet> = web_sys::CssStyleSheet::new()
            .ok()
            .filter(|sheet| sheet.replace_sync(STYLESHEET).is_ok());
    }
    let Some(sheet) = SHEET.with(Clone::clone) else {
        return;
    };
    // Document and ShadowRoot both have `adoptedStyleSheets`; older engines make it a frozen
    // array, so a new array is assigned rather than pushed to.
    let root: JsValue = element.get_root_node().into();
    let key = JsValue::from_str("adoptedStyleSheets");
    let Some(current) = js_sys::Reflect::get(&root, &key)
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::Array>().ok())
    else {
        return;
    };
    if current.includes(&sheet, 0) {
        return;
    }
    let adopted = js_sys::Array::from(&current);
    adopted.push(&sheet);
    let _ = js_sys::Reflect::set(&root, &key, &adopted);
}

/// Outside a browser (or in the embed build) there is nothing to adopt.
#[cfg(not(all(target_arch = "wasm32", not(feature = "embed"))))]
pub fn adopt<T>(_element: &T) {}
