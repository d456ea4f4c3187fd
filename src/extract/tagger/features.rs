//! The tagger's features: for each token that may belong to a name, hashed
//! indicators of its form, its neighbours, the gazetteers and word lists, what the
//! rules made of it, and how the same word is written elsewhere in the article.

use super::super::Kind;
use super::super::doc::{Doc, Rank};
use super::super::gazetteer::{Brand, Entry};
use super::super::token::{Token, TokenKind};
use super::super::words::{COMPASS_SET, FUNCTION_WORD_SET, HEADS, MONTHS, TITLE_SET, WEEKDAYS};
use super::super::words::{among, heads_ending};
use super::super::fxhash::FxHashMap;

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
    /// The token (in `tokens`) of a capitalised-inside use, to read its true case.
    example: u32,
}

/// Everything the feature functions read about one article.
pub struct Context<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Rule marks per token.
    rules: &'d [Option<RuleMark>],
    /// Per token: the line it is on is written in capitals (a headline).
    caps_line: Vec<bool>,
    /// Lower-cased word -> usage.
    usage: FxHashMap<u64, Usage>,
    /// The first pass's labels, for the second pass: per token, and per lower-cased
    /// word the labels of all its occurrences.
    prior: Option<Prior>,
}

/// What a first pass over the article said, for features that look across it.
struct Prior {
    labels: Vec<u8>,
    /// Lower-cased word -> how many of its occurrences got each coarse type, and O
    /// (index 0), and how many sat in a name of two words or more.
    by_word: FxHashMap<u64, [u16; 6]>,
}

/// A 64-bit hash of a feature (template number and value bytes).
#[derive(Clone, Copy)]
struct Hasher(u64);

const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

impl Hasher {
    fn new(template: u8) -> Hasher {
        Hasher((u64::from(template) + 1).wrapping_mul(SEED))
    }

    #[inline]
    fn byte(mut self, b: u8) -> Hasher {
        self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        self
    }

    fn bytes(mut self, text: &[u8]) -> Hasher {
        for &b in text {
            self = self.byte(b);
        }
        self
    }

    /// The text lower-cased (ASCII bytes folded; other characters as they are, which
    /// is enough for a hash: two spellings that differ only there are rare).
    fn lower(mut self, text: &str) -> Hasher {
        for &b in text.as_bytes() {
            self = self.byte(b.to_ascii_lowercase());
        }
        self
    }

    fn finish(self) -> u64 {
        let h = self.0 ^ (self.0 >> 29);
        h.wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

/// Templates, one number each (the first byte of every feature's hash).
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
}

/// The shape of a word: capitals X, small letters x, digits d, other characters as
/// they are, runs of one class cut to two ("Xx", "XX", "X.X.", "dd-dd").
fn shape(text: &str, out: &mut [u8; 12]) -> usize {
    let mut n = 0;
    let mut last = 0u8;
    let mut run = 0;
    for c in text.chars() {
        let class = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_numeric() {
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
        if n == out.len() {
            break;
        }
        out[n] = class;
        n += 1;
    }
    n
}

fn token_shape(doc: &Doc, i: Option<usize>) -> ([u8; 12], usize) {
    let mut out = [0u8; 12];
    let n = match i.map(|i| &doc.tokens[i]) {
        None => {
            out[0] = b'^';
            1
        }
        Some(token) => shape(token.text(doc.body), &mut out),
    };
    (out, n)
}

/// True when `i` may be part of a name: name-like, or a connector, number or joining
/// mark between name-like tokens.
pub fn eligible(doc: &Doc, caps_line: &[bool], i: usize) -> bool {
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
            (before && after && (c == '&' || (c == '.' && abbreviation(doc, i - 1)) || (matches!(c, '-' | '\'' | '/') && glued(doc, i))))
                || (c == '-' && glued(doc, i) && (hyphen_part(doc, i - 1) || hyphen_part(doc, i + 1)))
        }
    }
}

