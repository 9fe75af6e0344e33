//! The faq.json format as data: every object, its fields, their types and constraints, in one
//! table. The validator (validate.rs) walks it to check presence, types, blank text and list
//! lengths and to know which fields exist; `faq-widget schema` prints it as a JSON Schema. Change
//! the format here and both follow.
//!
//! Rules the table implies, the same in the validator and in the schema:
//! - a required text field may not be blank (only spaces);
//! - an optional field may be `null`, which means the same as leaving it out;
//! - fields not in the table are reported as warnings (schema: not allowed), except in `open`
//!   objects and except names starting with `$` (such as `"$schema"`).

/// Documentation for the schema: kept in native builds, where `faq-widget schema` prints it, and
/// compiled out of the wasm, where nothing reads it.
#[cfg(not(target_arch = "wasm32"))]
macro_rules! doc {
    ($text:literal) => {
        $text
    };
}
#[cfg(target_arch = "wasm32")]
macro_rules! doc {
    ($text:literal) => {
        ""
    };
}

/// A kind of JSON object in the format.
#[derive(Debug)]
pub struct Shape {
    /// The name of its definition in the schema (`#/$defs/question`); also the noun used in
    /// messages ("at least one question").
    pub name: &'static str,
    pub doc: &'static str,
    pub fields: &'static [Field],
    /// Whether any field name is allowed (an object of free-form names).
    pub open: bool,
}

#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Type,
    pub required: bool,
    pub doc: &'static str,
    /// What to tell an author who left the field out; empty for the general advice.
    pub missing_hint: &'static str,
}

#[derive(Debug, Clone, Copy)]
pub enum Type {
    /// Plain text, shown as is. `warn_over`: a warning above this many characters.
    Text {
        warn_over: Option<usize>,
    },
    /// Text in answer markup: paragraphs, `- ` bullet lists, `[text](url)` links.
    Markup,
    /// A link address: `https:`, `http:`, `mailto:`, `tel:` or relative.
    Href,
    /// A question id for deep links: letters, digits, `-` and `_`, at most [`MAX_ID_LEN`] long,
    /// unique in the file; surrounding spaces are ignored.
    Id,
    /// A whole number from 0 to 4294967295.
    Count {
        default: u32,
    },
    Object(&'static Shape),
    List {
        item: &'static Type,
        min: usize,
    },
}

/// Questions longer than this are hard to scan in a list.
pub const LONG_QUESTION_CHARS: usize = 200;
pub const MAX_ID_LEN: usize = 80;

const PLAIN: Type = Type::Text { warn_over: None };

impl Shape {
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|field| field.name == name)
    }
}

pub static FAQ: Shape = Shape {
    name: "faq",
    doc: doc!("A FAQ for faq-widget: a title, optional introduction and contact, and the questions with their answers."),
    open: false,
    fields: &[
        Field {
            name: "title",
            ty: PLAIN,
            required: true,
            doc: doc!("The heading of the FAQ."),
            missing_hint: "",
        },
        Field {
            name: "lang",
            ty: PLAIN,
            required: false,
            doc: doc!("The language of the content as a BCP 47 tag, such as \"en\" or \"fr-CA\"; set as lang on the widget."),
            missing_hint: "",
        },
        Field {
            name: "intro",
            ty: Type::Markup,
            required: false,
            doc: doc!("Text shown above the questions, in answer markup."),
            missing_hint: "",
        },
        Field {
            name: "contact",
            ty: Type::Object(&LINK),
            required: false,
            doc: doc!("Where to ask a question the FAQ does not answer."),
            missing_hint: "",
        },
        Field {
            name: "questions",
            ty: Type::List {
                item: &Type::Object(&QUESTION),
                min: 1,
            },
            required: true,
            doc: doc!("The questions, in the order they are shown; at least one."),
            missing_hint: "add \"questions\": [ { \"question\": \"...\", \"answer\": \"...\" } ]",
        },
        Field {
            name: "cookie_notice",
            ty: Type::Object(&COOKIE_NOTICE),
            required: false,
            doc: doc!("A notice about cookies and storage shown with the FAQ; absent means no notice."),
            missing_hint: "",
        },
        Field {
            name: "ui",
            ty: Type::Object(&UI),
            required: false,
            doc: doc!("Replacements for the widget's own interface texts, by name."),
            missing_hint: "",
        },
    ],
};

