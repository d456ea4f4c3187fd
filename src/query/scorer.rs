//! Ranking matches: the fuzzy score of a text that a needle accepts, from
//! `nucleo-matcher` (greedy or optimal alignment) or fuzzy-matcher's
//! `SkimMatcherV2`, and the matched char positions for highlighting.

use super::bytes::Hay;
use super::fold::Texts;
use super::greedy;
use super::hits::NO_END;
use super::parse::Mode;
use super::pattern::{Needle, accepts, is_subsequence, locate};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::Utf32Str;
use std::cell::RefCell;

/// Which fuzzy scorer ranks matches (acceptance never depends on it: it is fzf's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Backend {
    /// `nucleo-matcher`'s greedy alignment (fzf's `--algo=v1`): the default, the
    /// only one fast enough at 100,000 articles (see README, "Benchmarks: filtering").
    #[default]
    NucleoGreedy,
    /// `nucleo-matcher`'s optimal alignment (fzf's default `v2` scoring).
    Nucleo,
    /// The design card's `fuzzy-matcher` (`SkimMatcherV2`), kept for comparison.
    Skim,
}

/// A nucleo matcher and scratch buffers; one per thread (it needs `&mut`).
struct Nucleo {
    matcher: nucleo_matcher::Matcher,
    hay: Vec<char>,
}

thread_local! {
    static NUCLEO: RefCell<Nucleo> = RefCell::new({
        let mut config = nucleo_matcher::Config::DEFAULT;
        // Texts come pre-folded as the term asks, so compare chars exactly.
        config.ignore_case = false;
        config.normalize = false;
        Nucleo { matcher: nucleo_matcher::Matcher::new(config), hay: Vec::new() }
    });
}

/// Scores and locates needles in texts. Built once; shared by every thread.
pub struct Matcher {
    backend: Backend,
    skim: SkimMatcherV2,
    /// Score ASCII texts with [`greedy`] rather than nucleo itself (same scores).
    pub(super) fast: bool,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher::new(Backend::default())
    }
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Matcher({:?})", self.backend)
    }
}

/// A [`Matcher`] with this thread's nucleo state borrowed, for scoring many texts.
pub struct Scorer<'a> {
    matcher: &'a Matcher,
    nucleo: &'a mut Nucleo,
}

