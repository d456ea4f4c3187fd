//! The tables a keystroke reads, built once from an [`Index`]: every distinct text
//! (titles, outlets, entity names and aliases) prepared for matching and stored
//! once however often it occurs, and compact links from texts to the articles
//! and entries that own them.

use super::fields::Fields;
use super::fold::{self, Texts};
use super::hits::TextHits;
use super::links::Links;
use super::pattern::Needle;
use super::project;
use super::scorer::{Backend, Matcher};
use crate::extract::Kind;
pub(super) use crate::index::Rows;
use crate::index::{EntryId, Index};
use rayon::prelude::*;
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
    /// Hits of every one-char needle `0-9A-Za-z` over all texts, scored once at
    /// load: the first keystroke of any query is otherwise the most expensive.
    single: Vec<Arc<TextHits>>,
    /// The same hits projected onto articles over all fields, as byte cells (see
    /// [`project::project_bytes`]): row `c` of [`SINGLE`] is
    /// `single_articles[c * articles..][..articles]`. One byte per article and char
    /// (6 MiB at 100,000 articles) makes a first keystroke a table read.
    single_articles: Vec<u8>,
    /// Per text: the articles that have it, and as which fields (empty when
    /// they would take too much memory: see [`LINKS_BUDGET`]).
    pub(super) links: Links,
    /// Whether [`Searcher::links`] were built; without them hits are
    /// projected through their entries.
    pub(super) linked: bool,
    /// Project through owners and entries rather than [`Links`] (the reference path).
    pub(super) plain: bool,
    /// Each entry's name length in chars, for breaking ties (built on first use).
    pub(super) name_lengths: std::sync::OnceLock<Vec<u32>>,
    /// Every distinct lower-case word of the texts, sorted, for "did you
    /// mean" (built on first use).
    pub(super) words: std::sync::OnceLock<Vec<String>>,
}

/// Links (text, article) beyond which a corpus is projected through entries
/// instead: each link costs about ten bytes, and the most widespread entries'
/// names and aliases each link to every article of the entry (15 million links,
/// 142 MiB, at 100,000 generated articles; 150 million at a million: GBs).
/// Measured at 100,000 (`cargo bench --bench filter -- --corpus`, three
/// alternated runs): without the links the tables take 103 MiB instead of
/// 245, `Searcher::new` 0.6-0.8 s instead of 1.6-2.7, keystroke CPU p50 is
/// 2-4% higher and p99 lower (the links' scattered reads cost as much as they
/// save), so only small corpora (up to about 40 MiB of links) keep them.
const LINKS_BUDGET: usize = 4_000_000;

/// Distinct texts beyond which the one-char tables are not made (about 140
/// bytes a text; a first keystroke then scans the texts like any other).
const SINGLE_BUDGET: usize = 1_000_000;

/// The chars the single-char table covers, in table order.
const SINGLE: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Scores every one-char needle on every text in one parallel pass (per block of
/// texts, each text only for the chars its mask says it has), kept in text order.
fn single_char_table(matcher: &Matcher, texts: &Texts) -> Vec<Arc<TextHits>> {
    let needles: Vec<Needle> = SINGLE
        .iter()
        .map(|&c| Needle::for_char(c as char))
        .collect();
    let ids: Vec<u32> = (0..texts.len() as u32).collect();
    let blocks: Vec<Vec<TextHits>> = ids
        .par_chunks(8192)
        .map(|block| {
            let mut table = vec![TextHits::default(); needles.len()];
            matcher.with_scorer(|scorer| {
                for &t in block {
                    let mask = texts.mask(t as usize);
                    for (needle, hits) in needles.iter().zip(table.iter_mut()) {
                        if needle.mask() & mask != needle.mask() {
                            continue;
                        }
                        if let Some((score, end)) =
                            scorer.score_from(needle, texts, t as usize, None)
                        {
                            hits.push(t, score.clamp(-(1 << 30), 1 << 30) as i32, end);
                        }
                    }
                }
            });
            table
        })
        .collect();
    let mut table = vec![TextHits::default(); needles.len()];
    for block in blocks {
        for (all, part) in table.iter_mut().zip(block) {
            all.ids.extend(part.ids);
            all.scores.extend(part.scores);
            all.ends.extend(part.ends);
        }
    }
    table
        .into_iter()
        .map(|mut hits| {
            hits.ids.shrink_to_fit();
            hits.scores.shrink_to_fit();
            hits.ends.shrink_to_fit();
            Arc::new(hits)
        })
        .collect()
}

/// Projects every one-char table onto articles (one char per task, in parallel).
fn single_char_articles(searcher: &Searcher) -> Vec<u8> {
    let rows: Vec<Vec<u8>> = searcher
        .single
        .par_iter()
        .map(|hits| {
            if project::fits_a_byte(&hits.scores) {
                project::project_bytes(searcher, hits, Fields::ALL)
            } else {
                Vec::new()
            }
        })
        .collect();
    if rows.iter().any(Vec::is_empty) && searcher.articles() > 0 {
        return Vec::new();
    }
    rows.concat()
}

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
    owners: Vec<Vec<u32>>,
}

