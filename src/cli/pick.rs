//! `dossier pick [PATHS]`: the explorer as a picker, as fzf is one. It draws
//! on the terminal (/dev/tty) so that stdout stays the caller's
//! (`vim $(dossier pick ~/news)`), and prints the chosen articles' paths, or
//! with `--json` their export records, once the terminal is given back.
//! Exit status as fzf's: 0 chosen, 1 nothing to choose, 2 error, 130 cancelled.

use super::Status;
use super::args::{Global, PickArgs};
use super::explore::{config, options, paths, report};
use crate::corpus::Input;
use crate::index::Index;
use crate::tui::{self, pick::Picked};
use std::io::{IsTerminal, Write};

/// Runs `dossier pick`.
pub fn run(args: &PickArgs, global: &Global) -> anyhow::Result<Status> {
    if args.paths.iter().any(|p| p == "-") {
        anyhow::bail!("pick reads its keys from the terminal: give files or folders, not -");
    }
    let config = config(global)?;
    let mut options = options(global, &config);
    let paths = paths(&args.paths, &config);
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
    let (picked, index) = tui::run_pick(&name, build, options)?;
    let mut problems = index.problems.clone();
    problems.extend(index.late_problems());
    report(problems);
    match picked {
        Picked::Cancelled => Ok(Status::Cancelled),
        Picked::Nothing => Ok(Status::NoMatch),
        Picked::Chosen(articles) => {
            print(&index, &articles, args.json)?;
            Ok(Status::Success)
        }
    }
}

/// One chosen article a line: its path, or its export record.
fn print(index: &Index, articles: &[usize], json: bool) -> anyhow::Result<()> {
    let terminal = std::io::stdout().is_terminal();
    let mut text = String::new();
    for &article in articles.iter().filter(|&&a| a < index.articles.len()) {
        if json {
            // One line, escaped for a terminal (output::json ends it with a newline).
            let record = super::export::record(index, article);
            text.push_str(&super::output::json(&record, false)?);
        } else if terminal {
            // Paths are printed as they are for the caller to use; only on a
            // terminal could a control character in one do harm.
            text.push_str(&crate::text::sanitize_line(&index.articles[article].path));
            text.push('\n');
        } else {
            text.push_str(&index.articles[article].path);
            text.push('\n');
        }
    }
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
