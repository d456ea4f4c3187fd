//! The keystroke path's scorer for ASCII texts: nucleo-matcher's greedy alignment
//! (fzf's `--algo=v1`) with the configuration [`super::scorer`] gives it (default
//! bonuses, exact char comparison), written for pre-folded ASCII bytes. Same
//! acceptance and the same score as `Matcher::fuzzy_match_greedy` on every input
//! (the tests compare the two), without nucleo's per-call set-up and char
//! generics: the bulk of a 2-letter keystroke at 100,000 articles is this loop.

use super::bytes::{self, Hay};

/// Char classes as nucleo orders them (the order matters: "word" is above `Delimiter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    Whitespace,
    NonWord,
    Delimiter,
    Lower,
    Upper,
    Number,
}

const SCORE_MATCH: u16 = 16;
const PENALTY_GAP_START: u16 = 3;
const PENALTY_GAP_EXTENSION: u16 = 1;
const BONUS_BOUNDARY: u16 = SCORE_MATCH / 2;
const BONUS_BOUNDARY_WHITE: u16 = BONUS_BOUNDARY + 2;
const BONUS_BOUNDARY_DELIMITER: u16 = BONUS_BOUNDARY + 1;
const BONUS_CAMEL123: u16 = BONUS_BOUNDARY - PENALTY_GAP_START;
const BONUS_NON_WORD: u16 = BONUS_BOUNDARY;
const BONUS_CONSECUTIVE: u16 = PENALTY_GAP_START + PENALTY_GAP_EXTENSION;
const BONUS_FIRST_CHAR_MULTIPLIER: u16 = 2;
/// nucleo's default delimiters.
const DELIMITERS: &[u8] = b"/,:;|";

const fn class_of(c: u8) -> Class {
    if c.is_ascii_lowercase() {
        Class::Lower
    } else if c.is_ascii_uppercase() {
        Class::Upper
    } else if c.is_ascii_digit() {
        Class::Number
    } else if c.is_ascii_whitespace() {
        Class::Whitespace
    } else {
        let mut i = 0;
        while i < DELIMITERS.len() {
            if DELIMITERS[i] == c {
                return Class::Delimiter;
            }
            i += 1;
        }
        Class::NonWord
    }
}

/// The class of every byte, looked up rather than branched on.
const CLASSES: [Class; 256] = {
    let mut table = [Class::NonWord; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = class_of(c as u8);
        c += 1;
    }
    table
};

/// nucleo's `Config::bonus_for` with the default configuration.
const fn bonus_for(previous: Class, class: Class) -> u16 {
    if class as u8 > Class::Delimiter as u8 {
        match previous {
            Class::Whitespace => return BONUS_BOUNDARY_WHITE,
            Class::Delimiter => return BONUS_BOUNDARY_DELIMITER,
            Class::NonWord => return BONUS_BOUNDARY,
            _ => {}
        }
    }
    let camel = previous as u8 == Class::Lower as u8 && class as u8 == Class::Upper as u8;
    let number = previous as u8 != Class::Number as u8 && class as u8 == Class::Number as u8;
    if camel || number {
        BONUS_CAMEL123
    } else if class as u8 == Class::Whitespace as u8 {
        BONUS_BOUNDARY_WHITE
    } else if class as u8 == Class::NonWord as u8 {
        BONUS_NON_WORD
    } else {
        0
    }
}

/// The bonus of a byte after a byte (the whitespace class before the first),
/// looked up: `BONUS[previous][byte]`.
const BONUS: [[u8; 256]; 6] = {
    let previous = [
        Class::Whitespace,
        Class::NonWord,
        Class::Delimiter,
        Class::Lower,
        Class::Upper,
        Class::Number,
    ];
    let mut table = [[0u8; 256]; 6];
    let mut p = 0;
    while p < 6 {
        let mut c = 0;
        while c < 256 {
            table[p][c] = bonus_for(previous[p], CLASSES[c]) as u8;
            c += 1;
        }
        p += 1;
    }
    table
};

/// The bonus of `hay[at]` where it is matched.
fn bonus_at(hay: &[u8], at: usize) -> u16 {
    let previous = match at {
        0 => Class::Whitespace,
        _ => CLASSES[hay[at - 1] as usize],
    };
    u16::from(BONUS[previous as usize][hay[at] as usize])
}

/// A greedy match: its score, and where the forward scan for the needle ended
/// (one past the byte that matched its last char). A needle that only grew at the
/// end continues the scan from there ([`extend`]): the match state a keystroke keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// `fuzzy_match_greedy`'s score.
    pub score: u16,
    /// End of the forward scan.
    pub end: usize,
}

