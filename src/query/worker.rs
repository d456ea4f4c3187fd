//! Filtering off the UI thread: the UI submits each keystroke's query and polls
//! for outcomes; the worker always runs the newest request, abandons a run as
//! soon as a newer one arrives (checked between chunks), and only ever reports
//! outcomes that were current when they finished.

use super::engine::Session;
use super::entities::EntryHit;
use super::fields::Options;
use super::parse::{Query, QueryError};
use super::searcher::{Hits, Searcher};
use crate::index::EntryId;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What to filter.
#[derive(Debug, Clone)]
pub enum Target {
    /// The article list.
    Articles,
    /// Entries of the table, keeping this subset's order on ties (all when `None`).
    Entries(Option<Arc<[EntryId]>>),
}

/// What the worker found for one request.
#[derive(Debug, Clone)]
pub enum Found {
    /// Matching articles, best first.
    Articles(Hits),
    /// Matching entries, best first.
    Entries(Vec<EntryHit>),
}

/// The answer to one submitted query.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The number [`Worker::submit`] returned for it.
    pub generation: u64,
    /// The query as read (fzf's lenient reading: see [`Query::parse_lenient`]).
    pub query: Query,
    /// What the strict parser would reject, to show under the filter line.
    pub problems: Vec<QueryError>,
    /// The options it ran with (pass them to [`Searcher::explain`] too).
    pub options: Options,
    /// The results.
    pub found: Found,
    /// Time spent on it in the worker.
    pub elapsed: Duration,
}

struct Request {
    generation: u64,
    input: String,
    options: Options,
    target: Target,
}

/// A filtering thread with "newest query wins" cancellation.
pub struct Worker {
    requests: Option<Sender<Request>>,
    outcomes: Receiver<Outcome>,
    latest: Arc<AtomicU64>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Worker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Worker(latest {})", self.latest.load(Ordering::Relaxed))
    }
}

fn serve(
    searcher: Arc<Searcher>,
    requests: Receiver<Request>,
    outcomes: Sender<Outcome>,
    latest: Arc<AtomicU64>,
) {
    let mut session = Session::new();
    while let Ok(mut request) = requests.recv() {
        while let Ok(newer) = requests.try_recv() {
            request = newer;
        }
        let started = Instant::now();
        let generation = request.generation;
        let cancel = || latest.load(Ordering::Acquire) != generation;
        let (query, problems) = Query::parse_lenient(&request.input);
        let found = match &request.target {
            Target::Articles => session
                .search(&searcher, &query, &request.options, &cancel)
                .map(Found::Articles),
            Target::Entries(subset) => session
                .filter_entries(
                    &searcher,
                    &query,
                    &request.options,
                    subset.as_deref(),
                    &cancel,
                )
                .map(Found::Entries),
        };
        let Ok(found) = found else { continue };
        if cancel() {
            continue;
        }
        let outcome = Outcome {
            generation,
            query,
            problems,
            options: request.options,
            found,
            elapsed: started.elapsed(),
        };
        if outcomes.send(outcome).is_err() {
            return;
        }
    }
}

impl Worker {
    /// Starts the thread.
    pub fn spawn(searcher: Arc<Searcher>) -> Worker {
        let (requests, inbox) = mpsc::channel();
        let (outbox, outcomes) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("dossier-filter".into())
            .spawn(move || serve(searcher, inbox, outbox, shared))
            .ok();
        Worker {
            requests: Some(requests),
            outcomes,
            latest,
            thread,
        }
    }

    /// Queues a query (typed input, read leniently) and returns its generation;
    /// any run for an older generation stops at its next chunk.
    pub fn submit(&self, input: &str, options: Options, target: Target) -> u64 {
        let generation = self.latest.fetch_add(1, Ordering::AcqRel) + 1;
        let request = Request {
            generation,
            input: input.to_string(),
            options,
            target,
        };
        if let Some(requests) = &self.requests {
            let _ = requests.send(request);
        }
        generation
    }

    /// The generation of the newest submitted query: while it differs from the
    /// last outcome's, a result is still being computed.
    pub fn latest(&self) -> u64 {
        self.latest.load(Ordering::Acquire)
    }

    /// The newest finished outcome, if any, without waiting (older ones are dropped).
    pub fn try_recv(&self) -> Option<Outcome> {
        let mut newest = None;
        while let Ok(outcome) = self.outcomes.try_recv() {
            newest = Some(outcome);
        }
        newest.filter(|o| o.generation == self.latest.load(Ordering::Acquire))
    }

    /// Waits up to `timeout` for the outcome of the newest submitted query.
    pub fn recv_timeout(&self, timeout: Duration) -> Option<Outcome> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.outcomes.recv_timeout(left) {
                Ok(o) if o.generation == self.latest.load(Ordering::Acquire) => return Some(o),
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Closing the channel ends the loop; bumping the generation cancels a run in progress.
        self.latest.fetch_add(1, Ordering::AcqRel);
        self.requests.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
