//! A `faq-widget collect` process on a loopback port the OS picks, and a minimal HTTP/1.1 client
//! (one request per connection), for the collector's tests.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_faq-widget");
pub const ORIGIN: &str = "https://www.example.org";
/// Every wait in these tests ends by this deadline.
pub const DEADLINE: Duration = Duration::from_secs(20);

/// A fresh directory under target/ for one test's database.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("collect-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub struct Collector {
    pub child: Child,
    pub port: u16,
}

impl Collector {
    /// Starts `faq-widget collect --db DB --allow-origin ORIGIN --port 0 EXTRA...` and waits for
    /// the line that gives its port.
    pub fn start(db: &Path, extra: &[&str]) -> Collector {
        Collector::start_with(db, extra, Stdio::inherit())
    }

    /// [`Collector::start`] with its standard error going to `stderr` (a file, to read its log).
    pub fn start_with(db: &Path, extra: &[&str], stderr: impl Into<Stdio>) -> Collector {
        Collector::spawn(Command::new(BIN), db, extra, stderr)
    }

    /// [`Collector::start`] under a limit of `files` open files (`ulimit -n` in a shell).
    pub fn start_with_file_limit(db: &Path, extra: &[&str], files: u32) -> Collector {
        let mut shell = Command::new("sh");
        shell
            .arg("-c")
            .arg(format!("ulimit -n {files} && exec \"$0\" \"$@\""))
            .arg(BIN);
        Collector::spawn(shell, db, extra, Stdio::inherit())
    }

    /// [`Collector::start_with`] with `SIGXFSZ` ignored (`trap '' XFSZ` in a shell, kept across
    /// `exec`): past a file-size limit ([`Collector::limit_file_size`]) its writes then fail
    /// with `EFBIG`, as on a full disk, instead of the signal ending the process.
    pub fn start_ignoring_file_size_signal(
        db: &Path,
        extra: &[&str],
        stderr: impl Into<Stdio>,
    ) -> Collector {
        let mut shell = Command::new("sh");
        shell
            .arg("-c")
            .arg("trap '' XFSZ && exec \"$0\" \"$@\"")
            .arg(BIN);
        Collector::spawn(shell, db, extra, stderr)
    }

    /// Sets the running collector's file-size limit (`prlimit`): `Some(bytes)` as its soft
    /// limit, `None` for no limit.
    pub fn limit_file_size(&self, bytes: Option<u64>) {
        let soft = bytes.map_or("unlimited".to_owned(), |b| b.to_string());
        let status = Command::new("prlimit")
            .arg("--pid")
            .arg(self.child.id().to_string())
            .arg(format!("--fsize={soft}:unlimited"))
            .status()
            .expect("prlimit runs");
        assert!(status.success(), "prlimit {soft}");
    }

    fn spawn(
        mut command: Command,
        db: &Path,
        extra: &[&str],
        stderr: impl Into<Stdio>,
    ) -> Collector {
        let mut child = command
            .arg("collect")
            .arg("--db")
            .arg(db)
            .args(["--allow-origin", ORIGIN, "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("faq-widget collect starts");
        let stdout = child.stdout.take().unwrap();
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = send.send(line);
        });
        let line = match receive.recv_timeout(DEADLINE) {
            Ok(line) => line,
            Err(_) => {
                let _ = child.kill();
                panic!("the collector did not start in time");
            }
        };
        let port = line
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no port in {line:?}"));
        Collector { child, port }
    }

    pub fn post(&self, body: &str) -> Reply {
        request(
            self.port,
            "POST",
            &[
                ("Origin", ORIGIN),
                ("Content-Type", "text/plain;charset=UTF-8"),
            ],
            body.as_bytes(),
        )
        .expect("the collector answers")
    }

    /// SIGKILL, then reap.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, then wait for the exit status (within the deadline).
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .expect("kill runs");
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(start.elapsed() < DEADLINE, "the collector did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        self.kill();
    }
}

#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    /// The header lines, lower case.
    pub headers: String,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<String> {
        let prefix = format!("{}:", name.to_ascii_lowercase());
        self.headers
            .lines()
            .find_map(|line| line.strip_prefix(&prefix).map(|v| v.trim().to_owned()))
    }
}

/// One request on its own connection (`Connection: close`); `Content-Length` is added unless
/// `headers` has a length or chunked encoding.
pub fn request(
    port: u16,
    method: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Reply> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(DEADLINE))?;
    stream.set_write_timeout(Some(DEADLINE))?;
    let mut head =
        format!("{method} / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n");
    let framed = headers.iter().any(|(name, _)| {
        name.eq_ignore_ascii_case("content-length")
            || name.eq_ignore_ascii_case("transfer-encoding")
    });
    if !framed {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut message = head.into_bytes();
    message.extend_from_slice(body);
    // The server may answer (413) and close before reading everything: a failed write is not
    // the end, the answer is read all the same.
    let _ = stream.write_all(&message);
    let mut raw = Vec::new();
    let read = stream.read_to_end(&mut raw);
    if raw.is_empty() {
        read?;
    }
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no HTTP answer: {text:?}")))?;
    Ok(Reply {
        status,
        headers: lines
            .map(|l| l.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join("\n"),
        body: body.to_owned(),
    })
}

/// A valid batch with one vote on `question`.
pub fn vote(question: &str) -> String {
    format!(
        r#"{{"v":1,"faq":"https://www.example.org/faq.json","events":[{{"type":"vote","question":"{question}","helpful":true,"at":1764450000000}}]}}"#
    )
}

/// The question ids of the votes stored in the database at `db`.
pub fn stored_questions(db: &std::path::Path) -> std::collections::BTreeSet<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut statement = conn
        .prepare("SELECT question FROM event WHERE kind = 'vote'")
        .unwrap();
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The one number `sql` selects from the database at `db`.
pub fn count(db: &std::path::Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}
/// Four threads posting one vote a beacon (on `t{thread}-{i}`) back to back, thread `t` to
/// `ports[t % ports.len()]`, until `stop` is set, the deadline passes or a collector is gone;
/// the questions answered 204 are pushed to `acknowledged`. For the kill-mid-load tests.
pub fn send_votes(
    ports: &[u16],
    acknowledged: &std::sync::Arc<std::sync::Mutex<Vec<String>>>,
    stop: &std::sync::Arc<std::sync::atomic::AtomicBool>,
) -> Vec<std::thread::JoinHandle<()>> {
    (0..4)
        .map(|thread| {
            let acknowledged = acknowledged.clone();
            let stop = stop.clone();
            let port = ports[thread % ports.len()];
            std::thread::spawn(move || {
                let start = Instant::now();
                for i in 0..5_000 {
                    if stop.load(std::sync::atomic::Ordering::Relaxed) || start.elapsed() > DEADLINE
                    {
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
        .collect()
}

/// Waits until `acknowledged` holds at least `count` beacons; fails with `why` past the deadline.
pub fn wait_acknowledged(acknowledged: &std::sync::Mutex<Vec<String>>, count: usize, why: &str) {
    let start = Instant::now();
    while acknowledged.lock().unwrap().len() < count {
        assert!(start.elapsed() < DEADLINE, "{why}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Every beacon answered 204 (`acknowledged`, by question) is among the `stored` ones.
pub fn expect_all_stored(acknowledged: &[String], stored: &std::collections::BTreeSet<String>) {
    let missing: Vec<_> = acknowledged
        .iter()
        .filter(|q| !stored.contains(*q))
        .collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged, missing {missing:?}",
        acknowledged.len()
    );
}

pub mod pg;