/// The greedy score of `needle` in `hay` (both ASCII, compared byte for byte), or
/// `None` when it is not a subsequence: `fuzzy_match_greedy` exactly.
pub fn score(hay: &[u8], needle: &[u8]) -> Option<u16> {
    find(Hay::new(hay), needle).map(|found| found.score)
}

/// [`score`], with the end of the forward scan.
pub fn find(hay: Hay<'_>, needle: &[u8]) -> Option<Match> {
    let n = needle.len();
    if n > hay.len() {
        return None;
    }
    if n == 0 {
        return Some(Match { score: 0, end: 0 });
    }
    // The first char cannot start a match with fewer than n bytes left.
    let first = bytes::next(hay, 0, hay.len() - n + 1, needle[0])?;
    if n == 2 {
        return pair(hay, needle[0], needle[1], first);
    }
    let end = forward(hay, &needle[1..], first + 1)?;
    Some(settle(hay.bytes(), hay, needle, end))
}

/// The greedy score of every one-byte needle at once: `each(byte, score)` for
/// each distinct byte of `hay`, where it first occurs (what [`score`] gives
/// the needle of that byte alone: a one-char match is its first occurrence).
/// One pass over the text instead of a search per needle (the load-time
/// one-char table scores every letter and digit of a million titles).
pub fn each_first(hay: &[u8], mut each: impl FnMut(u8, u16)) {
    let mut seen = [false; 256];
    for (at, &b) in hay.iter().enumerate() {
        if !std::mem::replace(&mut seen[b as usize], true) {
            let bonus = bonus_at(hay, at);
            each(
                b,
                SCORE_MATCH.wrapping_add(bonus.wrapping_mul(BONUS_FIRST_CHAR_MULTIPLIER)),
            );
        }
    }
}

/// [`find`] for a needle whose first `done` chars (at least one) were already found
/// by a forward scan that ended at `end`: the same result, scanning on from there.
pub fn extend(hay: Hay<'_>, needle: &[u8], done: usize, end: usize) -> Option<Match> {
    if needle.len() == 2 {
        return pair(hay, needle[0], needle[1], end - 1);
    }
    let end = forward(hay, &needle[done..], end)?;
    Some(settle(hay.bytes(), hay, needle, end))
}

/// The match of the two-byte needle `[x, y]` whose first `x` is at `first`: one
/// pass finds the first `y` after it and the last `x` before that `y` (the
/// shortest start), and no `y` lies between the two, so the score follows at once.
/// The same as [`settle`] after [`forward`], which scan the gap three times.
fn pair(hay: Hay<'_>, x: u8, y: u8, first: usize) -> Option<Match> {
    let r = bytes::next_after_last(hay, first + 1, y, x);
    let (at, last) = r?;
    let hay = hay.bytes();
    let start = last.unwrap_or(first);
    let mut first_bonus = bonus_at(hay, start);
    let mut score = SCORE_MATCH.wrapping_add(first_bonus.wrapping_mul(BONUS_FIRST_CHAR_MULTIPLIER));
    add_match(
        &mut score,
        &mut first_bonus,
        at - start - 1,
        bonus_at(hay, at),
    );
    Some(Match { score, end: at + 1 })
}

/// Matches `rest` greedily from `from`; the end of the scan.
fn forward(hay: Hay<'_>, rest: &[u8], mut from: usize) -> Option<usize> {
    for &wanted in rest {
        from = bytes::next(hay, from, hay.len(), wanted)? + 1;
    }
    Some(from)
}

/// Scores the match ending at `end`, from its shortest start (as nucleo does).
fn settle(bytes: &[u8], hay: Hay<'_>, needle: &[u8], end: usize) -> Match {
    let start = shortest_start(hay, needle, end);
    Match {
        score: calculate(bytes, hay, needle, start, end),
        end,
    }
}

/// The start of a match ending at `end`, moved as far right as it goes (matching
/// backwards from its end).
fn shortest_start(hay: Hay<'_>, needle: &[u8], end: usize) -> usize {
    let mut at = end;
    for &wanted in needle.iter().rev() {
        match bytes::previous(hay, at, wanted) {
            Some(i) => at = i,
            None => return 0,
        }
    }
    at
}

/// nucleo's `calculate_score` for a match spanning `start..end`, one step per
/// matched char: a gap of `g` bytes costs `3 + (g - 1)` (saturating, as nucleo's
/// byte-by-byte penalties do), and each match its bonus by the byte before it.
fn calculate(hay: &[u8], padded: Hay<'_>, needle: &[u8], start: usize, end: usize) -> u16 {
    let mut first_bonus = bonus_at(hay, start);
    let mut score = SCORE_MATCH.wrapping_add(first_bonus.wrapping_mul(BONUS_FIRST_CHAR_MULTIPLIER));
    let mut at = start;
    for &wanted in &needle[1..] {
        let gap = bytes::next(padded, at + 1, end, wanted).map_or(0, |i| i - at - 1);
        at += gap + 1;
        add_match(&mut score, &mut first_bonus, gap, bonus_at(hay, at));
    }
    score
}

