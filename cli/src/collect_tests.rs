//! Tests of `collect.rs` (its own file: the module's code and its tests each stay short).

use super::*;

#[test]
fn the_limiter_allows_a_burst_then_one_per_interval() {
    let limiter = Limiter::new(60);
    let start = Instant::now();
    let a: IpAddr = "192.0.2.1".parse().unwrap();
    let b: IpAddr = "192.0.2.2".parse().unwrap();
    for _ in 0..60 {
        assert_eq!(limiter.allow(a, start), Ok(()));
    }
    assert_eq!(limiter.allow(a, start), Err(1));
    assert_eq!(
        limiter.allow(b, start),
        Ok(()),
        "another client is not limited"
    );
    let later = start + Duration::from_millis(1500);
    assert_eq!(limiter.allow(a, later), Ok(()), "one token per second");
    assert!(limiter.allow(a, later).is_err());
}

#[test]
fn ipv6_clients_count_by_their_64_prefix() {
    let limiter = Limiter::new(1);
    let now = Instant::now();
    let one: IpAddr = "2001:db8:1:2::1".parse().unwrap();
    let same_net: IpAddr = "2001:db8:1:2:ffff::9".parse().unwrap();
    let other_net: IpAddr = "2001:db8:1:3::1".parse().unwrap();
    assert_eq!(limiter.allow(one, now), Ok(()));
    assert_eq!(limiter.allow(same_net, now), Err(60));
    assert_eq!(limiter.allow(other_net, now), Ok(()));
}

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
