//! The one export embed.js calls.

use wasm_bindgen::prelude::*;

use crate::components::{App, AppProps};

/// Renders the FAQ at `src` into `root` (a div inside the widget's shadow root).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, src: String) {
    yew::Renderer::<App>::with_root_and_props(root, AppProps { src: src.into() }).render();
}