/// Adds one matched char, `gap` bytes after the previous one, with its `bonus`;
/// `first_bonus` is the bonus of the run of consecutive matches it may extend.
#[inline]
fn add_match(score: &mut u16, first_bonus: &mut u16, gap: usize, mut bonus: u16) {
    if gap == 0 {
        if bonus >= BONUS_BOUNDARY && bonus > *first_bonus {
            *first_bonus = bonus;
        }
        bonus = bonus.max(*first_bonus).max(BONUS_CONSECUTIVE);
    } else {
        let penalty = PENALTY_GAP_START as usize + (gap - 1) * PENALTY_GAP_EXTENSION as usize;
        *score = score.saturating_sub(penalty.min(u16::MAX as usize) as u16);
        *first_bonus = bonus;
    }
    *score = score.wrapping_add(SCORE_MATCH + bonus);
}

#[cfg(test)]
mod tests {
    use super::*;
    use nucleo_matcher::{Config, Matcher, Utf32Str};
    use proptest::prelude::*;

    fn nucleo(hay: &str, needle: &str) -> Option<u16> {
        let mut config = Config::DEFAULT;
        config.ignore_case = false;
        config.normalize = false;
        let mut matcher = Matcher::new(config);
        let h = Utf32Str::Ascii(hay.as_bytes());
        let n = Utf32Str::Ascii(needle.as_bytes());
        matcher.fuzzy_match_greedy(h, n)
    }

    fn same(hay: &str, needle: &str) {
        assert_eq!(
            score(hay.as_bytes(), needle.as_bytes()),
            nucleo(hay, needle),
            "{needle:?} in {hay:?}"
        );
    }

    #[test]
    fn equals_nucleo_on_chosen_cases() {
        let hays = [
            "alibaba cloud",
            "Alibaba Cloud",
            "a",
            "ab",
            "ba",
            "aaa",
            "chongqing liangjiang new area",
            "foo-bar/baz:qux;x|y,z",
            "camelCaseWord 123abc abc123",
            "  padded  ",
            "re: re re-re",
            "tencent holdings",
        ];
        let needles = [
            "a", "al", "ali", "re", "cl", "ng", "aa", "b", "x", "ab", "ba", "123", "cw", "zz", "",
            "ca",
        ];
        for hay in hays {
            for needle in needles {
                same(hay, needle);
            }
            same(hay, hay);
        }
    }

    /// Extending the match of every prefix gives what a scan of the whole needle gives.
    fn extends(hay: &str, needle: &str) {
        let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
        let whole = find(Hay::new(hay), needle);
        for done in 1..needle.len() {
            let Some(prefix) = find(Hay::new(hay), &needle[..done]) else {
                assert_eq!(whole, None);
                continue;
            };
            assert_eq!(
                extend(Hay::new(hay), needle, done, prefix.end),
                whole,
                "{done}"
            );
        }
    }

    #[test]
    fn extending_equals_scanning_on_chosen_cases() {
        extends("alibaba cloud", "alic");
        extends("re: re re-re", "rere");
        extends("aaa", "aaaa");
        extends("chongqing liangjiang new area", "cgna");
        extends("xyz", "xz");
    }

    #[test]
    fn long_gaps_saturate_as_nucleo_does() {
        let hay = format!("a{}b", " ".repeat(70_000));
        same(&hay, "ab");
        same(&format!("x{}", "-".repeat(40)), "x");
    }

    proptest! {
        #[test]
        fn extending_equals_scanning(hay in "[abcAB1 /:_.-]{0,24}", needle in "[abcAB1 /:_.-]{1,5}") {
            extends(&hay, &needle);
        }

        #[test]
        fn equals_nucleo_on_any_ascii(hay in "[abcAB1 /:_.-]{0,24}", needle in "[abcAB1 /:_.-]{0,4}") {
            same(&hay, &needle);
        }

        #[test]
        fn each_first_scores_every_byte_as_its_own_needle(hay in "[abcAB1 /:_.-]{0,30}") {
            let mut got = std::collections::BTreeMap::new();
            each_first(hay.as_bytes(), |b, s| { got.insert(b, s); });
            let want: std::collections::BTreeMap<u8, u16> = hay
                .bytes()
                .filter_map(|b| Some((b, score(hay.as_bytes(), &[b])?)))
                .collect();
            prop_assert_eq!(got, want);
        }

        #[test]
        fn equals_nucleo_on_words(hay in "[a-e ]{0,40}", needle in "[a-e]{1,3}") {
            same(&hay, &needle);
        }
    }
}
