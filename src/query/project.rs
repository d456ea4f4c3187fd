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

/// True when every score fits a byte cell (score plus one, 0 for no match).
pub fn fits_a_byte(scores: &[i32]) -> bool {
    scores
        .iter()
        .fold(true, |ok, &s| ok & (0..=254).contains(&s))
}

/// Best score per article over the fields in scope that the hits cover.
pub fn project_articles(searcher: &Searcher, hits: &TextHits, fields: Fields) -> Vec<i32> {
    if searcher.plain {
        return project_by_owners(searcher, hits, 0..hits.ids.len(), fields);
    }
    if !searcher.linked {
        return project_by_entries(searcher, hits, fields);
    }
    if !fits_a_byte(&hits.scores) {
        return project_wide(searcher, hits, fields);
    }
    if fields == Fields::ALL
        && hits.ids.len() * BY_ARTICLE_FROM >= searcher.texts.len()
        && searcher.linked
    {
        return by_article(searcher, hits);
    }
    byte_scores(&in_halves(searcher, hits, fields, 0, |s| (s + 1) as u8))
}

/// A term that matches at least one text in this many is projected article by
/// article ([`by_article`]) rather than text by text.
const BY_ARTICLE_FROM: usize = 4;

/// [`project_articles`] over all fields for a term that matches a large share of
/// the texts: each text's score in a byte table (300 KB at 100,000 articles, so
/// it stays in cache), then each article's best over its texts, reading every
/// article's list of texts once, in order (two halves on two threads).
fn by_article(searcher: &Searcher, hits: &TextHits) -> Vec<i32> {
    let mut table = vec![0u8; searcher.texts.len()];
    for (&t, &s) in hits.ids.iter().zip(&hits.scores) {
        table[t as usize] = (s + 1) as u8;
    }
    let n = searcher.articles();
    let best = |range: std::ops::Range<usize>| -> Vec<i32> {
        range
            .map(|a| {
                let texts = searcher.links.texts_of(a);
                let cell = texts
                    .iter()
                    .fold(0u32, |m, &t| m.max(u32::from(table[t as usize])));
                if cell == 0 { NONE } else { cell as i32 - 1 }
            })
            .collect()
    };
    if n < PARALLEL_FROM {
        return best(0..n);
    }
    let (mut left, right) = rayon::join(|| best(0..n / 2), || best(n / 2..n));
    left.extend(right);
    left
}

/// Byte cells back to scores ([`NONE`] for no match).
pub fn byte_scores(cells: &[u8]) -> Vec<i32> {
    cells
        .iter()
        .map(|&c| if c == 0 { NONE } else { i32::from(c) - 1 })
        .collect()
}

/// Max-merges the hits in `range` onto one cell per article (`none` where no hit
/// reaches it), each hit's score turned into a cell by `cell` (a byte, score plus
/// one, when every score fits; else the score itself).
///
/// The hits are visited in text order, so their rows of links are read as one
/// forward stream, and each link is a load, a max and a store with no branch
/// (visiting them by score instead, so that a plain store would do, made every row
/// a cache miss). A byte table (100 KB at 100,000 articles) stays in the core's
/// cache while the links stream past.
#[inline]
fn max_cells<T: Copy + Ord>(
    searcher: &Searcher,
    hits: &TextHits,
    range: std::ops::Range<usize>,
    fields: Fields,
    none: T,
    cell: impl Fn(i32) -> T,
) -> Vec<T> {
    if !searcher.linked {
        return max_cells_by_entries(searcher, hits, range, fields, none, cell);
    }
    let mut cells = vec![none; searcher.articles()];
    for (&t, &s) in hits.ids[range.clone()].iter().zip(&hits.scores[range]) {
        let t = t as usize;
        let value = cell(s);
        let (articles, owned_as) = searcher.links.get(t);
        if fields.covers(searcher.text_fields[t]) {
            for &a in articles {
                let c = &mut cells[a as usize];
                *c = (*c).max(value);
            }
            continue;
        }
        for (&a, f) in articles.iter().zip(owned_as) {
            if f.meets(fields) {
                let c = &mut cells[a as usize];
                *c = (*c).max(value);
            }
        }
    }
    cells
}

