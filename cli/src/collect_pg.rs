//! The feedback database on PostgreSQL (`--db postgres://...`, issue 26): the tables of the
//! SQLite default (`collect_db`), so several collectors, on one machine or many, can share one
//! database and one `report` reads it. The guarantees are the same: one transaction per beacon,
//! answered 2xx only after its commit (PostgreSQL's default `synchronous_commit = on`: on disk,
//! through a crash of either process); a failed write is logged and answered 500, `GET` says
//! unhealthy, and a connection the server closed (a restart, a failover) is opened again before
//! the next write.
//!
//! Plain connections only (no TLS in this build): a database on the same machine or on a
//! private network, or reached through a tunnel. The password, if the URL has one, is never
//! printed.

use faq_widget::feedback::{Batch, Event};
use postgres::{Client, NoTls, Statement};

use crate::collect_writer::{Writer, SCHEMA_VERSION};

/// `batch` and `event` as SQLite has them (INTEGER as BIGINT, the booleans as 1 and 0), and
/// the schema's version (SQLite keeps it in `user_version`).
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS batch (
  id BIGSERIAL PRIMARY KEY,
  received BIGINT NOT NULL, -- ms since the Unix epoch, the collector's clock
  faq TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS batch_received ON batch (received);
CREATE TABLE IF NOT EXISTS event (
  batch BIGINT NOT NULL REFERENCES batch (id),
  kind TEXT NOT NULL CHECK (kind IN ('vote', 'missed')),
  at BIGINT NOT NULL,  -- ms since the Unix epoch, the visitor's clock
  question TEXT,       -- vote: the question's id
  helpful SMALLINT,    -- vote: 1 yes, 0 no
  previous SMALLINT,   -- vote: the vote it replaces (1, 0), or NULL
  query TEXT           -- missed: the redacted query
);
CREATE INDEX IF NOT EXISTS event_batch ON event (batch);
CREATE TABLE IF NOT EXISTS faq_widget_schema (version INTEGER NOT NULL);
";

/// The advisory lock two collectors starting at once take around the schema's creation
/// (`CREATE TABLE IF NOT EXISTS` is not safe against a concurrent one in PostgreSQL).
const SCHEMA_LOCK: i64 = 0x0066_6171_5f77_6964;

/// Whether `--db` names a PostgreSQL database rather than a SQLite file.
pub fn is_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

/// Checks a `postgres://` URL's syntax (the connection is tried when the command starts).
pub fn check_url(url: &str) -> Result<(), String> {
    url.parse::<postgres::Config>()
        .map(drop)
        .map_err(|e| format!("{}: {e}", redacted(url)))
}

/// The URL with its password, if any, replaced by `***`: what the log and messages show.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rsplit_once('@') {
        Some((user_info, host)) => match user_info.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{}", &rest[authority_end..]),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

fn connect(url: &str) -> Result<Client, String> {
    Client::connect(url, NoTls).map_err(|e| format!("cannot connect to {}: {e}", redacted(url)))
}

/// Connects, and creates the tables if they are not there yet (under [`SCHEMA_LOCK`]).
fn open_for_writing(url: &str) -> Result<Client, String> {
    let mut client = connect(url)?;
    let problem = |e: postgres::Error| format!("{}: {e}", redacted(url));
    let mut tx = client.transaction().map_err(problem)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])
        .map_err(problem)?;
    tx.batch_execute(SCHEMA).map_err(problem)?;
    let version: Option<i32> = tx
        .query_one("SELECT max(version) FROM faq_widget_schema", &[])
        .map_err(problem)?
        .get(0);
    match version {
        Some(version) if i64::from(version) > SCHEMA_VERSION => {
            return Err(format!(
            "{}: written by a newer faq-widget (schema {version}); this one knows {SCHEMA_VERSION}",
            redacted(url)
        ))
        }
        Some(_) => {}
        None => {
            let ours = i32::try_from(SCHEMA_VERSION).unwrap_or(i32::MAX);
            tx.execute("INSERT INTO faq_widget_schema VALUES ($1)", &[&ours])
                .map_err(problem)?;
        }
    }
    tx.commit().map_err(problem)?;
    Ok(client)
}

/// A batch and its events in one statement, so one round trip (and one commit: a single
/// statement is its own transaction). Measured against a transaction of one statement per row
/// (BEGIN, the batch, each event, COMMIT: 6 round trips for a beacon of 3 events): see
/// BENCHMARKS.md "Feedback collector".
const INSERT: &str = "WITH b AS (INSERT INTO batch (received, faq) VALUES ($1, $2) RETURNING id)
INSERT INTO event (batch, kind, at, question, helpful, previous, query)
SELECT b.id, e.kind, e.at, e.question, e.helpful, e.previous, e.query
FROM b, unnest($3::text[], $4::bigint[], $5::text[], $6::smallint[], $7::smallint[], $8::text[])
  AS e (kind, at, question, helpful, previous, query)";

