//! The tagger's features: for each token that may belong to a name, hashed
//! indicators of its form, its neighbours, the gazetteers and word lists, word
//! clusters, what the rules made of it, and how the same word is written (and, in
//! the second stage, labelled) elsewhere in the article. What depends on a word
//! alone is computed once per token and combined by hashing, not re-read per feature.

use super::super::Kind;
use super::super::doc::{Doc, Rank};
use super::super::fxhash::FxHashMap;
use super::super::gazetteer::{Brand, Entry};
use super::super::token::{Token, TokenKind};
use super::super::words::{COMPASS_SET, FUNCTION_WORD_SET, HEADS, MONTHS, TITLE_SET, WEEKDAYS};
use super::super::words::{among, heads_ending};
use super::clusters::{self, Path};
use std::cell::RefCell;

/// Lower-case words that may sit inside a name between capitalised words
/// ("Bank of China", "Ludwig van Beethoven", "Trinidad and Tobago").
const CONNECTORS: &[&str] = &[
    "of", "and", "de", "la", "le", "the", "for", "van", "von", "der", "den", "du", "da", "del",
    "di", "dos", "das", "al", "el", "bin", "ibn", "y", "on", "upon", "am", "in", "st", "zu",
];

/// What the rules made of a token: the outermost typed span over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMark {
    /// The span's kind (`None`: a capitalised chunk no rule typed).
    pub kind: Option<Kind>,
    /// First token of the span.
    pub first: bool,
    /// Last token of the span.
    pub last: bool,
    /// How sure the rule was.
    pub rank: Rank,
    /// Another typed span sits inside this one here (a city in a zone name).
    pub nested: Option<Kind>,
}

/// How a word is written elsewhere in the same article.
#[derive(Debug, Clone, Copy, Default)]
struct Usage {
    /// Capitalised where capitals are not forced (not first in a sentence or line,
    /// not in an all-capitals line).
    capitalised_inside: bool,
    /// Written in lower case.
    lower: bool,
    /// The token of a capitalised-inside use, to read its true case.
    example: u32,
}

/// What the features need of one token, computed once.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    /// Hash of the text as written.
    exact: u64,
    /// Hash of the text lower-cased (also the key of the article's word tables).
    lower: u64,
    /// Hash of the shape ("Xx", "X.X.", "dd").
    shape: u64,
    /// Word-list memberships, one bit per [`List`].
    lists: u16,
    /// Its cluster path, when the word has one.
    cluster: Option<Path>,
    /// The first two head phrases the word may end, as indices into [`HEADS`] plus
    /// one (0: none).
    heads: [u16; 2],
}

/// Word lists a token may belong to (bit numbers of [`Info::lists`]).
#[derive(Clone, Copy)]
enum List {
    Given,
    Surname,
    ChineseSurname,
    Pinyin,
    Common,
    Demonym,
    Legal,
    Title,
    Calendar,
    Function,
    Compass,
}

/// What a first stage said, for the second stage's features.
struct Prior {
    labels: Vec<u8>,
    /// Per word (as [`Context::word`] numbers them): how many of its occurrences got
    /// O (index 0) and each coarse type, and how many sat in a name of two tokens or
    /// more.
    by_word: Vec<[u16; 6]>,
}

/// No word number: the token is no word.
const NO_WORD: u32 = u32::MAX;

/// Everything the feature functions read about one article.
pub struct Context<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Rule marks per token.
    rules: &'d [Option<RuleMark>],
    /// Per token: the line it is on is written in capitals (a headline).
    caps_line: Vec<bool>,
    /// Per token: it may belong to a name.
    eligible: Vec<bool>,
    /// Per token (filled for runs and their neighbours).
    info: Vec<Info>,
    /// Lower-cased word -> its number, in order of first use (every word token's).
    words: FxHashMap<u64, u32>,
    /// Per token, the number of its lower-cased word ([`NO_WORD`] for other tokens).
    word: Vec<u32>,
    /// Per word number, its usage.
    usage: Vec<Usage>,
    prior: Option<Prior>,
    /// Per token, in training only: its rule mark is hidden (feature dropout).
    dropped: Vec<bool>,
    /// Per word number, the kinds (bit per [`Kind`]) the rules give it in the
    /// article, camel-case guesses aside.
    rule_kinds: Vec<u32>,
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline]
fn mix(state: u64, value: u64) -> u64 {
    (state.rotate_left(5) ^ value).wrapping_mul(K)
}

#[inline]
fn finish(h: u64) -> u64 {
    let h = h ^ (h >> 29);
    h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
}

/// A feature: its template and one value.
#[inline]
fn feature(template: u8, value: u64) -> u64 {
    finish(mix(
        mix(0x9e37_79b9_7f4a_7c15, u64::from(template) + 1),
        value,
    ))
}

