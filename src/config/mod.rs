//! The configuration file, `$XDG_CONFIG_HOME/dossier/config.toml` (else
//! `~/.config/dossier/config.toml`; `--config PATH` or `DOSSIER_CONFIG` name
//! another, `--no-config` skips it): the theme, colours per kind, key
//! overrides by action name, ASCII drawing, the paths the explorer opens
//! when given none, the article list's order and the history's size. A mistake is one line naming the file, line and column.

mod parse;

pub use parse::parse;

use crate::tui::keymap::Keymap;
use crate::tui::theme::{Scheme, Theme};
use ratatui::style::Color;
use std::path::{Path, PathBuf};

/// What the configuration file sets (everything optional).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// `theme = "dark" | "light" | "mono"`.
    pub scheme: Option<Scheme>,
    /// `ascii = true | false` (unset: from the locale).
    pub ascii: Option<bool>,
    /// `[colors]`: a background per kind, in `Kind::ALL` order.
    pub colors: [Option<Color>; 10],
    /// The key table with `[keys]` applied.
    pub keymap: Keymap,
    /// `paths = [...]`: opened when the command line names none (relative
    /// paths are taken from the configuration file's folder, `~/` from HOME).
    pub paths: Vec<String>,
    /// `sort = "date"`: the article list's order (the explorer writes it when
    /// `s` changes it).
    pub sort: Option<crate::tui::sort::SortKey>,
    /// `history_size = N`: how many filter queries the history file keeps
    /// (0: no history file); unset: 1000, as fzf's.
    pub history_size: Option<usize>,
}

/// A configuration file that cannot be used: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), position.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// Line and column (1-based), when the problem is at one place.
    pub position: Option<(usize, usize)>,
    /// What is wrong, on one line.
    pub message: String,
}

/// Where the configuration comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `--no-config`: none.
    Nothing,
    /// `--config PATH` or `DOSSIER_CONFIG`: this file, which must exist.
    Named(PathBuf),
    /// The usual place, if there is a file there.
    Default,
}

impl Config {
    /// Reads the configuration from `source`; `var` reads the environment.
    pub fn load(
        source: Source,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Config, ConfigError> {
        let source = match source {
            Source::Default => match var("DOSSIER_CONFIG").filter(|v| !v.is_empty()) {
                Some(path) => Source::Named(PathBuf::from(path)),
                None => Source::Default,
            },
            other => other,
        };
        let path = match source {
            Source::Nothing => return Ok(Config::default()),
            Source::Named(path) => path,
            Source::Default => match default_path(&var) {
                Some(path) if path.is_file() => path,
                _ => return Ok(Config::default()),
            },
        };
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
            path: path.clone(),
            position: None,
            message: e.to_string(),
        })?;
        let mut config = parse(&text).map_err(|(position, message)| ConfigError {
            path: path.clone(),
            position,
            message,
        })?;
        let home = var("HOME");
        let folder = path.parent().unwrap_or(Path::new("."));
        config.paths = config
            .paths
            .iter()
            .map(|p| resolve(p, folder, home.as_deref()))
            .collect();
        config.path = Some(path);
        Ok(config)
    }

    /// `theme` with this file's scheme, colours and ASCII choice applied.
    pub fn apply(&self, mut theme: Theme) -> Theme {
        if let Some(scheme) = self.scheme {
            theme.scheme = scheme;
        }
        theme.kinds = self.colors;
        theme
    }
}

/// `$XDG_CONFIG_HOME/dossier/config.toml`, else `$HOME/.config/dossier/config.toml`.
pub fn default_path(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let base = match var("XDG_CONFIG_HOME").filter(|v| Path::new(v).is_absolute()) {
        Some(xdg) => PathBuf::from(xdg),
        None => PathBuf::from(var("HOME").filter(|h| !h.is_empty())?).join(".config"),
    };
    Some(base.join("dossier").join("config.toml"))
}

/// A `paths` entry as a path to open: `~/` from HOME, relative to `folder`.
fn resolve(entry: &str, folder: &Path, home: Option<&str>) -> String {
    if entry == "-" {
        return entry.to_string();
    }
    let path = match (entry.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => Path::new(home).join(rest),
        _ if entry == "~" && home.is_some() => PathBuf::from(home.unwrap_or_default()),
        _ => folder.join(entry),
    };
    path.to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_prefers_an_absolute_xdg_config_home() {
        let vars = |xdg: &'static str| {
            move |k: &str| match k {
                "XDG_CONFIG_HOME" => Some(xdg.to_string()),
                "HOME" => Some("/home/ann".to_string()),
                _ => None,
            }
        };
        assert_eq!(
            default_path(vars("/x")),
            Some(PathBuf::from("/x/dossier/config.toml"))
        );
        // A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
        assert_eq!(
            default_path(vars("rel")),
            Some(PathBuf::from("/home/ann/.config/dossier/config.toml"))
        );
    }

    #[test]
    fn paths_resolve_against_home_and_the_file() {
        let folder = Path::new("/etc/dossier");
        assert_eq!(
            resolve("~/news", folder, Some("/home/ann")),
            "/home/ann/news"
        );
        assert_eq!(resolve("feeds", folder, None), "/etc/dossier/feeds");
        assert_eq!(resolve("/abs", folder, None), "/abs");
        assert_eq!(resolve("-", folder, None), "-");
    }

    #[test]
    fn errors_read_as_file_line_column_message() {
        let e = ConfigError {
            path: PathBuf::from("/c.toml"),
            position: Some((3, 7)),
            message: "unknown action 'qit'".into(),
        };
        assert_eq!(e.to_string(), "/c.toml:3:7: unknown action 'qit'");
    }
}
