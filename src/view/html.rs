//! Views as HTML text: for native tests and the static page of `faq-widget render`.

use super::{Element, Node};

/// Elements that have no end tag.
const VOID: [&str; 2] = ["input", "br"];

/// `node` as HTML, text and attribute values escaped.
pub fn to_html(node: &Node) -> String {
    let mut out = String::new();
    write(node, &mut out);
    out
}

fn write(node: &Node, out: &mut String) {
    match node {
        Node::Text(text) => escape(text, false, out),
        Node::Element(element) => write_element(element, out),
    }
}

fn write_element(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(element.tag);
    for (name, value) in &element.attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape(value, true, out);
        out.push('"');
    }
    out.push('>');
    if VOID.contains(&element.tag) {
        return;
    }
    for child in &element.children {
        write(child, out);
    }
    out.push_str("</");
    out.push_str(element.tag);
    out.push('>');
}

/// `&`, `<` and `>` everywhere, and `"` in attribute values (always double-quoted).
fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{el, text};
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let node = el("p")
            .attr("title", "a\"b<c>&")
            .child(text("<script>x</script> & 'y' \"z\""))
            .child(el("input").attr("value", "v"))
            .into();
        assert_eq!(
            to_html(&node),
            "<p title=\"a&quot;b&lt;c&gt;&amp;\">&lt;script&gt;x&lt;/script&gt; &amp; 'y' \"z\"<input value=\"v\"></p>"
        );
    }
}
