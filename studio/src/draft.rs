//! The form view of faq.json: reads and edits fields of the parsed JSON (unknown members such as
//! `links`, `keywords` and `ui` are kept as they are), and writes it back pretty printed with a
//! stable key order. The text view is the source of truth; the form edits it through here.

use serde_json::{Map, Value};

/// A field the form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Lang,
    Intro,
    ContactText,
    ContactHref,
    CookieText,
    CookieMoreText,
    CookieMoreHref,
    QuestionId(usize),
    Question(usize),
    Answer(usize),
    Category(usize),
}

/// A sensible start: one question, so the checker is happy and the preview shows something.
pub const EMPTY_FAQ: &str = r#"{
  "title": "Frequently asked questions",
  "lang": "en",
  "questions": [
    {
      "id": "first-question",
      "question": "What is your first question?",
      "answer": "Write the answer here. A blank line starts a new paragraph.\n\n- Lines starting with \"- \" form a list.\n- [Links](https://www.example.org/) look like this."
    }
  ]
}
"#;

/// The JSON when it parses; `None` while the text is broken (the form then waits for it).
pub fn parse(text: &str) -> Option<Value> {
    serde_json::from_str::<Value>(text)
        .ok()
        .filter(Value::is_object)
}

fn path(field: Field) -> (Option<usize>, &'static [&'static str]) {
    match field {
        Field::Title => (None, &["title"]),
        Field::Lang => (None, &["lang"]),
        Field::Intro => (None, &["intro"]),
        Field::ContactText => (None, &["contact", "text"]),
        Field::ContactHref => (None, &["contact", "href"]),
        Field::CookieText => (None, &["cookie_notice", "text"]),
        Field::CookieMoreText => (None, &["cookie_notice", "more", "text"]),
        Field::CookieMoreHref => (None, &["cookie_notice", "more", "href"]),
        Field::QuestionId(i) => (Some(i), &["id"]),
        Field::Question(i) => (Some(i), &["question"]),
        Field::Answer(i) => (Some(i), &["answer"]),
        Field::Category(i) => (Some(i), &["category"]),
    }
}

/// Required fields stay in the file when emptied (so the checker names them); optional ones go.
fn required(field: Field) -> bool {
    matches!(
        field,
        Field::Title | Field::Question(_) | Field::Answer(_) | Field::CookieText
    )
}

fn base(value: &Value, question: Option<usize>) -> Option<&Value> {
    match question {
        None => Some(value),
        Some(i) => value.get("questions")?.get(i),
    }
}

