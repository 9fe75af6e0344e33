//! Thin glue to the page. Every function degrades to a no-op outside a browser (native tests)
//! and never panics in one: a hostile or unusual host must not take the widget down. The DOM
//! layer (`render`, `widget`) exists only in wasm builds.

pub mod date;
pub mod dom;
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod render;
pub mod storage;
pub mod url;
#[cfg(target_arch = "wasm32")]
pub mod widget;
pub mod worker;
