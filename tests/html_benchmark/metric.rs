//! The article extraction benchmark's metric, re-implemented from its definition:
//! tokens are runs of word characters (Python's `\w`: letters, numbers, `_`);
//! shingles are the token 4-grams (a text of 1-3 tokens is one shingle of all of
//! them); per page, true positives, false positives and false negatives over the
//! shingle multisets, normalised to sum to 1; precision and recall averaged over
//! the pages where they are defined, F1 from the two means; accuracy is the share
//! of pages whose token sequence equals the truth's.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Shingle length of the benchmark.
const NGRAM: usize = 4;

/// Python's `\w` on `str`: `isalnum()` (letter categories, numeric types) or `_`.
/// Marks (Mn, Mc) and connector punctuation other than `_` are not word characters
/// there, unlike in Rust's `\w`.
static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").expect("token pattern"));

/// One page's normalised counts, and whether its tokens match exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
    pub exact: bool,
}

/// Scores over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub accuracy: f64,
}

pub fn tokenize(text: &str) -> Vec<&str> {
    TOKEN.find_iter(text).map(|m| m.as_str()).collect()
}

fn shingles<'a>(tokens: &[&'a str]) -> HashMap<Vec<&'a str>, usize> {
    let mut counts = HashMap::new();
    let starts = tokens.len().saturating_sub(NGRAM - 1).max(1);
    for i in 0..starts {
        let shingle: Vec<&str> = tokens.iter().skip(i).take(NGRAM).copied().collect();
        if !shingle.is_empty() {
            *counts.entry(shingle).or_insert(0) += 1;
        }
    }
    counts
}

/// Scores one page's predicted body against the truth.
pub fn score_page(truth: &str, predicted: &str) -> PageScore {
    let (true_tokens, pred_tokens) = (tokenize(truth), tokenize(predicted));
    let (expected, found) = (shingles(&true_tokens), shingles(&pred_tokens));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for key in expected
        .keys()
        .chain(found.keys().filter(|k| !expected.contains_key(*k)))
    {
        let t = expected.get(key).copied().unwrap_or(0) as f64;
        let p = found.get(key).copied().unwrap_or(0) as f64;
        tp += t.min(p);
        fp += (p - t).max(0.0);
        fn_ += (t - p).max(0.0);
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        (tp, fp, fn_) = (tp / sum, fp / sum, fn_ / sum);
    }
    PageScore {
        tp,
        fp,
        fn_,
        exact: true_tokens == pred_tokens,
    }
}

pub fn precision(s: &PageScore) -> f64 {
    match () {
        _ if s.fp == 0.0 && s.fn_ == 0.0 => 1.0,
        _ if s.tp == 0.0 && s.fp == 0.0 => 0.0,
        _ => s.tp / (s.tp + s.fp),
    }
}

pub fn recall(s: &PageScore) -> f64 {
    match () {
        _ if s.fp == 0.0 && s.fn_ == 0.0 => 1.0,
        _ if s.tp == 0.0 && s.fn_ == 0.0 => 0.0,
        _ => s.tp / (s.tp + s.fn_),
    }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { f64::NAN } else { sum / n as f64 }
}

/// Precision over pages with a prediction, recall over pages with a truth (as the
/// benchmark does: an empty prediction costs recall only).
pub fn summarise(pages: &[PageScore]) -> Summary {
    let precision = mean(pages.iter().filter(|s| s.tp + s.fp > 0.0).map(precision));
    let recall = mean(pages.iter().filter(|s| s.tp + s.fn_ > 0.0).map(recall));
    let accuracy = mean(pages.iter().map(|s| if s.exact { 1.0 } else { 0.0 }));
    Summary {
        precision,
        recall,
        f1: 2.0 * precision * recall / (precision + recall),
        accuracy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_python_word_runs() {
        assert_eq!(
            tokenize("Don't stop_me: 3.5% «Москва» 東京"),
            ["Don", "t", "stop_me", "3", "5", "Москва", "東京"]
        );
        // A combining mark is not a word character in Python: it splits the word.
        assert_eq!(tokenize("cafe\u{301} x"), ["cafe", "x"]);
        assert_eq!(tokenize("½ and ²"), ["½", "and", "²"]);
    }

    #[test]
    fn identical_texts_score_one() {
        let s = score_page("one two three four five", "one  two three,four five");
        assert_eq!((s.tp, s.fp, s.fn_, s.exact), (1.0, 0.0, 0.0, true));
    }

    #[test]
    fn extra_and_missing_shingles_are_normalised_per_page() {
        // truth: a b c d e -> [abcd, bcde]; prediction: a b c d -> [abcd]
        let s = score_page("a b c d e", "a b c d");
        assert_eq!((s.tp, s.fp, s.fn_), (0.5, 0.0, 0.5));
        assert_eq!((precision(&s), recall(&s)), (1.0, 0.5));
        assert!(!s.exact);
    }

    #[test]
    fn short_texts_are_one_shingle_and_repeats_count() {
        let s = score_page("a b", "a b a b c");
        // truth [ab]; prediction [abab, babc]: nothing shared
        assert_eq!((s.tp, s.fp, s.fn_), (0.0, 2.0 / 3.0, 1.0 / 3.0));
        let r = score_page("x y z w x y z w", "x y z w");
        // truth: xyzw twice, yzwx, zwxy, wxyz; prediction xyzw once
        assert_eq!((r.tp, r.fp, r.fn_), (0.2, 0.0, 0.8));
    }

    #[test]
    fn empty_prediction_costs_recall_only() {
        let pages = [score_page("a b c d", "a b c d"), score_page("a b c d", "")];
        let s = summarise(&pages);
        assert_eq!((s.precision, s.recall, s.accuracy), (1.0, 0.5, 0.5));
        assert!((s.f1 - 2.0 / 3.0).abs() < 1e-12);
    }
}
