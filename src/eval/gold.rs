//! Gold annotation files (format: the gold README): one JSON object per article.

use crate::corpus::Problem;
use anyhow::Context;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// Expected metadata; `None` means the article does not state it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The headline.
    #[serde(default)]
    pub title: Option<String>,
    /// How a derived title must begin, when the article has no headline.
    #[serde(default)]
    pub title_starts: Option<String>,
    /// The outlet.
    #[serde(default)]
    pub source: Option<String>,
    /// Other acceptable outlet names.
    #[serde(default)]
    pub source_alt: Vec<String>,
    /// ISO date prefix.
    #[serde(default)]
    pub date: Option<String>,
    /// The byline's author.
    #[serde(default)]
    pub author: Option<String>,
}

/// One expected entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldEntity {
    /// Its name.
    pub name: String,
    /// Its kind (`city`, `firm`, ...).
    pub kind: String,
    /// Other spellings that also count.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Other kinds that also count.
    #[serde(default)]
    pub also: Vec<String>,
    /// Acceptable but not required.
    #[serde(default)]
    pub optional: bool,
}

/// One gold file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gold {
    /// The article's file name.
    pub file: String,
    /// Expected metadata.
    #[serde(default)]
    pub meta: Meta,
    /// Strings the cleaned body must contain.
    #[serde(default)]
    pub body_must_include: Vec<String>,
    /// Strings the cleaned body must not contain.
    #[serde(default)]
    pub body_must_exclude: Vec<String>,
    /// The named entities.
    #[serde(default)]
    pub entities: Vec<GoldEntity>,
    /// Figure phrases.
    #[serde(default)]
    pub figures: Vec<String>,
    /// Date phrases.
    #[serde(default)]
    pub dates: Vec<String>,
}

/// Reads every `*.json` file of a folder, in file-name order; the first file
/// that cannot be read or parsed is an error.
pub fn load_dir(dir: &Path) -> anyhow::Result<Vec<Gold>> {
    let (golds, problems) = read_dir(dir)?;
    match problems.first() {
        Some(problem) => anyhow::bail!("{problem}"),
        None => Ok(golds),
    }
}

/// Reads every `*.json` file of a folder, in file-name order: the gold files
/// that parse, and a problem (path and reason) for each one that does not.
/// A folder that cannot be read, or holds no gold file, is an error.
pub fn read_dir(dir: &Path) -> anyhow::Result<(Vec<Gold>, Vec<Problem>)> {
    let shown = |p: &Path| crate::text::os_lossless(p.as_os_str()).into_owned();
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", shown(dir)))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        anyhow::bail!("{}: no gold files (*.json)", shown(dir));
    }
    let mut golds = Vec::new();
    let mut problems = Vec::new();
    for path in &paths {
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| format!("unreadable gold file: {e}"))
            .and_then(|text| {
                serde_json::from_str(&text).map_err(|e| format!("invalid gold file: {e}"))
            });
        match parsed {
            Ok(gold) => golds.push(gold),
            Err(reason) => problems.push(Problem {
                path: shown(path),
                reason,
                skipped: true,
            }),
        }
    }
    Ok((golds, problems))
}
