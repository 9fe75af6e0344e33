//! The faq.json format as serde types: the one description of the file that the widget reads,
//! `faq-widget check` validates, `faq-widget schema` prints (with the `schema` feature, through
//! schemars: the doc comments below are the schema's descriptions) and `render` pre-renders.
//!
//! What the types enforce while reading is what stops the widget (the file is not shown): a
//! required field missing, a value of the wrong type, blank required text, no questions, a
//! field named twice. Everything else (ids, duplicate questions, links, long questions) is
//! checked on the typed values afterwards (`validate.rs`) and only reported.
//!
//! Rules, the same in the reader and in the schema:
//! - a required text field may not be blank (only spaces);
//! - an optional field may be `null`, which means the same as leaving it out;
//! - fields the types do not know are ignored by the widget (forward compatible) and reported as
//!   warnings by the checker (schema: not allowed), except names starting with `$` (`"$schema"`);
//! - every object must be a JSON object: serde would otherwise also accept a struct written as
//!   a list of its field values (`["id", "question", ...]`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Questions longer than this are hard to scan in a list (a warning).
pub const LONG_QUESTION_CHARS: usize = 200;
/// The longest id a question may have.
pub const MAX_ID_LEN: usize = 80;

// `Q` is [`Question`]; the checker reads the questions one by one (`serde_json::Value`), so
// that one broken question does not hide the problems of the others.
/// A FAQ for faq-widget: a title, optional introduction and contact, and the questions with their answers.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(
    remote = "Self",
    bound(deserialize = "Q: Deserialize<'de>", serialize = "Q: Serialize")
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        rename = "faq",
        title = "faq.json for faq-widget",
        extend("patternProperties" = { "^\\$": true }, "additionalProperties" = false)
    )
)]
pub struct FaqFile<Q = Question> {
    /// The heading of the FAQ.
    pub title: Text,
    /// The language of the content as a BCP 47 tag, such as "en" or "fr-CA"; set as lang on the widget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Text shown above the questions, in answer markup.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<String>,
    /// Where to ask a question the FAQ does not answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Link>,
    /// The questions, in the order they are shown; at least one.
    #[serde(deserialize_with = "at_least_one")]
    #[cfg_attr(feature = "schema", schemars(length(min = 1)))]
    pub questions: Vec<Q>,
    /// A notice about cookies and storage shown with the FAQ; absent means no notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cookie_notice: Option<CookieNotice>,
    /// Replacements for the widget's own interface texts, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui: Option<UiTexts>,
    /// "Was this helpful?" under each open answer; false removes the buttons for this FAQ (missed searches are still reported). Absent means true, unless the page turns it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<bool>,
}

/// One question and its answer.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        rename = "question",
        extend("patternProperties" = { "^\\$": true }, "additionalProperties" = false)
    )
)]
pub struct Question {
    /// A stable id for links to this question (page#id): letters, digits, - and _, unique in the file. Derived from the question text when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "schema::id"))]
    pub id: Option<String>,
    /// The question, as plain text; unique in the file. Short questions are easier to scan (a warning above 200 characters).
    pub question: Text,
    /// The answer in answer markup: a blank line starts a paragraph, lines starting with "- " form a list, [text](url) is a link. Nothing else is markup.
    pub answer: Text,
    /// "Read more" links shown under the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<Link>>,
    /// A category name for grouping questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Extra words that find this question in search.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keywords: Option<Vec<Lenient>>,
}

/// A link: the text people read and the address it goes to.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        rename = "link",
        extend("patternProperties" = { "^\\$": true }, "additionalProperties" = false)
    )
)]
pub struct Link {
    /// The link text.
    pub text: Text,
    /// The address: https:, http:, mailto:, tel: or relative. Any other scheme is shown as plain text.
    #[cfg_attr(feature = "schema", schemars(schema_with = "schema::href"))]
    pub href: Text,
}

/// A cookie and storage notice.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(
        rename = "cookie_notice",
        extend("patternProperties" = { "^\\$": true }, "additionalProperties" = false)
    )
)]
pub struct CookieNotice {
    /// The notice.
    pub text: Text,
    /// A link to the full policy, such as "Tell me more".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub more: Option<Link>,
    /// Raise it when the notice changes, so visitors are asked again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "schema::revision"))]
    pub revision: Option<u32>,
}

