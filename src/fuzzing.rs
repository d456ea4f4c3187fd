//! Entry points for the fuzz targets (`fuzz/`) and for their bounded pass in
//! `cargo test`: each takes arbitrary bytes, runs one stage of the pipeline on
//! them and checks what must hold whatever the input. A broken promise
//! panics, which the fuzzer reports as a crash. Not part of the API.

use crate::corpus::{self, Corpus};
use crate::extract::{self, Entity};
use crate::index::Index;
use crate::query::{Options, Query, Searcher};
use std::sync::OnceLock;

/// The HTML reader, then the cleaner.
pub fn html(data: &[u8]) {
    reader("page.html", data);
}

/// The Markdown reader, then the cleaner.
pub fn markdown(data: &[u8]) {
    reader("story.md", data);
}

/// The JSON Lines reader (one record per line, or a JSON array), each record's
/// body read as what it is, then the cleaner.
pub fn json_lines(data: &[u8]) {
    reader("feed.jsonl", data);
}

/// The cleaner on plain text: boilerplate lines, bylines, datelines, titles.
pub fn cleaner(data: &[u8]) {
    reader("story.txt", data);
}

/// The extractor on a body: every mention on character boundaries inside it,
/// in order, counted.
pub fn extractor(data: &[u8]) {
    let body = String::from_utf8_lossy(data);
    check_entities(&body, &extract::entities(&body));
}

/// The query parser, then a search and its explanations over a small
/// generated corpus: an error's span lies on character boundaries inside the
/// query (messages slice the query there).
pub fn query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match Query::parse(&text) {
        Err(e) => {
            assert!(
                e.span.start <= e.span.end
                    && e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end),
                "span {:?} in {text:?}",
                e.span
            );
            assert!(!e.message.is_empty());
        }
        Ok(query) => {
            let (index, searcher) = small_index();
            let options = Options::default();
            let hits = searcher.search(&query, &options);
            for hit in hits.iter().take(5) {
                assert!(hit.article < index.articles.len());
                std::hint::black_box(searcher.explain(&query, &options, hit.article));
            }
        }
    }
}

/// A small generated corpus and its searcher, made once.
fn small_index() -> (&'static Index, &'static Searcher) {
    static INDEX: OnceLock<(Index, Searcher)> = OnceLock::new();
    let (index, searcher) = INDEX.get_or_init(|| {
        let index = crate::generate::index(40, 7);
        let searcher = Searcher::new(&index);
        (index, searcher)
    });
    (index, searcher)
}

/// Loads `data` as the file `path` would be, and checks the corpus.
fn reader(path: &str, data: &[u8]) {
    check_corpus(&corpus::load_bytes_as(path, data));
}

fn check_corpus(corpus: &Corpus) {
    for (i, article) in corpus.articles.iter().enumerate() {
        assert_eq!(article.id, i + 1);
        let body = &article.body;
        assert!(!body.trim().is_empty(), "an article with no text");
        assert_eq!(body.trim(), body, "the body is trimmed");
        assert!(!body.contains("\n\n\n"), "paragraphs one blank line apart");
        assert!(!article.title.is_empty(), "every article has a title");
        if let Some(date) = &article.date {
            let shape = date.len() == 4 || date.len() == 7 || date.len() == 10;
            assert!(
                shape && date.bytes().all(|b| b.is_ascii_digit() || b == b'-'),
                "date {date:?} is an ISO 8601 prefix"
            );
        }
    }
    for problem in &corpus.problems {
        assert!(!problem.reason.is_empty() && !problem.path.is_empty());
    }
}

fn check_entities(body: &str, found: &[Entity]) {
    for e in found {
        assert!(!e.name.is_empty());
        assert_eq!(e.count, e.mentions.len(), "{e:?}");
        assert!(e.mentions.windows(2).all(|w| w[0] <= w[1]), "{e:?}");
        for m in &e.mentions {
            assert!(m.start < m.end && m.end <= body.len(), "{m:?}");
            assert!(
                body.is_char_boundary(m.start) && body.is_char_boundary(m.end),
                "{m:?}"
            );
        }
    }
}
