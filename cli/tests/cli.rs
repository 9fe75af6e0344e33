//! The `faq-widget` command-line tool, run as a built binary on fixture files: every message with
//! its file, line, column and exit status; `--format json`; usage and I/O errors; `schema`;
//! `check --translations`. `render` has its own file (render.rs).
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use serde_json::Value;

mod tool;

use tool::*;

/// One expected problem: the first one `check` reports for the fixture.
struct Case {
    file: &'static str,
    line: usize,
    column: usize,
    /// The fixture text that starts at that line and column: the spot the message is about.
    spot: &'static str,
    severity: &'static str,
    message: &'static str,
    hint: &'static str,
    exit: i32,
}

const CASES: &[Case] = &[
    Case {
        file: "not-json.json",
        line: 4,
        column: 49,
        spot: ",\n  ]",
        severity: "error",
        message: "This is not valid JSON: a comma before ] (JSON allows no trailing comma).",
        hint: "check quotes, commas and brackets near this position",
        exit: 1,
    },
    Case {
        file: "not-utf8.json",
        line: 2,
        column: 16,
        spot: "",
        severity: "error",
        message: "This is not valid JSON: the file is not UTF-8 text.",
        hint: "save the file with the UTF-8 encoding",
        exit: 1,
    },
    Case {
        file: "missing-field.json",
        line: 5,
        column: 5,
        spot: "{ \"question\": \"How?\" }",
        severity: "error",
        message: "Question 2: \"answer\" is missing.",
        hint: "add the field; it is required",
        exit: 1,
    },
    Case {
        file: "wrong-type.json",
        line: 5,
        column: 19,
        spot: "42,",
        severity: "error",
        message: "Question 2: \"question\" must be text, but it is a number.",
        hint: "put the value in double quotes",
        exit: 1,
    },
    Case {
        file: "empty-question.json",
        line: 4,
        column: 19,
        spot: "\"   \"",
        severity: "error",
        message: "Question 1: \"question\" is empty.",
        hint: "write the text, or remove the entry",
        exit: 1,
    },
    Case {
        file: "empty-answer.json",
        line: 4,
        column: 37,
        spot: "\"\" }",
        severity: "error",
        message: "Question 1: \"answer\" is empty.",
        hint: "write the text, or remove the entry",
        exit: 1,
    },
    Case {
        file: "duplicate-id.json",
        line: 5,
        column: 13,
        spot: "\"join\", \"question\": \"Can I",
        severity: "error",
        message: "Question 2: the id \"join\" is already used by another question.",
        hint: "give every question its own id",
        exit: 1,
    },
    Case {
        file: "duplicate-question.json",
        line: 5,
        column: 19,
        spot: "\"how do I JOIN? \"",
        severity: "error",
        message: "Question 2: the same question text as question 1.",
        hint: "merge the two answers into one question",
        exit: 1,
    },
    Case {
        file: "forbidden-link.json",
        line: 7,
        column: 43,
        spot: "javascript:alert(1)\"",
        severity: "error",
        message: "Question 1: \"links\": the address \"javascript:alert(1)\" is not allowed (only https:, http:, mailto:, tel: and relative links are allowed); the link is shown as plain text.",
        hint: "use an https:, http:, mailto:, tel: or relative address",
        exit: 1,
    },
    Case {
        file: "malformed-link.json",
        line: 3,
        column: 42,
        spot: "https://example.org/contact us\"",
        severity: "error",
        message: "\"contact\": the address \"https://example.org/contact us\" is not allowed (the link address contains spaces or control characters); the link is shown as plain text.",
        hint: "use an https:, http:, mailto:, tel: or relative address",
        exit: 1,
    },
    Case {
        file: "forbidden-link-in-answer.json",
        line: 4,
        column: 56,
        spot: "data:text/html,hi)",
        severity: "error",
        message: "Question 1: \"answer\": the link \"the form\" to \"data:text/html,hi\" is not allowed (only https:, http:, mailto:, tel: and relative links are allowed); it is shown as plain text.",
        hint: "use an https:, http:, mailto:, tel: or relative address",
        exit: 1,
    },
    Case {
        // After \u00e9, \" and \n escapes: the position is still the `[` in the file.
        file: "unclosed-link.json",
        line: 4,
        column: 67,
        spot: "[the guide](https",
        severity: "error",
        message: "Question 1: \"answer\": the link \"[the guide](\" is never closed; it is shown as plain text.",
        hint: "write links as [text](https://example.org/page)",
        exit: 1,
    },
    Case {
        file: "escapes-before-problem.json",
        line: 1,
        column: 106,
        spot: "javascript:void(0))",
        severity: "error",
        message: "Question 1: \"answer\": the link \"x\" to \"javascript:void(0\" is not allowed (only https:, http:, mailto:, tel: and relative links are allowed); it is shown as plain text.",
        hint: "use an https:, http:, mailto:, tel: or relative address",
        exit: 1,
    },
    Case {
        file: "unknown-field.json",
        line: 4,
        column: 49,
        spot: "\"answr\"",
        severity: "warning",
        message: "Question 1: \"answr\" is not a field of the FAQ format; it is ignored.",
        hint: "check the spelling against the documented fields",
        exit: 0,
    },
    Case {
        file: "long-question.json",
        line: 4,
        column: 19,
        spot: "\"Why is this question so long",
        severity: "warning",
        message: "Question 1: the question is longer than 200 characters.",
        hint: "keep questions short; put details in the answer",
        exit: 0,
    },
    Case {
        // Text from the file cannot send escape sequences to the terminal.
        file: "terminal-escapes.json",
        line: 4,
        column: 13,
        spot: "\"\\u001b[31mred\"",
        severity: "error",
        message: "Question 1: the id \"\\u{1b}[31mred\" may only use letters, digits, - and _.",
        hint: "ids end up in links like page#id; keep them short and plain",
        exit: 1,
    },
];

