//! The tool's arguments, read by clap (derive): every command, option and default in one place,
//! with `--help` for the tool and for each command, and shell completions
//! (`faq-widget completions bash`). [`crate::run`] turns clap's errors into the tool's exit
//! statuses and messages (`faq-widget COMMAND: problem`, then the usage).

use std::ffi::OsString;
use std::net::IpAddr;
use std::path::PathBuf;

use clap::builder::NonEmptyStringValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::collect_db::Target;

/// Each command's usage line, in the tool's own help: the overview a reader scans first.
const USAGE: &str = "\
faq-widget check [--format human|json] [--translations] FILE...
       faq-widget schema
       faq-widget render [--json-ld] FILE
       faq-widget render --prerender BASE [--src URL] [--json-ld] FILE
       faq-widget collect --db FILE|URL --allow-origin ORIGIN [--faq FILE]... [--port 8787] [--bind ADDR]
                          [--rate 60] [--votes-per-day 5] [--behind-proxy]
       faq-widget report --db FILE|URL [--since 30d] [--html FILE]
       faq-widget completions bash|zsh|fish|elvish|powershell
       faq-widget help [COMMAND] | --help | --version";

const REPORT_ABOUT: &str = "\
Summarises the feedback that `faq-widget collect` stored in FILE: helpfulness per question
(worst first), the most frequent searches that found nothing, and beacons per day.";

const EXIT_STATUS: &str =
    "Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O problem.";

/// faq-widget: check, describe and pre-render faq.json files for the faq-widget FAQ widget;
/// collect and report its visitors' feedback.
#[derive(Parser, Debug)]
#[command(
    name = "faq-widget",
    version,
    override_usage = USAGE,
    after_help = EXIT_STATUS,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Report every problem of each FILE as FILE:LINE:COLUMN: error|warning: message, with a hint.
    Check(CheckArgs),
    /// Print the JSON Schema (draft 2020-12) of faq.json.
    Schema,
    /// Print the FAQ as static HTML (<details>, no script needed), or the widget pre-rendered.
    Render(RenderArgs),
    /// Receive the widget's feedback beacons into a SQLite database.
    #[command(long_about = COLLECT_ABOUT)]
    Collect(CollectArgs),
    /// Summarise the feedback: helpfulness per question, missed searches, volume per day.
    #[command(long_about = REPORT_ABOUT)]
    Report(ReportArgs),
    /// Print a completion script for SHELL (for example `faq-widget completions bash >
    /// ~/.local/share/bash-completion/completions/faq-widget`).
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
}

/// How `check` reports.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// FILE:LINE:COLUMN: lines, as compilers print them.
    Human,
    /// One JSON document: totals, then each file's problems.
    Json,
}

#[derive(Args, Debug)]
#[command(override_usage = "faq-widget check [--format human|json] [--translations] FILE...")]
pub struct CheckArgs {
    /// How to report the problems.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// The FILEs are one FAQ in several languages (the first is the reference): the same
    /// question ids, one file per language.
    #[arg(long)]
    pub translations: bool,
    /// faq.json files; - reads standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<OsString>,
}

#[derive(Args, Debug)]
#[command(
    override_usage = "faq-widget render [--json-ld] FILE\n       \
                      faq-widget render --prerender BASE [--src URL] [--langs CODES] [--json-ld] FILE",
    after_help = "With --prerender: every question shows before the wasm arrives and with \
                  scripts off, and the widget takes the copy over (docs/authoring.md). A FAQ in \
                  several languages: one page per language, each rendered from its own file \
                  with the same --langs (docs/authoring.md \"Several languages\")."
)]
pub struct RenderArgs {
    /// Print the widget itself, pre-rendered (a <faq-widget> with a declarative shadow root,
    /// then the embed script). BASE is where dist/ is served (embed.js, the CSS).
    #[arg(long, value_name = "BASE", value_parser = NonEmptyStringValueParser::new())]
    pub prerender: Option<String>,
    /// Where the pre-rendered widget fetches the FAQ (default BASE/faq.json).
    #[arg(long, value_name = "URL", requires = "prerender", value_parser = NonEmptyStringValueParser::new())]
    pub src: Option<String>,
    /// The FAQ's languages, when it has a file per language (codes, comma-separated): the copy
    /// carries the widget's language switch, FILE's language pressed, and --src has {lang} for
    /// the code (default BASE/faq.{lang}.json).
    #[arg(long, value_name = "CODES", requires = "prerender", value_delimiter = ',',
          value_parser = NonEmptyStringValueParser::new())]
    pub langs: Vec<String>,
    /// Follow it with schema.org FAQPage JSON-LD in a <script type="application/ld+json">.
    #[arg(long)]
    pub json_ld: bool,
    /// The faq.json file; - reads standard input.
    #[arg(value_name = "FILE")]
    pub file: OsString,
}

