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
pub fn run(
    paths: &[std::ffi::OsString],
    json: bool,
    global: &Global,
    out: &Output,
) -> anyhow::Result<Status> {
    let index = super::load_articles(paths, global)?;
    let mut stream = output::Stream::new();
    if json {
        json_rows(&index, &mut stream)?;
    } else if !index.articles.is_empty() {
        let row = |n: usize| cells(&index, n);
        output::stream_table(&COLUMNS, index.articles.len(), row, out, &mut stream)?;
    }
    stream.finish()?;
    if index.articles.is_empty() {
        super::report::message("no articles found");
        return Ok(Status::NoMatch);
    }
    Ok(Status::Success)
}

fn row(index: &Index, i: usize) -> Row<'_> {
    let a = &index.articles[i];
    Row {
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
    }
}

/// The rows as one pretty JSON array, written row by row: the same text as
/// `output::json` of all of them, pretty (its strings hold no raw line break,
/// so each row's lines are indented as the array nests them).
fn json_rows(index: &Index, stream: &mut output::Stream) -> anyhow::Result<()> {
    if index.articles.is_empty() {
        return stream.write("[]\n");
    }
    stream.write("[\n")?;
    for i in 0..index.articles.len() {
        if stream.closed() {
            break;
        }
        let text = output::json(&row(index, i), true)?;
        let mut indented = String::with_capacity(text.len() + 64);
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                indented.push('\n');
            }
            indented.push_str("  ");
            indented.push_str(line);
        }
        let end = if i + 1 < index.articles.len() {
            ",\n"
        } else {
            "\n"
        };
        indented.push_str(end);
        stream.write(&indented)?;
    }
    stream.write("]\n")
}

/// One article's table cells, every string sanitised; a missing value shows as "-".
fn cells(index: &Index, i: usize) -> Vec<String> {
    let field = |v: &Option<String>| {
        v.as_deref()
            .map_or("-".to_string(), |s| sanitize_line(s).into_owned())
    };
    let a = &index.articles[i];
    vec![
        a.id.to_string(),
        field(&a.date),
        field(&a.source),
        sanitize_line(&a.title).into_owned(),
        index.entity_count_of(i).to_string(),
    ]
}
