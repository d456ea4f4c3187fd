//! Matching one term's pattern against one prepared field text: fzf's acceptance
//! rules for each [`Mode`], scores from fuzzy-matcher's `SkimMatcherV2`, and the
//! matched char positions for highlighting.

use super::fold::{self, Texts};
use super::parse::{Mode, Term};
use std::ops::Range;

/// A term's pattern compiled for matching.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Needle {
    /// How it compares.
    pub mode: Mode,
    /// The pattern (already case-folded when not case-sensitive).
    pub pattern: String,
    /// Compare with the text as written rather than lower-cased.
    pub case_sensitive: bool,
    /// Compare with accents stripped from the text.
    pub normalize: bool,
    mask: u64,
    /// True when the pattern is ASCII (the fast scorer's case).
    pub ascii: bool,
    /// The pattern's chars, for scorers that take them.
    pub chars: Vec<char>,
}

impl Needle {
    /// Compiles a term's pattern (its scope and negation are the caller's business).
    pub fn new(term: &Term) -> Needle {
        Needle {
            mode: term.mode,
            pattern: term.pattern.clone(),
            case_sensitive: term.case_sensitive,
            normalize: term.normalize,
            mask: fold::mask(&term.pattern),
            ascii: term.pattern.is_ascii(),
            chars: term.pattern.chars().collect(),
        }
    }

    /// The char of a one-char needle that the load-time table covers: ASCII letters
    /// and digits, fuzzy or exact (the same thing for one char), accents folded.
    pub fn single_char(&self) -> Option<char> {
        let mut chars = self.pattern.chars();
        let c = chars
            .next()
            .filter(|c| c.is_ascii_alphanumeric() && chars.next().is_none())?;
        let plain_mode = matches!(self.mode, Mode::Fuzzy | Mode::Exact) && self.normalize;
        (plain_mode && self.case_sensitive == c.is_ascii_uppercase()).then_some(c)
    }

    /// A needle for one char as a typed one-char term would have it.
    pub fn for_char(c: char) -> Needle {
        let pattern = c.to_string();
        Needle {
            mode: Mode::Fuzzy,
            mask: fold::mask(&pattern),
            case_sensitive: c.is_ascii_uppercase(),
            normalize: true,
            ascii: c.is_ascii(),
            chars: vec![c],
            pattern,
        }
    }

    /// The bits of [`fold::mask`] a text must have to match.
    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// When this fuzzy ASCII needle is `wider` (fuzzy, ASCII, not empty, compared
    /// the same way) with chars added at the end: the length of `wider`, from whose
    /// greedy match state this needle's scan can continue.
    pub fn extends(&self, wider: &Needle) -> Option<usize> {
        let fuzzy = self.mode == Mode::Fuzzy && wider.mode == Mode::Fuzzy;
        let same_form =
            self.case_sensitive == wider.case_sensitive && self.normalize == wider.normalize;
        let grown = !wider.pattern.is_empty() && self.pattern.starts_with(&wider.pattern);
        (fuzzy && same_form && self.ascii && wider.ascii && grown).then_some(wider.pattern.len())
    }

    /// True when every text this needle matches is also matched by `wider`, so the
    /// texts `wider` matched are enough candidates (the query only grew).
    pub fn narrows(&self, wider: &Needle) -> bool {
        if self.case_sensitive != wider.case_sensitive || self.normalize != wider.normalize {
            return false;
        }
        let (new, old) = (self.pattern.as_str(), wider.pattern.as_str());
        match (wider.mode, self.mode) {
            (Mode::Fuzzy, _) => is_subsequence(old, new),
            (Mode::Exact, Mode::Fuzzy) => false,
            (Mode::Exact, _) => new.contains(old),
            (Mode::Prefix, Mode::Prefix | Mode::Equal) => new.starts_with(old),
            (Mode::Suffix, Mode::Suffix | Mode::Equal) => new.ends_with(old),
            (a, b) => a == b && new == old,
        }
    }
}

/// True when the chars of `needle` occur in `hay` in order.
pub fn is_subsequence(needle: &str, hay: &str) -> bool {
    if needle.is_ascii() {
        let mut rest = hay.as_bytes();
        for b in needle.bytes() {
            match memchr::memchr(b, rest) {
                Some(i) => rest = &rest[i + 1..],
                None => return false,
            }
        }
        return true;
    }
    let mut hay = hay.chars();
    needle.chars().all(|c| hay.any(|h| h == c))
}