/// A feature of two values.
#[inline]
fn feature2(template: u8, a: u64, b: u64) -> u64 {
    finish(mix(
        mix(mix(0x9e37_79b9_7f4a_7c15, u64::from(template) + 1), a),
        b,
    ))
}

/// Up to eight bytes as a little-endian number, zeros after the last (no call to
/// `memcpy` for a short tail).
#[inline]
fn load8(bytes: &[u8]) -> u64 {
    if let Some(eight) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*eight);
    }
    let mut value = 0u64;
    let mut at = 0;
    if let Some(four) = bytes.first_chunk::<4>() {
        value = u64::from(u32::from_le_bytes(*four));
        at = 4;
    }
    if let Some(two) = bytes[at..].first_chunk::<2>() {
        value |= u64::from(u16::from_le_bytes(*two)) << (8 * at);
        at += 2;
    }
    if let Some(&one) = bytes.get(at) {
        value |= u64::from(one) << (8 * at);
    }
    value
}

/// Eight bytes with bit 5 set on every ASCII capital ('A'..='Z'): the sums are
/// taken on the low seven bits, so no byte carries into the next.
#[inline]
fn fold8(value: u64) -> u64 {
    let high = 0x8080_8080_8080_8080u64;
    let low = value & !high;
    let a = (low + 0x3f3f_3f3f_3f3f_3f3f) & !value & high;
    let z = (low + 0x2525_2525_2525_2525) & !value & high;
    value | ((a & !z) >> 2)
}

const TEXT_SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// Hash of text, ASCII letters lower-cased when `lower`, eight bytes at a time.
fn hash_text(text: &str, lower: bool) -> u64 {
    let mut state = TEXT_SEED;
    let mut rest = text.as_bytes();
    while !rest.is_empty() {
        let take = rest.len().min(8);
        let mut value = load8(rest);
        if lower {
            value = fold8(value);
        }
        state = mix(state, value ^ take as u64);
        rest = &rest[take..];
    }
    state
}

/// [`hash_text`] of text as written and lower-cased, in one pass.
fn hash_text_both(text: &str) -> (u64, u64) {
    let mut exact = TEXT_SEED;
    let mut lower = TEXT_SEED;
    let mut rest = text.as_bytes();
    while !rest.is_empty() {
        let take = rest.len().min(8);
        let value = load8(rest);
        exact = mix(exact, value ^ take as u64);
        lower = mix(lower, fold8(value) ^ take as u64);
        rest = &rest[take..];
    }
    (exact, lower)
}

/// Templates, one number each.
mod t {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const SHAPE: u8 = 3;
    pub const PREFIX: u8 = 4;
    pub const SUFFIX: u8 = 5;
    pub const PREV_LOWER: u8 = 6;
    pub const NEXT_LOWER: u8 = 7;
    pub const PREV2_LOWER: u8 = 8;
    pub const NEXT2_LOWER: u8 = 9;
    pub const PREV_SHAPE: u8 = 10;
    pub const NEXT_SHAPE: u8 = 11;
    pub const PREV_BIGRAM: u8 = 12;
    pub const NEXT_BIGRAM: u8 = 13;
    pub const SHAPES3: u8 = 14;
    pub const POSITION: u8 = 15;
    pub const PLACE: u8 = 16;
    pub const FIRM: u8 = 17;
    pub const LIST: u8 = 18;
    pub const HEAD: u8 = 19;
    pub const RULE: u8 = 20;
    pub const RULE_RANK: u8 = 21;
    pub const NESTED: u8 = 22;
    pub const USAGE: u8 = 23;
    pub const PREV_LIST: u8 = 24;
    pub const NEXT_LIST: u8 = 25;
    pub const TRUE_WORD: u8 = 26;
    pub const LENGTH: u8 = 27;
    pub const RULE_SHAPE: u8 = 28;
    pub const PLACE_SIZE: u8 = 29;
    pub const NEXT_HEAD: u8 = 30;
    pub const AGREE: u8 = 31;
    pub const AGREE_MAJOR: u8 = 32;
    pub const AGREE_LONG: u8 = 33;
    pub const PRIOR_PREV: u8 = 34;
    pub const PRIOR_NEXT: u8 = 35;
    pub const CLUSTER: u8 = 36;
    pub const PREV_CLUSTER: u8 = 37;
    pub const NEXT_CLUSTER: u8 = 38;
    pub const POSSESSIVE: u8 = 39;
    pub const PUNCT: u8 = 40;
    pub const DOC_RULE: u8 = 43;
    pub const NEIGH_RULE: u8 = 44;
}

