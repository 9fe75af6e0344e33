//! Helpers shared by the wasm-bindgen browser tests (tests/browser.rs, tests/report.rs).

use wasm_bindgen::JsValue;

/// A `blob:` URL serving `json` as `application/json`: a FAQ the widget fetches like any other.
pub fn blob_url(json: &str) -> String {
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

/// Waits `ms` milliseconds (a browser timer: Yew's renders and the widget's timers run meanwhile).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