fn char_index(hay: &str, byte: usize) -> usize {
    hay[..byte].chars().count()
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Every start (bytes) of `needle` in `hay`, overlapping ones included.
fn occurrences<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + hay.get(from..)?.find(needle)?;
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

fn starts_word(hay: &str, at: usize) -> bool {
    !is_word(hay[..at].chars().next_back())
}

/// Where a non-fuzzy needle matches, as a char range of the text.
pub fn locate(needle: &Needle, hay: &str) -> Option<Range<usize>> {
    let pattern = needle.pattern.as_str();
    let plen = pattern.chars().count();
    let trim_start = !pattern.starts_with(char::is_whitespace);
    let trim_end = !pattern.ends_with(char::is_whitespace);
    let lead = if trim_start {
        hay.len() - hay.trim_start().len()
    } else {
        0
    };
    let body_end = if trim_end {
        hay.trim_end().len().max(lead)
    } else {
        hay.len()
    };
    let byte = match needle.mode {
        Mode::Fuzzy => return None,
        Mode::Exact => {
            let mut all = occurrences(hay, pattern).peekable();
            let first = *all.peek()?;
            all.find(|&at| starts_word(hay, at)).unwrap_or(first)
        }
        Mode::Boundary => occurrences(hay, pattern).find(|&at| {
            starts_word(hay, at) && !is_word(hay[at + pattern.len()..].chars().next())
        })?,
        Mode::Prefix => hay[lead..].starts_with(pattern).then_some(lead)?,
        Mode::Suffix => {
            let body = &hay[..body_end];
            body.ends_with(pattern)
                .then(|| body.len() - pattern.len())?
        }
        Mode::Equal => (hay[lead..body_end] == *pattern).then_some(lead)?,
    };
    let start = char_index(hay, byte);
    Some(start..start + plen)
}

/// True when text `i` matches the needle by fzf's rules (no score computed).
pub fn accepts(needle: &Needle, texts: &Texts, i: usize) -> bool {
    if needle.mask & texts.mask(i) != needle.mask {
        return false;
    }
    let hay = texts.form(i, needle.case_sensitive, needle.normalize);
    match needle.mode {
        Mode::Fuzzy => is_subsequence(&needle.pattern, hay),
        Mode::Exact => memchr::memmem::find(hay.as_bytes(), needle.pattern.as_bytes()).is_some(),
        _ => locate(needle, hay).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse::Query;
    use crate::query::scorer::{Backend, Matcher};

    fn needle(q: &str) -> Needle {
        let query = Query::parse(q).unwrap();
        Needle::new(&query.groups[0][0])
    }

    fn hit(q: &str, text: &str) -> Option<Vec<usize>> {
        let texts = Texts::new(&[text]);
        let found: Vec<Option<Vec<usize>>> =
            [Backend::Nucleo, Backend::NucleoGreedy, Backend::Skim]
                .into_iter()
                .map(|b| {
                    Matcher::new(b)
                        .indices(&needle(q), &texts, 0)
                        .map(|(_, p)| p)
                })
                .collect();
        assert_eq!(found[0].is_some(), accepts(&needle(q), &texts, 0));
        assert!(
            found.iter().all(|f| f.is_some() == found[0].is_some()),
            "{q} on {text}"
        );
        found[0].clone()
    }

    #[test]
    fn modes_accept_as_fzf_does() {
        assert!(hit("cqg", "Chongqing").is_some());
        assert!(hit("'ngq", "Chongqing").is_some());
        assert!(hit("'nqg", "Chongqing").is_none());
        assert!(hit("^chong", "  Chongqing").is_some());
        assert!(hit("^hong", "Chongqing").is_none());
        assert!(hit("qing$", "Chongqing  ").is_some());
        assert!(hit("^chongqing$", " Chongqing ").is_some());
        assert!(hit("^chong$", "Chongqing").is_none());
        assert!(hit("'chong'", "Chongqing").is_none());
        assert!(hit("'chong'", "Chong-qing").is_some());
    }

    #[test]
    fn positions_are_chars_of_the_original() {
        assert_eq!(hit("'rich", "Zürich"), Some(vec![2, 3, 4, 5]));
        assert_eq!(hit("zur", "Zürich"), Some(vec![0, 1, 2]));
        assert_eq!(hit("qing$", "Chongqing"), Some(vec![5, 6, 7, 8]));
    }

    #[test]
    fn exact_prefers_a_word_start() {
        assert_eq!(hit("'ba", "abba bar"), Some(vec![5, 6]));
    }

    #[test]
    fn boundary_finds_overlapping_occurrences() {
        assert!(hit("'a a'", "ba a a").is_some());
    }

    #[test]
    fn smart_case_and_accents() {
        assert!(hit("Chong", "chongqing").is_none());
        assert!(hit("Chong", "Chongqing").is_some());
        assert!(hit("zurich", "ZÜRICH").is_some());
        assert!(hit("zürich", "Zurich").is_none());
    }

    #[test]
    fn narrowing_rules() {
        assert!(needle("chong").narrows(&needle("cho")));
        assert!(needle("chong").narrows(&needle("cg")));
        assert!(!needle("cho").narrows(&needle("chong")));
        assert!(needle("'chong").narrows(&needle("'hon")));
        assert!(needle("'chong").narrows(&needle("chg")));
        assert!(!needle("chong").narrows(&needle("'cho")));
        assert!(needle("^chong").narrows(&needle("^ch")));
        assert!(!needle("^chong").narrows(&needle("^ho")));
        assert!(needle("^chong$").narrows(&needle("ong$")));
        assert!(!needle("Chong").narrows(&needle("cho")));
        assert!(!needle("'chong'").narrows(&needle("'chon'")));
    }
}
