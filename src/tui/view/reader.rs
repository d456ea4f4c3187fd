//! The reader: the cleaned article, entities highlighted in the running text
//! in their kind's colour (outermost span of nested mentions), kind labels on
//! demand, the followed entity's mentions emphasised and the current one
//! reversed; beside it, the article's entities by kind.

use super::sectioned;
use super::widgets::{self, fit, title};
use crate::text::width;
use crate::tui::document::Document;
use crate::tui::layout::{Area, Target};
use crate::tui::state::{ReaderView, Screen, State};
use crate::tui::update::reader_position;
use crate::tui::wrap::{Piece, Row, label_text};
use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;

/// Draws the reader.
pub fn render(state: &State, frame: &mut Frame, areas: &[Area]) {
    let Some(Screen::Reader(view)) = state.screen() else {
        return;
    };
    for area in areas {
        match area.target {
            Target::Text => text(state, frame, area, view),
            Target::Sidebar => sidebar(state, frame, area, view),
            _ => {}
        }
    }
}

fn text(state: &State, frame: &mut Frame, area: &Area, view: &ReaderView) {
    let article = &state.model.index.articles[view.article];
    let focused = !view.in_sidebar;
    let budget = (area.outer.width as usize).saturating_sub(6);
    let heading = title(
        state,
        fit(state, &article.title, budget),
        state.theme.strong(),
        None,
    );
    let mut block = widgets::block(state, heading, focused);
    let foot = match &view.find {
        Some(find) => find_note(state, find),
        None => Line::styled(follow_note(state, view), state.theme.dim()),
    };
    block = block.title_bottom(foot).title_bottom(
        Line::styled(position_note(state, view, area), state.theme.dim()).right_aligned(),
    );
    frame.render_widget(block, area.outer);
    facts(state, frame, area, view);
    if let Some(find) = view.find.as_ref().filter(|f| f.editing) {
        let (_, column) = find.line.window(find_room(area));
        let x = area.outer.x + 3 + column as u16;
        let y = area.outer.bottom().saturating_sub(1);
        frame.set_cursor_position(ratatui::layout::Position::new(
            x.min(area.outer.right().saturating_sub(2)),
            y,
        ));
    }
    let rows = &view.wrapped.rows;

    if view.doc.text.trim().is_empty() {
        widgets::empty(state, frame, area.rows, "This article has no text");
        return;
    }
    let lines: Vec<Line> = rows
        .iter()
        .skip(view.scroll)
        .take(area.rows.height as usize)
        .map(|row| line(state, view, row))
        .collect();
    frame.render_widget(Paragraph::new(lines), area.rows);
    if view.wrapped.is_whole() {
        widgets::scrollbar(state, frame, area, rows.len(), view.scroll);
    } else {
        // Only some rows are laid out: the bar goes by where the screen is in the text.
        let (len, at) = share(view);
        widgets::scrollbar(state, frame, area, len, at);
    }
}

/// Where the screen is in a huge text, as a position out of 1,000 screens'
/// worth: the text's length in bytes stands in for its rows.
fn share(view: &ReaderView) -> (usize, usize) {
    let total = view.doc.text.len().max(1);
    let top = view.wrapped.rows.get(view.scroll).map_or(0, |r| r.start);
    let len = 1000 * 40;
    (
        len,
        (top as f64 / total as f64 * (len - 40) as f64) as usize,
    )
}

/// The row above the text: outlet, date, author and URL (cut at the end
/// when they do not fit), the URL a hyperlink (OSC 8) where the terminal
/// has them, so it can be opened over SSH too.
fn facts(state: &State, frame: &mut Frame, area: &Area, view: &ReaderView) {
    let article = &state.model.index.articles[view.article];
    if area.rows.y <= area.outer.y + 1 {
        return;
    }
    let row = ratatui::layout::Rect::new(area.rows.x, area.rows.y - 1, area.rows.width, 1);
    let dot = state.theme.symbols.dot;
    let facts: Vec<&str> = [
        article.source.as_deref(),
        article.date.as_deref(),
        article.author.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut text = facts.join(dot);
    let url = article
        .url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let url_at = url.map(|u| {
        if !text.is_empty() {
            text.push_str(dot);
        }
        let at = width(&crate::text::sanitize_line(&text));
        text.push_str(u);
        at
    });
    let shown = fit(state, &text, row.width as usize);
    let mut spans = Vec::new();
    match url_at {
        Some(at) if width(&shown) > at => {
            let (head, tail) = split_at_width(&shown, at);
            spans.push(Span::styled(head, state.theme.dim()));
            spans.push(Span::styled(tail, state.theme.link()));
        }
        _ => spans.push(Span::styled(shown, state.theme.dim())),
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), row);
}

