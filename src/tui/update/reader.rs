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
        if view.wrapped.width != width || view.wrapped.labels != labels {
            let anchor = view.wrapped.rows.get(view.scroll).map(|r| r.start);
            view.wrapped = Wrapped::new(&view.doc, width, labels);
            view.scroll = anchor.map_or(0, |a| view.wrapped.row_of(a));
        }
        let last = view.wrapped.rows.len().saturating_sub(rows.height as usize);
        view.scroll = view.scroll.min(last);
    }
    if view.sidebar_rows.is_empty() {
        view.in_sidebar = false;
    }
    moves::settle_sections(&mut view.sidebar, &view.sidebar_rows, sidebar_height);
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
    mention(view, i).map(|r| view.wrapped.row_of(r.start))
}

/// Scrolls so the current mention is on screen, a third of the way down.
pub fn reveal(state: &mut State) {
    let page = height(state, Target::Text).unwrap_or(1);
    let Some(view) = view_mut(state) else { return };
    let Some(row) = view.mention.and_then(|m| row_of(view, m)) else {
        return;
    };
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

fn first_from(view: &ReaderView, row: usize, count: usize) -> (usize, bool) {
    match (0..count).find(|&i| row_of(view, i).is_some_and(|r| r >= row)) {
        Some(i) => (i, false),
        None => (0, true),
    }
}

fn last_before(view: &ReaderView, row: usize, count: usize) -> (usize, bool) {
    match (0..count)
        .rev()
        .find(|&i| row_of(view, i).is_some_and(|r| r < row))
    {
        Some(i) => (i, false),
        None => (count - 1, true),
    }
}

/// Line and page movements of the text.
pub fn scroll(state: &mut State, action: &Action, page: usize) {
    let Some(view) = view_mut(state) else { return };
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
