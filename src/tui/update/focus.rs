//! Moving focus between panes, and keeping the home screens' selections valid.

use super::{height, moves};
use crate::index::Index;
use crate::tui::document::Document;
use crate::tui::filter::Engine;
use crate::tui::jobs::{BIG_ENTRY, Job};
use crate::tui::layout::{self, Target};
use crate::tui::model::Group;
use crate::tui::state::{Cursor, ListRow, Panes, Preview, Screen, State, Tab};
use crate::tui::wrap::Wrapped;

/// How much of an article the preview prepares (more than any screen shows).
const PREVIEW_BYTES: usize = 16 * 1024;
use std::sync::Arc;

/// Focus the next (or previous) pane of the current screen, wrapping around.
pub fn cycle(state: &mut State, forward: bool) {
    match state.stack.last_mut() {
        Some(Screen::Reader(view)) => {
            if view.sidebar_rows.is_empty() {
                state.message = Some("No entities in this article".into());
            } else {
                view.in_sidebar = !view.in_sidebar;
            }
        }
        Some(Screen::Entity(view)) => {
            let mut stops = vec![Target::EntityArticles, Target::Mentions];
            if layout::entity_has_with(state.width) {
                stops.push(Target::EntityWith);
            }
            let at = stops.iter().position(|&t| t == view.focus).unwrap_or(0);
            view.focus = stops[step(at, stops.len(), forward)];
        }
        None => match state.tab {
            Tab::Articles => cycle_articles(state, forward),
            Tab::Corpus => cycle_corpus(state, forward),
        },
    }
}

/// Stops: the list, then each entity pane.
fn cycle_articles(state: &mut State, forward: bool) {
    let panes = state
        .article()
        .map_or(0, |a| state.article_sections(a).len());
    if panes == 0 {
        state.message = Some("No entities in this article".into());
        return;
    }
    let view = &mut state.articles;
    let at = if view.in_panes {
        view.panes.focus + 1
    } else {
        0
    };
    let next = step(at, panes + 1, forward);
    view.in_panes = next > 0;
    if next > 0 {
        view.panes.focus = next - 1;
    }
}

/// Stops: each corpus pane, then the co-occurrence list.
fn cycle_corpus(state: &mut State, forward: bool) {
    let panes = state.corpus_sections().len();
    if panes == 0 {
        state.message = Some("No entities in this corpus".into());
        return;
    }
    let view = &mut state.corpus;
    let at = if view.in_with {
        panes
    } else {
        view.panes.focus
    };
    let next = step(at, panes + 1, forward);
    view.in_with = next == panes;
    if next < panes {
        view.panes.focus = next;
    }
}

fn step(at: usize, stops: usize, forward: bool) -> usize {
    if forward {
        (at + 1) % stops
    } else {
        (at + stops - 1) % stops
    }
}

/// Article list and its panes: reset the panes when another article is selected.
pub fn settle_articles(state: &mut State) {
    let count = state.visible_articles();
    let list_height = height(state, Target::ArticleList);
    state.articles.list.settle(count, list_height);
    super::results::explain_visible(state, list_height);
    let article = state.article();
    super::results::narrow_panes(state, article);
    raise_matched(state, article);
    let sections = article.map_or(0, |a| state.article_sections(a).len());
    if state.articles.panes_for != article || state.articles.panes.cursors.len() != sections {
        let focus = state.articles.panes.focus.min(sections.saturating_sub(1));
        state.articles.panes = Panes::new(sections);
        state.articles.panes.focus = focus;
        state.articles.panes_for = article;
    }
    if sections == 0 {
        state.articles.in_panes = false;
    }
    settle_preview(state);
    let heights: Vec<Option<usize>> = (0..sections)
        .map(|i| height(state, Target::ArticlePane(i)))
        .collect();
    if let Some(a) = article {
        let lens: Vec<usize> = state
            .article_sections(a)
            .iter()
            .map(|s| s.members.len())
            .collect();
        for (i, cursor) in state.articles.panes.cursors.iter_mut().enumerate() {
            cursor.settle(lens.get(i).copied().unwrap_or(0), heights[i]);
        }
    }
}

/// Puts the selected article's entities that matched the article filter
/// first in their panes (kept until the article or the results change).
fn raise_matched(state: &mut State, article: Option<usize>) {
    let (Some(article), Some(generation)) = (article, state.article_generation()) else {
        state.facet.raised = None;
        return;
    };
    let cached = state.facet.raised.as_ref();
    if cached.is_some_and(|(a, g, _)| (*a, *g) == (article, generation)) {
        return;
    }
    let base = state.model.sections(article);
    state.facet.raised = super::facets::raised(state, article, &base)
        .map(|sections| (article, generation, Arc::from(sections)));
}

