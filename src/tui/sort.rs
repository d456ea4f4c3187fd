//! The article list's order (`s`): relevance while filtering, date (newest
//! first), outlet, entity count, or corpus order. Every order over the whole
//! corpus is computed once at load ([`Orders`]); a keystroke only picks one,
//! or, while a filter is applied, keeps the matching articles in that order
//! with one pass over it (no sort per keystroke).

use crate::index::Index;
use std::cmp::Reverse;
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
    /// Sorts the corpus every way once (ties keep corpus order).
    pub fn new(index: &Index) -> Orders {
        let articles = &index.articles;
        let all = || (0..articles.len() as u32).collect::<Vec<u32>>();
        let mut date = all();
        date.sort_by(|&a, &b| {
            let (x, y) = (&articles[a as usize].date, &articles[b as usize].date);
            // Dated first, newest first: ISO prefixes compare as text.
            y.is_some().cmp(&x.is_some()).then_with(|| y.cmp(x))
        });
        let mut outlet = all();
        let key = |a: u32| {
            articles[a as usize]
                .source
                .as_deref()
                .map(str::to_lowercase)
        };
        let keys: Vec<Option<String>> = outlet.iter().map(|&a| key(a)).collect();
        outlet.sort_by(|&a, &b| {
            let (x, y) = (&keys[a as usize], &keys[b as usize]);
            x.is_none().cmp(&y.is_none()).then_with(|| x.cmp(y))
        });
        let mut entities = all();
        entities.sort_by_key(|&a| Reverse(index.entity_count_of(a as usize)));
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
}
