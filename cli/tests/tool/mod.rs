//! The built `faq-widget` binary run from the repository's root, for the tool's tests (cli.rs,
//! render.rs).
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub const BIN: &str = env!("CARGO_BIN_EXE_faq-widget");
pub const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

pub fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the faq-widget binary runs")
}

pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the faq-widget binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from another thread: the tool may stop reading (too large) before the end.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

pub fn fixture(name: &str) -> String {
    format!("cli/tests/fixtures/check/{name}")
}

pub fn member<'a>(node: &'a Value, key: &str) -> &'a Value {
    node.as_object().expect("an object").get(key).expect(key)
}

pub fn items(value: &Value) -> &[Value] {
    value.as_array().expect("a list")
}

pub fn parse(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}
