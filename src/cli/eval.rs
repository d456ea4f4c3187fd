//! `dossier eval`: score extraction and metadata against a folder of gold files, or
//! extraction against a CoNLL-format file.

use super::{
    Output, Status,
    args::{EvalArgs, Global},
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
    let golds = eval::load_dir(gold)?;
    let index = super::load(&args.paths, global)?;
    let report = eval::evaluate(&index, &golds);
    if args.json {
        println!("{}", eval::render_json(&report)?);
    } else {
        print!("{}", eval::render_text(&report, args.verbose));
    }
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
            loaded
                .articles
                .first()
                .map(|article| extract::entities(&article.body))
        })
        .collect();
    let report = eval::conll::score(&documents, &found);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", eval::conll::render_text(&report, args.verbose));
    }
    Ok(Status::Success)
}
