//! `update(&mut State, Action)`: every change to the state, with no I/O and no
//! terminal. After each action, [`settle`] keeps selections in range and
//! visible and refreshes what depends on them (context lines, wrapping).

mod act;
pub mod facets;
pub mod filter;
pub mod find;
mod focus;
mod mouse;
mod moves;
mod open;
mod pick;
pub mod reader;
pub mod results;

pub use act::refresh as refresh_sort;
pub use focus::{compute_with_rows, with_rows};
pub use reader::position as reader_position;

use super::action::Action;
use super::layout::{self, Target};
use super::state::{Exit, Request, Screen, State, Tab};

/// Applies one action to the state.
pub fn update(state: &mut State, action: Action) {
    if !matches!(
        action,
        Action::Resize(..)
            | Action::Mouse(_)
            | Action::Filtered(_)
            | Action::Faceted(_)
            | Action::Caption(_)
            | Action::Progress(_)
            | Action::Retake
    ) {
        state.message = None;
    }
    match action {
        Action::Resize(width, height) => {
            state.width = width;
            state.height = height;
        }
        Action::Quit => pick::quit(state),
        Action::Signal(signal) => state.exit = Some(Exit::Signal(signal)),
        Action::Suspend => suspend(state),
        Action::Retake => state.request = Some(Request::Retake),
        Action::Caption(text) => state.caption = text,
        Action::Progress(now) => {
            if let Some(loading) = state.loading.as_mut() {
                loading.progress = Some(now);
            }
            if let Some(arriving) = state.arriving.as_mut() {
                *arriving = Some(now);
            }
        }
        Action::Help => state.help = if state.help.is_some() { None } else { Some(0) },
        Action::Paste(text) => filter::type_text(state, &text),
        Action::Filtered(found) => results::receive(state, found),
        Action::Faceted(facet) => facets::receive(state, facet),
        Action::FilterInput(key) => filter::input(state, key),
        Action::Edit(edit) => {
            if let Some(slot) = state.filters.editing() {
                filter::edit_line(state, slot, edit);
            } else if find::editing(state) {
                find::edit(state, edit);
            }
        }
        Action::Mouse(event) => mouse::handle(state, event),
        other if state.help.is_some() => help(state, other),
        Action::ShowArticles => show(state, Tab::Articles),
        Action::ShowCorpus => show(state, Tab::Corpus),
        Action::NextPane => focus::cycle(state, true),
        Action::PrevPane => focus::cycle(state, false),
        Action::Back => back(state),
        Action::Open => open::open(state),
        Action::NextMention if find::active(state) => find::jump(state, true),
        Action::PrevMention if find::active(state) => find::jump(state, false),
        Action::NextMention => reader::jump(state, true),
        Action::PrevMention => reader::jump(state, false),
        Action::ToggleLabels => state.labels = !state.labels,
        Action::Filter if matches!(focused(state), Target::Text | Target::Sidebar) => {
            find::open(state)
        }
        Action::Filter => filter::open(state),
        Action::Sort => act::sort(state),
        Action::OpenUrl => act::open_url(state),
        Action::Copy => act::copy(state),
        Action::Pick(key) => pick::key(state, key),
        movement => {
            let target = focused(state);
            moves::apply(state, target, &movement);
        }
    }
    settle(state);
}

fn suspend(state: &mut State) {
    if state.job_control {
        state.request = Some(Request::Suspend);
    } else {
        state.message =
            Some("Cannot suspend: not started as a job by a shell with job control".into());
    }
}

fn show(state: &mut State, tab: Tab) {
    filter::stop_editing(state);
    state.stack.clear();
    state.tab = tab;
}

fn help(state: &mut State, action: Action) {
    let offset = state.help.unwrap_or(0);
    let page = height(state, Target::Help).unwrap_or(1);
    state.help = match action {
        Action::Back => None,
        Action::Down => Some(offset + 1),
        Action::Up => Some(offset.saturating_sub(1)),
        Action::PageDown | Action::HalfPageDown => Some(offset + page / 2),
        Action::PageUp | Action::HalfPageUp => Some(offset.saturating_sub(page / 2)),
        Action::First => Some(0),
        Action::Last => Some(usize::MAX / 2),
        _ => Some(offset),
    };
}

fn back(state: &mut State) {
    if find::clear(state) || state.stack.pop().is_some() || filter::clear_applied(state) {
        return;
    }
    match state.tab {
        Tab::Articles if state.articles.in_panes => state.articles.in_panes = false,
        Tab::Articles if state.pick.is_some() => pick::cancel(state),
        Tab::Articles => state.message = Some("Press q to quit".into()),
        Tab::Corpus => state.tab = Tab::Articles,
    }
}

/// The pane that has focus now (the filter line while it has the keys).
pub fn focused(state: &State) -> Target {
    if state.help.is_some() {
        return Target::Help;
    }
    if state.stack.is_empty()
        && let Some(slot) = state.filters.editing()
    {
        return Target::Filter(slot);
    }
    match state.screen() {
        Some(Screen::Reader(view)) if view.in_sidebar => Target::Sidebar,
        Some(Screen::Reader(_)) => Target::Text,
        Some(Screen::Entity(view)) => view.focus,
        None => match state.tab {
            Tab::Articles if state.articles.in_panes => {
                Target::ArticlePane(state.articles.panes.focus)
            }
            Tab::Articles => Target::ArticleList,
            Tab::Corpus if state.corpus.in_with => Target::With,
            Tab::Corpus => Target::CorpusPane(state.corpus.panes.focus),
        },
    }
}

/// Rows visible in the pane of `target`, when it is on screen.
fn height(state: &State, target: Target) -> Option<usize> {
    layout::find(state, target).map(|a| a.rows.height as usize)
}

/// Keeps every selection in range and visible, and rebuilds what depends on
/// the selection or the size (only when those changed).
pub fn settle(state: &mut State) {
    act::refresh(state);
    focus::settle_articles(state);
    facets::request(state);
    facets::settle_narrowed(state);
    focus::settle_corpus(state);
    match state.stack.last() {
        Some(Screen::Entity(_)) => open::settle_entity(state),
        Some(Screen::Reader(_)) => reader::settle(state),
        None => {}
    }
    if let Some(offset) = state.help {
        let rows = super::view::help::line_count(state);
        let height = height(state, Target::Help).unwrap_or(1);
        state.help = Some(offset.min(rows.saturating_sub(height)));
    }
}
