//! One body prepared for the rules: its tokens and the gazetteer hits anchored on
//! them, plus the candidate type every rule emits.

use super::Kind;
use super::gazetteer::{Brand, Entry, Gazetteer, gazetteer};
use super::keyindex;
use super::token::{Token, TokenKind, shape, tokenize};
use super::words::among;
use std::borrow::Cow;

/// Lower-case words that may sit inside a listed multi-word name.
const INNER: &[&str] = &[
    "of", "and", "de", "la", "the", "upon", "du", "del", "da", "do", "on", "am",
];

/// A gazetteer entry found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The listed spelling.
    pub surface: &'static str,
    /// What it is.
    pub entry: Entry,
}

/// How sure a rule is; the higher wins a tie between spans of equal length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    /// A weak shape cue (camel case).
    Shape,
    /// Typed by context (list, "X is a company", "based in X").
    Context,
    /// A one-word gazetteer entry.
    Listed,
    /// A person name by shape.
    Person,
    /// A multi-word gazetteer entry.
    ListedLong,
    /// A capitalised span with a head word.
    Head,
}

/// A typed span proposed by some rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// The name that groups mentions (canonical for listed places).
    pub name: String,
    /// How sure.
    pub rank: Rank,
    /// Inhabitants, for listed cities (nesting policy).
    pub population: u32,
    /// May be counted inside a longer name ("Chongqing" in "Chongqing ... New Area").
    pub nestable: bool,
}

/// The tokens and hits of one body.
pub struct Doc<'a> {
    /// The cleaned body.
    pub body: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// Gazetteer hits, ordered, not overlapping.
    pub hits: Vec<Hit>,
    /// For each token, the hit it belongs to.
    pub hit_at: Vec<Option<u32>>,
    /// The gazetteer.
    pub gazetteer: &'static Gazetteer,
    /// Per token, +1 for a company word, -1 for a public body's word, 0 otherwise
    /// (the typing rules sum them around names; each token's is computed on first
    /// use, [`Doc::UNSET_CUE`] until then).
    pub cue_scores: std::cell::OnceCell<Vec<std::cell::Cell<i8>>>,
}

impl<'a> Doc<'a> {
    /// A token's cue not read yet.
    pub const UNSET_CUE: i8 = i8::MIN;

    /// Tokenizes the body and finds its gazetteer hits.
    pub fn new(body: &'a str) -> Doc<'a> {
        let tokens = tokenize(body);
        let gazetteer = gazetteer();
        let hits = find_hits(body, &tokens, gazetteer);
        let mut hit_at = vec![None; tokens.len()];
        for (n, hit) in hits.iter().enumerate() {
            for slot in &mut hit_at[hit.first..=hit.last] {
                *slot = Some(n as u32);
            }
        }
        Doc {
            body,
            tokens,
            hits,
            hit_at,
            gazetteer,
            cue_scores: std::cell::OnceCell::new(),
        }
    }

    /// The token that starts at byte `start`, if one does (tokens are in text
    /// order).
    pub fn token_starting(&self, start: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&start, |t| t.start).ok()
    }

    /// The token that ends at byte `end`, if one does.
    pub fn token_ending(&self, end: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&end, |t| t.end).ok()
    }

    /// Text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.body)
    }

    /// Text from the start of token `first` to the end of token `last`.
    pub fn span_text(&self, first: usize, last: usize) -> &'a str {
        &self.body[self.tokens[first].start..self.tokens[last].end]
    }

    /// True when token `i` is a word that looks like part of a name.
    pub fn name_like(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.name_like)
    }

    /// True when token `i` is the word `word` (exact case).
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.is_word() && t.text(self.body) == word)
    }

    /// The hit that covers exactly tokens `first..=last`, if any.
    pub fn hit_exactly(&self, first: usize, last: usize) -> Option<&Hit> {
        let n = self.hit_at.get(first).copied().flatten()? as usize;
        let hit = &self.hits[n];
        (hit.first == first && hit.last == last).then_some(hit)
    }

    /// The hit covering token `i`.
    pub fn hit_covering(&self, i: usize) -> Option<&Hit> {
        self.hit_at
            .get(i)
            .copied()
            .flatten()
            .map(|n| &self.hits[n as usize])
    }
}

fn joinable(tokens: &[Token], j: usize, body: &str) -> bool {
    let t = &tokens[j];
    if t.newline_before {
        return false;
    }
    match t.kind {
        TokenKind::Word => t.name_like || among!(INNER, t.text(body)),
        TokenKind::Punct('-' | '&' | '\'' | '\u{2019}') => true,
        TokenKind::Punct('.') => !t.space_before,
        _ => false,
    }
}

/// White space collapsed and curly apostrophes straightened, for lookup.
fn plain_form(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{2019}', "'")
}

/// The lookup key of a window of tokens that grows to the right, hashed as it grows
/// (each byte once, instead of the whole window at every step).
struct Window<'a> {
    body: &'a str,
    start: usize,
    /// End of the bytes hashed so far.
    hashed: usize,
    /// Hash of `body[start..hashed]` as it stands.
    state: u64,
    /// No line break, tab, double space or curly apostrophe so far: the text is its
    /// own key.
    single: bool,
    previous: u8,
}

