//! `faq-widget collect` as a process on loopback: bad input gets a 4xx with a reason, a flood from
//! one client is cut by the rate limit, what was answered 204 is in the database (even after a
//! SIGKILL in the middle of writes), and no address is stored.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

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

fn stored_questions(db: &std::path::Path) -> BTreeSet<String> {
    let conn = Connection::open(db).unwrap();
    let mut statement = conn
        .prepare("SELECT question FROM event WHERE kind = 'vote'")
        .unwrap();
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The one number `sql` selects from the database at `db`.
fn count(db: &std::path::Path, sql: &str) -> i64 {
    let conn = Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

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
            (
                "vote".into(),
                Some("shipping".into()),
                Some(0),
                Some(1),
                None
            ),
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
    let senders: Vec<_> = (0..4)
        .map(|thread| {
            let acknowledged = acknowledged.clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let start = Instant::now();
                for i in 0..5_000 {
                    if stop.load(Ordering::Relaxed) || start.elapsed() > DEADLINE {
                        break;
                    }
                    let question = format!("t{thread}-{i}");
                    let headers = [("Origin", ORIGIN), ("Content-Type", "text/plain")];
                    match request(port, "POST", &headers, vote(&question).as_bytes()) {
                        Ok(reply) if reply.status == 204 => {
                            acknowledged.lock().unwrap().push(question)
                        }
                        Ok(reply) => panic!("{reply:?}"),
                        // The collector is gone: this one may or may not be stored.
                        Err(_) => break,
                    }
                }
            })
        })
        .collect();
    // Kill it once it has acknowledged a few hundred beacons, while the senders still send.
    let start = Instant::now();
    while acknowledged.lock().unwrap().len() < 300 {
        assert!(
            start.elapsed() < DEADLINE,
            "too slow to acknowledge 300 beacons"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
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
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|q| !stored.contains(*q))
        .collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged, missing {missing:?}",
        acknowledged.len()
    );
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

/// Issue 26: a database error (here another process holding the write lock past the collector's
/// 5 s busy timeout) is logged and answered 500, and once the lock is gone the collector stores
/// again and still stops on SIGTERM. Before, its writer thread waited for ever for the stderr
/// lock the main thread held: every later request hung, and SIGTERM never ended it.
#[test]
fn a_database_error_is_logged_and_answered_500_and_the_collector_recovers() {
    let dir = scratch("locked");
    let db = dir.join("f.sqlite");
    let log_path = dir.join("stderr.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut collector = Collector::start_with(&db, &[], log);
    assert_eq!(collector.post(&vote("before-the-lock")).status, 204);

    let holder = Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let started = Instant::now();
    let reply = collector.post(&vote("while-locked"));
    assert_eq!(reply.status, 500, "{reply:?}");
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(4),
        "after the busy timeout"
    );
    let health = request(collector.port, "GET", &[], b"").unwrap();
    assert_eq!(
        health.status, 503,
        "unhealthy while writes fail: {health:?}"
    );
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);

    let logged = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        logged.contains("faq-widget collect: a batch was not stored: database is locked"),
        "{logged}"
    );
    assert_eq!(collector.post(&vote("after-the-lock")).status, 204);
    let health = request(collector.port, "GET", &[], b"").unwrap();
    assert_eq!(
        health.status, 200,
        "healthy once a write succeeds: {health:?}"
    );
    assert_eq!(collector.terminate().code(), Some(0));
    let stored = stored_questions(&db);
    assert!(stored.contains("before-the-lock") && stored.contains("after-the-lock"));
    assert!(!stored.contains("while-locked"), "{stored:?}");
}

/// Issue 26: one beacon of nineteen identical changed votes counts as one vote, and a beacon whose
/// only event redacts to nothing is not stored (it would count as a beacon).
#[test]
fn a_beacon_counts_one_vote_per_question_and_an_empty_one_is_not_stored() {
    let dir = scratch("votes");
    let db = dir.join("f.sqlite");
    let collector = Collector::start(&db, &[]);
    let vote = r#"{"type":"vote","question":"shipping","helpful":false,"previous":true,"at":1764450000000}"#;
    let body = format!(
        r#"{{"v":1,"faq":"https://www.example.org/faq.json","events":[{},{{"type":"vote","question":"returns","helpful":true,"at":1764450000000}}]}}"#,
        vec![vote; 19].join(",")
    );
    assert_eq!(collector.post(&body).status, 204);
    let empty = r#"{"v":1,"faq":"https://www.example.org/faq.json","events":[{"type":"missed","query":"\u0001\u0002","at":1764450000000}]}"#;
    assert_eq!(collector.post(empty).status, 204);
    let count = |sql: &str| count(&db, sql);
    assert_eq!(
        count("SELECT count(*) FROM event WHERE question = 'shipping'"),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM event WHERE question = 'returns'"),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM batch"),
        1,
        "the empty beacon is not stored"
    );
}