/// The shape of a word: capitals X, small letters x, digits d, other characters as
/// they are, runs of one class cut to two ("Xx", "XX", "X.X.", "dd-dd").
fn shape_hash(text: &str) -> u64 {
    let mut state = 0u64;
    let mut last = 0u8;
    let mut run = 0;
    let mut n = 0;
    for c in text.chars() {
        let class = if c.is_ascii_uppercase() || (!c.is_ascii() && c.is_uppercase()) {
            b'X'
        } else if c.is_ascii_lowercase() || (!c.is_ascii() && c.is_lowercase()) {
            b'x'
        } else if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'~'
        };
        if class == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = class;
        }
        n += 1;
        if n > 12 {
            break;
        }
        state = mix(state, u64::from(class));
    }
    state
}

/// A word a dot may follow inside a name: dotted ("U.S", "U.K"), an initial ("P.
/// Simmons"), or a listed abbreviation ("St", "Corp"); not an acronym in capitals or
/// a name ending a sentence ("AI. Shanghai", "Trump. Certainly").
fn abbreviation(doc: &Doc, i: usize) -> bool {
    let text = doc.tokens[i].text(doc.body);
    let dotted = text.contains('.') && text.split('.').all(|part| part.chars().count() <= 2);
    let initial = text.len() == 1 && text.bytes().all(|b| b.is_ascii_uppercase());
    dotted || initial || among!(ABBREVIATIONS, text)
}

/// Abbreviations written with a dot inside names ("St. Louis", "Bear Stearns & Co.
/// Inc", "Warner Bros. Pictures").
const ABBREVIATIONS: &[&str] = &[
    "St", "Ste", "Mt", "Ft", "Pt", "Jr", "Sr", "Dr", "Mr", "Mrs", "Ms", "Co", "Cos", "Corp", "Inc",
    "Ltd", "Bros", "Gen", "Gov", "Sen", "Rep", "Lt", "Col", "Capt", "Sgt", "Prof", "Rev", "Hon",
    "No", "Nos", "Ave", "Blvd", "Dept", "Univ", "Intl", "Assn", "Adm", "Cmdr", "Maj", "Messrs",
    "Fr", "Pres",
];

/// Token `i` has no space on either side of it.
fn glued(doc: &Doc, i: usize) -> bool {
    i > 0 && !doc.tokens[i].space_before && doc.tokens.get(i + 1).is_some_and(|t| !t.space_before)
}

/// A word joined by a hyphen to a name-like word ("Young-hoon", "al-Abidine").
fn hyphen_part(doc: &Doc, i: usize) -> bool {
    let Some(token) = doc.tokens.get(i) else {
        return false;
    };
    if !token.is_word() {
        return false;
    }
    let joined_to = |hyphen: usize, other: usize| {
        doc.tokens[hyphen].is_punct('-')
            && glued(doc, hyphen)
            && doc.tokens.get(other).is_some_and(|t| t.name_like)
    };
    token.name_like
        || (i >= 2 && joined_to(i - 1, i - 2))
        || (i + 2 < doc.tokens.len() && joined_to(i + 1, i + 2))
}

/// True when `i` may be part of a name: name-like, or a connector, number or joining
/// mark between name-like tokens.
fn eligible(doc: &Doc, caps_line: &[bool], i: usize) -> bool {
    let token = &doc.tokens[i];
    if token.name_like || (caps_line[i] && token.is_word()) {
        return true;
    }
    let before = i > 0 && !token.newline_before && doc.tokens[i - 1].name_like;
    let after = doc
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.name_like && !t.newline_before);
    match token.kind {
        TokenKind::Word => {
            let text = token.text(doc.body);
            ((before || after) && among!(CONNECTORS, text)) || hyphen_part(doc, i)
        }
        TokenKind::Number => before || after,
        // Inside a name, "&" and an abbreviation's dot may stand before a space
        // ("AT & T", "U.S. Treasury"); a hyphen, slash or apostrophe is glued on both
        // sides ("Quxton-Zed" goes on, "Quxton - Ann Zed" does not).
        TokenKind::Punct(c) => {
            let between = before
                && after
                && (c == '&'
                    || (c == '.' && abbreviation(doc, i - 1))
                    || (matches!(c, '-' | '\'' | '/') && glued(doc, i)));
            between
                || (c == '-'
                    && glued(doc, i)
                    && (hyphen_part(doc, i - 1) || hyphen_part(doc, i + 1)))
        }
    }
}

/// Per token: is its line written in capitals (two or more words, none with a small
/// letter)?
fn capital_lines(doc: &Doc) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    let mut start = 0;
    while start < doc.tokens.len() {
        let mut end = start + 1;
        while end < doc.tokens.len() && !doc.tokens[end].newline_before {
            end += 1;
        }
        let mut words = 0;
        let mut caps = true;
        for token in &doc.tokens[start..end] {
            if token.is_word() {
                words += 1;
                // After one word with a small letter the line is no headline: the
                // other words need not be read.
                if caps {
                    let text = token.text(doc.body);
                    caps = !text.bytes().any(|b| b.is_ascii_lowercase())
                        && text
                            .chars()
                            .filter(|c| c.is_alphabetic())
                            .all(char::is_uppercase);
                }
            }
        }
        if words >= 2 && caps {
            out[start..end].fill(true);
        }
        start = end;
    }
    out
}