/// A word a dot may follow inside a name: dotted ("U.S", "U.K"), or a short
/// capitalised abbreviation ("St", "Mt", "Jr"); not an acronym in capitals ("AI.
/// Shanghai" is two sentences).
fn abbreviation(doc: &Doc, i: usize) -> bool {
    let text = doc.tokens[i].text(doc.body);
    text.contains('.')
        || (text.len() <= 5
            && text.chars().next().is_some_and(char::is_uppercase)
            && text.chars().skip(1).all(char::is_lowercase))
}

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

/// Per token: is its line written in capitals (three or more capitalised words and
/// no word with a small letter after its first)?
fn capital_lines(doc: &Doc) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    let mut start = 0;
    while start < doc.tokens.len() {
        let mut end = start + 1;
        while end < doc.tokens.len() && !doc.tokens[end].newline_before {
            end += 1;
        }
        let mut words = 0;
        let mut caps = 0;
        for token in &doc.tokens[start..end] {
            if token.is_word() {
                words += 1;
                let text = token.text(doc.body);
                if text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
                    caps += 1;
                }
            }
        }
        let headline = words >= 2 && caps == words;
        if headline {
            out[start..end].fill(true);
        }
        start = end;
    }
    out
}

/// Token `i` is part of a name of two or more tokens (by the labels).
fn in_long_name(labels: &[u8], i: usize) -> bool {
    let label = labels[i];
    label != 0 && (label % 2 == 0 || labels.get(i + 1).is_some_and(|&n| n == label + 1))
}

fn lower_key(text: &str) -> u64 {
    Hasher::new(255).lower(text).finish()
}

fn usage_map(doc: &Doc, caps_line: &[bool]) -> FxHashMap<u64, Usage> {
    let mut map: FxHashMap<u64, Usage> = FxHashMap::default();
    for (i, token) in doc.tokens.iter().enumerate() {
        if !token.is_word() {
            continue;
        }
        let text = token.text(doc.body);
        let first = text.chars().next().unwrap_or(' ');
        let entry = map.entry(lower_key(text)).or_default();
        if first.is_lowercase() {
            entry.lower = true;
        } else if first.is_uppercase() && !token.sentence_start && !caps_line[i] {
            if !entry.capitalised_inside {
                entry.example = i as u32;
            }
            entry.capitalised_inside = true;
        }
    }
    map
}

impl<'d, 'a> Context<'d, 'a> {
    /// Prepares the per-article tables.
    pub fn new(doc: &'d Doc<'a>, rules: &'d [Option<RuleMark>]) -> Context<'d, 'a> {
        let caps_line = capital_lines(doc);
        let usage = usage_map(doc, &caps_line);
        Context {
            doc,
            rules,
            caps_line,
            usage,
            prior: None,
        }
    }

    /// The same context with a first pass's labels (one per token, as
    /// [`super::LABELS`] numbers them), for the second pass's features.
    pub fn with_prior(mut self, labels: Vec<u8>) -> Self {
        let mut by_word: FxHashMap<u64, [u16; 6]> = FxHashMap::default();
        for (i, token) in self.doc.tokens.iter().enumerate() {
            if !token.is_word() {
                continue;
            }
            let label = labels[i] as usize;
            let slot = if label == 0 { 0 } else { 1 + (label - 1) / 2 };
            let counts = by_word.entry(lower_key(self.word(i))).or_default();
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
        eligible(self.doc, &self.caps_line, i)
    }

    fn word(&self, i: usize) -> &'a str {
        self.doc.text(i)
    }

    fn neighbour(&self, i: usize, offset: isize) -> Option<usize> {
        let j = i.checked_add_signed(offset)?;
        (j < self.doc.tokens.len()).then_some(j)
    }

