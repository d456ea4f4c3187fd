//! `dossier show ID|PATH`: one cleaned article with its metadata, as text or JSON.
//! An id refers to the corpus of the given paths (the embedded seeds by default);
//! a path loads that one file; `file.jsonl:LINE` picks one record.

use super::report;
use super::{
    Output, Status,
    args::{Global, ShowArgs},
    export, output,
};
use crate::corpus::Why;
use crate::index::Index;
use crate::text::{self, sanitize, sanitize_line};
use anyhow::bail;
use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Widest the body is wrapped to on a terminal, for readable lines.
const MAX_TEXT_WIDTH: usize = 100;

/// Runs `dossier show`.
pub fn run(args: &ShowArgs, global: &Global, out: &Output) -> anyhow::Result<Status> {
    let (index, position) = resolve(args, global)?;
    let text = if args.json {
        let mut record = serde_json::to_value(export::record(&index, position))?;
        if let (true, Some(map)) = (args.why, record.as_object_mut()) {
            map.insert(
                "why".into(),
                serde_json::to_value(index.articles[position].why)?,
            );
        }
        output::json(&record, true)?
    } else {
        let mut text = render(&index, position, out);
        if args.why {
            text.push_str(&explain(&index.articles[position].why));
        }
        text
    };
    output::emit(&text)?;
    super::report_late(&index);
    Ok(Status::Success)
}

/// Loads what the target needs and finds the article's position.
fn resolve(args: &ShowArgs, global: &Global) -> anyhow::Result<(Index, usize)> {
    let target = args.target.as_os_str();
    let shown = text::escape_os(target);
    let as_id = target
        .to_str()
        .and_then(|t| t.parse::<usize>().ok())
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
        bail!("{shown}: no such file, and not an article id");
    }
    let index = super::load(&[file.to_os_string()], global)?;
    let wanted = record.map(|line| format!("{}:{line}", text::os_lossless(file)));
    let position = match &wanted {
        Some(path) => index.articles.iter().position(|a| &a.path == path),
        None => (!index.articles.is_empty()).then_some(0),
    };
    let Some(position) = position else {
        bail!("{shown}: no article found there");
    };
    if record.is_none() && index.articles.len() > 1 {
        let file = text::escape_os(file);
        let pick = if Path::new(&args.target).is_dir() {
            format!("pick one with `dossier show ID {file}`, ids from `dossier list {file}`")
        } else {
            format!("pick one with {file}:LINE")
        };
        report::message(&format!(
            "{file} holds {} articles; showing the first ({pick})",
            index.articles.len()
        ));
    }
    Ok((index, position))
}

/// "data.jsonl:12" -> ("data.jsonl", Some(12)) when data.jsonl is a file; else the
/// whole target.
fn split_record(target: &OsStr) -> (&OsStr, Option<usize>) {
    let bytes = target.as_bytes();
    if let Some(colon) = bytes.iter().rposition(|&b| b == b':')
        && let Ok(line) = std::str::from_utf8(&bytes[colon + 1..])
        && let Ok(n) = line.parse::<usize>()
    {
        let file = OsStr::from_bytes(&bytes[..colon]);
        if Path::new(file).is_file() || file == "-" {
            return (file, Some(n));
        }
    }
    (target, None)
}

/// Where each field came from, one line each, after the body.
fn explain(why: &Why) -> String {
    let mut s = String::from("\nWhy\n");
    for (label, evidence) in [
        ("Title", why.title),
        ("Source", why.source),
        ("Date", why.date),
        ("Author", why.author),
    ] {
        s.push_str(&format!("{label:<9} {}\n", evidence.describe()));
    }
    s
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
