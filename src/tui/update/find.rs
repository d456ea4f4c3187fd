//! `/` in the reader: a find line at the foot of the text, hits found again
//! as it is typed (the first one at or below the top of the screen shown),
//! Enter keeps them for `n`/`N`, Esc drops them (and `n`/`N` walk mentions
//! again). The line edits with the filter line's keys.

use super::height;
use crate::tui::action::Edit;
use crate::tui::find::{Find, hits};
use crate::tui::keymap::Key;
use crate::tui::layout::Target;
use crate::tui::state::{ReaderView, Screen, State};

fn view_mut(state: &mut State) -> Option<&mut ReaderView> {
    match state.stack.last_mut() {
        Some(Screen::Reader(view)) => Some(view),
        _ => None,
    }
}

fn find(state: &State) -> Option<&Find> {
    match state.screen() {
        Some(Screen::Reader(view)) => view.find.as_ref(),
        _ => None,
    }
}

/// Whether the find line has the keys.
pub fn editing(state: &State) -> bool {
    find(state).is_some_and(|f| f.editing)
}

/// Whether `n`/`N` walk found text (a find was kept and has hits).
pub fn active(state: &State) -> bool {
    find(state).is_some_and(|f| !f.editing && !f.hits.is_empty())
}

/// `/` in the reader: the find line, empty, or with the last text to edit.
pub fn open(state: &mut State) {
    let Some(view) = view_mut(state) else {
        return;
    };
    view.in_sidebar = false;
    let find = view.find.get_or_insert_with(Find::default);
    find.editing = true;
    find.line.end();
}

/// A key typed while the find line is open.
pub fn input(state: &mut State, key: Key) {
    if let Some(edit) = state.keymap.line_action(key) {
        self::edit(state, edit);
    } else if let Key::Char(c) = key {
        type_text(state, &c.to_string());
    } else if let Some(crate::tui::action::Action::Quit) = state.keymap.action(key) {
        super::pick::quit(state);
    }
}

/// Typed or pasted text, into the find line.
pub fn type_text(state: &mut State, text: &str) {
    if let Some(find) = view_mut(state).and_then(|v| v.find.as_mut()) {
        find.line.insert(text);
    }
    search(state);
}

/// An editing command on the find line.
pub fn edit(state: &mut State, edit: Edit) {
    let Some(find) = view_mut(state).and_then(|v| v.find.as_mut()) else {
        return;
    };
    let line = &mut find.line;
    let changed = match edit {
        Edit::Accept => {
            find.editing = false;
            let (empty, none) = (line.text().is_empty(), find.hits.is_empty());
            if empty {
                clear(state);
            } else if none {
                state.message = Some("Pattern not found".into());
            }
            return;
        }
        Edit::Clear => {
            clear(state);
            return;
        }
        Edit::Left => {
            line.left();
            false
        }
        Edit::Right => {
            line.right();
            false
        }
        Edit::Start => {
            line.home();
            false
        }
        Edit::End => {
            line.end();
            false
        }
        Edit::Backspace => line.backspace(),
        Edit::Delete => line.delete(),
        Edit::KillStart => line.kill_start(),
        Edit::KillEnd => line.kill_end(),
        Edit::KillWord => line.kill_word(),
        Edit::NextScope | Edit::PrevScope | Edit::Older | Edit::Newer => false,
    };
    if changed {
        search(state);
    }
}

/// Finds the line's text again and shows the first hit at or below the top
/// of the screen (as less does).
fn search(state: &mut State) {
    let Some(view) = view_mut(state) else {
        return;
    };
    let top = view.wrapped.rows.get(view.scroll).map_or(0, |r| r.start);
    let Some(find) = view.find.as_mut() else {
        return;
    };
    find.hits = hits(&view.doc.text, find.line.text());
    find.current = find
        .hits
        .iter()
        .position(|h| h.start >= top)
        .or((!find.hits.is_empty()).then_some(0));
    reveal(state);
}

/// Esc: drops the find line and its hits. False when there was none.
pub fn clear(state: &mut State) -> bool {
    match view_mut(state) {
        Some(view) if view.find.is_some() => {
            view.find = None;
            true
        }
        _ => false,
    }
}

/// `n` (forward) or `N`: the next hit, wrapping around with a note.
pub fn jump(state: &mut State, forward: bool) {
    let Some(find) = view_mut(state).and_then(|v| v.find.as_mut()) else {
        return;
    };
    let count = find.hits.len();
    if count == 0 {
        return;
    }
    let (next, wrapped) = match (find.current, forward) {
        (Some(i), true) if i + 1 < count => (i + 1, false),
        (Some(_), true) => (0, true),
        (Some(i), false) if i > 0 => (i - 1, false),
        (Some(_), false) => (count - 1, true),
        (None, _) => (0, false),
    };
    find.current = Some(next);
    if wrapped {
        let end = if forward { "first" } else { "last" };
        state.message = Some(format!("Wrapped around to the {end} hit"));
    }
    reveal(state);
}

/// Scrolls so the current hit is on screen, a third of the way down.
fn reveal(state: &mut State) {
    let page = height(state, Target::Text).unwrap_or(1);
    let Some(view) = view_mut(state) else {
        return;
    };
    let Some(hit) = view
        .find
        .as_ref()
        .and_then(|f| f.current.and_then(|c| f.hits.get(c)))
    else {
        return;
    };
    let row = view.wrapped.row_of(hit.start);
    if row < view.scroll || row >= view.scroll + page {
        view.scroll = row.saturating_sub(page / 3);
    }
    let last = view.wrapped.rows.len().saturating_sub(page);
    view.scroll = view.scroll.min(last);
}
