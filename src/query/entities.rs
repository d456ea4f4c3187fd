//! Filtering entities (an entity pane's `/`) with the same language: an entry
//! matches when its own names and aliases satisfy the query. Title and outlet
//! scopes see nothing here, so `title:x` filters every entry out.

use super::engine::{Cancel, Cancelled, NONE, Session, Target, evaluate, term_fields};
use super::fields::{Fields, Options};
use super::parse::Query;
use super::project::merge;
use super::searcher::Searcher;
use crate::index::EntryId;

/// One matching table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryHit {
    /// Position in `Index::table`.
    pub entry: EntryId,
    /// Sum over the query's groups of the best score in each; higher is better.
    pub score: i64,
}

impl Session {
    /// Entries matching a query, best first; ties go to the shorter name, then
    /// keep the order of `subset` (or of the table when `subset` is `None`), as
    /// fzf's `--tiebreak=length,index`. Only entries in `subset` are returned.
    pub fn filter_entries(
        &mut self,
        searcher: &Searcher,
        query: &Query,
        options: &Options,
        subset: Option<&[EntryId]>,
        cancel: Cancel<'_>,
    ) -> Result<Vec<EntryHit>, Cancelled> {
        super::engine::in_pool(|| {
            let n = searcher.entries();
            let total = evaluate(query, n, cancel, |term, scores| {
                let fields = term_fields(term, options).and(Fields::ENTITIES);
                if term.is_presence() {
                    for (e, &kind) in searcher.entry_kind.iter().enumerate() {
                        if fields.has_kind(kind) {
                            scores[e] = scores[e].max(0);
                        }
                    }
                } else if !fields.is_empty() {
                    let projected =
                        self.projected(searcher, term, fields, Target::Entries, cancel)?;
                    merge(scores, &projected);
                }
                Ok(())
            })?;
            let order: Box<dyn Iterator<Item = EntryId>> = match subset {
                Some(list) => Box::new(list.iter().copied().filter(|&e| e < n)),
                None => Box::new(0..n),
            };
            let mut hits: Vec<EntryHit> = order
                .filter(|&e| total[e] != NONE)
                .map(|entry| EntryHit {
                    entry,
                    score: total[entry] as i64,
                })
                .collect();
            // fzf's --tiebreak=length,index: equal scores, the shorter name
            // first, then the order given; with nothing to rank by (an empty
            // query, only negations or bare scopes) fzf keeps the order given.
            let ranks = query.terms().any(|t| !t.negated && !t.is_presence());
            hits.sort_by_key(|h| {
                let length = if ranks {
                    searcher.name_length(h.entry)
                } else {
                    0
                };
                (std::cmp::Reverse(h.score), length)
            });
            Ok(hits)
        })
    }
}

impl Searcher {
    /// Entries matching a query, computed from scratch (see [`Session::filter_entries`]).
    pub fn filter_entries(
        &self,
        query: &Query,
        options: &Options,
        subset: Option<&[EntryId]>,
    ) -> Vec<EntryHit> {
        Session::new()
            .filter_entries(self, query, options, subset, &|| false)
            .unwrap_or_default()
    }
}