#[derive(Args, Debug)]
#[command(
    override_usage = "\
faq-widget collect --db FILE|URL --allow-origin ORIGIN... [--faq FILE]... [--port 8787]
                          [--bind 127.0.0.1] [--rate 60] [--votes-per-day 5] [--behind-proxy]
                          [--max-connections 256] [--idle-timeout 30] [--max-connection-age 300]",
    after_help = COLLECT_MORE
)]
pub struct CollectArgs {
    /// The SQLite database (created if needed), or a PostgreSQL database as
    /// postgres://USER[:PASSWORD]@HOST[:PORT]/NAME (its tables created if needed).
    #[arg(long, value_name = "FILE|URL", value_parser = Target::parse)]
    pub db: Target,
    /// A site whose pages may send beacons, as scheme://host[:port] (repeat it, or separate
    /// origins with commas). Other origins get 403.
    #[arg(long = "allow-origin", value_name = "URL", required = true, value_delimiter = ',',
          value_parser = parse_origin)]
    pub origins: Vec<String>,
    /// A faq.json the site serves (repeat it for several): votes for question ids none of them
    /// has are dropped, not stored; each file is read again when it changes. Without --faq
    /// every id is stored.
    #[arg(long = "faq", value_name = "FILE")]
    pub faqs: Vec<PathBuf>,
    /// The TCP port (0 picks a free one).
    #[arg(long, value_name = "N", default_value_t = 8787)]
    pub port: u16,
    /// The address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Beacons per minute per client, with bursts of N.
    #[arg(long, value_name = "N", default_value_t = 60,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub rate: u32,
    /// Votes per client per question per UTC day; past it, that client's votes on that question
    /// are dropped until the next day.
    #[arg(long, value_name = "N", default_value_t = 5,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub votes_per_day: u32,
    /// The client is the last address in X-Forwarded-For (set by your proxy).
    #[arg(long)]
    pub behind_proxy: bool,
    /// Connections open at once; past it new ones wait, queued by the system. Keep it under the
    /// open-file limit (ulimit -n) less about 20.
    #[arg(long, value_name = "N", default_value_t = 256,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: u64,
    /// A connection with no byte either way for S seconds is closed.
    #[arg(long, value_name = "S", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout: u64,
    /// Any connection is closed after S seconds.
    #[arg(long, value_name = "S", default_value_t = 300,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connection_age: u64,
}

#[derive(Args, Debug)]
#[command(override_usage = "faq-widget report --db FILE|URL [--since 30d] [--html FILE]")]
pub struct ReportArgs {
    /// The SQLite database, or the PostgreSQL database's postgres:// URL.
    #[arg(long, value_name = "FILE|URL", value_parser = Target::parse)]
    pub db: Target,
    /// The period, back from now: 30d, 12h, 52w, or all.
    #[arg(long, value_name = "SPAN", default_value = "30d", value_parser = span)]
    pub since: Span,
    /// Also write the report as one HTML page with charts (no script, no network).
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
}

/// `collect --help`, before the options.
pub const COLLECT_ABOUT: &str = "\
Receives the widget's feedback beacons (data-report=\"https://...\" on the script tag) and stores
them in the SQLite database FILE (created if needed; WAL; one transaction per beacon, answered
204 only after the commit), or in a PostgreSQL database. Read them with `faq-widget report`.";

