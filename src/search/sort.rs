//! One small stable merge sort. The standard library's sorts are fast but each instance costs
//! kilobytes of wasm; the index sorts a handful of types, the comparisons go through `dyn Fn`.

pub fn sort_by<T: Copy>(v: &mut [T], less: &dyn Fn(&T, &T) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    let mut buffer = v.to_vec();
    let mut width = 1;
    let mut in_v = true;
    while width < n {
        if in_v {
            merge_pass(v, &mut buffer, width, less);
        } else {
            merge_pass(&buffer, v, width, less);
        }
        in_v = !in_v;
        width *= 2;
    }
    if !in_v {
        v.copy_from_slice(&buffer);
    }
}

fn merge_pass<T: Copy>(from: &[T], to: &mut [T], width: usize, less: &dyn Fn(&T, &T) -> bool) {
    let n = from.len();
    let mut start = 0;
    while start < n {
        let mid = (start + width).min(n);
        let end = (start + 2 * width).min(n);
        let (mut i, mut j) = (start, mid);
        for slot in &mut to[start..end] {
            if i < mid && (j >= end || !less(&from[j], &from[i])) {
                *slot = from[i];
                i += 1;
            } else {
                *slot = from[j];
                j += 1;
            }
        }
        start = end;
    }
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
            sort_by(&mut v, &|a, b| a.0 < b.0);
            assert_eq!(v, want, "n = {n}");
        }
    }
}
