//! Where input comes from: one thread reads terminal events, another waits for
//! signals, a third builds the index (and the demo, when it runs, sends its
//! steps); all send into the one channel the event loop blocks on.

use super::action::{Action, Mouse, MouseKind, Signal};
use super::escape;
use super::keymap::{Key, Keymap};
use super::model::Model;
use super::terminal;
use crate::index::Index;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
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
    /// The next step of the demo tour.
    Demo(super::demo::Step),
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

/// Starts the signal thread: SIGHUP, SIGTERM, SIGINT and SIGQUIT end the
/// explorer, SIGTSTP suspends it, SIGCONT (from anyone but its own stop)
/// retakes the terminal. A signal that ends it is not left to the event loop,
/// which may be busy (laying out a huge article) or blocked (writing to a
/// stalled terminal): this thread gives the terminal back itself
/// ([`terminal::restore_now`], which lets a frame being written finish
/// first) and ends the process the way the signal would have, within 100 ms
/// of the signal whatever the UI thread is doing. The loop hears of it too,
/// and stops drawing.
pub fn watch_signals(tx: Sender<Input>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for number in signals.forever() {
                let action = match number {
                    SIGTSTP => Action::Suspend,
                    SIGCONT if terminal::continued_self() => continue,
                    SIGCONT => Action::Retake,
                    SIGHUP => Action::Signal(Signal::Hangup),
                    SIGTERM => Action::Signal(Signal::Terminate),
                    SIGQUIT => Action::Signal(Signal::Quit),
                    _ => Action::Signal(Signal::Interrupt),
                };
                let ending = match action {
                    Action::Signal(signal) => Some(signal),
                    _ => None,
                };
                let sent = tx.send(Input::Action(action)).is_ok();
                if let Some(signal) = ending {
                    terminal::restore_now();
                    let _ = signal_hook::low_level::emulate_default_handler(signal.number());
                }
                if !sent {
                    return;
                }
            }
        })?;
    Ok(())
}

/// Starts the input thread. A read error means the terminal is gone, which is
/// handled like a hangup.
/// A quit key is also watched here: if the UI thread is busy and does not
/// take it in time, this thread ends the explorer ([`escape::Watch`]).
pub fn read_terminal(tx: Sender<Input>, keymap: Keymap) -> std::io::Result<()> {
    thread::Builder::new().name("input".into()).spawn(move || {
        let mut watch = escape::Watch::default();
        loop {
            let input = match event::read() {
                Ok(event) => translate(event),
                Err(_) => Some(Input::Action(Action::Signal(Signal::Hangup))),
            };
            let gone = matches!(input, Some(Input::Action(Action::Signal(_))));
            let key = match input {
                Some(Input::Key(key)) => Some(key),
                _ => None,
            };
            if let Some(input) = input
                && tx.send(input).is_err()
            {
                return;
            }
            if let Some(key) = key {
                watch.sent(key, &keymap);
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
