//! The texts one needle matched, with their scores and, for the ASCII greedy
//! scorer, where each match's forward scan ended: the state from which the same
//! term grown by a letter continues rather than rescans. Scoring candidates in
//! chunks, on one thread or two, stopping when cancelled.

use super::engine::{Cancel, Cancelled};
use super::fold::Form;
use super::greedy;
use super::pattern::{Needle, accepts};
use super::searcher::Searcher;
use rayon::prelude::*;
use std::sync::Arc;

/// How many candidates ahead of the one being scored the next text is fetched.
const PREFETCH: usize = 8;

/// Texts scored per step; cancellation is checked between steps.
const CHUNK: usize = 4096;
/// Below this many candidates a term is scored on the calling thread alone.
pub(super) const PARALLEL_FROM: usize = 8 * 1024;
/// The end of a match that was not tracked (another scorer, or a very long text).
pub(super) const NO_END: u16 = u16::MAX;

/// The texts one needle matched, by ascending text id, with their scores and
/// (when `ends` is not empty) the end of each match's forward scan.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct TextHits {
    pub ids: Vec<u32>,
    pub scores: Vec<i32>,
    /// Empty, or one per hit ([`NO_END`] where unknown).
    pub ends: Vec<u16>,
}

impl TextHits {
    /// Empty, with room for `n` hits.
    pub fn with_capacity(n: usize) -> TextHits {
        TextHits {
            ids: Vec::with_capacity(n),
            scores: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
        }
    }

    /// Adds a hit (after every hit with a smaller id).
    pub fn push(&mut self, id: u32, score: i32, end: u16) {
        self.ids.push(id);
        self.scores.push(score);
        self.ends.push(end);
    }

    fn append(&mut self, other: TextHits) {
        self.ids.extend(other.ids);
        self.scores.extend(other.scores);
        self.ends.extend(other.ends);
    }
}

/// The texts to score for a needle: a superset of its matches, ascending; either
/// a remembered term's hits as they are, or a selection of them.
pub(super) struct Candidates {
    /// Hits taken whole (every one a candidate), when `picked` is `None`.
    pub whole: Option<Arc<TextHits>>,
    /// The candidates, when not `whole`.
    pub picked: Option<TextHits>,
    /// When the needle only grew from a fuzzy one whose first `done` bytes it
    /// shares: that needle's forward end for each candidate (else no ends).
    pub extends: bool,
    pub done: usize,
}

impl Candidates {
    /// The candidate ids.
    pub fn ids(&self) -> &[u32] {
        self.hits().map_or(&[], |h| &h.ids)
    }

    /// The forward ends (one per candidate), or empty.
    pub fn ends(&self) -> &[u16] {
        match self.hits() {
            Some(h) if self.extends => &h.ends,
            _ => &[],
        }
    }

    fn hits(&self) -> Option<&TextHits> {
        self.picked.as_ref().or(self.whole.as_deref())
    }
}

/// Scores candidate texts in chunks, on one thread or several; same result either way.
/// Without `rank`, only membership is computed (scores 0).
pub(super) fn score_texts(
    searcher: &Searcher,
    needle: &Needle,
    rank: bool,
    candidates: &Candidates,
    parallel: Option<bool>,
    cancel: Cancel<'_>,
) -> Result<TextHits, Cancelled> {
    let chunk = |from: usize| -> Option<TextHits> {
        if cancel() {
            return None;
        }
        let to = (from + CHUNK).min(candidates.ids().len());
        Some(score_chunk(searcher, needle, rank, candidates, from..to))
    };
    let starts = (0..candidates.ids().len()).step_by(CHUNK);
    let parallel = parallel.unwrap_or(candidates.ids().len() >= PARALLEL_FROM);
    let parts: Option<Vec<TextHits>> = if parallel {
        starts
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(chunk)
            .collect()
    } else {
        starts.map(chunk).collect()
    };
    let parts = parts.ok_or(Cancelled)?;
    let mut hits = TextHits::with_capacity(parts.iter().map(|p| p.ids.len()).sum());
    for part in parts {
        hits.append(part);
    }
    Ok(hits)
}

fn score_chunk(
    searcher: &Searcher,
    needle: &Needle,
    rank: bool,
    candidates: &Candidates,
    range: std::ops::Range<usize>,
) -> TextHits {
    let texts = &searcher.texts;
    let mut hits = TextHits::with_capacity(range.len());
    let ids = candidates.ids();
    let form = texts.ascii_form(needle.case_sensitive);
    let ahead = |i: usize| fetch_ahead(form, ids, i, range.end);
    if !rank {
        for i in range.clone() {
            ahead(i);
            let t = ids[i];
            if accepts(needle, texts, t as usize) {
                hits.push(t, 0, NO_END);
            }
        }
        return hits;
    }
    if searcher.matcher.greedy_ascii(needle) {
        score_greedy(searcher, needle, candidates, range, &mut hits);
        return hits;
    }
    searcher.matcher.with_scorer(|scorer| {
        for i in range.clone() {
            ahead(i);
            let t = ids[i];
            let from = candidates.ends().get(i).map(|&end| (candidates.done, end));
            if let Some((score, end)) = scorer.score_from(needle, texts, t as usize, from) {
                hits.push(t, clamped(score), end);
            }
        }
    });
    hits
}

/// Starts loading the text of the candidate [`PREFETCH`] places after `i` (when it
/// is before `end`).
#[inline]
fn fetch_ahead(form: Form<'_>, ids: &[u32], i: usize, end: usize) {
    if let Some(&t) = ids.get(i + PREFETCH).filter(|_| i + PREFETCH < end) {
        form.prefetch(t as usize);
    }
}

/// A scorer's score as a hit's.
pub(super) fn clamped(score: i64) -> i32 {
    score.clamp(-(1 << 30), 1 << 30) as i32
}

/// [`score_chunk`] for a fuzzy ASCII needle under the greedy scorer: ASCII texts
/// straight through [`greedy`] (the bulk of a short keystroke), others through the scorer.
fn score_greedy(
    searcher: &Searcher,
    needle: &Needle,
    candidates: &Candidates,
    range: std::ops::Range<usize>,
    hits: &mut TextHits,
) {
    let texts = &searcher.texts;
    let form = texts.ascii_form(needle.case_sensitive);
    let (pattern, mask) = (needle.pattern.as_bytes(), needle.mask());
    let (ids, ends, done) = (candidates.ids(), candidates.ends(), candidates.done);
    searcher.matcher.with_scorer(|scorer| {
        for i in range.clone() {
            fetch_ahead(form, ids, i, range.end);
            let t = ids[i] as usize;
            if texts.mask(t) & mask != mask {
                continue;
            }
            let from = ends.get(i).copied().filter(|&end| end != NO_END);
            if !texts.is_ascii(t) {
                let from = from.map(|end| (done, end));
                if let Some((score, end)) = scorer.score_from(needle, texts, t, from) {
                    hits.push(t as u32, clamped(score), end);
                }
                continue;
            }
            let hay = form.get(t);
            let found = match from {
                Some(end) => greedy::extend(hay, pattern, done, end.into()),
                None => greedy::find(hay, pattern),
            };
            if let Some(found) = found {
                let end = u16::try_from(found.end).unwrap_or(NO_END);
                hits.push(t as u32, i32::from(found.score), end);
            }
        }
    });
}