/// `s` cut after `cells` cells.
fn split_at_width(s: &str, cells: usize) -> (String, String) {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if used >= cells {
            return (s[..i].to_string(), s[i..].to_string());
        }
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    (s.to_string(), String::new())
}

/// The URL of the reader's article, for the backend's hyperlink (None when
/// no reader is open or the article has none).
pub fn link(state: &State) -> Option<&str> {
    let Some(Screen::Reader(view)) = state.screen() else {
        return None;
    };
    let url = state
        .model
        .index
        .articles
        .get(view.article)?
        .url
        .as_deref()?;
    Some(url.trim()).filter(|u| crate::tui::effects::openable(u))
}

/// Cells the find line's text has on the bottom border.
fn find_room(area: &Area) -> usize {
    (area.outer.width as usize / 2).saturating_sub(16).max(8)
}

/// " /chong  3/12 " on the bottom border: the find line and where its hits are.
fn find_note<'a>(state: &State, find: &crate::tui::find::Find) -> Line<'a> {
    let theme = &state.theme;
    let (shown, _) = find.line.window(48);
    let status = match (find.hits.len(), find.current) {
        (0, _) if find.line.text().is_empty() => String::new(),
        (0, _) => "  not found".to_string(),
        (n, Some(i)) => format!("  {}/{n}", i + 1),
        (n, None) => format!("  {n} hits"),
    };
    let prompt = if find.editing {
        theme.strong()
    } else {
        theme.dim()
    };
    Line::from(vec![
        Span::styled(" /", prompt),
        Span::styled(shown, Style::new()),
        Span::styled(format!("{status} "), theme.dim()),
    ])
}

/// " Chongqing 3/12 " or a hint about n.
fn follow_note(state: &State, view: &ReaderView) -> String {
    let entities = state.model.index.entities(view.article);
    let (current, count) = reader_position(view);
    let name = match view.follow.and_then(|p| entities.get(p)) {
        Some(e) => fit(state, &e.name, 24),
        None if count == 0 => return String::new(),
        None => "entity".to_string(),
    };
    match current {
        Some(i) => format!(" {name} mention {}/{count} ", i + 1),
        // A name only the headline holds has no mention in the text.
        None if count == 0 => format!(" {name}: in the headline only "),
        None => format!(" {count} {name} mentions ",),
    }
}

fn position_note(state: &State, view: &ReaderView, area: &Area) -> String {
    if view.pending {
        let size = state.model.index.body_len(view.article) as f64 / 1e6;
        let more = state.theme.symbols.more;
        return format!(" preparing all {size:.1} MB{more} ");
    }
    if !view.wrapped.is_whole() {
        let top = view.wrapped.rows.get(view.scroll).map_or(0, |r| r.start);
        let share = top as f64 * 100.0 / view.doc.text.len().max(1) as f64;
        return format!(
            " {share:.0}% of {:.1} MB ",
            view.doc.text.len() as f64 / 1e6
        );
    }
    let total = view.wrapped.rows.len();
    let height = area.rows.height as usize;
    if total <= height {
        return String::new();
    }
    let last = (view.scroll + height).min(total);
    format!(" rows {}-{last} of {total} ", view.scroll + 1)
}

/// One wrapped row as styled spans.
fn line<'a>(state: &State, view: &'a ReaderView, row: &Row) -> Line<'a> {
    let doc = &view.doc;
    let followed: &[Range<usize>] = view
        .follow
        .and_then(|p| doc.mentions.get(p))
        .map_or(&[], |m| &m[..]);
    let current = view.mention.and_then(|m| match view.follow {
        Some(_) => followed.get(m).cloned(),
        None => doc.spans.get(m).map(|s| s.range.clone()),
    });
    let mut styled = styled_row(state, doc, row, followed, current.as_ref());
    if let Some(find) = view.find.as_ref().filter(|f| !f.hits.is_empty()) {
        styled = mark_hits(state, doc, row, styled, find);
    }
    styled
}

