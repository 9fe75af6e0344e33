//! Benchmark of `faq-widget collect` (not a test: it prints numbers). Starts the collector in this
//! process on a loopback port the OS picks, with a fresh database, then keeps CONNECTIONS
//! keep-alive clients posting beacons (3 events each) back to back for SECONDS, and prints the
//! sustained rate of acknowledged (204) beacons and the latency percentiles.
//!
//!     cargo run --profile bench -p faq-widget-cli --example collect_bench -- [SECONDS] [CONNECTIONS]
//!
//! Defaults: 10 seconds, 16 connections. The results are in BENCHMARKS.md ("Feedback collector").

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

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let seconds = args.first().copied().unwrap_or(10);
    let connections = args.get(1).copied().unwrap_or(16) as usize;
    let dir = std::env::temp_dir().join(format!("faq-widget-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let db = dir.join("feedback.sqlite");

    let (lines, printed) = mpsc::channel();
    let server_db = db.clone();
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
        ]
        .iter()
        .map(OsString::from)
        .chain([server_db.into_os_string()])
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
    let port: u16 = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .expect("a port");

    println!("collector on port {port}; {connections} keep-alive connections for {seconds} s");
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
    let at = |q: f64| {
        let index = ((latencies.len() as f64 * q).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[index].as_secs_f64() * 1000.0
    };
    assert!(!latencies.is_empty(), "no beacon was acknowledged");
    let stored: i64 = rusqlite::Connection::open(&db)
        .and_then(|c| c.query_row("SELECT count(*) FROM batch", [], |r| r.get(0)))
        .expect("the database");
    println!(
        "acknowledged {} beacons ({} events) in {elapsed:.1} s: {:.0} beacons/s; {refused} refused; {stored} in the database",
        latencies.len(),
        latencies.len() * 3,
        latencies.len() as f64 / elapsed
    );
    println!(
        "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
        at(0.50),
        at(0.90),
        at(0.99),
        at(1.0)
    );
    let _ = std::fs::remove_dir_all(&dir);
    std::process::exit(0);
}
