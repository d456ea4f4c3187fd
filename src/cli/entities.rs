//! `dossier entities`: the entities of one article (`--article ID`), or the
//! corpus-wide table the explorer's panes read (name, kind, articles, mentions,
//! aliases), optionally only some kinds; as a table or JSON. Exit 1 when no
//! entity is listed.

use super::output::{self, Align, Column};
use super::{
    Output, Status,
    args::{EntitiesArgs, Global},
};
use crate::extract::{Entity, Kind};
use crate::index::{Entry, Index};
use crate::text::sanitize_line;
use anyhow::bail;
use serde::Serialize;

const fn column(
    header: &'static str,
    align: Align,
    max: usize,
    min: usize,
    flexible: bool,
) -> Column {
    Column {
        header,
        align,
        max,
        min,
        flexible,
    }
}

const CORPUS_COLUMNS: [Column; 5] = [
    column("KIND", Align::Left, 7, 4, false),
    column("NAME", Align::Left, 48, 12, false),
    column("ARTICLES", Align::Right, 8, 8, false),
    column("MENTIONS", Align::Right, 8, 8, false),
    column("ALIASES", Align::Left, usize::MAX, 0, true),
];

const ARTICLE_COLUMNS: [Column; 4] = [
    column("KIND", Align::Left, 7, 4, false),
    column("NAME", Align::Left, 48, 12, false),
    column("COUNT", Align::Right, 5, 5, false),
    column("ALIASES", Align::Left, usize::MAX, 0, true),
];

/// One row of the corpus-wide `--json` output.
#[derive(Debug, Serialize)]
struct CorpusRow<'a> {
    name: &'a str,
    kind: Kind,
    aliases: &'a [String],
    /// Article ids (as `dossier list` shows them).
    articles: Vec<usize>,
    mentions: usize,
}

/// Runs `dossier entities`.
pub fn run(args: &EntitiesArgs, global: &Global, out: &Output) -> anyhow::Result<Status> {
    let index = super::load(&args.paths, global)?;
    let wanted = |kind: Kind| args.kind.is_empty() || args.kind.contains(&kind);
    let (text, listed) = match args.article {
        Some(id) => {
            let Some(position) = index.articles.iter().position(|a| a.id == id) else {
                bail!(
                    "no article with id {id} (the corpus has {})",
                    index.articles.len()
                );
            };
            let all = index.entities(position);
            let entities: Vec<&Entity> = all.iter().filter(|e| wanted(e.kind)).collect();
            (article_output(&entities, args.json, out)?, entities.len())
        }
        None => {
            let entries: Vec<(usize, &Entry)> = index
                .table
                .iter()
                .enumerate()
                .filter(|(_, e)| wanted(e.kind))
                .collect();
            (
                corpus_output(&index, &entries, args.json, out)?,
                entries.len(),
            )
        }
    };
    output::emit(&text)?;
    Ok(if listed == 0 {
        Status::NoMatch
    } else {
        Status::Success
    })
}

fn aliases(list: &[String]) -> String {
    sanitize_line(&list.join("; ")).into_owned()
}

fn article_output(entities: &[&Entity], json: bool, out: &Output) -> anyhow::Result<String> {
    if json {
        return output::json(entities, true);
    }
    let rows: Vec<Vec<String>> = entities
        .iter()
        .map(|e| {
            vec![
                e.kind.as_str().to_string(),
                sanitize_line(&e.name).into_owned(),
                e.count.to_string(),
                aliases(&e.aliases),
            ]
        })
        .collect();
    Ok(output::table(&ARTICLE_COLUMNS, &rows, out))
}

fn corpus_output(
    index: &Index,
    entries: &[(usize, &Entry)],
    json: bool,
    out: &Output,
) -> anyhow::Result<String> {
    if json {
        let rows: Vec<CorpusRow> = entries
            .iter()
            .map(|&(id, e)| CorpusRow {
                name: &e.name,
                kind: e.kind,
                aliases: &e.aliases,
                articles: index
                    .articles_of(id)
                    .iter()
                    .map(|&n| index.articles[n as usize].id)
                    .collect(),
                mentions: e.mentions,
            })
            .collect();
        return output::json(&rows, true);
    }
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|(_, e)| {
            vec![
                e.kind.as_str().to_string(),
                sanitize_line(&e.name).into_owned(),
                e.article_count.to_string(),
                e.mentions.to_string(),
                aliases(&e.aliases),
            ]
        })
        .collect();
    Ok(output::table(&CORPUS_COLUMNS, &rows, out))
}
