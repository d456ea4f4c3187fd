//! `dossier list`: the article table (id, date, outlet, title, entity count), or
//! the same as JSON.

use super::output::{self, Align, Column};
use super::{Output, Status, args::Global};
use crate::index::Index;
use crate::text::sanitize_line;
use serde::Serialize;

/// One row of `dossier list --json`.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: usize,
    path: &'a str,
    file: &'a str,
    title: &'a str,
    title_derived: bool,
    source: Option<&'a str>,
    date: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    entity_count: usize,
}

const COLUMNS: [Column; 5] = [
    Column {
        header: "ID",
        align: Align::Right,
        max: 8,
        min: 8,
        flexible: false,
    },
    Column {
        header: "DATE",
        align: Align::Left,
        max: 10,
        min: 10,
        flexible: false,
    },
    Column {
        header: "SOURCE",
        align: Align::Left,
        max: 22,
        min: 6,
        flexible: false,
    },
    Column {
        header: "TITLE",
        align: Align::Left,
        max: usize::MAX,
        min: 0,
        flexible: true,
    },
    Column {
        header: "ENTITIES",
        align: Align::Right,
        max: 8,
        min: 8,
        flexible: false,
    },
];

/// Prints the article list; exit 1 when the corpus holds no article.
pub fn run(paths: &[String], json: bool, global: &Global, out: &Output) -> anyhow::Result<Status> {
    let index = super::load_articles(paths, global)?;
    if json {
        output::emit(&output::terminal_safe_json(
            serde_json::to_string_pretty(&rows(&index))? + "\n",
        ))?;
    } else if !index.articles.is_empty() {
        output::emit(&output::table(&COLUMNS, &cells(&index), out))?;
    }
    if index.articles.is_empty() {
        eprintln!("dossier: no articles found");
        return Ok(Status::NoMatch);
    }
    Ok(Status::Success)
}

fn rows(index: &Index) -> Vec<Row<'_>> {
    index
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| Row {
            id: a.id,
            path: &a.path,
            file: &a.file,
            title: &a.title,
            title_derived: a.title_derived,
            source: a.source.as_deref(),
            date: a.date.as_deref(),
            author: a.author.as_deref(),
            url: a.url.as_deref(),
            entity_count: index.entity_count_of(i),
        })
        .collect()
}

/// Table cells, every article string sanitised; a missing value shows as "-".
fn cells(index: &Index) -> Vec<Vec<String>> {
    let field = |v: &Option<String>| {
        v.as_deref()
            .map_or("-".to_string(), |s| sanitize_line(s).into_owned())
    };
    index
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            vec![
                a.id.to_string(),
                field(&a.date),
                field(&a.source),
                sanitize_line(&a.title).into_owned(),
                index.entity_count_of(i).to_string(),
            ]
        })
        .collect()
}
