//! Fetching the FAQ text. web-sys fetch directly: gloo-net would cost bytes for nothing here.

use crate::faq::LoadError;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// FAQ requests that embed.js started before the wasm was loaded (so the two download at
    /// once), as (URL, promise of the `Response` or of its text). Each is used by the first
    /// fetch of its URL.
    static PREFETCHED: std::cell::RefCell<Vec<(String, js_sys::Promise)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Hands a request for `url` that is already under way to the next [`fetch_text`] of that URL.
#[cfg(target_arch = "wasm32")]
pub fn prefetched(url: &str, response: js_sys::Promise) {
    PREFETCHED.with(|list| list.borrow_mut().push((url.to_owned(), response)));
}

/// The prefetched request for `url`, if there is one. Requests for the same FAQ are the same
/// whatever their fragment, except the service worker's marker (`crate::offline::MARKER`): a
/// prefetch without it (embed.js never marks one) is dropped, not used, when the widget wants
/// its FAQ through a service worker's cache (a host's worker that imports sw.js).
#[cfg(target_arch = "wasm32")]
fn take_prefetched(url: &str) -> Option<js_sys::Promise> {
    use crate::offline::{without_fragment, MARKER};

    PREFETCHED.with(|list| {
        let mut list = list.borrow_mut();
        let index = list
            .iter()
            .position(|(u, _)| without_fragment(u) == without_fragment(url))?;
        let (u, request) = list.remove(index);
        (u.ends_with(MARKER) == url.ends_with(MARKER)).then_some(request)
    })
}

/// A widget's requests, aborted together when it goes (`hooks::use_faq`): a widget that a
/// single-page app removes leaves nothing in flight, and nothing arrives for it later.
#[derive(Default)]
pub struct Requests {
    #[cfg(target_arch = "wasm32")]
    controller: Option<web_sys::AbortController>,
}

impl Requests {
    pub fn new() -> Self {
        Requests {
            #[cfg(target_arch = "wasm32")]
            controller: web_sys::AbortController::new().ok(),
        }
    }

    /// Aborts every request made with these (a request already answered is not affected).
    pub fn abort(&self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(controller) = &self.controller {
            controller.abort();
        }
    }
}

/// The text at `url`, fetched as one of `requests` (embed.js's prefetch, if it started one, is
/// its own: embed.js aborts it).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(url: &str, requests: &Requests) -> Result<String, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let request = if let Some(request) = take_prefetched(url) {
        request
    } else {
        let init = web_sys::RequestInit::new();
        if let Some(controller) = &requests.controller {
            init.set_signal(Some(&controller.signal()));
        }
        web_sys::window()
            .ok_or(LoadError::Network)?
            .fetch_with_str_and_init(url, &init)
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|_| LoadError::Network)?;
    // embed.js's prefetch resolves to the text of a successful answer, read while the wasm was
    // still on its way (the widget's own fetches resolve to a `Response`).
    if let Some(text) = response.as_string() {
        return Ok(text);
    }
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| LoadError::Network)?;
    text.as_string().ok_or(LoadError::Network)
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(_url: &str, _requests: &Requests) -> Result<String, LoadError> {
    Err(LoadError::Network)
}
