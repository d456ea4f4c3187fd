//! The filter line's state: one filter per list it can narrow (the article
//! list, the selected article's entity panes, the corpus panes), each with its
//! text, scope chip and the newest results; the shared history; and the
//! queries waiting to be run (an effect the event loop hands to a worker, or
//! [`run_now`] runs on the spot for snapshots and tests).

mod engine;
mod history;
mod line;
mod workers;

pub use engine::{Engine, Explained, Matched, NO_MATCH, Request, Results};
pub use history::{History, Recall};
pub use line::Line;
pub use workers::Workers;

use super::state::State;
use crate::extract::Kind;
use crate::query::{Options, QueryError, Session};
use std::sync::Arc;

/// Which list a filter narrows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// The article list.
    Articles,
    /// The selected article's entity panes.
    Entities,
    /// The corpus view's entity panes.
    Corpus,
}

/// The scope chip's stops, in the order the toggle visits them (None is All).
pub const SCOPES: [Option<Kind>; 9] = [
    None,
    Some(Kind::City),
    Some(Kind::Firm),
    Some(Kind::Region),
    Some(Kind::Country),
    Some(Kind::Zone),
    Some(Kind::Org),
    Some(Kind::Person),
    Some(Kind::Event),
];

/// The stop after (or before) `scope` on the chip.
pub fn next_scope(scope: Option<Kind>, forward: bool) -> Option<Kind> {
    let at = SCOPES.iter().position(|&s| s == scope).unwrap_or(0);
    let n = SCOPES.len();
    SCOPES[if forward {
        (at + 1) % n
    } else {
        (at + n - 1) % n
    }]
}

/// What the chip says.
pub fn scope_label(scope: Option<Kind>) -> &'static str {
    scope.map_or("All", Kind::plural)
}

/// One filter: what is typed, the chip, and what was found.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The text and cursor.
    pub line: Line,
    /// The scope chip: only entities of this kind can match (None: every field).
    pub scope: Option<Kind>,
    /// True while keys go to the line; false once Enter moved to the results.
    pub editing: bool,
    /// The generation of the newest query asked for.
    pub sent: u64,
    /// The generation the shown results (or problems) answer.
    pub shown: u64,
    /// The generation of a query asked again because the corpus grew: its
    /// results keep the selection where it is.
    pub refresh: u64,
    /// The last good results; None shows everything (nothing typed yet).
    pub results: Option<Arc<Results>>,
    /// What the strict parser says about the newest answered query.
    pub problems: Vec<QueryError>,
    /// Where Up and Down are in the history.
    pub recall: Recall,
    /// Why the articles shown so far matched (the worker explains the first
    /// screenful; rows scrolled into view are explained as they come).
    pub explained: Explained,
}

impl Filter {
    /// A newer query is being computed.
    pub fn pending(&self) -> bool {
        self.sent != self.shown
    }

    /// The options the chip gives.
    pub fn options(&self) -> Options {
        Options::kinds(self.scope.as_slice())
    }

    /// True when the typed text has something to match.
    pub fn is_blank(&self) -> bool {
        self.line.text().trim().is_empty()
    }
}

/// The selected article's entity panes narrowed by the entity filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narrowed {
    /// The article.
    pub article: usize,
    /// The results generation they were narrowed by.
    pub generation: u64,
    /// The panes that still have members, best matches first.
    pub sections: Arc<[crate::tui::model::Section]>,
}

/// Every filter, the history and the queries waiting to run.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Over the article list.
    pub articles: Option<Filter>,
    /// Over the selected article's entity panes.
    pub entities: Option<Filter>,
    /// Over the corpus panes.
    pub corpus: Option<Filter>,
    /// Submitted queries, shared by all three.
    pub history: History,
    /// Queries for the worker (drained by the event loop or [`run_now`]).
    pub outbox: Vec<Request>,
    /// The last generation handed out.
    pub generation: u64,
    /// The entity filter applied to the selected article's panes.
    pub narrowed: Option<Narrowed>,
}

impl Filters {
    /// The filter of `slot`, if open.
    pub fn get(&self, slot: Slot) -> Option<&Filter> {
        match slot {
            Slot::Articles => self.articles.as_ref(),
            Slot::Entities => self.entities.as_ref(),
            Slot::Corpus => self.corpus.as_ref(),
        }
    }

    /// Where the filter of `slot` lives.
    pub fn slot_mut(&mut self, slot: Slot) -> &mut Option<Filter> {
        match slot {
            Slot::Articles => &mut self.articles,
            Slot::Entities => &mut self.entities,
            Slot::Corpus => &mut self.corpus,
        }
    }

    /// The filter whose line has the keys, if any.
    pub fn editing(&self) -> Option<Slot> {
        [Slot::Articles, Slot::Entities, Slot::Corpus]
            .into_iter()
            .find(|&s| self.get(s).is_some_and(|f| f.editing))
    }

    /// The results shown for `slot`, when something was typed.
    pub fn results(&self, slot: Slot) -> Option<&Results> {
        self.get(slot)?.results.as_deref()
    }
}

/// Runs the waiting queries at once on this thread and applies their results,
/// so a snapshot or a test sees the same screen every time.
pub fn run_now(state: &mut State) {
    while !state.filters.outbox.is_empty() {
        let engine = match &state.model.engine {
            Some(engine) => Arc::clone(engine),
            None => {
                let engine = Arc::new(state.model.engine());
                state.model.engine = Some(Arc::clone(&engine));
                engine
            }
        };
        for request in std::mem::take(&mut state.filters.outbox) {
            if request.text.trim().is_empty() {
                continue;
            }
            let mut session = Session::new();
            if let Ok(results) = engine.run(&mut session, &request, &|| false) {
                let action = super::action::Action::Filtered(Arc::new(results));
                super::update::update(state, action);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chip_cycles_through_every_stop_both_ways() {
        let mut scope = None;
        let mut seen = Vec::new();
        for _ in 0..SCOPES.len() {
            scope = next_scope(scope, true);
            seen.push(scope_label(scope));
        }
        assert_eq!(
            seen,
            [
                "Cities",
                "Firms",
                "Regions",
                "Countries",
                "Zones",
                "Orgs",
                "People",
                "Events",
                "All"
            ]
        );
        assert_eq!(next_scope(None, false), Some(Kind::Event));
    }
}
