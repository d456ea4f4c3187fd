//! The article list's order (`s`): relevance while filtering, date (newest
//! first), outlet, entity count, or corpus order. Every order over the whole
//! corpus is computed once at load ([`Orders`]); a keystroke only picks one,
//! or, while a filter is applied, keeps the matching articles in that order
//! with one pass over it (no sort per keystroke).

use crate::index::Index;
use std::sync::Arc;

/// How the article list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    /// Best match first while filtering; corpus order otherwise.
    #[default]
    Relevance,
    /// Newest first; undated articles last.
    Date,
    /// By outlet, A to Z; articles without one last.
    Outlet,
    /// Most entities first.
    Entities,
    /// As loaded.
    Corpus,
}

impl SortKey {
    /// Every order, in the order `s` visits them.
    pub const ALL: [SortKey; 5] = [
        SortKey::Relevance,
        SortKey::Date,
        SortKey::Outlet,
        SortKey::Entities,
        SortKey::Corpus,
    ];

    /// The name the configuration file and the list title use.
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Relevance => "relevance",
            SortKey::Date => "date",
            SortKey::Outlet => "outlet",
            SortKey::Entities => "entities",
            SortKey::Corpus => "corpus",
        }
    }

    /// Reads a name written by [`SortKey::as_str`] (any case).
    pub fn parse(name: &str) -> Option<SortKey> {
        let name = name.trim().to_ascii_lowercase();
        SortKey::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// The next order for `s`: relevance is skipped when nothing is filtered
    /// (it would look the same as corpus order).
    pub fn next(self, filtering: bool) -> SortKey {
        let at = SortKey::ALL.iter().position(|&k| k == self).unwrap_or(0);
        let mut next = SortKey::ALL[(at + 1) % SortKey::ALL.len()];
        if next == SortKey::Relevance && !filtering {
            next = SortKey::Date;
        }
        next
    }

    /// What the list title says ("by date"), or nothing for the natural order.
    pub fn label(self, filtering: bool) -> Option<&'static str> {
        match self {
            SortKey::Relevance if filtering => Some("by relevance"),
            SortKey::Relevance => None,
            SortKey::Date => Some("by date"),
            SortKey::Outlet => Some("by outlet"),
            SortKey::Entities => Some("by entities"),
            SortKey::Corpus => Some("in corpus order"),
        }
    }
}

/// Every whole-corpus order, computed once at load.
#[derive(Debug, Clone, Default)]
pub struct Orders {
    /// Articles newest first.
    pub date: Arc<[u32]>,
    /// Articles by outlet.
    pub outlet: Arc<[u32]>,
    /// Articles by entity count.
    pub entities: Arc<[u32]>,
}

impl Orders {
    /// Sorts the corpus every way once (ties keep corpus order). Dates,
    /// outlets and entity counts repeat a lot (a few thousand days, a few
    /// hundred outlets over a million articles): each distinct key is ranked
    /// once, then the articles are placed by rank in one stable pass. Sorting
    /// the million articles themselves by comparing their strings took 0.8 s
    /// here, the longest step between reading a cached corpus and showing it.
    pub fn new(index: &Index) -> Orders {
        let articles = &index.articles;
        // Dated first, newest first: ISO prefixes compare as text.
        let date = by_rank(
            articles.iter().map(|a| a.date.as_deref()),
            |d| d,
            |x, y| y.cmp(x),
        );
        let outlet = by_rank(
            articles.iter().map(|a| a.source.as_deref()),
            str::to_lowercase,
            |x, y| x.cmp(y),
        );
        let counts = (0..articles.len()).map(|a| Some(index.entity_count_of(a)));
        let entities = by_rank(counts, |c| c, |x, y| y.cmp(x));
        Orders {
            date: date.into(),
            outlet: outlet.into(),
            entities: entities.into(),
        }
    }

    /// The whole-corpus order of `key`; None for corpus order (and relevance,
    /// which is the filter's own order).
    pub fn of(&self, key: SortKey) -> Option<&Arc<[u32]>> {
        match key {
            SortKey::Date => Some(&self.date),
            SortKey::Outlet => Some(&self.outlet),
            SortKey::Entities => Some(&self.entities),
            SortKey::Relevance | SortKey::Corpus => None,
        }
    }
}

