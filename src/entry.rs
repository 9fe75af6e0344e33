//! The one export embed.js calls.

use wasm_bindgen::prelude::*;

use crate::components::{App, AppProps};
use crate::host::Host;

/// Renders the FAQ at `src` into `root` (a div inside the shadow root of `host`, the page's
/// `<faq-widget>` element, which receives the widget's events). `options` is the script tag's
/// configuration as an object: `{ cookieNotice: bool, offline: "always" | undefined }`.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, root: web_sys::Element, src: String, options: JsValue) {
    let option = |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).ok();
    let cookie_notice = option("cookieNotice")
        .and_then(|v| v.as_bool())
        .unwrap_or(true);
    let offline_always = option("offline").and_then(|v| v.as_string()).as_deref() == Some("always");
    // The FAQ's language is only known once it has loaded: until then (loading, fetch errors)
    // the widget speaks the host page's language, from `options.lang` or `<html lang>`.
    let lang = option("lang")
        .and_then(|v| v.as_string())
        .or_else(|| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
                .and_then(|e| e.get_attribute("lang"))
        })
        .unwrap_or_default();
    let host = Host::new(host, cookie_notice, offline_always);
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            src: src.into(),
            host,
            lang: lang.trim().into(),
        },
    )
    .render();
}
