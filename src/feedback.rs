//! PURE: the feedback beacon (issue 16): what the widget sends to `data-report`, and what the
//! collector (`faq-widget collect`, in cli/) accepts. No browser code here: the widget queues
//! events in an [`Outbox`], and sends [`Outbox::take`]'s JSON with `navigator.sendBeacon` (as a
//! string, so `text/plain`, no CORS preflight) after the visitor accepted the cookie notice.
//!
//! One batch, `feedback.schema.json` at the repository root is its JSON Schema:
//!
//! ```json
//! {"v":1,"faq":"https://www.example.org/faq.json","events":[
//!   {"type":"vote","question":"shipping-time","helpful":false,"previous":true,"at":1764450000000},
//!   {"type":"missed","query":"refund for order [number]","at":1764450003000}]}
//! ```
//!
//! - `v`: the format's version, [`VERSION`].
//! - `faq`: the FAQ's address (the absolute URL of faq.json, without query or fragment: see
//!   [`faq_key`]), so one collector can serve several FAQs.
//! - `vote`: the visitor found the answer to `question` (its id in faq.json) helpful or not.
//!   `previous` is there only when the visitor changed a vote already sent, with the vote it
//!   replaces, so counts stay right without any identifier.
//! - `missed`: a settled search with no results; `query` is [`redact`]ed.
//! - `at`: milliseconds since the Unix epoch on the visitor's clock.
//!
//! No identifiers, no cookies, no IP addresses: nothing in a batch tells two visitors apart.

use serde::{Deserialize, Deserializer, Serialize};

use crate::consent::push_digits;

/// The version of the format, the batch's `v`.
pub const VERSION: u32 = 1;
/// At most this many events in one batch: the widget sends when its outbox holds this many.
pub const MAX_EVENTS: usize = 20;
/// A missed query is cut to this many characters (Unicode scalar values), after redaction.
pub const MAX_QUERY_CHARS: usize = 200;
/// The longest question id accepted (faq.json ids are short slugs).
pub const MAX_ID_CHARS: usize = 200;
/// The longest `faq` address accepted.
pub const MAX_FAQ_CHARS: usize = 2048;
/// The largest `at`: JavaScript's `Number.MAX_SAFE_INTEGER`.
pub const MAX_AT: u64 = (1 << 53) - 1;
/// The largest body the collector reads. Any batch within the limits above fits (a test proves
/// it), and so does `navigator.sendBeacon`'s 64 KiB quota.
pub const MAX_BODY_BYTES: usize = 32 * 1024;

/// What replaces an e-mail address (any word with an `@` inside) in a missed query.
pub const EMAIL: &str = "[email]";
/// What replaces a number (a run of digits, with the spaces, dots, dashes, slashes and
/// parentheses between digits, as in phone and card numbers; any script's digits) in a missed
/// query.
pub const NUMBER: &str = "[number]";

/// One beacon: a batch of events from one page of one FAQ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Batch {
    pub v: u32,
    pub faq: String,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Event {
    /// "Was this helpful?" answered for the question with id `question`.
    Vote {
        question: String,
        helpful: bool,
        /// The vote this one replaces, when the visitor changed a vote already sent.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "some_bool"
        )]
        previous: Option<bool>,
        at: u64,
    },
    /// A settled search that found nothing; `query` went through [`redact`].
    Missed { query: String, at: u64 },
}

/// `previous` is a boolean when present; `null` is refused, as the schema does.
fn some_bool<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<bool>, D::Error> {
    bool::deserialize(deserializer).map(Some)
}

impl Event {
    pub fn at(&self) -> u64 {
        match self {
            Event::Vote { at, .. } | Event::Missed { at, .. } => *at,
        }
    }
}

