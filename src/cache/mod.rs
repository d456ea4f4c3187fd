//! The persistent per-corpus index: each corpus's cleaned articles and their
//! entities, kept in `$XDG_CACHE_HOME/dossier/` (never in the corpus) in an
//! SQLite database, so that reopening unchanged files costs no reading,
//! cleaning or extraction. See [`load::load`].

pub mod admin;
pub mod bodies;
pub mod load;
pub mod location;
pub mod progress;
pub mod record;
pub mod store;

pub use load::load;
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
        }
    }

    /// No cache at all.
    pub fn none() -> Options {
        Options::default()
    }
}
