//! The interactive explorer: `run` sets up the terminal guard and the event
//! loop; the state, the update function and the view live in submodules
//! (State → update(Action) → view(&State), see the design guide).

pub mod action;
mod arrival;
pub mod ascii;
pub mod backend;
pub mod capability;
pub mod color;
pub mod demo;
pub mod document;
pub mod effects;
pub mod escape;
pub mod events;
pub mod facet;
pub mod filter;
pub mod find;
pub mod jobs;
pub mod keymap;
pub mod kwic;
pub mod layout;
pub mod model;
pub mod pick;
pub mod snapshot;
pub mod sort;
pub mod state;
pub mod store;
pub mod symbols;
pub mod terminal;
pub mod theme;
pub mod tty;
pub mod update;
pub mod view;
pub mod wrap;

pub use snapshot::{press, render, screen_text, snapshot};
pub use state::State;
pub use theme::{Palette, Theme};

use crate::corpus::Problem;
use crate::index::Index;
use action::{Action, Signal};
use events::Input;
use state::{Exit, Request};
use std::sync::mpsc;
use terminal::Guard;

/// How the explorer starts, besides the corpus: its looks, its keys, and
/// whether it plays the demo.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Colours, symbols, attributes.
    pub theme: Theme,
    /// The key table (the defaults with the configuration's overrides).
    pub keymap: keymap::Keymap,
    /// Play the demo tour at this pace.
    pub demo: Option<demo::Pace>,
    /// The load's counters, shown while the corpus loads.
    pub progress: Option<std::sync::Arc<crate::cache::Progress>>,
    /// The article list's order at start.
    pub sort: sort::SortKey,
    /// Queries from the history file, oldest first.
    pub history: Vec<String>,
    /// Where the order and new queries are written.
    pub persist: store::Persist,
    /// Pick mode (`dossier pick`): draw on /dev/tty, mark articles, end with them.
    pub pick: bool,
}

/// Looks a key up in the keymap and applies its action; keys without one do
/// nothing. While a filter line is open every key goes to it instead.
pub fn press_key(state: &mut State, key: keymap::Key) {
    if state.filters.editing().is_some() || update::find::editing(state) {
        update::update(state, Action::FilterInput(key));
    } else if let Some(pick) = pick_key(state, key) {
        update::update(state, Action::Pick(pick));
    } else if let Some(action) = state.keymap.action(key) {
        update::update(state, action);
    }
}

/// Pick mode's meaning of `key`, when pick mode is on and the article list
/// has focus.
fn pick_key(state: &State, key: keymap::Key) -> Option<action::Pick> {
    let on_list = update::focused(state) == layout::Target::ArticleList;
    state
        .pick
        .as_ref()
        .filter(|_| on_list)
        .and_then(|_| state.keymap.pick_action(key))
}

/// Whether `key`, typed while loading, quits at once: not when it follows a
/// `/` also typed ahead (it is then text for the filter line).
fn quits_while_loading(state: &State, key: keymap::Key, ahead: &[keymap::Key]) -> bool {
    let typing = ahead
        .iter()
        .any(|k| state.keymap.action(*k) == Some(Action::Filter));
    !typing && state.keymap.action(key) == Some(Action::Quit)
}

/// What the event loop keeps between inputs besides the state.
struct Session {
    /// Keys typed while the index is built, replayed once it is there.
    ahead: Vec<keymap::Key>,
    /// The demo, until it starts (when the index is there).
    demo: Option<demo::Driver>,
    /// The running demo's stop switch.
    playing: Option<demo::Handle>,
}

