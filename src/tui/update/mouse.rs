//! The mouse: the wheel scrolls the pane under the pointer; a click focuses a
//! pane and selects the row under it; a click on the selected row opens it;
//! a click on a tab in the header switches to it.

use super::{focused, moves, open};
use crate::tui::action::{Action, Mouse, MouseKind};
use crate::tui::layout::{self, Area, Target};
use crate::tui::state::{Cursor, ListRow, Screen, State};
use crate::tui::view::header;

/// Rows the wheel moves per notch.
const WHEEL: usize = 3;

/// Applies one mouse event.
pub fn handle(state: &mut State, event: Mouse) {
    if event.row == 0 && event.kind == MouseKind::Click && state.help.is_none() {
        super::filter::stop_editing(state);
        if let Some(tab) = header::tab_at(state, event.column) {
            super::show(state, tab);
        }
        return;
    }
    let areas = layout::areas(state);
    let hit = areas.iter().find(|a| {
        let r = a.outer;
        event.column >= r.x
            && event.column < r.right()
            && event.row >= r.y
            && event.row < r.bottom()
    });
    let Some(area) = hit.copied() else { return };
    match event.kind {
        MouseKind::ScrollDown | MouseKind::ScrollUp => wheel(state, area, event.kind),
        MouseKind::Click => click(state, area, event.row),
    }
}

fn wheel(state: &mut State, area: Area, kind: MouseKind) {
    let action = if kind == MouseKind::ScrollDown {
        Action::Down
    } else {
        Action::Up
    };
    if area.target == Target::Help {
        for _ in 0..WHEEL {
            super::help(state, action.clone());
        }
        return;
    }
    for _ in 0..WHEEL {
        moves::apply(state, area.target, &action);
    }
}

fn click(state: &mut State, area: Area, row: u16) {
    if let Target::Filter(slot) = area.target {
        super::filter::edit_again(state, slot);
        return;
    }
    super::filter::stop_editing(state);
    let was_focused = focused(state) == area.target;
    set_focus(state, area.target);
    let rows = area.rows;
    if row < rows.y || row >= rows.bottom() {
        return;
    }
    let offset = usize::from(row - rows.y);
    let Some((cursor, sections)) = cursor_mut(state, area.target) else {
        return;
    };
    let index = cursor.offset + offset;
    if let Some(list) = sections
        && !matches!(list.get(index), Some(ListRow::Item(..)))
    {
        return;
    }
    let again = was_focused && cursor.selected == index;
    cursor.selected = index;
    if again {
        open::open(state);
    }
}

/// Gives focus to the pane of `target`.
pub fn set_focus(state: &mut State, target: Target) {
    match (target, state.stack.last_mut()) {
        (Target::Text | Target::Sidebar, Some(Screen::Reader(view))) => {
            view.in_sidebar = target == Target::Sidebar;
        }
        (
            Target::EntityArticles | Target::Mentions | Target::EntityWith,
            Some(Screen::Entity(view)),
        ) => {
            view.focus = target;
        }
        (Target::ArticleList, None) => state.articles.in_panes = false,
        (Target::ArticlePane(i), None) => {
            state.articles.in_panes = true;
            state.articles.panes.focus = i;
        }
        (Target::CorpusPane(i), None) => {
            state.corpus.in_with = false;
            state.corpus.panes.focus = i;
        }
        (Target::With, None) => state.corpus.in_with = true,
        _ => {}
    }
}

/// The cursor of a list pane, with its rows when the list has headings.
fn cursor_mut(state: &mut State, target: Target) -> Option<(&mut Cursor, Option<&[ListRow]>)> {
    match (target, state.stack.last_mut()) {
        (Target::Sidebar, Some(Screen::Reader(view))) => {
            Some((&mut view.sidebar, Some(&view.sidebar_rows[..])))
        }
        (Target::EntityArticles, Some(Screen::Entity(view))) => Some((&mut view.articles, None)),
        (Target::Mentions, Some(Screen::Entity(view))) => Some((&mut view.mentions, None)),
        (Target::EntityWith, Some(Screen::Entity(view))) => {
            Some((&mut view.with, Some(&view.with_rows[..])))
        }
        (Target::ArticleList, None) => Some((&mut state.articles.list, None)),
        (Target::ArticlePane(i), None) => Some((state.articles.panes.cursors.get_mut(i)?, None)),
        (Target::CorpusPane(i), None) => Some((state.corpus.panes.cursors.get_mut(i)?, None)),
        (Target::With, None) => {
            let view = &mut state.corpus;
            Some((&mut view.with, Some(&view.with_rows[..])))
        }
        _ => None,
    }
}