    /// The features of token `i`, as hashes, appended to `out`.
    pub fn features(&self, i: usize, out: &mut Vec<u64>) {
        let doc = self.doc;
        let token: &Token = &doc.tokens[i];
        let text = self.word(i);
        let caps = self.caps_line[i];
        let push = |out: &mut Vec<u64>, h: Hasher| out.push(h.finish());

        push(out, Hasher::new(t::BIAS));
        push(out, Hasher::new(t::WORD).bytes(text.as_bytes()));
        push(out, Hasher::new(t::LOWER).lower(text));
        let (sh, n) = token_shape(doc, Some(i));
        push(out, Hasher::new(t::SHAPE).bytes(&sh[..n]));
        let chars: Vec<char> = text.chars().collect();
        for k in 2..=3 {
            if chars.len() > k {
                let p: String = chars[..k].iter().collect();
                push(out, Hasher::new(t::PREFIX).lower(&p));
            }
        }
        for k in 2..=4 {
            if chars.len() > k {
                let s: String = chars[chars.len() - k..].iter().collect();
                push(out, Hasher::new(t::SUFFIX).lower(&s));
            }
        }
        push(
            out,
            Hasher::new(t::LENGTH).byte(chars.len().min(12) as u8),
        );

        // Neighbours.
        let prev = self.neighbour(i, -1).filter(|_| !token.newline_before);
        let next = self
            .neighbour(i, 1)
            .filter(|&j| !doc.tokens[j].newline_before);
        let prev2 = prev
            .and_then(|p| self.neighbour(p, -1).filter(|_| !doc.tokens[p].newline_before));
        let next2 = next.and_then(|n| {
            self.neighbour(n, 1)
                .filter(|&j| !doc.tokens[j].newline_before)
        });
        let lower_of = |j: Option<usize>| -> Hasher {
            match j {
                Some(j) => Hasher::new(0).lower(self.word(j)),
                None => Hasher::new(0).byte(b'^'),
            }
        };
        let hp = lower_of(prev);
        let hn = lower_of(next);
        push(out, Hasher(hp.0 ^ u64::from(t::PREV_LOWER)).byte(t::PREV_LOWER));
        push(out, Hasher(hn.0 ^ u64::from(t::NEXT_LOWER)).byte(t::NEXT_LOWER));
        push(
            out,
            Hasher(lower_of(prev2).0).byte(t::PREV2_LOWER),
        );
        push(
            out,
            Hasher(lower_of(next2).0).byte(t::NEXT2_LOWER),
        );
        push(out, Hasher(hp.0).byte(t::PREV_BIGRAM).lower(text));
        push(out, Hasher(hn.0).byte(t::NEXT_BIGRAM).lower(text));
        let (psh, pn) = token_shape(doc, prev);
        let (nsh, nn) = token_shape(doc, next);
        push(out, Hasher::new(t::PREV_SHAPE).bytes(&psh[..pn]));
        push(out, Hasher::new(t::NEXT_SHAPE).bytes(&nsh[..nn]));
        push(
            out,
            Hasher::new(t::SHAPES3)
                .bytes(&psh[..pn])
                .byte(b'|')
                .bytes(&sh[..n])
                .byte(b'|')
                .bytes(&nsh[..nn]),
        );

        // Position.
        let possessive = u8::from(token.possessive)
            | (u8::from(prev.is_some_and(|p| doc.tokens[p].possessive)) << 1);
        push(out, Hasher::new(t::POSSESSIVE).byte(possessive));
        let position = (u8::from(token.sentence_start))
            | (u8::from(token.newline_before) << 1)
            | (u8::from(caps) << 2)
            | (u8::from(prev.is_some_and(|p| doc.tokens[p].is_punct('('))) << 3);
        push(out, Hasher::new(t::POSITION).byte(position));

        // Lists and gazetteers, on the word as written, or in a headline on the way
        // the article writes it elsewhere.
        let true_index = if caps || token.sentence_start {
            self.usage
                .get(&lower_key(text))
                .filter(|u| u.capitalised_inside)
                .map(|u| u.example as usize)
        } else {
            None
        };
        if caps {
            match true_index {
                Some(j) => push(out, Hasher::new(t::TRUE_WORD).bytes(self.word(j).as_bytes())),
                None => push(out, Hasher::new(t::TRUE_WORD).byte(0)),
            }
        }
        let listed_at = true_index.unwrap_or(i);
        self.cluster_features(t::CLUSTER, listed_at, &[4, 6, 10, 20], out);
        if let Some(p) = prev {
            self.cluster_features(t::PREV_CLUSTER, p, &[4, 10], out);
        }
        if let Some(n) = next {
            self.cluster_features(t::NEXT_CLUSTER, n, &[4, 10], out);
        }
        self.gazetteer_features(listed_at, out);
        self.list_features(t::LIST, listed_at, out);
        if let Some(p) = prev {
            self.list_features(t::PREV_LIST, p, out);
        }
        if let Some(n) = next {
            self.list_features(t::NEXT_LIST, n, out);
            self.head_features(t::NEXT_HEAD, n, out);
        }
        self.head_features(t::HEAD, i, out);

        // How the article writes the word elsewhere.
        let usage = self.usage.get(&lower_key(text)).copied().unwrap_or_default();
        let used = u8::from(usage.capitalised_inside) | (u8::from(usage.lower) << 1);
        push(out, Hasher::new(t::USAGE).byte(used).byte(u8::from(token.sentence_start || caps)));

        // The first pass's reading of the same word elsewhere in the article.
        if let Some(prior) = &self.prior {
            self.prior_features(prior, i, prev, next, out);
        }

        // The rules' reading.
        match self.rules[i] {
            Some(mark) => {
                let kind = mark.kind.map_or(b'-', |k| k.as_str().as_bytes()[0] ^ (k as u8));
                let pos = match (mark.first, mark.last) {
                    (true, true) => b'S',
                    (true, false) => b'B',
                    (false, true) => b'E',
                    (false, false) => b'I',
                };
                push(out, Hasher::new(t::RULE).byte(kind).byte(pos));
                push(out, Hasher::new(t::RULE_RANK).byte(kind).byte(mark.rank as u8));
                push(
                    out,
                    Hasher::new(t::RULE_SHAPE).byte(kind).bytes(&sh[..n]),
                );
                if let Some(inner) = mark.nested {
                    push(out, Hasher::new(t::NESTED).byte(inner as u8));
                }
            }
            None => push(out, Hasher::new(t::RULE).byte(0)),
        }
    }

