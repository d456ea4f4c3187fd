//! The persistent per-corpus index: each corpus's cleaned articles and their
//! entities, kept in `$XDG_CACHE_HOME/dossier/` (never in the corpus) in an
//! SQLite database, so that reopening unchanged files costs no reading,
//! cleaning or extraction. See [`load::load`].

pub mod admin;
pub mod bodies;
mod gather;
pub mod load;
pub mod location;
pub mod progress;
pub mod record;
pub mod store;

pub use load::{Watch, load, load_watched};
pub use progress::{Progress, Snapshot};

use std::path::PathBuf;

/// Whether and where to cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The cache folder; `None` runs without a cache (`--no-cache`, or no
    /// `XDG_CACHE_HOME` nor `HOME` to put one in).
    pub folder: Option<PathBuf>,
    /// Extract entities again even where a JSON Lines record gives them (an
    /// export read back); such a corpus has a cache of its own.
    pub reextract: bool,
    /// Only the articles are wanted (`dossier list`): a reopen then leaves the
    /// corpus table and every article's entities on disk.
    pub articles_only: bool,
}

impl Options {
    /// The cache in this process's environment, unless `disabled`.
    pub fn from_env(disabled: bool) -> Options {
        Options {
            folder: if disabled {
                None
            } else {
                location::default_folder()
            },
            reextract: false,
            articles_only: false,
        }
    }

    /// No cache at all.
    pub fn none() -> Options {
        Options::default()
    }
}
