//! The embedding page: the options it set (script tag or `FaqWidget` props), and the events the
//! widget sends it. `FaqView` gets it as a prop and hands the hooks what they need; the components
//! below it get the id prefix only (a Yew context measured 2.3 KB brotli more: its provider
//! component and a `use_context` in each consumer).

use yew::prelude::*;

use crate::feedback_state::Report;

/// The FAQ request's default timeout: long enough for a slow mobile connection, short enough
/// that a stalled one does not leave "Loading…" on screen.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

#[derive(Clone, PartialEq)]
pub struct Host {
    /// `data-cookie-notice="off"` turns the notice off for hosts with their own consent manager.
    pub cookie_notice: bool,
    /// `data-offline="always"`: the site owner declares the offline copy essential storage.
    pub offline_always: bool,
    /// `data-timeout` (milliseconds): how long the FAQ request may take before the widget shows
    /// the saved copy or says so (with "Try again"); 0: no limit. A late answer still shows.
    pub timeout_ms: u32,
    /// Whether the widget writes the page URL: the open question's id as its fragment, the
    /// search in `faq-q`. `data-url-state="off"` for hosts whose router owns the URL: the widget
    /// then only reads it (a deep link the host passes in still opens its question).
    pub url_state: bool,
    /// "Was this helpful?" under each open answer; `data-feedback="off"` turns it off.
    pub feedback: bool,
    /// The sender of feedback beacons to `data-report` (`crate::report`, or embed.js's relay to
    /// the reporter module); `None`: no report address. It hears only what the visitor allowed
    /// (`hooks::use_feedback`).
    pub reports: Option<Callback<Report>>,
    /// embed.js's `worker(keep, src)`: registers or forgets the widget's service worker.
    worker: Option<js_sys::Function>,
    /// embed.js's `texts(code, now)`: a promise of a language pack's texts (integrity-checked,
    /// as `language_pack::pairs`; "" when it could not be had); with `now`, those texts if they
    /// are there already, else `undefined`.
    pub(crate) texts: Option<js_sys::Function>,
    /// The page's `<faq-widget>` element (embed.js); in a Yew app, `root` instead.
    element: Option<web_sys::Element>,
    /// The widget's own outermost element, for events when there is no `element`.
    pub(crate) root: NodeRef,
    /// Prefixed to every element id the widget writes: empty in embed.js's shadow root (ids are
    /// scoped there), unique per widget in a Yew app (several widgets share one document).
    pub(crate) ids: AttrValue,
    /// The pre-rendered copy of the widget that it takes over (`hooks::take_over`).
    prerendered: Option<web_sys::Element>,
}

impl Default for Host {
    fn default() -> Self {
        Host {
            cookie_notice: true,
            offline_always: false,
            timeout_ms: DEFAULT_TIMEOUT_MS,
            url_state: true,
            feedback: true,
            reports: None,
            worker: None,
            texts: None,
            element: None,
            root: NodeRef::default(),
            ids: AttrValue::default(),
            prerendered: None,
        }
    }
}

impl Host {
    pub fn new(element: web_sys::Element, cookie_notice: bool, offline_always: bool) -> Self {
        Host {
            cookie_notice,
            offline_always,
            element: Some(element),
            ..Host::default()
        }
    }

    /// A host without a page element (a Yew app): events start at the widget's root.
    pub fn options(cookie_notice: bool, offline_always: bool) -> Self {
        Host {
            cookie_notice,
            offline_always,
            ..Host::default()
        }
    }

    /// The page's pre-rendered copy of this widget, to take over once the FAQ is ready.
    pub fn with_prerendered(mut self, copy: Option<web_sys::Element>) -> Self {
        self.prerendered = copy;
        self
    }

    pub fn prerendered(&self) -> Option<&web_sys::Element> {
        self.prerendered.as_ref()
    }

    /// The feedback options: the buttons on or off, and the report sender, if any.
    pub fn with_feedback(mut self, feedback: bool, reports: Option<Callback<Report>>) -> Self {
        self.feedback = feedback;
        self.reports = reports;
        self
    }

    /// embed.js's `worker` function (`options.worker`), if it passed one.
    pub fn with_worker(mut self, worker: Option<js_sys::Function>) -> Self {
        self.worker = worker;
        self
    }

