//! A list split into kind sections with headings: the corpus view's
//! co-occurrence list and the reader's entity list.

use super::widgets::{self, cell, cell_right, row_width};
use crate::text::width;
use crate::tui::layout::Area;
use crate::tui::state::{Cursor, ListRow, State};
use ratatui::Frame;
use ratatui::text::{Line, Span};

/// Draws `rows` into the pane's rows; `item` gives an item's name and number.
pub fn render(
    state: &State,
    frame: &mut Frame,
    area: &Area,
    rows: &[ListRow],
    cursor: Cursor,
    focused: bool,
    item: &dyn Fn(usize, usize) -> (String, String),
) {
    let w = row_width(state, area.rows);
    let lines: Vec<Line> = rows
        .iter()
        .skip(cursor.offset)
        .take(area.rows.height as usize)
        .map(|row| match *row {
            ListRow::Header(group, count) => Line::from(vec![
                Span::styled(
                    format!(" {} ", group.title()),
                    state.theme.kind(group.kind()),
                ),
                Span::styled(format!(" {count}"), state.theme.dim()),
            ]),
            ListRow::Item(id, number) => {
                let (name, number) = item(id, number);
                let number_width = width(&number).min(w / 2);
                let name_width = w.saturating_sub(number_width + 1);
                Line::from(vec![
                    Span::raw(cell(state, &name, name_width)),
                    Span::raw(" "),
                    Span::styled(cell_right(state, &number, number_width), state.theme.dim()),
                ])
            }
        })
        .collect();
    // These lists decide nothing elsewhere: their selection shows only with focus.
    let selected = cursor
        .selected
        .checked_sub(cursor.offset)
        .filter(|_| focused);
    widgets::rows(state, frame, area.rows, lines, selected, focused);
    widgets::scrollbar(state, frame, area, rows.len(), cursor.offset);
}
