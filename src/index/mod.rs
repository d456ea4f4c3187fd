//! Corpus-wide views, built once at load: every article's entities, the table of
//! unique entities with the articles they occur in, and co-occurrence. The
//! entities and bodies of a cached corpus stay on disk ([`Store`]) and are read
//! when an article is shown; memory holds the table and each article's entries.

pub mod recent;
mod rows;
mod table;

pub use rows::Rows;
pub use table::{TableBuilder, articles_of_entries};

use crate::corpus::{Article, Corpus, Problem};
use crate::extract::{Entity, Kind};
use rayon::prelude::*;
pub use recent::Recent;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Position of an [`Entry`] in [`Index::table`].
pub type EntryId = usize;

/// One entity across the corpus (same kind and same name or alias in several articles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The canonical name: the name most articles use, ties broken alphabetically.
    pub name: String,
    /// The kind.
    pub kind: Kind,
    /// Every other surface form seen in any article, sorted.
    pub aliases: Vec<String>,
    /// How many articles it occurs in (which ones: [`Index::articles_of`]).
    pub article_count: usize,
    /// Total mentions over all articles.
    pub mentions: usize,
}

/// The loaded corpus with its entities and the corpus-wide table.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Corpus name for headers.
    pub name: String,
    /// The articles, in load order (shared with the index of a later stage
    /// of the same load).
    pub articles: Arc<Vec<Article>>,
    /// Per article, per entity position: the table entry it belongs to. Empty
    /// when the table was not asked for (see [`Index::has_table`]). Shared
    /// with the filter's tables.
    pub entry_of: Arc<Rows>,
    /// Per entry: the articles it occurs in, ascending, each once.
    entry_articles: Arc<Rows>,
    /// Unique entities, sorted by kind, then by article count (descending), then name.
    pub table: Vec<Entry>,
    /// Load problems, for the status line and stderr.
    pub problems: Vec<Problem>,
    /// Per article: how many entities it has.
    counts: Vec<u32>,
    /// Per article: its entities when held in memory; `None` when in the store.
    held: Vec<Option<Arc<[Entity]>>>,
    /// Where bodies and entities not held in memory are read from (the corpus
    /// cache); an article whose `body` is empty has its body there.
    store: Option<Arc<dyn Store>>,
    /// Entities read from the store lately, so a screen redrawn reads none again.
    recent: Recent<[Entity]>,
}

/// Bodies and entities kept on disk and read when the reader, a preview or an
/// export needs them.
pub trait Store: std::fmt::Debug + Send + Sync {
    /// The body of `article`, at `position`, or why it cannot be had.
    fn body(&self, position: usize, article: &Article) -> Result<String, String>;

    /// The length in bytes of the body of `article`, at `position`.
    fn body_len(&self, position: usize, article: &Article) -> Result<usize, String> {
        self.body(position, article).map(|b| b.len())
    }

    /// At most the first `max` bytes of the body of `article` (whole
    /// characters), read without the rest where the store can.
    fn body_prefix(
        &self,
        position: usize,
        article: &Article,
        max: usize,
    ) -> Result<String, String> {
        let mut body = self.body(position, article)?;
        let mut cut = body.len().min(max);
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body.truncate(cut);
        Ok(body)
    }

    /// The entities of `article`, at `position`, or why they cannot be had.
    fn entities(&self, position: usize, article: &Article) -> Result<Vec<Entity>, String>;

    /// Problems met while reading (a damaged cache), to report.
    fn problems(&self) -> Vec<Problem>;
}

/// What a loader hands over to make an [`Index`] of articles whose entities
/// may be on disk.
#[derive(Debug, Default)]
pub struct Parts {
    /// Corpus name.
    pub name: String,
    /// The articles (bodies empty where the store has them).
    pub articles: Arc<Vec<Article>>,
    /// Per article: its entity count.
    pub counts: Vec<u32>,
    /// Per article: its entities when in memory.
    pub held: Vec<Option<Arc<[Entity]>>>,
    /// The table and each article's entries, when built.
    pub table: Option<(Vec<Entry>, Rows)>,
    /// Load problems.
    pub problems: Vec<Problem>,
    /// Where the rest is.
    pub store: Option<Arc<dyn Store>>,
}

impl Index {
    /// Problems met after the load (reading from a damaged cache).
    pub fn late_problems(&self) -> Vec<Problem> {
        self.store
            .as_ref()
            .map(|b| b.problems())
            .unwrap_or_default()
    }

