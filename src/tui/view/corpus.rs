//! The corpus view: the top entities of every kind across all articles (by
//! how many articles mention them), and what occurs with the selected one.

use super::panes::{self, PaneSet};
use super::{filter, sectioned, widgets};
use crate::tui::filter::Slot;
use crate::tui::layout::{self, Area, Target};
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// "4 art" style count of articles.
fn articles(n: usize) -> String {
    format!("{n} art")
}

/// The line above a faceted corpus view: "Corpus · 37 articles matching
/// city:chengdu", or that they are being counted.
fn facet_line(state: &State, frame: &mut Frame) {
    let Some(chrome) = layout::chrome(state.width, state.height) else {
        return;
    };
    if !layout::corpus_faceted(state) || chrome.body.height <= 6 {
        return;
    }
    let dot = state.theme.symbols.dot;
    let query = state
        .filters
        .articles
        .as_ref()
        .map_or("", |f| f.line.text().trim());
    let matching = state.visible_articles();
    let plural = if matching == 1 { "article" } else { "articles" };
    let what = format!("{} {plural} matching {query}", filter::count(matching));
    let text = if crate::tui::update::facets::pending(state) {
        format!(
            " Corpus{dot}counting the {what}{}",
            state.theme.symbols.more
        )
    } else {
        format!(" Corpus{dot}{what}")
    };
    let row = Rect::new(chrome.body.x, chrome.body.y, chrome.body.width, 1);
    let text = widgets::fit(state, &text, row.width as usize);
    let line = Line::styled(text, state.theme.strong());
    frame.render_widget(Paragraph::new(line), row);
}

/// Draws the corpus view.
pub fn render(state: &State, frame: &mut Frame, areas: &[Area]) {
    facet_line(state, frame);
    let table = &state.model.index.table;
    let row = |e: usize| (table[e].name.clone(), articles(state.entry_articles(e)));
    let reason = |e: usize| {
        let results = state.filters.results(Slot::Corpus)?;
        let searcher = &state.model.engine.as_ref()?.searcher;
        let why = searcher.explain_entry(&results.query, &results.options, e);
        why.into_iter().next()
    };
    let empty = if state.filters.results(Slot::Corpus).is_some() {
        "No entity matches the filter"
    } else {
        "No entities yet: none were found in this corpus"
    };
    panes::render(
        state,
        frame,
        areas,
        &PaneSet {
            sections: state.corpus_sections(),
            panes: &state.corpus.panes,
            focused: !state.corpus.in_with,
            row: &row,
            reason: &reason,
            empty,
            keep_selection: true,
        },
    );
    for area in areas {
        match area.target {
            Target::With => with(state, frame, area),
            Target::Filter(slot) => super::filter::render(state, frame, area, slot),
            _ => {}
        }
    }
}

fn with(state: &State, frame: &mut Frame, area: &Area) {
    let view = &state.corpus;
    let table = &state.model.index.table;
    let entry = view.with_entry.and_then(|e| table.get(e));
    let name = entry.map_or(state.theme.symbols.more.to_string(), |e| e.name.clone());
    let budget = (area.outer.width as usize).saturating_sub(12);
    let heading = widgets::fit(state, &format!("With {name}"), budget);
    let style: Style = state.theme.title(view.in_with);
    let title = widgets::title(state, heading, style, None);
    frame.render_widget(widgets::block(state, title, view.in_with), area.outer);
    let finding = format!("Finding what occurs with it{}", state.theme.symbols.more);
    let working = view
        .with_entry
        .is_some_and(|e| !state.with_cache.contains_key(&e));
    let message = match entry {
        None => Some("Select an entity to see what occurs with it"),
        Some(_) if view.with_rows.is_empty() && working => Some(finding.as_str()),
        Some(_) if view.with_rows.is_empty() => Some("Nothing else occurs in its articles"),
        Some(_) => None,
    };
    if let Some(message) = message {
        widgets::empty(state, frame, area.rows, message);
        return;
    }
    let item = |e: usize, shared: usize| (table[e].name.clone(), articles(shared));
    sectioned::render(
        state,
        frame,
        area,
        &view.with_rows,
        view.with,
        view.in_with,
        &item,
    );
}
