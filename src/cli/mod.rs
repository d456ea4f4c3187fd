//! The command line: clap definitions, shared output settings, and the exit code,
//! derived at one point (0 ok or matched, 1 nothing matched, 2 error, as grep/rg/fzf).

mod args;
mod cache;
mod completions;
mod entities;
mod eval;
mod explore;
mod export;
mod generate;
mod list;
mod man;
mod output;
mod pick;
mod progress;
pub mod report;
mod search;
mod show;
mod snapshot;

pub use args::{Cli, Command};
pub use output::Output;

use crate::corpus::Input;
use crate::index::Index;
use std::ffi::OsString;
use std::process::ExitCode;

/// How a command ended, when it did not fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Done, or something matched: exit 0.
    Success,
    /// Ran fine but nothing matched: exit 1.
    NoMatch,
    /// The user cancelled (`dossier pick`): exit 130, as fzf.
    Cancelled,
}

/// Exit code for errors (usage or runtime), as grep, ripgrep and fzf use.
pub const EXIT_ERROR: u8 = 2;

/// Runs the binary: parse, dispatch, report, map to an exit code.
pub fn main() -> ExitCode {
    let cli = match args::parse() {
        Ok(cli) => cli,
        Err(code) => return ExitCode::from(code),
    };
    match run(cli) {
        // As grep: an error on the way (a named path missing) wins over a match.
        Ok(_) if report::errored() => ExitCode::from(EXIT_ERROR),
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::NoMatch) => ExitCode::from(1),
        Ok(Status::Cancelled) => ExitCode::from(130),
        Err(e) => {
            report::message(&one_line(&e));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// An error and its causes on one line: "reading x: permission denied".
fn one_line(e: &anyhow::Error) -> String {
    e.chain()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(": ")
}

/// Dispatches a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<Status> {
    let out = Output::detect(&cli.global);
    // Commands that do not read the configuration still check one that is named
    // (`--config`, DOSSIER_CONFIG): a path that is wrong is said, not ignored.
    let named = cli.global.config.is_some()
        || std::env::var_os("DOSSIER_CONFIG").is_some_and(|v| !v.is_empty());
    let reads_config = matches!(cli.command, None | Some(Command::Snapshot(_)));
    if named && !cli.global.no_config && !reads_config {
        explore::config(&cli.global)?;
    }
    match cli.command {
        // The explorer needs a terminal; piped, the plain list keeps scripts working.
        None if std::io::IsTerminal::is_terminal(&std::io::stdout()) => explore::run(&cli),
        None if cli.demo => anyhow::bail!("--demo needs a terminal (stdout is not one)"),
        None => list::run(&cli.paths, false, &cli.global, &out),
        Some(Command::List(a)) => list::run(&a.paths, a.json, &cli.global, &out),
        Some(Command::Show(a)) => show::run(&a, &cli.global, &out),
        Some(Command::Entities(a)) => entities::run(&a, &cli.global, &out),
        Some(Command::Search(a)) => search::run(&a, &cli.global, &out),
        Some(Command::Export(a)) => export::run(&a, &cli.global, &out),
        Some(Command::Eval(a)) => eval::run(&a, &cli.global, &out),
        Some(Command::Snapshot(a)) => snapshot::run(&a, &cli.global, &out),
        Some(Command::Pick(a)) => pick::run(&a, &cli.global),
        Some(Command::Generate(a)) => generate::run(&a),
        Some(Command::Cache(a)) => cache::run(&a, &out),
        Some(Command::Completions(a)) => completions::run(&a),
        Some(Command::Man) => man::run(),
    }
}

/// Loads the inputs (the embedded seeds when there are none), reports every problem
/// on stderr as `path: reason`, and fails under `--strict` if anything was skipped.
pub fn load(paths: &[OsString], global: &args::Global) -> anyhow::Result<Index> {
    load_with(paths, global, cache_options(global))
}

/// [`load`] for a command that only lists articles: a reopen leaves the
/// corpus table and the entities on disk.
pub fn load_articles(paths: &[OsString], global: &args::Global) -> anyhow::Result<Index> {
    let options = crate::cache::Options {
        articles_only: true,
        ..cache_options(global)
    };
    load_with(paths, global, options)
}

fn load_with(
    paths: &[OsString],
    global: &args::Global,
    options: crate::cache::Options,
) -> anyhow::Result<Index> {
    mark_missing(paths);
    let inputs: Vec<Input> = paths.iter().map(Input::from_arg).collect();
    let progress = std::sync::Arc::new(crate::cache::Progress::default());
    let bar = progress::Bar::start(&progress);
    let index = crate::cache::load(&inputs, &options, &progress);
    bar.finish();
    for problem in &index.problems {
        report::problem(problem);
    }
    let skipped = index.problems.iter().filter(|p| p.skipped).count();
    if global.strict && skipped > 0 {
        anyhow::bail!("--strict: {skipped} input(s) skipped");
    }
    Ok(index)
}

/// Reports what went wrong after the load (a body read from a damaged cache
/// was read from its file instead), once the output is written.
pub fn report_late(index: &Index) {
    for problem in index.late_problems() {
        report::message(&crate::text::sanitize_line(&format!("warning: {problem}")));
    }
}

/// The cache settings of the command line and the environment.
pub fn cache_options(global: &args::Global) -> crate::cache::Options {
    crate::cache::Options {
        reextract: global.reextract,
        ..crate::cache::Options::from_env(global.no_cache)
    }
}

/// Records an error for every named path that does not exist (the loader
/// reports it, with the other skipped inputs). `stat` only: nothing is opened.
pub fn mark_missing(paths: &[OsString]) {
    if paths
        .iter()
        .any(|p| p != "-" && std::fs::symlink_metadata(p).is_err())
    {
        report::mark_error();
    }
}
