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
//! One-shot, as `dossier search` does:
//!
//! ```
//! use dossier::query::{Options, Query, Searcher};
//! let index = dossier::generate::index(50, 1);
//! let searcher = Searcher::new(&index); // once per corpus, at load
//! let query = Query::parse("city:a | firm:a !zzz").unwrap();
//! let hits = searcher.search(&query, &Options::default());
//! for hit in hits.iter().take(3) {
//!     let why = searcher.explain(&query, &Options::default(), hit.article);
//!     assert!(!why.is_empty()); // fields that matched, with char positions to highlight
//! }
//! ```
//!
//! As you type, from a UI thread that must never block:
//!
//! ```
//! use dossier::query::{Found, Options, Searcher, Target, Worker};
//! use std::{sync::Arc, time::Duration};
//! let index = dossier::generate::index(200, 1);
//! let searcher = Arc::new(Searcher::new(&index));
//! let worker = Worker::spawn(Arc::clone(&searcher));
//! // On every keystroke (cheap: it only queues the text):
//! worker.submit("c", Options::default(), Target::Articles);
//! worker.submit("ch", Options::default(), Target::Articles);
//! // In the event loop: `worker.try_recv()` each tick (here we wait instead).
//! let outcome = worker.recv_timeout(Duration::from_secs(10)).unwrap();
//! assert_eq!(outcome.generation, worker.latest()); // only the newest query is reported
//! if let Found::Articles(hits) = &outcome.found {
//!     for hit in hits.iter().take(20) {
//!         let _why = searcher.explain(&outcome.query, &outcome.options, hit.article);
//!     }
//! }
//! ```

mod alternates;
mod bytes;
mod engine;
mod entities;
mod explain;
mod fields;
mod fold;
mod greedy;
mod hits;
mod links;
mod parse;
mod pattern;
mod project;
mod scorer;
mod searcher;
mod single;
mod suggest;
mod tiebreak;
mod worker;

pub use engine::{Cancel, Cancelled, Session};
pub use entities::EntryHit;
pub use explain::{Reason, Source};
pub use fields::{Fields, Options};
pub use parse::{Mode, Query, QueryError, SCOPES, Scope, Term};
pub use scorer::Backend;
pub use searcher::{Hit, Hits, Searcher};
pub use suggest::Suggestion;
pub use worker::{Found, Outcome, Target, Worker};
