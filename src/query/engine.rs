//! Running a query: score the distinct texts each term can see (in chunks, in
//! parallel for big tables, stopping when cancelled), project the scores onto
//! articles or entries, combine the groups (AND of ORs) and sort. A [`Session`]
//! remembers recent terms (their text hits and projections), so a keystroke
//! that only grows the last term rescans just that term's previous hits.

use super::fields::{Fields, Options};
use super::hits::{Candidates, TextHits, score_texts};
use super::parse::{Query, Term};
use super::pattern::Needle;
use super::project::{merge, project_articles, project_entries, ranked};
use super::searcher::{Hits, Searcher};
use super::single::ids_of;
use std::sync::Arc;

/// Terms remembered for reuse and narrowing.
const REMEMBERED: usize = 16;
/// No match (every real score is above it).
pub(super) const NONE: i32 = i32::MIN;

/// A check, made between chunks of work, that says "stop: a newer query arrived".
pub type Cancel<'a> = &'a (dyn Fn() -> bool + Sync);

/// The run was cancelled because a newer query arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled by a newer query")]
pub struct Cancelled;

/// A term seen recently: its hits, and their projection onto articles and entries.
#[derive(Clone)]
struct Remembered {
    needle: Needle,
    fields: Fields,
    /// False when only membership was computed (for a negated term): scores are 0.
    ranked: bool,
    /// The texts it matched; `None` until needed (a one-char term over all
    /// fields has its articles from the load-time table, with no scan).
    hits: Option<Arc<TextHits>>,
    articles: Option<Arc<Vec<i32>>>,
    entries: Option<Arc<Vec<i32>>>,
    used: u64,
}

/// Query state kept between keystrokes. Results never depend on it: reuse only
/// skips work whose outcome is known (the same term, or candidates that are a
/// superset of the true matches, scored by the same function). Cloning is cheap
/// (remembered results are shared).
#[derive(Clone)]
pub struct Session {
    remembered: Vec<Remembered>,
    clock: u64,
    /// `Some(false)` forces one thread, `Some(true)` parallel chunks always; `None` decides by size.
    pub parallel: Option<bool>,
    /// Reuse remembered terms and the load-time single-char table (on by default;
    /// off to compare with plain full scans).
    pub reuse: bool,
}

impl Default for Session {
    fn default() -> Self {
        Session::new()
    }
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Session({} remembered terms)", self.remembered.len())
    }
}

/// What a term looks at after the caller's restriction.
pub(super) fn term_fields(term: &Term, options: &Options) -> Fields {
    Fields::of(term.scope).and(options.within)
}

/// Where a projection goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Target {
    Articles,
    Entries,
}

impl Session {
    /// A fresh session: reuse on, parallelism by size.
    pub fn new() -> Session {
        Session {
            remembered: Vec::new(),
            clock: 0,
            parallel: None,
            reuse: true,
        }
    }

    /// The smallest remembered hits that contain every match of `needle` in `fields`,
    /// with the needle they are the hits of.
    fn narrowest(
        &self,
        needle: &Needle,
        fields: Fields,
    ) -> Option<(Fields, Arc<TextHits>, Needle)> {
        self.remembered
            .iter()
            .filter(|r| r.fields.covers(fields) && needle.narrows(&r.needle))
            .filter_map(|r| Some((r.fields, Arc::clone(r.hits.as_ref()?), r.needle.clone())))
            .min_by_key(|(_, hits, _)| hits.ids.len())
    }

    /// Computes a term's hits from the best starting point available.
    fn compute(
        &self,
        searcher: &Searcher,
        needle: &Needle,
        fields: Fields,
        rank: bool,
        cancel: Cancel<'_>,
    ) -> Result<Arc<TextHits>, Cancelled> {
        let candidates = self.candidates(searcher, needle, fields);
        score_texts(searcher, needle, rank, &candidates, self.parallel, cancel).map(Arc::new)
    }

