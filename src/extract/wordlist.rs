//! A word list (given names, surnames, common English words...) answering "this word,
//! exact case?" and "this word, any ASCII case?" in one probe.
//!
//! The rules ask these questions of most words they look at, and most answers are no.
//! A small Bloom filter answers most of those alone; a yes reads one 16-byte slot that
//! holds the word itself (up to 15 bytes, packed with its length), so neither answer
//! follows a pointer to the word's text. The rare longer words sit in a short list.

use super::keyindex::Filter;
use super::swar;

/// Slots per hundred words: a probe for a listed word reads one or two slots.
const SLOTS_PER_HUNDRED: usize = 150;

/// A word of up to 15 bytes with its length in the last byte (so "ab" and "ab\0"
/// differ); `[0, 0]` is an empty slot.
type Packed = [u64; 2];

fn pack(word: &str) -> Option<Packed> {
    let bytes = word.as_bytes();
    if bytes.len() > 15 {
        return None;
    }
    let (low, high) = bytes.split_at(bytes.len().min(8));
    let length = (bytes.len() as u64) << 56;
    Some([swar::load(low), swar::load(high) | length])
}

fn fold(word: Packed) -> Packed {
    [swar::fold(word[0]), swar::fold(word[1])]
}

/// Hash of a folded packed word.
fn hash(folded: Packed) -> u64 {
    let h = (folded[0] ^ 0x9e37_79b9_7f4a_7c15).wrapping_mul(0x2545_f491_4f6c_dd1d);
    let h = (h ^ (h >> 32) ^ folded[1]).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^ (h >> 29)
}

/// A word list.
pub struct Words {
    filter: Filter,
    slots: Vec<Packed>,
    /// Words of more than 15 bytes.
    long: Vec<&'static str>,
    len: usize,
}

impl Words {
    /// The list of `words`, in any order (duplicates are harmless).
    pub(super) fn new(words: impl Iterator<Item = &'static str> + Clone) -> Words {
        let len = words.clone().count();
        let mut list = Words {
            filter: Filter::with_capacity(len),
            slots: vec![[0, 0]; (len * SLOTS_PER_HUNDRED / 100).max(8)],
            long: Vec::new(),
            len,
        };
        for word in words {
            let Some(packed) = pack(word) else {
                list.long.push(word);
                continue;
            };
            let h = hash(fold(packed));
            list.filter.insert(h);
            let mut i = list.home(h);
            while list.slots[i] != [0, 0] {
                i = list.next(i);
            }
            list.slots[i] = packed;
        }
        list
    }

    fn home(&self, h: u64) -> usize {
        (((h & 0xffff_ffff) * self.slots.len() as u64) >> 32) as usize
    }

    fn next(&self, i: usize) -> usize {
        if i + 1 == self.slots.len() { 0 } else { i + 1 }
    }

    /// True when some listed word satisfies `same` (given the slot, packed); the
    /// filter and the probe both go by the folded word, so case variants sit together.
    #[inline]
    fn any(&self, packed: Packed, same: impl Fn(Packed) -> bool) -> bool {
        let h = hash(fold(packed));
        if !self.filter.may_contain(h) {
            return false;
        }
        let mut i = self.home(h);
        loop {
            let slot = self.slots[i];
            if slot == [0, 0] {
                return false;
            }
            if same(slot) {
                return true;
            }
            i = self.next(i);
        }
    }

    /// Exactly this word (case matters)?
    pub fn contains(&self, word: &str) -> bool {
        match pack(word) {
            Some(packed) => self.any(packed, |slot| slot == packed),
            None => self.long.contains(&word),
        }
    }

    /// This word in any ASCII case?
    pub fn contains_ci(&self, word: &str) -> bool {
        match pack(word) {
            Some(packed) => {
                let folded = fold(packed);
                self.any(packed, |slot| fold(slot) == folded)
            }
            None => self.long.iter().any(|w| w.eq_ignore_ascii_case(word)),
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No words at all?
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_folded_membership() {
        let words = Words::new(
            [
                "Mary",
                "mobile",
                "Mobile",
                "river",
                "ab",
                "extraordinarily-long",
            ]
            .into_iter(),
        );
        assert_eq!(words.len(), 6);
        assert!(words.contains("Mary") && !words.contains("MARY") && words.contains_ci("MARY"));
        assert!(words.contains("mobile") && words.contains("Mobile") && !words.contains("MOBILE"));
        assert!(words.contains_ci("RiVeR") && !words.contains_ci("rive") && !words.contains_ci(""));
        assert!(!words.contains("ab\0") && !words.contains_ci("AB\0") && words.contains_ci("AB"));
        assert!(words.contains("extraordinarily-long"));
        assert!(
            words.contains_ci("Extraordinarily-Long") && !words.contains("Extraordinarily-long")
        );
        assert!(!words.contains("\u{c9}cole") && !words.contains_ci("zorb"));
    }

    #[test]
    fn agrees_with_a_plain_scan_on_many_words() {
        let owned: Vec<String> = (0..3000)
            .map(|n| format!("w{n}{}", if n % 3 == 0 { "X" } else { "y" }))
            .collect();
        let listed: Vec<&'static str> = owned
            .iter()
            .step_by(2)
            .map(|w| &*Box::leak(w.clone().into_boxed_str()))
            .collect();
        let words = Words::new(listed.iter().copied());
        for w in &owned {
            let upper = w.to_uppercase();
            assert_eq!(words.contains(w), listed.contains(&w.as_str()), "{w}");
            assert_eq!(
                words.contains_ci(&upper),
                listed.iter().any(|l| l.eq_ignore_ascii_case(&upper)),
                "{upper}"
            );
        }
    }
}
