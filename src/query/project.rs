//! From text hits to results: a term's best score per article (or per entry)
//! over the fields in scope, merged across terms, and the final ranking.

use super::engine::NONE;
use super::fields::Fields;
use super::hits::{PARALLEL_FROM, TextHits};
use super::searcher::{Hit, Hits, Owner, Searcher};

/// Max-merges `from` into `into`.
pub fn merge(into: &mut [i32], from: &[i32]) {
    for (s, &p) in into.iter_mut().zip(from) {
        *s = (*s).max(p);
    }
}

/// Best score per article over the fields in scope that the hits cover.
pub fn project_articles(searcher: &Searcher, hits: &TextHits, fields: Fields) -> Vec<i32> {
    // Big projections run as two halves on two threads, then merge (max is
    // order-independent, so the result is the same).
    let n = hits.ids.len();
    if n < PARALLEL_FROM {
        return project_range(searcher, hits, 0..n, fields);
    }
    let (mut left, right) = rayon::join(
        || project_range(searcher, hits, 0..n / 2, fields),
        || project_range(searcher, hits, n / 2..n, fields),
    );
    merge(&mut left, &right);
    left
}

fn project_range(
    searcher: &Searcher,
    hits: &TextHits,
    range: std::ops::Range<usize>,
    fields: Fields,
) -> Vec<i32> {
    if searcher.plain {
        return project_by_owners(searcher, hits, range, fields);
    }
    let mut scores = vec![NONE; searcher.articles()];
    for (&t, &s) in hits.ids[range.clone()].iter().zip(&hits.scores[range]) {
        let (articles, owned_as) = searcher.links.get(t as usize);
        if fields.covers(searcher.text_fields[t as usize]) {
            for &a in articles {
                let score = &mut scores[a as usize];
                *score = (*score).max(s);
            }
            continue;
        }
        for (&a, f) in articles.iter().zip(owned_as) {
            if f.meets(fields) {
                let score = &mut scores[a as usize];
                *score = (*score).max(s);
            }
        }
    }
    scores
}

/// [`project_range`] the long way, through owners and entries (the reference).
fn project_by_owners(
    searcher: &Searcher,
    hits: &TextHits,
    range: std::ops::Range<usize>,
    fields: Fields,
) -> Vec<i32> {
    let mut scores = vec![NONE; searcher.articles()];
    for (&t, &s) in hits.ids[range.clone()].iter().zip(&hits.scores[range]) {
        for owner in searcher.owners(t as usize) {
            match owner {
                Owner::Title(a) if fields.meets(Fields::TITLE) => scores[a] = scores[a].max(s),
                Owner::Source(a) if fields.meets(Fields::SOURCE) => scores[a] = scores[a].max(s),
                Owner::Entry(e) if fields.has_kind(searcher.entry_kind[e]) => {
                    for &a in searcher.entry_articles.get(e) {
                        let a = a as usize;
                        scores[a] = scores[a].max(s);
                    }
                }
                _ => {}
            }
        }
    }
    scores
}

/// Best score per entry over its names and aliases that the hits cover.
pub fn project_entries(searcher: &Searcher, hits: &TextHits, fields: Fields) -> Vec<i32> {
    let mut scores = vec![NONE; searcher.entries()];
    for (&t, &s) in hits.ids.iter().zip(&hits.scores) {
        for owner in searcher.owners(t as usize) {
            if let Owner::Entry(e) = owner
                && fields.has_kind(searcher.entry_kind[e])
            {
                scores[e] = scores[e].max(s);
            }
        }
    }
    scores
}

/// Matches sorted by score (descending), ties by position. Scores span a small
/// range in practice, so a counting sort (linear, stable) does it; a comparison
/// sort takes over when the range is wide.
pub fn ranked(total: &[i32]) -> Hits {
    let matched = || total.iter().enumerate().filter(|(_, s)| **s != NONE);
    let (low, high) = matched().fold((i32::MAX, i32::MIN), |(l, h), (_, &s)| (l.min(s), h.max(s)));
    if low > high {
        return Hits::new();
    }
    let span = (high as i64 - low as i64) as usize;
    if span > 4 * total.len() + 1024 {
        let mut hits: Hits = matched()
            .map(|(article, &s)| Hit {
                article,
                score: s as i64,
            })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.article.cmp(&b.article)));
        return hits;
    }
    let bucket = |s: i32| (high as i64 - s as i64) as usize;
    let mut starts = vec![0usize; span + 2];
    for (_, &s) in matched() {
        starts[bucket(s) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut hits = vec![
        Hit {
            article: 0,
            score: 0
        };
        starts[span + 1]
    ];
    for (article, &s) in matched() {
        let slot = &mut starts[bucket(s)];
        hits[*slot] = Hit {
            article,
            score: s as i64,
        };
        *slot += 1;
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranking_orders_by_score_then_position() {
        let total = [5, NONE, 7, 5, -3, 0];
        let hits = ranked(&total);
        let order: Vec<(usize, i64)> = hits.iter().map(|h| (h.article, h.score)).collect();
        assert_eq!(order, vec![(2, 7), (0, 5), (3, 5), (5, 0), (4, -3)]);
        let wide = [i32::MAX - 1, NONE, -5, i32::MAX - 1];
        let order: Vec<usize> = ranked(&wide).iter().map(|h| h.article).collect();
        assert_eq!(order, vec![0, 3, 2]);
        assert!(ranked(&[NONE, NONE]).is_empty());
    }
}

#[cfg(test)]
mod links_tests {
    use super::*;
    use crate::extract::Kind;

    /// Every text hit (scores varied), projected through [`super::super::links::Links`]
    /// and through owners, for many field sets: the same scores.
    #[test]
    fn links_project_like_owners() {
        let mut index = crate::generate::index(400, 3);
        // Real corpora have texts owned through several fields (a city that is also
        // a region, an outlet that is also a firm, a headline that is a name).
        let last = index.table.len() - 1;
        for i in 0..20 {
            let title = index.articles[i].title.clone();
            let source = index.articles[i + 20].source.clone().unwrap_or_default();
            let other = index.table[last - i].name.clone();
            index.table[i * 7].aliases.push(title);
            index.table[i * 7 + 1].aliases.push(source);
            index.table[i * 7 + 2].name = other;
        }
        let searcher = Searcher::new(&index);
        let n = searcher.texts.len();
        let hits = TextHits {
            ids: (0..n as u32).collect(),
            scores: (0..n as i32).map(|t| t % 13 - 3).collect(),
            ends: Vec::new(),
        };
        let mixed = (0..n)
            .filter(|&t| searcher.text_fields[t] != Fields::NONE)
            .filter(|&t| !Fields::ALL.and(searcher.text_fields[t]).is_empty())
            .filter(|&t| {
                searcher
                    .links
                    .get(t)
                    .1
                    .iter()
                    .any(|&f| f != searcher.text_fields[t])
            })
            .count();
        assert!(
            mixed >= 40,
            "{mixed} texts owned through more than one field"
        );
        let mut sets = vec![Fields::ALL, Fields::ENTITIES, Fields::TITLE, Fields::SOURCE];
        sets.extend(Kind::ALL.iter().map(|&k| Fields::kind(k)));
        sets.push(Fields::kinds(&[Kind::City, Kind::Firm]));
        sets.push(Fields::TITLE.or(Fields::kind(Kind::Org)));
        for fields in sets {
            let fast = project_range(&searcher, &hits, 0..n, fields);
            let plain = project_by_owners(&searcher, &hits, 0..n, fields);
            assert_eq!(fast, plain, "{fields:?}");
        }
    }
}
