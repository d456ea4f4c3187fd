//! The keystroke path's scorer for ASCII texts: nucleo-matcher's greedy alignment
//! (fzf's `--algo=v1`) with the configuration [`super::scorer`] gives it (default
//! bonuses, exact char comparison), written for pre-folded ASCII bytes. Same
//! acceptance and the same score as `Matcher::fuzzy_match_greedy` on every input
//! (the tests compare the two), without nucleo's per-call set-up and char
//! generics: the bulk of a 2-letter keystroke at 100,000 articles is this loop.

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
fn bonus_for(previous: Class, class: Class) -> u16 {
    if class > Class::Delimiter {
        match previous {
            Class::Whitespace => return BONUS_BOUNDARY_WHITE,
            Class::Delimiter => return BONUS_BOUNDARY_DELIMITER,
            Class::NonWord => return BONUS_BOUNDARY,
            _ => {}
        }
    }
    if previous == Class::Lower && class == Class::Upper
        || previous != Class::Number && class == Class::Number
    {
        BONUS_CAMEL123
    } else if class == Class::Whitespace {
        BONUS_BOUNDARY_WHITE
    } else if class == Class::NonWord {
        BONUS_NON_WORD
    } else {
        0
    }
}

/// The greedy score of `needle` in `hay` (both ASCII, compared byte for byte), or
/// `None` when it is not a subsequence: `fuzzy_match_greedy` exactly.
pub fn score(hay: &[u8], needle: &[u8]) -> Option<u16> {
    let (n, h) = (needle.len(), hay.len());
    if n > h {
        return None;
    }
    if n == 0 {
        return Some(0);
    }
    if n == h {
        return (hay == needle).then(|| calculate(hay, needle, 0, h));
    }
    let mut start = memchr::memchr(needle[0], &hay[..h - n + 1])?;
    let mut end = start + 1;
    for &wanted in &needle[1..] {
        end += memchr::memchr(wanted, &hay[end..])? + 1;
    }
    if end - start != n {
        start = shortest_start(hay, needle, start, end);
    }
    Some(calculate(hay, needle, start, end))
}

/// Moves the start of a greedy match as far right as it goes (matching backwards
/// from its end), as nucleo does before scoring.
fn shortest_start(hay: &[u8], needle: &[u8], start: usize, end: usize) -> usize {
    let mut left = needle.len();
    for i in (start..end).rev() {
        if hay[i] == needle[left - 1] {
            left -= 1;
            if left == 0 {
                return i;
            }
        }
    }
    start
}

/// nucleo's `calculate_score` for a match spanning `start..end`.
fn calculate(hay: &[u8], needle: &[u8], start: usize, end: usize) -> u16 {
    let mut previous = match start {
        0 => Class::Whitespace,
        _ => CLASSES[hay[start - 1] as usize],
    };
    let mut wanted = needle.get(1).copied().unwrap_or(needle[0]);
    let mut next = needle.iter().skip(2);
    let class = CLASSES[hay[start] as usize];
    let mut first_bonus = bonus_for(previous, class);
    let mut score = SCORE_MATCH.wrapping_add(first_bonus.wrapping_mul(BONUS_FIRST_CHAR_MULTIPLIER));
    previous = class;
    let (mut in_gap, mut consecutive) = (false, 1u32);
    for &c in &hay[start + 1..end] {
        let class = CLASSES[c as usize];
        if c == wanted {
            let mut bonus = bonus_for(previous, class);
            if consecutive != 0 {
                if bonus >= BONUS_BOUNDARY && bonus > first_bonus {
                    first_bonus = bonus;
                }
                bonus = bonus.max(first_bonus).max(BONUS_CONSECUTIVE);
            } else {
                first_bonus = bonus;
            }
            score = score.wrapping_add(SCORE_MATCH + bonus);
            in_gap = false;
            consecutive += 1;
            if let Some(&following) = next.next() {
                wanted = following;
            }
        } else {
            let penalty = match in_gap {
                true => PENALTY_GAP_EXTENSION,
                false => PENALTY_GAP_START,
            };
            score = score.saturating_sub(penalty);
            in_gap = true;
            consecutive = 0;
        }
        previous = class;
    }
    score
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

    proptest! {
        #[test]
        fn equals_nucleo_on_any_ascii(hay in "[abcAB1 /:_.-]{0,24}", needle in "[abcAB1 /:_.-]{0,4}") {
            same(&hay, &needle);
        }

        #[test]
        fn equals_nucleo_on_words(hay in "[a-e ]{0,40}", needle in "[a-e]{1,3}") {
            same(&hay, &needle);
        }
    }
}
