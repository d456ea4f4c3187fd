//! Inputs to a flat, deterministic list of things to read: files named outright,
//! every file under a folder (recursively, sorted by path, hidden entries skipped),
//! and stdin. Paths that cannot be walked become problems in the same order.

use super::{Input, Problem, read::describe};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One thing to read, or a problem found while walking, in load order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Entry {
    /// A file to read.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// A path that could not be walked.
    Problem(Problem),
}

/// Expands the inputs, keeping their order; a folder's files are sorted by path.
pub(crate) fn expand(inputs: &[Input]) -> Vec<Entry> {
    let mut entries = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => entries.push(Entry::Stdin),
            Input::Path(path) => expand_path(path, &mut entries),
        }
    }
    entries
}

fn expand_path(path: &Path, entries: &mut Vec<Entry>) {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let mut found = Vec::new();
            let mut seen = HashSet::new();
            walk_dir(path, &mut found, &mut seen);
            found.sort_by_key(entry_path);
            entries.extend(found);
        }
        Ok(_) => entries.push(Entry::File(path.to_path_buf())),
        Err(e) => entries.push(problem(path, describe(&e))),
    }
}

/// Sort key: the path of a file or of a problem (problems carry it as text).
fn entry_path(entry: &Entry) -> PathBuf {
    match entry {
        Entry::File(p) => p.clone(),
        Entry::Problem(p) => PathBuf::from(&p.path),
        Entry::Stdin => PathBuf::new(),
    }
}

fn walk_dir(dir: &Path, found: &mut Vec<Entry>, seen: &mut HashSet<PathBuf>) {
    // Symlinked folders are followed once; a loop back to a folder already
    // walked stops here, and says so.
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real.clone())
    {
        let inside = dir
            .parent()
            .and_then(|p| std::fs::canonicalize(p).ok())
            .is_some_and(|parent| parent.starts_with(&real));
        let shown = super::shown(&real);
        let reason = if inside {
            format!("symbolic link loop (back to {shown}); not followed")
        } else {
            format!("a link to a folder already read ({shown}); not read twice")
        };
        return found.push(problem(dir, reason));
    }
    let reader = match std::fs::read_dir(dir) {
        Ok(reader) => reader,
        Err(e) => return found.push(problem(dir, describe(&e))),
    };
    for item in reader {
        let item = match item {
            Ok(item) => item,
            Err(e) => {
                found.push(problem(dir, describe(&e)));
                continue;
            }
        };
        if is_hidden(&item.file_name()) {
            continue;
        }
        let path = item.path();
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk_dir(&path, found, seen),
            Ok(meta) if meta.is_file() => found.push(Entry::File(path)),
            Ok(_) => found.push(problem(&path, "not a regular file".into())),
            Err(e) => found.push(problem(&path, describe(&e))),
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn problem(path: &Path, reason: String) -> Entry {
    Entry::Problem(Problem {
        path: super::shown(path),
        reason,
        skipped: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files(entries: &[Entry], root: &Path) -> Vec<String> {
        entries
            .iter()
            .filter_map(|e| match e {
                Entry::File(p) => Some(p.strip_prefix(root).unwrap().display().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn folders_are_walked_sorted_and_hidden_entries_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/c")).unwrap();
        fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "z.txt",
            "a.txt",
            "b/c/d.md",
            "b/a.html",
            ".hidden.txt",
            ".git/x.txt",
        ] {
            fs::write(root.join(f), "x").unwrap();
        }
        let entries = expand(&[Input::Path(root.to_path_buf())]);
        assert_eq!(
            files(&entries, root),
            ["a.txt", "b/a.html", "b/c/d.md", "z.txt"]
        );
    }

    #[test]
    fn missing_paths_become_problems_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "x").unwrap();
        let missing = dir.path().join("nope");
        let entries = expand(&[
            Input::Path(missing.clone()),
            Input::Path(file.clone()),
            Input::Stdin,
        ]);
        assert!(
            matches!(&entries[0], Entry::Problem(p) if p.reason == "no such file or directory")
        );
        assert_eq!(entries[1], Entry::File(file));
        assert_eq!(entries[2], Entry::Stdin);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_terminate() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("a")).unwrap();
        fs::write(dir.path().join("a/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
        let entries = expand(&[Input::Path(dir.path().to_path_buf())]);
        assert_eq!(files(&entries, dir.path()).len(), 1);
        let loops: Vec<&Problem> = entries
            .iter()
            .filter_map(|e| match e {
                Entry::Problem(p) => Some(p),
                _ => None,
            })
            .collect();
        assert_eq!(loops.len(), 1, "{entries:?}");
        assert!(loops[0].path.ends_with("a/loop"), "{loops:?}");
        assert!(
            loops[0].reason.starts_with("symbolic link loop"),
            "{loops:?}"
        );
    }
}
