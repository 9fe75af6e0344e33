//! `faq-widget schema`: the JSON Schema (draft 2020-12) of faq.json, printed from the format
//! table the validator walks (`faq::format`), so the two cannot drift apart.
//!
//! What a schema cannot say is left to `faq-widget check`: unique ids and question texts, links
//! inside answer markup, repeated field names, and the long-question warning.

use super::json_out::Json;
use faq_widget::faq::format::{
    Field, Shape, Type, COOKIE_NOTICE, FAQ, LINK, MAX_ID_LEN, QUESTION, UI,
};

/// No whitespace and no control character.
const SOLID: &str = r"[^\s\p{Cc}]";

/// The allow-list of `markup::check_href`, as an ECMAScript regular expression over the value
/// (which the validator trims): `https:` / `http:` with something after the colon, `mailto:`,
/// `tel:`, or relative (no `:` before the first `/`, `?` or `#`); no spaces or control
/// characters inside. Tested against `check_href` by tests/schema/schema.test.mjs.
pub fn href_pattern() -> String {
    format!(
        r"^\s*(?:[Hh][Tt][Tt][Pp][Ss]?:{SOLID}+|(?:[Mm][Aa][Ii][Ll][Tt][Oo]|[Tt][Ee][Ll]):{SOLID}*|(?={SOLID})[^:/?#\s\p{{Cc}}]*(?:[/?#]{SOLID}*)?)\s*$"
    )
}

pub fn schema() -> Json {
    let defs = [&QUESTION, &LINK, &COOKIE_NOTICE, &UI]
        .into_iter()
        .map(|shape| (shape.name, shape_schema(shape)));
    let mut root = Json::object([
        (
            "$schema",
            Json::str("https://json-schema.org/draft/2020-12/schema"),
        ),
        ("title", Json::str("faq.json for faq-widget")),
    ]);
    if let Json::Object(members) = shape_schema(&FAQ) {
        for (key, value) in members {
            root = root.with(&key, value);
        }
    }
    root.with("$defs", Json::object(defs))
}

fn shape_schema(shape: &Shape) -> Json {
    let mut schema = Json::object([
        ("description", Json::str(shape.doc)),
        ("type", Json::str("object")),
    ]);
    if !shape.fields.is_empty() {
        let properties = shape
            .fields
            .iter()
            .map(|field| (field.name, field_schema(field)));
        schema = schema.with("properties", Json::object(properties));
    }
    let required: Vec<Json> = shape
        .fields
        .iter()
        .filter(|field| field.required)
        .map(|field| Json::str(field.name))
        .collect();
    if !required.is_empty() {
        schema = schema.with("required", Json::Array(required));
    }
    if !shape.open {
        // Names starting with $ ("$schema") are for tools; anything else unknown is a typo.
        schema = schema
            .with(
                "patternProperties",
                Json::object([("^\\$", Json::Bool(true))]),
            )
            .with("additionalProperties", Json::Bool(false));
    }
    schema
}

fn field_schema(field: &Field) -> Json {
    let nullable = !field.required;
    let schema = type_schema(&field.ty, field.required, nullable);
    let description = Json::str(field.doc);
    match schema {
        // A `$ref` (or its `anyOf` with null) keeps the field's own description beside it.
        Json::Object(mut members) => {
            members.insert(0, ("description".to_owned(), description));
            Json::Object(members)
        }
        other => other,
    }
}

/// `required` text may not be blank; `nullable` values may also be null.
fn type_schema(ty: &Type, required: bool, nullable: bool) -> Json {
    let kind = |name: &str| {
        if nullable {
            Json::Array(vec![Json::str(name), Json::str("null")])
        } else {
            Json::str(name)
        }
    };
    match ty {
        Type::Text { .. } | Type::Markup => {
            let schema = Json::object([("type", kind("string"))]);
            if required {
                schema.with("pattern", Json::str(r"\S"))
            } else {
                schema
            }
        }
        Type::Href => Json::object([
            ("type", kind("string")),
            ("pattern", Json::str(href_pattern())),
        ]),
        Type::Id => Json::object([
            ("type", kind("string")),
            (
                "pattern",
                Json::str(format!(r"^\s*(?:[A-Za-z0-9_-]{{1,{MAX_ID_LEN}}})?\s*$")),
            ),
        ]),
        Type::Count { default } => Json::object([
            ("type", kind("integer")),
            ("minimum", Json::Int(0)),
            ("maximum", Json::Int(u64::from(u32::MAX))),
            ("default", Json::Int(u64::from(*default))),
        ]),
        Type::Object(shape) => {
            let reference = Json::object([("$ref", Json::str(format!("#/$defs/{}", shape.name)))]);
            if nullable {
                Json::object([(
                    "anyOf",
                    Json::Array(vec![reference, Json::object([("type", Json::str("null"))])]),
                )])
            } else {
                reference
            }
        }
        Type::List { item, min } => {
            let mut schema = Json::object([
                ("type", kind("array")),
                ("items", type_schema(item, false, false)),
            ]);
            if *min > 0 {
                schema = schema.with("minItems", Json::Int(*min as u64));
            }
            schema
        }
    }
}
