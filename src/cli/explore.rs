//! `dossier [PATHS]` on a terminal: the interactive explorer, set up from the
//! terminal's capabilities, the command line and the configuration file; and
//! `dossier --demo`, the same explorer playing its tour.

use super::Status;
use super::args::{Cli, ColorChoice, Global};
use crate::config::{Config, Source};
use crate::corpus::{self, Input};
use crate::index::Index;
use crate::tui::capability::Capabilities;
use crate::tui::demo::Pace;
use crate::tui::store::{self, Persist};
use crate::tui::{self, Options, Theme};
use anyhow::{Context, bail};
use std::ffi::OsString;

/// Reads the configuration file the flags and environment point at.
pub fn config(global: &Global) -> anyhow::Result<Config> {
    let source = match (&global.config, global.no_config) {
        (_, true) => Source::Nothing,
        (Some(path), false) => Source::Named(path.clone()),
        (None, false) => Source::Default,
    };
    Ok(Config::load(source, |name| std::env::var(name).ok())?)
}

/// The paths to open: those given, else the configuration's.
pub fn paths(given: &[OsString], config: &Config) -> Vec<OsString> {
    if given.is_empty() {
        config.paths.iter().map(OsString::from).collect()
    } else {
        given.to_vec()
    }
}

/// The explorer's looks and keys from the terminal, the flags and the file;
/// the order and history it starts with, and where it writes them.
pub fn options(global: &Global, config: &Config) -> Options {
    let force = match global.color {
        ColorChoice::Always => Some(true),
        ColorChoice::Never => Some(false),
        ColorChoice::Auto => None,
    };
    let ascii = if global.ascii {
        Some(true)
    } else {
        config.ascii
    };
    let capabilities = Capabilities::detect(force, ascii, |name| std::env::var(name).ok());
    let var = |name: &str| std::env::var(name).ok();
    let history_size = config.history_size.unwrap_or(store::HISTORY_SIZE);
    let history = store::history_path(var).filter(|_| history_size > 0);
    let persist = Persist {
        config: writable_config(global, config),
        history,
        history_size,
    };
    Options {
        theme: config.apply(Theme::for_terminal(capabilities)),
        keymap: config.keymap.clone(),
        demo: None,
        progress: None,
        sort: config.sort.unwrap_or_default(),
        history: persist
            .history
            .as_deref()
            .map_or_else(Vec::new, |path| store::read_history(path, history_size)),
        persist,
        pick: false,
    }
}

/// The configuration file `s` writes the order into: the one read, else the
/// usual place (not under `--no-config`).
fn writable_config(global: &Global, config: &Config) -> Option<std::path::PathBuf> {
    if global.no_config {
        return None;
    }
    config
        .path
        .clone()
        .or_else(|| crate::config::default_path(|name| std::env::var(name).ok()))
}

/// Opens the explorer on the given paths (else the configuration's, else
/// the embedded seeds). The corpus is read and indexed on a worker while the
/// first frame shows; load problems are reported once the terminal is back.
/// Under `--strict` the corpus is read first, so a skipped input fails
/// before the screen changes.
pub fn run(cli: &Cli) -> anyhow::Result<Status> {
    let global = &cli.global;
    let config = config(global)?;
    let mut options = options(global, &config);
    if cli.demo {
        // The tour is the same every time: no remembered order, history or writes.
        options.demo = Some(pace(cli.demo_speed)?);
        options.sort = Default::default();
        options.history.clear();
        options.persist = Persist::default();
        let build = || Index::from_corpus(corpus::embedded());
        report(tui::run_with("embedded seeds", None, build, options)?);
        return Ok(Status::Success);
    }
    let paths = paths(&cli.paths, &config);
    if global.strict {
        let index = super::load(&paths, global)?;
        let (name, articles) = (index.name.clone(), index.articles.len());
        tui::run_with(&name, Some(articles), move || index, options)?;
        return Ok(Status::Success);
    }
    super::mark_missing(&paths);
    let inputs: Vec<Input> = paths.iter().map(Input::from_arg).collect();
    let name = match paths.as_slice() {
        [] => "embedded seeds".to_string(),
        [one] => crate::text::os_lossless(one).into_owned(),
        many => format!("{} inputs", many.len()),
    };
    let progress = std::sync::Arc::new(crate::cache::Progress::default());
    options.progress = Some(std::sync::Arc::clone(&progress));
    let cache = super::cache_options(global);
    let build: tui::events::Build =
        Box::new(move |watch| crate::cache::load_watched(&inputs, &cache, &progress, Some(watch)));
    report(tui::run_streaming(&name, None, build, options)?);
    Ok(Status::Success)
}

/// The demo's pace: `--demo-speed`, else DOSSIER_DEMO_SPEED, else 1.
fn pace(flag: Option<f64>) -> anyhow::Result<Pace> {
    let speed = match (flag, std::env::var("DOSSIER_DEMO_SPEED")) {
        (Some(speed), _) => speed,
        (None, Ok(text)) => text
            .trim()
            .parse()
            .with_context(|| format!("DOSSIER_DEMO_SPEED '{text}': not a number"))?,
        (None, Err(_)) => 1.0,
    };
    if !(speed.is_finite() && speed > 0.0) {
        bail!("demo speed {speed}: must be a number above 0 (1 for an audience, 2 twice as fast)");
    }
    Ok(Pace { speed })
}

/// Reports load problems on stderr, once the terminal is back.
pub fn report(problems: Vec<crate::corpus::Problem>) {
    for problem in &problems {
        super::report::problem(problem);
    }
}
