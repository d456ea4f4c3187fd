//! Why a result matched: the fields (title, outlet, entity names) that the
//! query's positive terms matched, with the matched char positions for
//! highlighting. Computed per result on demand, for the rows on screen only.

use super::engine::term_fields;
use super::fields::{Fields, Options};
use super::parse::Query;
use super::pattern::Needle;
use super::searcher::Searcher;
use crate::extract::Kind;
use crate::index::EntryId;

/// Where a matched text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// The article's title.
    Title,
    /// The article's outlet.
    Outlet,
    /// A table entry's name (`alias: None`) or its alias number `alias`.
    Entity {
        /// Position in `Index::table`.
        entry: EntryId,
        /// The entry's kind.
        kind: Kind,
        /// `None` for the name, `Some(i)` for `aliases[i]`.
        alias: Option<usize>,
    },
}

/// One matched field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// Which field.
    pub source: Source,
    /// Its text as written (untrusted: sanitise before printing).
    pub text: String,
    /// Matched char positions in `text`, ascending, merged over the terms that hit it.
    pub positions: Vec<usize>,
    /// The best term score on this field.
    pub score: i64,
}

/// Collects reasons, merging repeated hits on one field.
#[derive(Default)]
struct Reasons(Vec<Reason>);

impl Reasons {
    fn add(&mut self, source: Source, text: &str, score: i64, positions: Vec<usize>) {
        if let Some(r) = self.0.iter_mut().find(|r| r.source == source) {
            r.score = r.score.max(score);
            r.positions.extend(positions);
            r.positions.sort_unstable();
            r.positions.dedup();
            return;
        }
        let text = text.to_string();
        self.0.push(Reason {
            source,
            text,
            positions,
            score,
        });
    }

    fn finish(mut self) -> Vec<Reason> {
        // Best first; ties keep field order (title, outlet, entities as the article lists them).
        self.0.sort_by_key(|r| std::cmp::Reverse(r.score));
        self.0
    }
}

impl Searcher {
    /// The best-scoring name of an entry for a needle: (alias index, score, positions).
    fn entry_match(
        &self,
        needle: &Needle,
        entry: EntryId,
    ) -> Option<(Option<usize>, i64, Vec<usize>)> {
        let mut best: Option<(Option<usize>, i64, Vec<usize>)> = None;
        for (i, &t) in self.entry_texts.get(entry).iter().enumerate() {
            if let Some((score, positions)) = self.matcher.indices(needle, &self.texts, t as usize)
                && best.as_ref().is_none_or(|b| score > b.1)
            {
                best = Some(((i > 0).then(|| i - 1), score, positions));
            }
        }
        best
    }

    fn entry_reasons(
        &self,
        query: &Query,
        options: &Options,
        entries: &[u32],
        reasons: &mut Reasons,
    ) {
        for term in query.terms().filter(|t| !t.negated) {
            let fields = term_fields(term, options);
            let needle = Needle::new(term);
            for &e in entries {
                let (e, kind) = (e as usize, self.entry_kind[e as usize]);
                if !fields.has_kind(kind) {
                    continue;
                }
                let found = if term.is_presence() {
                    Some((None, 0, Vec::new()))
                } else {
                    self.entry_match(&needle, e)
                };
                if let Some((alias, score, positions)) = found {
                    let t = self.entry_texts.get(e)[alias.map_or(0, |i| i + 1)] as usize;
                    reasons.add(
                        Source::Entity {
                            entry: e,
                            kind,
                            alias,
                        },
                        self.texts.original(t),
                        score,
                        positions,
                    );
                }
            }
        }
    }

    /// Why article `article` (an index into `Index::articles`) matches: every field a
    /// positive term matched. Empty when nothing positive matched (an empty query, or
    /// only negations).
    pub fn explain(&self, query: &Query, options: &Options, article: usize) -> Vec<Reason> {
        let mut reasons = Reasons::default();
        let own = [
            (
                Source::Title,
                Fields::TITLE,
                Some(self.article_title[article]),
            ),
            (Source::Outlet, Fields::SOURCE, self.article_source[article]),
        ];
        for term in query.terms().filter(|t| !t.negated) {
            let fields = term_fields(term, options);
            let needle = Needle::new(term);
            for (source, field, text) in own {
                let Some(t) = text.filter(|_| fields.meets(field)) else {
                    continue;
                };
                let t = t as usize;
                let found = if term.is_presence() {
                    Some((0, Vec::new()))
                } else {
                    self.matcher.indices(&needle, &self.texts, t)
                };
                if let Some((score, positions)) = found {
                    reasons.add(source, self.texts.original(t), score, positions);
                }
            }
        }
        self.entry_reasons(
            query,
            options,
            &super::searcher::first_of_each(self.article_entries.get(article)),
            &mut reasons,
        );
        reasons.finish()
    }

    /// Why entry `entry` matches: which of its names the positive terms matched.
    pub fn explain_entry(&self, query: &Query, options: &Options, entry: EntryId) -> Vec<Reason> {
        let mut reasons = Reasons::default();
        self.entry_reasons(query, options, &[entry as u32], &mut reasons);
        reasons.finish()
    }
}
