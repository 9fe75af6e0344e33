//! The one export embed.js calls (the `embed` feature).

use wasm_bindgen::prelude::*;

use yew::Callback;

use crate::components::faq_widget::{FaqWidget, FaqWidgetProps};
use crate::feedback_state::Report;
use crate::host::Host;

#[wasm_bindgen]
extern "C" {
    /// The script tag's configuration, as embed.js passes it to [`mount`].
    pub type MountOptions;

    #[wasm_bindgen(method, getter = cookieNotice)]
    fn cookie_notice(this: &MountOptions) -> Option<bool>;

    #[wasm_bindgen(method, getter)]
    fn offline(this: &MountOptions) -> Option<String>;

    #[wasm_bindgen(method, getter)]
    fn prefetch(this: &MountOptions) -> JsValue;

    #[wasm_bindgen(method, getter)]
    fn worker(this: &MountOptions) -> JsValue;

    #[wasm_bindgen(method, getter)]
    fn texts(this: &MountOptions) -> JsValue;

    #[wasm_bindgen(method, getter)]
    fn prerendered(this: &MountOptions) -> JsValue;

    #[wasm_bindgen(method, getter)]
    fn timeout(this: &MountOptions) -> Option<f64>;

    #[wasm_bindgen(method, getter)]
    fn feedback(this: &MountOptions) -> Option<bool>;

    #[wasm_bindgen(method, getter)]
    fn report(this: &MountOptions) -> JsValue;
}

/// Renders the FAQ at `src` into `root` (a div inside the shadow root of `host`, the page's
/// `<faq-widget>` element, which receives the widget's events). `options` is the script tag's
/// configuration as an object: `{ cookieNotice: bool, offline: "always" | undefined,
/// prefetch: Promise<string | Response> | undefined, worker, texts, feedback: bool, report:
/// function | undefined, prerendered: Element | undefined, timeout: number | undefined }`, where
/// `prefetch` is a request for `src` that embed.js already started, so the FAQ downloads while
/// the wasm does (its text when the answer was ok, else the `Response`); `worker(keep, src)` is
/// embed.js's handle on the widget's service worker; `texts(code)` its fetcher of language packs
/// (a promise of the pack's JSON, "" when it could not be had); `report(kind, a, b)` embed.js's relay to
/// the report sender of `data-report` (see [`relay`]); `prerendered` the page's pre-rendered
/// copy of the widget (`faq-widget render --prerender`) to take over; `timeout` the request's
/// limit in milliseconds.
///
/// embed.js calls [`unmount`] with the same `root` when the page removes the `<faq-widget>`
/// element for good (a single-page app's router leaving the view).
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, root: web_sys::Element, src: String, options: MountOptions) {
    if let Ok(request) = options.prefetch().dyn_into::<js_sys::Promise>() {
        crate::browser::fetch::prefetched(&src, request);
    }
    let cookie_notice = options.cookie_notice().unwrap_or(true);
    let offline_always = options.offline().as_deref() == Some("always");
    let worker = options.worker().dyn_into::<js_sys::Function>().ok();
    let prerendered = options.prerendered().dyn_into::<web_sys::Element>().ok();
    let feedback = options.feedback().unwrap_or(true);
    // Read from the element, not passed in `options`: one more getter is one more wasm import
    // and glue function, some 200 B brotli (BENCHMARKS.md "Single-page apps").
    let url_state = host.get_attribute("url-state").as_deref() != Some("off");
    let reports = options
        .report()
        .dyn_into::<js_sys::Function>()
        .ok()
        .map(relay);
    let mut host = Host::new(host, cookie_notice, offline_always)
        .with_worker(worker)
        .with_prerendered(prerendered)
        .with_feedback(feedback, reports);
    host.texts = options.texts().dyn_into().ok();
    let app = yew::Renderer::<FaqWidget>::with_root_and_props(
        root.clone(),
        FaqWidgetProps {
            src: src.into(),
            cookie_notice,
            offline_always,
            // For the texts before the FAQ's language is known: the language embed.js picked
            // for a widget of several (`langs`, set on `root`), else `<html lang>`.
            lang: root.get_attribute("lang").unwrap_or_default().into(),
            timeout_ms: options
                .timeout()
                .filter(|ms| ms.is_finite() && *ms >= 0.0)
                .map_or(crate::host::DEFAULT_TIMEOUT_MS, |ms| {
                    ms.min(f64::from(u32::MAX)) as u32
                }),
            url_state,
            faq: None,
            feedback,
            host: Some(host),
        },
    )
    .render();
    MOUNTED.with(|apps| apps.borrow_mut().push((root, app)));
}

thread_local! {
    /// The widgets [`mount`] rendered, by their root element, until [`unmount`]. A list and an
    /// exported function rather than a wasm-bindgen class handed to embed.js: the class's glue
    /// (wrapper, finalizer) cost more bytes than the whole lifecycle (BENCHMARKS.md "Single-page
    /// apps").
    static MOUNTED: std::cell::RefCell<Vec<(web_sys::Element, yew::AppHandle<FaqWidget>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Destroys the widget that [`mount`] rendered into `root`: every hook's effect runs its
/// clean-up (listeners on the window, the document and the service worker, timers), and nothing
/// it would still have sent (events, beacons) is sent. An unknown root is ignored.
#[wasm_bindgen]
pub fn unmount(root: web_sys::Element) {
    let app = MOUNTED.with(|apps| {
        let mut apps = apps.borrow_mut();
        let index = apps.iter().position(|(r, _)| *r == root)?;
        Some(apps.swap_remove(index).1)
    });
    if let Some(app) = app {
        app.destroy();
    }
}

/// The widget's [`Report`]s as calls of embed.js's relay (`options.report`): `("allow", bool)`,
/// `("vote", id, helpful)`, `("missed", query)`. embed.js loads the sender (the `reporter/` crate's
/// wasm) on the first `"allow", true` and hands it the calls in order.
fn relay(relay: js_sys::Function) -> Callback<Report> {
    Callback::from(move |report: Report| {
        let (kind, a, b): (&str, JsValue, JsValue) = match report {
            Report::Allow(allowed) => ("allow", allowed.into(), JsValue::UNDEFINED),
            Report::Vote(vote) => ("vote", vote.id.into(), vote.helpful.into()),
            Report::Missed(query) => ("missed", query.into(), JsValue::UNDEFINED),
        };
        // A relay that throws must not take the widget down with it.
        let _ = relay.call3(&JsValue::NULL, &kind.into(), &a, &b);
    })
}
