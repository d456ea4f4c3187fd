//! Up, down, first, last and paging, applied to whichever pane has focus.

use super::{height, reader};
use crate::tui::action::Action;
use crate::tui::layout::Target;
use crate::tui::state::{Cursor, ListRow, Screen, State};

/// Moves the selection (or scrolls the text) of pane `target`.
pub fn apply(state: &mut State, target: Target, action: &Action) {
    let page = height(state, target).unwrap_or(1);
    match target {
        Target::ArticleList => {
            let len = state.visible_articles();
            step(&mut state.articles.list, len, action, page);
        }
        Target::ArticlePane(i) => {
            let Some(article) = state.article() else {
                return;
            };
            let len = state
                .article_sections(article)
                .get(i)
                .map_or(0, |s| s.members.len());
            if let Some(cursor) = state.articles.panes.cursors.get_mut(i) {
                step(cursor, len, action, page);
            }
        }
        Target::CorpusPane(i) => {
            let len = state
                .corpus_sections()
                .get(i)
                .map_or(0, |s| s.members.len());
            if let Some(cursor) = state.corpus.panes.cursors.get_mut(i) {
                step(cursor, len, action, page);
            }
        }
        Target::With => {
            let view = &mut state.corpus;
            step_sections(&mut view.with, &view.with_rows, action, page);
        }
        Target::EntityArticles | Target::Mentions | Target::EntityWith => {
            entity(state, target, action, page)
        }
        Target::Text => reader::scroll(state, action, page),
        Target::Sidebar => {
            if let Some(Screen::Reader(view)) = state.stack.last_mut() {
                step_sections(&mut view.sidebar, &view.sidebar_rows, action, page);
            }
        }
        Target::Help | Target::Preview | Target::Filter(_) => {}
    }
}

fn entity(state: &mut State, target: Target, action: &Action, page: usize) {
    let table = &state.model.index.table;
    if let Some(Screen::Entity(view)) = state.stack.last_mut() {
        if target == Target::Mentions {
            step(&mut view.mentions, view.lines.len(), action, page);
        } else if target == Target::EntityWith {
            step_sections(&mut view.with, &view.with_rows, action, page);
        } else {
            let len = table.get(view.entry).map_or(0, |e| e.article_count);
            step(&mut view.articles, len, action, page);
        }
    }
}

/// Where a movement lands in a list of `len` rows, `page` of them visible.
pub fn land(action: &Action, at: usize, len: usize, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let half = (page / 2).max(1);
    let to = match action {
        Action::Down => at + 1,
        Action::Up => at.saturating_sub(1),
        Action::First => 0,
        Action::Last => last,
        Action::HalfPageDown => at + half,
        Action::HalfPageUp => at.saturating_sub(half),
        Action::PageDown => at + page.max(1),
        Action::PageUp => at.saturating_sub(page.max(1)),
        _ => at,
    };
    to.min(last)
}

fn step(cursor: &mut Cursor, len: usize, action: &Action, page: usize) {
    cursor.selected = land(action, cursor.selected, len, page);
}

/// Like a plain move, but headings are skipped.
pub fn step_sections(cursor: &mut Cursor, rows: &[ListRow], action: &Action, page: usize) {
    let to = land(action, cursor.selected, rows.len(), page);
    let forward = to >= cursor.selected;
    if let Some(item) = nearest_item(rows, to, forward) {
        cursor.selected = item;
    }
}

fn nearest_item(rows: &[ListRow], at: usize, forward: bool) -> Option<usize> {
    let is_item = |i: &usize| matches!(rows.get(*i), Some(ListRow::Item(..)));
    let after = (at..rows.len()).find(is_item);
    let before = (0..=at.min(rows.len().saturating_sub(1)))
        .rev()
        .find(is_item);
    if forward {
        after.or(before)
    } else {
        before.or(after)
    }
}

/// Keeps a sectioned list's selection on an item, visible, with its heading
/// in view when it is the first of its section.
pub fn settle_sections(cursor: &mut Cursor, rows: &[ListRow], height: Option<usize>) {
    cursor.settle(rows.len(), height);
    if let Some(item) = nearest_item(rows, cursor.selected, true) {
        cursor.selected = item;
    }
    cursor.settle(rows.len(), height);
    let heading_above =
        cursor.selected > 0 && matches!(rows.get(cursor.selected - 1), Some(ListRow::Header(..)));
    if heading_above && cursor.offset == cursor.selected && height.is_some_and(|h| h >= 2) {
        cursor.offset -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::model::Group;

    #[test]
    fn land_clamps_and_pages() {
        assert_eq!(land(&Action::Down, 4, 5, 3), 4);
        assert_eq!(land(&Action::Up, 0, 5, 3), 0);
        assert_eq!(land(&Action::PageDown, 0, 50, 10), 10);
        assert_eq!(land(&Action::HalfPageUp, 3, 50, 10), 0);
        assert_eq!(land(&Action::Last, 0, 0, 10), 0);
    }

    #[test]
    fn headings_are_never_selected() {
        let rows = vec![
            ListRow::Header(Group::City, 1),
            ListRow::Item(0, 1),
            ListRow::Header(Group::Firm, 1),
            ListRow::Item(1, 1),
        ];
        let mut c = Cursor::default();
        settle_sections(&mut c, &rows, Some(4));
        assert_eq!(c.selected, 1);
        step_sections(&mut c, &rows, &Action::Down, 4);
        assert_eq!(c.selected, 3);
        step_sections(&mut c, &rows, &Action::Up, 4);
        assert_eq!(c.selected, 1);
        step_sections(&mut c, &rows, &Action::First, 4);
        assert_eq!(c.selected, 1);
    }
}