/// Token `i` is part of a name of two or more tokens (by the labels).
fn in_long_name(labels: &[u8], i: usize) -> bool {
    let label = labels[i];
    label != 0 && (label.is_multiple_of(2) || labels.get(i + 1).is_some_and(|&n| n == label + 1))
}

/// The list memberships of a word.
fn lists_of(doc: &Doc, text: &str, name_like: bool) -> u16 {
    let g = doc.gazetteer;
    let mut bits = 0u16;
    let mut set = |list: List, yes: bool| {
        if yes {
            bits |= 1 << list as u16;
        }
    };
    let capitalised = text.chars().next().is_some_and(char::is_uppercase);
    if capitalised {
        set(List::Given, g.given.contains(text));
        set(List::Surname, g.surnames.contains(text));
        set(List::ChineseSurname, g.chinese_surnames.contains(text));
        set(List::Demonym, g.demonyms.contains(text));
        set(
            List::Title,
            TITLE_SET.contains(text) || TITLE_SET.contains(text.trim_end_matches('.')),
        );
        set(
            List::Calendar,
            (text.len() > 3 && among!(MONTHS, text)) || among!(WEEKDAYS, text),
        );
        set(List::Function, FUNCTION_WORD_SET.contains(text));
        set(List::Compass, COMPASS_SET.contains(text));
    }
    if name_like && (2..=12).contains(&text.len()) {
        set(List::Pinyin, g.is_pinyin(text, 3));
    }
    set(List::Common, g.is_common(text));
    set(
        List::Legal,
        text.len() <= 12 && g.legal_forms.contains_ci(text.trim_end_matches('.')),
    );
    bits
}

/// Words remembered per thread by [`word_info`] before the table is emptied.
const WORDS_REMEMBERED: usize = 1 << 17;

/// What [`word_info`] finds for a spelling: list flags, cluster path, shape hash,
/// head phrases (as [`Info::heads`]).
type WordInfo = (u16, Option<Path>, u64, [u16; 2]);

/// A word's lists, cluster and shape, which depend on its spelling alone: looked up
/// once per spelling and thread (news repeats its names and capitalised words).
fn word_info(doc: &Doc, token: &Token, text: &str, exact: u64) -> WordInfo {
    thread_local! {
        static KNOWN: RefCell<FxHashMap<u64, WordInfo>> =
            RefCell::new(FxHashMap::default());
    }
    let key = mix(
        exact,
        u64::from(token.is_word()) | (u64::from(token.name_like) << 1),
    );
    KNOWN.with(|known| {
        if let Some(found) = known.borrow().get(&key) {
            return *found;
        }
        let word = token.is_word();
        let found = (
            if word {
                lists_of(doc, text, token.name_like)
            } else {
                0
            },
            if word { clusters::path(text) } else { None },
            shape_hash(text),
            if word { heads_of(text) } else { [0; 2] },
        );
        let mut known = known.borrow_mut();
        if known.len() >= WORDS_REMEMBERED {
            known.clear();
        }
        known.insert(key, found);
        found
    })
}

/// The first two head phrases a word may end ([`Info::heads`]).
fn heads_of(text: &str) -> [u16; 2] {
    let mut out = [0u16; 2];
    for (slot, &h) in out.iter_mut().zip(heads_ending(text.trim_end_matches('.'))) {
        *slot = u16::try_from(h + 1).expect("fewer head phrases than u16::MAX");
    }
    out
}