impl Batch {
    /// The limits that serde's types do not say, as the schema states them; `Err` is a reason
    /// for the sender (with the event's index).
    pub fn check(&self) -> Result<(), String> {
        if self.v != VERSION {
            return Err(format!(
                "v: version {} is not supported (expected 1)",
                self.v
            ));
        }
        check_text("faq", &self.faq, MAX_FAQ_CHARS)?;
        if self.events.is_empty() {
            return Err("events: a batch has at least one event".into());
        }
        if self.events.len() > MAX_EVENTS {
            return Err(format!(
                "events: {} events, at most {MAX_EVENTS} in one batch",
                self.events.len()
            ));
        }
        for (index, event) in self.events.iter().enumerate() {
            let problem = match event {
                Event::Vote { question, .. } => check_text("question", question, MAX_ID_CHARS),
                Event::Missed { query, .. } => check_text("query", query, MAX_QUERY_CHARS),
            };
            problem.map_err(|problem| format!("events[{index}].{problem}"))?;
            if event.at() > MAX_AT {
                return Err(format!("events[{index}].at: larger than {MAX_AT}"));
            }
        }
        Ok(())
    }

    /// The batch as compact JSON, in the field order of the module's example. Hand-written on
    /// purpose: `serde_json::to_string(self)` writes the same bytes (the derive above is the
    /// contract, and the tests compare both) but brings `serde_json`'s serialiser into the widget's
    /// wasm: +965 B brotli, measured 2026-11-29 (149,847 -> 150,812 B).
    pub fn to_json(&self) -> String {
        let mut json = String::from("{\"v\":");
        // By hand, not `to_string()`: integer `Display` brings `core::fmt`'s padding into the
        // reporter's wasm (BENCHMARKS.md, "Feedback").
        push_digits(&mut json, u64::from(self.v));
        json.push_str(",\"faq\":");
        push_string(&mut json, &self.faq);
        json.push_str(",\"events\":[");
        for (index, event) in self.events.iter().enumerate() {
            if index > 0 {
                json.push(',');
            }
            match event {
                Event::Vote {
                    question,
                    helpful,
                    previous,
                    at,
                } => {
                    json.push_str("{\"type\":\"vote\",\"question\":");
                    push_string(&mut json, question);
                    json.push_str(if *helpful {
                        ",\"helpful\":true"
                    } else {
                        ",\"helpful\":false"
                    });
                    match previous {
                        Some(true) => json.push_str(",\"previous\":true"),
                        Some(false) => json.push_str(",\"previous\":false"),
                        None => {}
                    }
                    json.push_str(",\"at\":");
                    push_digits(&mut json, *at);
                }
                Event::Missed { query, at } => {
                    json.push_str("{\"type\":\"missed\",\"query\":");
                    push_string(&mut json, query);
                    json.push_str(",\"at\":");
                    push_digits(&mut json, *at);
                }
            }
            json.push('}');
        }
        json.push_str("]}");
        json
    }
}

fn check_text(name: &str, text: &str, max: usize) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("{name}: empty"));
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(format!("{name}: {chars} characters, at most {max}"));
    }
    Ok(())
}

/// [`check_text`]'s verdict without its reason, for the sender: formatting the reason would
/// bring `core::fmt` into the reporter's wasm for a message nobody reads.
fn text_fits(text: &str, max: usize) -> bool {
    !text.trim().is_empty() && text.chars().nth(max).is_none()
}

/// `text` as a JSON string literal.
fn push_string(json: &mut String, text: &str) {
    json.push('"');
    for c in text.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\n' => json.push_str("\\n"),
            '\r' => json.push_str("\\r"),
            '\t' => json.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                json.push_str("\\u00");
                json.push(HEX[(c as usize) >> 4] as char);
                json.push(HEX[(c as usize) & 15] as char);
            }
            c => json.push(c),
        }
    }
    json.push('"');
}

