//! Where input comes from: one thread reads terminal events, another waits for
//! signals, a third builds the index (and the demo, when it runs, sends its
//! steps); all send into the one channel the event loop blocks on.

use super::action::{Action, Mouse, MouseKind, Signal};
use super::keymap::Key;
use super::model::Model;
use super::terminal;
use crate::cache::Progress;
use crate::index::Index;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

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

/// Builds the index on a worker thread and sends it (or the failure) to the
/// loop; meanwhile, when the loader keeps `progress`, a reading of it goes to
/// the loop every [`PROGRESS_TICK`] (only while loading: an idle explorer has
/// no timer).
pub fn build_index(
    tx: Sender<Input>,
    build: impl FnOnce() -> Index + Send + 'static,
    progress: Option<Arc<Progress>>,
) -> std::io::Result<()> {
    let done = Arc::new(AtomicBool::new(false));
    if let Some(progress) = progress {
        let (tx, done) = (tx.clone(), Arc::clone(&done));
        thread::Builder::new()
            .name("progress".into())
            .spawn(move || {
                loop {
                    thread::sleep(PROGRESS_TICK);
                    let action = Input::Action(Action::Progress(progress.snapshot()));
                    if done.load(Ordering::Relaxed) || tx.send(action).is_err() {
                        return;
                    }
                }
            })?;
    }
    thread::Builder::new().name("index".into()).spawn(move || {
        let work = move || Model::new(build());
        let input = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
            Ok(model) => Input::Built(Box::new(model)),
            Err(_) => Input::Failed,
        };
        done.store(true, Ordering::Relaxed);
        let _ = tx.send(input);
    })?;
    Ok(())
}

/// How often the loading screen's count, rate and time left are redrawn.
const PROGRESS_TICK: Duration = Duration::from_millis(250);

/// Starts the signal thread: SIGHUP, SIGTERM and SIGINT end the explorer,
/// SIGTSTP suspends it, SIGCONT (from anyone but its own stop) retakes the
/// terminal. A signal that ends it also arms a watchdog: if the event loop
/// cannot finish in time (blocked writing to a dead or stalled terminal), the
/// process ends the way the signal would have, at once.
pub fn watch_signals(tx: Sender<Input>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT, SIGTSTP, SIGCONT])?;
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
                    _ => Action::Signal(Signal::Interrupt),
                };
                let ending = match action {
                    Action::Signal(signal) => Some(signal),
                    _ => None,
                };
                if tx.send(Input::Action(action)).is_err() {
                    return;
                }
                if let Some(signal) = ending {
                    thread::sleep(WATCHDOG);
                    let _ = signal_hook::low_level::emulate_default_handler(signal.number());
                }
            }
        })?;
    Ok(())
}

/// How long the event loop has to restore the terminal after a signal that
/// ends it, before the watchdog ends the process anyway.
const WATCHDOG: Duration = Duration::from_millis(500);

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