impl Matcher {
    /// A matcher ranking with `backend`.
    pub fn new(backend: Backend) -> Matcher {
        // Texts come pre-folded, so skim too must compare chars exactly.
        Matcher {
            backend,
            skim: SkimMatcherV2::default().respect_case(),
            fast: true,
        }
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Runs `f` with a scorer (do not nest: the thread's nucleo state is borrowed).
    pub fn with_scorer<R>(&self, f: impl FnOnce(&mut Scorer<'_>) -> R) -> R {
        NUCLEO.with(|cell| {
            let mut nucleo = cell.borrow_mut();
            f(&mut Scorer {
                matcher: self,
                nucleo: &mut nucleo,
            })
        })
    }

    /// True when a fuzzy ASCII needle is scored by [`greedy`] on every ASCII text
    /// (the keystroke path's tight loop; other texts go through [`Scorer::score_from`]).
    pub fn greedy_ascii(&self, needle: &Needle) -> bool {
        let greedy = self.backend == Backend::NucleoGreedy;
        greedy && self.fast && needle.ascii && needle.mode == Mode::Fuzzy
    }

    /// Like [`Scorer::score`], with the matched char positions (sorted).
    pub fn indices(&self, needle: &Needle, texts: &Texts, i: usize) -> Option<(i64, Vec<usize>)> {
        self.with_scorer(|s| s.indices(needle, texts, i))
    }
}

impl Scorer<'_> {
    /// nucleo's fuzzy score (and positions when asked) of a pre-folded text.
    fn nucleo(
        &mut self,
        hay: &str,
        ascii: bool,
        needle: &Needle,
        positions: Option<&mut Vec<u32>>,
    ) -> Option<i64> {
        let Nucleo {
            matcher,
            hay: buffer,
        } = &mut *self.nucleo;
        let h = if ascii {
            Utf32Str::Ascii(hay.as_bytes())
        } else {
            Utf32Str::new(hay, buffer)
        };
        let n = if needle.pattern.is_ascii() {
            Utf32Str::Ascii(needle.pattern.as_bytes())
        } else {
            Utf32Str::Unicode(&needle.chars)
        };
        let greedy = self.matcher.backend == Backend::NucleoGreedy;
        let score = match (positions, greedy) {
            (None, false) => matcher.fuzzy_match(h, n),
            (None, true) => matcher.fuzzy_match_greedy(h, n),
            (Some(out), false) => matcher.fuzzy_indices(h, n, out),
            (Some(out), true) => matcher.fuzzy_indices_greedy(h, n, out),
        };
        score.map(i64::from)
    }

    /// The fuzzy score of an accepted text (any substring is a subsequence, so the
    /// scorer always finds an alignment; 0 guards the impossible case).
    fn rank(&mut self, hay: &str, ascii: bool, needle: &Needle) -> i64 {
        let score = match self.matcher.backend {
            Backend::Skim => self.matcher.skim.fuzzy_match(hay, &needle.pattern),
            _ => self.nucleo(hay, ascii, needle, None),
        };
        score.unwrap_or(0)
    }

    /// True when [`greedy`] gives nucleo's score for this needle on text `i`.
    fn greedy_applies(&self, needle: &Needle, texts: &Texts, i: usize) -> bool {
        let greedy = self.matcher.backend == Backend::NucleoGreedy;
        greedy && self.matcher.fast && needle.ascii && texts.is_ascii(i)
    }

    /// [`Scorer::score`] with the match state of the ASCII greedy scorer: the end
    /// of the forward scan ([`NO_END`] when another scorer decided). `from` is the
    /// state of a fuzzy needle that this one extends (its length, its end on text `i`).
    pub fn score_from(
        &mut self,
        needle: &Needle,
        texts: &Texts,
        i: usize,
        from: Option<(usize, u16)>,
    ) -> Option<(i64, u16)> {
        if needle.mode != Mode::Fuzzy || !self.greedy_applies(needle, texts, i) {
            return self.score(needle, texts, i).map(|score| (score, NO_END));
        }
        if needle.mask() & texts.mask(i) != needle.mask() {
            return None;
        }
        let hay = texts.form_bytes(i, needle.case_sensitive, needle.normalize);
        let pattern = needle.pattern.as_bytes();
        let found = match from {
            Some((done, end)) if end != NO_END => {
                greedy::extend(Hay::new(hay), pattern, done, end.into())
            }
            _ => greedy::find(Hay::new(hay), pattern),
        }?;
        let end = u16::try_from(found.end).unwrap_or(NO_END);
        Some((i64::from(found.score), end))
    }

    /// The score of text `i` for a needle, or `None` when it does not match.
    pub fn score(&mut self, needle: &Needle, texts: &Texts, i: usize) -> Option<i64> {
        if needle.mode == Mode::Fuzzy && self.matcher.backend != Backend::Skim {
            if needle.mask() & texts.mask(i) != needle.mask() {
                return None;
            }
            if self.greedy_applies(needle, texts, i) {
                // nucleo's greedy result exactly (None only for a non-subsequence).
                let hay = texts.form_bytes(i, needle.case_sensitive, needle.normalize);
                return greedy::score(hay, needle.pattern.as_bytes()).map(i64::from);
            }
            let hay = texts.form(i, needle.case_sensitive, needle.normalize);
            // nucleo's own prefilter decides; an alignment found is a subsequence.
            return match self.nucleo(hay, texts.is_ascii(i), needle, None) {
                Some(score) => Some(score),
                None => is_subsequence(&needle.pattern, hay).then_some(0),
            };
        }
        if !accepts(needle, texts, i) {
            return None;
        }
        if self.greedy_applies(needle, texts, i) {
            let hay = texts.form_bytes(i, needle.case_sensitive, needle.normalize);
            return Some(greedy::score(hay, needle.pattern.as_bytes()).map_or(0, i64::from));
        }
        let hay = texts.form(i, needle.case_sensitive, needle.normalize);
        Some(self.rank(hay, texts.is_ascii(i), needle))
    }

    /// Like [`Scorer::score`], with the matched char positions (sorted).
    pub fn indices(
        &mut self,
        needle: &Needle,
        texts: &Texts,
        i: usize,
    ) -> Option<(i64, Vec<usize>)> {
        let score = self.score(needle, texts, i)?;
        let hay = texts.form(i, needle.case_sensitive, needle.normalize);
        let positions = match needle.mode {
            Mode::Fuzzy => self.fuzzy_positions(hay, texts.is_ascii(i), needle),
            _ => locate(needle, hay).map(|r| r.collect()).unwrap_or_default(),
        };
        Some((score, positions))
    }

    fn fuzzy_positions(&mut self, hay: &str, ascii: bool, needle: &Needle) -> Vec<usize> {
        if self.matcher.backend == Backend::Skim {
            let found = self.matcher.skim.fuzzy_indices(hay, &needle.pattern);
            return found.map(|(_, p)| p).unwrap_or_default();
        }
        let mut out = Vec::new();
        self.nucleo(hay, ascii, needle, Some(&mut out));
        out.sort_unstable();
        out.dedup();
        out.into_iter().map(|p| p as usize).collect()
    }
}
