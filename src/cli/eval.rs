//! `dossier eval`: score extraction and metadata against a folder of gold files.

use super::{
    Output, Status,
    args::{EvalArgs, Global},
    output, report,
};
use crate::eval;

/// Runs `dossier eval`.
pub fn run(args: &EvalArgs, global: &Global, _out: &Output) -> anyhow::Result<Status> {
    let (golds, problems) = eval::read_dir(&args.gold)?;
    // A gold file that cannot be used is named and the rest are scored; the
    // scores are then incomplete, so the exit status is 2 (as grep's after an
    // unreadable file).
    for problem in &problems {
        report::problem(problem);
        report::mark_error();
    }
    if global.strict && !problems.is_empty() {
        anyhow::bail!("--strict: {} gold file(s) skipped", problems.len());
    }
    let index = super::load(&args.paths, global)?;
    let scores = eval::evaluate(&index, &golds);
    super::report_late(&index);
    let text = if args.json {
        output::terminal_safe_json(eval::render_json(&scores)? + "\n")
    } else {
        eval::render_text(&scores, args.verbose)
    };
    output::emit(&text)?;
    Ok(Status::Success)
}
