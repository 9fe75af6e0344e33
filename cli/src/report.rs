//! `faq-widget report`: what the feedback database says, as a table in the terminal and, with
//! `--html`, as one self-contained page (no script, no network) with SVG charts, each followed by
//! its data as a table for screen readers.

use crate::check::terminal_safe;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::args::ReportArgs;
use crate::collect_db::{self, Target};
use crate::collect_pg;
use crate::report_rows::{PgRows, Rows};

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// The missed searches listed.
const TOP_MISSED: usize = 20;

/// Votes on one question, net of changed votes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// The question's id, prefixed by its FAQ when the database holds several FAQs.
    pub label: String,
    pub yes: u64,
    pub no: u64,
}

pub use crate::report_rows::Day;

/// What the report shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The first day of the period, and the last (days since the epoch).
    pub from_day: i64,
    pub to_day: i64,
    pub beacons: u64,
    pub votes: u64,
    pub missed: u64,
    /// Worst first.
    pub questions: Vec<Question>,
    /// (query, count), most frequent first.
    pub top_missed: Vec<(String, u64)>,
    /// Every day from the first with events to the last, with zeros between.
    pub days: Vec<Day>,
}

pub fn main(args: &ReportArgs, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let (db, since) = (&args.db, args.since.0);
    let now = now_ms();
    let summary = match db {
        Target::Sqlite(path) => collect_db::open_for_reading(path)
            .and_then(|conn| summarise(&conn, since.map(|span| now - span), now)),
        Target::Postgres(url) => collect_pg::open_for_reading(url).and_then(|client| {
            let rows = PgRows(RefCell::new(client));
            summarise(&rows, since.map(|span| now - span), now)
        }),
    };
    let summary = match summary {
        Ok(summary) => summary,
        Err(problem) => {
            let _ = writeln!(err, "faq-widget report: {problem}");
            return crate::EXIT_USAGE;
        }
    };
    let _ = write!(out, "{}", text(&summary));
    if let Some(path) = &args.html {
        if let Err(e) = std::fs::write(path, html(&summary)) {
            let _ = writeln!(
                err,
                "faq-widget report: cannot write {}: {e}",
                path.display()
            );
            return crate::EXIT_USAGE;
        }
        let _ = writeln!(out, "\nHTML report: {}", path.display());
    }
    crate::EXIT_OK
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// Reads the period from `from_ms` (everything when `None`) to `now_ms` out of the database
/// (a SQLite connection, or [`PgRows`]).
pub fn summarise(rows: &dyn Rows, from_ms: Option<i64>, now_ms: i64) -> Result<Summary, String> {
    let from = from_ms.unwrap_or(i64::MIN);
    let (beacons, first, faqs) = rows.totals(from)?;
    let mut votes = 0;
    let mut questions = Vec::new();
    for row in rows.votes(from)? {
        votes += u64::try_from(row.count).unwrap_or(0);
        // A changed vote whose first vote lies before the period can take a count below 0.
        let yes = u64::try_from(row.yes - row.was_yes).unwrap_or(0);
        let no = u64::try_from(row.no - row.was_no).unwrap_or(0);
        if yes + no == 0 {
            continue;
        }
        let label = if faqs > 1 {
            format!("{} › {}", row.faq, row.question)
        } else {
            row.question
        };
        questions.push(Question { label, yes, no });
    }
    // Worst first: the smallest share of "yes" (compared as fractions), then the most votes.
    questions.sort_by(|a, b| {
        (u128::from(a.yes) * u128::from(b.yes + b.no))
            .cmp(&(u128::from(b.yes) * u128::from(a.yes + a.no)))
            .then((b.yes + b.no).cmp(&(a.yes + a.no)))
            .then(a.label.cmp(&b.label))
    });
    // Most frequent first, then in the order of their bytes (the same on either database).
    let mut all_missed = rows.missed(from)?;
    all_missed.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let missed = all_missed.iter().map(|(_, count)| count).sum();
    all_missed.truncate(TOP_MISSED);
    let top_missed = all_missed;
    let mut days: Vec<Day> = Vec::new();
    for day in rows.days(from, DAY_MS)? {
        // Days without beacons, as zeros, so the chart's time axis is even.
        while let Some(last) = days.last().map(|d| d.day) {
            if last + 1 >= day.day {
                break;
            }
            days.push(Day {
                day: last + 1,
                beacons: 0,
                votes: 0,
                missed: 0,
            });
        }
        days.push(day);
    }
    let to_day = now_ms.div_euclid(DAY_MS);
    let from_day = match from_ms {
        Some(from) => from.div_euclid(DAY_MS),
        None => first.map_or(to_day, |first| first.div_euclid(DAY_MS)),
    };
    Ok(Summary {
        from_day,
        to_day,
        beacons,
        votes,
        missed,
        questions,
        top_missed,
        days,
    })
}

/// `YYYY-MM-DD` of a day since the Unix epoch (proleptic Gregorian, UTC).
pub fn date(day: i64) -> String {
    // Howard Hinnant's civil_from_days.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn percent(part: u64, whole: u64) -> u64 {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

fn period(summary: &Summary) -> String {
    format!(
        "{} to {}: {} beacons, {} votes, {} missed searches",
        date(summary.from_day),
        date(summary.to_day),
        summary.beacons,
        summary.votes,
        summary.missed
    )
}

/// The report for a terminal.
pub fn text(summary: &Summary) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Feedback from {}", period(summary));
    if summary.beacons == 0 {
        let _ = writeln!(out, "\nNo feedback in this period.");
        return out;
    }
    let _ = writeln!(out, "\nHelpfulness per question (worst first)");
    if summary.questions.is_empty() {
        let _ = writeln!(out, "  no votes");
    } else {
        // What visitors sent, with control characters as `\u{1b}` text: an id or a query
        // holding ESC must not rewrite the owner's terminal (issue 26).
        let labels: Vec<String> = summary
            .questions
            .iter()
            .map(|q| terminal_safe(&q.label))
            .collect();
        let width = labels
            .iter()
            .map(|label| label.chars().count())
            .max()
            .unwrap_or(0)
            .max("question".len());
        let _ = writeln!(out, "  {:<width$}  helpful    yes     no", "question");
        for (q, label) in summary.questions.iter().zip(&labels) {
            let _ = writeln!(
                out,
                "  {:<width$}  {:>6}%  {:>5}  {:>5}",
                label,
                percent(q.yes, q.yes + q.no),
                q.yes,
                q.no
            );
        }
    }
    let _ = writeln!(out, "\nTop missed searches");
    if summary.top_missed.is_empty() {
        let _ = writeln!(out, "  none");
    } else {
        let _ = writeln!(out, "  {:>5}  query", "count");
        for (query, count) in &summary.top_missed {
            let _ = writeln!(out, "  {count:>5}  {}", terminal_safe(query));
        }
    }
    let _ = writeln!(out, "\nBeacons per day (UTC)");
    let _ = writeln!(out, "  day         beacons  votes  missed");
    for day in &summary.days {
        let _ = writeln!(
            out,
            "  {}  {:>7}  {:>5}  {:>6}",
            date(day.day),
            day.beacons,
            day.votes,
            day.missed
        );
    }
    out
}

/// Text for the HTML page: markup characters as entities, control characters as `\u{1b}` text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in terminal_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Cut to `max` characters, with an ellipsis, for chart labels (the tables keep the full text).
fn short(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

const STYLE: &str = "
:root { color-scheme: light; }
body { font-family: system-ui, sans-serif; color: #1f2328; background: #fff; margin: 0 auto;
  max-width: 60rem; padding: 1rem 1.5rem 3rem; line-height: 1.5; }
h1 { font-size: 1.6rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.25rem; margin-top: 2.5rem; border-bottom: 1px solid #d0d7de; }
svg { display: block; max-width: 100%; height: auto; margin: 1rem 0; }
svg text { font: 13px system-ui, sans-serif; fill: #1f2328; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { border: 1px solid #d0d7de; padding: 0.2rem 0.6rem; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.yes { fill: #1a7f37; } .no { fill: #cf222e; } .bar { fill: #0550ae; } .missed { fill: #8250df; }
.legend { display: flex; gap: 1.5rem; margin: 0; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em; vertical-align: -0.1em; }
";

/// The report as one HTML page.
pub fn html(summary: &Summary) -> String {
    let mut out = String::new();
    let title = "FAQ feedback report";
    let _ = writeln!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">\
         <title>{title}</title><style>{STYLE}</style></head>\n<body><main>\
         <h1>{title}</h1><p>{}</p>",
        escape(&period(summary))
    );
    if summary.beacons == 0 {
        out.push_str("<p>No feedback in this period.</p>\n");
    } else {
        helpfulness(&mut out, &summary.questions);
        missed(&mut out, &summary.top_missed);
        volume(&mut out, &summary.days);
    }
    out.push_str("</main></body></html>\n");
    out
}

const WIDTH: u32 = 720;
const LABEL: u32 = 240;
const ROW: u32 = 26;

fn helpfulness(out: &mut String, questions: &[Question]) {
    out.push_str("<section aria-labelledby=\"helpfulness\"><h2 id=\"helpfulness\">Helpfulness per question, worst first</h2>\n");
    if questions.is_empty() {
        out.push_str("<p>No votes in this period.</p></section>\n");
        return;
    }
    out.push_str(
        "<ul class=\"legend\"><li><span class=\"swatch\" style=\"background:#1a7f37\"></span>helpful</li>\
         <li><span class=\"swatch\" style=\"background:#cf222e\"></span>not helpful</li></ul>\n",
    );
    let height = ROW * questions.len() as u32 + 10;
    let bar = WIDTH - LABEL - 120;
    let _ = writeln!(
        out,
        "<svg role=\"img\" aria-labelledby=\"helpfulness-chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\">\
         <title id=\"helpfulness-chart\">Bar chart: share of helpful votes per question, worst first; the table below has the numbers</title>"
    );
    for (i, q) in questions.iter().enumerate() {
        let y = 5 + ROW * i as u32;
        let total = q.yes + q.no;
        let yes = (u64::from(bar) * q.yes / total) as u32;
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"yes\" x=\"{LABEL}\" y=\"{y}\" width=\"{yes}\" height=\"18\"/>\
             <rect class=\"no\" x=\"{}\" y=\"{y}\" width=\"{}\" height=\"18\"/>\
             <text x=\"{}\" y=\"{}\">{}% of {total}</text>",
            LABEL - 8,
            y + 14,
            escape(&short(&q.label, 32)),
            LABEL + yes,
            bar - yes,
            LABEL + bar + 8,
            y + 14,
            percent(q.yes, total),
        );
    }
    out.push_str("</svg>\n<table><caption>Votes per question, worst first</caption>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\" class=\"n\">Helpful</th><th scope=\"col\" class=\"n\">Yes</th><th scope=\"col\" class=\"n\">No</th></tr></thead><tbody>\n");
    for q in questions {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}%</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&q.label),
            percent(q.yes, q.yes + q.no),
            q.yes,
            q.no
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn missed(out: &mut String, top: &[(String, u64)]) {
    out.push_str("<section aria-labelledby=\"missed\"><h2 id=\"missed\">Top searches that found nothing</h2>\n");
    if top.is_empty() {
        out.push_str("<p>No missed searches in this period.</p></section>\n");
        return;
    }
    let most = top.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let height = ROW * top.len() as u32 + 10;
    let bar = WIDTH - LABEL - 60;
    let _ = writeln!(
        out,
        "<svg role=\"img\" aria-labelledby=\"missed-chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\">\
         <title id=\"missed-chart\">Bar chart: the most frequent searches that found nothing; the table below has the numbers</title>"
    );
    for (i, (query, count)) in top.iter().enumerate() {
        let y = 5 + ROW * i as u32;
        let width = ((u64::from(bar) * count / most) as u32).max(2);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect class=\"missed\" x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"18\"/>\
             <text x=\"{}\" y=\"{}\">{count}</text>",
            LABEL - 8,
            y + 14,
            escape(&short(query, 32)),
            LABEL + width + 8,
            y + 14,
        );
    }
    out.push_str("</svg>\n<table><caption>Missed searches, most frequent first</caption>\n<thead><tr><th scope=\"col\">Query (redacted)</th><th scope=\"col\" class=\"n\">Searches</th></tr></thead><tbody>\n");
    for (query, count) in top {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{count}</td></tr>",
            escape(query)
        );
    }
    out.push_str("</tbody></table></section>\n");
}

