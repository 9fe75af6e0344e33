//! Tests of `collect.rs` (its own file: the module's code and its tests each stay short).

use super::*;

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
