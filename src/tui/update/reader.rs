//! The reader: scrolling, `n`/`N` between mentions, following an entity, and
//! re-wrapping only when the width or the label setting changed.

use super::{height, moves};
use crate::tui::action::Action;
use crate::tui::layout::{self, Target};
use crate::tui::state::{ListRow, ReaderView, Screen, State};
use crate::tui::wrap::Wrapped;
use std::ops::Range;

fn view_mut(state: &mut State) -> Option<&mut ReaderView> {
    match state.stack.last_mut() {
        Some(Screen::Reader(view)) => Some(view),
        _ => None,
    }
}

/// Wraps the text to the pane's width when that changed, and keeps the
/// scroll position and sidebar selection valid.
pub fn settle(state: &mut State) {
    let text = layout::find(state, Target::Text).map(|a| a.rows);
    let sidebar_height = height(state, Target::Sidebar);
    let labels = state.labels;
    let Some(view) = view_mut(state) else { return };
    if let Some(rows) = text {
        let width = (rows.width as usize).max(1);
        let page = rows.height as usize;
        if view.wrapped.width != width || view.wrapped.labels != labels {
            let anchor = view.wrapped.rows.get(view.scroll).map_or(0, |r| r.start);
            lay_out_at(view, width, labels, anchor, page);
        }
        keep_laid_out(view, page);
        let last = view.wrapped.rows.len().saturating_sub(page);
        view.scroll = view.scroll.min(last);
    }
    if view.sidebar_rows.is_empty() {
        view.in_sidebar = false;
    }
    moves::settle_sections(&mut view.sidebar, &view.sidebar_rows, sidebar_height);
}

/// Lays the text out again around text offset `anchor` (all of it, unless it
/// is huge), scrolled so `anchor`'s row is on top.
fn lay_out_at(view: &mut ReaderView, width: usize, labels: bool, anchor: usize, page: usize) {
    view.wrapped = Wrapped::at(&view.doc, width, labels, anchor, page);
    view.scroll = view.wrapped.row_of(anchor);
}

/// In a huge text, lays out more lines when the screen comes near the edge
/// of those laid out (and forgets those far from it).
fn keep_laid_out(view: &mut ReaderView, page: usize) {
    let wrapped = &view.wrapped;
    let near_top = view.scroll < page && !wrapped.at_start();
    let near_end = view.scroll + 2 * page > wrapped.rows.len() && !wrapped.at_end(&view.doc);
    if near_top || near_end {
        let anchor = wrapped.rows.get(view.scroll).map_or(0, |r| r.start);
        let (width, labels) = (wrapped.width, wrapped.labels);
        lay_out_at(view, width, labels, anchor, page);
    }
}

/// The row of text offset `offset`, laying out the lines around it first
/// when they are not (a huge text).
fn locate(view: &mut ReaderView, offset: usize, page: usize) -> usize {
    if let Some(row) = view.wrapped.find_row(&view.doc, offset) {
        return row;
    }
    let (width, labels) = (view.wrapped.width, view.wrapped.labels);
    let scroll = view.scroll;
    lay_out_at(view, width, labels, offset, page);
    let row = view.wrapped.row_of(offset);
    view.scroll = scroll.min(row);
    row
}

/// The mentions `n`/`N` walk: the followed entity's, or every highlight.
fn mention(view: &ReaderView, i: usize) -> Option<Range<usize>> {
    match view.follow {
        Some(p) => view.doc.mentions.get(p)?.get(i).cloned(),
        None => view.doc.spans.get(i).map(|s| s.range.clone()),
    }
}

/// The current mention (if any) and how many there are to walk.
pub fn position(view: &ReaderView) -> (Option<usize>, usize) {
    (view.mention, mention_count(view))
}

/// How many mentions `n`/`N` walk.
pub fn mention_count(view: &ReaderView) -> usize {
    match view.follow {
        Some(p) => view.doc.mentions.get(p).map_or(0, Vec::len),
        None => view.doc.spans.len(),
    }
}

fn row_of(view: &ReaderView, i: usize) -> Option<usize> {
    mention(view, i).and_then(|r| view.wrapped.find_row(&view.doc, r.start))
}

