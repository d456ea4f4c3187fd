//! The filter line: opening it on the list in focus, typing and editing,
//! the scope chip, the history, Enter and Esc. Queries leave as requests in
//! the outbox; nothing here runs them (results come in through
//! [`super::results`]).

use super::focused;
use crate::tui::action::{Action, Edit};
use crate::tui::filter::{Filter, Line, Request, Slot, next_scope};
use crate::tui::keymap::Key;
use crate::tui::layout::Target;
use crate::tui::state::State;

/// The filter a pane belongs to.
pub fn slot_of(target: Target) -> Option<Slot> {
    match target {
        Target::ArticleList => Some(Slot::Articles),
        Target::ArticlePane(_) => Some(Slot::Entities),
        Target::CorpusPane(_) | Target::With => Some(Slot::Corpus),
        Target::Filter(slot) => Some(slot),
        _ => None,
    }
}

/// `/`: opens the filter of the list in focus, or edits it again.
pub fn open(state: &mut State) {
    let Some(slot) = slot_of(focused(state)) else {
        state.message = Some("/ filters the article list and the entity panes".into());
        return;
    };
    edit_again(state, slot);
}

/// Gives the keys to the line of `slot` (opening it), cursor at the end.
pub fn edit_again(state: &mut State, slot: Slot) {
    stop_editing(state);
    let filter = state
        .filters
        .slot_mut(slot)
        .get_or_insert_with(Filter::default);
    filter.editing = true;
    filter.line.end();
    filter.recall = Default::default();
    if slot == Slot::Corpus {
        state.corpus.in_with = false;
    }
}

/// Leaves every line as it is and gives the keys back to the lists.
pub fn stop_editing(state: &mut State) {
    for slot in [Slot::Articles, Slot::Entities, Slot::Corpus] {
        if let Some(filter) = state.filters.slot_mut(slot) {
            filter.editing = false;
        }
    }
}

/// A key typed while a line is open: an editing command from the keymap, a
/// character to type, or (a key of neither kind) what the key does elsewhere
/// when that makes sense while typing: page keys move through the results,
/// as in fzf, and Ctrl-C quits.
pub fn input(state: &mut State, key: Key) {
    let Some(slot) = state.filters.editing() else {
        if super::find::editing(state) {
            super::find::input(state, key);
        }
        return;
    };
    if let Some(edit) = state.keymap.line_action(key) {
        edit_line(state, slot, edit);
    } else if let Key::Char(c) = key {
        type_text(state, &c.to_string());
    } else if let Some(action) = state.keymap.action(key) {
        pass_through(state, slot, action);
    }
}

/// A list key pressed while typing: page moves go to the filtered list,
/// keys that would leave the line (panes, screens, help) do nothing, the rest
/// (quit, and whatever else is added) act as usual.
fn pass_through(state: &mut State, slot: Slot, action: Action) {
    use Action::*;
    match action {
        PageDown | PageUp | HalfPageDown | HalfPageUp => {
            let target = match slot {
                Slot::Articles => Target::ArticleList,
                Slot::Entities => Target::ArticlePane(state.articles.panes.focus),
                Slot::Corpus => Target::CorpusPane(state.corpus.panes.focus),
            };
            super::moves::apply(state, target, &action);
        }
        Down | Up | First | Last | NextPane | PrevPane | Open | Back | ShowArticles
        | ShowCorpus | NextMention | PrevMention | ToggleLabels | Help | Filter => {}
        Quit => super::pick::quit(state),
        Sort | OpenUrl | Copy | Pick(_) => {}
        other => super::update(state, other),
    }
}

/// Pasted or typed text, into the open line.
pub fn type_text(state: &mut State, text: &str) {
    let Some(slot) = state.filters.editing() else {
        if super::find::editing(state) {
            super::find::type_text(state, text);
        }
        return;
    };
    if let Some(filter) = state.filters.slot_mut(slot) {
        filter.line.insert(text);
        filter.recall.at = None;
    }
    submit(state, slot);
}

