//! The way out while the UI thread is busy: the event loop says when it
//! starts and ends work on a batch of inputs, and the input thread, on a quit
//! key that the loop has not taken within [`GRACE`], gives the terminal back
//! itself, reports the load problems and ends the process, as the loop would
//! have. `q` counts only when it would quit: no filter or reader find line
//! was open after the loop's last batch, and no `/` typed since may open one;
//! a quit key that is not plain text (`C-c`) always does. In `dossier pick`
//! the quit key cancels, so this way out ends with pick's status 130.

use super::keymap::{Key, Keymap};
use super::state::State;
use super::{action::Action, terminal};
use crate::corpus::Problem;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// How long a quit key waits for the event loop before it acts by itself.
const GRACE: Duration = Duration::from_millis(15);

/// Set while the loop works on a batch (and draws it); clear while it waits.
static BUSY: AtomicBool = AtomicBool::new(false);
/// Whether a plain key typed now goes to a filter line, as of the last batch.
static TYPING: AtomicBool = AtomicBool::new(false);
/// Batches the loop has finished.
static DONE: AtomicU64 = AtomicU64::new(0);
/// The load problems, once the index is built, to report on the way out.
static PROBLEMS: Mutex<Vec<Problem>> = Mutex::new(Vec::new());
/// Set by whichever way out comes first: the event loop's or this one.
static LEAVING: AtomicBool = AtomicBool::new(false);
/// Set in pick mode, where quitting is cancelling (exit status 130).
static PICKING: AtomicBool = AtomicBool::new(false);

/// The explorer runs as `dossier pick` (`true`) or not.
pub fn picking(on: bool) {
    PICKING.store(on, Ordering::SeqCst);
}

/// The event loop starts work on a batch of inputs.
pub fn busy() {
    BUSY.store(true, Ordering::SeqCst);
}

/// The event loop is done with a batch and waits again; what a key typed now
/// would mean follows from `state`.
pub fn idle(state: &State) {
    let typing = state.filters.editing().is_some() || super::update::find::editing(state);
    TYPING.store(typing, Ordering::SeqCst);
    DONE.fetch_add(1, Ordering::SeqCst);
    BUSY.store(false, Ordering::SeqCst);
}

/// The load problems, kept for a quit that does not go through the loop.
pub fn loaded(problems: &[Problem]) {
    let mut kept = PROBLEMS.lock().unwrap_or_else(|e| e.into_inner());
    *kept = problems.to_vec();
}

/// The event loop ended: true if it is the way out (it restores and reports
/// as usual), false if the input thread is already ending the process.
pub fn claim() -> bool {
    !LEAVING.swap(true, Ordering::SeqCst)
}

/// What the input thread remembers between keys.
#[derive(Debug, Default)]
pub struct Watch {
    /// Batches done when a key that opens a filter line was last sent.
    filter_sent: Option<u64>,
}

impl Watch {
    /// Called by the input thread after it sent `key` to the loop: if `key`
    /// quits and the loop is busy and does not come back within [`GRACE`],
    /// ends the explorer from here.
    pub fn sent(&mut self, key: Key, keymap: &Keymap) {
        let done = DONE.load(Ordering::SeqCst);
        match keymap.action(key) {
            Some(Action::Filter) => {
                self.filter_sent = Some(done);
                return;
            }
            Some(Action::Quit) => {}
            _ => return,
        }
        // A `/` the loop has not finished with may open a line `q` goes to.
        let plain = matches!(key, Key::Char(_));
        let pending_filter = self.filter_sent == Some(done);
        if plain && (TYPING.load(Ordering::SeqCst) || pending_filter) {
            return;
        }
        // Idle, the loop takes the key at once; busy, it has `GRACE` to finish.
        if !BUSY.load(Ordering::SeqCst) {
            return;
        }
        std::thread::sleep(GRACE);
        if BUSY.load(Ordering::SeqCst) {
            leave();
        }
    }
}

/// Gives the terminal back, reports the load problems and ends the process
/// (status 0, or 2 after an error, as the normal way out; 130 in pick mode,
/// where the quit key cancels).
fn leave() {
    if !claim() {
        return;
    }
    terminal::restore_now();
    let problems = PROBLEMS.lock().map(|p| p.clone()).unwrap_or_default();
    for problem in &problems {
        crate::cli::report::problem(problem);
    }
    let code = if PICKING.load(Ordering::SeqCst) {
        130
    } else if crate::cli::report::errored() {
        2
    } else {
        0
    };
    std::process::exit(code)
}