/// Positions `0..n` ordered by their keys as `order` compares their
/// `compared` forms, those without a key last, ties in position order. Each
/// distinct key's compared form is made and sorted once; the positions are
/// then counted into place by rank (a stable counting sort).
fn by_rank<K: Copy + Eq + std::hash::Hash, C: Eq>(
    keys: impl Iterator<Item = Option<K>>,
    compared: impl Fn(K) -> C,
    order: impl Fn(&C, &C) -> std::cmp::Ordering,
) -> Vec<u32> {
    let mut ids: rustc_hash::FxHashMap<K, u32> = rustc_hash::FxHashMap::default();
    let mut distinct: Vec<K> = Vec::new();
    let of: Vec<u32> = keys
        .map(|key| match key {
            None => u32::MAX,
            Some(key) => *ids.entry(key).or_insert_with(|| {
                distinct.push(key);
                distinct.len() as u32 - 1
            }),
        })
        .collect();
    let compared: Vec<C> = distinct.iter().map(|&k| compared(k)).collect();
    let mut sorted: Vec<u32> = (0..distinct.len() as u32).collect();
    sorted.sort_by(|&x, &y| order(&compared[x as usize], &compared[y as usize]));
    // Equal compared forms share a rank; no key ranks last.
    let mut rank = vec![0u32; distinct.len()];
    let mut next = 0;
    for (i, &k) in sorted.iter().enumerate() {
        if i > 0 && compared[sorted[i - 1] as usize] != compared[k as usize] {
            next += 1;
        }
        rank[k as usize] = next;
    }
    let last = next + u32::from(!distinct.is_empty());
    let rank_of = |id: u32| {
        if id == u32::MAX {
            last
        } else {
            rank[id as usize]
        }
    };
    let mut starts = vec![0u32; last as usize + 2];
    for &id in &of {
        starts[rank_of(id) as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut out = vec![0u32; of.len()];
    for (position, &id) in of.iter().enumerate() {
        let slot = &mut starts[rank_of(id) as usize];
        out[*slot as usize] = position as u32;
        *slot += 1;
    }
    out
}

/// The rows of the article list, when they are not simply the filter's hits
/// or the corpus in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sorted {
    /// The order it was made for.
    pub key: SortKey,
    /// The filter results it was made from (0: no filter).
    pub generation: u64,
    /// The articles, top row first; None when the rows are the filter's hits
    /// (or the corpus) as they are.
    pub rows: Option<Arc<[u32]>>,
}

/// The list's rows for `key` over the filter's `hits` (None: no filter), in
/// one pass over the precomputed order: no sort at keystroke time.
pub fn rows(
    orders: &Orders,
    key: SortKey,
    hits: Option<&[u32]>,
    total: usize,
) -> Option<Arc<[u32]>> {
    match (key, hits) {
        (SortKey::Relevance, _) => None,
        (SortKey::Corpus, None) => None,
        (SortKey::Corpus, Some(hits)) => {
            let mut rows = hits.to_vec();
            rows.sort_unstable();
            Some(rows.into())
        }
        (key, None) => orders.of(key).cloned(),
        (key, Some(hits)) => {
            let order = orders.of(key)?;
            let mut member = vec![false; total];
            for &a in hits {
                if let Some(m) = member.get_mut(a as usize) {
                    *m = true;
                }
            }
            let kept: Vec<u32> = order
                .iter()
                .copied()
                .filter(|&a| member.get(a as usize).copied().unwrap_or(false))
                .collect();
            Some(kept.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_cycles_and_skips_relevance_without_a_filter() {
        assert_eq!(SortKey::Relevance.next(false), SortKey::Date);
        assert_eq!(SortKey::Corpus.next(false), SortKey::Date);
        assert_eq!(SortKey::Corpus.next(true), SortKey::Relevance);
        let mut key = SortKey::Relevance;
        let mut seen = Vec::new();
        for _ in 0..5 {
            key = key.next(true);
            seen.push(key.as_str());
        }
        assert_eq!(seen, ["date", "outlet", "entities", "corpus", "relevance"]);
        for key in SortKey::ALL {
            assert_eq!(SortKey::parse(key.as_str()), Some(key));
        }
        assert_eq!(SortKey::parse("Date "), Some(SortKey::Date));
        assert_eq!(SortKey::parse("size"), None);
    }

    #[test]
    fn date_order_is_newest_first_undated_last_ties_in_corpus_order() {
        let mut index = crate::generate::index(6, 3);
        let articles = std::sync::Arc::make_mut(&mut index.articles);
        let dates = [
            Some("2019-05-01"),
            None,
            Some("2021"),
            Some("2021-03-02"),
            Some("2019-05-01"),
            None,
        ];
        for (a, d) in articles.iter_mut().zip(dates) {
            a.date = d.map(str::to_string);
        }
        let orders = Orders::new(&index);
        assert_eq!(&orders.date[..], &[3, 2, 0, 4, 1, 5]);
        // Filtered: the same order, only the hits, whatever order they came in.
        let kept = rows(&orders, SortKey::Date, Some(&[5, 4, 3, 1]), 6).expect("rows");
        assert_eq!(&kept[..], &[3, 4, 1, 5]);
        assert_eq!(rows(&orders, SortKey::Relevance, Some(&[5, 4]), 6), None);
        let corpus = rows(&orders, SortKey::Corpus, Some(&[5, 4, 0]), 6).expect("rows");
        assert_eq!(&corpus[..], &[0, 4, 5]);
    }

    proptest::proptest! {
        /// Ranking distinct keys and counting the articles into place gives
        /// what a stable sort of the articles by the same comparison gives.
        #[test]
        fn ranked_orders_equal_a_stable_sort(
            keys in proptest::collection::vec(
                proptest::option::of(proptest::sample::select(vec!["Xinhua", "xinhua", "AP", "ap news", "Caixin", "2021-03", "2019"])),
                0..60,
            ),
            counts in proptest::collection::vec(0usize..6, 0..60),
        ) {
            let mut plain: Vec<u32> = (0..keys.len() as u32).collect();
            let lower = |a: u32| keys[a as usize].map(str::to_lowercase);
            plain.sort_by(|&a, &b| {
                let (x, y) = (lower(a), lower(b));
                x.is_none().cmp(&y.is_none()).then_with(|| x.cmp(&y))
            });
            let ranked = by_rank(keys.iter().copied(), str::to_lowercase, |x, y| x.cmp(y));
            proptest::prop_assert_eq!(ranked, plain);
            let mut newest: Vec<u32> = (0..keys.len() as u32).collect();
            newest.sort_by(|&a, &b| {
                let (x, y) = (keys[a as usize], keys[b as usize]);
                y.is_some().cmp(&x.is_some()).then_with(|| y.cmp(&x))
            });
            let ranked = by_rank(keys.iter().copied(), |d| d, |x, y| y.cmp(x));
            proptest::prop_assert_eq!(ranked, newest);
            let mut most: Vec<u32> = (0..counts.len() as u32).collect();
            most.sort_by_key(|&a| std::cmp::Reverse(counts[a as usize]));
            let ranked = by_rank(counts.iter().map(|&c| Some(c)), |c| c, |x, y| y.cmp(x));
            proptest::prop_assert_eq!(ranked, most);
        }
    }
}