    /// The body of the article at `position`: from memory, else from the
    /// store. One that cannot be read is a sentence saying so (the cache it
    /// should come from was changed or damaged since the load).
    pub fn body(&self, position: usize) -> Cow<'_, str> {
        let Some(article) = self.articles.get(position) else {
            return Cow::Borrowed("");
        };
        match &self.store {
            Some(store) if article.body.is_empty() => match store.body(position, article) {
                Ok(body) => Cow::Owned(body),
                Err(reason) => Cow::Owned(format!(
                    "(The text of this article could not be read from the cache: {reason}. \
                     Open the corpus again to read it from its file.)"
                )),
            },
            _ => Cow::Borrowed(&article.body),
        }
    }

    /// The length in bytes of the body of the article at `position`, without
    /// reading it where it is on disk (0 when it cannot be had).
    pub fn body_len(&self, position: usize) -> usize {
        let Some(article) = self.articles.get(position) else {
            return 0;
        };
        match &self.store {
            Some(store) if article.body.is_empty() => {
                store.body_len(position, article).unwrap_or(0)
            }
            _ => article.body.len(),
        }
    }

    /// At most the first `max` bytes of the body of the article at
    /// `position` (whole characters): the opening of a huge article, read
    /// without the rest where it is on disk.
    pub fn body_prefix(&self, position: usize, max: usize) -> Cow<'_, str> {
        let Some(article) = self.articles.get(position) else {
            return Cow::Borrowed("");
        };
        match &self.store {
            Some(store) if article.body.is_empty() => {
                match store.body_prefix(position, article, max) {
                    Ok(text) => Cow::Owned(text),
                    Err(_) => Cow::Owned(self.body(position).into_owned()),
                }
            }
            _ => {
                let mut cut = article.body.len().min(max);
                while !article.body.is_char_boundary(cut) {
                    cut -= 1;
                }
                Cow::Borrowed(&article.body[..cut])
            }
        }
    }

    /// The entities of the article at `position` (none past the end): from
    /// memory, else from the store (the last few read are kept). Ones that
    /// cannot be read are none; the store reports why.
    pub fn entities(&self, position: usize) -> Arc<[Entity]> {
        if let Some(Some(held)) = self.held.get(position) {
            return Arc::clone(held);
        }
        let (Some(store), Some(article)) = (&self.store, self.articles.get(position)) else {
            return Arc::from(Vec::new());
        };
        self.recent.get_or(position, || {
            store
                .entities(position, article)
                .map(Arc::from)
                .unwrap_or_else(|_| Arc::from(Vec::new()))
        })
    }

    /// How many entities the article at `position` has.
    pub fn entity_count_of(&self, position: usize) -> usize {
        self.counts.get(position).map_or(0, |&c| c as usize)
    }

    /// Indices into [`Index::articles`] of the articles entry `entry` occurs
    /// in, ascending (none for an entry out of range).
    pub fn articles_of(&self, entry: EntryId) -> &[u32] {
        self.entry_articles.get(entry)
    }

    /// Every entry's articles (shared with the filter's tables).
    pub fn entry_articles(&self) -> &Arc<Rows> {
        &self.entry_articles
    }

    /// Whether the table and [`Index::entry_of`] were built (a command that
    /// only lists articles does without).
    pub fn has_table(&self) -> bool {
        self.entry_of.len() == self.articles.len()
    }

    /// The store the entities and bodies not in memory come from.
    pub fn store(&self) -> Option<&Arc<dyn Store>> {
        self.store.as_ref()
    }
}

impl Index {
    /// Extracts entities from every article (in parallel) and builds the index.
    pub fn from_corpus(corpus: Corpus) -> Index {
        let entities = corpus.articles.par_iter().map(Article::entities).collect();
        Index::build(corpus, entities)
    }

    /// Builds the index from articles and their already-extracted entities.
    pub fn build(corpus: Corpus, entities: Vec<Vec<Entity>>) -> Index {
        let mut builder = TableBuilder::new();
        for list in &entities {
            builder.add(list);
        }
        let counts = entities.iter().map(|e| e.len() as u32).collect();
        let held = entities.into_iter().map(|e| Some(Arc::from(e))).collect();
        Index::from_parts(Parts {
            name: corpus.name,
            articles: Arc::new(corpus.articles),
            counts,
            held,
            table: Some(builder.finish()),
            problems: corpus.problems,
            store: None,
        })
    }

    /// An index of parts a loader gathered.
    pub fn from_parts(parts: Parts) -> Index {
        let (mut table, entry_of) = parts.table.unwrap_or_default();
        let entry_articles = articles_of_entries(table.len(), &entry_of);
        for (e, entry) in table.iter_mut().enumerate() {
            entry.article_count = entry_articles.get(e).len();
        }
        Index {
            name: parts.name,
            articles: parts.articles,
            entry_of: Arc::new(entry_of),
            entry_articles: Arc::new(entry_articles),
            table,
            problems: parts.problems,
            counts: parts.counts,
            held: parts.held,
            store: parts.store,
            recent: Recent::default(),
        }
    }

