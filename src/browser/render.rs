//! Views (`crate::view`) as DOM: text nodes and `setAttribute` only (never markup parsing, never
//! `style`). [`create`] builds new nodes; [`morph`] brings existing ones in line with a view,
//! element by element, so the focused control, a revealed find-in-page match and unchanged text
//! stay the very same nodes.

use wasm_bindgen::JsCast;
use web_sys::Document;

use crate::view::{Element, Node};

/// New DOM for `node`.
pub fn create(document: &Document, node: &Node) -> web_sys::Node {
    match node {
        Node::Text(text) => document.create_text_node(text).into(),
        Node::Element(element) => {
            // Only fails for an invalid tag name; ours are static and valid.
            let Ok(dom) = document.create_element(element.tag) else {
                return document.create_text_node("").into();
            };
            for (name, value) in &element.attrs {
                let _ = dom.set_attribute(name, value);
            }
            for child in &element.children {
                let _ = dom.append_child(&create(document, child));
            }
            dom.into()
        }
    }
}

/// Makes `dom` show `node`: attributes and text are updated in place where the tags match;
/// a node of another kind is replaced.
pub fn morph(document: &Document, dom: &web_sys::Node, node: &Node) {
    match node {
        Node::Text(text) if dom.node_type() == web_sys::Node::TEXT_NODE => {
            if dom.node_value().as_deref() != Some(text.as_str()) {
                dom.set_node_value(Some(text));
            }
        }
        Node::Element(element) => match dom.dyn_ref::<web_sys::Element>() {
            Some(existing) if existing.local_name() == element.tag => {
                morph_attributes(existing, element);
                morph_children(document, existing, &element.children);
            }
            _ => replace(document, dom, node),
        },
        Node::Text(_) => replace(document, dom, node),
    }
}

/// Replaces `dom` by new DOM for `node`.
pub fn replace(document: &Document, dom: &web_sys::Node, node: &Node) {
    if let Some(parent) = dom.parent_node() {
        let _ = parent.replace_child(&create(document, node), dom);
    }
}

/// `parent`'s children become `children`, morphed in order.
pub fn morph_children(document: &Document, parent: &web_sys::Element, children: &[Node]) {
    let mut current = parent.first_child();
    for child in children {
        match current {
            Some(dom) => {
                current = dom.next_sibling();
                morph(document, &dom, child);
            }
            None => {
                let _ = parent.append_child(&create(document, child));
            }
        }
    }
    while let Some(dom) = current {
        current = dom.next_sibling();
        let _ = parent.remove_child(&dom);
    }
}

fn morph_attributes(dom: &web_sys::Element, element: &Element) {
    let names = dom.get_attribute_names();
    for name in names.iter().filter_map(|name| name.as_string()) {
        if element.get(&name).is_none() {
            let _ = dom.remove_attribute(&name);
        }
    }
    for (name, value) in &element.attrs {
        if dom.get_attribute(name).as_deref() != Some(value.as_str()) {
            let _ = dom.set_attribute(name, value);
        }
    }
}