/// [`project_articles`] without per-text article lists (a big corpus): each
/// hit's score goes to its title's or outlet's article, or to its entry; then
/// the entries' best go to their articles: entry by entry when few articles
/// have the matching entries, else article by article, each article reading
/// its entries' scores (two halves of the articles on two threads, each
/// writing its own).
fn project_by_entries(searcher: &Searcher, hits: &TextHits, fields: Fields) -> Vec<i32> {
    if !fits_a_byte(&hits.scores) {
        let n = hits.ids.len();
        return max_cells_by_entries(searcher, hits, 0..n, fields, NONE, |s| s);
    }
    let cell = |s: i32| (s + 1) as u8;
    let mut cells = vec![0u8; searcher.articles()];
    let mut entries = vec![0u8; searcher.entries()];
    for (&t, &s) in hits.ids.iter().zip(&hits.scores) {
        let value = cell(s);
        for owner in searcher.owners(t as usize) {
            let slot = match owner {
                Owner::Title(a) if fields.meets(Fields::TITLE) => &mut cells[a],
                Owner::Source(a) if fields.meets(Fields::SOURCE) => &mut cells[a],
                Owner::Entry(e) if fields.has_kind(searcher.entry_kind[e]) => &mut entries[e],
                _ => continue,
            };
            *slot = (*slot).max(value);
        }
    }
    let reach: usize = entries
        .iter()
        .enumerate()
        .filter(|&(_, &v)| v != 0)
        .map(|(e, _)| searcher.entry_articles.get(e).len())
        .sum();
    if reach * BY_ARTICLE_FROM < searcher.article_entries.items().len() {
        for (e, &value) in entries.iter().enumerate().filter(|&(_, &v)| v != 0) {
            for &a in searcher.entry_articles.get(e) {
                let c = &mut cells[a as usize];
                *c = (*c).max(value);
            }
        }
        return byte_scores(&cells);
    }
    let best = |first: usize, part: &mut [u8]| {
        for (k, c) in part.iter_mut().enumerate() {
            let row = searcher.article_entries.get(first + k);
            *c = row.iter().fold(*c, |m, &e| m.max(entries[e as usize]));
        }
    };
    let n = cells.len();
    if n < PARALLEL_FROM {
        best(0, &mut cells);
    } else {
        let (left, right) = cells.split_at_mut(n / 2);
        rayon::join(|| best(0, left), || best(n / 2, right));
    }
    byte_scores(&cells)
}

/// [`max_cells`] without per-text article lists (a big corpus): titles and
/// outlets straight to their article, names and aliases to their entry (its
/// best), then each entry's best to its articles, each entry once.
fn max_cells_by_entries<T: Copy + Ord>(
    searcher: &Searcher,
    hits: &TextHits,
    range: std::ops::Range<usize>,
    fields: Fields,
    none: T,
    cell: impl Fn(i32) -> T,
) -> Vec<T> {
    let mut cells = vec![none; searcher.articles()];
    let mut entries = vec![none; searcher.entries()];
    for (&t, &s) in hits.ids[range.clone()].iter().zip(&hits.scores[range]) {
        let value = cell(s);
        for owner in searcher.owners(t as usize) {
            let slot = match owner {
                Owner::Title(a) if fields.meets(Fields::TITLE) => &mut cells[a],
                Owner::Source(a) if fields.meets(Fields::SOURCE) => &mut cells[a],
                Owner::Entry(e) if fields.has_kind(searcher.entry_kind[e]) => &mut entries[e],
                _ => continue,
            };
            *slot = (*slot).max(value);
        }
    }
    for (e, &value) in entries.iter().enumerate() {
        if value == none {
            continue;
        }
        for &a in searcher.entry_articles.get(e) {
            let c = &mut cells[a as usize];
            *c = (*c).max(value);
        }
    }
    cells
}

