//! The tables a keystroke reads, built once from an [`Index`]: every distinct text
//! (titles, outlets, entity names and aliases) prepared for matching and stored
//! once however often it occurs, and compact links from texts to the articles
//! and entries that own them.

use super::fields::Fields;
use super::fold::Texts;
use super::links::Links;
use super::scorer::{Backend, Matcher};
use super::single::{CharTable, Presence};
use crate::extract::Kind;
pub(super) use crate::index::Rows;
use crate::index::{EntryId, Index};
use std::sync::Arc;

/// Who owns a text: the tag in the top two bits, the id below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    /// The title of this article (an index into `Index::articles`).
    Title(usize),
    /// The outlet of this article.
    Source(usize),
    /// A name or alias of this table entry.
    Entry(EntryId),
}

const TAG: u32 = 30;

fn pack(owner: Owner) -> u32 {
    match owner {
        Owner::Title(a) => a as u32,
        Owner::Source(a) => (1 << TAG) | a as u32,
        Owner::Entry(e) => (2 << TAG) | e as u32,
    }
}

fn unpack(raw: u32) -> Owner {
    let id = (raw & ((1 << TAG) - 1)) as usize;
    match raw >> TAG {
        0 => Owner::Title(id),
        1 => Owner::Source(id),
        _ => Owner::Entry(id),
    }
}

/// One matching article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Index::articles` (its `id` is one more).
    pub article: usize,
    /// Sum over the query's groups of the best score in each; higher is better.
    pub score: i64,
}

/// Matching articles, best first (ties by article order).
pub type Hits = Vec<Hit>;

/// Everything a keystroke needs, prepared from an index. Cheap to share (`Arc`).
#[derive(Debug)]
pub struct Searcher {
    pub(super) matcher: Matcher,
    pub(super) texts: Texts,
    /// Per text: the fields it occurs as.
    pub(super) text_fields: Vec<Fields>,
    text_owners: Rows,
    pub(super) entry_texts: Rows,
    pub(super) entry_kind: Vec<Kind>,
    /// Per entry: its articles (the index's own, shared).
    pub(super) entry_articles: Arc<Rows>,
    /// Per article: its entries, a repeat where two of its entities are one
    /// entry (the index's own, shared).
    pub(super) article_entries: Arc<Rows>,
    pub(super) article_title: Vec<u32>,
    pub(super) article_source: Vec<Option<u32>>,
    /// Per article: the fields it has (a title, an outlet, entities of which kinds).
    pub(super) article_fields: Vec<Fields>,
    /// Every article's score for each one-char needle `0-9A-Za-z` over all
    /// fields, a byte each (62 MiB at a million articles; empty past
    /// [`CHARS_BUDGET`]): the first keystroke of a term is a table read.
    pub(super) chars: CharTable,
    /// The texts that have each folded letter and digit, a bit each: a
    /// needle's candidates are the texts that have all its letters.
    pub(super) presence: Presence,
    /// Per text: the articles that have it, and as which fields (empty when
    /// they would take too much memory: see [`LINKS_BUDGET`]).
    pub(super) links: Links,
    /// Whether [`Searcher::links`] were built; without them hits are
    /// projected through their entries.
    pub(super) linked: bool,
    /// Project through owners and entries rather than [`Links`] (the reference path).
    pub(super) plain: bool,
    /// Each entry's name length in chars, for breaking ties.
    pub(super) name_lengths: Vec<u32>,
    /// Every distinct lower-case word of the texts, sorted, for "did you
    /// mean" (built on first use).
    pub(super) words: std::sync::OnceLock<Vec<String>>,
}

/// Links (text, article) beyond which a corpus is projected through entries
/// instead: each link costs about ten bytes, and the most widespread entries'
/// names and aliases each link to every article of the entry (3.6 million
/// links, 35 MiB, at 100,000 generated articles; tens of millions at a
/// million). Measured at 100,000 (`cargo bench --bench filter -- --corpus`,
/// three alternated runs, load 1-2.3): with the links, keystroke CPU p50
/// 2.60-2.93 ms and p99 12.3-18.2, without them 2.71-2.88 and 10.8-11.7; the
/// explorer's peak 307-315 MiB with them, 207-215 without (the projection
/// through entries reads less memory than the links' scattered rows). Only
/// small corpora (up to about 10 MiB of links) keep them.
const LINKS_BUDGET: usize = 1_000_000;

/// Articles beyond which the one-char table is not made (62 bytes an
/// article: 124 MiB at this size); a first keystroke then scans the texts.
const CHARS_BUDGET: usize = 2_000_000;

