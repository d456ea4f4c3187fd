//! Pieces every pane uses: the bordered block with focus shown, list rows with
//! a selection marker, fitting untrusted text into a number of cells, scrollbars.

use crate::text::{sanitize_line, width};
use crate::tui::layout::Area;
use crate::tui::state::State;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthChar;

/// Sanitises `s` and cuts it to `max` cells, ending in the theme's ellipsis.
pub fn fit(state: &State, s: &str, max: usize) -> String {
    let ellipsis = state.theme.symbols.ellipsis;
    let mut clean = sanitize_line(s);
    // A symbol set without "…" (the Linux console's font lacks it) shows its
    // own ellipsis for one in the text too (a derived title ends with one).
    if ellipsis != "…" && clean.contains('…') {
        clean = clean.replace('…', ellipsis).into();
    }
    if width(&clean) <= max {
        return clean.into_owned();
    }
    let room = max.saturating_sub(width(ellipsis));
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if max >= width(ellipsis) {
        out.push_str(ellipsis);
    }
    out
}

/// Like [`fit`], padded with spaces to exactly `cells` cells.
pub fn cell(state: &State, s: &str, cells: usize) -> String {
    let mut out = fit(state, s, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Like [`cell`] but aligned right.
pub fn cell_right(state: &State, s: &str, cells: usize) -> String {
    let text = fit(state, s, cells);
    let pad = cells.saturating_sub(width(&text));
    format!("{}{text}", " ".repeat(pad))
}

/// The last `max` cells of already-sanitised `s`, starting with the ellipsis
/// when cut, right-aligned in `max` cells.
pub fn tail(state: &State, s: &str, max: usize) -> String {
    if width(s) <= max {
        return format!("{}{s}", " ".repeat(max - width(s)));
    }
    let ellipsis = state.theme.symbols.ellipsis;
    let room = max.saturating_sub(width(ellipsis));
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        kept.push(c);
    }
    let body: String = kept.into_iter().rev().collect();
    let pad = " ".repeat(room - used);
    format!("{pad}{ellipsis}{body}")
}

/// A pane's bordered block, heavier and highlighted when focused.
pub fn block<'a>(state: &State, title: Line<'a>, focused: bool) -> Block<'a> {
    let symbols = state.theme.symbols;
    let set = if focused {
        symbols.focused
    } else {
        symbols.border
    };
    Block::bordered()
        .border_set(set)
        .border_style(state.theme.border(focused))
        .title(title)
}

/// A title: `name` in `style`, then a dim count.
pub fn title<'a>(state: &State, name: String, style: Style, count: Option<usize>) -> Line<'a> {
    let mut spans = vec![Span::raw(" "), Span::styled(name, style)];
    if let Some(n) = count {
        spans.push(Span::styled(format!(" {n}"), state.theme.dim()));
    }
    spans.push(Span::raw(" "));
    Line::from(spans)
}

/// Draws rows into a pane: each row is a line; `selected` (if shown) is
/// marked and styled for `focused`.
pub fn rows<'a>(
    state: &State,
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'a>>,
    selected: Option<usize>,
    focused: bool,
) {
    let marker = state.theme.symbols.marker;
    let blank = " ".repeat(width(marker));
    let styled: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let chosen = selected == Some(i);
            let lead = if chosen {
                marker.to_string()
            } else {
                blank.clone()
            };
            let mut spans = vec![Span::raw(lead)];
            spans.extend(line.spans);
            let line = Line::from(spans);
            if chosen {
                line.style(state.theme.selected(focused))
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(styled), area);
}

/// Width left for a row's text after the selection marker.
pub fn row_width(state: &State, area: Rect) -> usize {
    (area.width as usize).saturating_sub(width(state.theme.symbols.marker))
}

/// A centred, dim message in an empty pane.
pub fn empty(state: &State, frame: &mut Frame, area: Rect, message: &str) {
    let text = fit(state, message, (area.width as usize).saturating_sub(1));
    let line = Line::styled(format!(" {text}"), state.theme.dim());
    frame.render_widget(Paragraph::new(line), area);
}

/// A vertical scrollbar on the right border of `area` when `len` rows do not fit.
pub fn scrollbar(state: &State, frame: &mut Frame, area: &Area, len: usize, offset: usize) {
    let visible = area.rows.height as usize;
    if len <= visible || area.outer.height < 3 {
        return;
    }
    let symbols = state.theme.symbols;
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some(symbols.track))
        .thumb_symbol(symbols.thumb)
        .track_style(state.theme.dim());
    // Positions are the first visible row: 0 ..= len - visible.
    let mut position = ScrollbarState::new(len - visible + 1)
        .position(offset)
        .viewport_content_length(visible);
    let rect = Rect::new(area.outer.right() - 1, area.rows.y, 1, area.rows.height);
    frame.render_stateful_widget(bar, rect, &mut position);
}

/// Splits plain text into lines of at most `max` cells at spaces.
pub fn wrap_words(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && width(&line) + 1 + width(word) > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}