/// A missed query as it may be sent and stored: lower case, whitespace collapsed, control
/// characters dropped, every word with an `@` inside replaced by [`EMAIL`], every number (digits,
/// with the separators of phone and card numbers between them) by [`NUMBER`], and cut to at most
/// [`MAX_QUERY_CHARS`] characters at a word boundary. Redacting twice changes nothing.
pub fn redact(query: &str) -> String {
    redact_with(query, str::to_lowercase, char::is_numeric)
}

/// [`redact`] with the two Unicode lookups it needs given: `lower` for `str::to_lowercase` and
/// `is_number` for `char::is_numeric` (Unicode categories Nd, Nl, No). The widget's wasm passes
/// the browser's own (`String.prototype.toLowerCase`, `/\p{N}/u`): Rust's case and number
/// tables would add about 6 KB brotli to it (BENCHMARKS.md, "Feedback").
pub fn redact_with(query: &str, lower: fn(&str) -> String, is_number: fn(char) -> bool) -> String {
    let mut out = String::new();
    for word in query.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        let word = if word.contains('@') && word.chars().count() > 1 {
            EMAIL.to_owned()
        } else {
            lower(word)
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    let out = redact_numbers(&out, is_number);
    cut_at_word(out, MAX_QUERY_CHARS)
}

/// What the collector stores of a missed query: [`redact`], once the e-mail addresses written
/// to slip past it are made plain (issue 26): the full-width and small commercial at (`＠`, `﹫`),
/// a percent-encoded `%40`, `(at)`, `[at]`, `{at}`, `<at>`, and an `@` (or one of those) standing
/// alone between two words (`jane @ example.org`). Not in the widget's wasm: the widget's own
/// redaction is [`redact_with`]; the collector, which stores, redacts again with this.
#[cfg(not(target_arch = "wasm32"))]
pub fn redact_stored(query: &str) -> String {
    let mut text = query.replace(['\u{ff20}', '\u{fe6b}'], "@");
    for spelled in ["%40", "(at)", "[at]", "{at}", "<at>"] {
        text = replace_ignoring_case(&text, spelled, " @ ");
    }
    // A lone `@` joins the words around it into one, which `redact` then replaces.
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if words[i] == "@" {
            let before = joined.pop().unwrap_or_default();
            let after = words.get(i + 1).copied().unwrap_or_default();
            joined.push([before.as_str(), "@", after].concat());
            i += 2;
        } else {
            joined.push(words[i].to_owned());
            i += 1;
        }
    }
    redact(&joined.join(" "))
}

/// `text` with every `pattern` (ASCII, matched in any case) replaced by `with`.
#[cfg(not(target_arch = "wasm32"))]
fn replace_ignoring_case(text: &str, pattern: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.to_ascii_lowercase().find(pattern) {
        out.push_str(&rest[..at]);
        out.push_str(with);
        rest = &rest[at + pattern.len()..];
    }
    out.push_str(rest);
    out
}

/// Replaces each number in `text` (single spaces only, as [`redact`] leaves them) by [`NUMBER`].
fn redact_numbers(text: &str, is_number: fn(char) -> bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_number = is_number(chars[i])
            || chars[i] == '+' && chars.get(i + 1).is_some_and(|&c| is_number(c));
        if !starts_number {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // A number: digits, and separators with a digit after them (a run of them).
        let mut end = i + 1;
        loop {
            let mut next = end;
            while next < chars.len() && is_separator(chars[next]) {
                next += 1;
            }
            if next < chars.len() && is_number(chars[next]) {
                end = next + 1;
            } else {
                break;
            }
        }
        out.push_str(NUMBER);
        i = end;
    }
    out
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '.' | ',' | '-' | '/' | '(' | ')' | '+')
}

/// `text` cut to `max` characters, at the last space within them when there is one.
fn cut_at_word(text: String, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text;
    };
    // `crate::cut`, not indexing: no panic path, whose message formatting costs the wasm.
    let head = crate::cut(&text, 0, end);
    match head.rfind(' ') {
        Some(space) if space > 0 => crate::cut(head, 0, space).to_owned(),
        _ => head.to_owned(),
    }
}

