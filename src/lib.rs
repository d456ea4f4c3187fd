//! dossier: a terminal explorer for news corpora.
//!
//! The flow runs one way (see `GUIDE.md` in the shared folder): [`corpus`] loads and
//! cleans articles, [`extract`] finds typed entities in each body, [`index`] builds the
//! corpus-wide views once, [`query`] filters them per keystroke, and the [`tui`] and
//! [`cli`] front ends only read the index.
#![warn(missing_docs)]

pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod eval;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod generate;
pub mod index;
pub mod memory;
pub mod query;
pub mod text;
pub mod tui;

pub use corpus::{Article, Corpus, Problem};
pub use extract::{Entity, Kind, Mention};
pub use index::Index;
