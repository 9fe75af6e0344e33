//! Focus, scrolling, the clipboard and listeners.

/// Moves keyboard focus to `element`.
#[cfg(target_arch = "wasm32")]
pub fn focus(element: &web_sys::Element) {
    use wasm_bindgen::JsCast;

    // Unchecked: the widget only focuses its own buttons and field (no `instanceof` import).
    let _ = element.unchecked_ref::<web_sys::HtmlElement>().focus();
}

/// Brings a deep-linked question to the top of the viewport.
#[cfg(target_arch = "wasm32")]
pub fn scroll_to(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Calls `handler` with each `kind` event on `target`, for the life of the page (the widget's
/// listeners never stop). Every listener is the same closure type, so wasm-bindgen generates
/// its glue once.
#[cfg(target_arch = "wasm32")]
pub fn listen(
    target: &web_sys::EventTarget,
    kind: &str,
    capture: bool,
    handler: Box<dyn FnMut(wasm_bindgen::JsValue)>,
) {
    use wasm_bindgen::JsCast;

    let closure = wasm_bindgen::closure::Closure::wrap(handler);
    let _ = target.add_event_listener_with_callback_and_bool(
        kind,
        closure.as_ref().unchecked_ref(),
        capture,
    );
    closure.forget();
}

/// Calls `handler` once `promise` settles, with its value or its rejection reason (callers tell
/// them apart by type). A callback rather than `async`: the widget then needs no futures
/// executor in the wasm (BENCHMARKS.md), and it is the listeners' closure type, so no new glue.
#[cfg(target_arch = "wasm32")]
pub fn when_settled(promise: &js_sys::Promise, handler: Box<dyn FnMut(wasm_bindgen::JsValue)>) {
    let callback = wasm_bindgen::closure::Closure::wrap(handler);
    let _ = promise.then2(&callback, &callback);
    // The JS function lives while the promise holds it; the glue's FinalizationRegistry frees
    // the Rust side after that (every browser the widget supports has weak references).
    let _ = callback.into_js_value();
}

/// Copies text, then calls `done` with `false` when the page may not write to the clipboard.
#[cfg(target_arch = "wasm32")]
pub fn copy_text(text: &str, done: Box<dyn FnOnce(bool)>) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let clipboard = window.navigator().clipboard();
    // Some embedders (old WebViews) have no clipboard object at all.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return done(false);
    }
    let mut done = Some(done);
    // writeText resolves with undefined and rejects with an exception.
    when_settled(
        &clipboard.write_text(text),
        Box::new(move |value| {
            if let Some(done) = done.take() {
                done(value.is_undefined());
            }
        }),
    );
}

/// Whether keyboard focus is in something that takes text (an input, a textarea, a select or an
/// editable element), looking through open shadow roots: inside one, `document.activeElement` is
/// only the shadow host.
#[cfg(target_arch = "wasm32")]
pub fn focus_in_text_field() -> bool {
    use wasm_bindgen::JsCast;

    let Some(mut element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    // Bounded: nested shadow roots deeper than this are not a real page.
    for _ in 0..32 {
        match element.shadow_root().and_then(|root| root.active_element()) {
            Some(inner) => element = inner,
            None => break,
        }
    }
    // `localName` is lower case for HTML elements (an import the widget has anyway).
    let tag = element.local_name();
    if tag == "textarea" || tag == "select" {
        return true;
    }
    if tag == "input" {
        let kind = element.get_attribute("type").unwrap_or_default();
        let not_text = [
            "button", "checkbox", "radio", "submit", "reset", "image", "file", "range", "color",
        ];
        return !not_text.iter().any(|k| kind.eq_ignore_ascii_case(k));
    }
    // Unchecked: on an element that is no HTMLElement (SVG) the property is undefined: false.
    element
        .unchecked_into::<web_sys::HtmlElement>()
        .is_content_editable()
}