/// The field's text as the form shows it ("" when absent or not a string).
pub fn get(value: &Value, field: Field) -> String {
    let (question, keys) = path(field);
    let mut node = base(value, question);
    for key in keys {
        node = node.and_then(|n| n.get(key));
    }
    node.and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn object(value: &mut Value) -> &mut Map<String, Value> {
    if !value.is_object() {
        *value = Value::Object(Map::new());
    }
    value.as_object_mut().expect("just made an object")
}

/// Sets a field from the form. An emptied optional field is removed, and so is an object
/// (`contact`, `more`) left empty by it. Out-of-range questions change nothing.
pub fn set(value: &mut Value, field: Field, text: &str) {
    let (question, keys) = path(field);
    let target = match question {
        None => value,
        Some(i) => match value.get_mut("questions").and_then(|q| q.get_mut(i)) {
            Some(q) => q,
            None => return,
        },
    };
    let keep = !text.is_empty() || required(field);
    set_path(target, keys, text, keep);
}

fn set_path(node: &mut Value, keys: &[&str], text: &str, keep: bool) {
    let Some((first, rest)) = keys.split_first() else {
        return;
    };
    let map = object(node);
    if rest.is_empty() {
        if keep {
            map.insert((*first).to_owned(), Value::String(text.to_owned()));
        } else {
            map.remove(*first);
        }
        return;
    }
    if !keep && !map.contains_key(*first) {
        return;
    }
    let child = map
        .entry((*first).to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    set_path(child, rest, text, keep);
    if child.as_object().is_some_and(Map::is_empty) {
        map.remove(*first);
    }
}

/// Whether the FAQ has a cookie notice.
pub fn has_cookie_notice(value: &Value) -> bool {
    value.get("cookie_notice").is_some_and(Value::is_object)
}

/// Adds a cookie notice (with a placeholder text and revision 1), or removes it.
pub fn set_cookie_notice(value: &mut Value, on: bool) {
    let map = object(value);
    if on {
        map.entry("cookie_notice").or_insert_with(|| {
            serde_json::json!({
                "text": "This FAQ can keep a copy in your browser for offline reading.",
                "revision": 1
            })
        });
    } else {
        map.remove("cookie_notice");
    }
}

/// The cookie notice's revision (0 when absent).
pub fn cookie_revision(value: &Value) -> u64 {
    value
        .pointer("/cookie_notice/revision")
        .and_then(Value::as_u64)
        .unwrap_or(0)
}

/// Sets the revision: raising it shows the notice again to visitors who answered it.
pub fn set_cookie_revision(value: &mut Value, revision: u64) {
    if let Some(notice) = value
        .get_mut("cookie_notice")
        .and_then(Value::as_object_mut)
    {
        notice.insert("revision".into(), Value::from(revision));
    }
}

/// The `ui` object's interface texts, sorted by key (a value that is not text shows as "").
pub fn ui_texts(value: &Value) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = value
        .get("ui")
        .and_then(Value::as_object)
        .map(|ui| {
            ui.iter()
                .map(|(key, text)| (key.clone(), text.as_str().unwrap_or_default().to_owned()))
                .collect()
        })
        .unwrap_or_default();
    // By name, whatever order serde_json's map keeps (a workspace build that links schemars
    // turns on its `preserve_order`).
    texts.sort();
    texts
}

/// Sets an interface text of the `ui` object; an emptied one goes (the built-in text is used),
/// and so does a `ui` left empty.
pub fn set_ui(value: &mut Value, key: &str, text: &str) {
    let map = object(value);
    if text.is_empty() {
        if let Some(ui) = map.get_mut("ui").and_then(Value::as_object_mut) {
            ui.remove(key);
            if ui.is_empty() {
                map.remove("ui");
            }
        }
        return;
    }
    let ui = map.entry("ui").or_insert_with(|| Value::Object(Map::new()));
    object(ui).insert(key.to_owned(), Value::String(text.to_owned()));
}

/// How many questions the form lists.
pub fn question_count(value: &Value) -> usize {
    value
        .get("questions")
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

fn questions(value: &mut Value) -> &mut Vec<Value> {
    let map = object(value);
    let list = map
        .entry("questions")
        .or_insert_with(|| Value::Array(Vec::new()));
    if !list.is_array() {
        *list = Value::Array(Vec::new());
    }
    list.as_array_mut().expect("just made an array")
}

/// Appends a new question with an id not used yet; returns its index.
pub fn add_question(value: &mut Value) -> usize {
    let used: Vec<String> = (0..question_count(value))
        .map(|i| get(value, Field::QuestionId(i)))
        .collect();
    let mut n = question_count(value) + 1;
    let id = loop {
        let id = format!("question-{n}");
        if !used.contains(&id) {
            break id;
        }
        n += 1;
    };
    let list = questions(value);
    list.push(serde_json::json!({
        "id": id,
        "question": format!("New question {n}?"),
        "answer": "The answer."
    }));
    list.len() - 1
}

pub fn remove_question(value: &mut Value, index: usize) {
    let list = questions(value);
    if index < list.len() {
        list.remove(index);
    }
}

/// Moves question `from` to position `to` (clamped); returns where it is now.
pub fn move_question(value: &mut Value, from: usize, to: usize) -> usize {
    let list = questions(value);
    if from >= list.len() {
        return from;
    }
    let to = to.min(list.len() - 1);
    let item = list.remove(from);
    list.insert(to, item);
    to
}

/// The order keys are written in: the format's order, then any others alphabetically.
const TOP: &[&str] = &[
    "$schema",
    "title",
    "lang",
    "intro",
    "contact",
    "questions",
    "cookie_notice",
    "ui",
    "feedback",
];
const QUESTION: &[&str] = &["id", "question", "answer", "links", "category", "keywords"];
const LINK: &[&str] = &["text", "href"];
const NOTICE: &[&str] = &["text", "more", "revision"];

/// faq.json pretty printed (two spaces) with a stable key order, ending in a newline.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write(&mut out, value, TOP, 0);
    out.push('\n');
    out
}

fn order_for(parent: &[&str], key: &str) -> &'static [&'static str] {
    if std::ptr::eq(parent, TOP) {
        match key {
            "contact" => LINK,
            "cookie_notice" => NOTICE,
            _ => &[],
        }
    } else if std::ptr::eq(parent, QUESTION) {
        match key {
            "links" => LINK,
            _ => &[],
        }
    } else if std::ptr::eq(parent, NOTICE) && key == "more" {
        LINK
    } else {
        &[]
    }
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write(out: &mut String, value: &Value, order: &'static [&'static str], level: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| {
                (
                    order.iter().position(|o| o == k).unwrap_or(usize::MAX),
                    (*k).clone(),
                )
            });
            out.push_str("{\n");
            for (n, key) in keys.iter().enumerate() {
                indent(out, level + 1);
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(": ");
                let child = &map[*key];
                let child_order = if std::ptr::eq(order, TOP) && key.as_str() == "questions" {
                    QUESTION
                } else {
                    order_for(order, key)
                };
                write(out, child, child_order, level + 1);
                if n + 1 < keys.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(out, level);
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            // Short lists of scalars (keywords) stay on one line.
            if items.iter().all(|v| !v.is_object() && !v.is_array()) {
                let parts: Vec<String> = items.iter().map(Value::to_string).collect();
                let line = format!("[{}]", parts.join(", "));
                if line.len() <= 100 {
                    out.push_str(&line);
                    return;
                }
            }
            out.push_str("[\n");
            for (n, item) in items.iter().enumerate() {
                indent(out, level + 1);
                write(out, item, order, level + 1);
                if n + 1 < items.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            indent(out, level);
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
