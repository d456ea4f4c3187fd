//! The compiled gazetteers (places, companies, name lists, English words) from
//! `assets/`, parsed once on first use into sorted tables.
//!
//! Matching is anchored on word tokens (see [`super::doc`]), so every hit is on word
//! boundaries by construction. An Aho-Corasick automaton over the ~85k patterns
//! took 350-900 ms to build here, far over the 50 ms start-up budget; the asset
//! files are instead stored sorted by their ASCII-lower-cased key, so loading is
//! one pass of line splitting and every lookup (exact or any-case, and "does any
//! name start with this?") is an allocation-free binary search.

use super::Kind;
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

/// Lower-cased keys in one buffer: rows point into it, so comparing a query with
/// a key is one `memcmp`.
struct Keys {
    text: Vec<u8>,
    spans: Vec<(u32, u32)>,
    /// For each prefix value, the first row whose prefix is not below it.
    buckets: Vec<u32>,
    /// Two-byte prefixes (big tables) or one byte (word lists).
    wide: bool,
    /// The first eight key bytes as a big-endian number: most comparisons end here.
    heads: Vec<u64>,
}

fn head(key: &[u8]) -> u64 {
    let mut bytes = [0u8; 8];
    for (slot, b) in bytes.iter_mut().zip(key) {
        *slot = *b;
    }
    u64::from_be_bytes(bytes)
}

/// Bucket of a key: its first byte, and for big tables its second byte too.
fn prefix_value(key: &[u8], wide: bool) -> usize {
    let first = usize::from(key.first().copied().unwrap_or(0));
    if wide {
        (first << 8) | usize::from(key.get(1).copied().unwrap_or(0))
    } else {
        first
    }
}

impl Keys {
    fn new<'a>(surfaces: impl Iterator<Item = &'a str>, wide: bool) -> Keys {
        let mut keys = Keys {
            text: Vec::new(),
            spans: Vec::new(),
            buckets: Vec::new(),
            wide,
            heads: Vec::new(),
        };
        for s in surfaces {
            let start = keys.text.len() as u32;
            keys.text.extend(s.bytes().map(|c| c.to_ascii_lowercase()));
            keys.spans.push((start, s.len() as u32));
        }
        keys.index();
        keys
    }

    /// Fills the two-byte prefix buckets (rows must be sorted; unsorted rows are
    /// re-indexed after sorting).
    fn index(&mut self) {
        self.heads = (0..self.spans.len()).map(|n| head(self.get(n))).collect();
        let size = if self.wide { 1 << 16 } else { 1 << 8 };
        let mut buckets = vec![self.spans.len() as u32; size + 1];
        for n in (0..self.spans.len()).rev() {
            buckets[prefix_value(self.get(n), self.wide)] = n as u32;
        }
        for v in (0..size).rev() {
            buckets[v] = buckets[v].min(buckets[v + 1]);
        }
        self.buckets = buckets;
    }

    fn get(&self, n: usize) -> &[u8] {
        let (start, len) = self.spans[n];
        &self.text[start as usize..(start + len) as usize]
    }

    fn sorted(&self) -> bool {
        (1..self.spans.len()).all(|n| self.get(n - 1) <= self.get(n))
    }

    /// First row whose key is not below `query`.
    fn lower_bound(&self, query: &[u8]) -> usize {
        let v = prefix_value(query, self.wide);
        let (mut lo, mut hi) = (self.buckets[v] as usize, self.buckets[v + 1] as usize);
        let q = head(query);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let h = self.heads[mid];
            if h < q || (h == q && self.get(mid) < query) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Rows whose key equals `query`, and whether any key starts with it.
    fn probe(&self, query: &[u8]) -> (std::ops::Range<usize>, bool) {
        let lo = self.lower_bound(query);
        let mut hi = lo;
        while hi < self.spans.len() && self.get(hi) == query {
            hi += 1;
        }
        let prefix = lo < self.spans.len() && self.get(lo).starts_with(query);
        (lo..hi, prefix)
    }
}

/// A query lower-cased on the stack (names longer than this are never listed).
struct Query {
    bytes: [u8; 96],
    len: usize,
}