    fn prior_features(
        &self,
        prior: &Prior,
        i: usize,
        prev: Option<usize>,
        next: Option<usize>,
        out: &mut Vec<u64>,
    ) {
        let label_of = |j: Option<usize>| j.map_or(b'^', |j| prior.labels[j]);
        out.push(Hasher::new(t::PRIOR_PREV).byte(label_of(prev)).finish());
        out.push(Hasher::new(t::PRIOR_NEXT).byte(label_of(next)).finish());
        if !self.doc.tokens[i].is_word() {
            return;
        }
        let Some(counts) = prior.by_word.get(&lower_key(self.word(i))) else {
            return;
        };
        let mut counts = *counts;
        let own = prior.labels[i] as usize;
        counts[if own == 0 { 0 } else { 1 + (own - 1) / 2 }] -= 1;
        counts[5] -= u16::from(in_long_name(&prior.labels, i));
        let names: u16 = counts[1..5].iter().sum();
        if names == 0 && counts[0] == 0 {
            return;
        }
        for (slot, &n) in counts[..5].iter().enumerate() {
            if n > 0 {
                out.push(Hasher::new(t::AGREE).byte(slot as u8).finish());
            }
        }
        let major = (0..5).max_by_key(|&k| (counts[k], k)).unwrap_or(0);
        out.push(Hasher::new(t::AGREE_MAJOR).byte(major as u8).finish());
        if counts[5] > 0 {
            out.push(Hasher::new(t::AGREE_LONG).byte(major as u8).finish());
        }
    }

