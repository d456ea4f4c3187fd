//! Work the explorer does off the UI thread besides filtering: reading and
//! preparing a huge article for the reader (its body and entities read from
//! the cache, sanitised and mapped), and what occurs with an entity found in
//! many articles, while the screen stays live. `update` only asks (an effect
//! in [`State::jobs`]); the event loop starts the work and its result comes
//! back through the channel like any input.

use super::document::Document;
use super::events::Input;
use super::facet::Facet;
use super::filter::Engine;
use super::state::{ListRow, Screen, State};
use super::wrap::Wrapped;
use crate::index::{EntryId, Index};
use std::sync::Arc;
use std::sync::mpsc::Sender;

/// Bodies longer than this (in bytes) are prepared off the UI thread.
pub const BIG_BODY: usize = 256 * 1024;

/// Entries in more articles than this have their co-occurrences worked out
/// off the UI thread.
pub const BIG_ENTRY: usize = 20_000;

/// Something to do off the UI thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Prepare the reader's document of this article.
    Document(usize),
    /// Work out what occurs with this entry, under the facet of this
    /// generation (0: none).
    With(EntryId, u64),
}

/// What a job gave.
#[derive(Debug, Clone)]
pub enum Done {
    /// An article's document.
    Document(usize, Arc<Document>),
    /// What occurs with an entry, under the facet of this generation.
    With(EntryId, u64, Arc<Vec<ListRow>>),
}

/// What a job may read: the corpus, the filter engine when it is prepared,
/// and the facet in force.
#[derive(Debug, Clone)]
pub struct Context {
    /// The corpus.
    pub index: Arc<Index>,
    /// The filter engine (its tables count co-occurrences fastest).
    pub engine: Option<Arc<Engine>>,
    /// The newest facet counted.
    pub facet: Option<Arc<Facet>>,
}

impl Context {
    /// What the jobs of `state` may read.
    pub fn of(state: &State) -> Context {
        Context {
            index: Arc::clone(&state.model.index),
            engine: state.model.engine.clone(),
            facet: state.facet.current.clone(),
        }
    }
}

/// Does a job (on whatever thread calls it).
pub fn run(job: Job, context: &Context) -> Done {
    match job {
        Job::Document(article) => Done::Document(article, prepare(&context.index, article)),
        Job::With(entry, generation) => {
            let member = context
                .facet
                .as_deref()
                .filter(|f| generation != 0 && f.generation == generation)
                .map(|f| f.member.as_slice());
            let rows = super::update::compute_with_rows(
                &context.index,
                context.engine.as_deref(),
                member,
                entry,
            );
            Done::With(entry, generation, Arc::new(rows))
        }
    }
}

/// Starts `job` on a thread of its own; its result goes to `tx`. Without a
/// thread it is done here, late rather than never.
pub fn start(job: Job, context: Context, tx: Sender<Input>) {
    let (on_thread, tx_thread) = (context.clone(), tx.clone());
    let spawned = std::thread::Builder::new()
        .name("job".into())
        .spawn(move || {
            let _ = tx_thread.send(Input::Done(run(job, &on_thread)));
        });
    if spawned.is_err() {
        let _ = tx.send(Input::Done(run(job, &context)));
    }
}

/// The reader's document of `article`.
pub fn prepare(index: &Index, article: usize) -> Arc<Document> {
    let body = index.body(article);
    Arc::new(Document::from_body(body, &index.entities(article)))
}

/// Does the jobs asked for at once, on this thread (snapshots and tests).
pub fn run_now(state: &mut State) {
    while !state.jobs.is_empty() {
        for job in std::mem::take(&mut state.jobs) {
            let done = run(job, &Context::of(state));
            state.job_done(done);
        }
    }
}

impl State {
    /// A job's result.
    pub fn job_done(&mut self, done: Done) {
        match done {
            Done::Document(article, doc) => self.document_ready(article, doc),
            Done::With(entry, generation, rows) => self.with_ready(entry, generation, rows),
        }
    }

    /// What occurs with `entry` is worked out: the lists showing it take it
    /// (unless the facet it was counted under is no longer in force).
    fn with_ready(&mut self, entry: EntryId, generation: u64, rows: Arc<Vec<ListRow>>) {
        if self.facet().map_or(0, |f| f.generation) != generation {
            return;
        }
        self.with_cache.insert(entry, Arc::clone(&rows));
        if self.corpus.with_entry == Some(entry) {
            self.corpus.with_rows = Arc::clone(&rows);
        }
        for screen in &mut self.stack {
            if let Screen::Entity(view) = screen
                && view.entry == entry
            {
                view.with_rows = Arc::clone(&rows);
            }
        }
        super::update::settle(self);
    }

    /// An article's document is ready: the readers waiting for it show it.
    pub fn document_ready(&mut self, article: usize, doc: Arc<Document>) {
        // One huge document is kept for reopening, not every one ever opened.
        self.documents.retain(|_, d| d.text.len() <= BIG_BODY);
        self.documents.insert(article, Arc::clone(&doc));
        for screen in &mut self.stack {
            if let Screen::Reader(view) = screen
                && view.article == article
                && view.pending
            {
                // The opening was shown: the same rows stay on screen.
                let anchor = view.wrapped.rows.get(view.scroll).map_or(0, |r| r.start);
                let (width, labels) = (view.wrapped.width, view.wrapped.labels);
                view.doc = Arc::clone(&doc);
                view.pending = false;
                view.wrapped = Wrapped::at(&doc, width, labels, anchor, 0);
                view.scroll = view.wrapped.row_of(anchor);
                if let Some(wanted) = view.wanted.take() {
                    view.mention = view.follow.map(|f| doc.mention_index(f, wanted));
                }
            }
        }
        super::update::reader::settle(self);
        super::update::reader::reveal(self);
    }
}