impl Query {
    fn new(text: &str) -> Option<Query> {
        if text.len() > 96 {
            return None;
        }
        let mut bytes = [0u8; 96];
        for (slot, b) in bytes.iter_mut().zip(text.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        Some(Query {
            bytes,
            len: text.len(),
        })
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// A sorted word list.
pub struct Words {
    words: Vec<&'static str>,
    keys: Keys,
}

impl Words {
    fn load(text: &'static str) -> Words {
        let mut words: Vec<&'static str> = lines(text).collect();
        let mut keys = Keys::new(words.iter().copied(), false);
        if !keys.sorted() {
            words.sort_by(|a, b| cmp_ci(a, b));
            keys = Keys::new(words.iter().copied(), false);
        }
        Words { words, keys }
    }

    fn range(&self, word: &str) -> &[&'static str] {
        match Query::new(word) {
            Some(q) => &self.words[self.keys.probe(q.as_bytes()).0],
            None => &[],
        }
    }

    /// Exactly this word (case matters)?
    pub fn contains(&self, word: &str) -> bool {
        self.range(word).contains(&word)
    }

    /// This word in any ASCII case?
    pub fn contains_ci(&self, word: &str) -> bool {
        !self.range(word).is_empty()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// No words at all?
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Listed names with their entries (places before companies of the same name),
/// sorted by lower-cased name.
struct Table {
    rows: Vec<(&'static str, Entry)>,
    keys: Keys,
}

impl Table {
    /// Merges the place and company lists (each sorted) into one sorted table.
    fn load(places: &'static str, firms: &'static str) -> Table {
        let a: Vec<(&'static str, Entry)> = lines(places).filter_map(place).collect();
        let b: Vec<(&'static str, Entry)> = lines(firms).filter_map(firm).collect();
        let mut rows = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let take_a =
                j == b.len() || (i < a.len() && cmp_ci(a[i].0, b[j].0) != Ordering::Greater);
            if take_a {
                rows.push(a[i]);
                i += 1;
            } else {
                rows.push(b[j]);
                j += 1;
            }
        }
        let mut keys = Keys::new(rows.iter().map(|(s, _)| *s), true);
        // The asset files are sorted; a hand edit that breaks the order is repaired here.
        if !keys.sorted() {
            rows.sort_by(|x, y| cmp_ci(x.0, y.0));
            keys = Keys::new(rows.iter().map(|(s, _)| *s), true);
        }
        Table { rows, keys }
    }

    fn max_words(&self) -> usize {
        self.rows
            .iter()
            .map(|(s, _)| words_in(s))
            .max()
            .unwrap_or(1)
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

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
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

/// True when a hit in another case may stand for the entry ("IFLYTEK" for "Iflytek").
fn folds(entry: &Entry, surface: &str) -> bool {
    match entry {
        Entry::Firm(Brand::Multi | Brand::Distinct) => true,
        Entry::Place { .. } => surface.len() >= 4,
        _ => false,
    }
}

/// The exact spelling among case variants, else one that may fold.
fn pick(
    rows: &[(&'static str, Entry)],
    surface: &str,
    capital_start: bool,
) -> Option<(&'static str, Entry)> {
    rows.iter()
        .find(|(s, _)| *s == surface)
        .or_else(|| rows.iter().find(|(s, e)| capital_start && folds(e, s)))
        .copied()
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let table = Table::load(PLACES, FIRMS);
        let max_words = table.max_words().min(8);
        Gazetteer {
            table,
            max_words,
            given: Words::load(GIVEN_NAMES),
            surnames: Words::load(SURNAMES),
            chinese_surnames: Words::load(CHINESE_SURNAMES),
            pinyin: Words::load(PINYIN),
            syllables: {
                let mut codes: Vec<u64> = lines(PINYIN).filter_map(syllable_code).collect();
                codes.sort_unstable();
                codes
            },
            common: Words::load(COMMON_WORDS),
            demonyms: Words::load(DEMONYMS),
            legal_forms: Words::load(LEGAL_FORMS),
        }
    }

    /// Looks a surface form up: exact case first, then (for distinctive names) any
    /// case as long as the text has a capital in its first two characters. Places
    /// win over companies of the same name. Returns the listed spelling and entry.
    pub fn lookup(&self, surface: &str) -> Option<(&'static str, Entry)> {
        self.probe(surface).0
    }

    /// The entry for `surface` (as [`Gazetteer::lookup`]) and whether any listed
    /// name starts with it (any case), in one search.
    pub fn probe(&self, surface: &str) -> (Option<(&'static str, Entry)>, bool) {
        let Some(query) = Query::new(surface) else {
            return (None, false);
        };
        let (range, prefix) = self.table.keys.probe(query.as_bytes());
        let capital_start = surface.chars().take(2).any(char::is_uppercase);
        (
            pick(&self.table.rows[range], surface, capital_start),
            prefix,
        )
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
