//! One body prepared for the rules: its tokens and the gazetteer hits anchored on
//! them, plus the candidate type every rule emits.

use super::Kind;
use super::gazetteer::{Brand, Entry, Gazetteer, gazetteer};
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
    /// For each token, whether it is a name-like word (computed once).
    names: Vec<bool>,
    /// The gazetteer.
    pub gazetteer: &'static Gazetteer,
}

impl<'a> Doc<'a> {
    /// Tokenizes the body and finds its gazetteer hits.
    pub fn new(body: &'a str) -> Doc<'a> {
        let tokens = tokenize(body);
        let gazetteer = gazetteer();
        let names: Vec<bool> = tokens
            .iter()
            .map(|t| t.is_word() && shape::name_like(t.text(body)))
            .collect();
        let hits = find_hits(body, &tokens, &names, gazetteer);
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
            names,
            gazetteer,
        }
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
        self.names.get(i).copied().unwrap_or(false)
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

fn joinable(tokens: &[Token], names: &[bool], j: usize, body: &str) -> bool {
    let t = &tokens[j];
    if t.newline_before {
        return false;
    }
    match t.kind {
        TokenKind::Word => names[j] || among!(INNER, t.text(body)),
        TokenKind::Punct('-' | '&' | '\'' | '\u{2019}') => true,
        TokenKind::Punct('.') => !t.space_before,
        _ => false,
    }
}

fn single_spaced(text: &str) -> bool {
    // One pass over the bytes; a curly apostrophe starts with 0xE2, as do other
    // punctuation marks, which the slower test then tells apart.
    let mut previous = 0;
    for &b in text.as_bytes() {
        match b {
            b'\n' | b'\t' | b'\r' => return false,
            b' ' if previous == b' ' => return false,
            0xE2 => return !text.contains(['\n', '\t', '\r', '\u{2019}']) && !text.contains("  "),
            _ => previous = b,
        }
    }
    true
}

/// White space collapsed and curly apostrophes straightened, for lookup.
fn plain_form(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{2019}', "'")
}

/// Longest listed entry starting at token `i`.
fn longest_at(
    body: &str,
    tokens: &[Token],
    names: &[bool],
    i: usize,
    g: &Gazetteer,
) -> Option<Hit> {
    let mut best = None;
    let mut words = 0;
    for j in i..tokens.len() {
        if j > i && !joinable(tokens, names, j, body) {
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
        let text = &body[tokens[i].start..tokens[j].end];
        let key: Cow<str> = if single_spaced(text) {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(plain_form(text))
        };
        let (found, prefix) = g.probe(&key);
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

fn find_hits(body: &str, tokens: &[Token], names: &[bool], g: &Gazetteer) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if names[i]
            && let Some(hit) = longest_at(body, tokens, names, i, g)
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
    fn common_word_brands_need_a_clear_context() {
        assert!(hit_texts("Apple pie is sweet.").is_empty());
        assert_eq!(
            hit_texts("a deal between Wuhan and Apple last year"),
            vec!["Wuhan", "Apple"]
        );
    }
}
