//! `faq-widget collect` as a process on loopback: bad input gets a 4xx with a reason, a flood from
//! one client is cut by the rate limit, what was answered 204 is in the database (even after a
//! SIGKILL in the middle of writes), and no address is stored.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use rusqlite::Connection;
use support::*;

/// kind, question, helpful, previous, query
type Row = (
    String,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<String>,
);

#[test]
fn a_valid_beacon_is_stored_redacted_and_answered_204_with_cors() {
    let dir = scratch("valid");
    let db = dir.join("feedback.sqlite");
    let collector = Collector::start(&db, &[]);
    let body = r#"{"v":1,"faq":"https://www.example.org/faq.json","events":[
        {"type":"vote","question":"shipping","helpful":false,"previous":true,"at":1764450000000},
        {"type":"missed","query":"Mail Jane.Doe@example.org about order 12345","at":1764450001000}]}"#;
    let reply = collector.post(body);
    assert_eq!(reply.status, 204, "{reply:?}");
    assert_eq!(
        reply.header("access-control-allow-origin").as_deref(),
        Some(ORIGIN)
    );
    // application/json (fetch) and no type at all (a Blob without type) are accepted too.
    for kind in [Some("application/json"), None] {
        let mut headers = vec![("Origin", ORIGIN)];
        headers.extend(kind.map(|k| ("Content-Type", k)));
        let reply = request(collector.port, "POST", &headers, vote("returns").as_bytes()).unwrap();
        assert_eq!(reply.status, 204, "{kind:?}: {reply:?}");
    }
    let conn = Connection::open(&db).unwrap();
    let rows: Vec<Row> = conn
        .prepare("SELECT kind, question, helpful, previous, query FROM event ORDER BY rowid")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        [
            // Its `previous` takes back nothing: this client cast no vote on it before.
            ("vote".into(), Some("shipping".into()), Some(0), None, None),
            (
                "missed".into(),
                None,
                None,
                None,
                Some("mail [email] about order [number]".into())
            ),
            ("vote".into(), Some("returns".into()), Some(1), None, None),
            ("vote".into(), Some("returns".into()), Some(1), None, None),
        ]
    );
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    // Nothing in the database looks like an address: no column for it, and no 127.0.0.1 text.
    let dump: String = conn
        .query_row(
            "SELECT group_concat(coalesce(question, '') || coalesce(query, '') || faq, ' ')
             FROM event JOIN batch ON batch.id = event.batch",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!dump.contains("127.0.0.1"), "{dump}");
}

#[test]
fn malformed_json_is_refused_with_400_and_a_reason() {
    let dir = scratch("malformed");
    let collector = Collector::start(&dir.join("f.sqlite"), &[]);
    for body in [
        "",
        "{",
        "{\"v\":1,}",
        "not json",
        r#"{"v":1,"faq":"f","events":[{"type":"missed","query":"x","at":1}]} trailing"#,
        "\u{feff}{}",
    ] {
        let reply = collector.post(body);
        assert_eq!(reply.status, 400, "{body:?}: {reply:?}");
        assert!(
            reply.body.starts_with("malformed JSON: "),
            "{:?}",
            reply.body
        );
    }
    assert!(stored_questions(&dir.join("f.sqlite")).is_empty());
}

