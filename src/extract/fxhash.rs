//! A small, fast, non-cryptographic hasher (the Firefox/rustc "Fx" mix) for the
//! per-article maps of short words, where SipHash's DoS resistance buys nothing.

use super::swar;
use std::hash::{BuildHasherDefault, Hasher};

/// The hasher state.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fx(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    /// Whole 8-byte words, then the tail packed into one (no byte loop, no copy of
    /// unknown length: these hash short words by the million).
    fn write(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*word));
            rest = tail;
        }
        if !rest.is_empty() {
            self.add(swar::load(rest));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashSet` with the Fx hasher.
pub type FxHashSet<K> = std::collections::HashSet<K, BuildHasherDefault<Fx>>;

/// A `HashMap` with the Fx hasher.
pub type FxHashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fx>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashes_differ() {
        let mut m: FxHashMap<&str, u32> = FxHashMap::default();
        m.insert("Zorb", 1);
        m.insert("Quux", 2);
        assert_eq!(m.get("Zorb"), Some(&1));
        let hash = |s: &str| {
            let mut h = Fx::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_ne!(hash("ab"), hash("ba"));
        // Every tail length, and a byte in every position of a word, counts.
        let bytes = |b: &[u8]| {
            let mut h = Fx::default();
            h.write(b);
            h.finish()
        };
        let text = b"abcdefghijklmnopq";
        for n in 0..text.len() {
            assert_ne!(bytes(&text[..n]), bytes(&text[..n + 1]), "{n}");
            let mut changed = text[..n + 1].to_vec();
            changed[n] = b'Z';
            assert_ne!(bytes(&text[..n + 1]), bytes(&changed), "{n}");
        }
    }
}
