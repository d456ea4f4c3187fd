//! Ties broken as fzf's default `--tiebreak=length,index`: among results of
//! equal score the shorter text comes first, then the earlier one. For an
//! entity list the text is the entity's name. For articles it is the name of
//! the article's best-matching entity (the one whose own score equals the
//! article's), or its title when no entity scores as high; this applies to
//! queries with one scoring group (a term, or terms joined by `|`), which is
//! where a result's score is one field's score. With several groups an
//! article's score is a sum over different fields, and ties keep corpus order.
//!
//! Only the first [`TIES_SHOWN`] results are ordered so (what a person reads
//! and scrolls to); below them equal scores keep corpus order. Ordering all
//! of them cost 30-120 ms a keystroke for queries that match most of 100,000
//! articles (reading every matching article's entities, at random); the
//! first thousand cost what scoring the entities costs (0.4-13 ms).

use super::engine::{Cancel, Cancelled, Session};
use super::fields::Options;
use super::parse::{Query, Term};
use super::searcher::{Hit, Searcher};

/// How many of the best results have their ties broken by length.
pub const TIES_SHOWN: usize = 1000;

impl Searcher {
    /// The length in chars of an entry's name (computed once, on first use).
    pub(super) fn name_length(&self, entry: usize) -> usize {
        let lengths = self.name_lengths.get_or_init(|| {
            (0..self.entries())
                .map(|e| {
                    let name = self.entry_texts.get(e).first().copied();
                    name.map_or(0, |t| self.texts.original(t as usize).chars().count()) as u32
                })
                .collect()
        });
        lengths.get(entry).map_or(0, |&l| l as usize)
    }
}

/// The query's one scoring group (its terms that rank, negations and bare
/// scopes left out), if it has exactly one.
fn scoring_group(query: &Query) -> Option<Vec<Term>> {
    let mut groups = query.groups.iter().filter_map(|group| {
        let ranked: Vec<Term> = group
            .iter()
            .filter(|t| !t.negated && !t.is_presence())
            .cloned()
            .collect();
        (!ranked.is_empty()).then_some(ranked)
    });
    let first = groups.next()?;
    groups.next().is_none().then_some(first)
}

impl Session {
    /// Reorders each run of equal scores in `hits` (already best first, ties
    /// in corpus order) by the length of what matched, keeping corpus order
    /// among equal lengths.
    pub fn break_ties(
        &mut self,
        searcher: &Searcher,
        query: &Query,
        options: &Options,
        hits: &mut [Hit],
        cancel: Cancel<'_>,
    ) -> Result<(), Cancelled> {
        let shown = hits.len().min(TIES_SHOWN);
        let tied = hits[..shown].windows(2).any(|w| w[0].score == w[1].score);
        let Some(group) = scoring_group(query).filter(|_| tied) else {
            return Ok(());
        };
        let only = Query {
            groups: vec![group],
        };
        let mut scores = vec![i64::MIN; searcher.entries()];
        for hit in self.filter_entries(searcher, &only, options, None, cancel)? {
            scores[hit.entry] = hit.score;
        }
        // (length, article) packed in one integer: one plain sort per run.
        let key = |hit: &Hit| -> u64 {
            let best = searcher
                .article_entries(hit.article)
                .iter()
                .filter(|&&e| scores[e as usize] == hit.score)
                .map(|&e| searcher.name_length(e as usize))
                .min();
            let length = best.unwrap_or_else(|| searcher.title_length(hit.article));
            ((length.min(u32::MAX as usize) as u64) << 32) | hit.article as u64
        };
        let mut keys: Vec<u64> = Vec::new();
        let mut start = 0;
        while start < shown {
            let score = hits[start].score;
            let run = hits[start..shown]
                .iter()
                .take_while(|h| h.score == score)
                .count();
            let end = start + run;
            if run > 1 {
                keys.clear();
                keys.extend(hits[start..end].iter().map(key));
                keys.sort_unstable();
                for (hit, k) in hits[start..end].iter_mut().zip(&keys) {
                    hit.article = (k & u64::from(u32::MAX)) as usize;
                }
            }
            start = end;
        }
        Ok(())
    }
}

impl Searcher {
    /// The length in chars of an article's title.
    fn title_length(&self, article: usize) -> usize {
        self.article_title.get(article).map_or(usize::MAX, |&t| {
            self.texts.original(t as usize).chars().count()
        })
    }
}
