//! The collector's rate limit (issue 16, 26): a token bucket per client, so one client cannot
//! flood the database; and who "a client" is: IPv4 by its address, IPv6 by its /64.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::net::IpAddr;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Forget clients once this many are tracked and their allowance has refilled.
const PRUNE_AT: usize = 10_000;
/// Past this many clients at once, new clients wait (503).
const MAX_CLIENTS: usize = 200_000;

/// A token bucket per client, in memory, keyed by a hash of the client's address with a key
/// drawn at start: neither the address nor anything stable across restarts is kept.
pub struct Limiter {
    per_second: f64,
    burst: f64,
    hasher: RandomState,
    state: Mutex<Buckets>,
}

struct Buckets {
    clients: HashMap<u64, Bucket>,
    last_prune: Instant,
}

struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Limiter {
    pub fn new(per_minute: u32) -> Limiter {
        Limiter {
            per_second: f64::from(per_minute) / 60.0,
            burst: f64::from(per_minute),
            hasher: RandomState::new(),
            state: Mutex::new(Buckets {
                clients: HashMap::new(),
                last_prune: Instant::now(),
            }),
        }
    }

    /// Takes one token from `client`'s bucket, or says how many seconds until there is one.
    pub fn allow(&self, client: IpAddr, now: Instant) -> Result<(), u64> {
        let key = self.hasher.hash_one(prefix(client));
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (per_second, burst) = (self.per_second, self.burst);
        let refill = |bucket: &Bucket| {
            let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
            (bucket.tokens + elapsed * per_second).min(burst)
        };
        if state.clients.len() >= PRUNE_AT
            && now.saturating_duration_since(state.last_prune) >= Duration::from_secs(1)
        {
            state.clients.retain(|_, bucket| refill(bucket) < burst);
            state.last_prune = now;
        }
        if state.clients.len() >= MAX_CLIENTS && !state.clients.contains_key(&key) {
            return Err(1);
        }
        let bucket = state.clients.entry(key).or_insert(Bucket {
            tokens: burst,
            last: now,
        });
        bucket.tokens = refill(bucket);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - bucket.tokens) / per_second).ceil().max(1.0) as u64)
        }
    }
}

/// The address the rate limit and the vote budget count: IPv4 as is, IPv6 by its /64 (one subscriber's network).
pub fn prefix(address: IpAddr) -> IpAddr {
    match address {
        IpAddr::V4(_) => address,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
        },
    }
}

#[cfg(test)]
mod tests {
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
}
