//! The `faq-widget` command-line tool: `check`, `schema` and `render` for faq.json files, from the
//! same Rust code the widget runs. `src/bin/faq-widget.rs` calls [`main`]; tests call [`run`].

pub mod check;
pub mod collect;
pub mod collect_budget;
pub mod collect_conn;
pub mod collect_db;
pub mod collect_faqs;
pub mod collect_limit;
mod opts;
pub mod render;
pub mod report;
pub mod schema;
pub mod translations;

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::rc::Rc;

use serde::Serialize;

/// No errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// A file has errors (or, for `render`, cannot be shown).
pub const EXIT_PROBLEMS: i32 = 1;
/// Bad arguments, or a file that cannot be read.
pub const EXIT_USAGE: i32 = 2;

/// Larger files are refused before parsing: FAQ files are kilobytes, and the parsed tree takes
/// some tens of bytes per JSON value.
pub const MAX_FILE_BYTES: u64 = 32 << 20;

pub const USAGE: &str = "\
faq-widget: check, describe and pre-render faq.json files for the faq-widget FAQ widget.

Usage:
  faq-widget check [--format human|json] [--translations] FILE...
      Report every problem as FILE:LINE:COLUMN: error|warning: message, with a hint.
      FILE - reads standard input. --translations: the FILEs are one FAQ in several
      languages (the first is the reference): the same question ids, one file per language.
  faq-widget schema
      Print the JSON Schema (draft 2020-12) of faq.json.
  faq-widget render [--json-ld] FILE
      Print the FAQ as static HTML (<details> elements, no script needed); with --json-ld,
      followed by schema.org FAQPage JSON-LD in a <script type=\"application/ld+json\">.
  faq-widget render --prerender BASE [--src URL] [--json-ld] FILE
      Print the widget itself, pre-rendered (a <faq-widget> with a declarative shadow root,
      then the embed script): every question shows before the wasm arrives and with scripts
      off, and the widget takes it over. BASE is where dist/ is served (embed.js, the CSS);
      URL is where the widget fetches the FAQ (default BASE/faq.json).
  faq-widget collect --db FILE --allow-origin ORIGIN [--faq FILE]... [--port 8787] [--bind ADDR]
                     [--rate 60] [--votes-per-day 5] [--behind-proxy]
      Receive the widget's feedback beacons into a SQLite database (collect --help).
  faq-widget report --db FILE [--since 30d] [--html FILE]
      Summarise the feedback: helpfulness per question, missed searches, volume per day.
  faq-widget help | --help | --version

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O problem.
";

/// Runs the tool with the process's arguments and standard streams; returns the exit status.
pub fn main() -> i32 {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    // The standard streams unlocked: each write takes the lock for itself. Held for the whole
    // run, the lock on stderr made the collector's writer thread wait for ever in its first
    // `eprintln!` (a database error), and every request after it with it (issue 26).
    run(
        &args,
        &mut std::io::stdin(),
        &mut std::io::stdout(),
        &mut std::io::stderr(),
    )
}

/// Runs the tool. Output that cannot be written (a closed pipe) is dropped, never a panic.
pub fn run(
    args: &[OsString],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut words = args.iter();
    let Some(command) = words.next() else {
        let _ = write!(err, "{USAGE}");
        return EXIT_USAGE;
    };
    let rest: Vec<&OsString> = words.collect();
    let code = match command.to_str() {
        Some("check") => check(&rest, stdin, out, err),
        Some("schema") if rest.is_empty() => {
            let _ = writeln!(out, "{}", schema::pretty());
            EXIT_OK
        }
        Some("render") => render(&rest, stdin, out, err),
        Some("collect") => collect::main(&rest, out, err),
        Some("report") => report::main(&rest, out, err),
        Some("help" | "--help" | "-h") => {
            let _ = write!(out, "{USAGE}");
            EXIT_OK
        }
        Some("version" | "--version" | "-V") => {
            let _ = writeln!(out, "faq-widget {}", env!("CARGO_PKG_VERSION"));
            EXIT_OK
        }
        _ => usage(
            err,
            &format!("unknown command {:?}", command.to_string_lossy()),
        ),
    };
    let _ = out.flush();
    code
}

