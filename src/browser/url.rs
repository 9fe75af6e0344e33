//! The page URL's fragment names the open question (`page#join`), so links can be shared.

#[cfg(target_arch = "wasm32")]
pub fn fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let id = hash.strip_prefix('#')?;
    (!id.is_empty()).then(|| {
        js_sys::decode_uri_component(id)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| id.to_owned())
    })
}

#[cfg(not(target_arch = "wasm32"))]
pub fn fragment() -> Option<String> {
    None
}

/// Replaces the fragment without adding a history entry; `None` removes it.
#[cfg(target_arch = "wasm32")]
pub fn replace_fragment(id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    let mut url = path + &search;
    if let Some(id) = id {
        url.push('#');
        url.push_str(id);
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &history.state().unwrap_or(wasm_bindgen::JsValue::NULL),
            "",
            Some(&url),
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn replace_fragment(_id: Option<&str>) {}

/// The address of this page with `id` as its fragment.
#[cfg(target_arch = "wasm32")]
pub fn link_to(id: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let mut link = location.origin().ok()?;
    link.push_str(&location.pathname().ok()?);
    link.push_str(&location.search().ok()?);
    link.push('#');
    link.push_str(id);
    Some(link)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn link_to(id: &str) -> Option<String> {
    Some(format!("#{id}"))
}
