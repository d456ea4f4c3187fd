//! Where caches live: `$XDG_CACHE_HOME/dossier/` (else `~/.cache/dossier/`), one
//! SQLite file per corpus, named after the corpus's inputs.

use crate::corpus::Input;
use std::path::{Path, PathBuf};

/// File name extension of a corpus cache.
pub const EXTENSION: &str = "sqlite";

/// The cache folder from the environment: `$XDG_CACHE_HOME/dossier` when it
/// is set to an absolute path (the XDG rule), else `$HOME/.cache/dossier`.
pub fn folder(env: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let xdg = env("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| {
        env("HOME")
            .filter(|v| !v.is_empty())
            .map(|home| Path::new(&home).join(".cache"))
    })?;
    Some(base.join("dossier"))
}

/// The cache folder of this process's environment.
pub fn default_folder() -> Option<PathBuf> {
    folder(|name| std::env::var(name).ok())
}

/// What names a corpus: its inputs, each made absolute and canonical when it
/// exists, in the order given (stdin is never cached, so it does not count).
/// `None` when no input is a path.
pub fn corpus_key(inputs: &[Input]) -> Option<String> {
    let paths: Vec<String> = inputs
        .iter()
        .filter_map(|input| match input {
            Input::Path(p) => Some(canonical(p)),
            Input::Stdin => None,
        })
        .collect();
    (!paths.is_empty()).then(|| paths.join("\n"))
}

/// A path made absolute and canonical when possible, as text.
pub fn canonical(path: &Path) -> String {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// The cache file of the corpus named by `key`, inside `folder`.
pub fn file_for(folder: &Path, key: &str) -> PathBuf {
    folder.join(format!("corpus-{:016x}.{EXTENSION}", fnv(key.as_bytes())))
}

/// FNV-1a, 64 bits: a stable name for a corpus across runs and builds.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xdg_cache_home_wins_when_absolute_else_home() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            folder(env(&[("XDG_CACHE_HOME", "/c"), ("HOME", "/h")])),
            Some(PathBuf::from("/c/dossier"))
        );
        assert_eq!(
            folder(env(&[("XDG_CACHE_HOME", "rel"), ("HOME", "/h")])),
            Some(PathBuf::from("/h/.cache/dossier"))
        );
        assert_eq!(folder(env(&[])), None);
    }

    #[test]
    fn a_corpus_is_named_by_its_inputs_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let a = Input::Path(dir.path().join("a"));
        let b = Input::Path(dir.path().join("b"));
        let ab = corpus_key(&[a.clone(), b.clone()]).unwrap();
        let ba = corpus_key(&[b, a.clone()]).unwrap();
        assert_ne!(file_for(dir.path(), &ab), file_for(dir.path(), &ba));
        assert_eq!(corpus_key(&[Input::Stdin]), None);
        assert_eq!(corpus_key(&[a.clone(), Input::Stdin]), corpus_key(&[a]));
    }
}