/// Applies one input. Keys typed while the index is built wait in `ahead`
/// (except quit) and are replayed, in order, once it is there.
fn apply(state: &mut State, input: Input, session: &mut Session) -> anyhow::Result<()> {
    match input {
        Input::Key(key)
            if state.loading.is_some() && !quits_while_loading(state, key, &session.ahead) =>
        {
            session.ahead.push(key);
        }
        Input::Key(key) if state.demo => take_over(state, key, session),
        Input::Key(key) => {
            press_key(state, key);
            test_delay();
        }
        Input::Action(action) => update::update(state, action),
        Input::Demo(step) if state.demo => {
            if let Some(key) = demo::apply(state, step) {
                press_key(state, key);
            }
        }
        Input::Demo(_) => {}
        Input::Built(model) if state.loading.is_some() => {
            first_model(state, *model, session, false)?;
        }
        Input::Partial(model) if state.loading.is_some() => {
            first_model(state, *model, session, true)?;
        }
        Input::Partial(model) => {
            state.replace_model(*model);
            escape::loaded(&state.model.index.problems);
            settle(state);
        }
        Input::Built(model) => {
            state.replace_model(*model);
            escape::loaded(&state.model.index.problems);
            state.arriving = None;
            settle(state);
            start_demo(state, session)?;
        }
        Input::Done(done) => state.job_done(done),
        Input::Engine(generation, engine) => {
            state.engine_ready(generation, engine);
            settle(state);
        }
        Input::Failed => anyhow::bail!("finding the entities failed (see the message above)"),
    }
    Ok(())
}

/// The first model of the corpus (all of it, or what has arrived so far):
/// the list shows, and the keys typed while loading are replayed.
fn first_model(
    state: &mut State,
    model: model::Model,
    session: &mut Session,
    arriving: bool,
) -> anyhow::Result<()> {
    let progress = state.loading.and_then(|l| l.progress);
    state.finish_loading(model);
    escape::loaded(&state.model.index.problems);
    state.arriving = arriving.then_some(progress);
    settle(state);
    for key in session.ahead.drain(..) {
        press_key(state, key);
    }
    if !arriving {
        start_demo(state, session)?;
    }
    Ok(())
}

/// Lays the screen out again for the state's size (after the model changed).
fn settle(state: &mut State) {
    let (width, height) = (state.width, state.height);
    update::update(state, Action::Resize(width, height));
}

fn start_demo(state: &mut State, session: &mut Session) -> anyhow::Result<()> {
    if let Some(driver) = session.demo.take() {
        state.demo = true;
        session.playing = Some(driver.start()?);
    }
    Ok(())
}

/// A key during the demo stops it; the explorer stays as the demo left it.
/// The quit key also quits.
fn take_over(state: &mut State, key: keymap::Key, session: &mut Session) {
    if let Some(handle) = session.playing.take() {
        handle.stop();
    }
    state.demo = false;
    update::update(state, Action::Caption(None));
    if state.keymap.action(key) == Some(Action::Quit) {
        update::update(state, Action::Quit);
    } else {
        state.message = Some("Demo stopped: the explorer is yours (? for keys)".into());
    }
}

/// Runs the explorer on `index` until the user quits or a signal ends it.
pub fn run(index: Index, theme: Theme) -> anyhow::Result<Vec<Problem>> {
    let (name, articles) = (index.name.clone(), index.articles.len());
    let options = Options {
        theme,
        ..Options::default()
    };
    run_with(&name, Some(articles), move || index, options)
}

/// Runs the explorer while `build` reads and indexes the corpus on a worker
/// thread: the first frame (saying so) comes at once, the articles when the
/// index is ready; quitting and signals work all along. Returns the load
/// problems, for the caller to report once the terminal is back.
pub fn run_building(
    name: &str,
    articles: Option<usize>,
    build: impl FnOnce() -> Index + Send + 'static,
    theme: Theme,
) -> anyhow::Result<Vec<Problem>> {
    let options = Options {
        theme,
        ..Options::default()
    };
    run_with(name, articles, build, options)
}

/// [`run_building`] with a key table and, perhaps, the demo.
pub fn run_with(
    name: &str,
    articles: Option<usize>,
    build: impl FnOnce() -> Index + Send + 'static,
    options: Options,
) -> anyhow::Result<Vec<Problem>> {
    run_streaming(name, articles, Box::new(move |_| build()), options)
}

