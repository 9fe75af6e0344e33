//! `faq-widget collect --db postgres://...` (issue 26) on a throwaway PostgreSQL server
//! (`support::pg`): what the SQLite default guarantees holds there too. The same beacons give
//! the same report; two collectors share one database; nothing answered 204 is lost when one is
//! killed mid-load; a database that goes away is answered 500 and `GET` 503, and the collector
//! stores again, without a restart, once it is back.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use support::pg::Postgres;
use support::*;

/// kind, question, helpful, previous, query, and the beacon's FAQ.
type Row = (
    String,
    Option<String>,
    Option<i16>,
    Option<i16>,
    Option<String>,
    String,
);

/// The question ids of the votes stored.
fn stored(server: &Postgres, db: &str) -> BTreeSet<String> {
    server
        .client(db)
        .query("SELECT question FROM event WHERE kind = 'vote'", &[])
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect()
}

/// `faq-widget report --db DB --since all`: its exit status and output.
fn report(db: &str) -> (Option<i32>, String, String) {
    let output = Command::new(BIN)
        .args(["report", "--db", db, "--since", "all"])
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_same_beacons_give_the_same_rows_and_the_same_report_as_on_sqlite() {
    let server = Postgres::start("same");
    let url = server.create("feedback");
    let dir = scratch("pg-same");
    let file = dir.join("f.sqlite");
    let on_postgres = Collector::start(std::path::Path::new(&url), &["--rate", "1000"]);
    let on_sqlite = Collector::start(&file, &["--rate", "1000"]);
    let beacons = [
        r#"{"v":1,"faq":"https://www.example.org/faq.json?utm=mail#top","events":[
            {"type":"vote","question":"shipping","helpful":false,"at":1764450000000},
            {"type":"missed","query":"Mail Jane.Doe@example.org about order 12345","at":1764450001000}]}"#,
        r#"{"v":1,"faq":"https://www.example.org/faq.json","events":[
            {"type":"vote","question":"shipping","helpful":true,"previous":false,"at":1764450002000},
            {"type":"vote","question":"returns","helpful":false,"at":1764450003000},
            {"type":"missed","query":"refund","at":1764450004000}]}"#,
        r#"{"v":1,"faq":"https://www.example.org/faq.json","events":[
            {"type":"missed","query":"refund","at":1764450005000},
            {"type":"missed","query":"opening hours","at":1764450006000}]}"#,
    ];
    for beacon in beacons {
        assert_eq!(on_postgres.post(beacon).status, 204);
        assert_eq!(on_sqlite.post(beacon).status, 204);
    }
    // The rows, field by field (the booleans as 1 and 0 in both).
    let rows: Vec<Row> = server
        .client("feedback")
        .query(
            "SELECT e.kind, e.question, e.helpful, e.previous, e.query, b.faq
                 FROM event e JOIN batch b ON b.id = e.batch ORDER BY b.id, e.at",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
        .collect();
    let conn = rusqlite::Connection::open(&file).unwrap();
    let expected: Vec<Row> = conn
        .prepare(
            "SELECT e.kind, e.question, e.helpful, e.previous, e.query, b.faq
             FROM event e JOIN batch b ON b.id = e.batch ORDER BY b.id, e.at",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(rows.len(), 7);
    // Redacted, and the FAQ's address without its query or fragment, as on SQLite.
    assert!(rows
        .iter()
        .any(|r| r.4.as_deref() == Some("mail [email] about order [number]")));
    assert!(rows
        .iter()
        .all(|r| r.5 == "https://www.example.org/faq.json"));

    let (code, from_postgres, errors) = report(&url);
    assert_eq!(code, Some(0), "{errors}");
    let (code, from_sqlite, errors) = report(file.to_str().unwrap());
    assert_eq!(code, Some(0), "{errors}");
    assert_eq!(from_postgres, from_sqlite);
    assert!(from_postgres.contains("refund"), "{from_postgres}");

    // report on a database without the tables, or on no server: a clear message, status 2.
    server.create("other");
    let (code, _, errors) = report(&server.url("other"));
    assert_eq!(code, Some(2));
    assert!(errors.contains("not a feedback database"), "{errors}");
    let (code, _, errors) = report("postgres://faq:s3cret@127.0.0.1:1/feedback");
    assert_eq!(code, Some(2));
    assert!(
        errors.contains("cannot connect to postgres://faq:***@127.0.0.1:1/feedback"),
        "{errors}"
    );
    assert!(!errors.contains("s3cret"), "{errors}");
}

#[test]
fn two_collectors_share_one_database_and_a_kill_mid_load_loses_nothing_acknowledged() {
    let server = Postgres::start("two");
    let url = server.create("feedback");
    // Both start at once: the tables are made once (an advisory lock), not raced.
    let starting: Vec<_> = (0..2)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                Collector::start(std::path::Path::new(&url), &["--rate", "1000000"])
            })
        })
        .collect();
    let mut collectors: Vec<Collector> = starting.into_iter().map(|t| t.join().unwrap()).collect();
    let ports: Vec<u16> = collectors.iter().map(|c| c.port).collect();
    let acknowledged = Arc::new(Mutex::new(Vec::new()));
    let stop = Arc::new(AtomicBool::new(false));
    // Two senders to each collector.
    let senders = send_votes(&ports, &acknowledged, &stop);
    wait_acknowledged(&acknowledged, 300, "too slow to acknowledge 300 beacons");
    // The first collector dies mid-load; the second goes on.
    collectors[0].kill();
    let killed_at = acknowledged.lock().unwrap().len();
    wait_acknowledged(
        &acknowledged,
        killed_at + 100,
        "the other collector stopped too",
    );
    stop.store(true, Ordering::Relaxed);
    for sender in senders {
        sender.join().unwrap();
    }
    assert_eq!(collectors[1].terminate().code(), Some(0));
    let acknowledged = acknowledged.lock().unwrap().clone();
    let stored = stored(&server, "feedback");
    expect_all_stored(&acknowledged, &stored);
    // From both collectors, each batch whole.
    assert!(
        stored.iter().any(|q| q.starts_with("t0-")) && stored.iter().any(|q| q.starts_with("t1-"))
    );
    let orphans: i64 = server
        .client("feedback")
        .query_one(
            "SELECT count(*) FROM batch WHERE id NOT IN (SELECT batch FROM event)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(orphans, 0);
}