    /// `keep` above 0: registers the widget's service worker where this page can have it (a page
    /// in the folder of embed.js, so on its origin) and has it keep the FAQ at `src`; 2 when the
    /// visitor's consent (or a FAQ that asks none) also lets embed.js keep their language choice,
    /// 1 when only the offline copy is allowed (declared essential). 0: unregisters it and deletes
    /// its caches (see `hooks::use_offline`). embed.js does the work (a few lines of JS cost less
    /// than the web-sys and futures glue in wasm); it never throws.
    pub fn service_worker(&self, keep: u8, src: &str) {
        #[cfg(target_arch = "wasm32")]
        if let Some(worker) = &self.worker {
            let _ = worker.call2(
                &wasm_bindgen::JsValue::NULL,
                &keep.into(),
                &wasm_bindgen::JsValue::from_str(src),
            );
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (keep, src, &self.worker);
    }

    /// The texts of `lang`'s language pack (`crate::language_pack`), to follow a FAQ's own `ui`;
    /// empty for English, a language without a pack, or a pack that could not be had (embed.js
    /// says why in the console). The one-script-tag build waits for embed.js to fetch it.
    #[cfg(feature = "embed")]
    pub async fn pack(&self, lang: &str) -> Vec<(String, String)> {
        if let Some(Ok(promise)) = self.ask_embed_js(lang, false) {
            // Resolves once the pack is there, or could not be had ("").
            let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(promise)).await;
        }
        self.pack_now(lang)
    }

    /// The same, compiled in (a Yew app). Async like the embed build's, so callers are one.
    #[cfg(not(feature = "embed"))]
    #[allow(clippy::unused_async)]
    pub async fn pack(&self, lang: &str) -> Vec<(String, String)> {
        crate::language_pack::compiled_in(lang)
    }

    /// The texts of `lang`'s pack if they are at hand now: in the one-script-tag build, a pack
    /// that embed.js fetched already (it fetches the page's before it mounts the widget: the
    /// texts shown before the FAQ and its language are known).
    pub fn pack_now(&self, lang: &str) -> Vec<(String, String)> {
        #[cfg(feature = "embed")]
        {
            let now = self.ask_embed_js(lang, true);
            let joined = now.and_then(Result::ok).and_then(|texts| texts.as_string());
            crate::language_pack::pairs(&joined.unwrap_or_default())
        }
        #[cfg(not(feature = "embed"))]
        crate::language_pack::compiled_in(lang)
    }

    /// embed.js's `texts(code, now)` for `lang`'s pack, if it has one.
    #[cfg(feature = "embed")]
    fn ask_embed_js(
        &self,
        lang: &str,
        now: bool,
    ) -> Option<Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>> {
        let code = crate::i18n::pack_for(lang)?;
        let texts = self.texts.as_ref()?;
        Some(texts.call2(&wasm_bindgen::JsValue::NULL, &code.into(), &now.into()))
    }

    /// The element id `name` in this widget (see `ids`).
    pub fn id(&self, name: &str) -> AttrValue {
        prefixed(&self.ids, name)
    }

    /// Where the widget's events start: the `<faq-widget>` element, else the widget's root.
    pub fn target(&self) -> Option<web_sys::Element> {
        self.element.clone().or_else(|| self.root.cast())
    }

    /// Whether `element` is this widget's event target (tells its own events from another's).
    pub fn is_element(&self, element: &web_sys::Element) -> bool {
        self.target().as_ref() == Some(element)
    }

    /// Dispatches `name` (e.g. `faq-widget:open`) from the host element: bubbling and composed,
    /// so a listener on the element, the document or any ancestor receives it.
    pub fn emit(&self, name: &str, detail: Detail) {
        #[cfg(target_arch = "wasm32")]
        if let Some(element) = &self.target() {
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail.object);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = element.dispatch_event(&event);
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (name, detail, &self.element);
    }
}

/// The `detail` object of a host event.
#[derive(Default)]
pub struct Detail {
    #[cfg(target_arch = "wasm32")]
    object: js_sys::Object,
}

impl Detail {
    pub fn new() -> Self {
        Detail::default()
    }

    #[cfg(target_arch = "wasm32")]
    fn set(self, key: &str, value: impl Into<wasm_bindgen::JsValue>) -> Self {
        let _ = js_sys::Reflect::set(&self.object, &key.into(), &value.into());
        self
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn set<T>(self, _key: &str, _value: T) -> Self {
        self
    }

    pub fn text(self, key: &str, value: &str) -> Self {
        self.set(key, value.to_owned())
    }

    pub fn flag(self, key: &str, value: bool) -> Self {
        self.set(key, value)
    }

    pub fn number(self, key: &str, value: u32) -> Self {
        self.set(key, value)
    }

    pub fn texts(self, key: &str, values: &[&str]) -> Self {
        #[cfg(target_arch = "wasm32")]
        {
            let array = js_sys::Array::new();
            for value in values {
                array.push(&wasm_bindgen::JsValue::from_str(value));
            }
            self.set(key, array)
        }
        #[cfg(not(target_arch = "wasm32"))]
        self.set(key, values)
    }
}

/// Whether `element` is where some faq-widget's events start: a `<faq-widget>` element (embed.js)
/// or the root of a `FaqWidget` in a Yew app (`data-faq-widget`).
pub fn is_widget_target(element: &web_sys::Element) -> bool {
    element.local_name() == "faq-widget" || element.has_attribute("data-faq-widget")
}

/// An element id with a widget's prefix ([`Host`]'s `ids`: empty in a shadow root).
pub fn prefixed(ids: &str, name: &str) -> AttrValue {
    AttrValue::from([ids, name].concat())
}