/// `collect --help`, after the options.
pub const COLLECT_MORE: &str = "\
Limits: bodies up to 32 KiB arriving within 10 s, 20 events a beacon, queries of 200 characters
(feedback.schema.json).
Bad input gets a 4xx status and a one-line reason. No IP address is ever stored: the rate limit
keeps, in memory only, a keyed hash of each client's address (IPv6: its /64), forgotten once its
allowance has refilled.

Behind a reverse proxy (nginx, Caddy, a load balancer) that terminates TLS: keep the default
--bind 127.0.0.1, forward POST and OPTIONS to it, and pass --behind-proxy so the rate limit counts
each visitor rather than the proxy; the proxy must set X-Forwarded-For (nginx:
`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;`). X-Forwarded-For is used for the
rate limit only. Without --behind-proxy the header is ignored, as a client could forge it.

On the open internet, put it behind such a proxy: it has no TLS. Its own connection limits
(above) keep idle and slow connections from using up its files, not from a flood.

Several collectors, one database: --db postgres://USER[:PASSWORD]@HOST[:PORT]/NAME stores into
PostgreSQL (the same tables, created if needed; the same guarantees; no TLS in this build). The
rate limit and the vote budget stay per collector. Anything that accepts the documented JSON
(feedback.schema.json; a serverless function, an analytics pipeline) can replace it too.";

/// `https://www.example.org` (lower case, no trailing slash), or why it is not an origin.
pub fn parse_origin(text: &str) -> Result<String, String> {
    let text = text.trim();
    let lower = text.trim_end_matches('/').to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match host {
        Some(host) if !host.is_empty() && !host.contains(['/', '?', '#', '@', ' ', '*']) => {
            Ok(lower)
        }
        _ => Err(format!(
            "--allow-origin takes an origin such as https://www.example.org, not {text:?}"
        )),
    }
}

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// `30d`, `12h`, `4w` as milliseconds; `all` as `None`.
pub fn parse_span(text: &str) -> Result<Option<i64>, String> {
    if text == "all" {
        return Ok(None);
    }
    let problem = || format!("--since takes a span such as 30d, 12h, 4w or all, not {text:?}");
    let unit = match text.chars().last() {
        Some('h') => DAY_MS / 24,
        Some('d') => DAY_MS,
        Some('w') => 7 * DAY_MS,
        _ => return Err(problem()),
    };
    let count: i64 = text[..text.len() - 1].parse().map_err(|_| problem())?;
    if !(1..=100_000).contains(&count) {
        return Err(problem());
    }
    Ok(Some(count * unit))
}

/// A period back from now in milliseconds; `None` for all of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span(pub Option<i64>);

fn span(text: &str) -> Result<Span, String> {
    parse_span(text).map(Span)
}

/// The command named by the first argument, for the prefix of an error message.
pub fn command_name(args: &[OsString]) -> Option<&'static str> {
    let first = args.first()?.to_str()?;
    [
        "check",
        "schema",
        "render",
        "collect",
        "report",
        "completions",
    ]
    .into_iter()
    .find(|name| *name == first)
}

/// `Usage: ...` of `command`, or of the tool.
pub fn usage(command: Option<&str>) -> String {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    cli.build();
    match command.and_then(|name| cli.find_subcommand_mut(name)) {
        Some(sub) => sub.render_usage().to_string(),
        None => cli.render_usage().to_string(),
    }
}

/// The completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    use clap::CommandFactory;
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "faq-widget", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::parse_origin;

    #[test]
    fn origins_are_checked_when_given() {
        assert_eq!(
            parse_origin("HTTPS://WWW.Example.org/"),
            Ok("https://www.example.org".into())
        );
        assert_eq!(
            parse_origin("http://127.0.0.1:4601"),
            Ok("http://127.0.0.1:4601".into())
        );
        for bad in [
            "www.example.org",
            "https://",
            "https://a.example/path",
            "*",
            "ftp://a",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }
}