/// An open connection and its prepared insert.
struct Open {
    client: Client,
    insert: Statement,
}

impl Open {
    fn new(url: &str) -> Result<Open, String> {
        let mut client = open_for_writing(url)?;
        let insert = client
            .prepare(INSERT)
            .map_err(|e| format!("{}: {e}", redacted(url)))?;
        Ok(Open { client, insert })
    }

    /// Stores `batch` (one statement: one transaction).
    fn insert(&mut self, batch: &Batch, received_ms: i64) -> Result<(), postgres::Error> {
        let n = batch.events.len();
        let mut kind = Vec::with_capacity(n);
        let mut at = Vec::with_capacity(n);
        let mut question: Vec<Option<&str>> = Vec::with_capacity(n);
        let mut helpful: Vec<Option<i16>> = Vec::with_capacity(n);
        let mut previous: Vec<Option<i16>> = Vec::with_capacity(n);
        let mut query: Vec<Option<&str>> = Vec::with_capacity(n);
        for event in &batch.events {
            at.push(i64::try_from(event.at()).unwrap_or(i64::MAX));
            match event {
                Event::Vote {
                    question: id,
                    helpful: yes,
                    previous: was,
                    ..
                } => {
                    kind.push("vote");
                    question.push(Some(id.as_str()));
                    helpful.push(Some(i16::from(*yes)));
                    previous.push(was.map(i16::from));
                    query.push(None);
                }
                Event::Missed { query: text, .. } => {
                    kind.push("missed");
                    question.push(None);
                    helpful.push(None);
                    previous.push(None);
                    query.push(Some(text.as_str()));
                }
            }
        }
        self.client.execute(
            &self.insert,
            &[
                &received_ms,
                &batch.faq,
                &kind,
                &at,
                &question,
                &helpful,
                &previous,
                &query,
            ],
        )?;
        Ok(())
    }
}

/// The writer thread's PostgreSQL database.
pub struct PgWriter {
    url: String,
    open: Option<Open>,
}

impl PgWriter {
    /// Connects and creates the tables: the collector does not start without its database.
    pub fn open(url: &str) -> Result<PgWriter, String> {
        Ok(PgWriter {
            open: Some(Open::new(url)?),
            url: url.to_owned(),
        })
    }
}

impl Writer for PgWriter {
    fn insert(&mut self, batch: &Batch, received_ms: i64) -> Result<(), String> {
        if self
            .open
            .as_ref()
            .is_none_or(|open| open.client.is_closed())
        {
            self.open = None;
            self.open = Some(Open::new(&self.url).map_err(|e| {
                format!("the connection to the database was lost, and opening it again failed: {e}")
            })?);
        }
        let Some(open) = self.open.as_mut() else {
            return Err("no connection".into());
        };
        let result = open.insert(batch, received_ms).map_err(|e| e.to_string());
        // A closed connection is opened again before the next write.
        if open.client.is_closed() {
            self.open = None;
        }
        result
    }
}

/// A connection for `report`: it reads, after checking that the tables are there.
pub fn open_for_reading(url: &str) -> Result<Client, String> {
    let mut client = connect(url)?;
    let problem = |e: postgres::Error| format!("{}: {e}", redacted(url));
    let tables: i64 = client
        .query_one(
            "SELECT count(*) FROM information_schema.tables
             WHERE table_schema = current_schema() AND table_name IN ('batch', 'event')",
            &[],
        )
        .map_err(problem)?
        .get(0);
    if tables != 2 {
        return Err(format!(
            "{}: not a feedback database (no batch and event tables)",
            redacted(url)
        ));
    }
    Ok(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_is_never_shown() {
        assert_eq!(
            redacted("postgres://faq:s3cret@db.internal:5432/feedback?sslmode=disable"),
            "postgres://faq:***@db.internal:5432/feedback?sslmode=disable"
        );
        assert_eq!(
            redacted("postgresql://faq@127.0.0.1/feedback"),
            "postgresql://faq@127.0.0.1/feedback"
        );
        assert_eq!(redacted("postgres://db/x"), "postgres://db/x");
        // An @ in the password: the last @ before the host ends the user information.
        assert_eq!(redacted("postgres://u:p@ss@h/d"), "postgres://u:***@h/d");
        assert!(is_url("postgres://h/d") && is_url("postgresql://h/d"));
        assert!(!is_url("feedback.sqlite") && !is_url("./postgres://x"));
        assert!(check_url("postgres://faq@127.0.0.1:5/feedback").is_ok());
        assert!(check_url("postgres://faq@127.0.0.1:notaport/feedback").is_err());
    }
}