/// Each id once, in the order they first come (a huge article has hundreds
/// of thousands of entities: a set, not a scan, tells which came before).
pub(super) fn first_of_each(ids: &[u32]) -> Vec<u32> {
    if ids.len() <= 32 {
        let mut seen = Vec::with_capacity(ids.len());
        for &id in ids {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        return seen;
    }
    let mut set = rustc_hash::FxHashSet::default();
    ids.iter().copied().filter(|&id| set.insert(id)).collect()
}

/// Assigns each distinct string an id, recording who owns it.
#[derive(Default)]
struct Interner<'a> {
    ids: rustc_hash::FxHashMap<&'a str, u32>,
    strings: Vec<&'a str>,
    fields: Vec<Fields>,
    /// (text, owner) pairs in the order they came: one flat list rather than a
    /// list per text (a third of a million small lists at 100,000 articles).
    owners: Vec<(u32, u32)>,
    /// How many owners each text has.
    counts: Vec<u32>,
}

impl<'a> Interner<'a> {
    fn add(&mut self, s: &'a str, field: Fields, owner: Owner) -> u32 {
        let next = self.strings.len() as u32;
        let id = *self.ids.entry(s).or_insert(next);
        if id == next {
            self.strings.push(s);
            self.fields.push(Fields::NONE);
            self.counts.push(0);
        }
        let i = id as usize;
        self.fields[i] = self.fields[i].or(field);
        self.counts[i] += 1;
        self.owners.push((id, pack(owner)));
        id
    }

    /// Each text's owners, in the order they came.
    fn owner_rows(&self) -> Rows {
        Rows::from_counts(&self.counts, |fill| {
            for &(text, owner) in &self.owners {
                fill(text as usize, owner);
            }
        })
    }
}

impl Searcher {
    /// Prepares the tables (in parallel where it pays), ranking with the default backend.
    pub fn new(index: &Index) -> Searcher {
        Searcher::with_backend(index, Backend::default())
    }

    /// Prepares the tables, ranking fuzzy matches with `backend`.
    pub fn with_backend(index: &Index, backend: Backend) -> Searcher {
        let mut interner = Interner::default();
        // Room for about as many texts as there are articles and entries (the
        // map's growth rehashed it again and again: half the interning time
        // at a million articles).
        let texts = index.articles.len() + index.table.len();
        interner.ids.reserve(texts);
        interner.strings.reserve(texts);
        interner.fields.reserve(texts);
        interner.counts.reserve(texts);
        interner.owners.reserve(2 * texts);
        let mut article_title = Vec::with_capacity(index.articles.len());
        let mut article_source = Vec::with_capacity(index.articles.len());
        for (a, article) in index.articles.iter().enumerate() {
            article_title.push(interner.add(&article.title, Fields::TITLE, Owner::Title(a)));
            let source = article.source.as_deref();
            article_source.push(source.map(|s| interner.add(s, Fields::SOURCE, Owner::Source(a))));
        }
        let mut entry_texts = Rows::default();
        for (e, entry) in index.table.iter().enumerate() {
            let field = Fields::kind(entry.kind);
            let names = std::iter::once(entry.name.as_str())
                .chain(entry.aliases.iter().map(String::as_str))
                // Historic and English forms of a city (Peking, Canton) match it too.
                .chain(
                    super::alternates::of(entry.kind, &entry.name)
                        .iter()
                        .copied(),
                );
            let mut seen: Vec<&str> = Vec::new();
            for name in names {
                if !seen.contains(&name) {
                    seen.push(name);
                }
            }
            entry_texts.push(
                seen.into_iter()
                    .map(|n| interner.add(n, field, Owner::Entry(e))),
            );
        }
        // Every text has its id and its owners: the map and the owner pairs
        // are freed before the texts are prepared, so the load's peak is not
        // their sum.
        drop(std::mem::take(&mut interner.ids));
        let text_owners = interner.owner_rows();
        drop(std::mem::take(&mut interner.owners));
        let texts = Texts::new(&interner.strings);
        let text_fields = std::mem::take(&mut interner.fields);
        drop(interner);
        let article_entries = Arc::clone(&index.entry_of);
        let article_fields = (0..index.articles.len())
            .map(|a| {
                let mut f = if index.articles[a].title.is_empty() {
                    Fields::NONE
                } else {
                    Fields::TITLE
                };
                if article_source[a].is_some() {
                    f = f.or(Fields::SOURCE);
                }
                article_entries
                    .get(a)
                    .iter()
                    .fold(f, |f, &e| f.or(Fields::kind(index.table[e as usize].kind)))
            })
            .collect();
        let presence = Presence::new(&texts);
        let mut searcher = Searcher {
            matcher: Matcher::new(backend),
            texts,
            text_fields,
            text_owners,
            entry_texts,
            entry_kind: index.table.iter().map(|e| e.kind).collect(),
            entry_articles: Arc::clone(index.entry_articles()),
            article_entries,
            article_title,
            article_source,
            article_fields,
            chars: CharTable::default(),
            presence,
            links: Links::default(),
            linked: false,
            plain: false,
            name_lengths: Vec::new(),
            words: std::sync::OnceLock::new(),
        };
        searcher.name_lengths = (0..searcher.entries())
            .map(|e| {
                let name = searcher.entry_texts.get(e).first().copied();
                name.map_or(0, |t| searcher.texts.original(t as usize).chars().count()) as u32
            })
            .collect();
        if searcher.links_needed() <= LINKS_BUDGET {
            searcher.links = Links::new(&searcher);
            searcher.linked = true;
        }
        if searcher.articles() <= CHARS_BUDGET {
            searcher.chars = CharTable::new(&searcher);
        }
        searcher
    }