    /// The texts worth scoring for a needle: the hits of a remembered term it
    /// narrows, or the texts that have every letter and digit it has (from the
    /// load-time [`super::single::Presence`]: a text without one cannot match),
    /// whichever are fewer; all texts without reuse. When the needle extends
    /// the one those hits belong to, their match state comes along.
    fn candidates(&self, searcher: &Searcher, needle: &Needle, fields: Fields) -> Candidates {
        let meets = |t: u32| searcher.text_fields[t as usize].meets(fields);
        let mut out = Candidates {
            whole: None,
            picked: None,
            extends: false,
            done: 0,
        };
        let wider = self.narrowest(needle, fields).filter(|_| self.reuse);
        let present = searcher
            .presence
            .all_of(needle.mask())
            .filter(|_| self.reuse)
            .filter(|(_, count)| wider.as_ref().is_none_or(|w| *count < w.1.ids.len()));
        if let Some((bits, _)) = present {
            let ids = match fields == Fields::ALL {
                true => ids_of(&bits, |_| true),
                false => ids_of(&bits, meets),
            };
            out.picked = Some(TextHits {
                ids,
                ..TextHits::default()
            });
            return out;
        }
        let Some((wider_fields, hits, wider)) = wider else {
            let ids: Vec<u32> = (0..searcher.texts.len() as u32)
                .filter(|&t| meets(t))
                .collect();
            out.picked = Some(TextHits {
                scores: Vec::new(),
                ends: Vec::new(),
                ids,
            });
            return out;
        };
        // The same needle over other fields is no extension: its hits are
        // scored afresh (continuing each scan from its end would find nothing).
        let extends = needle
            .extends(&wider)
            .filter(|_| hits.ends.len() == hits.ids.len() && *needle != wider);
        out.extends = extends.is_some();
        out.done = extends.unwrap_or(0);
        // Hits of a term over the same fields (or all fields) are all candidates.
        if fields.covers(wider_fields) {
            out.whole = Some(hits);
            return out;
        }
        let mut picked = TextHits::default();
        for (i, &t) in hits.ids.iter().enumerate() {
            if meets(t) {
                picked.ids.push(t);
                if out.extends {
                    picked.ends.push(hits.ends[i]);
                }
            }
        }
        out.picked = Some(picked);
        out
    }

    /// The slot of a term (remembered now if it was not, without its hits).
    fn remember(&mut self, needle: Needle, rank: bool, fields: Fields) -> usize {
        self.clock += 1;
        let same = |r: &Remembered| r.fields == fields && r.needle == needle && (r.ranked || !rank);
        if self.reuse
            && let Some(slot) = self.remembered.iter().position(same)
        {
            self.remembered[slot].used = self.clock;
            return slot;
        }
        if self.remembered.len() >= REMEMBERED
            && let Some(oldest) =
                (0..self.remembered.len()).min_by_key(|&i| self.remembered[i].used)
        {
            self.remembered.swap_remove(oldest);
        }
        let used = self.clock;
        let entry = Remembered {
            needle,
            fields,
            ranked: rank,
            hits: None,
            articles: None,
            entries: None,
            used,
        };
        self.remembered.push(entry);
        self.remembered.len() - 1
    }

    /// The hits of the term in `slot`, computed now if they were not.
    fn hits(
        &mut self,
        searcher: &Searcher,
        slot: usize,
        cancel: Cancel<'_>,
    ) -> Result<Arc<TextHits>, Cancelled> {
        let r = &self.remembered[slot];
        if let Some(hits) = &r.hits {
            return Ok(Arc::clone(hits));
        }
        let hits = self.compute(searcher, &r.needle, r.fields, r.ranked, cancel)?;
        self.remembered[slot].hits = Some(Arc::clone(&hits));
        Ok(hits)
    }

