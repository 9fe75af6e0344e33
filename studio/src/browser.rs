//! The studio's browser plumbing: its saved settings, focus after a render, fetching a FAQ by
//! URL, saving a file, the text box's line height.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, HtmlTextAreaElement};

pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// The height of a line of the text box, in pixels (all lines are as high).
pub fn line_height(area: &HtmlTextAreaElement, lines: usize) -> f64 {
    area.scroll_height() as f64 / lines.max(1) as f64
}

/// After the next render, focus the first of two elements that is enabled (a moved question's
/// "Move up", or its "Move down" at the top).
pub fn focus_later(first: String, second: String) {
    gloo_timers::callback::Timeout::new(0, move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for id in [first, second] {
            if let Some(el) = doc
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            {
                if !el.has_attribute("disabled") {
                    let _ = el.focus();
                    return;
                }
            }
        }
    })
    .forget();
}

/// The body of `url`; `Err(None)` when the browser refused (CORS) or could not connect,
/// `Err(Some(status))` for an HTTP error.
pub async fn fetch_text(url: &str) -> Result<String, Option<u16>> {
    let window = web_sys::window().ok_or(None)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| None)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| None)?;
    if !response.ok() {
        return Err(Some(response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|_| None)?)
        .await
        .map_err(|_| None)?;
    Ok(text.as_string().unwrap_or_default())
}

/// Saves `text` as a file through a temporary link.
pub fn download(text: &str, name: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a").and_then(|e| {
        e.dyn_into::<web_sys::HtmlAnchorElement>()
            .map_err(Into::into)
    }) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