#[test]
fn with_faq_files_only_their_question_ids_are_stored_and_the_faq_address_loses_its_query() {
    let dir = scratch("known");
    let db = dir.join("f.sqlite");
    let faq = dir.join("faq.json");
    let write = |ids: &[&str]| {
        let questions: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"id":"{id}","question":"Q {id}?","answer":"A."}}"#))
            .collect();
        std::fs::write(
            &faq,
            format!(r#"{{"title":"T","questions":[{}]}}"#, questions.join(",")),
        )
        .unwrap();
    };
    write(&["shipping", "returns"]);
    let faq_arg = faq.to_str().unwrap();
    let collector = Collector::start(&db, &["--faq", faq_arg]);
    for question in ["shipping", "jane@example.org", "made-up"] {
        assert_eq!(collector.post(&vote(question)).status, 204, "{question}");
    }
    assert_eq!(
        stored_questions(&db),
        BTreeSet::from(["shipping".to_owned()])
    );

    // The site adds a question: no restart needed (read again within about a second).
    write(&["shipping", "returns", "gift-cards"]);
    let deadline = Instant::now() + std::time::Duration::from_secs(10);
    while !stored_questions(&db).contains("gift-cards") {
        assert!(
            Instant::now() < deadline,
            "the new question was never accepted"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert_eq!(collector.post(&vote("gift-cards")).status, 204);
    }

    let tracked = r#"{"v":1,"faq":"https://www.example.org/faq.json?session=abc&email=jane@example.org#top","events":[{"type":"vote","question":"returns","helpful":true,"at":1764450000000}]}"#;
    assert_eq!(collector.post(tracked).status, 204);
    let conn = Connection::open(&db).unwrap();
    let addresses: BTreeSet<String> = conn
        .prepare("SELECT DISTINCT faq FROM batch")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        addresses,
        BTreeSet::from(["https://www.example.org/faq.json".to_owned()])
    );

    // A FAQ the collector cannot read: it does not start, and says why.
    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_faq-widget"))
        .args([
            "collect",
            "--db",
            db.to_str().unwrap(),
            "--allow-origin",
            "https://www.example.org",
        ])
        .args(["--faq", dir.join("nope.json").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        missing.status.code(),
        Some(1),
        "like a database it cannot open"
    );
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.json"));
}

#[test]
fn one_client_casts_at_most_its_budget_of_votes_on_a_question_a_day() {
    let dir = scratch("budget");
    let db = dir.join("f.sqlite");
    let collector = Collector::start(&db, &["--votes-per-day", "2"]);
    for _ in 0..5 {
        assert_eq!(collector.post(&vote("shipping")).status, 204);
    }
    assert_eq!(collector.post(&vote("returns")).status, 204);
    let count = |sql: &str| count(&db, sql);
    assert_eq!(
        count("SELECT count(*) FROM event WHERE question = 'shipping'"),
        2
    );
    assert_eq!(
        count("SELECT count(*) FROM event WHERE question = 'returns'"),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM batch"),
        3,
        "beacons left empty are not stored"
    );
}

/// Issue 26: a database removed while the collector runs was written to as if nothing happened
/// (204 into a deleted file). Now a new one is made at the path; while its folder is gone the
/// beacon gets 500 and `GET` 503, and once the folder is back it stores again.
#[test]
fn a_removed_database_is_made_again_and_a_missing_folder_is_an_error_until_it_returns() {
    let dir = scratch("vanished").join("data");
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("f.sqlite");
    let log_path = dir.parent().unwrap().join("stderr.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut collector = Collector::start_with(&db, &[], log);
    assert_eq!(collector.post(&vote("first")).status, 204);

    // Removed (or moved away) while it runs: the next beacon goes to a new file at the path.
    std::fs::remove_file(&db).unwrap();
    assert_eq!(collector.post(&vote("after-removal")).status, 204);
    assert_eq!(
        stored_questions(&db),
        BTreeSet::from(["after-removal".to_owned()])
    );

    std::fs::remove_dir_all(&dir).unwrap();
    let reply = collector.post(&vote("folder-gone"));
    assert_eq!(reply.status, 500, "{reply:?}");
    let health = request(collector.port, "GET", &[], b"").unwrap();
    assert_eq!(health.status, 503, "{health:?}");
    assert!(
        health.body.contains("was removed or replaced"),
        "{health:?}"
    );

    std::fs::create_dir_all(&dir).unwrap();
    assert_eq!(collector.post(&vote("folder-back")).status, 204);
    assert_eq!(collector.terminate().code(), Some(0));
    assert_eq!(
        stored_questions(&db),
        BTreeSet::from(["folder-back".to_owned()])
    );
    let logged = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        logged.contains("was removed or replaced; storing in a new one there"),
        "{logged}"
    );
}

/// Issue 26: 80 idle connections under a 64-file limit made every request fail, for ever. Now
/// at most --max-connections are open, each closed once idle: 200 idle connections under a
/// 64-file limit delay a beacon by a few idle timeouts, and it is stored.
#[test]
fn idle_connections_are_closed_and_capped_so_a_beacon_gets_through_under_a_low_file_limit() {
    let dir = scratch("idle");
    let db = dir.join("f.sqlite");
    let mut collector = Collector::start_with_file_limit(
        &db,
        &["--max-connections", "40", "--idle-timeout", "1"],
        64,
    );
    let idle: Vec<std::net::TcpStream> = (0..200)
        .map(|_| std::net::TcpStream::connect(("127.0.0.1", collector.port)).unwrap())
        .collect();
    let started = Instant::now();
    let reply = collector.post(&vote("through"));
    assert_eq!(reply.status, 204, "{reply:?}");
    assert!(started.elapsed() < DEADLINE);
    // The idle ones were closed by the collector: reading gives the end of the stream.
    let mut first = &idle[0];
    let mut byte = [0u8; 1];
    first
        .set_read_timeout(Some(std::time::Duration::from_secs(5)))
        .unwrap();
    assert_eq!(std::io::Read::read(&mut first, &mut byte).unwrap_or(0), 0);
    assert_eq!(collector.terminate().code(), Some(0));
    assert!(stored_questions(&db).contains("through"));
}
