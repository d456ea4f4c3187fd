//! Entity panes by kind, shared by the article screen (one article's entities)
//! and the corpus view (entries across the corpus): a grid of small panes, or
//! one pane with a strip of kind names when the grid does not fit.

use super::widgets::{self, cell, cell_right, row_width, title};
use crate::query::Reason;
use crate::text::width;
use crate::tui::layout::{Area, Target};
use crate::tui::model::Section;
use crate::tui::state::{Panes, State};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// What a set of panes shows.
pub struct PaneSet<'a> {
    /// The sections, one per pane.
    pub sections: &'a [Section],
    /// Selections.
    pub panes: &'a Panes,
    /// Whether one of these panes has focus.
    pub focused: bool,
    /// The name and number of one member.
    pub row: &'a dyn Fn(usize) -> (String, String),
    /// Why a member matched the filter over these panes (None without one).
    pub reason: &'a dyn Fn(usize) -> Option<Reason>,
    /// What an empty set says.
    pub empty: &'a str,
    /// Whether the last focused pane keeps showing its selection when the
    /// panes lose focus (the corpus view: it decides the co-occurrence list).
    pub keep_selection: bool,
}

/// Draws the panes among `areas` (those targeting an article or corpus pane).
pub fn render(state: &State, frame: &mut Frame, areas: &[Area], set: &PaneSet) {
    for area in areas {
        let (Target::ArticlePane(i) | Target::CorpusPane(i)) = area.target else {
            continue;
        };
        match set.sections.get(i) {
            Some(section) => pane(state, frame, area, set, i, section),
            None => {
                let block = widgets::block(
                    state,
                    title(state, "Entities".into(), state.theme.strong(), None),
                    false,
                );
                frame.render_widget(block, area.outer);
                widgets::empty(state, frame, area.rows, set.empty);
            }
        }
    }
}

fn pane(state: &State, frame: &mut Frame, area: &Area, set: &PaneSet, i: usize, section: &Section) {
    let focused = set.focused && set.panes.focus == i;
    let kind_style = state.theme.kind(section.group.kind());
    let heading = title(
        state,
        section.group.title().to_string(),
        kind_style,
        Some(section.members.len()),
    );
    frame.render_widget(widgets::block(state, heading, focused), area.outer);
    if area.tabbed {
        let strip = Rect::new(area.rows.x, area.rows.y - 1, area.rows.width, 1);
        render_strip(state, frame, strip, set.sections, i);
    }
    let Some(cursor) = set.panes.cursors.get(i) else {
        return;
    };
    let w = row_width(state, area.rows);
    let height = area.rows.height as usize;
    let lines: Vec<Line> = section
        .members
        .iter()
        .skip(cursor.offset)
        .take(height)
        .map(|&member| {
            let (name, number) = (set.row)(member);
            let number_width = width(&number).min(w / 2);
            let name_width = w.saturating_sub(number_width + 1);
            let reason = (set.reason)(member);
            let mut spans = match &reason {
                Some(r) => super::matches::entity_name(state, &name, Some(r), name_width),
                None => vec![Span::raw(cell(state, &name, name_width))],
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                cell_right(state, &number, number_width),
                state.theme.dim(),
            ));
            Line::from(spans)
        })
        .collect();
    let shows = set.panes.focus == i && (set.focused || set.keep_selection);
    let selected = cursor.selected.checked_sub(cursor.offset).filter(|_| shows);
    widgets::rows(state, frame, area.rows, lines, selected, focused);
    widgets::scrollbar(state, frame, area, section.members.len(), cursor.offset);
}

/// The one-line strip of kind names above a tabbed pane, the shown one
/// highlighted and kept in view.
fn render_strip(
    state: &State,
    frame: &mut Frame,
    area: Rect,
    sections: &[Section],
    current: usize,
) {
    let symbols = state.theme.symbols;
    let labels: Vec<String> = sections
        .iter()
        .map(|s| format!(" {} {} ", s.group.title(), s.members.len()))
        .collect();
    let room = (area.width as usize).saturating_sub(2);
    let mut first = 0;
    while first < current
        && labels[first..=current]
            .iter()
            .map(|l| width(l))
            .sum::<usize>()
            > room
    {
        first += 1;
    }
    let mut spans = vec![Span::styled(
        if first > 0 { symbols.left } else { " " },
        state.theme.dim(),
    )];
    let mut used = 0;
    let mut last = first;
    for (i, label) in labels.iter().enumerate().skip(first) {
        if used + width(label) > room {
            break;
        }
        used += width(label);
        last = i;
        let style = if i == current {
            state
                .theme
                .kind(sections[i].group.kind())
                .patch(state.theme.strong())
        } else {
            state.theme.dim()
        };
        spans.push(Span::styled(label.clone(), style));
    }
    if last + 1 < labels.len() {
        spans.push(Span::styled(symbols.right, state.theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
