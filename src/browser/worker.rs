//! The widget's service worker (`sw.js`, beside embed.js) and its caches, seen from the page.
//! The rules (when, for which pages) are in `crate::offline`; consent decides in
//! `hooks::use_offline`. Every function does nothing where the browser has no service workers
//! or Cache Storage (plain http pages, some WebViews), and never throws or logs.

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::{spawn_local, JsFuture};
    use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};

    use crate::offline;

    /// `navigator.serviceWorker`: undefined outside secure contexts.
    fn container() -> Option<ServiceWorkerContainer> {
        let container = web_sys::window()?.navigator().service_worker();
        (!JsValue::from(container.clone()).is_undefined()).then_some(container)
    }

    fn field(object: &JsValue, key: &str) -> Option<String> {
        js_sys::Reflect::get(object, &JsValue::from_str(key))
            .ok()?
            .as_string()
    }

    /// Registers `sw.js` from the folder of embed.js when this page lies in that folder. The
    /// first time on this page, asks the new worker to keep the FAQ at `src` at once, so a
    /// reload without network finds it.
    pub fn register(embed_url: &str, src: &str) {
        let Some(page) = web_sys::window().and_then(|w| w.location().href().ok()) else {
            return;
        };
        let (Some(scope), Some(container)) = (offline::worker_scope(embed_url), container()) else {
            return;
        };
        if !offline::can_register(&page, embed_url) {
            return;
        }
        let script = format!("{scope}{}", offline::WORKER_FILE);
        let ours = container
            .controller()
            .is_some_and(|worker| worker.script_url() == script);
        let src = offline::without_fragment(src).to_owned();
        spawn_local(async move {
            // A failed registration (sw.js not deployed, blocked by the browser) only means no
            // offline app shell: the saved copy still works.
            if JsFuture::from(container.register(&script)).await.is_err() || ours {
                return;
            }
            let Ok(ready) = container.ready() else {
                return;
            };
            let Ok(registration) = JsFuture::from(ready).await else {
                return;
            };
            let active = registration
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|registration| registration.active());
            if let Some(worker) = active {
                let message = js_sys::Object::new();
                let _ =
                    js_sys::Reflect::set(&message, &"type".into(), &offline::KEEP_MESSAGE.into());
                let _ = js_sys::Reflect::set(&message, &"url".into(), &src.into());
                let _ = worker.post_message(&message);
            }
        });
    }

    /// Unregisters the widget's worker (only the registration whose scope is the folder of
    /// embed.js: never the host's own) and deletes its caches, `faq-widget-*`. Without one, only
    /// the FAQ copies (`faq-widget-data`): the app's files in `faq-widget-app-*` then belong to a
    /// host's worker that imports `sw.js`, the host's decision (README "Offline").
    /// Nothing needs waiting for: the browser finishes both even if the page goes.
    pub fn forget(embed_url: Option<&str>) {
        let scope = embed_url.and_then(offline::worker_scope).map(str::to_owned);
        let caches = web_sys::window()
            .and_then(|w| w.caches().ok())
            .filter(|c| !JsValue::from(c.clone()).is_undefined());
        spawn_local(async move {
            let mut own = false;
            if let (Some(scope), Some(container)) = (scope, container()) {
                let found = JsFuture::from(container.get_registration_with_document_url(&scope))
                    .await
                    .ok()
                    .and_then(|found| found.dyn_into::<ServiceWorkerRegistration>().ok());
                if let Some(registration) = found.filter(|r| r.scope() == scope) {
                    let _ = registration.unregister();
                    own = true;
                }
            }
            let Some(caches) = caches else {
                return;
            };
            let _ = caches.delete(offline::DATA_CACHE);
            if !own {
                return;
            }
            if let Ok(keys) = JsFuture::from(caches.keys()).await {
                for key in js_sys::Array::from(&keys).iter() {
                    if let Some(name) = key.as_string().filter(|n| n.starts_with("faq-widget-")) {
                        let _ = caches.delete(&name);
                    }
                }
            }
        });
    }

    /// Calls `on_update` each time a service worker says it stored a newer copy of the FAQ at
    /// `src` (the widget's own, or the host's worker that imports `sw.js`).
    pub fn on_update(
        src: &str,
        on_update: impl Fn() + 'static,
    ) -> Option<gloo_events::EventListener> {
        let container = container()?;
        let src = offline::without_fragment(src).to_owned();
        Some(gloo_events::EventListener::new(
            &container,
            "message",
            move |event| {
                let Some(data) = event.dyn_ref::<web_sys::MessageEvent>().map(|e| e.data()) else {
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
pub fn register(_embed_url: &str, _src: &str) {}

#[cfg(not(target_arch = "wasm32"))]
pub fn forget(_embed_url: Option<&str>) {}

#[cfg(not(target_arch = "wasm32"))]
pub fn on_update(_src: &str, _on_update: impl Fn() + 'static) -> Option<Listener> {
    None
}

#[cfg(not(target_arch = "wasm32"))]
pub fn on_online(_on_online: impl Fn() + 'static) -> Option<Listener> {
    None
}
