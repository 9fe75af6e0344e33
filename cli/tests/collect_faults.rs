//! `faq-widget collect` under faults and abuse (issue 26), as a process on loopback: a database
//! error is answered 500 and recovered from, votes mean something (one per question per beacon,
//! only the FAQ's ids, a daily budget per client), a removed database is made again, idle
//! connections are capped and closed.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use std::time::Instant;

use rusqlite::Connection;
use support::*;

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
    expect_recovered(
        &mut collector,
        &db,
        ["before-the-lock", "after-the-lock"],
        "while-locked",
    );
}

/// After a fault: a vote for `kept[1]` is stored, `GET` says healthy, SIGTERM ends the
/// collector, and the database holds both `kept` votes and not the `lost` one.
fn expect_recovered(collector: &mut Collector, db: &std::path::Path, kept: [&str; 2], lost: &str) {
    assert_eq!(collector.post(&vote(kept[1])).status, 204);
    let health = request(collector.port, "GET", &[], b"").unwrap();
    assert_eq!(
        health.status, 200,
        "healthy once a write succeeds: {health:?}"
    );
    assert_eq!(collector.terminate().code(), Some(0));
    let stored = stored_questions(db);
    assert!(
        stored.contains(kept[0]) && stored.contains(kept[1]),
        "{stored:?}"
    );
    assert!(!stored.contains(lost), "{stored:?}");
}

/// Issue 26: a full disk (here a file-size limit the database cannot grow past) is a database
/// error like any other: logged, answered 500, `GET` 503 while it lasts; once there is room
/// again the collector stores and reports healthy without a restart, and stops on SIGTERM.
#[test]
fn a_full_disk_is_answered_500_and_the_collector_recovers_when_there_is_room() {
    let dir = scratch("full");
    let db = dir.join("f.sqlite");
    let log_path = dir.join("stderr.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut collector = Collector::start_ignoring_file_size_signal(&db, &[], log);
    assert_eq!(collector.post(&vote("before-full")).status, 204);
    // No file may grow from here: the write-ahead log gains a page with every batch.
    let size = |name: &str| std::fs::metadata(dir.join(name)).map_or(0, |m| m.len());
    collector.limit_file_size(Some(size("f.sqlite").max(size("f.sqlite-wal"))));
    let reply = collector.post(&vote("while-full"));
    assert_eq!(reply.status, 500, "{reply:?}");
    let health = request(collector.port, "GET", &[], b"").unwrap();
    assert_eq!(
        health.status, 503,
        "unhealthy while writes fail: {health:?}"
    );
    let logged = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        logged.contains("faq-widget collect: a batch was not stored"),
        "{logged}"
    );

    collector.limit_file_size(None);
    expect_recovered(
        &mut collector,
        &db,
        ["before-full", "after-full"],
        "while-full",
    );
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

/// Issue 26: a changed vote takes back the client's own earlier vote, sent in another beacon;
/// a forged `previous` (no such vote from this client) takes back nothing, and the report
/// counts what was really said.
#[test]
fn a_previous_takes_back_only_a_vote_this_client_cast() {
    let dir = scratch("previous");
    let db = dir.join("f.sqlite");
    let mut collector = Collector::start(&db, &[]);
    let beacon = |events: &str| {
        let body =
            format!(r#"{{"v":1,"faq":"https://www.example.org/faq.json","events":[{events}]}}"#);
        assert_eq!(collector.post(&body).status, 204);
    };
    beacon(r#"{"type":"vote","question":"shipping","helpful":true,"at":1764450000000}"#);
    beacon(
        r#"{"type":"vote","question":"shipping","helpful":false,"previous":true,"at":1764450001000}"#,
    );
    beacon(
        r#"{"type":"vote","question":"returns","helpful":false,"previous":true,"at":1764450002000}"#,
    );
    let count = |sql: &str| count(&db, sql);
    assert_eq!(
        count("SELECT count(*) FROM event WHERE question = 'shipping' AND previous = 1"),
        1,
        "the change takes back the client's own yes"
    );
    assert_eq!(
        count("SELECT count(*) FROM event WHERE question = 'returns' AND previous IS NULL"),
        1,
        "a previous with no vote before takes nothing back"
    );
    assert_eq!(collector.terminate().code(), Some(0));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let summary = faq_widget_cli::report::summarise(&conn, None, i64::MAX / 2).unwrap();
    let score = |label: &str| {
        let question = summary.questions.iter().find(|q| q.label == label).unwrap();
        (question.yes, question.no)
    };
    assert_eq!(score("shipping"), (0, 1), "changed from yes to no");
    assert_eq!(score("returns"), (0, 1), "a no, and no yes taken away");
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