    /// Total entities over all articles (each counted once per article).
    pub fn entity_count(&self) -> usize {
        self.counts.iter().map(|&c| c as usize).sum()
    }

    /// The table entry of entity `position` of `article`.
    pub fn entry_of(&self, article: usize, position: usize) -> Option<EntryId> {
        self.entry_of
            .get(article)
            .get(position)
            .map(|&e| e as usize)
    }

    /// The position in `article` of its (first) entity that belongs to `entry`.
    pub fn position_in(&self, entry: EntryId, article: usize) -> Option<usize> {
        self.entry_of
            .get(article)
            .iter()
            .position(|&e| e as usize == entry)
    }

    /// Table entries of one kind, most widespread first.
    pub fn entries_of(&self, kind: Kind) -> impl Iterator<Item = (EntryId, &Entry)> {
        self.table
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind == kind)
    }

    /// Entries that share at least one article with `entry`, with the number of
    /// shared articles, most shared first (ties by kind, then name).
    pub fn cooccurring(&self, entry: EntryId) -> Vec<(EntryId, usize)> {
        let mut counts: HashMap<EntryId, usize> = HashMap::new();
        for &a in self.articles_of(entry) {
            let a = a as usize;
            let mut seen: Vec<EntryId> = self.entry_of.get(a).iter().map(|&e| e as usize).collect();
            seen.sort_unstable();
            seen.dedup();
            for other in seen.into_iter().filter(|&o| o != entry) {
                *counts.entry(other).or_default() += 1;
            }
        }
        let mut out: Vec<(EntryId, usize)> = counts.into_iter().collect();
        out.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(self.table[a.0].kind.cmp(&self.table[b.0].kind))
                .then_with(|| self.table[a.0].name.cmp(&self.table[b.0].name))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Mention;

    fn entity(name: &str, kind: Kind, aliases: &[&str]) -> Entity {
        Entity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            count: 1,
            mentions: vec![Mention { start: 0, end: 1 }],
        }
    }

    fn corpus(n: usize) -> Corpus {
        let articles = (1..=n)
            .map(|id| crate::corpus::from_plain_text(id, format!("a{id}"), format!("a{id}"), "x"))
            .collect();
        Corpus {
            name: "t".into(),
            articles,
            problems: vec![],
        }
    }

    #[test]
    fn merges_across_articles_by_name_or_alias() {
        let ents = vec![
            vec![
                entity("Chongqing", Kind::City, &[]),
                entity("Alibaba Group", Kind::Firm, &["Alibaba"]),
            ],
            vec![
                entity("Alibaba", Kind::Firm, &[]),
                entity("Chongqing", Kind::City, &[]),
            ],
            vec![entity("chongqing", Kind::City, &[])],
        ];
        let idx = Index::build(corpus(3), ents);
        let city_id = idx.table.iter().position(|e| e.kind == Kind::City).unwrap();
        let city = &idx.table[city_id];
        assert_eq!(idx.articles_of(city_id), &[0, 1, 2]);
        assert_eq!(city.article_count, 3);
        assert_eq!(city.name, "Chongqing");
        let firm_id = idx.table.iter().position(|e| e.kind == Kind::Firm).unwrap();
        assert_eq!(idx.articles_of(firm_id), &[0, 1]);
        assert_eq!(idx.table.len(), 2);
        assert_eq!(idx.entity_count(), 5);
    }

    #[test]
    fn same_name_different_kind_stays_apart() {
        let ents = vec![vec![
            entity("Washington", Kind::City, &[]),
            entity("Washington", Kind::Region, &[]),
        ]];
        let idx = Index::build(corpus(1), ents);
        assert_eq!(idx.table.len(), 2);
    }

    #[test]
    fn cooccurrence_counts_shared_articles() {
        let ents = vec![
            vec![
                entity("Chengdu", Kind::City, &[]),
                entity("Huawei", Kind::Firm, &[]),
            ],
            vec![
                entity("Chengdu", Kind::City, &[]),
                entity("Huawei", Kind::Firm, &[]),
            ],
            vec![
                entity("Chengdu", Kind::City, &[]),
                entity("Tencent", Kind::Firm, &[]),
            ],
        ];
        let idx = Index::build(corpus(3), ents);
        let chengdu = idx.table.iter().position(|e| e.name == "Chengdu").unwrap();
        let co = idx.cooccurring(chengdu);
        assert_eq!(idx.table[co[0].0].name, "Huawei");
        assert_eq!(co[0].1, 2);
        assert_eq!(co[1].1, 1);
        // entry_of points at table positions after sorting
        assert_eq!(idx.table[idx.entry_of.get(2)[1] as usize].name, "Tencent");
    }
}
