//! A throwaway PostgreSQL server for one test: `initdb` into a fresh folder, `pg_ctl start` on a
//! free loopback port (and a socket in that folder), trust authentication for the user `faq`;
//! stopped and removed when dropped. Debian's `postgresql` package provides the programs
//! (`scripts/test.sh` installs it); as root they run as its `postgres` user, as PostgreSQL
//! requires. Also the collector's benchmark's (`cli/examples/collect_bench.rs`).
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Every wait for the server ends by this deadline.
const DEADLINE: Duration = Duration::from_secs(30);

pub struct Postgres {
    dir: PathBuf,
    bin: PathBuf,
    pub port: u16,
}

/// The folder of `initdb` and `pg_ctl`: on PATH, else Debian's newest
/// `/usr/lib/postgresql/VERSION/bin`.
fn bin_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .find(|dir| dir.join("pg_ctl").is_file() && dir.join("initdb").is_file())
    }) {
        return dir;
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("PostgreSQL is installed (Debian: apt-get install postgresql)")
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            Some((version, entry.path().join("bin")))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .expect("a PostgreSQL version in /usr/lib/postgresql")
        .1
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
}

impl Postgres {
    /// Starts a new server; panics with its log if it does not come up in time.
    pub fn start(name: &str) -> Postgres {
        // Under the system's temporary folder: the postgres user must reach it.
        let dir = std::env::temp_dir().join(format!("faq-widget-pg-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let server = Postgres {
            bin: bin_dir(),
            dir,
            port,
        };
        if is_root() {
            let status = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&server.dir)
                .status()
                .expect("chown runs");
            assert!(status.success());
        }
        let init = server.run(
            "initdb",
            &[
                "-D".as_ref(),
                server.data().as_os_str(),
                "-U".as_ref(),
                "faq".as_ref(),
                "-A".as_ref(),
                "trust".as_ref(),
                "-E".as_ref(),
                "UTF8".as_ref(),
                "--locale=C".as_ref(),
                "--no-sync".as_ref(),
            ],
        );
        assert!(
            init.status.success(),
            "initdb: {}",
            String::from_utf8_lossy(&init.stderr)
        );
        server.pg_ctl_start();
        server
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// Runs one of PostgreSQL's programs, as the postgres user when this is root.
    fn run(&self, program: &str, args: &[&std::ffi::OsStr]) -> Output {
        let path = self.bin.join(program);
        let mut command = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(path);
            c
        } else {
            Command::new(path)
        };
        command
            .args(args)
            .current_dir(&self.dir)
            .output()
            .expect("PostgreSQL's programs run")
    }

    fn pg_ctl_start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c max_connections=50",
            self.port,
            self.dir.display()
        );
        let log = self.dir.join("server.log");
        let started = self.run(
            "pg_ctl",
            &[
                "start".as_ref(),
                "-w".as_ref(),
                "-t".as_ref(),
                "30".as_ref(),
                "-D".as_ref(),
                self.data().as_os_str(),
                "-l".as_ref(),
                log.as_os_str(),
                "-o".as_ref(),
                options.as_ref(),
            ],
        );
        assert!(
            started.status.success(),
            "pg_ctl start: {}{}",
            String::from_utf8_lossy(&started.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        let start = Instant::now();
        while postgres::Client::connect(&self.url("postgres"), postgres::NoTls).is_err() {
            assert!(
                start.elapsed() < DEADLINE,
                "PostgreSQL did not accept connections"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server (`fast`: connections are closed, as in a restart).
    pub fn stop(&self) {
        let _ = self.run(
            "pg_ctl",
            &[
                "stop".as_ref(),
                "-w".as_ref(),
                "-m".as_ref(),
                "fast".as_ref(),
                "-D".as_ref(),
                self.data().as_os_str(),
            ],
        );
    }

    /// Starts it again after [`Postgres::stop`], on the same port.
    pub fn restart(&self) {
        self.pg_ctl_start();
    }

    /// `postgres://faq@127.0.0.1:PORT/DB`.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://faq@127.0.0.1:{}/{db}", self.port)
    }

    /// Creates the database `name`; its URL.
    pub fn create(&self, name: &str) -> String {
        let mut client = postgres::Client::connect(&self.url("postgres"), postgres::NoTls).unwrap();
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        self.url(name)
    }

    pub fn client(&self, db: &str) -> postgres::Client {
        postgres::Client::connect(&self.url(db), postgres::NoTls).unwrap()
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = self.run(
            "pg_ctl",
            &[
                "stop".as_ref(),
                "-w".as_ref(),
                "-m".as_ref(),
                "immediate".as_ref(),
                "-D".as_ref(),
                self.data().as_os_str(),
            ],
        );
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
