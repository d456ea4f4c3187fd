//! The article screen: the article list (title, outlet, date, entity count)
//! and the selected article's entities in panes by kind.

use super::panes::{self, PaneSet};
use super::widgets::{self, cell, cell_right, row_width, title};
use crate::tui::layout::{self, Area, Target};
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Column widths of the list for a given row width: (id, title, outlet, date, count).
fn columns(state: &State, w: usize) -> (usize, usize, usize, usize, usize) {
    let articles = &state.model.index.articles;
    let id = articles.last().map_or(1, |a| a.id.to_string().len());
    let count = 4;
    let date = if w >= 50 { 10 } else { 0 };
    let outlet = if w >= 64 { (w / 5).min(18) } else { 0 };
    let gaps = [date, outlet].iter().filter(|&&c| c > 0).count() + 2;
    let title = w.saturating_sub(id + count + date + outlet + gaps);
    (id, title, outlet, date, count)
}

fn row<'a>(state: &State, article: usize, w: usize) -> Line<'a> {
    let a = &state.model.index.articles[article];
    let (id_w, title_w, outlet_w, date_w, count_w) = columns(state, w);
    let dim = state.theme.dim();
    let mut spans = vec![
        Span::styled(cell_right(state, &a.id.to_string(), id_w), dim),
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
    let count = state.model.index.entities[article].len().to_string();
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
    let heading = title(
        state,
        "Articles".into(),
        state.theme.title(focused),
        Some(count),
    );
    frame.render_widget(widgets::block(state, heading, focused), area.outer);
    let w = row_width(state, area.rows);
    if layout::list_has_header(area.outer) {
        let header = Rect::new(area.rows.x, area.rows.y - 1, area.rows.width, 1);
        frame.render_widget(Paragraph::new(header_row(state, w)), header);
    }
    if count == 0 {
        widgets::empty(state, frame, area.rows, "No articles. Try: dossier ~/news");
        return;
    }
    let cursor = state.articles.list;
    let lines = (cursor.offset..count)
        .take(area.rows.height as usize)
        .map(|a| row(state, a, w))
        .collect();
    let selected = cursor.selected.checked_sub(cursor.offset);
    widgets::rows(state, frame, area.rows, lines, selected, focused);
    widgets::scrollbar(state, frame, area, count, cursor.offset);
}

/// Draws the article screen.
pub fn render(state: &State, frame: &mut Frame, areas: &[Area]) {
    for area in areas.iter().filter(|a| a.target == Target::ArticleList) {
        list(state, frame, area);
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
                empty: "No articles, so no entities",
            },
        );
        return;
    };
    let entities = &state.model.index.entities[article];
    let times = state.theme.symbols.times;
    let row = |p: usize| {
        (
            entities[p].name.clone(),
            format!("{times}{}", entities[p].count),
        )
    };
    let empty = if state.model.index.entity_count() == 0 {
        "No entities yet: none were found in this corpus"
    } else {
        "No entities found in this article"
    };
    panes::render(
        state,
        frame,
        areas,
        &PaneSet {
            sections: &state.model.sections[article],
            panes: &state.articles.panes,
            focused: state.articles.in_panes,
            row: &row,
            empty,
        },
    );
}
