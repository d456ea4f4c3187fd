//! `dossier export --format jsonl`: every article with its metadata, cleaned body
//! and entities, one JSON object per line. The record is a stable contract
//! (documented in README, "Export schema").

use super::{
    Output, Status,
    args::{ExportArgs, Global},
    output,
};
use crate::extract::Entity;
use crate::index::Index;
use serde::Serialize;

/// One exported article. Field order is part of the contract.
#[derive(Debug, Serialize)]
pub(super) struct Record<'a> {
    id: usize,
    file: &'a str,
    path: &'a str,
    title: &'a str,
    title_derived: bool,
    source: Option<&'a str>,
    date: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    body: std::borrow::Cow<'a, str>,
    entities: std::sync::Arc<[Entity]>,
}

/// The record of the article at `position` in the index.
pub(super) fn record(index: &Index, position: usize) -> Record<'_> {
    let a = &index.articles[position];
    Record {
        id: a.id,
        file: &a.file,
        path: &a.path,
        title: &a.title,
        title_derived: a.title_derived,
        source: a.source.as_deref(),
        date: a.date.as_deref(),
        author: a.author.as_deref(),
        url: a.url.as_deref(),
        body: index.body(position),
        entities: index.entities(position),
    }
}

/// Runs `dossier export`; exit 1 when there is nothing to export.
pub fn run(args: &ExportArgs, global: &Global, _out: &Output) -> anyhow::Result<Status> {
    let index = super::load(&args.paths, global)?;
    let mut stream = output::Stream::new();
    for position in 0..index.articles.len() {
        if stream.closed() {
            break;
        }
        stream.write(&output::json(&record(&index, position), false)?)?;
    }
    stream.finish()?;
    super::report_late(&index);
    if index.articles.is_empty() {
        super::report::message("no articles found");
        return Ok(Status::NoMatch);
    }
    Ok(Status::Success)
}
