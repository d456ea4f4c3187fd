//! What a filter query runs on: the query engine's [`Searcher`] plus what the
//! explorer needs to shape its answer (each entry's pane, the corpus panes'
//! order), built once at load; and one run, the same whether a worker thread
//! or the snapshot path calls it.

use super::Slot;
use crate::index::{EntryId, Index};
use crate::query::{
    Cancel, Cancelled, Found, Hit, Options, Query, QueryError, Reason, Searcher, Session,
};
use crate::tui::model::{Group, Section};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A dense score slot of an entry that did not match.
pub const NO_MATCH: i64 = i64::MIN;

/// The searcher and the explorer's shapes of the corpus.
pub struct Engine {
    /// Matches queries against titles, outlets and entity names.
    pub searcher: Searcher,
    /// Every entry in corpus-pane order (ties in entity results keep it).
    pub order: Arc<[EntryId]>,
    /// Each entry's pane.
    pub groups: Vec<Group>,
    /// Each entry's position in `order`.
    pub rank: Vec<u32>,
    /// Each entry: a relative date ("last week", "Monday"), ranked after the
    /// absolute ones in the corpus view.
    pub relative: Vec<bool>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Engine({} articles, {} entries)",
            self.searcher.articles(),
            self.searcher.entries()
        )
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new(&Index::default(), &[])
    }
}

/// One query to run for a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The filter it is for.
    pub slot: Slot,
    /// Its generation (newer queries have higher ones).
    pub generation: u64,
    /// The text as typed (read leniently, as fzf would).
    pub text: String,
    /// The scope chip's options.
    pub options: Options,
    /// How many of the best articles to explain along with the results (the
    /// rows on screen), so the UI thread does not have to.
    pub explain: usize,
}

/// Why each of some articles matched, by article.
pub type Explained = HashMap<usize, Vec<Reason>>;

/// What a filter query matched.
#[derive(Debug, Clone)]
pub enum Matched {
    /// Articles, best first.
    Articles(Vec<Hit>),
    /// Entries: each one's score ([`NO_MATCH`] when it did not match), and the
    /// corpus panes cut down to the matching entries, best first.
    Entries {
        /// Score by entry id.
        scores: Vec<i64>,
        /// The corpus panes that still have members.
        sections: Vec<Section>,
        /// How many entries matched.
        count: usize,
    },
}

/// The answer to one [`Request`].
#[derive(Debug, Clone)]
pub struct Results {
    /// The filter it is for.
    pub slot: Slot,
    /// The request's generation.
    pub generation: u64,
    /// The query as read.
    pub query: Query,
    /// The options it ran with.
    pub options: Options,
    /// What the strict parser would reject.
    pub problems: Vec<QueryError>,
    /// What matched.
    pub matched: Matched,
    /// Why the best articles matched (as many as the request asked for).
    pub explained: Explained,
    /// Time spent computing it.
    pub elapsed: Duration,
    /// When the query as typed matched nothing and a corrected spelling did:
    /// that spelling (the results are its).
    pub suggestion: Option<String>,
}

impl PartialEq for Results {
    /// Results are told apart by the query they answer.
    fn eq(&self, other: &Self) -> bool {
        (self.slot, self.generation) == (other.slot, other.generation)
    }
}

impl Eq for Results {}

impl Engine {
    /// Prepares the searcher and the shapes from the index and its corpus panes.
    pub fn new(index: &Index, corpus: &[Section]) -> Engine {
        let order: Vec<EntryId> = corpus.iter().flat_map(|s| s.members.clone()).collect();
        let mut rank = vec![u32::MAX; index.table.len()];
        for (at, &entry) in order.iter().enumerate() {
            if let Some(r) = rank.get_mut(entry) {
                *r = at as u32;
            }
        }
        Engine {
            searcher: Searcher::new(index),
            order: order.into(),
            groups: index.table.iter().map(|e| Group::of(e.kind)).collect(),
            rank,
            relative: index
                .table
                .iter()
                .map(|e| crate::tui::model::is_relative_date(e.kind, &e.name))
                .collect(),
        }
    }

    /// Runs one request; `session` carries the engine's reuse between keystrokes
    /// and never changes the answer. Stops early when `cancel` says so.
    pub fn run(
        &self,
        session: &mut Session,
        request: &Request,
        cancel: Cancel<'_>,
    ) -> Result<Results, Cancelled> {
        let started = Instant::now();
        let (mut query, problems) = Query::parse_lenient(&request.text);
        let options = request.options;
        let mut suggestion = None;
        let found = match request.slot {
            Slot::Articles => {
                let mut hits = session.search(&self.searcher, &query, &options, cancel)?;
                if hits.is_empty() && problems.is_empty() {
                    let text = &request.text;
                    if let Some(found) = session.suggest(&self.searcher, text, &options, cancel)? {
                        (query, hits) = (found.query, found.hits);
                        suggestion = Some(found.text);
                    }
                }
                Found::Articles(hits)
            }
            Slot::Entities | Slot::Corpus => Found::Entries(session.filter_entries(
                &self.searcher,
                &query,
                &options,
                Some(&self.order[..]),
                cancel,
            )?),
        };
        let mut explained = Explained::new();
        let matched = match found {
            Found::Articles(hits) => {
                for hit in hits.iter().take(request.explain) {
                    let why = self.searcher.explain(&query, &options, hit.article);
                    explained.insert(hit.article, why);
                }
                Matched::Articles(hits)
            }
            Found::Entries(hits) => {
                let mut scores = vec![NO_MATCH; self.groups.len()];
                let mut by_group: Vec<Section> = Vec::new();
                for hit in &hits {
                    scores[hit.entry] = hit.score;
                    let group = self.groups[hit.entry];
                    match by_group.iter_mut().find(|s| s.group == group) {
                        Some(section) => section.members.push(hit.entry),
                        None => by_group.push(Section {
                            group,
                            members: vec![hit.entry],
                        }),
                    }
                }
                by_group.sort_by_key(|s| s.group);
                Matched::Entries {
                    scores,
                    sections: by_group,
                    count: hits.len(),
                }
            }
        };
        Ok(Results {
            slot: request.slot,
            generation: request.generation,
            query,
            options,
            problems,
            matched,
            explained,
            elapsed: started.elapsed(),
            suggestion,
        })
    }
}
