//! Generators: JSON documents to write and edit, fragments that make interesting JSON and markup, edits of a parsed FAQ.

use proptest::prelude::*;
use proptest::sample::Index;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// A JSON document to generate and edit: unlike `serde_json::Value`, an object keeps its members
/// in order and may repeat a name, as a hand-edited file can.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(u64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            Json::Int(n) => serializer.serialize_u64(*n),
            Json::Str(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

impl Json {
    pub(crate) fn pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap()
    }

    pub(crate) fn compact(&self) -> String {
        serde_json::to_string(self).unwrap()
    }
}

/// Pieces that make interesting JSON and markup when strung together.
pub(crate) const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "](",
    "[x](",
    "- ",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\r\n",
    "a",
    "word",
    "é",
    "😀",
    "\u{2028}",
    "\u{202e}",
    "\u{0}",
    "\u{1b}",
    "https://example.org/a",
    "http:",
    "mailto:a@b.c",
    "tel:+1",
    "javascript:alert(1)",
    "JaVaScRiPt:",
    "data:text/html,<b>",
    "/rel",
    "#frag",
    "?q",
    ":",
    "<script>",
    "&amp;",
    "\"",
    "\\",
    "{",
    "}",
];

pub(crate) fn fragment_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..max).prop_map(|parts| parts.concat())
}

pub(crate) fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        fragment_text(24),
        "[a-z \\[\\]()\\-:/\\n.#?]{0,40}",
        any::<String>(),
    ]
}

pub(crate) fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<u64>().prop_map(Json::Int),
        any_text().prop_map(Json::Str),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((key(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

/// Field names of the format (to reach the validator's checks) and others.
pub(crate) fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(
            &[
                "title",
                "lang",
                "intro",
                "contact",
                "questions",
                "cookie_notice",
                "ui",
                "id",
                "question",
                "answer",
                "links",
                "category",
                "keywords",
                "text",
                "href",
                "more",
                "revision",
                "$schema",
            ][..]
        )
        .prop_map(str::to_owned),
        any_text(),
    ]
}

/// A parsed value as a [`Json`] to edit and write back (numbers become integers).
pub(crate) fn to_json(value: &serde_json::Value) -> Json {
    match value {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Int(n.as_u64().unwrap_or(7)),
        serde_json::Value::String(s) => Json::Str(s.clone()),
        serde_json::Value::Array(items) => Json::Array(items.iter().map(to_json).collect()),
        serde_json::Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), to_json(value)))
                .collect(),
        ),
    }
}

/// `value` without repeated member names (the first is kept), members sorted by name when
/// `sort` (as `serde_json::Value` holds them).
pub(crate) fn unique_names(value: &Json, sort: bool) -> Json {
    match value {
        Json::Array(items) => Json::Array(items.iter().map(|v| unique_names(v, sort)).collect()),
        Json::Object(members) => {
            let mut seen = std::collections::HashSet::new();
            let mut kept: Vec<(String, Json)> = members
                .iter()
                .filter(|(key, _)| seen.insert(key.clone()))
                .map(|(key, value)| (key.clone(), unique_names(value, sort)))
                .collect();
            if sort {
                kept.sort_by(|a, b| a.0.cmp(&b.0));
            }
            Json::Object(kept)
        }
        other => other.clone(),
    }
}

/// Every container in `value`, depth first, as a path of child indexes.
pub(crate) fn containers(value: &Json, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    let children: Vec<&Json> = match value {
        Json::Array(items) => items.iter().collect(),
        Json::Object(members) => members.iter().map(|(_, v)| v).collect(),
        _ => return,
    };
    out.push(path.clone());
    for (index, child) in children.into_iter().enumerate() {
        path.push(index);
        containers(child, path, out);
        path.pop();
    }
}

pub(crate) fn at_path<'a>(value: &'a mut Json, path: &[usize]) -> &'a mut Json {
    match (path.split_first(), value) {
        (None, value) => value,
        (Some((&i, rest)), Json::Array(items)) => at_path(&mut items[i], rest),
        (Some((&i, rest)), Json::Object(members)) => at_path(&mut members[i].1, rest),
        (Some(_), value) => value,
    }
}

/// An edit of a parsed FAQ: which container, what to do, with what.
#[derive(Debug, Clone)]
pub(crate) struct Edit {
    container: Index,
    child: Index,
    op: u8,
    key: String,
    value: Json,
}

pub(crate) fn edit() -> impl Strategy<Value = Edit> {
    (any::<Index>(), any::<Index>(), 0u8..6, key(), json_value()).prop_map(
        |(container, child, op, key, value)| Edit {
            container,
            child,
            op,
            key,
            value,
        },
    )
}

pub(crate) fn apply(root: &mut Json, edit: &Edit) {
    let mut paths = Vec::new();
    containers(root, &mut Vec::new(), &mut paths);
    if paths.is_empty() {
        return;
    }
    let path = edit.container.get(&paths).clone();
    let target = at_path(root, &path);
    match target {
        Json::Object(members) => {
            let len = members.len();
            let i = if len == 0 { 0 } else { edit.child.index(len) };
            match edit.op {
                0 if len > 0 => {
                    members.remove(i);
                }
                1 if len > 0 => members[i].1 = edit.value.clone(),
                2 if len > 0 => {
                    let copy = members[i].clone();
                    members.push(copy);
                }
                3 if len > 0 => {
                    if let Json::Str(_) = members[i].1 {
                        members[i].1 = Json::Str(edit.key.clone());
                    }
                }
                _ => members.push((edit.key.clone(), edit.value.clone())),
            }
        }
        Json::Array(items) => {
            let len = items.len();
            let i = if len == 0 { 0 } else { edit.child.index(len) };
            match edit.op {
                0 if len > 0 => {
                    items.remove(i);
                }
                1 if len > 0 => items[i] = edit.value.clone(),
                2 if len > 0 => {
                    let copy = items[i].clone();
                    items.push(copy);
                }
                3 => items.clear(),
                _ => items.push(edit.value.clone()),
            }
        }
        _ => {}
    }
}
