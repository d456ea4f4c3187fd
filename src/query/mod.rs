//! Filtering articles and entities as you type: fzf's extended-search syntax plus
//! `kind:` scopes ([`Query`]), matched per field (titles, outlets, entity names and
//! aliases, never whole bodies) over tables prepared once at load ([`Searcher`]).
//!
//! A keystroke only parses the query, scores the corpus-wide table of unique texts
//! (narrowed to the previous query's hits when the query only grew, see [`Session`]),
//! projects the scores onto articles and sorts. [`Worker`] runs that off the UI
//! thread, newest query wins. [`Searcher::explain`] says why an article matched,
//! with char positions for highlighting, for the rows on screen only.
//!
//! ```
//! use dossier::query::{Options, Query, Searcher};
//! let index = dossier::generate::index(50, 1);
//! let searcher = Searcher::new(&index);
//! let query = Query::parse("city:a | firm:a !zzz").unwrap();
//! let hits = searcher.search(&query, &Options::default());
//! for hit in hits.iter().take(3) {
//!     let why = searcher.explain(&query, &Options::default(), hit.article);
//!     assert!(!why.is_empty());
//! }
//! ```

mod engine;
mod entities;
mod explain;
mod fields;
mod fold;
mod parse;
mod pattern;
mod scorer;
mod searcher;
mod worker;

pub use engine::{Cancel, Cancelled, Session};
pub use entities::EntryHit;
pub use explain::{Reason, Source};
pub use fields::{Fields, Options};
pub use parse::{Mode, Query, QueryError, SCOPES, Scope, Term};
pub use scorer::Backend;
pub use searcher::{Hit, Hits, Searcher};
pub use worker::{Found, Outcome, Target, Worker};