/// [`project_articles`] for scores that do not fit a byte: the best per article
/// kept as a plain score.
fn project_wide(searcher: &Searcher, hits: &TextHits, fields: Fields) -> Vec<i32> {
    in_halves(searcher, hits, fields, NONE, |s| s)
}

/// [`max_cells`] over all the hits, as two halves on two threads when big, then
/// the better of the two per article.
fn in_halves<T: Copy + Ord + Send + Sync>(
    searcher: &Searcher,
    hits: &TextHits,
    fields: Fields,
    none: T,
    cell: impl Fn(i32) -> T + Sync,
) -> Vec<T> {
    let n = hits.ids.len();
    if n < PARALLEL_FROM {
        return max_cells(searcher, hits, 0..n, fields, none, &cell);
    }
    let (mut left, right) = rayon::join(
        || max_cells(searcher, hits, 0..n / 2, fields, none, &cell),
        || max_cells(searcher, hits, n / 2..n, fields, none, &cell),
    );
    for (l, r) in left.iter_mut().zip(right) {
        *l = (*l).max(r);
    }
    left
}

/// [`project_articles`] the long way, through owners and entries (the reference).
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
    // The matches packed to the front, with no branch per item (about half the
    // items of a common term match, so a branch would mispredict half the time).
    let mut articles = vec![0u32; total.len()];
    let mut scores = vec![0i32; total.len()];
    let (mut n, mut low, mut high) = (0, i32::MAX, i32::MIN);
    for (a, &s) in total.iter().enumerate() {
        articles[n] = a as u32;
        scores[n] = s;
        let hit = s != NONE;
        n += usize::from(hit);
        low = low.min(if hit { s } else { i32::MAX });
        high = high.max(s);
    }
    let (articles, scores) = (&articles[..n], &scores[..n]);
    if n == 0 {
        return Hits::new();
    }
    let hit = |i: usize| Hit {
        article: articles[i] as usize,
        score: i64::from(scores[i]),
    };
    let span = (high as i64 - low as i64) as usize;
    if span > 4 * total.len() + 1024 {
        let mut hits: Hits = (0..n).map(hit).collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.article.cmp(&b.article)));
        return hits;
    }
    // A counting sort by score, best first; articles stay in order within a score.
    let bucket = |s: i32| (high as i64 - s as i64) as usize;
    let mut starts = vec![0u32; span + 2];
    for &s in scores {
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
        n
    ];
    for i in 0..n {
        let slot = &mut starts[bucket(scores[i])];
        hits[*slot as usize] = hit(i);
        *slot += 1;
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Just;

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

    proptest::proptest! {
        /// The counting sort and the comparison sort give a plain sort's order.
        #[test]
        fn ranking_equals_a_plain_sort(
            total in proptest::collection::vec(
                proptest::prop_oneof![Just(NONE), -40i32..40, Just(i32::MAX - 1), Just(NONE + 1)],
                0..60,
            )
        ) {
            let mut plain: Vec<(usize, i64)> = total
                .iter()
                .enumerate()
                .filter(|(_, s)| **s != NONE)
                .map(|(a, &s)| (a, i64::from(s)))
                .collect();
            plain.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let fast: Vec<(usize, i64)> = ranked(&total).iter().map(|h| (h.article, h.score)).collect();
            proptest::prop_assert_eq!(fast, plain);
        }
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
        let bytes = TextHits {
            scores: hits.scores.iter().map(|s| s + 3).collect(),
            ..hits.clone()
        };
        assert!(!fits_a_byte(&hits.scores) && fits_a_byte(&bytes.scores));
        for fields in sets {
            for hits in [&hits, &bytes] {
                let fast = project_articles(&searcher, hits, fields);
                let plain = project_by_owners(&searcher, hits, 0..n, fields);
                assert_eq!(fast, plain, "{fields:?}");
            }
        }
    }
}