impl<'a> Interner<'a> {
    fn add(&mut self, s: &'a str, field: Fields, owner: Owner) -> u32 {
        let next = self.strings.len() as u32;
        let id = *self.ids.entry(s).or_insert(next);
        if id == next {
            self.strings.push(s);
            self.fields.push(Fields::NONE);
            self.owners.push(Vec::new());
        }
        let i = id as usize;
        self.fields[i] = self.fields[i].or(field);
        self.owners[i].push(pack(owner));
        id
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
        let mut article_title = Vec::with_capacity(index.articles.len());
        let mut article_source = Vec::with_capacity(index.articles.len());
        for (a, article) in index.articles.iter().enumerate() {
            article_title.push(interner.add(&article.title, Fields::TITLE, Owner::Title(a)));
            let source = article.source.as_deref();
            article_source.push(source.map(|s| interner.add(s, Fields::SOURCE, Owner::Source(a))));
        }
        let mut entry_texts = Vec::with_capacity(index.table.len());
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
                    .map(|n| interner.add(n, field, Owner::Entry(e)))
                    .collect::<Vec<_>>(),
            );
        }
        let texts = Texts::new(&interner.strings);
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
        let matcher = Matcher::new(backend);
        let single = if texts.len() <= SINGLE_BUDGET {
            single_char_table(&matcher, &texts)
        } else {
            Vec::new()
        };
        let mut searcher = Searcher {
            matcher,
            single,
            texts,
            text_fields: interner.fields,
            text_owners: Rows::new(interner.owners),
            entry_texts: Rows::new(entry_texts),
            entry_kind: index.table.iter().map(|e| e.kind).collect(),
            entry_articles: Arc::clone(index.entry_articles()),
            article_entries,
            article_title,
            article_source,
            article_fields,
            links: Links::default(),
            linked: false,
            single_articles: Vec::new(),
            plain: false,
            name_lengths: std::sync::OnceLock::new(),
            words: std::sync::OnceLock::new(),
        };
        if searcher.links_needed() <= LINKS_BUDGET {
            searcher.links = Links::new(&searcher);
            searcher.linked = true;
        }
        if !searcher.single.is_empty() {
            searcher.single_articles = single_char_articles(&searcher);
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
    /// article lists, no one-char tables (see [`LINKS_BUDGET`], [`SINGLE_BUDGET`]).
    pub fn is_compact(&self) -> bool {
        !self.linked || self.single.is_empty()
    }

    /// The same tables computing every keystroke the plain way: nucleo itself for
    /// every score, projections through owners and entries. For tests that check
    /// the fast paths (the ASCII scorer, the per-text article lists) give the same results.
    pub fn without_fast_paths(mut self) -> Searcher {
        self.matcher.fast = false;
        self.plain = true;
        self
    }

    /// The same tables kept small, as for a big corpus: no per-text article
    /// lists, no one-char tables (for tests and benchmarks of that path).
    pub fn compact(mut self) -> Searcher {
        self.links = Links::default();
        self.linked = false;
        self.single = Vec::new();
        self.single_articles = Vec::new();
        self
    }

    /// The backend that ranks fuzzy matches.
    pub fn backend(&self) -> Backend {
        self.matcher.backend()
    }

    /// The load-time hits of a one-char needle, when the table covers it.
    pub(super) fn single_char(&self, needle: &Needle) -> Option<&Arc<TextHits>> {
        let c = needle.single_char()? as u8;
        SINGLE
            .iter()
            .position(|&s| s == c)
            .and_then(|i| self.single.get(i))
    }

    /// The load-time projection onto articles of a one-char needle over all fields,
    /// when the table covers it.
    pub(super) fn single_char_articles(&self, needle: &Needle) -> Option<Vec<i32>> {
        let c = needle.single_char()? as u8;
        let row = SINGLE.iter().position(|&s| s == c)?;
        let n = self.articles();
        let cells = self.single_articles.get(row * n..(row + 1) * n)?;
        Some(project::byte_scores(cells))
    }

    /// The fewest texts that have one of the letters or digits a needle needs (its
    /// [`Needle::mask`]): the load-time hits of that lower-case char, which are the
    /// texts whose mask has its bit, with the fields and needle they are the hits of.
    pub(super) fn rarest_char(&self, needle: &Needle) -> Option<(Fields, Arc<TextHits>, Needle)> {
        let mask = needle.mask();
        let (c, hits) = SINGLE
            .iter()
            .zip(&self.single)
            .filter(|&(&c, _)| !c.is_ascii_uppercase() && mask & fold::bit(c as char) != 0)
            .min_by_key(|(_, hits)| hits.ids.len())?;
        Some((Fields::ALL, Arc::clone(hits), Needle::for_char(*c as char)))
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
            ("single", self.single.iter().map(|h| h.heap_bytes()).sum()),
            ("single_articles", self.single_articles.capacity()),
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
        let single: usize = self.single.iter().map(|h| h.heap_bytes()).sum();
        texts
            + single
            + self.single_articles.capacity()
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