fn usage(err: &mut dyn Write, problem: &str) -> i32 {
    let _ = write!(err, "faq-widget: {problem}\n\n{USAGE}");
    EXIT_USAGE
}

/// Options and operands; `--` ends the options.
struct Parsed<'a> {
    format_json: bool,
    /// `check --translations`: the files are one FAQ in several languages.
    translations: bool,
    json_ld: bool,
    /// `render --prerender BASE`: the folder (URL) where dist/ is served.
    prerender: Option<String>,
    /// `render --src URL`: where the widget fetches the FAQ (default: BASE/faq.json).
    src: Option<String>,
    files: Vec<&'a OsString>,
}

/// An option's value: after `=`, else the next argument (empty when there is none).
fn option_value<'s, 'a: 's>(
    inline: Option<String>,
    args: &mut impl Iterator<Item = &'s &'a OsString>,
) -> String {
    inline.unwrap_or_else(|| {
        args.next()
            .and_then(|v| v.to_str())
            .unwrap_or("")
            .to_owned()
    })
}

fn parse<'a>(args: &[&'a OsString], allowed: &[&str]) -> Result<Parsed<'a>, String> {
    let mut parsed = Parsed {
        format_json: false,
        translations: false,
        json_ld: false,
        prerender: None,
        src: None,
        files: Vec::new(),
    };
    let mut args = args.iter();
    let mut options_done = false;
    while let Some(&arg) = args.next() {
        let text = arg.to_str().unwrap_or("");
        if options_done || !text.starts_with("--") {
            parsed.files.push(arg);
            continue;
        }
        let (name, inline) = match text.split_once('=') {
            Some((name, value)) => (name, Some(value.to_owned())),
            None => (text, None),
        };
        if name != "--" && !allowed.contains(&name) {
            return Err(format!("unknown option {text}"));
        }
        match name {
            "--" => options_done = true,
            "--format" => {
                let value = option_value(inline, &mut args);
                parsed.format_json = match value.as_str() {
                    "json" => true,
                    "human" => false,
                    other => return Err(format!("--format is human or json, not {other:?}")),
                };
            }
            "--json-ld" if inline.is_none() => parsed.json_ld = true,
            "--translations" if inline.is_none() => parsed.translations = true,
            "--prerender" | "--src" => {
                let value = option_value(inline, &mut args);
                if value.is_empty() {
                    return Err(format!("{name} needs a URL"));
                }
                if name == "--src" {
                    parsed.src = Some(value);
                } else {
                    parsed.prerender = Some(value);
                }
            }
            _ => return Err(format!("option {name} takes no value")),
        }
    }
    Ok(parsed)
}

fn display(file: &OsStr) -> String {
    if file == "-" {
        "<stdin>".into()
    } else {
        file.to_string_lossy().into_owned()
    }
}

/// The bytes of `file` (`-`: standard input), or why they cannot be read.
fn read(file: &OsStr, stdin: &mut dyn Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        stdin.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
    };
    match result {
        Err(error) => Err(format!("cannot read: {error}")),
        Ok(_) if bytes.len() as u64 > MAX_FILE_BYTES => Err(format!(
            "larger than {} MiB; a FAQ file is far smaller",
            MAX_FILE_BYTES >> 20
        )),
        Ok(_) => Ok(bytes),
    }
}

fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

/// `check --format json`: the totals and each file's problems (or why it could not be read).
#[derive(Serialize)]
struct Report<'a> {
    errors: usize,
    warnings: usize,
    files: Vec<FileReport<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum FileReport<'a> {
    Checked {
        file: String,
        errors: usize,
        warnings: usize,
        problems: Vec<check::JsonProblem<'a>>,
    },
    Unreadable {
        file: String,
        io_error: String,
    },
}