pub static QUESTION: Shape = Shape {
    name: "question",
    doc: doc!("One question and its answer."),
    open: false,
    fields: &[
        Field {
            name: "id",
            ty: Type::Id,
            required: false,
            doc: doc!("A stable id for links to this question (page#id): letters, digits, - and _, unique in the file. Derived from the question text when absent."),
            missing_hint: "",
        },
        Field {
            name: "question",
            ty: Type::Text {
                warn_over: Some(LONG_QUESTION_CHARS),
            },
            required: true,
            doc: doc!("The question, as plain text; unique in the file. Short questions are easier to scan (a warning above 200 characters)."),
            missing_hint: "",
        },
        Field {
            name: "answer",
            ty: Type::Markup,
            required: true,
            doc: doc!("The answer in answer markup: a blank line starts a paragraph, lines starting with \"- \" form a list, [text](url) is a link. Nothing else is markup."),
            missing_hint: "",
        },
        Field {
            name: "links",
            ty: Type::List {
                item: &Type::Object(&LINK),
                min: 0,
            },
            required: false,
            doc: doc!("\"Read more\" links shown under the answer."),
            missing_hint: "",
        },
        Field {
            name: "category",
            ty: PLAIN,
            required: false,
            doc: doc!("A category name for grouping questions."),
            missing_hint: "",
        },
        Field {
            name: "keywords",
            ty: Type::List {
                item: &PLAIN,
                min: 0,
            },
            required: false,
            doc: doc!("Extra words that find this question in search."),
            missing_hint: "",
        },
    ],
};

pub static LINK: Shape = Shape {
    name: "link",
    doc: doc!("A link: the text people read and the address it goes to."),
    open: false,
    fields: &[
        Field {
            name: "text",
            ty: PLAIN,
            required: true,
            doc: doc!("The link text."),
            missing_hint: "",
        },
        Field {
            name: "href",
            ty: Type::Href,
            required: true,
            doc: doc!("The address: https:, http:, mailto:, tel: or relative. Any other scheme is shown as plain text."),
            missing_hint: "",
        },
    ],
};

pub static COOKIE_NOTICE: Shape = Shape {
    name: "cookie_notice",
    doc: doc!("A cookie and storage notice."),
    open: false,
    fields: &[
        Field {
            name: "text",
            ty: PLAIN,
            required: true,
            doc: doc!("The notice."),
            missing_hint: "",
        },
        Field {
            name: "more",
            ty: Type::Object(&LINK),
            required: false,
            doc: doc!("A link to the full policy, such as \"Tell me more\"."),
            missing_hint: "",
        },
        Field {
            name: "revision",
            ty: Type::Count { default: 1 },
            required: false,
            doc: doc!("Raise it when the notice changes, so visitors are asked again."),
            missing_hint: "",
        },
    ],
};

pub static UI: Shape = Shape {
    name: "ui",
    doc: doc!("Interface texts by name, replacing the built-in ones."),
    open: true,
    fields: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes() -> [&'static Shape; 5] {
        [&FAQ, &QUESTION, &LINK, &COOKIE_NOTICE, &UI]
    }

    #[test]
    fn field_names_are_unique_and_documented() {
        for shape in shapes() {
            assert!(!shape.doc.is_empty(), "{}", shape.name);
            for (index, field) in shape.fields.iter().enumerate() {
                assert!(!field.doc.is_empty(), "{}.{}", shape.name, field.name);
                assert!(
                    shape.fields[..index].iter().all(|f| f.name != field.name),
                    "{}.{} twice",
                    shape.name,
                    field.name
                );
                assert!(std::ptr::eq(shape.field(field.name).unwrap(), field));
            }
        }
        assert!(FAQ.field("nope").is_none());
    }
}
