//! Tests of `feedback.rs` (its own file: the module's code and its tests each stay short).

use super::*;

fn vote(question: &str, helpful: bool, previous: Option<bool>, at: u64) -> Event {
    Event::Vote {
        question: question.into(),
        helpful,
        previous,
        at,
    }
}

#[test]
fn redact_replaces_addresses_and_numbers() {
    let cases = [
        ("Refund for order 12345", "refund for order [number]"),
        (
            "mail me at Jane.Doe+faq@example.org please",
            "mail me at [email] please",
        ),
        ("(jane@example.org),", "[email]"),
        ("call +33 6 12 34 56 78 today", "call [number] today"),
        ("card 4111-1111-1111-1111", "card [number]"),
        ("born 12/03/1990", "born [number]"),
        ("iPhone 15 Pro", "iphone [number] pro"),
        ("ＩＤ ４２ et ٤٢", "ｉｄ [number] et [number]"),
        ("a1b22c", "a[number]b[number]c"),
        ("price 3.50, tax", "price [number], tax"),
        ("  Où   est\tma\ncommande ?  ", "où est ma commande ?"),
        ("control\u{7}char", "control char"),
        ("@", "@"),
        ("", ""),
        ("   ", ""),
        ("+ plus - minus", "+ plus - minus"),
    ];
    for (input, expected) in cases {
        assert_eq!(redact(input), expected, "redact({input:?})");
    }
}

#[test]
fn redact_leaves_no_digit_and_no_at_sign_in_a_word() {
    let inputs = [
        "0",
        "007",
        "x@y",
        "a@",
        "@b",
        "phone:0612345678",
        "ＩＤ 42",
        "1 2 3 4 5 6 7 8 9",
        "ticket#4411 from bob@corp.example",
        "route 66-66,66.66/66(66)+66",
    ];
    for input in inputs {
        let out = redact(input);
        assert!(!out.chars().any(char::is_numeric), "{input:?} -> {out:?}");
        assert!(
            out.split(' ')
                .all(|word| word == "@" || !word.contains('@')),
            "{input:?} -> {out:?}"
        );
    }
}