impl<'d, 'a> Context<'d, 'a> {
    /// Prepares the per-article tables.
    pub fn new(doc: &'d Doc<'a>, rules: &'d [Option<RuleMark>]) -> Context<'d, 'a> {
        let n = doc.tokens.len();
        let caps_line = capital_lines(doc);
        let eligible: Vec<bool> = (0..n).map(|i| eligible(doc, &caps_line, i)).collect();
        let mut info = vec![Info::default(); n];
        // At most one number per token: no growing of the table.
        let mut words: FxHashMap<u64, u32> =
            FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut word = vec![NO_WORD; n];
        let mut usage: Vec<Usage> = Vec::new();

        // Tokens within two of a run token: the runs and their neighbours.
        // One pass: the two tokens before a run token are marked when it is met,
        // those up to two after it as they come.
        let mut near = vec![false; n];
        let mut until = 0;
        for (i, &run) in eligible.iter().enumerate() {
            if run {
                if i >= 1 {
                    near[i - 1] = true;
                }
                if i >= 2 {
                    near[i - 2] = true;
                }
                until = i + 3;
            }
            if i < until {
                near[i] = true;
            }
        }
        for (i, token) in doc.tokens.iter().enumerate() {
            let near = near[i];
            if !near && !token.is_word() {
                continue;
            }
            let text = token.text(doc.body);
            if near {
                let (exact, lower) = hash_text_both(text);
                info[i].lower = lower;
                info[i].exact = exact;
                let (lists, cluster, shape, heads) = word_info(doc, token, text, exact);
                info[i].lists = lists;
                info[i].cluster = cluster;
                info[i].shape = shape;
                info[i].heads = heads;
            } else if token.is_word() {
                info[i].lower = hash_text(text, true);
            }
            if !token.is_word() {
                continue;
            }
            let id = *words.entry(info[i].lower).or_insert_with(|| {
                usage.push(Usage::default());
                (usage.len() - 1) as u32
            });
            word[i] = id;
            let entry = &mut usage[id as usize];
            let first = text.chars().next().unwrap_or(' ');
            if first.is_lowercase() {
                entry.lower = true;
            } else if first.is_uppercase() && !token.sentence_start && !caps_line[i] {
                if !entry.capitalised_inside {
                    entry.example = i as u32;
                }
                entry.capitalised_inside = true;
            }
        }
        let mut rule_kinds = vec![0u32; usage.len()];
        for (i, mark) in rules.iter().enumerate() {
            if let Some(RuleMark {
                kind: Some(kind),
                rank,
                ..
            }) = mark
                && *rank != Rank::Shape
                && doc.tokens[i].is_word()
            {
                rule_kinds[word[i] as usize] |= kind_bit(*kind);
            }
        }
        Context {
            doc,
            rules,
            caps_line,
            eligible,
            info,
            words,
            word,
            usage,
            prior: None,
            dropped: Vec::new(),
            rule_kinds,
        }
    }

    /// The same context with the rules' marks hidden from whole marked spans, each
    /// span with probability `rate` drawn from `seed`: training only, so that the
    /// tagger learns to read names without leaning on the rules' marks, which it
    /// otherwise echoes where a list is wrong ("Fifth" a firm, "Stewart Island" a
    /// person by shape).
    pub fn with_rule_dropout(mut self, rate: f32, seed: u64) -> Self {
        if rate <= 0.0 {
            return self;
        }
        let n = self.doc.tokens.len();
        let mut dropped = vec![false; n];
        let mut drop = false;
        for (i, slot) in dropped.iter_mut().enumerate() {
            let Some(mark) = self.rules[i] else { continue };
            if mark.first || i == 0 || self.rules[i - 1].is_none() {
                let h = finish(mix(seed, i as u64));
                drop = ((h >> 40) as f32 / (1u64 << 24) as f32) < rate;
            }
            *slot = drop;
        }
        self.dropped = dropped;
        self
    }

    /// The same context with a first stage's labels (one per token, as
    /// [`super::LABELS`] numbers them), for the second stage's features.
    pub fn with_prior(mut self, labels: Vec<u8>) -> Self {
        let mut by_word = vec![[0u16; 6]; self.usage.len()];
        for (i, &id) in self.word.iter().enumerate() {
            if id == NO_WORD {
                continue;
            }
            let label = labels[i] as usize;
            let slot = if label == 0 { 0 } else { 1 + (label - 1) / 2 };
            let counts = &mut by_word[id as usize];
            counts[slot] += 1;
            counts[5] += u16::from(in_long_name(&labels, i));
        }
        self.prior = Some(Prior { labels, by_word });
        self
    }

    /// The article.
    pub fn doc(&self) -> &'d Doc<'a> {
        self.doc
    }

    /// Token `i` may be part of a name.
    pub fn eligible(&self, i: usize) -> bool {
        self.eligible[i]
    }

    /// The neighbour of `i` on the same line.
    fn neighbour(&self, i: usize, offset: isize) -> Option<usize> {
        let j = i.checked_add_signed(offset)?;
        let tokens = &self.doc.tokens;
        if j >= tokens.len() {
            return None;
        }
        let crosses = if j < i {
            tokens[j + 1..=i].iter().any(|t| t.newline_before)
        } else {
            tokens[i + 1..=j].iter().any(|t| t.newline_before)
        };
        (!crosses).then_some(j)
    }

    /// The features of token `i` that do not depend on a first stage, as hashes,
    /// appended to `out`: its [`Context::intrinsic`] ones, then the others.
    pub fn features(&self, i: usize, out: &mut Vec<u64>) {
        self.intrinsic(i, out);
        self.contextual(i, out);
    }

    /// Token `i`'s word as the lists and clusters read it: in a headline or at a
    /// sentence start, the way the article writes the word elsewhere.
    fn read_as(&self, i: usize) -> Option<usize> {
        let token = &self.doc.tokens[i];
        if !(self.caps_line[i] || token.sentence_start) {
            return None;
        }
        self.usage_of(i)
            .filter(|u| u.capitalised_inside)
            .map(|u| u.example as usize)
    }

