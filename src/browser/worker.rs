//! What service workers and the browser tell the page: a newer FAQ was stored, the network is
//! back. (Registering and forgetting the widget's own worker is embed.js's `worker`, called
//! through `Host::service_worker`: a few lines of JS cost less than web-sys and futures glue in
//! wasm.) Nothing happens where the browser has no service workers (plain http pages, some
//! `WebViews`); nothing throws or logs.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::{JsCast, JsValue};

    use crate::offline;

    fn field(object: &JsValue, key: &str) -> Option<String> {
        js_sys::Reflect::get(object, &JsValue::from_str(key))
            .ok()?
            .as_string()
    }

    /// Calls `on_update` each time a service worker says it stored a newer copy of the FAQ at
    /// `src` (the widget's own, or the host's worker that imports `sw.js`).
    pub fn on_update(
        src: &str,
        on_update: impl Fn() + 'static,
    ) -> Option<gloo_events::EventListener> {
        // `navigator.serviceWorker` is undefined outside secure contexts.
        let container = web_sys::window()?.navigator().service_worker();
        if JsValue::from(container.clone()).is_undefined() {
            return None;
        }
        let src = offline::without_fragment(src).to_owned();
        Some(gloo_events::EventListener::new(
            &container,
            "message",
            move |event| {
                let Some(data) = event
                    .dyn_ref::<web_sys::MessageEvent>()
                    .map(web_sys::MessageEvent::data)
                else {
                    return;
                };
                if field(&data, "type").as_deref() == Some(offline::UPDATED_MESSAGE)
                    && field(&data, "url").as_deref() == Some(src.as_str())
                {
                    on_update();
                }
            },
        ))
    }

    /// Calls `on_online` when the browser is back online.
    pub fn on_online(on_online: impl Fn() + 'static) -> Option<gloo_events::EventListener> {
        let window = web_sys::window()?;
        Some(gloo_events::EventListener::new(
            &window,
            "online",
            move |_| on_online(),
        ))
    }
}

#[cfg(target_arch = "wasm32")]
pub use imp::*;

/// A listener that stops when dropped (nothing outside a browser).
#[cfg(target_arch = "wasm32")]
pub type Listener = gloo_events::EventListener;
#[cfg(not(target_arch = "wasm32"))]
pub type Listener = ();

#[cfg(not(target_arch = "wasm32"))]
pub fn on_update(_src: &str, _on_update: impl Fn() + 'static) -> Option<Listener> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn on_online(_on_online: impl Fn() + 'static) -> Option<Listener> {
    None
}
