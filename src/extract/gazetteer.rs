//! The compiled gazetteers (places, companies, name lists, English words) from
//! `assets/`, parsed once on first use into hash indexes.
//!
//! Matching is anchored on word tokens (see [`super::doc`]), so every hit is on word
//! boundaries by construction. An Aho-Corasick automaton over the ~85k patterns
//! took 350-900 ms to build here, far over the 50 ms start-up budget; binary search
//! over the sorted files loaded in 30-56 ms and cost ~600 instructions a probe.
//! Loading is now one pass of line splitting that fills a [`KeyIndex`] (whole keys,
//! and fingerprints of the prefixes that end at a word boundary), a few milliseconds;
//! a probe hashes the window once.

use super::Kind;
use super::keyindex::{self, KeyIndex};
use super::tsv::{self, lines};
pub use super::wordlist::Words;
use std::cmp::Ordering;
use std::sync::OnceLock;

const PLACES: &str = include_str!("../../assets/places.tsv");
const FIRMS: &str = include_str!("../../assets/firms.tsv");
const LEGAL_FORMS: &str = include_str!("../../assets/legal_forms.txt");
const GIVEN_NAMES: &str = include_str!("../../assets/given_names.txt");
const SURNAMES: &str = include_str!("../../assets/surnames.txt");
const CHINESE_SURNAMES: &str = include_str!("../../assets/chinese_surnames.txt");
const PINYIN: &str = include_str!("../../assets/pinyin.txt");
const COMMON_WORDS: &str = include_str!("../../assets/common_words.txt");
const DEMONYMS: &str = include_str!("../../assets/demonyms.txt");

/// Names longer than this are never looked up (no listed name is near it).
const MAX_KEY: usize = 96;

/// Compares two strings with ASCII letters lower-cased, bytewise.
pub fn cmp_ci(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    for (x, y) in a.iter().zip(b) {
        let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
        if x != y {
            return x.cmp(&y);
        }
    }
    a.len().cmp(&b.len())
}

/// Strings stored under their case-folded form; spellings that differ only in case
/// are chained in file order.
struct Chains<T> {
    items: Vec<T>,
    /// Next item with the same folded key (`u32::MAX` ends a chain).
    next: Vec<u32>,
    index: KeyIndex,
    /// Most words in one key.
    max_words: usize,
}

impl<T> Chains<T> {
    /// Indexes `items` (with `surface` giving each one's key) and the fingerprints of
    /// every key prefix that ends at a word boundary.
    fn new(items: Vec<T>, surface: impl Fn(&T) -> &str) -> Chains<T> {
        let mut cuts = Vec::with_capacity(items.len() * 2);
        let mut max_words = 0;
        let states: Vec<u64> = items
            .iter()
            .map(|item| {
                let (state, words) = hash_with_cuts(surface(item).as_bytes(), &mut cuts);
                max_words = max_words.max(words);
                state
            })
            .collect();
        let mut next = vec![u32::MAX; items.len()];
        let mut tails: Vec<u32> = (0..items.len() as u32).collect();
        let same = |a: u32, b: u32| {
            surface(&items[a as usize]).eq_ignore_ascii_case(surface(&items[b as usize]))
        };
        let index = KeyIndex::build(&states, &cuts, same, |head, row| {
            let tail = tails[head as usize] as usize;
            next[tail] = row;
            tails[head as usize] = row;
        });
        Chains {
            items,
            next,
            index,
            max_words,
        }
    }

    /// The chain of items whose key equals `key` in any ASCII case (`state` is its
    /// hash), and whether any key starts so.
    fn find_hashed(
        &self,
        key: &str,
        state: u64,
        surface: impl Fn(&T) -> &str,
    ) -> (Chain<'_, T>, bool) {
        let probe = self.index.probe(state, |row| {
            surface(&self.items[row as usize]).eq_ignore_ascii_case(key)
        });
        let chain = Chain {
            chains: self,
            at: probe.row.unwrap_or(u32::MAX),
        };
        (chain, probe.prefix)
    }
}