#[test]
fn redact_is_idempotent_and_bounded() {
    let long_words = "word ".repeat(100);
    let long_numbers = "1 a ".repeat(100);
    let one_long_word = "é".repeat(500);
    let inputs = [
        long_words.as_str(),
        long_numbers.as_str(),
        one_long_word.as_str(),
        "Mail X@Y.Z or call 555-0100",
        "plain",
    ];
    for input in inputs {
        let once = redact(input);
        assert!(once.chars().count() <= MAX_QUERY_CHARS, "{input:?}");
        assert_eq!(redact(&once), once, "{input:?}");
    }
    // Cut at a word boundary when there is one, else inside the word.
    assert_eq!(redact(&long_words).chars().count(), 199);
    assert!(redact(&long_numbers).ends_with(NUMBER) || redact(&long_numbers).ends_with('a'));
    assert_eq!(redact(&one_long_word).chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn faq_key_drops_query_and_fragment() {
    assert_eq!(
        faq_key("https://www.example.org/help/faq.json?user=jane#top"),
        "https://www.example.org/help/faq.json"
    );
    assert_eq!(
        faq_key(" https://a.example/faq.json "),
        "https://a.example/faq.json"
    );
    assert_eq!(faq_key(&"x".repeat(5000)).len(), MAX_FAQ_CHARS);
}

#[test]
fn to_json_is_the_documented_format() {
    let batch = Batch {
        v: 1,
        faq: "https://www.example.org/faq.json".into(),
        events: vec![
            vote("shipping-time", false, Some(true), 1764450000000),
            vote("returns", true, None, 1764450001000),
            Event::Missed {
                query: "refund for order [number]".into(),
                at: 1764450003000,
            },
        ],
    };
    assert_eq!(
        batch.to_json(),
        r#"{"v":1,"faq":"https://www.example.org/faq.json","events":[{"type":"vote","question":"shipping-time","helpful":false,"previous":true,"at":1764450000000},{"type":"vote","question":"returns","helpful":true,"at":1764450001000},{"type":"missed","query":"refund for order [number]","at":1764450003000}]}"#
    );
    assert_eq!(batch.check(), Ok(()));
    // The hand-written JSON is serde's, byte for byte.
    assert_eq!(batch.to_json(), serde_json::to_string(&batch).unwrap());
}

#[test]
fn to_json_writes_every_number_as_serde_does() {
    for at in [0, 1, 9, 10, 99, 100, 1764450000000, MAX_AT, u64::MAX] {
        let batch = Batch {
            v: VERSION,
            faq: "f".into(),
            events: vec![vote("q", true, None, at)],
        };
        assert_eq!(batch.to_json(), serde_json::to_string(&batch).unwrap());
    }
    let batch = Batch {
        v: u32::MAX,
        faq: "f".into(),
        events: vec![],
    };
    assert_eq!(batch.to_json(), serde_json::to_string(&batch).unwrap());
}

#[test]
fn to_json_escapes_strings() {
    let batch = Batch {
        v: 1,
        faq: "a\"b\\c\u{1}\n".into(),
        events: vec![],
    };
    assert_eq!(
        batch.to_json(),
        r#"{"v":1,"faq":"a\"b\\c\u0001\n","events":[]}"#
    );
    assert_eq!(batch.to_json(), serde_json::to_string(&batch).unwrap());
}

#[test]
fn check_states_each_limit() {
    let good = Batch {
        v: 1,
        faq: "https://a.example/faq.json".into(),
        events: vec![vote("q", true, None, 0)],
    };
    assert_eq!(good.check(), Ok(()));
    let mut bad = good.clone();
    bad.v = 2;
    assert!(bad.check().unwrap_err().starts_with("v:"));
    let mut bad = good.clone();
    bad.faq = " ".into();
    assert_eq!(bad.check().unwrap_err(), "faq: empty");
    let mut bad = good.clone();
    bad.events.clear();
    assert!(bad.check().unwrap_err().starts_with("events:"));
    let mut bad = good.clone();
    bad.events = vec![vote("q", true, None, 0); MAX_EVENTS + 1];
    assert!(bad.check().unwrap_err().contains("at most 20"));
    let mut bad = good.clone();
    bad.events.push(Event::Missed {
        query: "x".repeat(MAX_QUERY_CHARS + 1),
        at: 0,
    });
    assert!(bad.check().unwrap_err().starts_with("events[1].query:"));
    let mut bad = good.clone();
    bad.events = vec![vote(&"q".repeat(MAX_ID_CHARS + 1), true, None, 0)];
    assert!(bad.check().unwrap_err().starts_with("events[0].question:"));
    let mut bad = good;
    bad.events = vec![vote("q", true, None, MAX_AT + 1)];
    assert!(bad.check().unwrap_err().starts_with("events[0].at:"));
}

#[test]
fn the_largest_batch_fits_the_body_limit() {
    // Four-byte characters and quotes (escaped to two bytes) in every string, at each limit.
    let wide = |n: usize| "𝄞".repeat(n);
    let events = (0..MAX_EVENTS)
        .map(|i| {
            if i % 2 == 0 {
                vote(&wide(MAX_ID_CHARS), false, Some(true), MAX_AT)
            } else {
                Event::Missed {
                    query: wide(MAX_QUERY_CHARS),
                    at: MAX_AT,
                }
            }
        })
        .collect();
    let batch = Batch {
        v: VERSION,
        faq: wide(MAX_FAQ_CHARS),
        events,
    };
    assert_eq!(batch.check(), Ok(()));
    let size = batch.to_json().len();
    assert!(size <= MAX_BODY_BYTES, "{size} bytes");
    let quotes = Batch {
        faq: "\"".repeat(MAX_FAQ_CHARS),
        ..batch
    };
    assert!(quotes.to_json().len() <= MAX_BODY_BYTES);
}

#[test]
fn outbox_collapses_changed_votes() {
    let mut outbox = Outbox::new("https://a.example/faq.json?x=1");
    assert!(outbox.take().is_none());
    assert!(outbox.vote("q1", true, None, 1));
    assert!(outbox.vote("q1", false, None, 2));
    // Yes then No before sending: one vote, No, with nothing to replace.
    assert_eq!(
        outbox.take_batch().unwrap().events,
        [vote("q1", false, None, 2)]
    );
    // Sent No; now Yes: the change says what it replaces.
    assert!(outbox.vote("q1", true, Some(false), 3));
    assert_eq!(outbox.len(), 1);
    // ... and back to No before sending: nothing to send.
    assert!(outbox.vote("q1", false, Some(false), 4));
    assert!(outbox.is_empty());
    assert!(!outbox.vote("", true, None, 5));
    assert!(outbox.is_empty());
}

#[test]
fn outbox_redacts_and_batches_missed_queries() {
    let mut outbox = Outbox::new("https://a.example/faq.json#frag");
    assert!(outbox.missed("Order 123 from jane@example.org", 10));
    assert!(
        !outbox.missed("order 456 from JANE@EXAMPLE.ORG", 11),
        "same after redaction"
    );
    assert!(!outbox.missed("   ", 12));
    let json = outbox.take().unwrap();
    assert_eq!(
        json,
        r#"{"v":1,"faq":"https://a.example/faq.json","events":[{"type":"missed","query":"order [number] from [email]","at":10}]}"#
    );
    for i in 0..(MAX_EVENTS + 5) {
        outbox.vote(&format!("q{i}"), true, None, i as u64);
    }
    assert!(outbox.is_full());
    let first = outbox.take_batch().unwrap();
    assert_eq!(first.events.len(), MAX_EVENTS);
    assert_eq!(first.events[0], vote("q0", true, None, 0));
    assert_eq!(outbox.take_batch().unwrap().events.len(), 5);
    assert!(outbox.take_batch().is_none());
}

// The collector's redaction is not in the widget's wasm, so not in its wasm tests either.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_collector_redacts_addresses_written_to_slip_past() {
    for query in [
        "mail jane＠example.org now",
        "mail jane﹫example.org now",
        "mail jane%40example.org now",
        "mail JANE%40EXAMPLE.ORG now",
        "mail jane(at)example.org now",
        "mail jane [at] example.org now",
        "mail jane @ example.org now",
        "mail jane (AT) example.org now",
    ] {
        let stored = redact_stored(query);
        assert_eq!(stored, "mail [email] now", "{query:?}");
        assert_eq!(redact_stored(&stored), stored, "twice changes nothing");
    }
    // A lone `@` between two words is taken for an address: storing too little beats storing one.
    assert_eq!(redact_stored("what is an @ sign"), "what is [email]");
    assert_eq!(redact_stored("closing hours"), "closing hours");
    assert_eq!(redact_stored("order 1234 5678"), "order [number]");
}