    /// How the article uses token `i`'s word (a token that is no word has the usage
    /// of a word whose lower-cased hash it shares, as a table keyed by the hash had
    /// it).
    fn usage_of(&self, i: usize) -> Option<&Usage> {
        let id = match self.word[i] {
            NO_WORD => *self.words.get(&self.info[i].lower)?,
            id => id,
        };
        Some(&self.usage[id as usize])
    }

    /// A key for [`Context::intrinsic`]: its features depend on nothing but the
    /// token's text and the text it is read as, so equal keys give equal features.
    pub fn intrinsic_key(&self, i: usize) -> u64 {
        let read = self.read_as(i).map_or(0, |j| self.info_of(j).exact);
        mix(mix(self.info[i].exact, read), self.info[i].lower)
    }

    /// The features of token `i` that depend only on its text (and the text it is
    /// read as): the word, its shape, affixes, lists, cluster and head words.
    pub fn intrinsic(&self, i: usize, out: &mut Vec<u64>) {
        let doc = self.doc;
        let text = doc.tokens[i].text(doc.body);
        let me = self.info[i];
        out.push(feature(t::BIAS, 0));
        out.push(feature(t::WORD, me.exact));
        out.push(feature(t::LOWER, me.lower));
        out.push(feature(t::SHAPE, me.shape));
        self.affixes(text, out);
        let read = match self.read_as(i) {
            Some(j) => self.info_of(j),
            None => me,
        };
        self.cluster_features(t::CLUSTER, read.cluster, &[4, 6, 10, 20], out);
        list_features(t::LIST, read.lists, out);
        self.head_features(t::HEAD, i, out);
    }

    /// The features of token `i` that depend on where it stands: neighbours,
    /// position, gazetteer hits, how the article uses the word, the rules' reading.
    pub fn contextual(&self, i: usize, out: &mut Vec<u64>) {
        let doc = self.doc;
        let token = &doc.tokens[i];
        let me = self.info[i];
        let caps = self.caps_line[i];

        let prev = self.neighbour(i, -1);
        let next = self.neighbour(i, 1);
        let prev2 = self.neighbour(i, -2);
        let next2 = self.neighbour(i, 2);
        let lower = |j: Option<usize>| j.map_or(1, |j| self.info[j].lower);
        let shape = |j: Option<usize>| j.map_or(1, |j| self.info[j].shape);
        out.push(feature(t::PREV_LOWER, lower(prev)));
        out.push(feature(t::NEXT_LOWER, lower(next)));
        out.push(feature(t::PREV2_LOWER, lower(prev2)));
        out.push(feature(t::NEXT2_LOWER, lower(next2)));
        out.push(feature2(t::PREV_BIGRAM, lower(prev), me.lower));
        out.push(feature2(t::NEXT_BIGRAM, me.lower, lower(next)));
        out.push(feature(t::PREV_SHAPE, shape(prev)));
        out.push(feature(t::NEXT_SHAPE, shape(next)));
        out.push(feature2(
            t::SHAPES3,
            mix(shape(prev), me.shape),
            shape(next),
        ));

        let possessive = u64::from(token.possessive)
            | (u64::from(prev.is_some_and(|p| doc.tokens[p].possessive)) << 1);
        out.push(feature(t::POSSESSIVE, possessive));
        let position = u64::from(token.sentence_start)
            | (u64::from(token.newline_before) << 1)
            | (u64::from(caps) << 2)
            | (u64::from(prev.is_some_and(|p| doc.tokens[p].is_punct('('))) << 3);
        out.push(feature(t::POSITION, position));
        if let TokenKind::Punct(c) = token.kind {
            out.push(feature(t::PUNCT, u64::from(c)));
        }

        let usage = self.usage_of(i).copied().unwrap_or_default();
        let true_index = self.read_as(i);
        if caps {
            out.push(feature(
                t::TRUE_WORD,
                true_index.map_or(0, |j| self.info_of(j).exact),
            ));
        }
        self.cluster_features(
            t::PREV_CLUSTER,
            prev.and_then(|p| self.info[p].cluster),
            &[4, 10],
            out,
        );
        self.cluster_features(
            t::NEXT_CLUSTER,
            next.and_then(|n| self.info[n].cluster),
            &[4, 10],
            out,
        );
        self.gazetteer_features(true_index.unwrap_or(i), out);
        if let Some(p) = prev {
            list_features(t::PREV_LIST, self.info[p].lists, out);
        }
        if let Some(n) = next {
            list_features(t::NEXT_LIST, self.info[n].lists, out);
            self.head_features(t::NEXT_HEAD, n, out);
        }

        let used = u64::from(usage.capitalised_inside)
            | (u64::from(usage.lower) << 1)
            | (u64::from(token.sentence_start || caps) << 2);
        out.push(feature(t::USAGE, used));

        // The kinds the rules give the same word elsewhere in the article ("Zorbco"
        // alone at a sentence start, "Zorbco Holding Group" later).
        if token.is_word() {
            let kinds = self.rule_kinds[self.word[i] as usize];
            let own = self.rules[i].and_then(|m| m.kind).map_or(0, kind_bit);
            let mut other = kinds & !own;
            while other != 0 {
                out.push(feature(t::DOC_RULE, u64::from(other.trailing_zeros())));
                other &= other - 1;
            }
        }
        // In a list ("A, B and C"): the rules' kind of the name beside this one.
        let kind_at = |j: Option<usize>| {
            j.and_then(|j| self.rules[j])
                .and_then(|m| m.kind)
                .map_or(0, |k| k as u64 + 1)
        };
        let joins = |j: Option<usize>| {
            j.is_some_and(|j| {
                let t = &doc.tokens[j];
                t.is_punct(',') || matches!(t.text(doc.body), "and" | "or")
            })
        };
        if joins(prev) {
            out.push(feature2(t::NEIGH_RULE, 0, kind_at(prev2)));
        }
        if joins(next) {
            out.push(feature2(t::NEIGH_RULE, 1, kind_at(next2)));
        }

        // The rules' reading.
        let hidden = self.dropped.get(i).copied().unwrap_or(false);
        match self.rules[i].filter(|_| !hidden) {
            Some(mark) => {
                let kind = mark.kind.map_or(0, |k| k as u64 + 1);
                let pos = u64::from(mark.first) | (u64::from(mark.last) << 1);
                out.push(feature2(t::RULE, kind, pos));
                out.push(feature2(t::RULE_RANK, kind, mark.rank as u64));
                out.push(feature2(t::RULE_SHAPE, kind, me.shape));
                if let Some(inner) = mark.nested {
                    out.push(feature(t::NESTED, inner as u64));
                }
            }
            None => out.push(feature(t::RULE, 99)),
        }
    }