/// Hash of `key`, pushing the hash state at each word boundary inside it: where the
/// next byte, or the last one, is not an ASCII letter or digit (never after a space).
/// Also counts the key's words (split at spaces and hyphens).
fn hash_with_cuts(key: &[u8], cuts: &mut Vec<u64>) -> (u64, usize) {
    let separator = |n: usize| n == 0 || matches!(key[n - 1], b' ' | b'-');
    let mut state = keyindex::EMPTY;
    let mut words = 0;
    let mut n = 0;
    while let Some(&b) = key.get(n) {
        if n > 0 && !key[n - 1].is_ascii_whitespace() {
            cuts.push(state);
        }
        if separator(n) && !matches!(b, b' ' | b'-') {
            words += 1;
        }
        state = keyindex::mix(state, b);
        n += 1;
        if b.is_ascii_alphanumeric() {
            // Inside a run of letters and digits there is no boundary.
            while let Some(&c) = key.get(n).filter(|c| c.is_ascii_alphanumeric()) {
                state = keyindex::mix(state, c);
                n += 1;
            }
        }
    }
    (state, words)
}

/// Items sharing one folded key, in file order.
struct Chain<'a, T> {
    chains: &'a Chains<T>,
    at: u32,
}

impl<'a, T> Iterator for Chain<'a, T> {
    type Item = &'a T;

    fn next(&mut self) -> Option<&'a T> {
        let item = self.chains.items.get(self.at as usize)?;
        self.at = self.chains.next[self.at as usize];
        Some(item)
    }
}

impl<T> Clone for Chain<'_, T> {
    fn clone(&self) -> Self {
        Chain {
            chains: self.chains,
            at: self.at,
        }
    }
}

