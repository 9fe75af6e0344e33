//! Thin glue to the page. Every function degrades to a no-op outside a browser (native SSR tests)
//! and never panics in one: a hostile or unusual host must not take the widget down.

pub mod date;
pub mod dom;
pub mod fetch;
pub mod storage;
pub mod stylesheet;
pub mod text;
pub mod url;
pub mod worker;
