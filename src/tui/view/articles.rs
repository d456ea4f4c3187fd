//! The article screen: the article list (title, outlet, date, entity count)
//! and the selected article's entities in panes by kind.

use super::filter::{self, count as matches_count};
use super::matches;
use super::panes::{self, PaneSet};
use super::widgets::{self, cell, cell_right, row_width, title};
use crate::query::Source;
use crate::tui::filter::Slot;
use crate::tui::layout::{self, Area, Target};
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Column widths of the list for a given row width: (id, title, outlet,
/// date, count). The title comes first; date and outlet only where the title
/// keeps enough room.
fn columns(state: &State, w: usize) -> (usize, usize, usize, usize, usize) {
    let articles = &state.model.index.articles;
    let id = articles.last().map_or(1, |a| a.id.to_string().len()) + mark_width(state);
    let count = 4;
    let mut title = w.saturating_sub(id + count + 2);
    let date = if state.model.any_date && title >= 24 + 11 {
        10
    } else {
        0
    };
    title -= if date > 0 { 11 } else { 0 };
    // The outlet from a title of 24 cells on; wider (up to 24) when the title
    // keeps 48 or more.
    let outlet = if state.model.any_source && title >= 24 + 13 {
        12 + (title.saturating_sub(60) / 2).min(12)
    } else {
        0
    };
    title -= if outlet > 0 { outlet + 1 } else { 0 };
    (id, title, outlet, date, count)
}

/// Cells in front of the id for pick mode's mark ("+" on a marked article).
pub fn mark_width(state: &State) -> usize {
    if state.pick.is_some() { 2 } else { 0 }
}

/// The id cell, with pick mode's mark in front.
pub fn id_cell(state: &State, article: usize, cells: usize) -> String {
    let id = state.model.index.articles[article].id.to_string();
    match &state.pick {
        Some(pick) => {
            let mark = if pick.is_marked(article) { "+ " } else { "  " };
            format!("{mark}{}", cell_right(state, &id, cells.saturating_sub(2)))
        }
        None => cell_right(state, &id, cells),
    }
}

fn row<'a>(state: &State, article: usize, w: usize) -> Line<'a> {
    let a = &state.model.index.articles[article];
    let (id_w, title_w, outlet_w, date_w, count_w) = columns(state, w);
    let dim = state.theme.dim();
    let mut spans = vec![
        Span::styled(id_cell(state, article, id_w), dim),
        Span::raw(" "),
        Span::raw(cell(state, &a.title, title_w)),
    ];
    if outlet_w > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            cell(state, a.source.as_deref().unwrap_or(""), outlet_w),
            dim,
        ));
    }
    if date_w > 0 {
        spans.push(Span::raw(" "));
        spans.push(Span::styled(
            cell(state, a.date.as_deref().unwrap_or(""), date_w),
            dim,
        ));
    }
    let count = state.model.index.entity_count_of(article).to_string();
    spans.push(Span::raw(" "));
    spans.push(Span::raw(cell_right(state, &count, count_w)));
    Line::from(spans)
}

fn header_row<'a>(state: &State, w: usize) -> Line<'a> {
    let (id_w, title_w, outlet_w, date_w, count_w) = columns(state, w);
    let mut text = format!(
        "{}{} {}",
        " ".repeat(id_w.saturating_sub(1)),
        "#",
        cell(state, "Title", title_w)
    );
    if outlet_w > 0 {
        text.push_str(&format!(" {}", cell(state, "Outlet", outlet_w)));
    }
    if date_w > 0 {
        text.push_str(&format!(" {}", cell(state, "Date", date_w)));
    }
    text.push_str(&format!(" {}", cell_right(state, "Ents", count_w)));
    let marker = " ".repeat(crate::text::width(state.theme.symbols.marker));
    Line::styled(format!("{marker}{text}"), state.theme.dim())
}

