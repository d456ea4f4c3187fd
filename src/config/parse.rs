//! The configuration file's text into a [`Config`]: TOML through serde, with
//! the spans of names and values kept so every mistake points at its line.
//!
//! ```toml
//! theme = "light"                 # dark (default), light, mono
//! ascii = false                   # unset: from the locale
//! paths = ["~/news"]              # opened when no path is given
//! sort = "date"                   # the article list's order (written by `s`)
//! history_size = 1000             # queries kept in the history file (0: none)
//! [colors]                        # backgrounds per kind
//! city = "#feca74"                # a name, #rrggbb, or 0-255
//! [keys]                          # keys per action, by name
//! quit = ["q", "C-c"]
//! ```

use super::Config;
use crate::extract::Kind;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::sort::SortKey;
use crate::tui::theme::Scheme;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::str::FromStr;
use toml::Spanned;

/// Where a mistake is (line and column, 1-based, when known) and what it is.
pub type Mistake = (Option<(usize, usize)>, String);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<Spanned<String>>,
    ascii: Option<bool>,
    paths: Option<Vec<String>>,
    sort: Option<Spanned<String>>,
    history_size: Option<Spanned<i64>>,
    #[serde(default)]
    colors: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
}

/// Parses the text of a configuration file.
pub fn parse(text: &str) -> Result<Config, Mistake> {
    let at = |span: Range<usize>| Some(position(text, span.start));
    let file: File = toml::from_str(text).map_err(|e| {
        let message = e.message().trim().replace('\n', "; ");
        (e.span().and_then(at), message)
    })?;
    let scheme = match &file.theme {
        None => None,
        Some(theme) => Some(scheme(theme.get_ref()).ok_or_else(|| {
            let message = format!("unknown theme '{}' (dark, light or mono)", theme.get_ref());
            (at(theme.span()), message)
        })?),
    };
    let mut colors = [None; 10];
    for (name, value) in in_file_order(&file.colors) {
        let kind = Kind::from_str(name.get_ref()).map_err(|e| (at(name.span()), e.to_string()))?;
        let color = color(value.get_ref()).ok_or_else(|| {
            let message = format!(
                "unknown colour {} for {kind} (a name such as yellow or light-cyan, #rrggbb, or 0-255)",
                value.get_ref()
            );
            (at(value.span()), message)
        })?;
        let slot = Kind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        colors[slot] = Some(color);
    }
    let keymap = keys(&file.keys, &at)?;
    let sort = match &file.sort {
        None => None,
        Some(name) => Some(SortKey::parse(name.get_ref()).ok_or_else(|| {
            let names: Vec<&str> = SortKey::ALL.iter().map(|k| k.as_str()).collect();
            let message = format!(
                "unknown sort '{}' (one of: {})",
                name.get_ref(),
                names.join(", ")
            );
            (at(name.span()), message)
        })?),
    };
    let history_size = match &file.history_size {
        None => None,
        Some(size) => Some(usize::try_from(*size.get_ref()).map_err(|_| {
            let message = "history_size must be 0 (no history) or more".to_string();
            (at(size.span()), message)
        })?),
    };
    Ok(Config {
        path: None,
        scheme,
        ascii: file.ascii,
        colors,
        keymap,
        paths: file.paths.unwrap_or_default(),
        sort,
        history_size,
    })
}

/// The default key table with the `[keys]` overrides; an unknown action or
/// key name, a key left doing two things, or quit without a key is a mistake.
fn keys(
    table: &BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    at: &impl Fn(Range<usize>) -> Option<(usize, usize)>,
) -> Result<Keymap, Mistake> {
    let mut keymap = Keymap::default();
    let mut placed: Vec<(Key, Range<usize>)> = Vec::new();
    for (name, list) in in_file_order(table) {
        let action = keymap.find_action(name.get_ref()).ok_or_else(|| {
            let message = format!(
                "unknown action '{}' in [keys] (one of: {})",
                name.get_ref(),
                keymap.action_names().join(", ")
            );
            (at(name.span()), message)
        })?;
        let mut keys = Vec::new();
        for entry in list.get_ref() {
            let key = Key::parse(entry.get_ref().trim()).ok_or_else(|| {
                let message = format!(
                    "unknown key '{}' (name keys as the help screen does: j, G, ?, C-d, Enter, Esc, Tab, S-Tab, Up, PgDn, Space, ...)",
                    entry.get_ref()
                );
                (at(entry.span()), message)
            })?;
            placed.push((key, entry.span()));
            keys.push(key);
        }
        if keys.is_empty() && action == crate::tui::action::Action::Quit {
            return Err((at(name.span()), "quit needs at least one key".into()));
        }
        keymap.rebind(&action, keys);
    }
    if let Some((key, first, second)) = keymap.conflict() {
        let span = placed
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, s)| s.clone());
        let message = format!(
            "key {key} would do two things: {} and {} (give one of them other keys)",
            Keymap::action_name(&first),
            Keymap::action_name(&second)
        );
        return Err((span.and_then(at), message));
    }
    Ok(keymap)
}

/// The entries of a table in the order they appear in the file.
fn in_file_order<K: Ord, V>(table: &BTreeMap<Spanned<K>, V>) -> Vec<(&Spanned<K>, &V)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn scheme(name: &str) -> Option<Scheme> {
    match name.trim().to_ascii_lowercase().as_str() {
        "dark" => Some(Scheme::Dark),
        "light" => Some(Scheme::Light),
        "mono" | "none" => Some(Scheme::Mono),
        _ => None,
    }
}

fn color(value: &toml::Value) -> Option<Color> {
    match value {
        toml::Value::Integer(n) => u8::try_from(*n).ok().map(Color::Indexed),
        toml::Value::String(s) if s.trim().is_empty() => None,
        toml::Value::String(s) => Color::from_str(s.trim()).ok(),
        _ => None,
    }
}

/// Line and column (1-based, in characters) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nbé = 2\n";
        assert_eq!(position(text, 0), (1, 1));
        assert_eq!(position(text, 6), (2, 1));
        assert_eq!(position(text, 10), (2, 4));
    }

    #[test]
    fn colours_by_name_hex_and_number() {
        let s = |v: &str| color(&toml::Value::String(v.into()));
        assert_eq!(s("yellow"), Some(Color::Yellow));
        assert_eq!(s("light-cyan"), Some(Color::LightCyan));
        assert_eq!(s("#feca74"), Some(Color::Rgb(0xfe, 0xca, 0x74)));
        assert_eq!(color(&toml::Value::Integer(222)), Some(Color::Indexed(222)));
        assert_eq!(color(&toml::Value::Integer(300)), None);
        assert_eq!(s("chartreuse-ish"), None);
    }
}