/// Lays the find hits over a styled row: each hit in the found style (the
/// current one also bold and underlined) over its entity colour.
fn mark_hits<'a>(
    state: &State,
    doc: &'a Document,
    row: &Row,
    line: Line<'a>,
    find: &crate::tui::find::Find,
) -> Line<'a> {
    let start = row.start;
    let end = row
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text { range, .. } => Some(range.end),
            Piece::Label { .. } => None,
        })
        .max()
        .unwrap_or(start);
    let first = find.hits.partition_point(|h| h.end <= start);
    let hits: Vec<(usize, &Range<usize>)> = find.hits[first..]
        .iter()
        .enumerate()
        .take_while(|(_, h)| h.start < end)
        .map(|(i, h)| (first + i, h))
        .collect();
    if hits.is_empty() {
        return line;
    }
    // Walk the spans with their offsets in the text; labels have none.
    let mut out: Vec<Span<'a>> = Vec::new();
    let mut offset = start;
    let mut pieces = row.pieces.iter().filter_map(|p| match p {
        Piece::Text { range, .. } => Some(range.clone()),
        Piece::Label { .. } => None,
    });
    let mut piece = pieces.next();
    if let Some(r) = &piece {
        offset = r.start;
    }
    for span in line.spans {
        let text = span.content.as_ref();
        let is_text = piece.as_ref().is_some_and(|r| {
            offset >= r.start
                && offset + text.len() <= r.end
                && doc.text.get(offset..offset + text.len()) == Some(text)
        });
        if !is_text {
            out.push(span);
            continue;
        }
        let here = offset..offset + text.len();
        let mut cuts = vec![here.start, here.end];
        for (_, h) in &hits {
            cuts.extend([
                h.start.clamp(here.start, here.end),
                h.end.clamp(here.start, here.end),
            ]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let mut style = span.style;
            if let Some((i, _)) = hits.iter().find(|(_, h)| h.start <= a && b <= h.end) {
                style = style.patch(if find.current == Some(*i) {
                    state.theme.found_current()
                } else {
                    state.theme.found()
                });
            }
            out.push(Span::styled(&doc.text[a..b], style));
        }
        offset = here.end;
        if piece.as_ref().is_some_and(|r| offset >= r.end) {
            piece = pieces.next();
            if let Some(r) = &piece {
                offset = r.start;
            }
        }
    }
    Line::from(out)
}

/// A wrapped row of `doc` as styled spans: entities in their kind's colour,
/// `followed` mentions emphasised, `current` reversed.
pub fn styled_row<'a>(
    state: &State,
    doc: &'a Document,
    row: &Row,
    followed: &[Range<usize>],
    current: Option<&Range<usize>>,
) -> Line<'a> {
    let mut spans = Vec::new();
    for piece in &row.pieces {
        match piece {
            Piece::Text { range, span } => {
                let base = span
                    .and_then(|s| doc.spans.get(s))
                    .map_or(Style::new(), |h| state.theme.kind(h.kind));
                split(
                    state,
                    &doc.text,
                    range.clone(),
                    base,
                    followed,
                    current,
                    &mut spans,
                );
            }
            Piece::Label { span } => {
                if let Some(h) = doc.spans.get(*span) {
                    spans.push(Span::styled(label_text(h.kind), state.theme.label(h.kind)));
                }
            }
        }
    }
    Line::from(spans)
}

/// Cuts a text piece where followed mentions start and end, styling each part.
fn split<'a>(
    state: &State,
    text: &'a str,
    range: Range<usize>,
    base: Style,
    followed: &[Range<usize>],
    current: Option<&Range<usize>>,
    out: &mut Vec<Span<'a>>,
) {
    let mut cuts = vec![range.start, range.end];
    let first = followed.partition_point(|m| m.end <= range.start);
    for m in followed[first..].iter().take_while(|m| m.start < range.end) {
        cuts.extend([m.start, m.end]);
    }
    if let Some(c) = current {
        cuts.extend([c.start, c.end]);
    }
    cuts.retain(|&c| c >= range.start && c <= range.end);
    cuts.sort_unstable();
    cuts.dedup();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let inside = |m: &Range<usize>| m.start <= a && b <= m.end;
        let mut style = base;
        if followed[first..]
            .iter()
            .take_while(|m| m.start < b)
            .any(inside)
        {
            style = style.patch(state.theme.followed());
        }
        if current.is_some_and(inside) {
            style = style.patch(state.theme.current());
        }
        out.push(Span::styled(&text[a..b], style));
    }
}

fn sidebar(state: &State, frame: &mut Frame, area: &Area, view: &ReaderView) {
    let entities = state.model.index.entities(view.article);
    let heading = title(
        state,
        "Entities".into(),
        state.theme.title(view.in_sidebar),
        Some(entities.len()),
    );
    frame.render_widget(ratatui::widgets::Clear, area.outer);
    frame.render_widget(widgets::block(state, heading, view.in_sidebar), area.outer);
    let times = state.theme.symbols.times;
    let item = |p: usize, count: usize| {
        let mark = if view.follow == Some(p) {
            state.theme.symbols.arrow
        } else {
            ""
        };
        (
            format!("{mark}{}", entities[p].name),
            format!("{times}{count}"),
        )
    };
    sectioned::render(
        state,
        frame,
        area,
        &view.sidebar_rows,
        view.sidebar,
        view.in_sidebar,
        &item,
    );
}