    /// A term's best score per article (or per entry), [`NONE`] where it matches nothing.
    pub(super) fn projected(
        &mut self,
        searcher: &Searcher,
        term: &Term,
        fields: Fields,
        target: Target,
        cancel: Cancel<'_>,
    ) -> Result<Arc<Vec<i32>>, Cancelled> {
        let needle = Needle::new(term);
        // Only whether a negated term matches counts: the table's scores do too.
        let table = self.reuse && fields == Fields::ALL && target == Target::Articles;
        let slot = self.remember(needle, !term.negated, fields);
        let r = &self.remembered[slot];
        let cached = match target {
            Target::Articles => &r.articles,
            Target::Entries => &r.entries,
        };
        if let Some(done) = cached {
            return Ok(Arc::clone(done));
        }
        let from_table = table.then(|| searcher.chars.scores(&r.needle)).flatten();
        let projection = Arc::new(match from_table {
            Some(scores) => scores,
            None => {
                let hits = self.hits(searcher, slot, cancel)?;
                match target {
                    Target::Articles => project_articles(searcher, &hits, fields),
                    Target::Entries => project_entries(searcher, &hits, fields),
                }
            }
        });
        let r = &mut self.remembered[slot];
        let cached = match target {
            Target::Articles => &mut r.articles,
            Target::Entries => &mut r.entries,
        };
        *cached = Some(Arc::clone(&projection));
        Ok(projection)
    }

    /// The articles matching a query, best first, ties as fzf's
    /// `--tiebreak=length,index` (see [`Session::break_ties`]). An empty query
    /// matches every article (score 0).
    pub fn search(
        &mut self,
        searcher: &Searcher,
        query: &Query,
        options: &Options,
        cancel: Cancel<'_>,
    ) -> Result<Hits, Cancelled> {
        in_pool(|| {
            let total = evaluate(query, searcher.articles(), cancel, |term, scores| {
                let fields = term_fields(term, options);
                if term.is_presence() {
                    for (a, f) in searcher.article_fields.iter().enumerate() {
                        if f.meets(fields) {
                            scores[a] = scores[a].max(0);
                        }
                    }
                } else if !fields.is_empty() {
                    let projected =
                        self.projected(searcher, term, fields, Target::Articles, cancel)?;
                    merge(scores, &projected);
                }
                Ok(())
            })?;
            let mut hits = ranked(&total);
            self.break_ties(searcher, query, options, &mut hits, cancel)?;
            Ok(hits)
        })
    }
}

/// The threads that a query's parallel parts (scoring chunks, projection halves)
/// run on: one more than the cores. With exactly one per core, both threads woken
/// for a keystroke were often stacked on one core by the scheduler for the whole
/// keystroke: replaying `re` at 100,000 articles, 2 of 6 ran with wall time equal to
/// CPU time (15-18 ms instead of 9-10); with a third thread, none of 6 did.
pub(super) fn in_pool<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    let pool = POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores + 1)
            .thread_name(|i| format!("dossier-query-{i}"))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(work),
        // No thread could be started: the global pool does the work.
        None => work(),
    }
}

/// Combines a query's terms over `n` items: `term_scores` max-merges one term's
/// scores into a slice (leaving [`NONE`] where it does not match). A group takes
/// its best positive term; a negated term satisfies it with 0 where it matches
/// nothing; groups add up, and one unsatisfied group rules the item out.
pub(super) fn evaluate(
    query: &Query,
    n: usize,
    cancel: Cancel<'_>,
    mut term_scores: impl FnMut(&Term, &mut [i32]) -> Result<(), Cancelled>,
) -> Result<Vec<i32>, Cancelled> {
    let mut total = vec![0i32; n];
    for group in &query.groups {
        let mut best = vec![NONE; n];
        let mut absent: Vec<Vec<bool>> = Vec::new();
        for term in group {
            if term.negated {
                let mut scores = vec![NONE; n];
                term_scores(term, &mut scores)?;
                absent.push(scores.iter().map(|&s| s == NONE).collect());
            } else {
                term_scores(term, &mut best)?;
            }
        }
        for list in &absent {
            for (b, &free) in best.iter_mut().zip(list) {
                if free && *b == NONE {
                    *b = 0;
                }
            }
        }
        for (t, &b) in total.iter_mut().zip(&best) {
            // Computed either way and then picked, so there is no branch per item.
            let sum = t.saturating_add(b).max(NONE + 1);
            *t = if (b == NONE) | (*t == NONE) {
                NONE
            } else {
                sum
            };
        }
        if cancel() {
            return Err(Cancelled);
        }
    }
    Ok(total)
}

impl Searcher {
    /// The articles matching a query, best first, computed from scratch.
    pub fn search(&self, query: &Query, options: &Options) -> Hits {
        Session::new()
            .search(self, query, options, &|| false)
            .unwrap_or_default()
    }
}
