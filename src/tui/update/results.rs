//! Results coming back from the filter worker: the newest query wins (an
//! answer to an older one is dropped), and what they change in the lists:
//! selections back to the top, the selected article's panes narrowed, the
//! filtered rows on screen explained.

use crate::tui::filter::{Matched, NO_MATCH, Narrowed, Results, Slot};
use crate::tui::model::Section;
use crate::tui::state::{Panes, State};
use std::sync::Arc;

/// Results from the worker: dropped unless they answer the newest query of an
/// open filter. When the query had problems (typing half-way through `a |`),
/// the last good results stay and only the problems show.
pub fn receive(state: &mut State, results: Arc<Results>) {
    let slot = results.slot;
    let selected = state.article();
    let Some(filter) = state.filters.slot_mut(slot) else {
        return;
    };
    if results.generation != filter.sent {
        return;
    }
    filter.shown = results.generation;
    filter.problems = results.problems.clone();
    if !filter.problems.is_empty() && filter.results.is_some() {
        return;
    }
    let refreshed = filter.refresh == results.generation;
    filter.explained = results.explained.clone();
    filter.results = Some(results);
    if !refreshed {
        return reset_selection(state, slot);
    }
    // Asked again as the corpus grew: the same article stays selected.
    state.articles.panes_for = None;
    if slot == Slot::Articles
        && let Some(article) = selected
        && let Some(row) =
            (0..state.visible_articles()).find(|&r| state.visible_article(r) == Some(article))
    {
        state.articles.list.selected = row;
    }
}

/// Explains the filtered article rows on screen that are not explained yet
/// (those scrolled into view since the results came).
pub fn explain_visible(state: &mut State, rows: Option<usize>) {
    let cursor = state.articles.list;
    let shown: Vec<usize> = (cursor.offset..cursor.offset + rows.unwrap_or(0))
        .filter_map(|i| state.visible_article(i))
        .collect();
    let Some(engine) = &state.model.engine else {
        return;
    };
    let searcher = &engine.searcher;
    let Some(filter) = state.filters.articles.as_mut() else {
        return;
    };
    let Some(results) = &filter.results else {
        return;
    };
    for article in shown {
        filter
            .explained
            .entry(article)
            .or_insert_with(|| searcher.explain(&results.query, &results.options, article));
    }
}

/// New results: back to the first row, as fzf does.
pub fn reset_selection(state: &mut State, slot: Slot) {
    match slot {
        Slot::Articles => state.articles.list = Default::default(),
        Slot::Entities => state.articles.panes_for = None,
        Slot::Corpus => {
            let panes = state.corpus_sections().len();
            let focus = state.corpus.panes.focus.min(panes.saturating_sub(1));
            state.corpus.panes = Panes::new(panes);
            state.corpus.panes.focus = focus;
            state.corpus.with_entry = None;
        }
    }
}

/// Narrows the panes of `article` by the entity filter's results, when they
/// are not narrowed for this article and these results yet.
pub fn narrow_panes(state: &mut State, article: Option<usize>) {
    let results = state.filters.results(Slot::Entities);
    let (Some(article), Some(results)) = (article, results) else {
        state.filters.narrowed = None;
        return;
    };
    let generation = results.generation;
    if state
        .filters
        .narrowed
        .as_ref()
        .is_some_and(|n| n.article == article && n.generation == generation)
    {
        return;
    }
    let Matched::Entries { scores, .. } = &results.matched else {
        return;
    };
    let model = &state.model;
    let score = |p: usize| {
        model
            .entry_of(article, p)
            .and_then(|e| scores.get(e).copied())
            .unwrap_or(NO_MATCH)
    };
    let sections = model
        .sections(article)
        .iter()
        .filter_map(|s| {
            let mut members: Vec<usize> = s
                .members
                .iter()
                .copied()
                .filter(|&p| score(p) != NO_MATCH)
                .collect();
            // Stable: equal scores keep the pane's order (most mentioned first).
            members.sort_by_key(|&p| std::cmp::Reverse(score(p)));
            (!members.is_empty()).then_some(Section {
                group: s.group,
                members,
            })
        })
        .collect();
    state.filters.narrowed = Some(Narrowed {
        article,
        generation,
        sections,
    });
}
