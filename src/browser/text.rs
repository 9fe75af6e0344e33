//! Unicode lookups by the browser's JavaScript engine rather than Rust's tables, which would add
//! about 6 KB brotli to the wasm (BENCHMARKS.md, "Feedback"): the redaction of missed searches
//! needs lower case and "is this a digit, in any script".

/// `feedback::redact`, with the browser's `toLowerCase` and `/\p{N}/u` (the same Unicode
/// categories as `char::is_numeric`). The collector redacts once more with Rust's own.
#[cfg(target_arch = "wasm32")]
pub fn redact(query: &str) -> String {
    crate::feedback::redact_with(query, lower, is_number)
}

#[cfg(target_arch = "wasm32")]
fn lower(word: &str) -> String {
    js_sys::JsString::from(word).to_lower_case().into()
}

#[cfg(target_arch = "wasm32")]
fn is_number(c: char) -> bool {
    c.is_ascii_digit()
        || !c.is_ascii() && js_sys::RegExp::new("^\\p{N}$", "u").test(c.encode_utf8(&mut [0; 4]))
}

#[cfg(not(target_arch = "wasm32"))]
pub use crate::feedback::redact;
