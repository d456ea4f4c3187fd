//! Finding one byte, or the first of one byte and the last of another before it,
//! eight bytes at a time in a `u64` (SWAR: no platform intrinsics, no `unsafe`).
//! The keystroke scorer's scans are short (names of ~17 bytes, headlines of ~52),
//! too short for `memchr`'s set-up to pay; a byte loop's compare and branch per
//! byte was most of a 2-letter keystroke. Texts come from an arena padded at its
//! end ([`Hay::padded`]), so a word can always be loaded whole; the lanes past
//! the text are masked off.

const ONES: u64 = 0x0101_0101_0101_0101;
const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// The bytes of one text, and after them (when [`Hay::padded`]) bytes that may be
/// loaded but are never looked at.
#[derive(Debug, Clone, Copy)]
pub struct Hay<'a> {
    wide: &'a [u8],
    len: usize,
}

impl<'a> Hay<'a> {
    /// A text on its own (words near its end are assembled byte by byte).
    pub fn new(text: &'a [u8]) -> Hay<'a> {
        Hay {
            wide: text,
            len: text.len(),
        }
    }

    /// The text `wide[..len]`, with the bytes after it readable.
    pub fn padded(wide: &'a [u8], len: usize) -> Hay<'a> {
        Hay {
            len: len.min(wide.len()),
            wide,
        }
    }

    /// The text's bytes.
    #[inline]
    pub fn bytes(&self) -> &'a [u8] {
        &self.wide[..self.len]
    }

    /// The text's length.
    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    /// The eight bytes from `at` (`at` < the text's length) as a little-endian word;
    /// lanes past the text hold anything.
    #[inline]
    fn word_at(&self, at: usize) -> u64 {
        if let Some(bytes) = self.wide.get(at..at + 8) {
            let mut buffer = [0u8; 8];
            buffer.copy_from_slice(bytes);
            return u64::from_le_bytes(buffer);
        }
        self.wide[at..]
            .iter()
            .rev()
            .fold(0, |word, &b| (word << 8) | u64::from(b))
    }
}

/// The top bit of the first `n` lanes.
#[inline]
fn lanes(n: usize) -> u64 {
    if n >= 8 {
        u64::MAX
    } else {
        (1u64 << (8 * n)) - 1
    }
}

/// The top bit of every lane of `word` equal to `byte` (exact: no false hits).
#[inline]
fn equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The lane of the lowest set top bit.
#[inline]
fn first_lane(bits: u64) -> usize {
    bits.trailing_zeros() as usize / 8
}

/// The lane of the highest set top bit.
#[inline]
fn last_lane(bits: u64) -> usize {
    (63 - bits.leading_zeros()) as usize / 8
}

/// The first `byte` at or after `from` and before `to` (at most the text's length).
#[inline]
pub fn next(hay: Hay<'_>, from: usize, to: usize, byte: u8) -> Option<usize> {
    let to = to.min(hay.len);
    let mut at = from;
    while at < to {
        let hits = equal(hay.word_at(at), byte) & lanes(to - at);
        if hits != 0 {
            return Some(at + first_lane(hits));
        }
        at += 8;
    }
    None
}

/// The last `byte` before `to`.
#[inline]
pub fn previous(hay: Hay<'_>, to: usize, byte: u8) -> Option<usize> {
    let mut end = to.min(hay.len);
    while end > 0 {
        let at = end.saturating_sub(8);
        let hits = equal(hay.word_at(at), byte) & lanes(end - at);
        if hits != 0 {
            return Some(at + last_lane(hits));
        }
        end = at;
    }
    None
}

/// The first `wanted` at or after `from`, and the last `kept` from `from` up to it
/// (`None` when there is none): a two-byte needle's greedy end and shortest start
/// in one pass.
#[inline]
pub fn next_after_last(
    hay: Hay<'_>,
    from: usize,
    wanted: u8,
    kept: u8,
) -> Option<(usize, Option<usize>)> {
    let mut at = from;
    let mut last = None;
    while at < hay.len {
        let word = hay.word_at(at);
        let real = lanes(hay.len - at);
        let found = equal(word, wanted) & real;
        let seen = equal(word, kept) & real;
        if found != 0 {
            // Every lane below the first `wanted` has its top bit below that one.
            let before = seen & ((found & found.wrapping_neg()) - 1);
            if before != 0 {
                last = Some(at + last_lane(before));
            }
            return Some((at + first_lane(found), last));
        }
        if seen != 0 {
            last = Some(at + last_lane(seen));
        }
        at += 8;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plain_next_after_last(
        hay: &[u8],
        from: usize,
        wanted: u8,
        kept: u8,
    ) -> Option<(usize, Option<usize>)> {
        let j = (from..hay.len()).find(|&i| hay[i] == wanted)?;
        Some((j, (from..j).rev().find(|&i| hay[i] == kept)))
    }

    #[test]
    fn finds_at_word_edges_and_zero_bytes() {
        let bytes = b"abcdefgh\0jklmnopq\0";
        let hay = Hay::new(bytes);
        assert_eq!(next(hay, 0, 18, b'h'), Some(7));
        assert_eq!(next(hay, 0, 18, 0), Some(8));
        assert_eq!(next(hay, 9, 18, 0), Some(17));
        assert_eq!(next(hay, 9, 17, 0), None);
        assert_eq!(next(hay, 18, 18, b'a'), None);
        assert_eq!(previous(hay, 8, 0), None);
        assert_eq!(previous(hay, 9, 0), Some(8));
        assert_eq!(previous(hay, 18, b'a'), Some(0));
        assert_eq!(previous(hay, 0, b'a'), None);
        assert_eq!(next_after_last(hay, 1, b'q', b'a'), Some((16, None)));
        let hay = Hay::new(b"xaxxb");
        assert_eq!(next_after_last(hay, 0, b'b', b'x'), Some((4, Some(3))));
        assert_eq!(next(Hay::new(&[0x80, 0xff, b'a']), 0, 3, b'a'), Some(2));
    }

    #[test]
    fn padding_is_never_a_match() {
        let wide = b"ab\0\0\0\0\0\0\0\0bbbbbb";
        let hay = Hay::padded(wide, 2);
        assert_eq!(next(hay, 0, 99, b'b'), Some(1));
        assert_eq!(next(hay, 2, 99, b'b'), None);
        assert_eq!(next(hay, 0, 99, 0), None);
        assert_eq!(next_after_last(hay, 0, 0, b'a'), None);
        assert_eq!(hay.bytes(), b"ab");
    }

    proptest! {
        #[test]
        fn same_as_byte_loops(
            text in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'b'), Just(0u8), Just(0xffu8), Just(b' ')], 0..40),
            padding in proptest::collection::vec(prop_oneof![Just(b'a'), Just(b'b'), Just(0u8)], 0..12),
            from in 0usize..44,
            to in 0usize..44,
            x in prop_oneof![Just(b'a'), Just(b'b'), Just(0u8), Just(0xffu8)],
            y in prop_oneof![Just(b'a'), Just(b'b'), Just(0u8), Just(0xffu8)],
        ) {
            let wide: Vec<u8> = text.iter().chain(&padding).copied().collect();
            let from = from.min(text.len());
            for hay in [Hay::new(&text), Hay::padded(&wide, text.len())] {
                let bound = to.min(text.len());
                prop_assert_eq!(next(hay, from, to, x), (from..bound).find(|&i| text[i] == x));
                prop_assert_eq!(previous(hay, from, x), (0..from).rev().find(|&i| text[i] == x));
                prop_assert_eq!(
                    next_after_last(hay, from, y, x),
                    plain_next_after_last(&text, from, y, x)
                );
            }
        }
    }
}
