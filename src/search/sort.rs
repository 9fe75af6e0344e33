//! Sorting for the search engine through one instance of std's sort.
//!
//! Each instance of std's sorts (one per element type and comparison closure) costs about 4 KB of
//! wasm before wasm-opt; the engine's six sorts took 25.7 KB, +5.2 KB brotli with `sort_by`, +3.8
//! KB with `sort_unstable_by` (BENCHMARKS.md, "Sorting"). Here every sort goes through
//! `sort_unstable_by` on `u32` indexes with a `dyn` comparison: one instance. Ties are broken by
//! index, so the result is the stable order.

use std::cmp::Ordering;

/// Sorts `order` (indexes) by `cmp`; equal elements stay in index order.
pub fn sort_indexes(order: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_unstable_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
}

/// Sorts `items` stably by `cmp`, through [`sort_indexes`].
pub fn sort_by<T: Clone>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..items.len() as u32).collect();
    sort_indexes(&mut order, &|a, b| {
        cmp(&items[a as usize], &items[b as usize])
    });
    *items = order.iter().map(|&i| items[i as usize].clone()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut seed = 12345u32;
        for n in [0usize, 1, 2, 3, 7, 8, 9, 100, 1000] {
            let mut v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    ((seed >> 16) % 10, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|p| p.0);
            sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            assert_eq!(v, want, "n = {n}");
        }
    }
}