/// [`run_with`], where `build` hands over what has arrived as it goes: the
/// article list fills and the filter works on what is there.
pub fn run_streaming(
    name: &str,
    articles: Option<usize>,
    build: events::Build,
    options: Options,
) -> anyhow::Result<Vec<Problem>> {
    let state = run_state(name, articles, build, options)?;
    Ok(problems(&state.model.index))
}

/// The load problems, and those found after it (a body read from a damaged
/// cache was read from its file instead).
fn problems(index: &Index) -> Vec<Problem> {
    let mut problems = index.problems.clone();
    problems.extend(index.late_problems());
    problems
}

/// `dossier pick`: the explorer on /dev/tty in pick mode; returns how it
/// ended, with the corpus the choice refers to.
pub fn run_pick(
    name: &str,
    build: events::Build,
    options: Options,
) -> anyhow::Result<(pick::Picked, std::sync::Arc<Index>)> {
    terminal::use_tty().map_err(|e| anyhow::anyhow!("pick needs a terminal (/dev/tty: {e})"))?;
    let options = Options {
        pick: true,
        ..options
    };
    let mut state = run_state(name, None, build, options)?;
    let picked = state
        .pick
        .take()
        .and_then(|p| p.outcome)
        .unwrap_or(pick::Picked::Cancelled);
    Ok((picked, std::mem::take(&mut state.model.index)))
}

/// Runs the explorer and hands back its last state.
fn run_state(
    name: &str,
    articles: Option<usize>,
    build: events::Build,
    options: Options,
) -> anyhow::Result<State> {
    // Before the corpus loads: keystrokes must not wait for the kernel to
    // compact memory (see `crate::memory`).
    crate::memory::no_huge_pages();
    let (tx, rx) = mpsc::channel();
    events::watch_signals(tx.clone())?;
    let theme = options.theme;
    let mut state = State::loading(name, articles, theme);
    state.keymap = options.keymap;
    state.sort = options.sort;
    state.filters.history = filter::History::with_entries(options.history);
    state.pick = options.pick.then(pick::PickState::default);
    escape::picking(options.pick);
    let effects = effects::Runner::new(options.persist, tx.clone());
    state.job_control = tty::job_control();
    let mut session = Session {
        ahead: Vec::new(),
        demo: options.demo.map(|pace| demo::Driver::new(tx.clone(), pace)),
        playing: None,
    };
    let mut guard = Guard::enter(theme.palette, theme.attributes)?;
    let size = guard.terminal.size()?;
    update::update(&mut state, Action::Resize(size.width, size.height));
    events::read_terminal(tx.clone(), state.keymap.clone())?;
    let workers = filter::Workers::new(tx.clone());
    events::build_index(tx.clone(), build, options.progress)?;
    let mut effects_and_workers = (effects, workers);
    let exit = event_loop(
        &mut guard,
        &mut state,
        &rx,
        &tx,
        &mut session,
        &mut effects_and_workers,
    );
    if !escape::claim() {
        // The input thread is ending the process (a quit key while this
        // thread was busy): it restores and reports; nothing more to do.
        loop {
            std::thread::park();
        }
    }
    if let Some(handle) = session.playing.take() {
        handle.stop();
    }
    drop(guard);
    if let Ok(Exit::Signal(signal)) = exit {
        end_by(signal);
    }
    exit.map(|_| state)
}

/// Blocks on the channel (no polling, no timer), applies everything that is
/// waiting, hands filter queries to the workers and terminal requests to the
/// guard, then draws once. Ends without drawing when an action asked to.
fn event_loop(
    guard: &mut Guard,
    state: &mut State,
    rx: &mpsc::Receiver<Input>,
    tx: &mpsc::Sender<Input>,
    session: &mut Session,
    (effects, workers): &mut (effects::Runner, filter::Workers),
) -> anyhow::Result<Exit> {
    draw(guard, state)?;
    while let Ok(first) = rx.recv() {
        escape::busy();
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        // Of a burst of resizes only the last matters.
        let last_resize = batch.iter().rposition(is_resize);
        for (i, input) in batch.into_iter().enumerate() {
            if is_resize(&input) && Some(i) != last_resize {
                continue;
            }
            apply(state, input, session)?;
            if let Some(exit) = state.exit {
                return Ok(exit);
            }
            if let Some(request) = state.request.take() {
                serve(guard, request)?;
            }
            let requests = std::mem::take(&mut state.filters.outbox);
            workers.submit(state.model.engine.as_ref(), requests);
            for job in std::mem::take(&mut state.jobs) {
                jobs::start(job, jobs::Context::of(state), tx.clone());
            }
            for effect in std::mem::take(&mut state.effects) {
                let out = guard.terminal.backend_mut().writer_mut();
                if let Some(message) = effects.run(effect, state.model.engine.as_ref(), out) {
                    state.message = Some(message);
                }
            }
        }
        draw(guard, state)?;
        escape::idle(state);
    }
    Ok(Exit::Quit)
}

