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
//! articles (reading every matching article's entities, at random). The
//! entities of those first thousand are scored on their own (a few thousand
//! names), not the whole entity table: filtering and sorting every entry
//! took 5-25 ms a keystroke at a million articles.

use super::engine::{Cancel, Cancelled, Session, term_fields};
use super::fields::{Fields, Options};
use super::hits::clamped;
use super::parse::{Query, Term};
use super::pattern::Needle;
use super::scorer::Scorer;
use super::searcher::{Hit, Searcher};

/// How many of the best results have their ties broken by length.
pub const TIES_SHOWN: usize = 1000;

impl Searcher {
    /// The length in chars of an entry's name.
    pub(super) fn name_length(&self, entry: usize) -> usize {
        self.name_lengths.get(entry).map_or(0, |&l| l as usize)
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
        if cancel() {
            return Err(Cancelled);
        }
        let terms: Vec<(Needle, Fields)> = group
            .iter()
            .map(|t| {
                (
                    Needle::new(t),
                    term_fields(t, options).and(Fields::ENTITIES),
                )
            })
            .collect();
        let mut scores: rustc_hash::FxHashMap<u32, i64> = rustc_hash::FxHashMap::default();
        searcher.matcher.with_scorer(|scorer| {
            for hit in &hits[..shown] {
                for &e in searcher.article_entries(hit.article) {
                    scores
                        .entry(e)
                        .or_insert_with(|| searcher.group_score(scorer, &terms, e as usize));
                }
            }
        });
        // (length, article) packed in one integer: one plain sort per run.
        let key = |hit: &Hit| -> u64 {
            let best = searcher
                .article_entries(hit.article)
                .iter()
                .filter(|&e| scores.get(e) == Some(&hit.score))
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
    /// An entry's score for a group of terms, as filtering the entries would
    /// give it: the best of its names and aliases over the terms whose fields
    /// have its kind (`i64::MIN` when none matches).
    fn group_score(&self, scorer: &mut Scorer<'_>, terms: &[(Needle, Fields)], e: usize) -> i64 {
        let mut best = i64::MIN;
        for (needle, fields) in terms {
            if !fields.has_kind(self.entry_kind[e]) {
                continue;
            }
            for &t in self.entry_texts.get(e) {
                if let Some((score, _)) = scorer.score_from(needle, &self.texts, t as usize, None) {
                    best = best.max(i64::from(clamped(score)));
                }
            }
        }
        best
    }

    /// The length in chars of an article's title.
    fn title_length(&self, article: usize) -> usize {
        self.article_title.get(article).map_or(usize::MAX, |&t| {
            self.texts.original(t as usize).chars().count()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry's score for a query's scoring group, scored on its own for
    /// breaking ties, is the score filtering the whole entity table gives it.
    #[test]
    fn entries_scored_alone_score_as_the_entity_filter_does() {
        let index = crate::generate::index(400, 9);
        let searcher = Searcher::new(&index);
        let within = [
            Options::default(),
            Options::kinds(&[crate::extract::Kind::City]),
        ];
        for text in [
            "c",
            "ch",
            "zh",
            "Ch",
            "'an",
            "^hua",
            "li | wang",
            "city:ch",
            "2016",
            "é",
        ] {
            for options in within {
                let query = Query::parse(text).unwrap();
                let group = scoring_group(&query).unwrap();
                let terms: Vec<(Needle, Fields)> = group
                    .iter()
                    .map(|t| {
                        (
                            Needle::new(t),
                            term_fields(t, &options).and(Fields::ENTITIES),
                        )
                    })
                    .collect();
                let only = Query {
                    groups: vec![group],
                };
                let mut want = vec![i64::MIN; searcher.entries()];
                for hit in searcher.filter_entries(&only, &options, None) {
                    want[hit.entry] = hit.score;
                }
                let matched = want.iter().filter(|&&s| s != i64::MIN).count();
                let everything = options == Options::default();
                assert!(
                    matched > 0 || !everything || text == "é",
                    "{text}: nothing matched"
                );
                searcher.matcher.with_scorer(|scorer| {
                    for (e, &score) in want.iter().enumerate() {
                        assert_eq!(searcher.group_score(scorer, &terms, e), score, "{text} {e}");
                    }
                });
            }
        }
    }
}
