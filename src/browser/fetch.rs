//! Fetching the FAQ text. web-sys fetch directly: gloo-net would cost bytes for nothing here.

#[cfg(target_arch = "wasm32")]
use crate::faq::LoadError;

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// FAQ requests that embed.js started before the wasm was loaded (so the two download at
    /// once), as (URL, promise of the `Response`). Each is used by the first fetch of its URL.
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

/// Fetches `url` as text, then calls `done` with it or with why it failed.
#[cfg(target_arch = "wasm32")]
pub fn fetch_text(url: &str, done: Box<dyn FnOnce(Result<String, LoadError>)>) {
    use super::dom::when_settled;
    use wasm_bindgen::JsCast;

    let request = match take_prefetched(url) {
        Some(request) => request,
        None => match web_sys::window() {
            Some(window) => window.fetch_with_str(url),
            None => return done(Err(LoadError::Network)),
        },
    };
    let mut done = Some(done);
    // The request resolves with a Response and rejects with a TypeError (network down, CORS).
    when_settled(
        &request,
        Box::new(move |value| {
            let Some(done) = done.take() else { return };
            let Ok(response) = value.dyn_into::<web_sys::Response>() else {
                return done(Err(LoadError::Network));
            };
            if !response.ok() {
                return done(Err(LoadError::Http(response.status())));
            }
            let Ok(text) = response.text() else {
                return done(Err(LoadError::Network));
            };
            let mut done = Some(done);
            // The body resolves with a string and rejects with an exception.
            when_settled(
                &text,
                Box::new(move |value| {
                    if let Some(done) = done.take() {
                        done(value.as_string().ok_or(LoadError::Network));
                    }
                }),
            );
        }),
    );
}