/// Wraps the selected article's text for the preview when the preview is on
/// screen and the article or width changed.
fn settle_preview(state: &mut State) {
    let area = layout::find(state, Target::Preview);
    let (Some(area), Some(article)) = (area, state.article()) else {
        state.preview = None;
        return;
    };
    let width = (area.rows.width as usize).max(1);
    let current = state.preview.as_ref();
    if current.is_some_and(|p| p.article == article && p.wrapped.width == width) {
        return;
    }
    // Only the opening shows, so only the opening is prepared: a huge article
    // costs no more per keystroke than a short one.
    let body = state.model.index.body_prefix(article, PREVIEW_BYTES);
    let doc = Arc::new(Document::build(&body, &state.model.index.entities(article)));
    let wrapped = Wrapped::new(&doc, width, false);
    state.preview = Some(Preview {
        article,
        doc,
        wrapped,
    });
}

/// Corpus panes and the co-occurrence list of the selected entry.
pub fn settle_corpus(state: &mut State) {
    let lens: Vec<usize> = state
        .corpus_sections()
        .iter()
        .map(|s| s.members.len())
        .collect();
    if state.corpus.panes.cursors.len() != lens.len() {
        state.corpus.panes = Panes::new(lens.len());
    }
    let heights: Vec<Option<usize>> = (0..lens.len())
        .map(|i| height(state, Target::CorpusPane(i)))
        .collect();
    for (i, cursor) in state.corpus.panes.cursors.iter_mut().enumerate() {
        cursor.settle(lens[i], heights[i]);
    }
    // What occurs with the selected entry is only worked out when it shows.
    if state.tab != Tab::Corpus || !state.stack.is_empty() {
        return;
    }
    let entry = state.corpus_entry();
    let facet = state.facet().map_or(0, |f| f.generation);
    if entry != state.corpus.with_entry || facet != state.facet.cache_for {
        state.corpus.with_rows = match entry {
            Some(e) => with_rows(state, e),
            None => Arc::default(),
        };
        state.corpus.with_entry = entry;
        state.corpus.with = Cursor::default();
    }
    let with_height = height(state, Target::With);
    let view = &mut state.corpus;
    moves::settle_sections(&mut view.with, &view.with_rows, with_height);
}

/// Entries that share articles with `entry`, grouped by pane, most shared
/// first; computed once per entry. For an entry in many articles the work is
/// asked of another thread and the list is empty until it comes.
pub fn with_rows(state: &mut State, entry: usize) -> Arc<Vec<ListRow>> {
    let facet = state.facet().map_or(0, |f| f.generation);
    if state.facet.cache_for != facet {
        state.with_cache.clear();
        state.facet.cache_for = facet;
    }
    if let Some(rows) = state.with_cache.get(&entry) {
        return rows.clone();
    }
    let index = &state.model.index;
    if index
        .table
        .get(entry)
        .is_some_and(|e| e.article_count > BIG_ENTRY)
    {
        let job = Job::With(entry, facet);
        if !state.jobs.contains(&job) {
            state.jobs.push(job);
        }
        return Arc::default();
    }
    let member = state.facet().map(|f| f.member.as_slice());
    let engine = state.model.engine.as_deref();
    let rows = Arc::new(compute_with_rows(index, engine, member, entry));
    state.with_cache.insert(entry, rows.clone());
    rows
}

/// [`with_rows`], worked out: through the filter engine's per-article entry
/// lists when it is prepared (only the articles `member` marks, under a
/// facet), else from the index.
pub fn compute_with_rows(
    index: &Index,
    engine: Option<&Engine>,
    member: Option<&[bool]>,
    entry: usize,
) -> Vec<ListRow> {
    let mut pairs = match engine {
        Some(engine) => crate::tui::facet::cooccurring(engine, entry, member),
        None => index.cooccurring(entry),
    };
    pairs.sort_by_key(|&(e, _)| Group::of(index.table[e].kind));
    sections(pairs.into_iter(), |e| Group::of(index.table[e].kind))
}

/// Turns (item, number) pairs sorted by group into headed rows.
pub fn sections(
    items: impl Iterator<Item = (usize, usize)>,
    group: impl Fn(usize) -> Group,
) -> Vec<ListRow> {
    let mut rows: Vec<ListRow> = Vec::new();
    let mut header = 0;
    for (item, number) in items {
        let g = group(item);
        let same = matches!(rows.get(header), Some(ListRow::Header(h, _)) if *h == g);
        if !same {
            header = rows.len();
            rows.push(ListRow::Header(g, 0));
        }
        if let Some(ListRow::Header(_, count)) = rows.get_mut(header) {
            *count += 1;
        }
        rows.push(ListRow::Item(item, number));
    }
    rows
}
