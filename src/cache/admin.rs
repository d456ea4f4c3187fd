//! `dossier cache info|clear`: what the cache folder holds, and emptying it
//! (all of it, or one corpus's cache).

use super::location::{self, EXTENSION};
use super::store::{self, Summary};
use crate::corpus::Input;
use std::path::{Path, PathBuf};

/// One corpus cache in the folder.
#[derive(Debug, Clone)]
pub struct CacheFile {
    /// The database file.
    pub path: PathBuf,
    /// Bytes on disk, with SQLite's companion files.
    pub bytes: u64,
    /// What it holds, or why it could not be read.
    pub summary: Result<Summary, String>,
}

impl CacheFile {
    /// Whether this build would use it (same extractor version).
    pub fn current(&self) -> bool {
        self.summary
            .as_ref()
            .is_ok_and(|s| s.extractor == crate::extract::version())
    }
}

/// The corpus caches in `folder`, sorted by path; only those of `inputs` when given.
pub fn list(folder: &Path, inputs: &[Input]) -> Vec<CacheFile> {
    files(folder, inputs)
        .into_iter()
        .map(|path| CacheFile {
            bytes: with_companions(&path).iter().map(|p| size(p)).sum(),
            summary: store::summary(&path).map_err(|e| e.to_string()),
            path,
        })
        .collect()
}

/// Deletes the corpus caches in `folder` (only that of `inputs` when given);
/// returns how many and how many bytes.
pub fn clear(folder: &Path, inputs: &[Input]) -> std::io::Result<(usize, u64)> {
    let mut count = 0;
    let mut bytes = 0;
    for path in files(folder, inputs) {
        bytes += with_companions(&path).iter().map(|p| size(p)).sum::<u64>();
        store::remove(&path)?;
        count += 1;
    }
    Ok((count, bytes))
}

fn files(folder: &Path, inputs: &[Input]) -> Vec<PathBuf> {
    if !inputs.is_empty() {
        let Some(key) = location::corpus_key(inputs) else {
            return Vec::new();
        };
        let path = location::file_for(folder, &key);
        return if path.exists() {
            vec![path]
        } else {
            Vec::new()
        };
    }
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| n.starts_with("corpus-") && n.ends_with(&format!(".{EXTENSION}")))
        })
        .collect();
    out.sort();
    out
}

fn with_companions(path: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect()
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}
