//! Synthetic corpora for benchmarks and property tests: N articles with realistic
//! entity density (about thirty mentions each), deterministic by seed, built from
//! syllable tables rather than lists of real entities. [`index`] gives the
//! [`Index`] directly (entities known by construction, no extractor involved);
//! [`write_jsonl`] and [`write_folder`] give inputs for the real loader.

mod article;
mod random;
mod vocab;

pub use random::Random;

use crate::corpus::{Article, Corpus};
use crate::extract::Entity;
use crate::index::Index;
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::Path;

/// Mixes the corpus seed with an article number, so each article has its own
/// stream and generation can run in parallel yet stay deterministic.
fn article_seed(seed: u64, id: usize) -> u64 {
    Random::new(seed ^ (id as u64).wrapping_mul(0xA24B_AED4_963E_E407)).next_u64()
}

/// Generates `articles` articles and their entities (ids 1..=articles).
pub fn corpus(articles: usize, seed: u64) -> (Corpus, Vec<Vec<Entity>>) {
    let vocab = vocab::Vocabulary::new(&mut Random::new(seed), articles);
    let (list, entities): (Vec<Article>, Vec<Vec<Entity>>) = (1..=articles)
        .into_par_iter()
        .map(|id| article::article(&mut Random::new(article_seed(seed, id)), &vocab, id))
        .unzip();
    let corpus = Corpus {
        name: format!("generated ({articles} articles, seed {seed})"),
        articles: list,
        problems: Vec::new(),
    };
    (corpus, entities)
}

/// Generates a corpus and builds its index from the known entities.
pub fn index(articles: usize, seed: u64) -> Index {
    let (corpus, entities) = corpus(articles, seed);
    Index::build(corpus, entities)
}

/// One JSON Lines record: the metadata fields and the body.
#[derive(serde::Serialize)]
struct Record<'a> {
    title: &'a str,
    source: Option<&'a str>,
    date: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    body: &'a str,
}

impl<'a> From<&'a Article> for Record<'a> {
    fn from(a: &'a Article) -> Self {
        Record {
            title: &a.title,
            source: a.source.as_deref(),
            date: a.date.as_deref(),
            author: a.author.as_deref(),
            url: a.url.as_deref(),
            body: &a.body,
        }
    }
}

/// Writes the corpus as JSON Lines, one article per line.
pub fn write_jsonl(articles: usize, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let (corpus, _) = corpus(articles, seed);
    for article in &corpus.articles {
        serde_json::to_writer(&mut *out, &Record::from(article))?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Writes one plain-text file per article into `dir` (created if missing): the
/// headline, a line with outlet and date, a blank line, the body.
pub fn write_folder(articles: usize, seed: u64, dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let (corpus, _) = corpus(articles, seed);
    for a in &corpus.articles {
        let meta = [a.source.as_deref(), a.date.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let text = format!("{}\n{}\n\n{}\n", a.title, meta, a.body);
        std::fs::write(dir.join(&a.file), text)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_by_seed() {
        let (a, ea) = corpus(30, 11);
        let (b, eb) = corpus(30, 11);
        assert_eq!(a.articles, b.articles);
        assert_eq!(ea, eb);
        let (c, _) = corpus(30, 12);
        assert_ne!(a.articles, c.articles);
    }

    #[test]
    fn density_is_about_thirty_mentions_per_article() {
        let (_, entities) = corpus(500, 1);
        let mentions: usize = entities.iter().flatten().map(|e| e.count).sum();
        let per = mentions as f64 / 500.0;
        assert!((24.0..36.0).contains(&per), "{per} mentions per article");
    }

    #[test]
    fn index_merges_popular_names_across_articles() {
        let idx = index(300, 2);
        assert_eq!(idx.articles.len(), 300);
        let widest = idx.table.iter().map(|e| e.article_count).max().unwrap_or(0);
        assert!(
            widest > 20,
            "the most common entity is in {widest} articles"
        );
        assert!(idx.table.len() > 1000);
    }

    #[test]
    fn jsonl_has_one_record_per_line() {
        let mut out = Vec::new();
        write_jsonl(5, 3, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 5);
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()));
        }
    }
}