fn volume(out: &mut String, days: &[Day]) {
    out.push_str(
        "<section aria-labelledby=\"volume\"><h2 id=\"volume\">Feedback per day (UTC)</h2>\n",
    );
    out.push_str(
        "<ul class=\"legend\"><li><span class=\"swatch\" style=\"background:#0550ae\"></span>votes</li>\
         <li><span class=\"swatch\" style=\"background:#8250df\"></span>missed searches</li></ul>\n",
    );
    let most = days
        .iter()
        .map(|d| d.votes + d.missed)
        .max()
        .unwrap_or(1)
        .max(1);
    let (left, top, plot_height) = (50u32, 10u32, 200u32);
    let height = top + plot_height + 30;
    let step = ((WIDTH - left - 10) / days.len().max(1) as u32).clamp(1, 48);
    let bar_width = (step * 4 / 5).max(1);
    let _ = writeln!(
        out,
        "<svg role=\"img\" aria-labelledby=\"volume-chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\">\
         <title id=\"volume-chart\">Stacked bar chart: votes and missed searches per day; the table below has the numbers</title>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{most}</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>",
        left - 6,
        top + 10,
        left - 6,
        top + plot_height,
    );
    let label_every = days.len().div_ceil(6).max(1);
    for (i, day) in days.iter().enumerate() {
        let x = left + step * i as u32;
        let votes = (u64::from(plot_height) * day.votes / most) as u32;
        let missed = (u64::from(plot_height) * day.missed / most) as u32;
        let base = top + plot_height;
        let _ = writeln!(
            out,
            "<rect class=\"bar\" x=\"{x}\" y=\"{}\" width=\"{bar_width}\" height=\"{votes}\"/>\
             <rect class=\"missed\" x=\"{x}\" y=\"{}\" width=\"{bar_width}\" height=\"{missed}\"/>",
            base - votes,
            base - votes - missed,
        );
        if i % label_every == 0 {
            let _ = writeln!(
                out,
                "<text x=\"{x}\" y=\"{}\">{}</text>",
                base + 20,
                &date(day.day)[5..]
            );
        }
    }
    out.push_str("</svg>\n<table><caption>Feedback per day (UTC)</caption>\n<thead><tr><th scope=\"col\">Day</th><th scope=\"col\" class=\"n\">Beacons</th><th scope=\"col\" class=\"n\">Votes</th><th scope=\"col\" class=\"n\">Missed searches</th></tr></thead><tbody>\n");
    for day in days {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            date(day.day),
            day.beacons,
            day.votes,
            day.missed
        );
    }
    out.push_str("</tbody></table></section>\n");
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;
