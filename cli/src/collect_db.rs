//! The feedback database: a SQLite file (WAL; the default) or a PostgreSQL database
//! (`collect_pg`), opened by `collect` (which writes) and `report` (which reads). One writer
//! thread owns the connection; each batch is one transaction, and the sender hears back only
//! after the commit, so the collector answers 2xx only for what is on disk.
//!
//! Tables: `batch` (one row per beacon: when it arrived, by the collector's clock, and its FAQ) and
//! `event` (its votes and missed searches). No address, no identifier, no header is stored.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::thread::JoinHandle;

use faq_widget::feedback::{Batch, Event};
use rusqlite::{params, Connection, OpenFlags};
use tokio::sync::oneshot;

pub use crate::collect_writer::{Writer, SCHEMA_VERSION};

/// Where the feedback is kept: `--db FILE` (SQLite) or `--db postgres://...`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Target {
    /// `--db`'s value: a `postgres://` (or `postgresql://`) URL, else a file's path.
    pub fn parse(text: &str) -> Result<Target, String> {
        if crate::collect_pg::is_url(text) {
            crate::collect_pg::check_url(text)?;
            Ok(Target::Postgres(text.to_owned()))
        } else if text.is_empty() {
            Err("--db takes a file or a postgres:// URL".into())
        } else {
            Ok(Target::Sqlite(PathBuf::from(text)))
        }
    }
}

/// The file, or the URL without its password.
impl std::fmt::Display for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Target::Sqlite(path) => write!(f, "{}", path.display()),
            Target::Postgres(url) => f.write_str(&crate::collect_pg::redacted(url)),
        }
    }
}

/// Opens the database at `target` for the writer thread, creating its tables if needed.
pub fn open_writer(target: &Target) -> Result<Box<dyn Writer>, String> {
    Ok(match target {
        Target::Sqlite(path) => Box::new(Database {
            conn: open_for_writing(path)?,
            identity: identity(path),
            path: path.clone(),
        }),
        Target::Postgres(url) => Box::new(crate::collect_pg::PgWriter::open(url)?),
    })
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS batch (
  id INTEGER PRIMARY KEY,
  received INTEGER NOT NULL, -- ms since the Unix epoch, the collector's clock
  faq TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS batch_received ON batch (received);
CREATE TABLE IF NOT EXISTS event (
  batch INTEGER NOT NULL REFERENCES batch (id),
  kind TEXT NOT NULL CHECK (kind IN ('vote', 'missed')),
  at INTEGER NOT NULL, -- ms since the Unix epoch, the visitor's clock
  question TEXT,       -- vote: the question's id
  helpful INTEGER,     -- vote: 1 yes, 0 no
  previous INTEGER,    -- vote: the vote it replaces (1, 0), or NULL
  query TEXT           -- missed: the redacted query
);
CREATE INDEX IF NOT EXISTS event_batch ON event (batch);
";

/// Batches waiting for the writer; past this the collector answers 503 (retry later).
pub const QUEUE: usize = 1024;

/// Opens (creating if needed) the database for writing: WAL, `synchronous=FULL` (a commit is on
/// disk before it is acknowledged, even through a power cut), the schema.
pub fn open_for_writing(path: &Path) -> Result<Connection, String> {
    let conn =
        Connection::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    let problem = |e: rusqlite::Error| format!("{}: {e}", path.display());
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .map_err(problem)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(format!(
            "{}: cannot switch to WAL (journal mode {mode})",
            path.display()
        ));
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;")
        .map_err(problem)?;
    check_version(&conn, path)?;
    conn.execute_batch(&format!(
        "BEGIN; {SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
    ))
    .map_err(problem)?;
    Ok(conn)
}

/// Opens an existing database read-only, for `report`.
pub fn open_for_reading(path: &Path) -> Result<Connection, String> {
    if !path.is_file() {
        return Err(format!("{}: no such database", path.display()));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    conn.busy_timeout(std::time::Duration::from_secs(5))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    check_version(&conn, path)?;
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('batch', 'event')",
            [],
            |row| row.get(0),
        )
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if tables != 2 {
        return Err(format!(
            "{}: not a feedback database (no batch and event tables)",
            path.display()
        ));
    }
    Ok(conn)
}

fn check_version(conn: &Connection, path: &Path) -> Result<(), String> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    if version > SCHEMA_VERSION {
        return Err(format!(
            "{}: written by a newer faq-widget (schema {version}); this one knows {SCHEMA_VERSION}",
            path.display()
        ));
    }
    Ok(())
}

/// Stores `batch` in one transaction.
pub fn insert(conn: &mut Connection, batch: &Batch, received_ms: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO batch (received, faq) VALUES (?1, ?2)",
        params![received_ms, batch.faq],
    )?;
    let id = tx.last_insert_rowid();
    {
        let mut vote = tx.prepare_cached(
            "INSERT INTO event (batch, kind, at, question, helpful, previous)
             VALUES (?1, 'vote', ?2, ?3, ?4, ?5)",
        )?;
        let mut missed = tx.prepare_cached(
            "INSERT INTO event (batch, kind, at, query) VALUES (?1, 'missed', ?2, ?3)",
        )?;
        for event in &batch.events {
            let at = i64::try_from(event.at()).unwrap_or(i64::MAX);
            match event {
                Event::Vote {
                    question,
                    helpful,
                    previous,
                    ..
                } => vote.execute(params![id, at, question, helpful, previous])?,
                Event::Missed { query, .. } => missed.execute(params![id, at, query])?,
            };
        }
    }
    tx.commit()
}

