//! `dossier eval`: score extraction and metadata against a folder of gold files, or
//! extraction against a CoNLL-format file.

use super::{
    Output, Status,
    args::{EvalArgs, Global},
    output, report,
};
use crate::corpus;
use crate::eval;
use crate::extract;
use anyhow::Context;
use rayon::prelude::*;
use std::path::Path;

/// Runs `dossier eval`.
pub fn run(args: &EvalArgs, global: &Global, _out: &Output) -> anyhow::Result<Status> {
    if let Some(path) = &args.conll {
        return conll(path, args);
    }
    let Some(gold) = &args.gold else {
        anyhow::bail!("eval needs --gold DIR or --conll FILE");
    };
    let (golds, problems) = eval::read_dir(gold)?;
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

/// Each document loaded as the `.txt` file it would be, and scored.
fn conll(path: &Path, args: &EvalArgs) -> anyhow::Result<Status> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading {}", crate::text::sanitize(&path.to_string_lossy())))?;
    let documents = eval::conll::read(&text);
    let found: Vec<Option<Vec<extract::Entity>>> = documents
        .par_iter()
        .map(|doc| {
            let loaded = corpus::load_text(&format!("conll-{:04}.txt", doc.number), &doc.text);
            loaded.articles.first().map(corpus::Article::entities)
        })
        .collect();
    let report = eval::conll::score(&documents, &found);
    let text = if args.json {
        output::json(&report, true)?
    } else {
        eval::conll::render_text(&report, args.verbose)
    };
    output::emit(&text)?;
    Ok(Status::Success)
}
