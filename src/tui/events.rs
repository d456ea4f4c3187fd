//! Where input comes from: one thread reads terminal events, another waits for
//! signals, a third builds the index (handing over what has arrived as it
//! goes), a fourth prepares the filter engine of each model (and the demo,
//! when it runs, sends its steps); all send into the one channel the event
//! loop blocks on.

use super::action::{Action, Mouse, MouseKind, Signal};
use super::escape;
use super::filter::Engine;
use super::keymap::{Key, Keymap};
use super::model::{Model, Section};
use super::terminal;
use crate::cache::{Progress, Watch};
use crate::index::Index;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Something for the event loop.
#[derive(Debug)]
pub enum Input {
    /// A key, to be looked up in the state's keymap (a filter line may take it instead).
    Key(Key),
    /// Anything else, already an action.
    Action(Action),
    /// The index the worker built, with the explorer's model derived from it.
    Built(Box<Model>),
    /// The index of the articles that have arrived so far (more are coming).
    Partial(Box<Model>),
    /// The filter engine of the model of this generation.
    Engine(u64, Arc<Engine>),
    /// Work done off the UI thread (a huge article prepared, ...).
    Done(super::jobs::Done),
    /// The worker building the index panicked (the panic hook has reported it).
    Failed,
    /// The next step of the demo tour.
    Demo(super::demo::Step),
}

/// How the index is built: all at once, or handing over what has arrived.
pub type Build = Box<dyn FnOnce(&dyn Watch) -> Index + Send>;

/// Builds the index on a worker thread and sends it (or the failure) to the
/// loop, with the indexes of what has arrived before (when `build` hands them
/// over); each model's filter engine follows from another thread. Meanwhile,
/// when the loader keeps `progress`, a reading of it goes to the loop every
/// [`PROGRESS_TICK`] (only while loading: an idle explorer has no timer).
pub fn build_index(
    tx: Sender<Input>,
    build: Build,
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
    let engines = Engines::start(tx.clone())?;
    thread::Builder::new().name("index".into()).spawn(move || {
        let watch = Arrivals {
            tx: tx.clone(),
            engines: &engines,
            last: Mutex::new(None),
        };
        let work = || {
            let mut model = Model::new(build(&watch));
            model.generation = engines.next_generation();
            model
        };
        let input = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
            Ok(model) => {
                engines.prepare(&model);
                Input::Built(Box::new(model))
            }
            Err(_) => Input::Failed,
        };
        done.store(true, Ordering::Relaxed);
        let _ = tx.send(input);
    })?;
    Ok(())
}

/// The thread that prepares each model's filter engine (seconds at a million
/// articles), the newest model first: a model superseded while waiting is skipped.
struct Engines {
    jobs: Sender<Job>,
    busy: Arc<AtomicBool>,
    generation: AtomicU64,
    /// How long the last engine took to prepare.
    took: Arc<Mutex<Duration>>,
}

/// One engine to prepare.
struct Job {
    generation: u64,
    index: Arc<Index>,
    corpus: Vec<Section>,
}

impl Engines {
    fn start(tx: Sender<Input>) -> std::io::Result<Engines> {
        let (jobs, inbox) = mpsc::channel();
        let busy = Arc::new(AtomicBool::new(false));
        let took = Arc::new(Mutex::new(Duration::ZERO));
        let (b, t) = (Arc::clone(&busy), Arc::clone(&took));
        thread::Builder::new()
            .name("engine".into())
            .spawn(move || prepare_engines(&inbox, &tx, &b, &t))?;
        Ok(Engines {
            jobs,
            busy,
            generation: AtomicU64::new(0),
            took,
        })
    }

    fn next_generation(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Asks for the engine of `model`.
    fn prepare(&self, model: &Model) {
        self.busy.store(true, Ordering::Release);
        let job = Job {
            generation: model.generation,
            index: Arc::clone(&model.index),
            corpus: model.corpus.clone(),
        };
        if self.jobs.send(job).is_err() {
            self.busy.store(false, Ordering::Release);
        }
    }
}

fn prepare_engines(
    inbox: &Receiver<Job>,
    tx: &Sender<Input>,
    busy: &AtomicBool,
    took: &Mutex<Duration>,
) {
    while let Ok(mut job) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            job = newer;
        }
        let started = Instant::now();
        let work = || Engine::new(&job.index, &job.corpus);
        let Ok(engine) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) else {
            busy.store(false, Ordering::Release);
            continue;
        };
        if let Ok(mut t) = took.lock() {
            *t = started.elapsed();
        }
        drop(job.index);
        busy.store(false, Ordering::Release);
        if tx
            .send(Input::Engine(job.generation, Arc::new(engine)))
            .is_err()
        {
            return;
        }
    }
}

/// Hands the explorer what has arrived while the corpus loads: a model of it
/// when the previous one's engine is ready and the corpus grew enough since,
/// and not more often than the engines can follow.
struct Arrivals<'a> {
    tx: Sender<Input>,
    engines: &'a Engines,
    /// When the last model was sent, and of how many articles.
    last: Mutex<Option<(Instant, usize)>>,
}

/// The least time between two models sent while the corpus loads.
const ARRIVALS_EVERY: Duration = Duration::from_secs(1);

impl Watch for Arrivals<'_> {
    fn wants(&self, articles: usize) -> bool {
        if articles == 0 || self.engines.busy.load(Ordering::Acquire) {
            return false;
        }
        let Ok(last) = self.last.lock() else {
            return false;
        };
        let Some((when, count)) = *last else {
            return true;
        };
        let took = self.engines.took.lock().map_or(Duration::ZERO, |t| *t);
        // Preparing engines takes at most a third of the time.
        let wait = ARRIVALS_EVERY.max(took * 2);
        when.elapsed() >= wait && articles >= count + count / 10
    }

    fn partial(&self, index: Index) {
        let articles = index.articles.len();
        let mut model = Model::new(index);
        model.generation = self.engines.next_generation();
        // Without its table (read next) there is nothing to filter yet.
        if model.index.has_table() {
            self.engines.prepare(&model);
        }
        if let Ok(mut last) = self.last.lock() {
            *last = Some((Instant::now(), articles));
        }
        let _ = self.tx.send(Input::Partial(Box::new(model)));
    }
}

/// How often the loading screen's count, rate and time left are redrawn.
const PROGRESS_TICK: Duration = Duration::from_millis(250);

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
