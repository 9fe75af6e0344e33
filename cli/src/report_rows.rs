//! What `report` reads from the feedback database, as plain rows: the same four queries on
//! SQLite and on PostgreSQL (their SQL is written once, in the dialect both speak), so both
//! report alike. `report` does the rest (net votes, order, empty days) in Rust.

use std::cell::RefCell;

use rusqlite::{named_params, Connection};

/// Events received on one day (UTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Day {
    /// Days since the Unix epoch.
    pub day: i64,
    pub beacons: u64,
    pub votes: u64,
    pub missed: u64,
}

/// Per FAQ and question: votes yes and no, votes taken back (their `previous`), all votes.
pub struct VoteRow {
    pub faq: String,
    pub question: String,
    pub yes: i64,
    pub no: i64,
    pub was_yes: i64,
    pub was_no: i64,
    pub count: i64,
}

/// The rows of the period from `from` (ms since the epoch, the collector's clock).
pub trait Rows {
    /// Beacons, the first one's time, and how many FAQs sent them.
    fn totals(&self, from: i64) -> Result<(u64, Option<i64>, u64), String>;
    fn votes(&self, from: i64) -> Result<Vec<VoteRow>, String>;
    /// Each missed query and how often, in no particular order.
    fn missed(&self, from: i64) -> Result<Vec<(String, u64)>, String>;
    /// Beacons, votes and missed searches per day (`day_ms` long), in order; days without
    /// beacons are not there.
    fn days(&self, from: i64, day_ms: i64) -> Result<Vec<Day>, String>;
}

const TOTALS: &str =
    "SELECT count(*), min(received), count(DISTINCT faq) FROM batch WHERE received >= $1";
const VOTES: &str = "SELECT b.faq, e.question,
        count(*) FILTER (WHERE e.helpful = 1), count(*) FILTER (WHERE e.helpful = 0),
        count(*) FILTER (WHERE e.previous = 1), count(*) FILTER (WHERE e.previous = 0),
        count(*)
    FROM event e JOIN batch b ON b.id = e.batch
    WHERE e.kind = 'vote' AND b.received >= $1
    GROUP BY b.faq, e.question";
const MISSED: &str = "SELECT e.query, count(*) FROM event e JOIN batch b ON b.id = e.batch
    WHERE e.kind = 'missed' AND b.received >= $1 GROUP BY e.query";
const DAYS: &str = "SELECT b.received / $2 AS day, count(DISTINCT b.id),
        count(e.batch) FILTER (WHERE e.kind = 'vote'),
        count(e.batch) FILTER (WHERE e.kind = 'missed')
    FROM batch b LEFT JOIN event e ON e.batch = b.id
    WHERE b.received >= $1 GROUP BY day ORDER BY day";

fn unsigned(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn sqlite_error(e: rusqlite::Error) -> String {
    format!("cannot read the database: {e}")
}

/// SQLite takes `$1` as a parameter named "$1" (numbered in order of appearance, so they are
/// bound by name).
impl Rows for Connection {
    fn totals(&self, from: i64) -> Result<(u64, Option<i64>, u64), String> {
        self.query_row(TOTALS, named_params! { "$1": from }, |row| {
            Ok((unsigned(row.get(0)?), row.get(1)?, unsigned(row.get(2)?)))
        })
        .map_err(sqlite_error)
    }

    fn votes(&self, from: i64) -> Result<Vec<VoteRow>, String> {
        let mut statement = self.prepare(VOTES).map_err(sqlite_error)?;
        let rows = statement
            .query_map(named_params! { "$1": from }, |row| {
                Ok(VoteRow {
                    faq: row.get(0)?,
                    question: row.get(1)?,
                    yes: row.get(2)?,
                    no: row.get(3)?,
                    was_yes: row.get(4)?,
                    was_no: row.get(5)?,
                    count: row.get(6)?,
                })
            })
            .map_err(sqlite_error)?;
        rows.collect::<Result<_, _>>().map_err(sqlite_error)
    }

    fn missed(&self, from: i64) -> Result<Vec<(String, u64)>, String> {
        let mut statement = self.prepare(MISSED).map_err(sqlite_error)?;
        let rows = statement
            .query_map(named_params! { "$1": from }, |row| {
                Ok((row.get(0)?, unsigned(row.get(1)?)))
            })
            .map_err(sqlite_error)?;
        rows.collect::<Result<_, _>>().map_err(sqlite_error)
    }

    fn days(&self, from: i64, day_ms: i64) -> Result<Vec<Day>, String> {
        let mut statement = self.prepare(DAYS).map_err(sqlite_error)?;
        let rows = statement
            .query_map(named_params! { "$1": from, "$2": day_ms }, |row| {
                Ok(Day {
                    day: row.get(0)?,
                    beacons: unsigned(row.get(1)?),
                    votes: unsigned(row.get(2)?),
                    missed: unsigned(row.get(3)?),
                })
            })
            .map_err(sqlite_error)?;
        rows.collect::<Result<_, _>>().map_err(sqlite_error)
    }
}

/// A PostgreSQL connection for reading (`collect_pg::open_for_reading`).
pub struct PgRows(pub RefCell<postgres::Client>);

fn pg_error(e: postgres::Error) -> String {
    format!("cannot read the database: {e}")
}

impl PgRows {
    fn query(
        &self,
        sql: &str,
        params: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Vec<postgres::Row>, String> {
        self.0.borrow_mut().query(sql, params).map_err(pg_error)
    }
}

impl Rows for PgRows {
    fn totals(&self, from: i64) -> Result<(u64, Option<i64>, u64), String> {
        let rows = self.query(TOTALS, &[&from])?;
        let row = rows.first().ok_or("cannot read the database: no totals")?;
        Ok((unsigned(row.get(0)), row.get(1), unsigned(row.get(2))))
    }

    fn votes(&self, from: i64) -> Result<Vec<VoteRow>, String> {
        Ok(self
            .query(VOTES, &[&from])?
            .iter()
            .map(|row| VoteRow {
                faq: row.get(0),
                question: row.get(1),
                yes: row.get(2),
                no: row.get(3),
                was_yes: row.get(4),
                was_no: row.get(5),
                count: row.get(6),
            })
            .collect())
    }

    fn missed(&self, from: i64) -> Result<Vec<(String, u64)>, String> {
        Ok(self
            .query(MISSED, &[&from])?
            .iter()
            .map(|row| (row.get(0), unsigned(row.get(1))))
            .collect())
    }

    fn days(&self, from: i64, day_ms: i64) -> Result<Vec<Day>, String> {
        Ok(self
            .query(DAYS, &[&from, &day_ms])?
            .iter()
            .map(|row| Day {
                day: row.get(0),
                beacons: unsigned(row.get(1)),
                votes: unsigned(row.get(2)),
                missed: unsigned(row.get(3)),
            })
            .collect())
    }
}
