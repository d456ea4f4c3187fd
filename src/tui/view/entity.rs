//! The entity screen: one entity across the corpus. The articles that mention
//! it, and its mentions in the selected one, keyword in context: left context,
//! the mention highlighted, right context, aligned on the mention.

use super::sectioned;
use super::widgets::{self, cell, fit, row_width, tail, title};
use crate::text::width;
use crate::tui::kwic::KwicLine;
use crate::tui::layout::{self, Area, Target};
use crate::tui::state::{EntityView, Screen, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the entity screen.
pub fn render(state: &State, frame: &mut Frame, areas: &[Area]) {
    let Some(Screen::Entity(view)) = state.screen() else {
        return;
    };
    if view.entry >= state.model.index.table.len() {
        return;
    }
    if let Some(chrome) = layout::chrome(state.width, state.height) {
        let info = Rect::new(chrome.body.x, chrome.body.y, chrome.body.width, 1);
        render_info(state, frame, info, view);
    }
    for area in areas {
        match area.target {
            Target::EntityArticles => {
                let list = state.model.index.articles_of(view.entry);
                articles(state, frame, area, view, list)
            }
            Target::Mentions => mentions(state, frame, area, view),
            Target::EntityWith => with(state, frame, area, view),
            _ => {}
        }
    }
}

fn render_info(state: &State, frame: &mut Frame, area: Rect, view: &EntityView) {
    let entry = &state.model.index.table[view.entry];
    let dot = state.theme.symbols.dot;
    let total = state.model.index.articles.len();
    let label = format!(
        " {} {} ",
        fit(state, &entry.name, area.width as usize / 2),
        entry.kind.as_str().to_uppercase()
    );
    let mut facts = format!(
        " in {} of {total} articles{dot}{} mentions",
        entry.article_count, entry.mentions
    );
    if !entry.aliases.is_empty() {
        facts.push_str(&format!("{dot}also: {}", entry.aliases.join(", ")));
    }
    let room = (area.width as usize).saturating_sub(width(&label));
    let line = Line::from(vec![
        Span::styled(label, state.theme.label(entry.kind)),
        Span::styled(fit(state, &facts, room), state.theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn articles(state: &State, frame: &mut Frame, area: &Area, view: &EntityView, list: &[u32]) {
    let focused = view.focus == Target::EntityArticles;
    let text = match list.len() {
        1 => "1 article mentions it".to_string(),
        n => format!("{n} articles mention it"),
    };
    let heading = title(state, text, state.theme.title(focused), None);
    frame.render_widget(widgets::block(state, heading, focused), area.outer);
    let w = row_width(state, area.rows);
    let times = state.theme.symbols.times;
    let cursor = view.articles;
    let lines: Vec<Line> = list
        .iter()
        .skip(cursor.offset)
        .take(area.rows.height as usize)
        .map(|&a| {
            let a = a as usize;
            let article = &state.model.index.articles[a];
            let count = state
                .model
                .position_in(view.entry, a)
                .and_then(|p| state.model.index.entities(a).get(p).map(|e| e.count))
                .unwrap_or(0);
            let count = format!("{times}{count}");
            let id = article.id.to_string();
            let title_w = w.saturating_sub(width(&id) + width(&count) + 2);
            Line::from(vec![
                Span::styled(id, state.theme.dim()),
                Span::raw(" "),
                Span::raw(cell(state, &article.title, title_w)),
                Span::raw(" "),
                Span::styled(count, state.theme.dim()),
            ])
        })
        .collect();
    let selected = cursor.selected.checked_sub(cursor.offset);
    widgets::rows(state, frame, area.rows, lines, selected, focused);
    widgets::scrollbar(state, frame, area, list.len(), cursor.offset);
}

fn mentions(state: &State, frame: &mut Frame, area: &Area, view: &EntityView) {
    let focused = view.focus == Target::Mentions;
    let count = match view.lines.len() {
        1 => "1 mention".to_string(),
        n => format!("{n} mentions"),
    };
    let name = view
        .lines_for
        .and_then(|a| state.model.index.articles.get(a))
        .map_or(count.clone(), |a| format!("{count} in article {}", a.id));
    let heading = title(state, name, state.theme.title(focused), None);
    frame.render_widget(widgets::block(state, heading, focused), area.outer);
    if view.lines.is_empty() {
        widgets::empty(
            state,
            frame,
            area.rows,
            "No mentions with a place in the text",
        );
        return;
    }
    let kind = state.model.index.table[view.entry].kind;
    let w = row_width(state, area.rows);
    let cursor = view.mentions;
    let shown: Vec<&KwicLine> = view
        .lines
        .iter()
        .skip(cursor.offset)
        .take(area.rows.height as usize)
        .collect();
    let hit_w = shown
        .iter()
        .map(|l| width(&l.hit))
        .max()
        .unwrap_or(0)
        .min(w / 3);
    // Every mention starts in the same column; the context keeps its own spacing.
    let left_w = w.saturating_sub(hit_w) * 2 / 5;
    let lines: Vec<Line> = shown
        .iter()
        .map(|line| {
            let hit = fit(state, &line.hit, hit_w);
            let right_w = w.saturating_sub(left_w + width(&hit));
            Line::from(vec![
                Span::raw(tail(state, &line.left, left_w)),
                Span::styled(hit, state.theme.kind(kind)),
                Span::raw(cell(state, &line.right, right_w)),
            ])
        })
        .collect();
    let selected = cursor
        .selected
        .checked_sub(cursor.offset)
        .filter(|_| focused);
    widgets::rows(state, frame, area.rows, lines, selected, focused);
    widgets::scrollbar(state, frame, area, view.lines.len(), cursor.offset);
}

fn with(state: &State, frame: &mut Frame, area: &Area, view: &EntityView) {
    let focused = view.focus == Target::EntityWith;
    let heading = title(
        state,
        "Occurs with".into(),
        state.theme.title(focused),
        None,
    );
    frame.render_widget(widgets::block(state, heading, focused), area.outer);
    if view.with_rows.is_empty() {
        let message = if state.with_cache.contains_key(&view.entry) {
            "Nothing else occurs in its articles".to_string()
        } else {
            format!("Finding what occurs with it{}", state.theme.symbols.more)
        };
        widgets::empty(state, frame, area.rows, &message);
        return;
    }
    let table = &state.model.index.table;
    let item = |e: usize, shared: usize| (table[e].name.clone(), format!("{shared} art"));
    sectioned::render(
        state,
        frame,
        area,
        &view.with_rows,
        view.with,
        focused,
        &item,
    );
}