/// The revision of a notice that does not give one.
pub const DEFAULT_REVISION: u32 = 1;

/// Required text: not blank (a blank title or answer is an error that stops the widget).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(pub String);

/// What [`Text`] says about blank text: the message is "`place` is empty."
pub const BLANK: &str = "is empty";
/// What `questions` says when it has none.
pub const NO_QUESTIONS: &str = "is empty; the FAQ needs at least one question";

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A visitor, so that serde_json places a blank text at the text itself (not at the end
        // of the object around it): the widget finds the field from that position.
        struct TextVisitor;
        impl Visitor<'_> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
                self.visit_string(text.to_owned())
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Text, E> {
                if text.trim().is_empty() {
                    return Err(E::custom(BLANK));
                }
                Ok(Text(text))
            }
        }
        deserializer.deserialize_string(TextVisitor)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// Text where a wrong type is not worth stopping the widget for (a keyword, an interface text):
/// any other value is kept as the name of its kind, reported by the checker and ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lenient {
    Text(String),
    /// What the value was instead, as messages name it ("a number").
    Other(&'static str),
}

impl Lenient {
    pub fn text(&self) -> Option<&str> {
        match self {
            Lenient::Text(text) => Some(text),
            Lenient::Other(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for Lenient {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LenientVisitor)
    }
}

struct LenientVisitor;

impl<'de> Visitor<'de> for LenientVisitor {
    type Value = Lenient;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Lenient, E> {
        Ok(Lenient::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Lenient, E> {
        Ok(Lenient::Text(v))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Lenient, E> {
        Ok(Lenient::Other("true/false"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Lenient, E> {
        Ok(Lenient::Other("a number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Lenient, E> {
        Ok(Lenient::Other("a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Lenient, E> {
        Ok(Lenient::Other("a number"))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Lenient, E> {
        Ok(Lenient::Other("null"))
    }
    fn visit_none<E: de::Error>(self) -> Result<Lenient, E> {
        Ok(Lenient::Other("null"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lenient, A::Error> {
        while seq.next_element::<Drain>()?.is_some() {}
        Ok(Lenient::Other("a list"))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Lenient, A::Error> {
        while map.next_entry::<Drain, Drain>()?.is_some() {}
        Ok(Lenient::Other("an object"))
    }
}

impl Serialize for Lenient {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Lenient::Text(text) => serializer.serialize_str(text),
            Lenient::Other(_) => serializer.serialize_unit(),
        }
    }
}

/// Reads and drops any value. Unlike `serde::de::IgnoredAny` it reads through
/// `deserialize_any`, so the checker (`serde_ignored`) does not take the inside of a list given
/// as a keyword for unknown fields.
struct Drain;

impl<'de> Deserialize<'de> for Drain {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DrainVisitor)
    }
}

struct DrainVisitor;

impl<'de> Visitor<'de> for DrainVisitor {
    type Value = Drain;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Drain, E> {
        Ok(Drain)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Drain, E> {
        Ok(Drain)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Drain, E> {
        Ok(Drain)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Drain, E> {
        Ok(Drain)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Drain, E> {
        Ok(Drain)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Drain, E> {
        Ok(Drain)
    }
    fn visit_none<E: de::Error>(self) -> Result<Drain, E> {
        Ok(Drain)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Drain, A::Error> {
        while seq.next_element::<Drain>()?.is_some() {}
        Ok(Drain)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Drain, A::Error> {
        while map.next_entry::<Drain, Drain>()?.is_some() {}
        Ok(Drain)
    }
}

/// Interface texts by name, replacing the built-in ones, in file order. A name given twice
/// keeps its first text; unknown names and values that are not text are the checker's
/// warnings, ignored by the widget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UiTexts(pub Vec<(String, Lenient)>);

impl<'de> Deserialize<'de> for UiTexts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct UiVisitor;
        impl<'de> Visitor<'de> for UiVisitor {
            type Value = UiTexts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UiTexts, A::Error> {
                let mut texts = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Lenient>()? {
                    texts.push((key, value));
                }
                Ok(UiTexts(texts))
            }
        }
        deserializer.deserialize_map(UiVisitor)
    }
}

impl Serialize for UiTexts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

fn at_least_one<'de, D, Q>(deserializer: D) -> Result<Vec<Q>, D::Error>
where
    D: Deserializer<'de>,
    Q: Deserialize<'de>,
{
    // The error is raised inside the reader's own call (a visitor, not after `Vec`'s), so
    // serde_json places it at the list, not at the end of the object around it.
    struct AtLeastOne<Q>(PhantomData<fn() -> Q>);
    impl<'de, Q: Deserialize<'de>> Visitor<'de> for AtLeastOne<Q> {
        type Value = Vec<Q>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Q>, A::Error> {
            let mut questions = Vec::new();
            while let Some(question) = seq.next_element()? {
                questions.push(question);
            }
            if questions.is_empty() {
                return Err(de::Error::custom(NO_QUESTIONS));
            }
            Ok(questions)
        }
    }
    deserializer.deserialize_seq(AtLeastOne(PhantomData))
}

/// The traits of a type whose derived code is `#[serde(remote = "Self")]`: it is read only from
/// a JSON object (a derived struct would also take a list of its field values).
macro_rules! object_only {
    ($name:literal, $ty:ident $(<$param:ident>)?) => {
        impl<'de $(, $param: Deserialize<'de>)?> Deserialize<'de> for $ty $(<$param>)? {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor $(<$param>)? (PhantomData<fn() -> $ty $(<$param>)?>);
                impl<'de $(, $param: Deserialize<'de>)?> Visitor<'de> for ObjectVisitor $(<$param>)? {
                    type Value = $ty $(<$param>)?;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($name)
                    }
                    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                        $ty::deserialize(de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(ObjectVisitor(PhantomData))
            }
        }
        impl $(<$param: Serialize>)? Serialize for $ty $(<$param>)? {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $ty::serialize(self, serializer)
            }
        }
    };
}

object_only!("an object (the FAQ)", FaqFile<Q>);
object_only!("an object (a question)", Question);
object_only!("an object (a link)", Link);
object_only!("an object (the cookie notice)", CookieNotice);

/// Schemas of the types and fields whose rules serde alone does not carry.
#[cfg(feature = "schema")]
mod schema {
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    /// No whitespace and no control character.
    const SOLID: &str = r"[^\s\p{Cc}]";

    /// The allow-list of `markup::check_href`, as an ECMAScript regular expression over the
    /// value (which the validator trims): `https:` / `http:` with something after the colon,
    /// `mailto:`, `tel:`, or relative (no `:` before the first `/`, `?` or `#`); no spaces or
    /// control characters inside. Tested against `check_href` by tests/schema/schema.test.mjs.
    pub fn href_pattern() -> String {
        format!(
            r"^\s*(?:[Hh][Tt][Tt][Pp][Ss]?:{SOLID}+|(?:[Mm][Aa][Ii][Ll][Tt][Oo]|[Tt][Ee][Ll]):{SOLID}*|(?={SOLID})[^:/?#\s\p{{Cc}}]*(?:[/?#]{SOLID}*)?)\s*$"
        )
    }

    pub fn href(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": href_pattern() })
    }

    pub fn id(_: &mut SchemaGenerator) -> Schema {
        let pattern = format!(r"^\s*(?:[A-Za-z0-9_-]{{1,{}}})?\s*$", super::MAX_ID_LEN);
        json_schema!({ "type": ["string", "null"], "pattern": pattern })
    }

    pub fn revision(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["integer", "null"],
            "minimum": 0,
            "maximum": u32::MAX,
            "default": super::DEFAULT_REVISION,
        })
    }

    impl JsonSchema for super::Text {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "text".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "pattern": r"\S" })
        }
    }

    impl JsonSchema for super::Lenient {
        fn inline_schema() -> bool {
            true
        }
        fn schema_name() -> Cow<'static, str> {
            "lenient_text".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string" })
        }
    }

    impl JsonSchema for super::UiTexts {
        fn schema_name() -> Cow<'static, str> {
            "ui".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "Interface texts by name, replacing the built-in ones.",
                "type": "object",
                "additionalProperties": { "type": "string" },
            })
        }
    }
}

#[cfg(feature = "schema")]
pub use schema::href_pattern;
