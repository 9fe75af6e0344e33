//! Fetching the FAQ text. web-sys fetch directly: gloo-net would cost bytes for nothing here.

use crate::faq::LoadError;

#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(url: &str) -> Result<String, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window().ok_or(LoadError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| LoadError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| LoadError::Network)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response.text().map_err(|_| LoadError::Network)?;
    let text = JsFuture::from(text).await.map_err(|_| LoadError::Network)?;
    text.as_string().ok_or(LoadError::Network)
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(_url: &str) -> Result<String, LoadError> {
    Err(LoadError::Network)
}
