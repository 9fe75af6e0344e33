//! Benchmark of `faq-widget collect` (not a test: it prints numbers), on SQLite and on PostgreSQL
//! side by side. For each database it starts the collector in this process on a loopback port
//! the OS picks, with a fresh database (a SQLite file; a throwaway PostgreSQL server, as the
//! tests start one), then keeps CONNECTIONS keep-alive clients posting beacons (3 events each)
//! back to back for SECONDS, and prints the sustained rate of acknowledged (204) beacons and the
//! latency percentiles. Both commit each beacon durably before answering (SQLite
//! `synchronous=FULL`, PostgreSQL `synchronous_commit=on`).
//!
//!     cargo run --profile bench -p faq-widget-cli --example collect_bench -- [SECONDS] [CONNECTIONS] [sqlite|postgres]
//!
//! Defaults: 10 seconds, 16 connections, both databases. The results are in BENCHMARKS.md
//! ("Feedback collector").

#[path = "../tests/support/pg.rs"]
mod pg;

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Sends each line the collector prints (its port first) to the benchmark's thread.
struct Lines(mpsc::Sender<String>, String);

impl Write for Lines {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.1.push_str(&String::from_utf8_lossy(bytes));
        while let Some(end) = self.1.find('\n') {
            let line: String = self.1.drain(..=end).collect();
            let _ = self.0.send(line);
        }
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn body(client: usize, n: u64) -> String {
    format!(
        r#"{{"v":1,"faq":"https://www.example.org/faq.json","events":[{{"type":"vote","question":"q{}","helpful":{},"at":1764450000000}},{{"type":"vote","question":"q{}","helpful":true,"at":1764450000001}},{{"type":"missed","query":"refund for order [number] {client}","at":1764450000002}}]}}"#,
        n % 40,
        n.is_multiple_of(3),
        (n + 7) % 40
    )
}

/// The status of one response; its body is read and dropped.
fn read_response(reader: &mut BufReader<TcpStream>) -> std::io::Result<u16> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0usize;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(status)
}

/// One database's run: (acknowledged latencies, refused, elapsed seconds, rows stored).
struct Run {
    latencies: Vec<Duration>,
    refused: u64,
    elapsed: f64,
    stored: i64,
}

/// Starts a collector on `db` in this process; its port.
fn start_collector(db: String) -> u16 {
    let (lines, printed) = mpsc::channel();
    std::thread::spawn(move || {
        let args: Vec<OsString> = [
            "collect",
            "--allow-origin",
            "https://www.example.org",
            "--port",
            "0",
            "--rate",
            "100000000",
            // Every beacon comes from loopback: one client, which the vote budget would stop
            // after 5 votes a question; the benchmark measures storing them all.
            "--votes-per-day",
            "100000000",
            "--db",
            &db,
        ]
        .iter()
        .map(OsString::from)
        .collect();
        let code = faq_widget_cli::run(
            &args,
            &mut std::io::empty(),
            &mut Lines(lines, String::new()),
            &mut std::io::stderr(),
        );
        eprintln!("the collector stopped ({code})");
        std::process::exit(1);
    });
    let line = printed
        .recv_timeout(Duration::from_secs(20))
        .expect("the collector starts");
    line.split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("a port")
}

/// CONNECTIONS clients posting to `port` until `seconds` have passed.
fn load(port: u16, seconds: u64, connections: usize) -> (Vec<Duration>, u64, f64) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let clients: Vec<_> = (0..connections)
        .map(|client| {
            std::thread::spawn(move || {
                let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
                stream.set_nodelay(true).ok();
                let mut writer = stream.try_clone().expect("clone");
                let mut reader = BufReader::new(stream);
                let mut latencies = Vec::new();
                let mut refused = 0u64;
                let mut n = 0u64;
                while Instant::now() < deadline {
                    let body = body(client, n);
                    n += 1;
                    let request = format!(
                        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://www.example.org\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    let start = Instant::now();
                    writer.write_all(request.as_bytes()).expect("send");
                    match read_response(&mut reader).expect("an answer") {
                        204 => latencies.push(start.elapsed()),
                        _ => refused += 1,
                    }
                }
                (latencies, refused)
            })
        })
        .collect();
    let started = Instant::now();
    let mut latencies = Vec::new();
    let mut refused = 0;
    for client in clients {
        let (mine, theirs) = client.join().expect("a client");
        latencies.extend(mine);
        refused += theirs;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    (latencies, refused, elapsed)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let numbers: Vec<u64> = args.iter().filter_map(|a| a.parse().ok()).collect();
    let seconds = numbers.first().copied().unwrap_or(10);
    let connections = numbers.get(1).copied().unwrap_or(16) as usize;
    let only = args.iter().find(|a| a.parse::<u64>().is_err()).cloned();
    let dir = std::env::temp_dir().join(format!("faq-widget-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    println!("{connections} keep-alive connections for {seconds} s per database");

    let mut rows = Vec::new();
    if only.as_deref().is_none_or(|o| o == "sqlite") {
        let file = dir.join("feedback.sqlite");
        let port = start_collector(file.to_string_lossy().into_owned());
        let (latencies, refused, elapsed) = load(port, seconds, connections);
        let stored: i64 = rusqlite::Connection::open(&file)
            .and_then(|c| c.query_row("SELECT count(*) FROM batch", [], |r| r.get(0)))
            .expect("the database");
        rows.push((
            "SQLite",
            Run {
                latencies,
                refused,
                elapsed,
                stored,
            },
        ));
    }
    // Kept until the end: dropping it stops the server.
    let mut server = None;
    if only.as_deref().is_none_or(|o| o == "postgres") {
        let postgres = server.insert(pg::Postgres::start("bench"));
        let url = postgres.create("feedback");
        let port = start_collector(url);
        let (latencies, refused, elapsed) = load(port, seconds, connections);
        let stored: i64 = postgres
            .client("feedback")
            .query_one("SELECT count(*) FROM batch", &[])
            .expect("the database")
            .get(0);
        rows.push((
            "PostgreSQL",
            Run {
                latencies,
                refused,
                elapsed,
                stored,
            },
        ));
    }

    println!(
        "database     beacons/s   p50 ms   p90 ms   p99 ms   max ms  refused  acknowledged  stored"
    );
    for (name, run) in &rows {
        assert!(
            !run.latencies.is_empty(),
            "{name}: no beacon was acknowledged"
        );
        let at = |q: f64| {
            let index = ((run.latencies.len() as f64 * q).ceil() as usize)
                .clamp(1, run.latencies.len())
                - 1;
            run.latencies[index].as_secs_f64() * 1000.0
        };
        println!(
            "{name:<12} {:>9.0} {:>8.2} {:>8.2} {:>8.2} {:>8.2} {:>8} {:>13} {:>7}",
            run.latencies.len() as f64 / run.elapsed,
            at(0.50),
            at(0.90),
            at(0.99),
            at(1.0),
            run.refused,
            run.latencies.len(),
            run.stored
        );
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    std::process::exit(0);
}