fn list(state: &State, frame: &mut Frame, area: &Area) {
    let focused = !state.articles.in_panes;
    let count = state.model.index.articles.len();
    let visible = state.visible_articles();
    let filter = state.filters.get(Slot::Articles);
    let (mut name, number) = match filter {
        Some(_) => (
            format!(
                "Articles {} of {}",
                matches_count(visible),
                matches_count(count)
            ),
            None,
        ),
        None => ("Articles".to_string(), Some(count)),
    };
    let filtering = state.filters.results(Slot::Articles).is_some();
    let dot = state.theme.symbols.dot;
    let mut more = Vec::new();
    if let Some(order) = state.sort.label(filtering) {
        more.push(order.to_string());
    }
    if let Some(pick) = &state.pick {
        more.push(format!("{} marked", pick.marked.len()));
    }
    let mut heading = title(
        state,
        std::mem::take(&mut name),
        state.theme.title(focused),
        number,
    );
    if !more.is_empty() {
        let tail = heading.spans.pop();
        heading.spans.push(Span::styled(
            format!("{dot}{}", more.join(dot)),
            state.theme.dim(),
        ));
        heading.spans.extend(tail);
    }
    frame.render_widget(widgets::block(state, heading, focused), area.outer);
    let w = row_width(state, area.rows);
    let results = state.filters.results(Slot::Articles);
    let explained = filter.map(|f| &f.explained);
    let filter_rows = layout::filter_rows(state, Slot::Articles);
    if layout::list_has_header(area.outer, count, filter_rows) {
        let header = Rect::new(area.rows.x, area.rows.y - 1, area.rows.width, 1);
        let names = match results {
            Some(_) => {
                let marker = " ".repeat(crate::text::width(state.theme.symbols.marker));
                Line::styled(
                    format!("{marker}{}", matches::header(state, w)),
                    state.theme.dim(),
                )
            }
            None => header_row(state, w),
        };
        frame.render_widget(Paragraph::new(names), header);
    }
    if visible == 0 {
        let message = match filter {
            Some(f) if f.scope.is_some() => "No article matches (the scope chip narrows it: Tab)",
            Some(_) => "No article matches",
            None => "No articles. Try: dossier ~/news",
        };
        widgets::empty(state, frame, area.rows, message);
        return;
    }
    let cursor = state.articles.list;
    let lines = (cursor.offset..visible)
        .take(area.rows.height as usize)
        .filter_map(|i| state.visible_article(i))
        .map(|a| match (results, explained) {
            (Some(_), Some(explained)) => matches::row(state, a, explained, w),
            _ => row(state, a, w),
        })
        .collect();
    let selected = cursor.selected.checked_sub(cursor.offset);
    widgets::rows(state, frame, area.rows, lines, selected, focused);
    widgets::scrollbar(state, frame, area, visible, cursor.offset);
}

/// Draws the article screen.
pub fn render(state: &State, frame: &mut Frame, areas: &[Area]) {
    for area in areas {
        match area.target {
            Target::ArticleList => list(state, frame, area),
            Target::Preview => preview(state, frame, area),
            Target::Filter(slot) => filter::render(state, frame, area, slot),
            _ => {}
        }
    }
    let Some(article) = state.article() else {
        panes::render(
            state,
            frame,
            areas,
            &PaneSet {
                sections: &[],
                panes: &state.articles.panes,
                focused: false,
                row: &|_| (String::new(), String::new()),
                reason: &|_| None,
                empty: if state.filters.get(Slot::Articles).is_some() {
                    "No article matches, so no entities"
                } else {
                    "No articles, so no entities"
                },
                keep_selection: false,
            },
        );
        return;
    };
    let entities = state.model.index.entities(article);
    let sections = state.article_sections(article);
    let times = state.theme.symbols.times;
    let row = |p: usize| {
        (
            entities[p].name.clone(),
            format!("{times}{}", entities[p].count),
        )
    };
    let empty = if state.filters.results(Slot::Entities).is_some() {
        "No entity of this article matches the filter"
    } else if state.model.entity_count == 0 {
        "No entities yet: none were found in this corpus"
    } else {
        "No entities found in this article"
    };
    // Why an entity matched: the entity filter's reason, else (marking the
    // entities the article filter matched, raised to the top) the article's.
    let article_reasons = state
        .filters
        .articles
        .as_ref()
        .filter(|f| f.results.is_some())
        .and_then(|f| f.explained.get(&article));
    let reason = |p: usize| {
        let entry = state.model.entry_of(article, p)?;
        let Some(results) = state.filters.results(Slot::Entities) else {
            return article_reasons?
                .iter()
                .find(|r| matches!(r.source, Source::Entity { entry: e, .. } if e == entry))
                .cloned();
        };
        let searcher = &state.model.engine.as_ref()?.searcher;
        let why = searcher.explain_entry(&results.query, &results.options, entry);
        why.into_iter().next()
    };
    panes::render(
        state,
        frame,
        areas,
        &PaneSet {
            sections: &sections,
            panes: &state.articles.panes,
            focused: state.articles.in_panes,
            row: &row,
            reason: &reason,
            empty,
            keep_selection: false,
        },
    );
}

/// The selected article's title, facts and opening, below a short list.
fn preview(state: &State, frame: &mut Frame, area: &Area) {
    let Some(preview) = &state.preview else {
        return;
    };
    let article = &state.model.index.articles[preview.article];
    let heading = title(state, "Preview".into(), state.theme.dim(), None);
    frame.render_widget(widgets::block(state, heading, false), area.outer);
    let w = area.rows.width as usize;
    let clean_title = crate::text::sanitize_line(&article.title);
    let mut lines: Vec<Line> = widgets::wrap_words(&clean_title, w)
        .into_iter()
        .map(|l| Line::styled(l, state.theme.strong()))
        .collect();
    let facts: Vec<&str> = [
        article.source.as_deref(),
        article.date.as_deref(),
        article.author.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        let text = widgets::fit(state, &facts.join(state.theme.symbols.dot), w);
        lines.push(Line::styled(text, state.theme.dim()));
    }
    lines.push(Line::raw(""));
    let room = (area.rows.height as usize).saturating_sub(lines.len());
    lines.extend(
        preview
            .wrapped
            .rows
            .iter()
            .take(room)
            .map(|row| super::reader::styled_row(state, &preview.doc, row, &[], None)),
    );
    frame.render_widget(Paragraph::new(lines), area.rows);
}