/// The text of `file` from 1-based `line` and `column` (in characters) on.
fn text_at(file: &str, line: usize, column: usize) -> String {
    let bytes = std::fs::read(Path::new(ROOT).join(file)).unwrap();
    let content = String::from_utf8_lossy(&bytes);
    let line_text = content.split('\n').nth(line - 1).unwrap_or("");
    let rest: String = line_text.chars().skip(column - 1).collect();
    // Up to the end of the file from there, to match spots that span lines.
    let start = content.find(line_text).unwrap() + line_text.len() - rest.len();
    content[start..].to_owned()
}

#[test]
fn check_reports_every_message_with_file_line_column_and_exit_status() {
    for case in CASES {
        let file = fixture(case.file);
        let output = run(&["check", &file]);
        let stdout = text(&output.stdout);
        let mut lines = stdout.lines();
        let first = lines.next().unwrap_or_default();
        assert_eq!(
            first,
            format!(
                "{file}:{}:{}: {}: {}",
                case.line, case.column, case.severity, case.message
            ),
            "{}",
            case.file
        );
        // The line of the file and a caret, then the hint.
        assert!(lines
            .next()
            .unwrap()
            .starts_with(&format!("{} | ", case.line)));
        assert!(lines.next().unwrap().trim_end().ends_with('^'));
        assert_eq!(
            lines.next().unwrap().trim_start(),
            format!("= hint: {}", case.hint)
        );
        assert_eq!(output.status.code(), Some(case.exit), "{}", case.file);
        assert!(
            text_at(&file, case.line, case.column).starts_with(case.spot),
            "{}: the position is not the spot",
            case.file
        );
        assert!(!stdout.contains('\u{1b}'));
    }
}

