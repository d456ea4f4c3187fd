//! An open-addressing hash index over ASCII-case-folded keys, built in one pass at
//! start-up (a few milliseconds for the ~85k listed names) and probed without
//! allocating. In front of it sits a small Bloom filter over the keys and over bare
//! fingerprints of key prefixes, so a caller growing a window word by word learns when
//! no listed name can start like it, and most misses never touch the larger table.
//!
//! Sizes matter more than instruction counts here: a probe that misses the cache costs
//! more than hashing the key. The filter takes 12 bits a fingerprint (about 220 KB for
//! the place and company names, a few KB for most word lists) and answers most
//! absent words alone; the table holds whole keys only, in 32-bit slots.

/// Hash state after zero bytes.
pub const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;

/// Bits of filter per fingerprint: with three bits set in one 64-bit word, about one
/// absent key in fifty gets through.
const FILTER_BITS: usize = 12;

/// Adds one byte, ASCII letters folded to lower case.
#[inline]
pub fn mix(state: u64, byte: u8) -> u64 {
    (state ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Hash of a whole byte string, ASCII case folded.
#[inline]
pub fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(EMPTY, |h, &b| mix(h, b))
}

/// Spreads the state's bits over the whole word (FNV alone leaves the top bits weak).
#[inline]
fn finish(state: u64) -> u64 {
    let h = (state ^ (state >> 32)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// The answer to one probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Probe {
    /// The first row stored under a key that the caller's check accepted.
    pub row: Option<u32>,
    /// Some key or key prefix may have this hash (a false positive for about one
    /// absent key in fifty, never a false negative).
    pub prefix: bool,
}

/// A Bloom filter of finished hashes: three bits in one 64-bit word per hash, so a test
/// reads one word.
pub(super) struct Filter {
    words: Vec<u64>,
}

impl Filter {
    /// An empty filter sized for `entries` hashes.
    pub(super) fn with_capacity(entries: usize) -> Filter {
        Filter {
            words: vec![0; entries * FILTER_BITS / 64 + 1],
        }
    }

    /// The word (from the hash's top half, scaled to the length) and the bit pattern.
    #[inline]
    fn locate(&self, h: u64) -> (usize, u64) {
        let word = ((h >> 32) * self.words.len() as u64) >> 32;
        let word = word as usize;
        let bits = (1 << (h & 63)) | (1 << ((h >> 6) & 63)) | (1 << ((h >> 12) & 63));
        (word, bits)
    }

    /// Adds a hash (well mixed in all 64 bits).
    pub(super) fn insert(&mut self, h: u64) {
        let (word, bits) = self.locate(h);
        self.words[word] |= bits;
    }

    /// False only when `h` was never inserted.
    #[inline]
    pub(super) fn may_contain(&self, h: u64) -> bool {
        let (word, bits) = self.locate(h);
        self.words[word] & bits == bits
    }
}

/// The filter, then the hash slots: each a tag from the hash above `row_bits` and the
/// row number plus one below (zero is an empty slot).
pub struct KeyIndex {
    filter: Filter,
    slots: Vec<u32>,
    mask: usize,
    row_bits: u32,
}

impl KeyIndex {
    /// An empty index for `keys` whole keys and `prefixes` prefix fingerprints.
    fn with_capacity(keys: usize, prefixes: usize) -> KeyIndex {
        let size = (keys * 2).max(16).next_power_of_two();
        let row_bits = u32::BITS - (keys as u32 + 1).leading_zeros();
        assert!(row_bits <= 24, "too many keys for 32-bit slots");
        KeyIndex {
            filter: Filter::with_capacity(keys + prefixes),
            slots: vec![0; size],
            mask: size - 1,
            row_bits,
        }
    }

    /// The home slot and the tag (already shifted into place) of a finished hash.
    #[inline]
    fn start(&self, h: u64) -> (usize, u32) {
        let tag = ((h >> 32) as u32) << self.row_bits;
        ((h as usize) & self.mask, tag)
    }

    #[inline]
    fn tag_of(&self, slot: u32) -> u32 {
        slot & !((1 << self.row_bits) - 1)
    }

    /// Stores `row` under a key hash, unless a row with the same key (as `same`
    /// decides) is already there: then returns that row instead.
    fn insert(&mut self, state: u64, row: u32, same: impl Fn(u32) -> bool) -> Option<u32> {
        let h = finish(state);
        self.filter.insert(h);
        let (mut i, tag) = self.start(h);
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                self.slots[i] = tag | (row + 1);
                return None;
            }
            if self.tag_of(slot) == tag && same(slot - tag - 1) {
                return Some(slot - tag - 1);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// An index of whole keys (hash states, row `n` for `keys[n]`) and prefix
    /// fingerprints. Keys go in in the order of their home slots, so that the writes
    /// walk the table instead of jumping around it (on a busy machine, random writes
    /// made up most of the start-up time); equal keys share a home and go in in row
    /// order: `duplicate(head, row)` is called, in row order, for each row whose key
    /// (as `same` decides) an earlier row already holds.
    pub fn build(
        keys: &[u64],
        prefixes: &[u64],
        same: impl Fn(u32, u32) -> bool,
        mut duplicate: impl FnMut(u32, u32),
    ) -> KeyIndex {
        let mut index = KeyIndex::with_capacity(keys.len(), prefixes.len());
        for &state in prefixes {
            index.filter.insert(finish(state));
        }
        // A stable counting sort on the home slot's top bits: each bucket covers
        // about a hundred slots, so inserting bucket by bucket stays in cache.
        let shift = (index.mask.count_ones() as usize).saturating_sub(7);
        let bucket = |e: usize| index.start(finish(keys[e])).0 >> shift;
        let mut starts = vec![0u32; (index.mask >> shift) + 2];
        for e in 0..keys.len() {
            starts[bucket(e) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut order = vec![0u32; keys.len()];
        for e in 0..keys.len() {
            let slot = &mut starts[bucket(e)];
            order[*slot as usize] = e as u32;
            *slot += 1;
        }
        for row in order {
            if let Some(head) = index.insert(keys[row as usize], row, |other| same(row, other)) {
                duplicate(head, row);
            }
        }
        index
    }

    /// Looks a key hash up; `same` confirms a candidate row really has the key.
    #[inline]
    pub fn probe(&self, state: u64, same: impl Fn(u32) -> bool) -> Probe {
        let h = finish(state);
        if !self.filter.may_contain(h) {
            return Probe {
                row: None,
                prefix: false,
            };
        }
        let (mut i, tag) = self.start(h);
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return Probe {
                    row: None,
                    prefix: true,
                };
            }
            if self.tag_of(slot) == tag && same(slot - tag - 1) {
                return Probe {
                    row: Some(slot - tag - 1),
                    prefix: true,
                };
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_chains_equal_keys_in_row_order() {
        let keys = ["Quux", "zorb", "QUUX", "blarg", "quux"];
        let states: Vec<u64> = keys.iter().map(|k| hash(k.as_bytes())).collect();
        let same = |a: u32, b: u32| keys[a as usize].eq_ignore_ascii_case(keys[b as usize]);
        let mut duplicates = Vec::new();
        let index = KeyIndex::build(&states, &[hash(b"zo")], same, |head, row| {
            duplicates.push((head, row))
        });
        assert_eq!(duplicates, vec![(0, 2), (0, 4)]);
        let probe = |q: &str| {
            index.probe(hash(q.as_bytes()), |r| {
                keys[r as usize].eq_ignore_ascii_case(q)
            })
        };
        assert_eq!(probe("quux").row, Some(0));
        assert_eq!(probe("BLARG").row, Some(3));
        assert_eq!(
            probe("zo"),
            Probe {
                row: None,
                prefix: true
            }
        );
        assert!(!probe("z").prefix);
    }

    #[test]
    fn every_key_and_prefix_is_found_and_few_strangers_pass() {
        let keys: Vec<String> = (0..5000).map(|n| format!("zorb {n}")).collect();
        let states: Vec<u64> = keys.iter().map(|k| hash(k.as_bytes())).collect();
        let prefixes: Vec<u64> = (0..5000)
            .map(|n| hash(format!("qu{n}").as_bytes()))
            .collect();
        let same = |a: u32, b: u32| keys[a as usize] == keys[b as usize];
        let index = KeyIndex::build(&states, &prefixes, same, |_, _| {});
        for (n, key) in keys.iter().enumerate() {
            let probe = index.probe(hash(key.to_uppercase().as_bytes()), |r| {
                keys[r as usize].eq_ignore_ascii_case(key)
            });
            assert_eq!(probe.row, Some(n as u32));
        }
        for &prefix in prefixes.iter().take(5000) {
            assert!(index.probe(prefix, |_| false).prefix);
        }
        let strangers = (0..10_000)
            .filter(|n| {
                let key = format!("blarg {n}");
                index.probe(hash(key.as_bytes()), |_| false).prefix
            })
            .count();
        assert!(strangers < 300, "{strangers} of 10000 absent keys passed");
    }
}
