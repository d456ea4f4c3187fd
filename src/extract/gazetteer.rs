//! The compiled gazetteers (places, companies, name lists, English words) from
//! `assets/`, parsed once into hash tables on first use.
//!
//! Matching is anchored on word tokens (see [`super::lookup`]), so every hit is on
//! word boundaries by construction. An Aho-Corasick automaton over the ~90k
//! patterns took 350-900 ms to build here, far over the 50 ms start-up budget;
//! hash tables load in a few milliseconds and keep per-word lookups cheap.

use super::Kind;
use std::collections::{HashMap, HashSet};
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
    exact: HashMap<&'static str, Entry>,
    folded: HashMap<String, (&'static str, Entry)>,
    /// Most words in one entry (bounds the lookup window).
    pub max_words: usize,
    /// First names (US Census).
    pub given: HashSet<&'static str>,
    /// Surnames (US Census).
    pub surnames: HashSet<&'static str>,
    /// Chinese surnames in pinyin and Wade-Giles, capitalised.
    pub chinese_surnames: HashSet<&'static str>,
    /// Pinyin syllables, lower case.
    pub pinyin: HashSet<&'static str>,
    /// Frequent lower-case English words.
    pub common: HashSet<&'static str>,
    /// Nationality adjectives ("Chinese").
    pub demonyms: HashSet<&'static str>,
    /// Company legal forms, lower case ("ltd", "gmbh").
    pub legal_forms: HashSet<&'static str>,
}

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words_in(surface: &str) -> usize {
    surface.split([' ', '-']).filter(|w| !w.is_empty()).count()
}

fn place(line: &'static str) -> Option<(&'static str, Entry)> {
    let mut cols = line.split('\t');
    let surface = cols.next()?;
    let kind = match cols.next()? {
        "city" => Kind::City,
        "region" => Kind::Region,
        _ => Kind::Country,
    };
    let canonical = cols.next()?;
    let population = cols.next()?.parse().unwrap_or(0);
    let continent = kind == Kind::Region && cols.next().is_some_and(str::is_empty);
    Some((
        surface,
        Entry::Place {
            kind,
            canonical,
            population,
            continent,
        },
    ))
}

fn firm(line: &'static str) -> Option<(&'static str, Entry)> {
    let (surface, flag) = line.split_once('\t')?;
    let brand = match flag {
        "m" => Brand::Multi,
        "d" => Brand::Distinct,
        "c" => Brand::Common,
        _ => Brand::Acronym,
    };
    Some((surface, Entry::Firm(brand)))
}

/// True when a case-insensitive hit may stand for the entry ("IFLYTEK" for "Iflytek").
fn folds(entry: &Entry, surface: &str) -> bool {
    match entry {
        Entry::Firm(Brand::Multi | Brand::Distinct) => true,
        Entry::Place { .. } => surface.len() >= 4,
        _ => false,
    }
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut exact = HashMap::with_capacity(100_000);
        let mut max_words = 1;
        for (surface, entry) in lines(PLACES).filter_map(place).chain(lines(FIRMS).filter_map(firm)) {
            if exact.contains_key(surface) {
                continue;
            }
            max_words = max_words.max(words_in(surface));
            exact.insert(surface, entry);
        }
        let folded = exact
            .iter()
            .filter(|(s, e)| folds(e, s))
            .map(|(s, e)| (s.to_lowercase(), (*s, *e)))
            .collect();
        let set = |text: &'static str| lines(text).collect::<HashSet<_>>();
        Gazetteer {
            exact,
            folded,
            max_words: max_words.min(8),
            given: set(GIVEN_NAMES),
            surnames: set(SURNAMES),
            chinese_surnames: set(CHINESE_SURNAMES),
            pinyin: set(PINYIN),
            common: set(COMMON_WORDS),
            demonyms: set(DEMONYMS),
            legal_forms: set(LEGAL_FORMS),
        }
    }

    /// Looks a surface form up: exact case first, then (for distinctive names) any
    /// case as long as the text starts with a capital in its first two characters.
    /// Returns the listed spelling and the entry.
    pub fn lookup(&self, surface: &str) -> Option<(&'static str, Entry)> {
        if let Some((key, entry)) = self.exact.get_key_value(surface) {
            return Some((key, *entry));
        }
        let capital_start = surface.chars().take(2).any(char::is_uppercase);
        if !capital_start || surface.len() > 80 {
            return None;
        }
        self.folded.get(&surface.to_lowercase()).copied()
    }

    /// Lower-case English word (so not a name by itself)?
    pub fn is_common(&self, word: &str) -> bool {
        if word.bytes().all(|b| b.is_ascii_lowercase()) {
            return self.common.contains(word);
        }
        self.common.contains(word.to_lowercase().as_str())
    }

    /// Can the word be split into pinyin syllables (1 to `max` of them)?
    pub fn is_pinyin(&self, word: &str, max: usize) -> bool {
        let lower = word.to_lowercase();
        lower.is_ascii() && self.pinyin_split(&lower, max)
    }

    fn pinyin_split(&self, rest: &str, max: usize) -> bool {
        if rest.is_empty() {
            return true;
        }
        if max == 0 {
            return false;
        }
        (1..=rest.len().min(6)).rev().any(|n| {
            self.pinyin.contains(&rest[..n]) && self.pinyin_split(&rest[n..], max - 1)
        })
    }
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
                continent: false
            }
        );
        assert_eq!(g.lookup("Sichuan").unwrap().1.kind(), Kind::Region);
        assert_eq!(g.lookup("Wuhan").unwrap().1.kind(), Kind::City);
        assert!(g.lookup("wuhan").is_none(), "lower case is not a name");
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
        assert_eq!(g.lookup("Qualcomm").unwrap().1, Entry::Firm(Brand::Distinct));
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
