//! `faq-widget report` on a seeded database: net votes (a changed vote replaces the one it
//! names), worst question first, missed searches by frequency, days with zeros between, the
//! period, and the HTML page's parts.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

use faq_widget::feedback::{Batch, Event};
use faq_widget_cli::collect_db;
use faq_widget_cli::report::date;
use support::{scratch, BIN};

const DAY: i64 = 86_400_000;

fn vote(question: &str, helpful: bool, previous: Option<bool>) -> Event {
    Event::Vote {
        question: question.into(),
        helpful,
        previous,
        at: 1,
    }
}

fn missed(query: &str) -> Event {
    Event::Missed {
        query: query.into(),
        at: 1,
    }
}

fn seed(path: &std::path::Path, today: i64) {
    let mut conn = collect_db::open_for_writing(path).unwrap();
    let batch = |events| Batch {
        v: 1,
        faq: "https://www.example.org/faq.json".into(),
        events,
    };
    let batches = [
        (
            today * DAY,
            batch(vec![
                vote("shipping", false, None),
                vote("shipping", false, None),
                vote("returns", true, None),
                missed("refund [number]"),
            ]),
        ),
        (
            (today - 2) * DAY + 1000,
            batch(vec![
                vote("shipping", true, None),
                vote("returns", true, None),
                vote("returns", false, Some(true)),
                missed("refund [number]"),
                missed("gift card"),
            ]),
        ),
        (
            (today - 40) * DAY,
            batch(vec![vote("old-question", false, None), missed("ancient")]),
        ),
    ];
    for (received, batch) in &batches {
        collect_db::insert(&mut conn, batch, *received).unwrap();
    }
}

fn report(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(BIN).arg("report").args(args).output().unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_text_report_counts_net_votes_worst_first() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let today = now / DAY;
    let dir = scratch("report");
    let db = dir.join("feedback.sqlite");
    seed(&db, today);
    let db = db.to_str().unwrap();
    let (code, out, err) = report(&["--db", db]);
    assert_eq!(code, 0, "{err}");
    let expected = format!(
        "Feedback from {} to {}: 2 beacons, 6 votes, 3 missed searches

Helpfulness per question (worst first)
  question  helpful    yes     no
  shipping      33%      1      2
  returns       50%      1      1

Top missed searches
  count  query
      2  refund [number]
      1  gift card

Beacons per day (UTC)
  day         beacons  votes  missed
  {}        1      3       2
  {}        0      0       0
  {}        1      3       1
",
        date((now - 30 * DAY) / DAY),
        date(today),
        date(today - 2),
        date(today - 1),
        date(today)
    );
    assert_eq!(out, expected);

    let (code, out, _) = report(&["--db", db, "--since", "all"]);
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!(
        "Feedback from {} to {}: 3 beacons, 7 votes, 4 missed searches",
        date(today - 40),
        date(today)
    )));
    let worst = out.lines().nth(4).unwrap();
    assert!(worst.starts_with("  old-question       0%"), "{out}");

    let (code, out, _) = report(&["--db", db, "--since", "12h"]);
    assert_eq!(code, 0);
    let expect_today = now - today * DAY <= 12 * 3_600_000;
    assert_eq!(
        out.contains(": 1 beacons, 3 votes, 1 missed"),
        expect_today,
        "{out}"
    );
}

#[test]
fn the_html_report_has_a_chart_and_a_table_per_section() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let dir = scratch("report-html");
    let db = dir.join("feedback.sqlite");
    seed(&db, now / DAY);
    let page = dir.join("report.html");
    let (code, out, err) = report(&[
        "--db",
        db.to_str().unwrap(),
        "--html",
        page.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.ends_with(&format!("HTML report: {}\n", page.display())));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<svg role=\"img\"").count(), 3);
    assert_eq!(html.matches("<table>").count(), 3);
    assert!(html.contains("<th scope=\"row\">refund [number]</th><td class=\"n\">2</td>"));
    for outside in ["<script", "http://", "https://www.", "src=", "@import"] {
        // The FAQ's address is not shown; nothing loads from anywhere.
        assert!(!html.contains(outside), "{outside}");
    }
}

#[test]
fn report_refuses_what_it_cannot_read() {
    let dir = scratch("report-errors");
    let (code, _, err) = report(&["--db", dir.join("missing.sqlite").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("no such database"), "{err}");
    let other = dir.join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let (code, _, err) = report(&["--db", other.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("not a feedback database"), "{err}");
    let (code, _, err) = report(&["--db", other.to_str().unwrap(), "--since", "soon"]);
    assert_eq!(code, 2);
    assert!(err.contains("--since takes a span"), "{err}");
    let (code, out, _) = report(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("--html FILE"));
}
