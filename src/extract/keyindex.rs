//! An open-addressing hash index over ASCII-case-folded keys, built in one pass at
//! start-up (a few milliseconds for the ~85k listed names) and probed without
//! allocating. Besides whole keys it can hold bare fingerprints of key prefixes, so a
//! caller growing a window word by word learns when no listed name can start like it.

/// Slot value of a prefix-only fingerprint (no row behind it).
const PREFIX_ONLY: u32 = u32::MAX;

/// Hash state after zero bytes.
pub const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;

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
    /// Some key or key prefix has this hash (may rarely be a false positive, never a
    /// false negative).
    pub prefix: bool,
}

/// Hash slots: a 32-bit tag (never zero) and a row number or [`PREFIX_ONLY`].
pub struct KeyIndex {
    slots: Vec<u64>,
    mask: usize,
}

impl KeyIndex {
    /// An empty index for about `entries` keys and prefixes.
    pub fn with_capacity(entries: usize) -> KeyIndex {
        let size = (entries * 2).max(16).next_power_of_two();
        KeyIndex {
            slots: vec![0; size],
            mask: size - 1,
        }
    }

    fn start(&self, state: u64) -> (usize, u64) {
        let h = finish(state);
        let tag = (h >> 32) | 1;
        ((h as usize) & self.mask, tag << 32)
    }

    /// Stores `row` under a key hash, unless a row with the same key (as `same`
    /// decides) is already there: then returns that row instead.
    pub fn insert(&mut self, state: u64, row: u32, same: impl Fn(u32) -> bool) -> Option<u32> {
        let (mut i, tag) = self.start(state);
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                self.slots[i] = tag | u64::from(row);
                return None;
            }
            let value = slot as u32;
            if slot & !0xffff_ffff == tag && value != PREFIX_ONLY && same(value) {
                return Some(value);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Stores a prefix fingerprint (after every whole key is in).
    pub fn insert_prefix(&mut self, state: u64) {
        let (mut i, tag) = self.start(state);
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                self.slots[i] = tag | u64::from(PREFIX_ONLY);
                return;
            }
            if slot & !0xffff_ffff == tag {
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// An index of whole keys (hash states, row `n` for `keys[n]`) and prefix
    /// fingerprints, filled in the order of their home slots so that the writes walk
    /// the table instead of jumping around it (on a busy machine, random writes made
    /// up most of the start-up time). Keys still go in before prefixes at each home
    /// and equal keys in row order: `duplicate(head, row)` is called, in row order, for
    /// each row whose key (as `same` decides) an earlier row already holds.
    pub fn build(
        keys: &[u64],
        prefixes: &[u64],
        same: impl Fn(u32, u32) -> bool,
        mut duplicate: impl FnMut(u32, u32),
    ) -> KeyIndex {
        let mut index = KeyIndex::with_capacity(keys.len() + prefixes.len());
        let state = |e: usize| {
            if e < keys.len() {
                keys[e]
            } else {
                prefixes[e - keys.len()]
            }
        };
        // A stable counting sort on the home slot's top bits: each bucket covers
        // about a hundred slots, so inserting bucket by bucket stays in cache.
        let shift = (index.mask.count_ones() as usize).saturating_sub(7);
        let bucket = |e: usize| index.start(state(e)).0 >> shift;
        let mut starts = vec![0u32; (index.mask >> shift) + 2];
        let total = keys.len() + prefixes.len();
        for e in 0..total {
            starts[bucket(e) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut order = vec![0u32; total];
        for e in 0..total {
            let slot = &mut starts[bucket(e)];
            order[*slot as usize] = e as u32;
            *slot += 1;
        }
        for e in order {
            let e = e as usize;
            if e < keys.len() {
                let row = e as u32;
                if let Some(head) = index.insert(keys[e], row, |other| same(row, other)) {
                    duplicate(head, row);
                }
            } else {
                index.insert_prefix(prefixes[e - keys.len()]);
            }
        }
        index
    }

    /// Looks a key hash up; `same` confirms a candidate row really has the key.
    pub fn probe(&self, state: u64, same: impl Fn(u32) -> bool) -> Probe {
        let (mut i, tag) = self.start(state);
        let mut prefix = false;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return Probe { row: None, prefix };
            }
            if slot & !0xffff_ffff == tag {
                prefix = true;
                let value = slot as u32;
                if value != PREFIX_ONLY && same(value) {
                    return Probe {
                        row: Some(value),
                        prefix,
                    };
                }
            }
            i = (i + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_prefixes_and_misses() {
        let keys = ["zorb city", "quux", "Quux"];
        let mut index = KeyIndex::with_capacity(8);
        let same = |a: &str, row: u32| keys[row as usize].eq_ignore_ascii_case(a);
        for (n, k) in keys.iter().enumerate() {
            let existing = index.insert(hash(k.as_bytes()), n as u32, |r| same(k, r));
            assert_eq!(existing.is_some(), n == 2, "{k}");
        }
        index.insert_prefix(hash(b"zorb"));
        let probe = |q: &str| index.probe(hash(q.as_bytes()), |r| same(q, r));
        assert_eq!(probe("QUUX").row, Some(1));
        assert_eq!(probe("Zorb City").row, Some(0));
        assert_eq!(
            probe("zorb"),
            Probe {
                row: None,
                prefix: true
            }
        );
        assert!(!probe("blarg").prefix);
    }

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
}
