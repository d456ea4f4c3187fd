//! Everything dossier writes to stderr: errors, skipped inputs, warnings and
//! notes, each `dossier: ...` and each through the one sanitiser, so no byte
//! from a file name, an article or an argument reaches the terminal raw; and
//! whether an error was reported on the way, from which `main` derives exit
//! status 2 at one point (as ripgrep's `messages.rs` does).

use crate::corpus::Problem;
use crate::text;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set when something went wrong that does not stop the command (a path named
/// on the command line that does not exist): the output still comes, and the
/// exit status is 2.
static ERRORED: AtomicBool = AtomicBool::new(false);

/// Records an error the command carried on after.
pub fn mark_error() {
    ERRORED.store(true, Ordering::SeqCst);
}

/// Whether an error was recorded with [`mark_error`].
pub fn errored() -> bool {
    ERRORED.load(Ordering::SeqCst)
}

/// Writes `dossier: MESSAGE` to stderr. The message may span lines (a query
/// with a caret under the problem); everything else a terminal would act on
/// is shown as a visible placeholder. A closed stderr is not an error.
pub fn message(message: &str) {
    let text = text::sanitize(message);
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "dossier: {}", text.trim_end_matches('\n'));
}

/// Whether stderr is a terminal (the load's progress bar, which indicatif
/// draws there, shows only then; it holds counts and rates, no text from a
/// file).
pub fn stderr_is_terminal() -> bool {
    std::io::IsTerminal::is_terminal(&std::io::stderr())
}

/// Reports one input that was skipped or only partly read:
/// `dossier: skipped: PATH: REASON` or `dossier: warning: PATH: REASON`.
pub fn problem(problem: &Problem) {
    let level = if problem.skipped {
        "skipped"
    } else {
        "warning"
    };
    message(&text::sanitize_line(&format!("{level}: {problem}")));
}

/// Writes a usage error clap rendered (without colour) to stderr. clap quotes
/// what was typed as it was typed; every character a terminal would act on is
/// escaped (`\x1b`), so the message shows it and nothing happens.
pub fn usage(rendered: &str) {
    let lines: Vec<String> = rendered
        .trim_end_matches('\n')
        .split('\n')
        .map(|line| text::escape(line).into_owned())
        .collect();
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", lines.join("\n"));
}