/// The `faq` of a batch for the FAQ at `url`: the address without query or fragment (which
/// could carry a visitor's data), cut to [`MAX_FAQ_CHARS`].
pub fn faq_key(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let key = url.get(..end).unwrap_or(url).trim();
    match key.char_indices().nth(MAX_FAQ_CHARS) {
        Some((cut, _)) => key.get(..cut).unwrap_or(key).to_owned(),
        None => key.to_owned(),
    }
}

/// The events of one widget waiting to be sent. The widget adds events as they happen, sends
/// [`Outbox::take`] when [`Outbox::is_full`] and when the page is hidden (`visibilitychange`,
/// `pagehide`), and drops the outbox unsent when the visitor rejected the cookie notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outbox {
    faq: String,
    events: Vec<Event>,
}

impl Outbox {
    /// An empty outbox for the FAQ at `faq_url` (see [`faq_key`]).
    pub fn new(faq_url: &str) -> Outbox {
        Outbox {
            faq: faq_key(faq_url),
            events: Vec::new(),
        }
    }

    /// The visitor voted `helpful` on `question`; `sent` is the vote on that question already
    /// sent in an earlier batch, if any. A vote still waiting here is replaced (and dropped when
    /// the visitor came back to the vote already sent). False when the id is unusable.
    pub fn vote(&mut self, question: &str, helpful: bool, sent: Option<bool>, at: u64) -> bool {
        if !text_fits(question, MAX_ID_CHARS) {
            return false;
        }
        let waiting = self
            .events
            .iter()
            .position(|event| matches!(event, Event::Vote { question: q, .. } if q == question));
        let previous = match waiting {
            Some(index) => match self.events.remove(index) {
                Event::Vote { previous, .. } => previous,
                Event::Missed { .. } => sent,
            },
            None => sent,
        };
        if previous != Some(helpful) {
            self.events.push(Event::Vote {
                question: question.to_owned(),
                helpful,
                previous,
                at: at.min(MAX_AT),
            });
        }
        true
    }

    /// A settled search for `query` found nothing. The query is [`redact`]ed; a query that is
    /// empty after that, or already waiting here, adds nothing. True when the event was added.
    pub fn missed(&mut self, query: &str, at: u64) -> bool {
        self.missed_redacted(redact(query), at)
    }

    /// [`Outbox::missed`] for a query already redacted by [`redact`] or [`redact_with`] (the
    /// widget's wasm redacts with the browser's Unicode lookups).
    pub fn missed_redacted(&mut self, query: String, at: u64) -> bool {
        let waiting = self
            .events
            .iter()
            .any(|event| matches!(event, Event::Missed { query: q, .. } if *q == query));
        if query.is_empty() || waiting {
            return false;
        }
        self.events.push(Event::Missed {
            query,
            at: at.min(MAX_AT),
        });
        true
    }

    /// How many events wait.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Holds [`MAX_EVENTS`] events: send now.
    pub fn is_full(&self) -> bool {
        self.events.len() >= MAX_EVENTS
    }

    /// The batch to send (at most [`MAX_EVENTS`] events, oldest first), taken out of the outbox;
    /// `None` when nothing waits.
    pub fn take_batch(&mut self) -> Option<Batch> {
        if self.events.is_empty() {
            return None;
        }
        let count = self.events.len().min(MAX_EVENTS);
        Some(Batch {
            v: VERSION,
            faq: self.faq.clone(),
            events: self.events.drain(..count).collect(),
        })
    }

    /// [`Outbox::take_batch`] as the JSON body for `navigator.sendBeacon`.
    pub fn take(&mut self) -> Option<String> {
        self.take_batch().map(|batch| batch.to_json())
    }
}

#[cfg(test)]
#[path = "feedback_tests.rs"]
mod tests;
