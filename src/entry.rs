//! The one export embed.js calls.

use wasm_bindgen::prelude::*;

use crate::components::{App, AppProps};
use crate::host::Host;

/// Renders the FAQ at `src` into `root` (a div inside the shadow root of `host`, the page's
/// `<faq-widget>` element, which receives the widget's events). `options` is the script tag's
/// configuration as an object: `{ cookieNotice: bool, offline: "always" | undefined,
/// prefetch: Promise<Response> | undefined }`, where `prefetch` is a request for `src` that
/// embed.js already started, so the FAQ downloads while the wasm does.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, root: web_sys::Element, src: String, options: JsValue) {
    use wasm_bindgen::JsCast;

    let option = |key: &str| js_sys::Reflect::get(&options, &JsValue::from_str(key)).ok();
    if let Some(request) = option("prefetch").and_then(|v| v.dyn_into::<js_sys::Promise>().ok()) {
        crate::browser::fetch::prefetched(&src, request);
    }
    let cookie_notice = option("cookieNotice")
        .and_then(|v| v.as_bool())
        .unwrap_or(true);
    let offline_always = option("offline").and_then(|v| v.as_string()).as_deref() == Some("always");
    let host = Host::new(host, cookie_notice, offline_always);
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            src: src.into(),
            host,
        },
    )
    .render();
}
