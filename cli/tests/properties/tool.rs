//! The command-line tool: whatever the arguments and input, no panic, and exit code 0, 1 or 2.

use super::generators::*;
use super::{config, BUNDLED};
use faq_widget_cli as cli;
use proptest::prelude::*;
use std::ffi::OsString;

const ARGS: &[&str] = &[
    "check",
    "schema",
    "render",
    "--format",
    "json",
    "human",
    "--json-ld",
    "-",
    "--",
    "faq.json",
    "cli/tests/fixtures/check/broken.json",
    "no/such/file",
    "--x=y",
    "",
    "help",
];

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn the_tool_never_panics_and_exits_0_1_or_2(
        args in prop::collection::vec(prop::sample::select(ARGS), 0..5),
        stdin in prop_oneof![any_text(), Just(BUNDLED.to_owned())],
    ) {
        std::env::set_current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).unwrap();
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = cli::run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
        prop_assert!([0, 1, 2].contains(&code));
    }
}