    /// Prefixes of the word's cluster path, one feature per length.
    fn cluster_features(&self, template: u8, i: usize, lengths: &[u8], out: &mut Vec<u64>) {
        if !self.doc.tokens[i].is_word() {
            return;
        }
        let Some(path) = super::clusters::path(self.word(i)) else {
            out.push(Hasher::new(template).byte(0xff).finish());
            return;
        };
        for &n in lengths {
            let (bits, len) = path.prefix(n);
            out.push(
                Hasher::new(template)
                    .byte(len)
                    .bytes(&bits.to_le_bytes())
                    .finish(),
            );
        }
    }

    fn gazetteer_features(&self, i: usize, out: &mut Vec<u64>) {
        let doc = self.doc;
        let Some(hit) = doc.hit_covering(i).copied() else {
            return;
        };
        let pos = match (hit.first == i, hit.last == i) {
            (true, true) => b'S',
            (true, false) => b'B',
            (false, true) => b'E',
            (false, false) => b'I',
        };
        match hit.entry {
            Entry::Place {
                kind,
                population,
                continent,
                ..
            } => {
                out.push(
                    Hasher::new(t::PLACE)
                        .byte(kind as u8)
                        .byte(pos)
                        .byte(u8::from(continent))
                        .finish(),
                );
                let size = match population {
                    0 => 0,
                    1..=9_999 => 1,
                    10_000..=99_999 => 2,
                    100_000..=999_999 => 3,
                    _ => 4,
                };
                out.push(Hasher::new(t::PLACE_SIZE).byte(kind as u8).byte(size).finish());
            }
            Entry::Firm(brand) => {
                let b = match brand {
                    Brand::Multi => b'm',
                    Brand::Distinct => b'd',
                    Brand::Common => b'c',
                    Brand::Acronym => b'a',
                };
                out.push(Hasher::new(t::FIRM).byte(b).byte(pos).finish());
            }
        }
    }

    /// Word-list memberships of token `i` as one feature per list.
    fn list_features(&self, template: u8, i: usize, out: &mut Vec<u64>) {
        let doc = self.doc;
        let token = &doc.tokens[i];
        if !token.is_word() {
            if let TokenKind::Punct(c) = token.kind {
                let mut buf = [0u8; 4];
                out.push(
                    Hasher::new(template)
                        .byte(b'p')
                        .bytes(c.encode_utf8(&mut buf).as_bytes())
                        .finish(),
                );
            }
            return;
        }
        let text = self.word(i);
        let g = doc.gazetteer;
        let mut flags = Vec::with_capacity(8);
        if g.given.contains(text) {
            flags.push(b'g');
        }
        if g.surnames.contains(text) {
            flags.push(b's');
        }
        if g.chinese_surnames.contains(text) {
            flags.push(b'c');
        }
        if text.len() >= 2 && g.is_pinyin(text, 3) {
            flags.push(b'y');
        }
        if g.is_common(text) {
            flags.push(b'w');
        }
        if g.demonyms.contains(text) {
            flags.push(b'n');
        }
        if text.len() <= 12 && g.legal_forms.contains_ci(text.trim_end_matches('.')) {
            flags.push(b'l');
        }
        if TITLE_SET.contains(text) || TITLE_SET.contains(text.trim_end_matches('.')) {
            flags.push(b't');
        }
        if (text.len() > 3 && among!(MONTHS, text)) || among!(WEEKDAYS, text) {
            flags.push(b'm');
        }
        if FUNCTION_WORD_SET.contains(text) {
            flags.push(b'f');
        }
        if COMPASS_SET.contains(text) {
            flags.push(b'o');
        }
        for f in flags {
            out.push(Hasher::new(template).byte(f).finish());
        }
    }

    /// The kinds of head phrase the word at `i` may end.
    fn head_features(&self, template: u8, i: usize, out: &mut Vec<u64>) {
        let doc = self.doc;
        if !doc.tokens[i].is_word() {
            return;
        }
        let word = self.word(i).trim_end_matches('.');
        for &h in heads_ending(word).iter().take(2) {
            let (phrase, kind) = HEADS[h];
            out.push(
                Hasher::new(template)
                    .byte(kind as u8)
                    .byte(phrase.len() as u8)
                    .finish(),
            );
        }
    }
}
