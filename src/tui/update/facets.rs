//! Facets in the state: asking for a recount of the corpus when the corpus
//! view shows while an article filter is applied, taking the worker's answer,
//! the corpus panes narrowed by both facet and corpus filter, and the
//! selected article's entities that matched the article filter raised to the
//! top of their panes.

use crate::query::Source;
use crate::tui::effects::Effect;
use crate::tui::facet::{Facet, Request};
use crate::tui::filter::{Matched, Slot};
use crate::tui::model::Section;
use crate::tui::state::{State, Tab};
use std::sync::Arc;

/// The generation of the article filter's results, when a filter is applied.
fn article_generation(state: &State) -> Option<u64> {
    state.filters.results(Slot::Articles).map(|r| r.generation)
}

/// The facet in force: one counted for the article results shown.
pub fn active(state: &State) -> Option<&Arc<Facet>> {
    let generation = article_generation(state)?;
    state
        .facet
        .current
        .as_ref()
        .filter(|f| f.generation == generation)
}

/// True while a recount for the results shown is under way.
pub fn pending(state: &State) -> bool {
    article_generation(state).is_some_and(|g| active(state).is_none() && state.facet.sent == g)
}

/// Asks for a recount when the corpus view is on screen and the article
/// results shown have none yet.
pub fn request(state: &mut State) {
    // The recount runs on the filter engine: asked for once it is prepared.
    if state.tab != Tab::Corpus || state.model.engine.is_none() {
        return;
    }
    let Some(results) = state.filters.results(Slot::Articles) else {
        return;
    };
    let generation = results.generation;
    if state.facet.sent == generation || active(state).is_some() {
        return;
    }
    let Matched::Articles(hits) = &results.matched else {
        return;
    };
    let articles: Arc<[u32]> = hits.iter().map(|h| h.article as u32).collect();
    let query = state
        .filters
        .articles
        .as_ref()
        .map_or(String::new(), |f| f.line.text().trim().to_string());
    state.facet.sent = generation;
    state.effects.push(Effect::Facet(Request {
        generation,
        query,
        articles,
    }));
}

/// A recount from the worker: kept when it answers the results shown.
pub fn receive(state: &mut State, facet: Arc<Facet>) {
    if article_generation(state) != Some(facet.generation) {
        return;
    }
    state.facet.current = Some(facet);
    state.facet.narrowed = None;
    super::results::reset_selection(state, Slot::Corpus);
}

/// The corpus panes under the facet, narrowed by the corpus filter too when
/// one is applied (kept until either changes).
pub fn settle_narrowed(state: &mut State) {
    let Some(facet) = active(state).cloned() else {
        state.facet.narrowed = None;
        return;
    };
    let Some(results) = state.filters.results(Slot::Corpus) else {
        state.facet.narrowed = None;
        return;
    };
    let key = (results.generation, facet.generation);
    if state
        .facet
        .narrowed
        .as_ref()
        .is_some_and(|(g, f, _)| (*g, *f) == key)
    {
        return;
    }
    let Matched::Entries { sections, .. } = &results.matched else {
        return;
    };
    let narrowed: Vec<Section> = sections
        .iter()
        .filter_map(|s| {
            let members: Vec<usize> = s
                .members
                .iter()
                .copied()
                .filter(|&e| facet.counts.get(e).is_some_and(|&c| c > 0))
                .collect();
            (!members.is_empty()).then_some(Section {
                group: s.group,
                members,
            })
        })
        .collect();
    state.facet.narrowed = Some((key.0, key.1, narrowed));
}

/// The entries of `article` that the article filter matched (its reasons),
/// as positions in the article.
pub fn matched_positions(state: &State, article: usize) -> Vec<usize> {
    let Some(filter) = state.filters.articles.as_ref() else {
        return Vec::new();
    };
    if filter.results.is_none() {
        return Vec::new();
    }
    let Some(reasons) = filter.explained.get(&article) else {
        return Vec::new();
    };
    let entries: Vec<usize> = reasons
        .iter()
        .filter_map(|r| match r.source {
            Source::Entity { entry, .. } => Some(entry),
            _ => None,
        })
        .collect();
    let of = state.model.index.entry_of.get(article);
    of.iter()
        .enumerate()
        .filter(|(_, e)| entries.contains(&(**e as usize)))
        .map(|(p, _)| p)
        .collect()
}

/// `article`'s panes with the entities the article filter matched first in
/// their pane (the rest keep their order).
pub fn raised(state: &State, article: usize, sections: &[Section]) -> Option<Vec<Section>> {
    let matched = matched_positions(state, article);
    if matched.is_empty() {
        return None;
    }
    Some(
        sections
            .iter()
            .map(|s| {
                let mut members = s.members.clone();
                members.sort_by_key(|p| !matched.contains(p));
                Section {
                    group: s.group,
                    members,
                }
            })
            .collect(),
    )
}