/// Listed names with their entries: places, then companies (so a place wins over a
/// company of the same name).
struct Table(Chains<(&'static str, Entry)>);

impl Table {
    fn load(places: &'static str, firms: &'static str) -> Table {
        let mut rows = Vec::with_capacity((places.len() + firms.len()) / 20);
        tsv::records(places, |columns| rows.extend(place(columns)));
        tsv::records(firms, |columns| rows.extend(firm(columns)));
        // "Xi'an" and "Xi’an": text comes with either apostrophe, so each listed name
        // is found under the other one too (a few hundred names, built once).
        let other_apostrophe: Vec<(&'static str, Entry)> = rows
            .iter()
            .filter_map(|&(surface, entry)| {
                let swapped = if surface.contains('\u{2019}') {
                    surface.replace('\u{2019}', "'")
                } else if surface.contains('\'') {
                    surface.replace('\'', "\u{2019}")
                } else {
                    return None;
                };
                Some((&*Box::leak(swapped.into_boxed_str()), entry))
            })
            .collect();
        rows.extend(other_apostrophe);
        Table(Chains::new(rows, |r| r.0))
    }

    fn max_words(&self) -> usize {
        self.0.max_words.max(1)
    }
}

/// How a listed company name may be matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Brand {
    /// Several words ("Tencent Holdings").
    Multi,
    /// One word that is not an English word ("Qualcomm").
    Distinct,
    /// One word that is also an English word or a personal name ("Apple"): exact case,
    /// not at a sentence start, not inside a longer name.
    Common,
    /// An abbreviation ("HP"): exact case.
    Acronym,
}

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A city, region or country.
    Place {
        /// City, region or country.
        kind: Kind,
        /// The canonical name ("United States" for "U.S.").
        canonical: &'static str,
        /// Inhabitants (0 when unknown, e.g. for regions).
        population: u32,
        /// A continent ("Asia"): never counted inside a longer name.
        continent: bool,
        /// In China, by the gazetteer's country code.
        chinese: bool,
    },
    /// A listed company.
    Firm(Brand),
}

impl Entry {
    /// The entity kind.
    pub fn kind(&self) -> Kind {
        match self {
            Entry::Place { kind, .. } => *kind,
            Entry::Firm(_) => Kind::Firm,
        }
    }
}

/// Every compiled list.
pub struct Gazetteer {
    table: Table,
    /// Most words in one entry (bounds the lookup window).
    pub max_words: usize,
    /// First names (US Census).
    pub given: Words,
    /// Surnames (US Census).
    pub surnames: Words,
    /// Chinese surnames in pinyin and Wade-Giles, capitalised.
    pub chinese_surnames: Words,
    /// Pinyin syllables, lower case.
    pub pinyin: Words,
    /// The same syllables packed into numbers, sorted, for the hot pinyin test.
    syllables: Vec<u64>,
    /// Frequent lower-case English words.
    pub common: Words,
    /// Nationality adjectives ("Chinese").
    pub demonyms: Words,
    /// Company legal forms, lower case ("ltd", "gmbh").
    pub legal_forms: Words,
}

fn place(columns: [Option<&'static str>; 5]) -> Option<(&'static str, Entry)> {
    let [surface, kind, canonical, population, country] = columns;
    let kind = match kind? {
        "city" => Kind::City,
        "region" => Kind::Region,
        _ => Kind::Country,
    };
    let population = population?.parse().unwrap_or(0);
    let continent = kind == Kind::Region && country.is_some_and(str::is_empty);
    let chinese = country == Some("CN");
    Some((
        surface?,
        Entry::Place {
            kind,
            canonical: canonical?,
            population,
            continent,
            chinese,
        },
    ))
}

fn firm(columns: [Option<&'static str>; 2]) -> Option<(&'static str, Entry)> {
    let [surface, flag] = columns;
    let brand = match flag? {
        "m" => Brand::Multi,
        "d" => Brand::Distinct,
        "c" => Brand::Common,
        _ => Brand::Acronym,
    };
    Some((surface?, Entry::Firm(brand)))
}

/// True when a hit in another case may stand for the entry ("IFLYTEK" for "Iflytek").
fn folds(entry: &Entry, surface: &str) -> bool {
    match entry {
        Entry::Firm(Brand::Multi | Brand::Distinct) => true,
        Entry::Place { .. } => surface.len() >= 4,
        _ => false,
    }
}

/// The exact spelling among case variants, else one that may fold.
fn pick<'a>(
    rows: impl Iterator<Item = &'a (&'static str, Entry)> + Clone,
    surface: &str,
    capital_start: bool,
) -> Option<(&'static str, Entry)> {
    rows.clone()
        .find(|(s, _)| *s == surface)
        .or_else(|| {
            let mut rows = rows;
            rows.find(|(s, e)| capital_start && folds(e, s))
        })
        .copied()
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let table = Table::load(PLACES, FIRMS);
        let max_words = table.max_words().min(8);
        Gazetteer {
            table,
            max_words,
            given: words(GIVEN_NAMES),
            surnames: words(SURNAMES),
            chinese_surnames: words(CHINESE_SURNAMES),
            pinyin: words(PINYIN),
            syllables: {
                let mut codes: Vec<u64> = lines(PINYIN).filter_map(syllable_code).collect();
                codes.sort_unstable();
                codes
            },
            common: words(COMMON_WORDS),
            demonyms: words(DEMONYMS),
            legal_forms: words(LEGAL_FORMS),
        }
    }

    /// Looks a surface form up: exact case first, then (for distinctive names) any
    /// case as long as the text has a capital in its first two characters. Places
    /// win over companies of the same name. Returns the listed spelling and entry.
    pub fn lookup(&self, surface: &str) -> Option<(&'static str, Entry)> {
        self.probe(surface).0
    }

    /// The entry for `surface` (as [`Gazetteer::lookup`]) and whether any listed
    /// name starts with it (any case) and goes on at a word boundary, in one probe.
    pub fn probe(&self, surface: &str) -> (Option<(&'static str, Entry)>, bool) {
        if surface.len() > MAX_KEY {
            return (None, false);
        }
        self.probe_hashed(surface, keyindex::hash(surface.as_bytes()))
    }

    /// As [`Gazetteer::probe`], for a caller that already has `keyindex::hash(surface)`.
    pub(super) fn probe_hashed(
        &self,
        surface: &str,
        state: u64,
    ) -> (Option<(&'static str, Entry)>, bool) {
        if surface.len() > MAX_KEY {
            return (None, false);
        }
        let (rows, prefix) = self.table.0.find_hashed(surface, state, |r| r.0);
        let capital_start = surface.chars().take(2).any(char::is_uppercase);
        (pick(rows, surface, capital_start), prefix)
    }

    /// Lower-case English word (so not a name by itself)?
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains_ci(word)
    }

    /// Can the word be split into pinyin syllables (1 to `max` of them)?
    pub fn is_pinyin(&self, word: &str, max: usize) -> bool {
        word.is_ascii() && self.pinyin_split(word, max)
    }

    fn pinyin_split(&self, rest: &str, max: usize) -> bool {
        if rest.is_empty() {
            return true;
        }
        if max == 0 {
            return false;
        }
        (1..=rest.len().min(6)).rev().any(|n| {
            syllable_code(&rest[..n]).is_some_and(|c| self.syllables.binary_search(&c).is_ok())
                && self.pinyin_split(&rest[n..], max - 1)
        })
    }
}

/// Up to eight ASCII letters, lower-cased, as one number.
fn syllable_code(text: &str) -> Option<u64> {
    if text.len() > 8 || !text.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    Some(text.bytes().fold(0u64, |code, b| {
        (code << 8) | u64::from(b.to_ascii_lowercase())
    }))
}

fn words(text: &'static str) -> Words {
    let words: Vec<&'static str> = lines(text).collect();
    Words::new(words.iter().copied())
}

/// The gazetteer, loaded on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_places_with_kind_and_canonical_name() {
        let g = gazetteer();
        let (_, entry) = g.lookup("U.S.").unwrap();
        assert_eq!(
            entry,
            Entry::Place {
                kind: Kind::Country,
                canonical: "United States",
                population: match entry {
                    Entry::Place { population, .. } => population,
                    _ => 0,
                },
                continent: false,
                chinese: false,
            }
        );
        assert_eq!(g.lookup("Sichuan").unwrap().1.kind(), Kind::Region);
        assert_eq!(g.lookup("Wuhan").unwrap().1.kind(), Kind::City);
        assert!(g.lookup("wuhan").is_none(), "lower case is not a name");
    }

    #[test]
    fn listed_names_match_with_either_apostrophe() {
        let g = gazetteer();
        let curly = g.lookup("Xi\u{2019}an").map(|(_, e)| e);
        assert!(curly.is_some());
        assert_eq!(g.lookup("Xi'an").map(|(_, e)| e), curly);
    }

    #[test]
    fn common_words_that_are_towns_are_not_places() {
        let g = gazetteer();
        for word in ["Reading", "Mobile", "Nice", "Bath", "Of", "Most"] {
            assert!(g.lookup(word).is_none(), "{word}");
        }
    }

    #[test]
    fn distinctive_brands_match_in_any_capitalised_case() {
        let g = gazetteer();
        assert_eq!(
            g.lookup("Qualcomm").unwrap().1,
            Entry::Firm(Brand::Distinct)
        );
        assert!(g.lookup("QUALCOMM").is_some());
        assert!(g.lookup("qualcomm").is_none());
    }

    #[test]
    fn pinyin_segmentation() {
        let g = gazetteer();
        assert!(g.is_pinyin("Xiaoming", 2));
        assert!(g.is_pinyin("Jian", 1));
        assert!(!g.is_pinyin("Robert", 3));
        assert!(!g.is_pinyin("Xiaomingzhang", 2));
    }

    #[test]
    fn word_lists_load() {
        let g = gazetteer();
        assert!(g.given.contains("Mary") && g.chinese_surnames.contains("Zhang"));
        assert!(g.is_common("river") && !g.is_common("Qualcomm"));
        assert!(g.demonyms.contains("Chinese") && g.legal_forms.contains("ltd"));
    }
}