/// `DOSSIER_TEST_KEY_DELAY_MS=N`: every key keeps the UI thread busy for N ms
/// more, a stand-in for a slow update in the end-to-end tests of the ways
/// out (a signal, `q`) while the UI thread is busy. Unset, nothing happens.
fn test_delay() {
    static DELAY: std::sync::OnceLock<Option<std::time::Duration>> = std::sync::OnceLock::new();
    let delay = DELAY.get_or_init(|| {
        std::env::var("DOSSIER_TEST_KEY_DELAY_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .map(std::time::Duration::from_millis)
    });
    if let Some(delay) = delay {
        std::thread::sleep(*delay);
    }
}

/// Does what `update` asked of the terminal.
fn serve(guard: &mut Guard, request: Request) -> anyhow::Result<()> {
    match request {
        Request::Suspend => guard.suspend()?,
        Request::Retake => guard.retake()?,
    }
    Ok(())
}

fn is_resize(input: &Input) -> bool {
    matches!(input, Input::Action(Action::Resize(..)))
}

fn draw(guard: &mut Guard, state: &mut State) -> anyhow::Result<()> {
    let _drawing = terminal::drawing();
    if !terminal::active() {
        // A panic hook gave the terminal back; its message stays readable.
        return Ok(());
    }
    let size = guard.terminal.size()?;
    if (size.width, size.height) != (state.width, state.height) {
        update::update(state, Action::Resize(size.width, size.height));
    }
    let link = view::link(state).map(str::to_string);
    guard.terminal.backend_mut().set_link(link.as_deref());
    guard.terminal.draw(|frame| {
        view::render(state, frame);
        if state.theme.ascii {
            ascii::fold_buffer(frame.buffer_mut());
        }
    })?;
    Ok(())
}

/// After the terminal is restored: end the way the signal would have, so the
/// parent (a shell, ssh) sees it.
fn end_by(signal: Signal) {
    let number = signal.number();
    let _ = signal_hook::low_level::emulate_default_handler(number);
    std::process::exit(128 + number);
}

#[cfg(test)]
mod tests {
    use super::*;
    use keymap::Key;

    fn new_session() -> Session {
        Session {
            ahead: Vec::new(),
            demo: None,
            playing: None,
        }
    }

    #[test]
    fn q_typed_ahead_after_a_slash_is_text_not_quit() {
        let mut state = State::loading("slow", None, Theme::default());
        let mut session = new_session();
        for key in [Key::Char('/'), Key::Char('q')] {
            apply(&mut state, Input::Key(key), &mut session).expect("applied");
        }
        assert_eq!(session.ahead, vec![Key::Char('/'), Key::Char('q')]);
        assert!(state.exit.is_none());
        let model = model::Model::new(crate::generate::index(3, 1));
        apply(&mut state, Input::Built(Box::new(model)), &mut session).expect("built");
        let line = state.filters.articles.as_ref().map(|f| f.line.text());
        assert_eq!(line, Some("q"));
        // Without a slash first, q typed while loading quits at once.
        let mut state = State::loading("slow", None, Theme::default());
        apply(&mut state, Input::Key(Key::Char('q')), &mut new_session()).expect("applied");
        assert!(state.exit.is_some());
    }
}
