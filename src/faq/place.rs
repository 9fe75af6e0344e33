//! Where in faq.json the widget's reader stopped, as a path (`questions`, 2, `answer`): what the
//! widget's alert names ("Question 3: \"answer\" is missing.").
//!
//! Hand-written on purpose. The checker (`validate::load`) tracks the path while reading, with
//! `serde_path_to_error`; in the widget that wrapper costs 4.5 KB brotli (measured 2026-11-29:
//! 155,409 -> 150,907 B of wasm, BENCHMARKS.md "Size on main"), because it wraps every visitor
//! of the contract. The widget only needs the path of the one problem that stops it, and
//! `serde_json` gives that problem's position: this walk over the text before it finds the same
//! path in a few hundred bytes of code. The tests in `validate.rs` hold it to the checker's
//! answer for every fatal problem they make.

use super::path::Seg;

enum Frame {
    /// An object, and the member being read: its name, once read.
    Object(Option<String>),
    /// A list, and the item being read: its index, once started.
    List(usize, bool),
}

/// The path of the value being read at byte `at` of `body` (a prefix that `serde_json` read
/// without a syntax error). With `container`, the path of the object or list around it instead
/// (serde names a missing or repeated field by the object that holds it).
pub(crate) fn path_at(body: &str, at: usize, container: bool) -> Vec<Seg> {
    let bytes = body.as_bytes();
    // serde_json's column counts the bytes read on the line, so `at` (from `offset_of`) is the
    // last byte it read: the walk includes it. A missing field is found at the object's `}`,
    // which is read by then: the walk stops before it, still inside the object.
    let end = (at + usize::from(!container)).min(bytes.len());
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                // A name, where an object expects one; a value otherwise.
                match frames.last_mut() {
                    Some(Frame::Object(name @ None)) => {
                        let text = body.get(start..=i.min(bytes.len() - 1)).unwrap_or("\"\"");
                        *name = Some(serde_json::from_str(text).unwrap_or_default());
                    }
                    Some(Frame::List(_, started)) => *started = true,
                    _ => {}
                }
            }
            b'{' | b'[' => {
                if let Some(Frame::List(_, started)) = frames.last_mut() {
                    *started = true;
                }
                frames.push(if bytes[i] == b'{' {
                    Frame::Object(None)
                } else {
                    Frame::List(0, false)
                });
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object(name)) => *name = None,
                Some(Frame::List(index, started)) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            // The first character of a number, true, false or null.
            _ => {
                if let Some(Frame::List(_, started)) = frames.last_mut() {
                    *started = true;
                }
            }
        }
        i += 1;
    }
    // serde_json stops on the first character of a value of the wrong kind: that list item has
    // begun.
    let next = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
    if let (Some(Frame::List(_, started)), Some(b)) = (frames.last_mut(), next) {
        *started |= !matches!(b, b']' | b',');
    }
    // A list at the top is the file itself, not a list of the FAQ.
    if let Some(Frame::List(..)) = frames.first() {
        return Vec::new();
    }
    let keep = frames.len().saturating_sub(usize::from(container));
    frames
        .iter()
        .take(keep)
        .filter_map(|frame| match frame {
            Frame::Object(Some(name)) => Some(Seg::Key(name.clone())),
            Frame::List(index, true) => Some(Seg::Index(*index)),
            _ => None,
        })
        .collect()
}