#[test]
fn check_output_of_a_broken_sample_is_exactly_as_documented() {
    let output = run(&["check", "cli/tests/fixtures/check/broken.json"]);
    let expected =
        std::fs::read_to_string(Path::new(ROOT).join("cli/tests/fixtures/check/broken.expected"))
            .unwrap();
    assert_eq!(text(&output.stdout), expected);
    assert_eq!(
        text(&output.stderr),
        "checked 1 file: 5 errors, 1 warning\n"
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_clean_file_prints_nothing_and_exits_0() {
    let output = run(&["check", "faq.json"]);
    assert_eq!(text(&output.stdout), "");
    assert_eq!(
        text(&output.stderr),
        "checked 1 file: 0 errors, 0 warnings\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn check_format_json_is_json_with_every_problem() {
    let output = run(&[
        "check",
        "--format",
        "json",
        "cli/tests/fixtures/check/broken.json",
        "faq.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = parse(&text(&output.stdout)).expect("valid JSON");
    assert_eq!(member(&report, "errors"), &Value::from(5));
    assert_eq!(member(&report, "warnings"), &Value::from(1));
    let files = items(member(&report, "files"));
    assert_eq!(files.len(), 2);
    assert_eq!(
        member(&files[0], "file"),
        &Value::from("cli/tests/fixtures/check/broken.json")
    );
    let problems = items(member(&files[0], "problems"));
    assert_eq!(problems.len(), 6);
    let last = &problems[5];
    assert_eq!(member(last, "line"), &Value::from(11));
    assert_eq!(member(last, "column"), &Value::from(5));
    assert_eq!(member(last, "severity"), &Value::from("error"));
    assert_eq!(member(last, "blocking"), &Value::Bool(true));
    assert_eq!(
        member(last, "message"),
        &Value::from("Question 5: \"answer\" is missing.")
    );
    assert_eq!(
        member(last, "hint"),
        &Value::from("add the field; it is required")
    );
    let source =
        std::fs::read_to_string(Path::new(ROOT).join("cli/tests/fixtures/check/broken.json"))
            .unwrap();
    let offset = member(last, "offset").as_u64().expect("offset") as usize;
    assert!(source[offset..].starts_with("{ \"question\": \"Who"));
    assert_eq!(member(&problems[0], "severity"), &Value::from("warning"));
    assert_eq!(member(&problems[1], "blocking"), &Value::Bool(false));
    assert!(items(member(&files[1], "problems")).is_empty());
    // Nothing but the JSON document on stdout.
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn several_files_unreadable_files_and_stdin() {
    let output = run(&[
        "check",
        "faq.json",
        "cli/tests/fixtures/check/unknown-field.json",
    ]);
    assert_eq!(output.status.code(), Some(0), "warnings only");
    assert_eq!(
        text(&output.stderr),
        "checked 2 files: 0 errors, 1 warning\n"
    );

    let output = run(&["check", "faq.json", "no/such/file.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("faq-widget: no/such/file.json: cannot read: "));

    let output = run(&["check", "--format=json", "tests"]);
    assert_eq!(output.status.code(), Some(2), "a directory");
    let report = parse(&text(&output.stdout)).unwrap();
    let error = member(&items(member(&report, "files"))[0], "io_error")
        .as_str()
        .expect("io_error");
    assert!(error.starts_with("cannot read: "));

    let output = run_stdin(&["check", "-"], b"{\"title\": \"T\",\n \"questions\": 3}");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout)
        .starts_with("<stdin>:2:15: error: \"questions\" must be a list, but it is a number.\n"));

    let huge = vec![b' '; (32 << 20) + 1];
    let output = run_stdin(&["check", "-"], &huge);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("larger than 32 MiB"));
}

#[test]
fn usage_problems_exit_2_with_the_usage() {
    for args in [
        &[][..],
        &["frobnicate"],
        &["check"],
        &["check", "--format", "xml", "faq.json"],
        &["check", "--format"],
        &["check", "--colour", "faq.json"],
        &["render"],
        &["render", "faq.json", "faq.json"],
        &["render", "--json-ld=yes", "faq.json"],
        &["check", "--translations=yes", "faq.json"],
        &["schema", "faq.json"],
    ] {
        let output = run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(text(&output.stderr).contains("Usage:"), "{args:?}");
        assert_eq!(text(&output.stdout), "", "{args:?}");
    }
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout)
        .contains("faq-widget check [--format human|json] [--translations] FILE..."));
    // Each command has its own help, on standard output, as `COMMAND --help` or `help COMMAND`.
    for (args, says) in [
        (&["check", "--help"][..], "--translations"),
        (&["help", "render"], "--prerender <BASE>"),
        (&["report", "-h"], "--since <SPAN>"),
    ] {
        let help = run(args);
        assert_eq!(help.status.code(), Some(0), "{args:?}");
        assert!(text(&help.stdout).contains(says), "{args:?}");
        assert_eq!(text(&help.stderr), "", "{args:?}");
    }
    // Shell completions name every command and option.
    let bash = run(&["completions", "bash"]);
    assert_eq!(bash.status.code(), Some(0));
    let script = text(&bash.stdout);
    for word in [
        "check",
        "render",
        "collect",
        "report",
        "--prerender",
        "--allow-origin",
    ] {
        assert!(script.contains(word), "{word} in the bash completions");
    }
    assert_eq!(run(&["completions", "tcsh"]).status.code(), Some(2));
    let version = run(&["--version"]);
    assert_eq!(
        text(&version.stdout),
        format!("faq-widget {}\n", faq_widget::VERSION)
    );
}

/// One version for the release: the workspace's (which every crate inherits), the widget's
/// `VERSION` (its `faq-widget:ready` event), the tool's, and the newest CHANGELOG section.
#[test]
fn one_version_everywhere() {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let workspace = manifest
        .split("\n[workspace.package]\n")
        .nth(1)
        .expect("Cargo.toml has [workspace.package]");
    let version = workspace
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("[workspace.package] has a version");
    assert_eq!(faq_widget::VERSION, version);
    assert_eq!(env!("CARGO_PKG_VERSION"), version);
    for member in ["cli", "examples/yew-app", "reporter", "studio"] {
        let text =
            std::fs::read_to_string(Path::new(ROOT).join(member).join("Cargo.toml")).unwrap();
        assert!(
            text.contains("\nversion.workspace = true\n"),
            "{member} inherits the version"
        );
    }
    let changelog = std::fs::read_to_string(Path::new(ROOT).join("CHANGELOG.md")).unwrap();
    let newest = changelog
        .lines()
        .filter_map(|line| line.strip_prefix("## ["))
        .find(|heading| !heading.starts_with("Unreleased"))
        .expect("CHANGELOG.md has a released version");
    assert!(
        newest.starts_with(&format!("{version}] - ")),
        "the newest CHANGELOG section is {version}: {newest}"
    );
}

#[test]
fn the_committed_schema_is_the_schema_command_output() {
    let output = run(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let committed = std::fs::read_to_string(Path::new(ROOT).join("faq.schema.json")).unwrap();
    assert!(
        text(&output.stdout) == committed,
        "faq.schema.json is stale: run `cargo run -p faq-widget-cli -- schema > faq.schema.json`"
    );
    let schema = parse(&committed).expect("the schema is JSON");
    assert_eq!(
        member(&schema, "$schema"),
        &Value::from("https://json-schema.org/draft/2020-12/schema")
    );
    // The bundled faq.json names it, so editors find it.
    let faq = std::fs::read_to_string(Path::new(ROOT).join("faq.json")).unwrap();
    let faq = parse(&faq).unwrap();
    assert_eq!(member(&faq, "$schema"), &Value::from("faq.schema.json"));
}

#[test]
fn check_translations_finds_missing_and_foreign_ids_order_and_a_repeated_language() {
    let output = run(&[
        "check",
        "--translations",
        &fixture("translation-en.json"),
        &fixture("translation-fr.json"),
        &fixture("translation-en-gb.json"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let out = text(&output.stdout);
    let (en, fr) = (
        fixture("translation-en.json"),
        fixture("translation-fr.json"),
    );
    for expected in [
        format!("{fr}:4:3: error: the question \"price\" of {en} is missing here"),
        format!("{fr}:4:3: warning: the questions are in another order than in {en}"),
        format!("{fr}:7:5: error: Question 3: the id \"prix\" is not in {en}"),
    ] {
        assert!(out.contains(&expected), "{expected}\nin\n{out}");
    }
    assert!(
        !out.contains(&format!("{en}:")),
        "the reference has nothing to answer for:\n{out}"
    );
    // en and en-GB are different languages for the widget's switch: no complaint.
    assert!(!out.contains("translation-en-gb.json:"), "{out}");
    assert!(text(&output.stderr).contains("checked 3 files: 2 errors, 1 warning"));

    let same = run(&[
        "check",
        "--translations",
        &fixture("translation-en.json"),
        &fixture("translation-en.json"),
    ]);
    assert!(
        text(&same.stdout).contains(&format!("error: {en} is in \"en\" too")),
        "{}",
        text(&same.stdout)
    );

    // The bundled FAQ and its translations agree; without the flag nothing is compared.
    let bundled = run(&[
        "check",
        "--translations",
        "faq.json",
        "faq.fr.json",
        "faq.es.json",
        "faq.ar.json",
    ]);
    assert_eq!(bundled.status.code(), Some(0), "{}", text(&bundled.stdout));
    let plain = run(&[
        "check",
        &fixture("translation-en.json"),
        &fixture("translation-fr.json"),
    ]);
    assert_eq!(plain.status.code(), Some(0), "{}", text(&plain.stdout));
}