/// Scrolls so the current mention is on screen, a third of the way down.
pub fn reveal(state: &mut State) {
    let page = height(state, Target::Text).unwrap_or(1);
    let Some(view) = view_mut(state) else { return };
    let Some(start) = view.mention.and_then(|m| mention(view, m)).map(|r| r.start) else {
        return;
    };
    let row = locate(view, start, page);
    if row < view.scroll || row >= view.scroll + page {
        view.scroll = row.saturating_sub(page / 3);
    }
    let last = view.wrapped.rows.len().saturating_sub(page);
    view.scroll = view.scroll.min(last);
}

/// `n` (forward) or `N`: the next mention from the current one, or from the
/// screen when the current one was scrolled away; wraps around with a note.
pub fn jump(state: &mut State, forward: bool) {
    let page = height(state, Target::Text).unwrap_or(1);
    let Some(view) = view_mut(state) else {
        state.message = Some("n and N jump between mentions in the reader".into());
        return;
    };
    let count = mention_count(view);
    if count == 0 {
        state.message = Some("No mentions to jump to".into());
        return;
    }
    let visible = |row: usize| row >= view.scroll && row < view.scroll + page;
    let current = view
        .mention
        .filter(|&m| row_of(view, m).is_some_and(visible));
    let (next, wrapped) = match (current, forward) {
        (Some(m), true) if m + 1 < count => (m + 1, false),
        (Some(_), true) => (0, true),
        (Some(m), false) if m > 0 => (m - 1, false),
        (Some(_), false) => (count - 1, true),
        (None, true) => first_from(view, view.scroll, count),
        (None, false) => last_before(view, view.scroll + page, count),
    };
    view.mention = Some(next);
    if wrapped {
        let end = if forward { "first" } else { "last" };
        state.message = Some(format!("Wrapped around to the {end} mention"));
    }
    reveal(state);
}

/// Where row `row` starts in the text (past the end of what is laid out:
/// where the last row laid out ends, or the end of the text).
fn offset_of_row(view: &ReaderView, row: usize) -> usize {
    match view.wrapped.rows.get(row) {
        Some(r) => r.start,
        None if view.wrapped.at_end(&view.doc) => usize::MAX,
        None => view
            .wrapped
            .lines
            .as_ref()
            .map_or(usize::MAX, |l| view.doc.line(l.end - 1).end + 1),
    }
}

/// Mentions are sorted by where they start, so the first on or below a row
/// is found by where the row starts.
fn first_from(view: &ReaderView, row: usize, count: usize) -> (usize, bool) {
    let from = offset_of_row(view, row);
    let at = partition(view, count, |start| start < from);
    if at < count { (at, false) } else { (0, true) }
}

fn last_before(view: &ReaderView, row: usize, count: usize) -> (usize, bool) {
    let to = offset_of_row(view, row);
    match partition(view, count, |start| start < to) {
        0 => (count - 1, true),
        n => (n - 1, false),
    }
}

/// How many of the walked mentions, from the first, start where `before` holds.
fn partition(view: &ReaderView, count: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = (low + high) / 2;
        if mention(view, mid).is_some_and(|r| before(r.start)) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

/// Line and page movements of the text. In a huge text the start and the
/// end are laid out when gone to.
pub fn scroll(state: &mut State, action: &Action, page: usize) {
    let Some(view) = view_mut(state) else { return };
    if !view.wrapped.is_whole() {
        let (width, labels) = (view.wrapped.width, view.wrapped.labels);
        match action {
            Action::First => return lay_out_at(view, width, labels, 0, page),
            Action::Last => {
                let end = view.doc.text.len();
                lay_out_at(view, width, labels, end, page);
                view.scroll = view.wrapped.rows.len().saturating_sub(page);
                return;
            }
            _ => {}
        }
    }
    let last = view.wrapped.rows.len().saturating_sub(page);
    view.scroll = moves::land(action, view.scroll, last + 1, page);
}

/// Enter in the entity list: follow that entity and show its first mention.
pub fn follow_selected(state: &mut State) {
    let Some(view) = view_mut(state) else { return };
    let Some(&ListRow::Item(position, _)) = view.sidebar_rows.get(view.sidebar.selected) else {
        return;
    };
    view.follow = Some(position);
    view.mention = (mention_count(view) > 0).then_some(0);
    view.in_sidebar = false;
    reveal(state);
}
