//! Where input comes from: one thread reads terminal events, another waits for
//! signals; both send into the one channel the event loop blocks on.

use super::action::{Action, Mouse, MouseKind, Signal};
use super::keymap::Key;
use super::model::Model;
use crate::index::Index;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::mpsc::Sender;
use std::thread;

/// Something for the event loop.
#[derive(Debug)]
pub enum Input {
    /// A key, to be looked up in the state's keymap (a filter line may take it instead).
    Key(Key),
    /// Anything else, already an action.
    Action(Action),
    /// The index the worker built, with the explorer's model derived from it.
    Built(Box<Model>),
    /// The worker building the index panicked (the panic hook has reported it).
    Failed,
}

/// Builds the index on a worker thread and sends it (or the failure) to the loop.
pub fn build_index(
    tx: Sender<Input>,
    build: impl FnOnce() -> Index + Send + 'static,
) -> std::io::Result<()> {
    thread::Builder::new().name("index".into()).spawn(move || {
        let work = move || Model::new(build());
        let input = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
            Ok(model) => Input::Built(Box::new(model)),
            Err(_) => Input::Failed,
        };
        let _ = tx.send(input);
    })?;
    Ok(())
}

/// Starts the signal thread: SIGHUP, SIGTERM and SIGINT become actions.
pub fn watch_signals(tx: Sender<Input>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for number in signals.forever() {
                let signal = match number {
                    SIGHUP => Signal::Hangup,
                    SIGTERM => Signal::Terminate,
                    _ => Signal::Interrupt,
                };
                if tx.send(Input::Action(Action::Signal(signal))).is_err() {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Starts the input thread. A read error means the terminal is gone, which is
/// handled like a hangup.
pub fn read_terminal(tx: Sender<Input>) -> std::io::Result<()> {
    thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            let input = match event::read() {
                Ok(event) => translate(event),
                Err(_) => Some(Input::Action(Action::Signal(Signal::Hangup))),
            };
            let gone = matches!(input, Some(Input::Action(Action::Signal(_))));
            if let Some(input) = input
                && tx.send(input).is_err()
            {
                return;
            }
            if gone {
                return;
            }
        }
    })?;
    Ok(())
}

/// A terminal event as input for the loop (None for events the explorer ignores).
fn translate(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            Key::from_event(key).map(Input::Key)
        }
        Event::Resize(width, height) => Some(Input::Action(Action::Resize(width, height))),
        Event::Paste(text) => Some(Input::Action(Action::Paste(text))),
        Event::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::ScrollDown => MouseKind::ScrollDown,
                MouseEventKind::ScrollUp => MouseKind::ScrollUp,
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                _ => return None,
            };
            let (column, row) = (mouse.column, mouse.row);
            Some(Input::Action(Action::Mouse(Mouse { kind, column, row })))
        }
        _ => None,
    }
}
