//! What a load gathers, in corpus order, and how it writes to the cache as it
//! goes: articles (bodies dropped once written), entity counts, the entities
//! of articles not cached, row ids, the corpus table being built.

use super::bodies::{CachedBodies, IN_MEMORY};
use super::load::{Watch, lasting};
use super::progress::Progress;
use super::record::{StoredProblem, StoredRef, StoredTable};
use super::store::{self, Failure, FileRow, Stamp, Store};
use crate::corpus::{Article, Problem};
use crate::extract::Entity;
use crate::index::{self, Entry, Index, Parts, Rows, TableBuilder};
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

/// Everything gathered so far.
pub(super) struct Gathered<'s> {
    name: String,
    articles: Vec<Article>,
    /// The articles, once every one is there and an index of them was handed
    /// over (so the final index shares them rather than copying them).
    shared: Option<Arc<Vec<Article>>>,
    counts: Vec<u32>,
    held: Vec<Option<Arc<[Entity]>>>,
    /// Per article: its row in the cache, or [`IN_MEMORY`].
    pub rows: Vec<i64>,
    /// Load problems.
    pub problems: Vec<Problem>,
    /// The table being built, when it is.
    pub builder: Option<TableBuilder>,
    /// The table, when read from the cache or finished.
    pub table: Option<(Vec<Entry>, Rows)>,
    /// The cache ids of the files, in corpus order (-1 for one not cached).
    pub files: Vec<i64>,
    /// Whether every file is in the cache (the table may then be kept).
    pub files_complete: bool,
    /// The load's counters.
    pub progress: &'s Progress,
    watch: Option<&'s dyn Watch>,
    /// The cache file, for the readers of partial indexes.
    pub cache: Option<PathBuf>,
    /// Whether the watcher was handed a partial index (so the list it shows
    /// is completed as soon as every article is there).
    offered: bool,
}

/// Cached articles are counted, and while the list is short handed over,
/// every this many: the top of the list draws before the rest of a big file
/// is decoded (a million records take about a second).
pub(super) const STEP: usize = 4096;

/// The most articles a partial index of cached files copies: past it the
/// list waits for every article (handed over without a copy).
const EARLY_LIMIT: usize = 65_536;

impl<'s> Gathered<'s> {
    /// Nothing gathered yet.
    pub fn new(name: &str, progress: &'s Progress, watch: Option<&'s dyn Watch>) -> Self {
        Gathered {
            name: name.to_string(),
            articles: Vec::new(),
            shared: None,
            counts: Vec::new(),
            held: Vec::new(),
            rows: Vec::new(),
            problems: Vec::new(),
            builder: None,
            table: None,
            files: Vec::new(),
            files_complete: true,
            progress,
            watch,
            cache: None,
            offered: false,
        }
    }

    /// Makes room for `articles` more articles (those of the cached files, known
    /// ahead: growing a million-article list by doubling copies it again and again).
    pub fn reserve(&mut self, articles: usize) {
        self.articles.reserve_exact(articles);
        self.counts.reserve_exact(articles);
        self.held.reserve_exact(articles);
        self.rows.reserve_exact(articles);
    }

    /// Takes an unchanged file's articles from the cache (and, when the table
    /// is being built, feeds it their entities, one article at a time).
    pub fn take_cached(
        &mut self,
        store: &Store,
        shown: &str,
        row: &FileRow,
    ) -> Result<(), Failure> {
        let file = std::path::Path::new(shown)
            .file_name()
            .map_or_else(|| shown.to_string(), |n| n.to_string_lossy().into_owned());
        let first = self.counts.len();
        let mut n = 0u32;
        let mut counted = (0u32, 0u64);
        store.each_article(row, &mut |stored| {
            let (mut article, count) = stored.into_article(shown, &file);
            article.id = self.counts.len() + 1;
            self.articles.push(article);
            self.counts.push(count);
            self.held.push(None);
            self.rows.push(store::article_id(row.id, n));
            n += 1;
            if (n as usize).is_multiple_of(STEP) {
                counted = self.count_cached(row, n, counted);
                if self.len() <= EARLY_LIMIT {
                    self.offer();
                }
            }
        })?;
        if self.builder.is_some() {
            self.feed_cached(store, row, first)?;
        }
        for p in store.problems(row)? {
            self.problems.push(Problem {
                path: format!("{shown}{}", p.suffix),
                reason: p.reason,
                skipped: p.skipped,
            });
        }
        self.files.push(row.id);
        self.count_cached(row, n, counted);
        Ok(())
    }

