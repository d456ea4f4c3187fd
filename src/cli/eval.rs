//! `dossier eval`: score extraction and metadata against a folder of gold files.

use super::{
    Output, Status,
    args::{EvalArgs, Global},
};
use crate::eval;

/// Runs `dossier eval`.
pub fn run(args: &EvalArgs, global: &Global, _out: &Output) -> anyhow::Result<Status> {
    let golds = eval::load_dir(&args.gold)?;
    let index = super::load(&args.paths, global)?;
    let report = eval::evaluate(&index, &golds);
    super::report_late(&index);
    if args.json {
        println!("{}", eval::render_json(&report)?);
    } else {
        print!("{}", eval::render_text(&report, args.verbose));
    }
    Ok(Status::Success)
}