    /// The info of a token outside the runs' neighbourhood (a word's capitalised use
    /// elsewhere), computed on demand.
    fn info_of(&self, i: usize) -> Info {
        let info = self.info[i];
        if info.exact != 0 {
            return info;
        }
        let token = &self.doc.tokens[i];
        let text = token.text(self.doc.body);
        let exact = hash_text(text, false);
        let (lists, cluster, shape, heads) = word_info(self.doc, token, text, exact);
        Info {
            exact,
            lower: info.lower,
            shape,
            lists,
            cluster,
            heads,
        }
    }

    /// Prefixes of two and three characters and suffixes of two to four, lower-cased,
    /// for words longer than the affix.
    fn affixes(&self, text: &str, out: &mut Vec<u64>) {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect();
        let chars = bounds.len() - 1;
        for k in 2..=3 {
            if chars > k {
                out.push(feature(t::PREFIX, hash_text(&text[..bounds[k]], true)));
            }
        }
        for k in 2..=4 {
            if chars > k {
                out.push(feature(
                    t::SUFFIX,
                    hash_text(&text[bounds[chars - k]..], true),
                ));
            }
        }
        out.push(feature(t::LENGTH, chars.min(12) as u64));
    }

    /// The features of token `i` from the first stage's labels (none without them).
    pub fn prior_features(&self, i: usize, out: &mut Vec<u64>) {
        let Some(prior) = &self.prior else {
            return;
        };
        let label_of = |j: Option<usize>| j.map_or(99, |j| u64::from(prior.labels[j]));
        out.push(feature(t::PRIOR_PREV, label_of(self.neighbour(i, -1))));
        out.push(feature(t::PRIOR_NEXT, label_of(self.neighbour(i, 1))));
        if !self.doc.tokens[i].is_word() {
            return;
        }
        let mut counts = prior.by_word[self.word[i] as usize];
        let own = prior.labels[i] as usize;
        counts[if own == 0 { 0 } else { 1 + (own - 1) / 2 }] -= 1;
        counts[5] -= u16::from(in_long_name(&prior.labels, i));
        if counts[..5].iter().all(|&n| n == 0) {
            return;
        }
        for (slot, &n) in counts[..5].iter().enumerate() {
            if n > 0 {
                out.push(feature(t::AGREE, slot as u64));
            }
        }
        let major = (0..5).max_by_key(|&k| (counts[k], k)).unwrap_or(0);
        out.push(feature(t::AGREE_MAJOR, major as u64));
        if counts[5] > 0 {
            out.push(feature(t::AGREE_LONG, major as u64));
        }
    }

    /// Prefixes of a cluster path, one feature per length.
    fn cluster_features(
        &self,
        template: u8,
        path: Option<Path>,
        lengths: &[u8],
        out: &mut Vec<u64>,
    ) {
        let Some(path) = path else {
            out.push(feature(template, u64::MAX));
            return;
        };
        for &n in lengths {
            let (bits, len) = path.prefix(n);
            out.push(feature2(template, u64::from(len), u64::from(bits)));
        }
    }

