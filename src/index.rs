//! Corpus-wide views, built once at load: every article's entities, the table of
//! unique entities with the articles they occur in, and co-occurrence.

use crate::corpus::{Article, Corpus, Problem};
use crate::extract::{self, Entity, Kind};
use rayon::prelude::*;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Position of an [`Entry`] in [`Index::table`].
pub type EntryId = usize;

/// One entity across the corpus (same kind and same name or alias in several articles).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The canonical name: the name most articles use, ties broken alphabetically.
    pub name: String,
    /// The kind.
    pub kind: Kind,
    /// Every other surface form seen in any article, sorted.
    pub aliases: Vec<String>,
    /// Indices into [`Index::articles`] of the articles it occurs in, ascending.
    pub articles: Vec<usize>,
    /// Total mentions over all articles.
    pub mentions: usize,
}

/// The loaded corpus with its entities and the corpus-wide table.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Corpus name for headers.
    pub name: String,
    /// The articles, in load order.
    pub articles: Vec<Article>,
    /// Per article (parallel to `articles`): its entities.
    pub entities: Vec<Vec<Entity>>,
    /// Per article, per entity (parallel to `entities`): the table entry it belongs to.
    pub entry_of: Vec<Vec<EntryId>>,
    /// Unique entities, sorted by kind, then by article count (descending), then name.
    pub table: Vec<Entry>,
    /// Load problems, for the status line and stderr.
    pub problems: Vec<Problem>,
    /// Where the bodies not held in memory are read from (an article whose
    /// `body` is empty has its body there): the corpus cache.
    pub bodies: Option<Arc<dyn BodySource>>,
}

/// Bodies kept on disk and read when the reader, a preview or an export needs one.
pub trait BodySource: std::fmt::Debug + Send + Sync {
    /// The body of `article`, at `position`, or why it cannot be had.
    fn body(&self, position: usize, article: &Article) -> Result<String, String>;

    /// Problems met while reading bodies (a damaged cache), to report.
    fn problems(&self) -> Vec<Problem>;
}

impl Index {
    /// Problems met after the load (reading bodies from a damaged cache).
    pub fn late_problems(&self) -> Vec<Problem> {
        self.bodies
            .as_ref()
            .map(|b| b.problems())
            .unwrap_or_default()
    }

    /// The body of the article at `position`: from memory, else from the
    /// body source. One that cannot be read is a sentence saying so (the
    /// cache it should come from was changed or damaged since the load).
    pub fn body(&self, position: usize) -> Cow<'_, str> {
        let Some(article) = self.articles.get(position) else {
            return Cow::Borrowed("");
        };
        match &self.bodies {
            Some(source) if article.body.is_empty() => match source.body(position, article) {
                Ok(body) => Cow::Owned(body),
                Err(reason) => Cow::Owned(format!(
                    "(The text of this article could not be read from the cache: {reason}. \
                     Open the corpus again to read it from its file.)"
                )),
            },
            _ => Cow::Borrowed(&article.body),
        }
    }
}

/// Lower-cased, whitespace-collapsed form used to merge names across articles.
fn key(kind: Kind, name: &str) -> (Kind, String) {
    let norm = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    (kind, norm)
}

impl Index {
    /// Extracts entities from every article (in parallel) and builds the index.
    pub fn from_corpus(corpus: Corpus) -> Index {
        let entities = corpus
            .articles
            .par_iter()
            .map(|a| extract::entities_of_any_size(&a.body))
            .collect();
        Index::build(corpus, entities)
    }

    /// Builds the index from articles and their already-extracted entities.
    pub fn build(corpus: Corpus, entities: Vec<Vec<Entity>>) -> Index {
        let mut by_key: HashMap<(Kind, String), usize> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut entry_of: Vec<Vec<usize>> = Vec::with_capacity(entities.len());
        for (article, list) in entities.iter().enumerate() {
            let mut ids = Vec::with_capacity(list.len());
            for entity in list {
                let names = std::iter::once(&entity.name).chain(&entity.aliases);
                let found = names
                    .clone()
                    .find_map(|n| by_key.get(&key(entity.kind, n)).copied());
                let g = found.unwrap_or_else(|| {
                    groups.push(Group::new(entity.kind));
                    groups.len() - 1
                });
                for n in names {
                    by_key.entry(key(entity.kind, n)).or_insert(g);
                }
                groups[g].add(article, entity);
                ids.push(g);
            }
            entry_of.push(ids);
        }
        let entries: Vec<Entry> = groups.into_iter().map(Group::finish).collect();
        // Sort the table and remap group ids to table positions.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (&entries[a], &entries[b]);
            x.kind
                .cmp(&y.kind)
                .then(y.articles.len().cmp(&x.articles.len()))
                .then(y.mentions.cmp(&x.mentions))
                .then_with(|| x.name.cmp(&y.name))
        });
        let mut position = vec![0; entries.len()];
        for (pos, &g) in order.iter().enumerate() {
            position[g] = pos;
        }
        let mut slots: Vec<Option<Entry>> = entries.into_iter().map(Some).collect();
        let table = order.iter().filter_map(|&g| slots[g].take()).collect();
        for ids in &mut entry_of {
            for id in ids.iter_mut() {
                *id = position[*id];
            }
        }
        Index {
            name: corpus.name,
            articles: corpus.articles,
            entities,
            entry_of,
            table,
            problems: corpus.problems,
            bodies: None,
        }
    }

    /// Total entities over all articles (each counted once per article).
    pub fn entity_count(&self) -> usize {
        self.entities.iter().map(Vec::len).sum()
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
        for &a in &self.table[entry].articles {
            let mut seen: Vec<EntryId> = self.entry_of[a].clone();
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

/// An entry under construction: all the names seen and how often.
struct Group {
    kind: Kind,
    names: HashMap<String, usize>,
    articles: Vec<usize>,
    mentions: usize,
}

impl Group {
    fn new(kind: Kind) -> Self {
        Group {
            kind,
            names: HashMap::new(),
            articles: Vec::new(),
            mentions: 0,
        }
    }

    fn add(&mut self, article: usize, entity: &Entity) {
        *self.names.entry(entity.name.clone()).or_default() += 1;
        for alias in &entity.aliases {
            self.names.entry(alias.clone()).or_default();
        }
        if self.articles.last() != Some(&article) {
            self.articles.push(article);
        }
        self.mentions += entity.count;
    }

    fn finish(self) -> Entry {
        let mut names: Vec<(String, usize)> = self.names.into_iter().collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut names = names.into_iter().map(|(n, _)| n);
        let name = names.next().unwrap_or_default();
        let mut aliases: Vec<String> = names.collect();
        aliases.sort();
        Entry {
            name,
            kind: self.kind,
            aliases,
            articles: self.articles,
            mentions: self.mentions,
        }
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
        let city = idx.table.iter().find(|e| e.kind == Kind::City).unwrap();
        assert_eq!(city.articles, vec![0, 1, 2]);
        assert_eq!(city.name, "Chongqing");
        let firm = idx.table.iter().find(|e| e.kind == Kind::Firm).unwrap();
        assert_eq!(firm.articles, vec![0, 1]);
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
        assert_eq!(idx.table[idx.entry_of[2][1]].name, "Tencent");
    }
}
