//! Brown word clusters (`assets/clusters.tsv`): words that occur in the same
//! contexts share a path prefix, so the tagger can generalise from "Chongqing" to a
//! city it never saw in training.

use super::super::fxhash::FxHashMap;
use std::sync::OnceLock;

const CLUSTERS: &str = include_str!("../../../assets/clusters.tsv");

/// A word's cluster path: its bits from the root, and how many there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Path {
    /// The bits, root first, lowest bit first.
    pub bits: u32,
    /// How many bits.
    pub len: u8,
}

impl Path {
    /// The first `n` bits (all of them when the path is shorter).
    pub fn prefix(self, n: u8) -> (u32, u8) {
        let len = self.len.min(n);
        let mask = if len >= 32 {
            u32::MAX
        } else {
            (1u32 << len) - 1
        };
        (self.bits & mask, len)
    }
}

fn table() -> &'static FxHashMap<&'static str, u32> {
    static TABLE: OnceLock<FxHashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        map.reserve(CLUSTERS.len() / 12);
        for line in CLUSTERS.lines() {
            if let Some((word, value)) = line.split_once('\t')
                && let Ok(value) = value.parse::<u32>()
            {
                map.insert(word, value);
            }
        }
        map
    })
}

/// How many words the table holds.
pub fn len() -> usize {
    table().len()
}

/// The cluster of a word as written, else of its lower-case form.
pub fn path(word: &str) -> Option<Path> {
    let table = table();
    let value = table.get(word).copied().or_else(|| {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            table.get(word.to_lowercase().as_str()).copied()
        } else {
            None
        }
    })?;
    let len = (31 - value.leading_zeros()) as u8;
    Some(Path {
        bits: value & !(1u32 << len),
        len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_words_share_prefixes() {
        let a = path("London").unwrap();
        let b = path("Paris").unwrap();
        let c = path("the").unwrap();
        assert_eq!(a.prefix(6), b.prefix(6));
        assert_ne!(a.prefix(6), c.prefix(6));
        assert!(path("Zzqxv").is_none());
        assert!(
            path("LONDON").is_some(),
            "a word in capitals has a cluster too"
        );
    }
}