fn check(
    args: &[&OsString],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let parsed = match parse(args, &["--format", "--translations"]) {
        Ok(parsed) => parsed,
        Err(problem) => return usage(err, &problem),
    };
    if parsed.files.is_empty() {
        return usage(err, "check needs at least one FILE");
    }
    let (mut errors, mut warnings, mut unreadable) = (0, 0, 0);
    // Each file's name and problems, or why it could not be read.
    let mut results: Vec<(String, Result<Vec<check::Problem>, String>)> = Vec::new();
    let mut texts: Vec<(String, Vec<u8>)> = Vec::new();
    for file in &parsed.files {
        let name = display(file);
        match read(file, stdin) {
            Ok(bytes) => texts.push((name, bytes)),
            Err(problem) => {
                unreadable += 1;
                let _ = writeln!(err, "faq-widget: {name}: {problem}");
                results.push((name, Err(problem)));
            }
        }
    }
    let mut checked: Vec<(String, Vec<check::Problem>)> = texts
        .iter()
        .map(|(name, bytes)| (name.clone(), check::check_bytes(bytes)))
        .collect();
    if parsed.translations {
        let files: Vec<translations::Translation> = texts
            .iter()
            .filter_map(|(name, bytes)| {
                Some(translations::Translation {
                    name,
                    text: std::str::from_utf8(bytes).ok()?,
                })
            })
            .collect();
        for (i, mut more) in translations::compare(&files) {
            if let Some((_, problems)) = checked.iter_mut().find(|(name, _)| name == files[i].name)
            {
                problems.append(&mut more);
                problems.sort_by_key(|p| p.offset);
            }
        }
    }
    for (name, problems) in checked {
        let file_errors = problems.iter().filter(|p| check::is_error(p)).count();
        let file_warnings = problems.len() - file_errors;
        errors += file_errors;
        warnings += file_warnings;
        if !parsed.format_json {
            for problem in &problems {
                let _ = write!(out, "{}", check::human(&name, problem));
            }
        }
        results.push((name, Ok(problems)));
    }
    if parsed.format_json {
        let files = results
            .iter()
            .map(|(name, result)| match result {
                Ok(problems) => {
                    let file_errors = problems.iter().filter(|p| check::is_error(p)).count();
                    FileReport::Checked {
                        file: name.clone(),
                        errors: file_errors,
                        warnings: problems.len() - file_errors,
                        problems: problems.iter().map(check::json).collect(),
                    }
                }
                Err(problem) => FileReport::Unreadable {
                    file: name.clone(),
                    io_error: problem.clone(),
                },
            })
            .collect();
        let report = Report {
            errors,
            warnings,
            files,
        };
        // Serialising plain structs of text and numbers cannot fail.
        let json = serde_json::to_string_pretty(&report).unwrap_or_default();
        let _ = writeln!(out, "{json}");
    } else {
        let _ = writeln!(
            err,
            "checked {}: {}, {}",
            plural(parsed.files.len() - unreadable, "file"),
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    }
    if unreadable > 0 {
        EXIT_USAGE
    } else if errors > 0 {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

fn render(
    args: &[&OsString],
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let parsed = match parse(args, &["--json-ld", "--prerender", "--src"]) {
        Ok(parsed) => parsed,
        Err(problem) => return usage(err, &problem),
    };
    let [file] = parsed.files[..] else {
        return usage(err, "render needs exactly one FILE");
    };
    let name = display(file);
    let bytes = match read(file, stdin) {
        Ok(bytes) => bytes,
        Err(problem) => {
            let _ = writeln!(err, "faq-widget: {name}: {problem}");
            return EXIT_USAGE;
        }
    };
    // The widget's own rules decide: what it would show is rendered, problems go to stderr.
    let problems = check::check_bytes(&bytes);
    for problem in &problems {
        let _ = write!(err, "{}", check::human(&name, problem));
    }
    let faq = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| faq_widget::faq::load(text).faq);
    let Some(faq) = faq else {
        let _ = writeln!(
            err,
            "faq-widget: {name}: the FAQ cannot be shown; nothing rendered"
        );
        return EXIT_PROBLEMS;
    };
    let faq = Rc::new(faq);
    match &parsed.prerender {
        Some(base) => {
            let _ = writeln!(
                out,
                "{}",
                render::prerendered(&faq, base, parsed.src.as_deref())
            );
        }
        None if parsed.src.is_some() => return usage(err, "--src goes with --prerender"),
        None => {
            let _ = writeln!(out, "{}", render::html(&faq));
        }
    }
    if parsed.json_ld {
        let _ = writeln!(out, "{}", render::json_ld(&faq));
    }
    EXIT_OK
}