#[test]
fn a_database_that_goes_away_is_answered_500_and_the_collector_recovers_when_it_is_back() {
    let server = Postgres::start("away");
    let url = server.create("feedback");
    let log_path = server.dir().join("collector.log");
    let log = std::fs::File::create(&log_path).unwrap();
    let mut collector = Collector::start_with(std::path::Path::new(&url), &[], log);
    assert_eq!(collector.post(&vote("before")).status, 204);
    server.stop();
    let reply = collector.post(&vote("while-away"));
    assert_eq!(reply.status, 500, "{reply:?}");
    let health = request(collector.port, "GET", &[], b"").unwrap();
    assert_eq!(health.status, 503, "{health:?}");
    let logged = std::fs::read_to_string(&log_path).unwrap();
    assert!(
        logged.contains("faq-widget collect: a batch was not stored"),
        "{logged}"
    );
    // Still away: opening the connection again fails, said as such.
    assert_eq!(collector.post(&vote("still-away")).status, 500);
    server.restart();
    assert_eq!(collector.post(&vote("after")).status, 204);
    let health = request(collector.port, "GET", &[], b"").unwrap();
    assert_eq!(health.status, 200, "{health:?}");
    assert_eq!(collector.terminate().code(), Some(0));
    let stored = stored(&server, "feedback");
    assert_eq!(stored, BTreeSet::from(["before".into(), "after".into()]));
}