#[test]
fn json_of_the_wrong_shape_is_refused_with_422_and_a_reason() {
    let dir = scratch("schema");
    let collector = Collector::start(&dir.join("f.sqlite"), &[]);
    let cases = [
        (r#"[]"#, "a batch is a JSON object"),
        (
            r#"[1,"f",[{"type":"missed","query":"x","at":1}]]"#,
            "a batch is a JSON object",
        ),
        (
            r#"{"v":1,"faq":"f","events":[["missed","x",1]]}"#,
            "events[0]: an event is a JSON object",
        ),
        (r#"{"v":1,"faq":"f"}"#, "missing field `events`"),
        (
            r#"{"v":2,"faq":"f","events":[{"type":"missed","query":"x","at":1}]}"#,
            "v: version 2",
        ),
        (r#"{"v":1,"faq":"f","events":[]}"#, "at least one event"),
        (
            r#"{"v":1,"faq":"f","events":[{"type":"vote","question":"q","helpful":"yes","at":1}]}"#,
            "expected a boolean",
        ),
        (
            r#"{"v":1,"faq":"f","events":[{"type":"open","question":"q","at":1}]}"#,
            "unknown variant `open`",
        ),
        (
            r#"{"v":1,"faq":"f","visitor":"abc","events":[{"type":"missed","query":"x","at":1}]}"#,
            "unknown field `visitor`",
        ),
    ];
    for (body, reason) in cases {
        let reply = collector.post(body);
        assert_eq!(reply.status, 422, "{body}: {reply:?}");
        assert!(
            reply
                .body
                .starts_with("not a feedback batch (feedback.schema.json): ")
                && reply.body.contains(reason),
            "{body}: {:?}",
            reply.body
        );
    }
    let many = format!(
        r#"{{"v":1,"faq":"f","events":[{}]}}"#,
        vec![r#"{"type":"missed","query":"x","at":1}"#; 21].join(",")
    );
    let reply = collector.post(&many);
    assert_eq!(reply.status, 422);
    assert!(
        reply.body.contains("21 events, at most 20"),
        "{}",
        reply.body
    );
}

#[test]
fn an_oversize_body_is_refused_with_413() {
    let dir = scratch("oversize");
    let collector = Collector::start(&dir.join("f.sqlite"), &[]);
    let limit = faq_widget::feedback::MAX_BODY_BYTES;
    // Valid JSON, padded with spaces: only the size is wrong.
    let padded = |size: usize| {
        let json = vote("padded");
        format!("{json}{}", " ".repeat(size - json.len()))
    };
    assert_eq!(
        collector.post(&padded(limit)).status,
        204,
        "the limit itself passes"
    );
    let reply = collector.post(&padded(limit + 1));
    assert_eq!(reply.status, 413, "{reply:?}");
    assert!(
        reply.body.contains("larger than 32768 bytes"),
        "{}",
        reply.body
    );
    // Without a declared length (chunked), the limit holds while reading.
    let big = padded(limit + 10);
    let chunked = format!("{:x}\r\n{big}\r\n0\r\n\r\n", big.len());
    let reply = request(
        collector.port,
        "POST",
        &[("Origin", ORIGIN), ("Transfer-Encoding", "chunked")],
        chunked.as_bytes(),
    )
    .unwrap();
    assert_eq!(reply.status, 413, "{reply:?}");
    assert_eq!(stored_questions(&dir.join("f.sqlite")).len(), 1);
}

#[test]
fn a_wrong_or_missing_origin_is_refused_with_403_and_preflights_follow_the_allow_list() {
    let dir = scratch("origin");
    let collector = Collector::start(&dir.join("f.sqlite"), &[]);
    let body = vote("q");
    for origin in [
        Some("https://evil.example"),
        Some("http://www.example.org"),
        // Browsers send the origin in lower case; another spelling is not a browser's.
        Some("HTTPS://WWW.EXAMPLE.ORG"),
        None,
    ] {
        let headers: Vec<_> = origin.map(|o| ("Origin", o)).into_iter().collect();
        let reply = request(collector.port, "POST", &headers, body.as_bytes()).unwrap();
        assert_eq!(reply.status, 403, "{origin:?}: {reply:?}");
        assert!(reply.header("access-control-allow-origin").is_none());
        assert!(reply.body.contains("origin") || reply.body.contains("Origin"));
    }
    let preflight = |origin: &str| {
        request(
            collector.port,
            "OPTIONS",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "content-type"),
            ],
            b"",
        )
        .unwrap()
    };
    let allowed = preflight(ORIGIN);
    assert_eq!(allowed.status, 204);
    assert_eq!(
        allowed.header("access-control-allow-origin").as_deref(),
        Some(ORIGIN)
    );
    assert_eq!(
        allowed.header("access-control-allow-methods").as_deref(),
        Some("post")
    );
    assert_eq!(
        allowed.header("access-control-allow-headers").as_deref(),
        Some("content-type")
    );
    assert!(allowed.header("access-control-allow-credentials").is_none());
    assert_eq!(preflight("https://evil.example").status, 403);
    // A form post (what a page could send without CORS) is not a beacon.
    let form = request(
        collector.port,
        "POST",
        &[
            ("Origin", ORIGIN),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(form.status, 415);
    assert_eq!(
        request(collector.port, "PUT", &[], b"").unwrap().status,
        405
    );
    assert!(stored_questions(&dir.join("f.sqlite")).is_empty());
}

#[test]
fn a_flood_from_one_client_is_limited_and_others_still_get_through() {
    let dir = scratch("flood");
    let db = dir.join("f.sqlite");
    // 5 a minute: a burst of 5, then one every 12 s, far longer than this test.
    let collector = Collector::start(&db, &["--rate", "5"]);
    let statuses: Vec<u16> = (0..30)
        .map(|i| collector.post(&vote(&format!("a{i}"))).status)
        .collect();
    assert_eq!(statuses[..5], [204; 5]);
    assert!(statuses[5..].iter().all(|&s| s == 429), "{statuses:?}");
    let limited = collector.post(&vote("again"));
    assert_eq!(limited.status, 429);
    let wait: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=12).contains(&wait), "{wait}");
    // Without --behind-proxy a forged X-Forwarded-For does not escape the limit.
    let forged = request(
        collector.port,
        "POST",
        &[("Origin", ORIGIN), ("X-Forwarded-For", "192.0.2.9")],
        vote("forged").as_bytes(),
    )
    .unwrap();
    assert_eq!(forged.status, 429);
    assert_eq!(stored_questions(&db).len(), 5);
    drop(collector);

    // Behind a proxy every request comes from the proxy; the visitor is X-Forwarded-For's last.
    let db = dir.join("proxy.sqlite");
    let collector = Collector::start(&db, &["--rate", "5", "--behind-proxy"]);
    let from = |client: &str, question: &str| {
        request(
            collector.port,
            "POST",
            &[("Origin", ORIGIN), ("X-Forwarded-For", client)],
            vote(question).as_bytes(),
        )
        .unwrap()
        .status
    };
    let flood: Vec<u16> = (0..12)
        .map(|i| from("198.51.100.1, 203.0.113.7", &format!("f{i}")))
        .collect();
    assert_eq!(flood.iter().filter(|&&s| s == 204).count(), 5, "{flood:?}");
    assert_eq!(from("203.0.113.8", "other"), 204, "another visitor");
    assert_eq!(from("2001:db8::1", "v6"), 204);
    assert_eq!(from("2001:db8::2", "v6-same-64"), 204);
    assert_eq!(stored_questions(&db).len(), 8);
}

#[test]
fn nothing_answered_204_is_lost_when_the_collector_is_killed_during_writes() {
    let dir = scratch("kill");
    let db = dir.join("f.sqlite");
    let mut collector = Collector::start(&db, &["--rate", "1000000"]);
    let port = collector.port;
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    let senders = send_votes(&[port], &acknowledged, &stop);
    // Kill it once it has acknowledged a few hundred beacons, while the senders still send.
    wait_acknowledged(&acknowledged, 300, "too slow to acknowledge 300 beacons");
    collector.kill();
    stop.store(true, Ordering::Relaxed);
    for sender in senders {
        sender.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    // A restart on the same file recovers the WAL and goes on.
    let collector = Collector::start(&db, &[]);
    assert_eq!(collector.post(&vote("after-restart")).status, 204);
    let stored = stored_questions(&db);
    expect_all_stored(&acknowledged, &stored);
    assert!(stored.contains("after-restart"));
    let conn = Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // Every batch is whole: one vote each, none half-written.
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM batch WHERE id NOT IN (SELECT batch FROM event)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
}

#[test]
fn sigterm_stops_the_collector_cleanly_and_usage_errors_exit_2() {
    let dir = scratch("term");
    let db = dir.join("f.sqlite");
    let mut collector = Collector::start(&db, &[]);
    assert_eq!(collector.post(&vote("before-stop")).status, 204);
    let status = collector.terminate();
    assert_eq!(status.code(), Some(0));
    assert!(stored_questions(&db).contains("before-stop"));

    let run = |args: &[&str]| std::process::Command::new(BIN).args(args).output().unwrap();
    for args in [
        &["collect"][..],
        &["collect", "--db", "x.sqlite"],
        &[
            "collect",
            "--db",
            "x.sqlite",
            "--allow-origin",
            "www.example.org",
        ],
        &[
            "collect",
            "--db",
            "x.sqlite",
            "--allow-origin",
            ORIGIN,
            "--port",
            "99999",
        ],
        &[
            "collect",
            "--db",
            "x.sqlite",
            "--allow-origin",
            ORIGIN,
            "--rate",
            "0",
        ],
        &[
            "collect",
            "--db",
            "x.sqlite",
            "--allow-origin",
            ORIGIN,
            "--bogus",
        ],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).starts_with("faq-widget collect: "));
    }
    let help = run(&["collect", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("X-Forwarded-For") && help.contains("feedback.schema.json"));
}
