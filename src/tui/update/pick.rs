//! Pick mode's keys (`dossier pick`): Tab marks and moves down, S-Tab marks
//! and moves up, Enter ends with the marked articles; quitting (q, Ctrl-C,
//! Esc on the bare list) ends with nothing.

use crate::tui::action::{Action, Pick};
use crate::tui::layout::Target;
use crate::tui::pick::Picked;
use crate::tui::state::{Exit, State};

/// A pick-mode key on the article list.
pub fn key(state: &mut State, key: Pick) {
    let selected = state.article();
    let Some(pick) = state.pick.as_mut() else {
        return;
    };
    match key {
        Pick::Mark | Pick::MarkUp => {
            let Some(article) = selected else {
                return;
            };
            pick.toggle(article);
            let step = if key == Pick::Mark {
                Action::Down
            } else {
                Action::Up
            };
            super::moves::apply(state, Target::ArticleList, &step);
        }
        Pick::Accept => {
            pick.accept(selected);
            state.exit = Some(Exit::Quit);
        }
    }
}

/// Ends pick mode with nothing chosen.
pub fn cancel(state: &mut State) {
    if let Some(pick) = state.pick.as_mut() {
        pick.outcome = Some(Picked::Cancelled);
    }
    state.exit = Some(Exit::Quit);
}

/// The quit key: in pick mode a cancel.
pub fn quit(state: &mut State) {
    cancel(state);
}
