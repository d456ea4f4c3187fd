//! The interactive explorer: `run` sets up the terminal guard and the event
//! loop; the state, the update function and the view live in submodules
//! (State → update(Action) → view(&State), see the design guide).

pub mod action;
pub mod document;
pub mod events;
pub mod keymap;
pub mod kwic;
pub mod layout;
pub mod model;
pub mod snapshot;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

pub use snapshot::{press, render, screen_text, snapshot};
pub use state::State;
pub use theme::{Palette, Theme};

use crate::index::Index;
use action::{Action, Signal};
use events::Input;
use state::Exit;
use std::sync::mpsc;
use terminal::Guard;

/// Looks a key up in the keymap and applies its action; keys without one do nothing.
pub fn press_key(state: &mut State, key: keymap::Key) {
    if let Some(action) = state.keymap.action(key) {
        update::update(state, action);
    }
}

fn apply(state: &mut State, input: Input) {
    match input {
        Input::Key(key) => press_key(state, key),
        Input::Action(action) => update::update(state, action),
    }
}

/// Runs the explorer on `index` until the user quits or a signal ends it.
/// Loading and extraction happen before, so the first frame comes at once.
pub fn run(index: Index, theme: Theme) -> anyhow::Result<()> {
    let (tx, rx) = mpsc::channel();
    events::watch_signals(tx.clone())?;
    let mut state = State::new(index, theme);
    let mut guard = Guard::enter()?;
    let size = guard.terminal.size()?;
    update::update(&mut state, Action::Resize(size.width, size.height));
    events::read_terminal(tx)?;
    let exit = event_loop(&mut guard, &mut state, &rx);
    drop(guard);
    if let Ok(Exit::Signal(signal)) = exit {
        end_by(signal);
    }
    exit.map(|_| ())
}

/// Blocks on the channel (no polling, no timer), applies everything that is
/// waiting, then draws once. Ends without drawing when an action asked to.
fn event_loop(
    guard: &mut Guard,
    state: &mut State,
    rx: &mpsc::Receiver<Input>,
) -> anyhow::Result<Exit> {
    draw(guard, state)?;
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        // Of a burst of resizes only the last matters.
        let last_resize = batch.iter().rposition(is_resize);
        for (i, input) in batch.into_iter().enumerate() {
            if is_resize(&input) && Some(i) != last_resize {
                continue;
            }
            apply(state, input);
            if let Some(exit) = state.exit {
                return Ok(exit);
            }
        }
        draw(guard, state)?;
    }
    Ok(Exit::Quit)
}

fn is_resize(input: &Input) -> bool {
    matches!(input, Input::Action(Action::Resize(..)))
}

fn draw(guard: &mut Guard, state: &mut State) -> anyhow::Result<()> {
    let size = guard.terminal.size()?;
    if (size.width, size.height) != (state.width, state.height) {
        update::update(state, Action::Resize(size.width, size.height));
    }
    guard.terminal.draw(|frame| view::render(state, frame))?;
    Ok(())
}

/// After the terminal is restored: end the way the signal would have, so the
/// parent (a shell, ssh) sees it.
fn end_by(signal: Signal) {
    let number = signal.number();
    let _ = signal_hook::low_level::emulate_default_handler(number);
    std::process::exit(128 + number);
}
