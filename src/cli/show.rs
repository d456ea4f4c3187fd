//! `dossier show ID|PATH`: one cleaned article with its metadata, as text or JSON.
//! An id refers to the corpus of the given paths (the embedded seeds by default);
//! a path loads that one file; `file.jsonl:LINE` picks one record.

use super::{
    Output, Status,
    args::{Global, ShowArgs},
    export, output,
};
use crate::index::Index;
use crate::text::{sanitize, sanitize_line};
use anyhow::bail;
use std::path::Path;

/// Widest the body is wrapped to on a terminal, for readable lines.
const MAX_TEXT_WIDTH: usize = 100;

/// Runs `dossier show`.
pub fn run(args: &ShowArgs, global: &Global, out: &Output) -> anyhow::Result<Status> {
    let (index, position) = resolve(args, global)?;
    let text = if args.json {
        output::terminal_safe_json(
            serde_json::to_string_pretty(&export::record(&index, position))? + "\n",
        )
    } else {
        render(&index, position, out)
    };
    output::emit(&text)?;
    super::report_late(&index);
    Ok(Status::Success)
}

/// Loads what the target needs and finds the article's position.
fn resolve(args: &ShowArgs, global: &Global) -> anyhow::Result<(Index, usize)> {
    let target = args.target.as_str();
    let as_id = target
        .parse::<usize>()
        .ok()
        .filter(|_| !Path::new(target).exists());
    if let Some(id) = as_id {
        let index = super::load(&args.paths, global)?;
        let Some(position) = index.articles.iter().position(|a| a.id == id) else {
            bail!(
                "no article with id {id} (the corpus has {})",
                index.articles.len()
            );
        };
        return Ok((index, position));
    }
    let (file, record) = split_record(target);
    if !Path::new(file).exists() && target != "-" {
        bail!(
            "{}: no such file, and not an article id",
            sanitize_line(target)
        );
    }
    let index = super::load(&[file.to_string()], global)?;
    let position = match record {
        Some(_) => index.articles.iter().position(|a| a.path == target),
        None => (!index.articles.is_empty()).then_some(0),
    };
    let Some(position) = position else {
        bail!("{}: no article found there", sanitize_line(target));
    };
    if record.is_none() && index.articles.len() > 1 {
        eprintln!(
            "dossier: {} holds {} articles; showing the first (pick one with {}:LINE)",
            sanitize_line(file),
            index.articles.len(),
            sanitize_line(file)
        );
    }
    Ok((index, position))
}

/// "data.jsonl:12" -> ("data.jsonl", Some(12)) when data.jsonl exists; else the whole target.
fn split_record(target: &str) -> (&str, Option<usize>) {
    if let Some((file, line)) = target.rsplit_once(':')
        && let Ok(n) = line.parse::<usize>()
        && (Path::new(file).is_file() || file == "-")
    {
        return (file, Some(n));
    }
    (target, None)
}

/// The metadata header, then the body: sanitised, wrapped on a terminal.
fn render(index: &Index, position: usize, out: &Output) -> String {
    let a = &index.articles[position];
    let none = "-".to_string();
    let field = |v: &Option<String>| {
        v.as_ref()
            .map_or(none.clone(), |s| sanitize_line(s).into_owned())
    };
    let derived = if a.title_derived { " (derived)" } else { "" };
    let count = index.entity_count_of(position);
    let mut s = String::new();
    s.push_str(&out.bold(&sanitize_line(&a.title)));
    s.push_str(derived);
    s.push('\n');
    for (label, value) in [
        ("Source", field(&a.source)),
        ("Date", field(&a.date)),
        ("Author", field(&a.author)),
        ("URL", field(&a.url)),
        ("File", sanitize_line(&a.path).into_owned()),
        ("Id", a.id.to_string()),
        ("Entities", count.to_string()),
    ] {
        s.push_str(&format!("{label:<9} {value}\n"));
    }
    s.push('\n');
    let body = index.body(position);
    let body = sanitize(&body);
    let width = out.width.map(|w| w.clamp(20, MAX_TEXT_WIDTH));
    let paragraphs: Vec<String> = body
        .split("\n\n")
        .map(|p| width.map_or_else(|| p.to_string(), |w| output::wrap(p, w)))
        .collect();
    s.push_str(&paragraphs.join("\n\n"));
    s.push('\n');
    s
}
