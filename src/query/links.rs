//! From each distinct text straight to the articles that have it, with the fields
//! they have it as: built once at load, so projecting a term's hits onto articles
//! is one pass of reads and writes, with no detour through table entries.

use super::fields::Fields;
use super::searcher::{Owner, Rows, Searcher};
use rayon::prelude::*;

/// Per text: the articles that have it (ascending, each once) and, parallel to
/// them, the fields through which each has it.
#[derive(Debug, Clone, Default)]
pub struct Links {
    articles: Rows,
    fields: Vec<Fields>,
    /// The same links the other way: per article, the texts it has (ascending).
    texts: Rows,
}

impl Links {
    /// Collects the links of every text from the owners recorded in `searcher`.
    pub fn new(searcher: &Searcher) -> Links {
        let per_text: Vec<Vec<(u32, Fields)>> = (0..searcher.texts.len())
            .into_par_iter()
            .map(|t| text_links(searcher, t))
            .collect();
        let fields = per_text.iter().flatten().map(|&(_, f)| f).collect();
        let articles = Rows::new(per_text.iter().map(|row| row.iter().map(|&(a, _)| a)));
        let texts = transpose(&articles, searcher.articles());
        Links {
            articles,
            fields,
            texts,
        }
    }

    /// The texts article `a` has, through any field.
    pub fn texts_of(&self, a: usize) -> &[u32] {
        self.texts.get(a)
    }

    /// The articles that have text `t`, and the fields each has it as.
    pub fn get(&self, t: usize) -> (&[u32], &[Fields]) {
        let range = self.articles.range(t);
        (&self.articles.items()[range.clone()], &self.fields[range])
    }

    /// Approximate heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.articles.heap_bytes() + self.fields.capacity() * 2 + self.texts.heap_bytes()
    }
}

/// Rows of articles per text turned into rows of texts per article (each row
/// ascending, as the texts are visited in order).
fn transpose(per_text: &Rows, articles: usize) -> Rows {
    let mut counts = vec![0u32; articles];
    for &a in per_text.items() {
        counts[a as usize] += 1;
    }
    Rows::from_counts(&counts, |fill| {
        for t in 0..per_text.len() {
            for &a in per_text.get(t) {
                fill(a as usize, t as u32);
            }
        }
    })
}

/// The (article, fields) pairs of one text, by article, one pair per article.
fn text_links(searcher: &Searcher, t: usize) -> Vec<(u32, Fields)> {
    let mut pairs: Vec<(u32, Fields)> = Vec::new();
    for owner in searcher.owners(t) {
        match owner {
            Owner::Title(a) => pairs.push((a as u32, Fields::TITLE)),
            Owner::Source(a) => pairs.push((a as u32, Fields::SOURCE)),
            Owner::Entry(e) => {
                let kind = Fields::kind(searcher.entry_kind[e]);
                pairs.extend(searcher.entry_articles.get(e).iter().map(|&a| (a, kind)));
            }
        }
    }
    pairs.sort_unstable_by_key(|&(a, _)| a);
    let mut merged: Vec<(u32, Fields)> = Vec::with_capacity(pairs.len());
    for (a, f) in pairs {
        match merged.last_mut() {
            Some(last) if last.0 == a => last.1 = last.1.or(f),
            _ => merged.push((a, f)),
        }
    }
    merged
}
