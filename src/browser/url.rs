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
    replace_url(&window, &url);
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

/// The value of the page URL's query parameter `name` (the search query lives in `faq-q`, a name
/// host pages will not use themselves).
#[cfg(target_arch = "wasm32")]
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn query_param(_name: &str) -> Option<String> {
    None
}

/// Sets (or, for an empty value, removes) the query parameter `name`, keeping the host page's
/// other parameters and the fragment, without adding a history entry.
#[cfg(target_arch = "wasm32")]
pub fn replace_query_param(name: &str, value: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let (Ok(path), Ok(search), Ok(hash)) =
        (location.pathname(), location.search(), location.hash())
    else {
        return;
    };
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return;
    };
    if value.is_empty() {
        params.delete(name);
    } else {
        params.set(name, value);
    }
    let query: String = params.to_string().into();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    replace_url(&window, &url);
}

#[cfg(not(target_arch = "wasm32"))]
pub fn replace_query_param(_name: &str, _value: &str) {}

/// Replaces the page URL in place: the history state is kept and no entry is added.
#[cfg(target_arch = "wasm32")]
fn replace_url(window: &web_sys::Window, url: &str) {
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &history.state().unwrap_or(wasm_bindgen::JsValue::NULL),
            "",
            Some(url),
        );
    }
}