/// Why a batch was not stored.
#[derive(Debug)]
pub enum StoreError {
    /// The queue is full: try again soon.
    Busy,
    /// The database refused (disk full, I/O error ...), or the writer is gone.
    Failed(String),
}

struct Job {
    batch: Batch,
    received_ms: i64,
    done: oneshot::Sender<Result<(), String>>,
}

/// The handle to the writer thread; dropping every clone ends the thread once its queue is empty.
#[derive(Clone)]
pub struct Store {
    jobs: SyncSender<Job>,
    /// Why the last write failed, until one succeeds again (`GET` reports it).
    failing: std::sync::Arc<std::sync::Mutex<Option<String>>>,
}

impl Store {
    /// Starts the writer thread on `db` ([`open_writer`]).
    pub fn start(db: Box<dyn Writer>) -> Result<(Store, JoinHandle<()>), String> {
        let (jobs, queue) = sync_channel(QUEUE);
        let failing = std::sync::Arc::default();
        let writer_failing = std::sync::Arc::clone(&failing);
        let thread = std::thread::Builder::new()
            .name("feedback-writer".into())
            .spawn(move || write_all(db, queue, &writer_failing))
            .map_err(|e| format!("cannot start the writer thread: {e}"))?;
        Ok((Store { jobs, failing }, thread))
    }

    /// Why the last write failed, while no write has succeeded since.
    pub fn failing(&self) -> Option<String> {
        self.failing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Stores `batch`; returns once it is committed.
    pub async fn save(&self, batch: Batch, received_ms: i64) -> Result<(), StoreError> {
        let (done, committed) = oneshot::channel();
        let job = Job {
            batch,
            received_ms,
            done,
        };
        match self.jobs.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => return Err(StoreError::Busy),
            Err(TrySendError::Disconnected(_)) => {
                return Err(StoreError::Failed("the writer stopped".into()))
            }
        }
        match committed.await {
            Ok(result) => result.map_err(StoreError::Failed),
            Err(_) => Err(StoreError::Failed("the writer stopped".into())),
        }
    }
}

/// The writer's SQLite database: its connection, and which file it opened.
struct Database {
    path: PathBuf,
    identity: Option<(u64, u64)>,
    conn: Connection,
}

/// The file at `path` as (device, inode): a removed or replaced database is another file, or
/// none. Elsewhere than Unix, only whether there is a file.
fn identity(path: &Path) -> Option<(u64, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        meta.is_file().then_some((0, 0))
    }
}

impl Database {
    /// The connection to write with. A database file removed or replaced while the collector
    /// runs (issue 26: beacons went on being answered 204 into a deleted file) is noticed
    /// before each write (one `stat`): a new one is created at the path; while that fails (its
    /// folder is gone), the write fails with the reason. A file moved away keeps only what was
    /// checkpointed into it: SQLite will not write to a moved database, so the beacons still in
    /// its write-ahead log are lost (docs/feedback.md: rotate with the collector stopped).
    fn connection(&mut self) -> Result<&mut Connection, String> {
        let now = identity(&self.path);
        if now.is_none() || now != self.identity {
            // The old connection closes first: closing removes its write-ahead log and shared
            // memory files by their names, which a new database at the path would otherwise
            // take for its own.
            if self.identity.take().is_some() {
                let closed = Connection::open_in_memory().map_err(|e| e.to_string())?;
                drop(std::mem::replace(&mut self.conn, closed));
            }
            let conn = open_for_writing(&self.path).map_err(|e| {
                format!(
                    "the database {} was removed or replaced, and a new one cannot be made: {e}",
                    self.path.display()
                )
            })?;
            eprintln!(
                "faq-widget collect: the database {} was removed or replaced; storing in a new one there",
                self.path.display()
            );
            self.conn = conn;
            self.identity = identity(&self.path);
        }
        Ok(&mut self.conn)
    }
}

impl Writer for Database {
    fn insert(&mut self, batch: &Batch, received_ms: i64) -> Result<(), String> {
        self.connection()
            .and_then(|conn| insert(conn, batch, received_ms).map_err(|e| e.to_string()))
    }
}

fn write_all(
    mut db: Box<dyn Writer>,
    queue: Receiver<Job>,
    failing: &std::sync::Mutex<Option<String>>,
) {
    while let Ok(job) = queue.recv() {
        let result = db.insert(&job.batch, job.received_ms);
        if let Err(problem) = &result {
            eprintln!("faq-widget collect: a batch was not stored: {problem}");
        }
        *failing
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = result.clone().err();
        // The request may be gone (client left): the batch is stored all the same.
        let _ = job.done.send(result);
    }
}
