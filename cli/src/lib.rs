//! The `faq-widget` command-line tool: `check`, `schema` and `render` for faq.json files, from the
//! same Rust code the widget runs. `src/bin/faq-widget.rs` calls [`main`]; tests call [`run`].

mod args;
pub mod check;
pub mod collect;
pub mod collect_budget;
pub mod collect_conn;
pub mod collect_db;
pub mod collect_faqs;
pub mod collect_limit;
pub mod collect_pg;
pub mod collect_writer;
pub mod render;
pub mod report;
pub mod report_rows;
pub mod schema;

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::rc::Rc;

use clap::Parser;
use serde::Serialize;

pub use args::{CheckArgs, Cli, CollectArgs, Command, Format, RenderArgs, ReportArgs, Span};

/// No errors (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// A file has errors (or, for `render`, cannot be shown).
pub const EXIT_PROBLEMS: i32 = 1;
/// Bad arguments, or a file that cannot be read.
pub const EXIT_USAGE: i32 = 2;

/// Larger files are refused before parsing: FAQ files are kilobytes, and the parsed tree takes
/// some tens of bytes per JSON value.
pub const MAX_FILE_BYTES: u64 = 32 << 20;

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
    let cli = match Cli::try_parse_from(
        std::iter::once(OsString::from("faq-widget")).chain(args.iter().cloned()),
    ) {
        Ok(cli) => cli,
        Err(error) => return clap_error(&error, args, out, err),
    };
    let code = match cli.command {
        Command::Check(check_args) => check(&check_args, stdin, out, err),
        Command::Schema => {
            let _ = writeln!(out, "{}", schema::pretty());
            EXIT_OK
        }
        Command::Render(render_args) => render(&render_args, stdin, out, err),
        Command::Collect(collect_args) => collect::main(collect_args, out, err),
        Command::Report(report_args) => report::main(&report_args, out, err),
        Command::Completions { shell } => {
            let _ = out.write_all(&args::completions(shell));
            EXIT_OK
        }
    };
    let _ = out.flush();
    code
}

/// Help and version go to standard output (status 0); a usage problem to standard error as
/// `faq-widget COMMAND: problem`, then the command's usage (status 2).
fn clap_error(
    error: &clap::Error,
    args: &[OsString],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let text = error.render().to_string();
    if !error.use_stderr() {
        let _ = write!(out, "{text}");
        let _ = out.flush();
        return EXIT_OK;
    }
    let Some(problem) = text.strip_prefix("error: ") else {
        // No command: the tool's help, as it is.
        let _ = write!(err, "{text}");
        return EXIT_USAGE;
    };
    let command = args::command_name(args);
    let prefix = command.map_or("faq-widget".to_owned(), |name| format!("faq-widget {name}"));
    // Every problem shows the usage (clap leaves it out after a bad value).
    let problem = if problem.contains("\nUsage:") {
        problem.to_owned()
    } else {
        let usage = args::usage(command);
        problem.replacen(
            "\nFor more information",
            &format!("\n{usage}\n\nFor more information"),
            1,
        )
    };
    let _ = write!(err, "{prefix}: {problem}");
    EXIT_USAGE
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
    parsed: &CheckArgs,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let format_json = parsed.format == Format::Json;
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
        use faq_widget::faq::translations::{compare, Translation};
        let files: Vec<Translation> = texts
            .iter()
            .filter_map(|(name, bytes)| {
                Some(Translation {
                    name,
                    text: std::str::from_utf8(bytes).ok()?,
                })
            })
            .collect();
        for (i, found) in compare(&files) {
            let mut more = check::place(files[i].text, found);
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
        if !format_json {
            for problem in &problems {
                let _ = write!(out, "{}", check::human(&name, problem));
            }
        }
        results.push((name, Ok(problems)));
    }
    if format_json {
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
    parsed: &RenderArgs,
    stdin: &mut dyn Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let file = &parsed.file;
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
            let options = render::Prerender {
                base,
                src: parsed.src.as_deref(),
                langs: &parsed.langs,
            };
            match render::prerendered(&faq, &options) {
                Ok(html) => {
                    let _ = writeln!(out, "{html}");
                }
                Err(problem) => {
                    let _ = writeln!(err, "faq-widget render: {problem}");
                    return EXIT_USAGE;
                }
            }
        }
        None => {
            let _ = writeln!(out, "{}", render::html(&faq));
        }
    }
    if parsed.json_ld {
        let _ = writeln!(out, "{}", render::json_ld(&faq));
    }
    EXIT_OK
}
