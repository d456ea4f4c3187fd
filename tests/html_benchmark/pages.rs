//! The benchmark's pages (a checkout named by `AEB_DIR`), split into a dev half and a
//! held-out half, each run through dossier's loader exactly as `dossier export`
//! reads a `.html` file.

use super::metric::{PageScore, score_page};
use dossier::corpus::load_text;
use flate2::read::GzDecoder;
use rayon::prelude::*;
use serde_json::Value;
use std::io::Read;
use std::path::PathBuf;

/// The two halves of the benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Pages at even positions of the sorted ids: looked at when fixing extraction.
    Dev,
    /// Pages at odd positions: scored, never read.
    HeldOut,
}

/// One page: its id, url, dossier's body and its score.
#[derive(Debug, Clone)]
pub struct Scored {
    pub id: String,
    pub url: String,
    pub body: String,
    pub score: PageScore,
}

/// The benchmark's checkout (`AEB_DIR`): its pages are publishers' text, so they are
/// not in this repository. `None` (with a notice) when it is not there.
pub fn root() -> Option<PathBuf> {
    let dir = std::env::var_os("AEB_DIR").map(PathBuf::from)?;
    dir.join("ground-truth.json").is_file().then_some(dir)
}

/// True when the benchmark is here; otherwise says why the test is skipped.
pub fn present() -> bool {
    let here = root().is_some();
    if !here {
        eprintln!("{ABSENT}");
    }
    here
}

/// The notice printed when the benchmark is absent.
const ABSENT: &str = "html_benchmark: SKIPPED, the benchmark is not here. Set AEB_DIR to a \
    checkout of https://github.com/scrapinghub/article-extraction-benchmark (see README, \
    \"Evaluation: real web pages\").";

fn dir() -> PathBuf {
    root().expect("AEB_DIR checked by the caller")
}

/// Ids (sorted), urls and article bodies of the ground truth.
fn ground_truth() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string(dir().join("ground-truth.json")).expect("ground truth");
    let value: Value = serde_json::from_str(&text).expect("ground truth JSON");
    let map = value.as_object().expect("ground truth object");
    let mut rows: Vec<(String, String, String)> = map
        .iter()
        .map(|(id, page)| {
            let field = |k: &str| {
                page.get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            (id.clone(), field("url"), field("articleBody"))
        })
        .collect();
    rows.sort();
    rows
}

/// The page's text, decompressed (every page of the benchmark is UTF-8).
fn page_text(id: &str) -> String {
    let path = dir().join("html").join(format!("{id}.html.gz"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut text = String::new();
    GzDecoder::new(bytes.as_slice())
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text
}

/// dossier's body for a page: the one article a `.html` file gives, or nothing.
pub fn extract(id: &str) -> String {
    let corpus = load_text(&format!("{id}.html"), &page_text(id));
    corpus
        .articles
        .into_iter()
        .next()
        .map(|a| a.body)
        .unwrap_or_default()
}

/// The ids of one half (or all pages) with their urls and truths.
pub fn half(which: Option<Half>) -> Vec<(String, String, String)> {
    ground_truth()
        .into_iter()
        .enumerate()
        .filter(|(i, _)| match which {
            Some(Half::Dev) => i % 2 == 0,
            Some(Half::HeldOut) => i % 2 == 1,
            None => true,
        })
        .map(|(_, row)| row)
        .collect()
}

/// Runs dossier on every page of a half (in parallel) and scores each.
pub fn score(which: Option<Half>) -> Vec<Scored> {
    half(which)
        .into_par_iter()
        .map(|(id, url, truth)| {
            let body = extract(&id);
            let score = score_page(&truth, &body);
            Scored {
                id,
                url,
                body,
                score,
            }
        })
        .collect()
}