    /// At most how many links [`Links`] would hold: every name and alias of
    /// an entry to each of its articles, a title and an outlet per article.
    fn links_needed(&self) -> usize {
        let through_entries: usize = (0..self.entries())
            .map(|e| self.entry_texts.get(e).len() * self.entry_articles.get(e).len())
            .sum();
        through_entries + 2 * self.articles()
    }

    /// Whether the tables were kept small for a big corpus: no per-text
    /// article lists, or no one-char table (see [`LINKS_BUDGET`], [`CHARS_BUDGET`]).
    pub fn is_compact(&self) -> bool {
        !self.linked || self.chars.is_empty()
    }

    /// The same tables computing every keystroke the plain way: nucleo itself for
    /// every score, projections through owners and entries. For tests that check
    /// the fast paths (the ASCII scorer, the per-text article lists) give the same results.
    pub fn without_fast_paths(mut self) -> Searcher {
        self.matcher.fast = false;
        self.plain = true;
        self
    }

    /// The same tables kept small, as for a corpus past every budget: no
    /// per-text article lists, no one-char table (for tests and benchmarks
    /// of that path).
    pub fn compact(mut self) -> Searcher {
        self.links = Links::default();
        self.linked = false;
        self.chars = CharTable::default();
        self
    }

    /// The backend that ranks fuzzy matches.
    pub fn backend(&self) -> Backend {
        self.matcher.backend()
    }

    /// Number of articles.
    pub fn articles(&self) -> usize {
        self.article_title.len()
    }

    /// The distinct table entries article `article` mentions (empty for none).
    pub fn article_entries(&self, article: usize) -> &[u32] {
        if article < self.article_entries.len() {
            self.article_entries.get(article)
        } else {
            &[]
        }
    }

    /// The articles entry `entry` occurs in, ascending (empty for none).
    pub fn entry_articles(&self, entry: usize) -> &[u32] {
        if entry < self.entry_articles.len() {
            self.entry_articles.get(entry)
        } else {
            &[]
        }
    }

    /// Number of table entries.
    pub fn entries(&self) -> usize {
        self.entry_kind.len()
    }

    /// Number of distinct texts a keystroke may score.
    pub fn distinct_texts(&self) -> usize {
        self.texts.len()
    }

    /// Who owns text `t`.
    pub(super) fn owners(&self, t: usize) -> impl Iterator<Item = Owner> + '_ {
        self.text_owners.get(t).iter().map(|&raw| unpack(raw))
    }

    /// Approximate heap bytes of each part of the tables, by name (for benches).
    pub fn heap_parts(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("texts", self.texts.heap_bytes()),
            ("chars", self.chars.heap_bytes()),
            ("presence", self.presence.heap_bytes()),
            ("links", self.links.heap_bytes()),
            ("text_owners", self.text_owners.heap_bytes()),
            ("entry_texts", self.entry_texts.heap_bytes()),
            ("entry_articles", self.entry_articles.heap_bytes()),
            ("article_entries", self.article_entries.heap_bytes()),
        ]
    }

    /// Approximate heap bytes held by the tables.
    pub fn heap_bytes(&self) -> usize {
        let texts = self.texts.heap_bytes();
        let rows = [
            &self.text_owners,
            &self.entry_texts,
            &self.entry_articles,
            &self.article_entries,
        ];
        texts
            + self.chars.heap_bytes()
            + self.presence.heap_bytes()
            + self.name_lengths.capacity() * 4
            + self.links.heap_bytes()
            + rows.iter().map(|r| r.heap_bytes()).sum::<usize>()
            + self.text_fields.capacity() * 2
            + self.entry_kind.capacity()
            + self.article_title.capacity() * 4
            + self.article_source.capacity() * 8
            + self.article_fields.capacity() * 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_round_trip() {
        for owner in [Owner::Title(5), Owner::Source(0), Owner::Entry(123_456)] {
            assert_eq!(unpack(pack(owner)), owner);
        }
    }

    #[test]
    fn texts_are_stored_once() {
        let index = crate::generate::index(200, 4);
        let searcher = Searcher::new(&index);
        let mut all: Vec<&str> = (0..searcher.texts.len())
            .map(|t| searcher.texts.original(t))
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
        assert_eq!(searcher.articles(), 200);
        assert_eq!(searcher.entries(), index.table.len());
        let a = 7;
        assert_eq!(
            searcher.texts.original(searcher.article_title[a] as usize),
            index.articles[a].title
        );
    }
}