    /// Counts the first `n` articles of a cached file as done (with their
    /// share of its bytes), of which `counted` (articles, bytes) already were;
    /// returns what is counted now.
    fn count_cached(&self, row: &FileRow, n: u32, counted: (u32, u64)) -> (u32, u64) {
        let bytes = match row.articles {
            0 => row.size,
            all => (u128::from(row.size) * u128::from(n.min(all)) / u128::from(all)) as u64,
        };
        self.progress.add_articles(u64::from(n - counted.0), true);
        self.progress.add_done(bytes - counted.1);
        (n, bytes)
    }

    /// Feeds the table being built the entities of a cached file whose articles
    /// start at `first`, one article at a time.
    pub fn feed_cached(
        &mut self,
        store: &Store,
        row: &FileRow,
        first: usize,
    ) -> Result<(), Failure> {
        let Some(builder) = self.builder.as_mut() else {
            return Ok(());
        };
        let counts = &self.counts[first..];
        let mut k = 0;
        let mut wrong = false;
        store.each_entities(row, &mut |entities| {
            wrong |= counts.get(k) != Some(&(entities.len() as u32));
            builder.add(&entities);
            k += 1;
        })?;
        if wrong {
            return Err(Failure::Damaged("entity counts do not match".into()));
        }
        Ok(())
    }

    /// Articles gathered so far.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// Hands the watcher an index of every article, before the table is read
    /// (a reopen: the list shows while the rest loads), whether or not it asks
    /// for one when it already has part of the list. No article may be added
    /// after.
    pub fn offer_articles(&mut self) {
        let Some(watch) = self.watch else {
            return;
        };
        if !watch.wants(self.len()) && !self.offered {
            return;
        }
        let shared = Arc::new(std::mem::take(&mut self.articles));
        self.shared = Some(Arc::clone(&shared));
        let reader = self.reader(self.rows.clone());
        watch.partial(Index::from_parts(Parts {
            name: self.name.clone(),
            articles: shared,
            counts: self.counts.clone(),
            held: self.held.clone(),
            table: None,
            problems: self.problems.clone(),
            store: reader,
        }));
    }

    /// Adds articles just read; `stored` says where the cache has them (file,
    /// first article number) so their bodies and entities need not be kept.
    pub fn add(&mut self, articles: Vec<(Article, Vec<Entity>)>, stored: Option<(i64, u32)>) {
        let count = articles.len() as u64;
        for (k, (mut article, entities)) in articles.into_iter().enumerate() {
            if let Some(builder) = self.builder.as_mut() {
                builder.add(&entities);
            }
            article.id = self.counts.len() + 1;
            self.counts.push(entities.len() as u32);
            match stored {
                Some((file, first)) => {
                    article.body = String::new();
                    self.held.push(None);
                    self.rows.push(store::article_id(file, first + k as u32));
                }
                None => {
                    self.held.push(Some(Arc::from(entities)));
                    self.rows.push(IN_MEMORY);
                }
            }
            self.articles.push(article);
        }
        self.progress.add_articles(count, false);
        self.offer();
    }

    /// Hands the watcher an index of what is ready, when it wants one.
    fn offer(&mut self) {
        let Some(watch) = self.watch else {
            return;
        };
        if !watch.wants(self.counts.len()) {
            return;
        }
        self.offered = true;
        let reader = self.reader(self.rows.clone());
        watch.partial(Index::from_parts(Parts {
            name: self.name.clone(),
            articles: Arc::new(self.articles.clone()),
            counts: self.counts.clone(),
            held: self.held.clone(),
            table: self.builder.as_ref().map(TableBuilder::snapshot),
            problems: self.problems.clone(),
            store: reader,
        }));
    }

    fn reader(&self, rows: Vec<i64>) -> Option<Arc<dyn index::Store>> {
        if rows.iter().all(|&r| r == IN_MEMORY) {
            return None;
        }
        let store = Store::open_reader(self.cache.as_ref()?).ok()?;
        Some(Arc::new(CachedBodies::new(store, rows)))
    }

    /// Finishes the table being built (into [`Gathered::table`]).
    pub fn finish_table(&mut self) {
        if let Some(builder) = self.builder.take() {
            self.table = Some(builder.finish());
        }
    }

    /// The index of everything gathered.
    pub fn into_index(mut self) -> Index {
        self.finish_table();
        let rows = std::mem::take(&mut self.rows);
        let store = self.reader(rows);
        let articles = self.shared.unwrap_or_else(|| Arc::new(self.articles));
        Index::from_parts(Parts {
            name: self.name,
            articles,
            counts: self.counts,
            held: self.held,
            table: self.table,
            problems: self.problems,
            store,
        })
    }
}

/// The cache's writing side for one load: every write is its own short
/// transaction; the first failure is noted once and ends the writing, but not
/// the reading: what the cache already holds is still read from it (a write
/// refused, by a full disk say, leaves the committed files as they were).
pub(super) struct Writing<'a> {
    store: Option<&'a mut Store>,
    notes: &'a mut Vec<Problem>,
    /// A write failed: no more are tried.
    failed: bool,
}