impl<'a> Window<'a> {
    fn new(body: &'a str, start: usize) -> Window<'a> {
        Window {
            body,
            start,
            hashed: start,
            state: keyindex::EMPTY,
            single: true,
            previous: 0,
        }
    }

    /// The key of `body[start..end]` (the text itself, or its plain form) and its hash.
    fn key(&mut self, end: usize) -> (Cow<'a, str>, u64) {
        let added = &self.body.as_bytes()[self.hashed..end];
        let mut curly = false;
        for &b in added {
            self.state = keyindex::mix(self.state, b);
            match b {
                b'\n' | b'\t' | b'\r' => self.single = false,
                b' ' if self.previous == b' ' => self.single = false,
                0xE2 => curly = true,
                _ => {}
            }
            self.previous = b;
        }
        if curly && self.body[self.hashed..end].contains('\u{2019}') {
            self.single = false;
        }
        self.hashed = end;
        let text = &self.body[self.start..end];
        if self.single {
            (Cow::Borrowed(text), self.state)
        } else {
            let key = plain_form(text);
            let state = keyindex::hash(key.as_bytes());
            (Cow::Owned(key), state)
        }
    }
}

/// Longest listed entry starting at token `i`.
fn longest_at(body: &str, tokens: &[Token], i: usize, g: &Gazetteer) -> Option<Hit> {
    let mut best = None;
    let mut words = 0;
    let mut window = Window::new(body, tokens[i].start);
    for j in i..tokens.len() {
        if j > i && !joinable(tokens, j, body) {
            break;
        }
        if tokens[j].is_word() {
            words += 1;
            if words > g.max_words {
                break;
            }
        }
        if !tokens[j].is_word() && !tokens[j].is_punct('.') {
            continue;
        }
        let (key, state) = window.key(tokens[j].end);
        let (found, prefix) = g.probe_hashed(&key, state);
        // No listed name starts like this: a longer window cannot match either.
        if !prefix {
            break;
        }
        let mut last = j;
        let mut found = found;
        if found.is_none()
            && let Some(next) = tokens
                .get(j + 1)
                .filter(|t| t.is_punct('.') && !t.space_before)
        {
            found = g.lookup(&body[tokens[i].start..next.end]);
            last = j + 1;
        }
        if let Some((surface, entry)) = found {
            best = Some(Hit {
                first: i,
                last,
                start: tokens[i].start,
                end: tokens[last].end,
                surface,
                entry,
            });
        }
    }
    best
}

fn acceptable(hit: &Hit, tokens: &[Token], body: &str) -> bool {
    let text = &body[hit.start..hit.end];
    // "china@example.com": part of an e-mail address, not a mention; "HK$", "US$":
    // a currency.
    if body[hit.end..].starts_with(['@', '$']) || body[..hit.start].ends_with('@') {
        return false;
    }
    match hit.entry {
        Entry::Firm(Brand::Common) => {
            let first = &tokens[hit.first];
            let isolated_before = hit.first == 0 || {
                let prev = &tokens[hit.first - 1];
                !(prev.is_word() && shape::capitalised(prev.text(body)))
            };
            let isolated_after = tokens[hit.last].possessive
                || tokens
                    .get(hit.last + 1)
                    .is_none_or(|t| !(t.is_word() && shape::capitalised(t.text(body))));
            text == hit.surface && !first.sentence_start && isolated_before && isolated_after
        }
        Entry::Firm(Brand::Acronym) => text == hit.surface,
        _ => true,
    }
}

fn find_hits(body: &str, tokens: &[Token], g: &Gazetteer) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].name_like
            && let Some(hit) = longest_at(body, tokens, i, g)
            && acceptable(&hit, tokens, body)
        {
            i = hit.last + 1;
            hits.push(hit);
            continue;
        }
        i += 1;
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit_texts(body: &str) -> Vec<&str> {
        let doc = Doc::new(body);
        doc.hits.iter().map(|h| &body[h.start..h.end]).collect()
    }

    #[test]
    fn finds_longest_listed_names_on_word_boundaries() {
        assert_eq!(
            hit_texts("Flights from San Francisco to Wuhan, then the U.S. and Sichuan."),
            vec!["San Francisco", "Wuhan", "U.S.", "Sichuan"]
        );
    }

    #[test]
    fn finds_names_inside_hyphenated_compounds() {
        assert_eq!(
            hit_texts("a Wuhan-based maker and China-US trade"),
            vec!["Wuhan", "China", "US"]
        );
    }

    #[test]
    fn listed_names_match_across_odd_spacing_and_curly_apostrophes() {
        assert_eq!(
            hit_texts("from San  Francisco and San\tFrancisco to Al Bada\u{2019}a"),
            vec!["San  Francisco", "San\tFrancisco", "Al Bada\u{2019}a"]
        );
    }

    #[test]
    fn names_inside_an_email_address_are_no_mentions() {
        assert_eq!(
            hit_texts("Write to China@example.com or Wuhan@China.example.org in Wuhan."),
            vec!["Wuhan"]
        );
        assert_eq!(hit_texts("It cost US$5 in Wuhan."), vec!["Wuhan"]);
    }

    #[test]
    fn common_word_brands_need_a_clear_context() {
        assert!(hit_texts("Apple pie is sweet.").is_empty());
        assert_eq!(
            hit_texts("a deal between Wuhan and Apple last year"),
            vec!["Wuhan", "Apple"]
        );
    }
}
