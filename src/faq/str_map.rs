//! A small string -> number map for the validator's duplicate checks: constant time per lookup,
//! so a file with thousands of questions is checked in linear time, for far fewer wasm bytes than
//! `BTreeMap<String, _>` or `HashMap` (measured: about 3.5 KB brotli less than two BTree types).
//! FNV-1a hashing with open addressing; it only ever grows.

pub struct StrMap {
    entries: Vec<(String, usize)>,
    /// Indexes into `entries` plus one; 0 is an empty slot. The length is a power of two.
    slots: Vec<u32>,
}

impl Default for StrMap {
    fn default() -> Self {
        StrMap::new()
    }
}

fn hash(key: &str) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in key.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash as usize
}

impl StrMap {
    pub fn new() -> Self {
        StrMap {
            entries: Vec::new(),
            slots: vec![0; 16],
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: &str) -> usize {
        let mask = self.slots.len() - 1;
        let mut slot = hash(key) & mask;
        loop {
            match self.slots[slot] {
                0 => return slot,
                entry if self.entries[entry as usize - 1].0 == key => return slot,
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<usize> {
        match self.slots[self.slot(key)] {
            0 => None,
            entry => Some(self.entries[entry as usize - 1].1),
        }
    }

    pub fn contains(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`, replacing any earlier value.
    pub fn set(&mut self, key: &str, value: usize) {
        let slot = self.slot(key);
        match self.slots[slot] {
            0 => {
                self.entries.push((key.to_owned(), value));
                self.slots[slot] = self.entries.len() as u32;
                if self.entries.len() * 2 > self.slots.len() {
                    self.grow();
                }
            }
            entry => self.entries[entry as usize - 1].1 = value,
        }
    }

    fn grow(&mut self) {
        self.slots = vec![0; self.slots.len() * 2];
        let mask = self.slots.len() - 1;
        for (index, (key, _)) in self.entries.iter().enumerate() {
            let mut slot = hash(key) & mask;
            while self.slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = index as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_map() {
        let mut map = StrMap::new();
        let mut reference = std::collections::BTreeMap::new();
        for i in 0..5_000usize {
            let key = format!("k{}", i % 1_777);
            assert_eq!(map.get(&key), reference.get(&key).copied());
            map.set(&key, i);
            reference.insert(key, i);
        }
        for (key, value) in &reference {
            assert_eq!(map.get(key), Some(*value));
        }
        assert!(!map.contains("absent"));
        assert!(!map.contains(""));
        assert_eq!(map.entries.len(), 1_777);
        map.set("", 1);
        assert_eq!(map.get(""), Some(1));
    }
}