/// An editing command applied to the open line of `slot`.
pub fn edit_line(state: &mut State, slot: Slot, edit: Edit) {
    match edit {
        Edit::Accept => return accept(state, slot),
        Edit::Clear => return clear(state, slot),
        _ => {}
    }
    let history = state.filters.history.clone();
    let Some(filter) = state.filters.slot_mut(slot) else {
        return;
    };
    let line = &mut filter.line;
    let changed = match edit {
        Edit::NextScope | Edit::PrevScope => {
            filter.scope = next_scope(filter.scope, edit == Edit::NextScope);
            true
        }
        Edit::Older => recall(line, history.older(&mut filter.recall, line.text())),
        Edit::Newer => recall(line, history.newer(&mut filter.recall)),
        Edit::Left => move_only(line, |l| l.left()),
        Edit::Right => move_only(line, |l| l.right()),
        Edit::Start => move_only(line, |l| l.home()),
        Edit::End => move_only(line, |l| l.end()),
        Edit::Backspace => line.backspace(),
        Edit::Delete => line.delete(),
        Edit::KillStart => line.kill_start(),
        Edit::KillEnd => line.kill_end(),
        Edit::KillWord => line.kill_word(),
        Edit::Accept | Edit::Clear => false,
    };
    if changed {
        if !matches!(edit, Edit::Older | Edit::Newer) {
            filter.recall.at = None;
        }
        submit(state, slot);
    }
}

fn move_only(line: &mut Line, step: impl FnOnce(&mut Line)) -> bool {
    step(line);
    false
}

fn recall(line: &mut Line, text: Option<String>) -> bool {
    match text {
        Some(text) if text != line.text() => {
            line.set(&text);
            true
        }
        Some(_) => false,
        None => false,
    }
}

/// Asks for the results of the filter's text now: a new generation, and a
/// request in the outbox. With nothing typed everything shows at once (the
/// request then only cancels a run in progress).
fn submit(state: &mut State, slot: Slot) {
    // The rows on screen once the results are in (they start at the top).
    let explain = super::height(state, Target::ArticleList).unwrap_or(0) + 2;
    state.filters.generation += 1;
    let generation = state.filters.generation;
    let Some(filter) = state.filters.slot_mut(slot) else {
        return;
    };
    filter.sent = generation;
    let request = Request {
        slot,
        generation,
        text: filter.line.text().to_string(),
        options: filter.options(),
        explain: if slot == Slot::Articles { explain } else { 0 },
    };
    if filter.is_blank() {
        filter.shown = generation;
        filter.results = None;
        filter.problems.clear();
        super::results::reset_selection(state, slot);
    }
    state.filters.outbox.push(request);
}

/// Asks every open filter's query again (the corpus grew, or its engine is
/// ready); the answers keep the selections where they are.
pub fn refresh(state: &mut State) {
    for slot in [Slot::Articles, Slot::Entities, Slot::Corpus] {
        if state.filters.get(slot).is_some_and(|f| !f.is_blank()) {
            submit(state, slot);
            let generation = state.filters.generation;
            if let Some(filter) = state.filters.slot_mut(slot) {
                filter.refresh = generation;
            }
        }
    }
}

/// Enter: keep the filter and go to its results; with nothing typed, close it.
fn accept(state: &mut State, slot: Slot) {
    let Some(filter) = state.filters.slot_mut(slot) else {
        return;
    };
    if filter.is_blank() {
        return clear(state, slot);
    }
    filter.editing = false;
    let text = filter.line.text().to_string();
    state.filters.history.push(&text);
    state
        .effects
        .push(crate::tui::effects::Effect::RememberQuery(
            text.trim().to_string(),
        ));
    match slot {
        Slot::Articles => state.articles.in_panes = false,
        Slot::Entities => {
            state.articles.in_panes = !state
                .article()
                .is_none_or(|a| state.article_sections(a).is_empty())
        }
        Slot::Corpus => state.corpus.in_with = false,
    }
}

/// Esc: clear the filter and close its line. The article list keeps the
/// article that was selected, now among all of them.
pub fn clear(state: &mut State, slot: Slot) {
    let article = state.article();
    state.filters.generation += 1;
    let generation = state.filters.generation;
    // An empty request cancels a run in progress.
    state.filters.outbox.push(Request {
        slot,
        generation,
        text: String::new(),
        options: Default::default(),
        explain: 0,
    });
    *state.filters.slot_mut(slot) = None;
    super::results::reset_selection(state, slot);
    if slot == Slot::Articles
        && let Some(article) = article
    {
        state.articles.list.selected = article;
    }
}

/// Esc on a filtered list (line closed): clears its filter. False when the
/// list in focus has none, so Esc does what it does elsewhere.
pub fn clear_applied(state: &mut State) -> bool {
    let slot = slot_of(focused(state));
    match slot.filter(|&s| state.filters.get(s).is_some()) {
        Some(slot) => {
            clear(state, slot);
            true
        }
        None => false,
    }
}
