//! `use_stylesheet`: gives a Yew app's widget its styles without a file to copy.

use yew::prelude::*;

/// Adopts the widget's stylesheet ([`crate::browser::stylesheet::STYLESHEET`]) into the document
/// or shadow root that holds `root`, after the first render; once per root, however many widgets
/// it holds. Allowed under a strict `style-src` (a constructed stylesheet, no `<style>` element).
///
/// - `root`: the widget's root element.
/// - `enabled`: `false` when the app ships `styles/widget.css` itself (the `stylesheet` prop), and
///   under embed.js, which links its own integrity-checked copy into the shadow root.
///
/// ```ignore
/// let root = use_node_ref();
/// use_stylesheet(root.clone(), true);
/// html! { <div ref={root}>{ "..." }</div> }
/// ```
#[cfg(not(feature = "embed"))]
#[hook]
pub fn use_stylesheet(root: NodeRef, enabled: bool) {
    use_effect_with(enabled, move |enabled| {
        if let (true, Some(element)) = (*enabled, root.cast::<web_sys::Element>()) {
            crate::browser::stylesheet::adopt(&element);
        }
    });
}

/// The embed build (embed.js links the stylesheet into the shadow root): no effect at all, one
/// fewer in its wasm.
#[cfg(feature = "embed")]
#[hook]
pub fn use_stylesheet(root: NodeRef, enabled: bool) {
    let _ = (root, enabled);
}
