//! Tests of `report.rs` (its own file: the module's code and its tests each stay short).

use super::*;
use crate::args::parse_span;

#[test]
fn dates_are_civil_utc_days() {
    assert_eq!(date(0), "1970-01-01");
    assert_eq!(date(-1), "1969-12-31");
    assert_eq!(date(11_016), "2000-02-29");
    assert_eq!(date(20_421), "2025-11-29");
}

#[test]
fn spans_are_hours_days_weeks_or_all() {
    assert_eq!(parse_span("30d"), Ok(Some(30 * DAY_MS)));
    assert_eq!(parse_span("12h"), Ok(Some(DAY_MS / 2)));
    assert_eq!(parse_span("2w"), Ok(Some(14 * DAY_MS)));
    assert_eq!(parse_span("all"), Ok(None));
    for bad in ["", "d", "0d", "-3d", "30", "3m", "1.5d", "é"] {
        assert!(parse_span(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_page_escapes_what_visitors_sent() {
    let summary = Summary {
        from_day: 0,
        to_day: 1,
        beacons: 1,
        votes: 1,
        missed: 1,
        questions: vec![Question {
            label: "<img src=x onerror=alert(1)>".into(),
            yes: 0,
            no: 1,
        }],
        top_missed: vec![("\"><script>alert(1)</script>".into(), 1)],
        days: vec![Day {
            day: 0,
            beacons: 1,
            votes: 1,
            missed: 1,
        }],
    };
    let page = html(&summary);
    assert!(!page.contains("<img"));
    assert!(!page.contains("<script"));
    assert!(page.contains("&lt;script&gt;"));
}

#[test]
fn control_characters_from_visitors_are_shown_escaped_in_both_reports() {
    let summary = Summary {
        from_day: 0,
        to_day: 1,
        beacons: 1,
        votes: 1,
        missed: 1,
        questions: vec![Question {
            label: "ship\u{1b}[2Jping\u{202e}".into(),
            yes: 1,
            no: 0,
        }],
        top_missed: vec![("nul\u{0}here\u{7}".into(), 1)],
        days: vec![],
    };
    for output in [text(&summary), html(&summary)] {
        for raw in ['\u{1b}', '\u{0}', '\u{7}', '\u{202e}'] {
            assert!(!output.contains(raw), "{raw:?} in {output}");
        }
        assert!(output.contains("ship\\u{1b}[2Jping\\u{202e}"), "{output}");
        assert!(output.contains("nul\\u{0}here\\u{7}"), "{output}");
    }
}
