//! What the explorer keeps between runs, outside any corpus folder: the query
//! history in `$XDG_STATE_HOME/dossier/history` (one query a line, oldest
//! first, at most `history_size` of them, as fzf's `--history`), and the list
//! order, written into the configuration file it already reads. Files are
//! replaced whole (written beside, then renamed), so a crash never leaves half
//! a file; a line that is not a clean query is dropped when read.

use super::sort::SortKey;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many queries are kept when the configuration does not say (fzf's default).
pub const HISTORY_SIZE: usize = 1000;

/// `$XDG_STATE_HOME/dossier/history`, else `$HOME/.local/state/dossier/history`.
pub fn history_path(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let base = match var("XDG_STATE_HOME").filter(|v| Path::new(v).is_absolute()) {
        Some(xdg) => PathBuf::from(xdg),
        None => PathBuf::from(var("HOME").filter(|h| !h.is_empty())?).join(".local/state"),
    };
    Some(base.join("dossier").join("history"))
}

/// Where the explorer writes what it remembers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Persist {
    /// The configuration file the list order is written into (None: `--no-config`).
    pub config: Option<PathBuf>,
    /// The history file (None: no history kept).
    pub history: Option<PathBuf>,
    /// How many queries the history keeps.
    pub history_size: usize,
}

/// The queries of a history file, oldest first: lines that are clean queries
/// (no control characters, not blank), the newest `size` of them. A missing
/// or unreadable file is an empty history.
pub fn read_history(path: &Path, size: usize) -> Vec<String> {
    let Ok(bytes) = std::fs::read(path) else {
        return Vec::new();
    };
    let text = String::from_utf8_lossy(&bytes);
    let mut queries: Vec<String> = Vec::new();
    for line in text.lines() {
        let clean = line.trim();
        if clean.is_empty() || crate::text::sanitize_line(clean) != clean {
            continue;
        }
        queries.retain(|q| q != clean);
        queries.push(clean.to_string());
    }
    let skip = queries.len().saturating_sub(size);
    queries.split_off(skip)
}

/// Adds `query` to the history file as its newest line (moving it there if it
/// was kept), keeping the newest `size`. Re-reads the file first, so queries
/// another dossier added meanwhile are kept.
pub fn remember_query(path: &Path, size: usize, query: &str) -> std::io::Result<()> {
    if size == 0 {
        return Ok(());
    }
    let mut queries = read_history(path, size);
    let query = query.trim();
    queries.retain(|q| q != query);
    queries.push(query.to_string());
    let skip = queries.len().saturating_sub(size);
    let mut text = queries[skip..].join("\n");
    text.push('\n');
    replace(path, text.as_bytes())
}

/// Writes `sort = "KEY"` into the configuration file at `path` (created if
/// missing), keeping everything else in it as it was (comments, order).
pub fn remember_sort(path: &Path, key: SortKey) -> Result<(), String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    doc["sort"] = toml_edit::value(key.as_str());
    replace(path, doc.to_string().as_bytes()).map_err(|e| format!("{}: {e}", path.display()))
}

/// Replaces the file at `path` with `bytes`: written beside it, then renamed.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let name = path
        .file_name()
        .map_or("dossier".into(), |n| n.to_string_lossy().into_owned());
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = std::fs::File::create(&temporary)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_path_follows_xdg_state_home() {
        let vars = |xdg: &'static str| {
            move |k: &str| match k {
                "XDG_STATE_HOME" => Some(xdg.to_string()),
                "HOME" => Some("/home/ann".to_string()),
                _ => None,
            }
        };
        assert_eq!(
            history_path(vars("/s")),
            Some(PathBuf::from("/s/dossier/history"))
        );
        assert_eq!(
            history_path(vars("relative")),
            Some(PathBuf::from("/home/ann/.local/state/dossier/history"))
        );
    }

    #[test]
    fn the_history_file_keeps_the_newest_clean_queries() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state/dossier/history");
        for q in ["chong", "firm:ali", "chong", "city:x"] {
            remember_query(&path, 3, q).expect("written");
        }
        assert_eq!(read_history(&path, 3), ["firm:ali", "chong", "city:x"]);
        remember_query(&path, 2, "zone:").expect("written");
        assert_eq!(read_history(&path, 10), ["city:x", "zone:"]);
        std::fs::write(&path, "ok\n\x1b[31mbad\n\n  spaced  \n\u{ff}\n").expect("written");
        assert_eq!(read_history(&path, 10), ["ok", "spaced", "\u{ff}"]);
        assert!(read_history(&dir.path().join("missing"), 5).is_empty());
    }

    #[test]
    fn remembering_the_order_keeps_the_rest_of_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.toml");
        let before = "# mine\ntheme = \"light\"\n\n[keys]\nquit = [\"q\"]\n";
        std::fs::write(&path, before).expect("written");
        remember_sort(&path, SortKey::Date).expect("remembered");
        remember_sort(&path, SortKey::Outlet).expect("remembered");
        let after = std::fs::read_to_string(&path).expect("read");
        assert!(after.starts_with("# mine\ntheme = \"light\"\n"), "{after}");
        assert!(after.contains("sort = \"outlet\""), "{after}");
        assert!(after.contains("[keys]\nquit = [\"q\"]"), "{after}");
        let config = crate::config::parse(&after).expect("still a valid configuration");
        assert_eq!(config.sort, Some(SortKey::Outlet));
        let fresh = dir.path().join("new/config.toml");
        remember_sort(&fresh, SortKey::Entities).expect("created");
        assert_eq!(
            std::fs::read_to_string(&fresh).expect("read"),
            "sort = \"entities\"\n"
        );
    }
}