    fn gazetteer_features(&self, i: usize, out: &mut Vec<u64>) {
        let Some(hit) = self.doc.hit_covering(i) else {
            return;
        };
        let pos = u64::from(hit.first == i) | (u64::from(hit.last == i) << 1);
        match hit.entry {
            Entry::Place {
                kind,
                population,
                continent,
                ..
            } => {
                out.push(feature2(
                    t::PLACE,
                    kind as u64,
                    pos | (u64::from(continent) << 2),
                ));
                let size = match population {
                    0 => 0,
                    1..=9_999 => 1,
                    10_000..=99_999 => 2,
                    100_000..=999_999 => 3,
                    _ => 4,
                };
                out.push(feature2(t::PLACE_SIZE, kind as u64, size));
            }
            Entry::Firm(brand) => {
                let b = match brand {
                    Brand::Multi => 1,
                    Brand::Distinct => 2,
                    Brand::Common => 3,
                    Brand::Acronym => 4,
                };
                out.push(feature2(t::FIRM, b, pos));
            }
        }
    }

    /// The kinds of head phrase the word at `i` may end.
    fn head_features(&self, template: u8, i: usize, out: &mut Vec<u64>) {
        // Filled for every token near a run (and empty for a token that is no word).
        for &h in &self.info[i].heads {
            if h == 0 {
                break;
            }
            let (phrase, kind) = HEADS[usize::from(h - 1)];
            out.push(feature2(template, kind as u64, phrase.len() as u64));
        }
    }
}

/// A kind as one bit of a set.
fn kind_bit(kind: Kind) -> u32 {
    1 << (kind as u32 % 32)
}

/// One feature per list the word is in.
fn list_features(template: u8, lists: u16, out: &mut Vec<u64>) {
    let mut bits = lists;
    while bits != 0 {
        let n = bits.trailing_zeros();
        out.push(feature(template, u64::from(n)));
        bits &= bits - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_hashes_in_one_pass_are_the_two_hashes() {
        for text in [
            "",
            "a",
            "Ab",
            "CHONGQING-Z",
            "Zorbu Provinceand",
            "Zürich",
            "1234567",
        ] {
            assert_eq!(
                hash_text_both(text),
                (hash_text(text, false), hash_text(text, true))
            );
        }
        let bytes = b"ABCDEFGHIJ";
        for n in 0..=8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load8(&bytes[..n]), u64::from_le_bytes(padded));
        }
    }

    #[test]
    fn lower_case_hashing_folds_ascii_capitals_only() {
        assert_eq!(hash_text("Chongqing", true), hash_text("chongqing", true));
        assert_eq!(
            hash_text("CHONGQING-Z", true),
            hash_text("chongqing-z", true)
        );
        assert_ne!(hash_text("Chongqing", false), hash_text("chongqing", false));
        assert_ne!(hash_text("ab[", true), hash_text("ab{", true));
        assert_ne!(hash_text("abcdefgh", true), hash_text("abcdefghi", true));
    }

    #[test]
    fn rule_dropout_hides_whole_marked_spans_and_nothing_at_rate_zero() {
        let doc = Doc::new(
            "Quan Zorbo of the Bank of China met Li Wei in Shanghai, Beijing and Wuhan on \
             Monday; Zhang San of Huawei and Wang Er of Lenovo joined them in Chengdu.",
        );
        let rules = super::super::super::marks_of(&doc);
        let marked = rules.iter().filter(|m| m.is_some()).count();
        assert!(marked >= 8, "{rules:?}");
        let none = Context::new(&doc, &rules).with_rule_dropout(0.0, 1);
        assert!(none.dropped.is_empty());
        let half = Context::new(&doc, &rules).with_rule_dropout(0.5, 1);
        let hidden = half.dropped.iter().filter(|&&d| d).count();
        assert!(hidden > 0 && hidden < marked, "{hidden} of {marked}");
        // A span is hidden whole or not at all, and only marked tokens are hidden.
        for (i, mark) in rules.iter().enumerate() {
            match mark {
                None => assert!(!half.dropped[i]),
                Some(m) if !m.first => assert_eq!(half.dropped[i], half.dropped[i - 1]),
                Some(_) => {}
            }
        }
        let again = Context::new(&doc, &rules).with_rule_dropout(0.5, 1);
        assert_eq!(
            half.dropped, again.dropped,
            "the same seed hides the same spans"
        );
    }

    #[test]
    fn shapes_cut_runs_to_two() {
        assert_eq!(shape_hash("Chongqing"), shape_hash("Wuhanxx"));
        assert_ne!(shape_hash("Chongqing"), shape_hash("CHONGQING"));
        assert_eq!(shape_hash("U.S."), shape_hash("U.K."));
    }
}