impl<'a> Writing<'a> {
    /// Writes to `store`, when there is one; failures go to `notes`.
    pub fn new(store: Option<&'a mut Store>, notes: &'a mut Vec<Problem>) -> Self {
        Writing {
            store,
            notes,
            failed: false,
        }
    }

    /// The cache, to read from (also after a write failed).
    pub fn store(&self) -> Option<&Store> {
        self.store.as_deref()
    }

    /// Whether writing still works.
    pub fn ok(&self) -> bool {
        self.store.is_some() && !self.failed
    }

    fn fail(&mut self, failure: Failure) {
        if let Some(store) = self.store.as_ref().filter(|_| !self.failed) {
            self.notes.push(Problem {
                path: store.path().display().to_string(),
                reason: format!("cache not saved ({failure})"),
                skipped: false,
            });
        }
        self.failed = true;
    }

    /// Runs one write transaction; a failure ends the writing.
    fn write<T>(
        &mut self,
        work: impl FnOnce(&mut store::Writer<'_>) -> Result<T, Failure>,
    ) -> Option<T> {
        if self.failed {
            return None;
        }
        let store = self.store.as_mut()?;
        let result = store.begin_write().and_then(|mut w| {
            let value = work(&mut w)?;
            w.commit()?;
            Ok(value)
        });
        match result {
            Ok(value) => Some(value),
            Err(failure) => {
                self.fail(failure);
                None
            }
        }
    }

    /// Forgets files no longer in the corpus and files left unfinished by a
    /// dossier that stopped (only when there are some: a reopen writes nothing).
    pub fn forget_stale(&mut self, keep: &HashSet<String>) {
        let Some(store) = self.store.as_ref().filter(|_| !self.failed) else {
            return;
        };
        let stale = match store.stale(&|path| keep.contains(path)) {
            Ok(stale) => stale,
            Err(failure) => return self.fail(failure),
        };
        if !stale.is_empty() {
            self.write(|w| stale.iter().try_for_each(|&id| w.remove_id(id)));
        }
    }

    /// Starts caching a file read batch by batch.
    pub fn start_file(&mut self, key: &str, stamp: Stamp) -> Option<i64> {
        self.write(|w| w.start_file(key, stamp))
    }

    /// Caches a batch of a file's articles; false when it could not.
    pub fn put_articles(
        &mut self,
        file: i64,
        first: u32,
        shown: &str,
        articles: &[(Article, Vec<Entity>)],
    ) -> bool {
        let puts = puts(shown, articles);
        self.write(|w| w.put_articles(file, first, &puts)).is_some()
    }

    /// Marks a file read batch by batch complete; its id, when it counts.
    /// A file with problems about reading it is left unfinished (forgotten later).
    pub fn finish_file(
        &mut self,
        file: i64,
        key: &str,
        shown: &str,
        articles: u32,
        problems: &[Problem],
    ) -> Option<i64> {
        if !lasting(problems) {
            return None;
        }
        let problems = stored_problems(shown, problems);
        self.write(|w| w.finish_file(file, key, articles, &problems))
            .filter(|&done| done)
            .map(|_| file)
    }

    /// Caches a file read whole, in one transaction; its id.
    pub fn put_whole_file(
        &mut self,
        key: &str,
        stamp: Stamp,
        shown: &str,
        articles: &[(Article, Vec<Entity>)],
        problems: &[Problem],
    ) -> Option<i64> {
        let puts = puts(shown, articles);
        let problems = stored_problems(shown, problems);
        self.write(|w| {
            let file = w.start_file(key, stamp)?;
            w.put_articles(file, 0, &puts)?;
            let done = w.finish_file(file, key, puts.len() as u32, &problems)?;
            Ok(done.then_some(file))
        })
        .flatten()
    }

    /// Keeps the corpus table of these files.
    pub fn put_table(&mut self, files: &[i64], table: &[Entry], entry_of: &Rows) {
        let stored = StoredTable::new(table, entry_of);
        if let Some(store) = self.store.as_mut()
            && let Err(failure) = store.put_table(files, &stored)
        {
            self.fail(failure);
        }
    }
}

fn puts<'a>(shown: &str, articles: &'a [(Article, Vec<Entity>)]) -> Vec<store::Put<'a>> {
    articles
        .iter()
        .map(|(a, e)| {
            (
                StoredRef::new(a, shown, e.len()),
                e.as_slice(),
                a.body.as_str(),
            )
        })
        .collect()
}

fn stored_problems(shown: &str, problems: &[Problem]) -> Vec<StoredProblem> {
    problems
        .iter()
        .map(|p| StoredProblem {
            suffix: p.path.strip_prefix(shown).unwrap_or_default().to_string(),
            reason: p.reason.clone(),
            skipped: p.skipped,
        })
        .collect()
}
