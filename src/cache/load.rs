//! Loading a corpus through its cache, file by file in corpus order: a file
//! whose path, size and modification time match what the cache holds comes
//! back from it without being read or extracted again; the others are read,
//! cleaned and extracted (a big JSON Lines file batch by batch), written to the
//! cache as they go, and fed to the corpus table, so that memory never holds
//! every article's entities and bodies at once. Files gone from the corpus are
//! forgotten. The cache is checked as it is read; a damaged one is rebuilt, one
//! that cannot be written is done without.

use super::gather::{Gathered, Writing};
use super::progress::Progress;
use super::store::{self, Failure, FileRow, Stamp, Store};
use super::{Options, location};
use crate::corpus::{self, Article, Input, Problem, walk::Entry};
use crate::extract::{self, Entity};
use crate::index::{Index, TableBuilder};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A file modified this recently is not cached: a change within the same clock
/// tick of its modification time could not be told apart (git's "racy clean").
const RACY: Duration = Duration::from_secs(2);

/// Small files read together (in parallel) before they are written and fed on.
const CHUNK_FILES: usize = 128;
/// At most this many bytes of small files read together.
const CHUNK_BYTES: u64 = 128 << 20;

/// Someone who wants to see the corpus while it loads (the explorer's list
/// fills as articles arrive).
pub trait Watch: Sync {
    /// Whether an index of the `articles` articles ready so far is wanted now.
    fn wants(&self, articles: usize) -> bool;
    /// The index of the articles ready so far.
    fn partial(&self, index: Index);
}

/// How each walked entry is to be had.
enum Plan {
    /// From the cache.
    Cached { shown: String, row: FileRow },
    /// By reading it (and caching it under `key` when `stamp` is set).
    Read {
        key: Option<String>,
        stamp: Option<Stamp>,
    },
}

/// Loads the inputs (the embedded seeds when there are none) with their
/// entities, through the cache unless `options` say not to. Cache trouble is
/// reported among the index's problems, as warnings.
pub fn load(inputs: &[Input], options: &Options, progress: &Progress) -> Index {
    load_watched(inputs, options, progress, None)
}

/// [`load`], handing `watch` indexes of what is ready so far along the way.
pub fn load_watched(
    inputs: &[Input],
    options: &Options,
    progress: &Progress,
    watch: Option<&dyn Watch>,
) -> Index {
    if inputs.is_empty() {
        let corpus = corpus::embedded();
        progress.add_articles(corpus.articles.len() as u64, false);
        return Index::from_corpus(corpus);
    }
    let entries = corpus::walk::expand(inputs);
    let mut cache = Cache {
        key: location::corpus_key(inputs).map(|key| match options.reextract {
            true => format!("{key}\n--reextract"),
            false => key,
        }),
        notes: Vec::new(),
        store: None,
    };
    cache.open(options);
    let name = corpus::corpus_name(inputs);
    let mut totals_counted = false;
    loop {
        let known = match cache.store.as_ref().map(Store::files) {
            Some(Ok(files)) => files,
            Some(Err(failure)) => {
                cache.rebuild(failure);
                continue;
            }
            None => HashMap::new(),
        };
        let caching = cache.store.is_some();
        let plans: Vec<Plan> = entries
            .iter()
            .map(|entry| plan(entry, &known, caching, progress, !totals_counted))
            .collect();
        totals_counted = true;
        let attempt = Attempt {
            entries: &entries,
            plans: &plans,
            options,
            progress,
            watch,
        };
        match attempt.run(&mut cache, &name) {
            Ok(mut gathered) => {
                gathered.problems.append(&mut cache.notes);
                return gathered.into_index();
            }
            Err(failure) => {
                progress.restart();
                cache.rebuild(failure);
            }
        }
    }
}

/// The cache side of one load: which cache, and what to tell the user about it.
struct Cache {
    /// The corpus's name in the cache (`None`: nothing to cache, e.g. stdin).
    key: Option<String>,
    /// Warnings about the cache, reported with the load's problems.
    notes: Vec<Problem>,
    /// The open cache, while it can be used.
    store: Option<Store>,
}

impl Cache {
    /// Opens the corpus's cache, or says why there is none.
    fn open(&mut self, options: &Options) {
        let (Some(folder), Some(key)) = (options.folder.as_ref(), self.key.as_ref()) else {
            return;
        };
        if let Err(e) = std::fs::create_dir_all(folder) {
            let reason = format!("cache folder not writable ({e}); running without a cache");
            self.notes.push(note(folder, reason));
            return;
        }
        let path = location::file_for(folder, key);
        match Store::open(&path, key, &extract::version()) {
            Ok((store, opened)) => {
                if let Some(reason) = opened.rebuilt {
                    self.notes
                        .push(note(&path, format!("cache damaged ({reason}); rebuilt")));
                }
                self.store = Some(store);
            }
            Err(failure) => {
                let reason = format!("cache not usable ({failure}); running without a cache");
                self.notes.push(note(&path, reason));
            }
        }
    }

    /// Throws a damaged cache away and starts a new one (or goes on without).
    fn rebuild(&mut self, failure: Failure) {
        let (Some(store), Some(key)) = (self.store.take(), self.key.as_ref()) else {
            return;
        };
        let path = store.path().to_path_buf();
        drop(store);
        self.notes
            .push(note(&path, format!("cache {failure}; rebuilt")));
        if let Err(e) = store::remove(&path) {
            let reason = format!("cache not removed ({e}); running without a cache");
            self.notes.push(note(&path, reason));
            return;
        }
        self.store = Store::open(&path, key, &extract::version())
            .ok()
            .map(|(s, _)| s);
    }
}

/// One pass over the entries with the cache as it is.
struct Attempt<'a> {
    entries: &'a [Entry],
    plans: &'a [Plan],
    options: &'a Options,
    progress: &'a Progress,
    watch: Option<&'a dyn Watch>,
}

impl Attempt<'_> {
    /// Gathers every entry in order. A damaged cache read is the error (the
    /// caller rebuilds it and starts again); write trouble is a note.
    fn run<'s>(&'s self, cache: &mut Cache, name: &str) -> Result<Gathered<'s>, Failure> {
        let all_cached = self.plans.iter().all(|p| matches!(p, Plan::Cached { .. }));
        let mut gathered = Gathered::new(name, self.progress, self.watch);
        gathered.cache = cache.store.as_ref().map(|s| s.path().to_path_buf());
        gathered.reserve(self.plans.iter().filter_map(Plan::articles).sum());
        let files: Vec<i64> = self.plans.iter().filter_map(Plan::file_id).collect();
        let stored = all_cached
            && !self.options.articles_only
            && cache
                .store
                .as_ref()
                .is_some_and(|s| s.has_table(&files).unwrap_or(false));
        let build = !(all_cached && (self.options.articles_only || stored));
        if build {
            gathered.builder = Some(TableBuilder::new());
        }
        let mut writing = Writing::new(cache.store.as_mut(), &mut cache.notes);
        writing.forget_stale(&self.keep());
        let mut i = 0;
        while i < self.entries.len() {
            match &self.plans[i] {
                Plan::Cached { shown, row } => {
                    match writing.store() {
                        Some(store) => gathered.take_cached(store, shown, row)?,
                        // Planned from a cache that is gone: read the file itself.
                        None => self.read_uncached(i, &mut gathered, &mut writing),
                    }
                    i += 1;
                }
                Plan::Read { key, stamp } if streams(&self.entries[i]) => {
                    self.read_stream(i, key.as_ref(), *stamp, &mut gathered, &mut writing);
                    i += 1;
                }
                Plan::Read { .. } => i = self.read_chunk(i, &mut gathered, &mut writing),
            }
        }
        if stored && let Some(store) = writing.store() {
            // The list can show while the table is read.
            gathered.offer_articles();
            if self.read_table(store, &files, &mut gathered)?
                && let Some((table, entry_of)) = &gathered.table
            {
                writing.put_table(&files, table, entry_of);
            }
        }
        let complete = gathered.files_complete && writing.ok();
        if build {
            gathered.finish_table();
            if let Some((table, entry_of)) = &gathered.table
                && complete
            {
                writing.put_table(&gathered.files, table, entry_of);
            }
        }
        Ok(gathered)
    }

    /// Reads the corpus table kept for these files; one that cannot be read
    /// is built again from the cached entities (true then, to keep it).
    fn read_table(
        &self,
        store: &Store,
        files: &[i64],
        gathered: &mut Gathered<'_>,
    ) -> Result<bool, Failure> {
        let expected = gathered.len();
        if let Ok(Some(table)) = store.table(files) {
            gathered.table = table.into_table(expected);
        }
        if gathered.table.is_some() {
            return Ok(false);
        }
        gathered.builder = Some(TableBuilder::new());
        let mut first = 0;
        for plan in self.plans {
            if let Plan::Cached { row, .. } = plan {
                gathered.feed_cached(store, row, first)?;
                first += row.articles as usize;
            }
        }
        gathered.finish_table();
        Ok(true)
    }

    /// The keys of this corpus's files: cached files of other paths are forgotten.
    fn keep(&self) -> HashSet<String> {
        self.entries
            .iter()
            .filter_map(|e| match e {
                Entry::File(path) => Some(location::canonical(path)),
                _ => None,
            })
            .collect()
    }

    /// Reads entry `i` from its file without caching it: a file planned to
    /// come from a cache that can no longer be read.
    fn read_uncached(&self, i: usize, gathered: &mut Gathered<'_>, writing: &mut Writing<'_>) {
        if streams(&self.entries[i]) {
            return self.read_stream(i, None, None, gathered, writing);
        }
        let mut loaded = corpus::load_entry(&self.entries[i]);
        let articles = with_entities(&mut loaded, self.options.reextract);
        gathered.problems.extend(loaded.problems);
        gathered.add(articles, None);
        gathered.files.push(-1);
        gathered.files_complete = false;
    }

    /// Reads a JSON Lines file batch by batch: each batch is extracted, written
    /// (under `key`, when given with its `stamp`) and fed on before the next
    /// is read.
    fn read_stream(
        &self,
        i: usize,
        key: Option<&String>,
        stamp: Option<Stamp>,
        gathered: &mut Gathered<'_>,
        writing: &mut Writing<'_>,
    ) {
        let shown = shown(&self.entries[i]);
        let target = key
            .zip(stamp)
            .and_then(|(key, stamp)| writing.start_file(key, stamp));
        let sink = Mutex::new(Sink {
            gathered,
            writing,
            target,
            shown: &shown,
            written: 0,
        });
        let each = Each {
            reextract: self.options.reextract,
            sink: &sink,
        };
        let mut loaded = corpus::load_entry_with(&self.entries[i], Some(&each));
        let Ok(mut sink) = sink.into_inner() else {
            return;
        };
        // Articles a reader gave whole (not batch by batch) go the same way.
        let rest = with_entities(&mut loaded, self.options.reextract);
        sink.take(rest, 0);
        let (written, target) = (sink.written, sink.target);
        let Sink {
            gathered, writing, ..
        } = sink;
        gathered.problems.extend(loaded.problems.iter().cloned());
        let file = match (target, key) {
            (Some(file), Some(key)) => {
                writing.finish_file(file, key, &shown, written, &loaded.problems)
            }
            _ => None,
        };
        gathered.files.push(file.unwrap_or(-1));
        gathered.files_complete &= file.is_some();
    }

    /// Reads consecutive small files together (in parallel), then writes and
    /// feeds them in order; returns the entry after the last one read.
    fn read_chunk(
        &self,
        from: usize,
        gathered: &mut Gathered<'_>,
        writing: &mut Writing<'_>,
    ) -> usize {
        let mut to = from;
        let mut bytes = 0;
        while to < self.entries.len()
            && to - from < CHUNK_FILES
            && (to == from || bytes < CHUNK_BYTES)
            && matches!(self.plans[to], Plan::Read { .. })
            && !streams(&self.entries[to])
        {
            if let Plan::Read {
                stamp: Some(stamp), ..
            } = &self.plans[to]
            {
                bytes += stamp.size;
            }
            to += 1;
        }
        let reextract = self.options.reextract;
        let parts: Vec<corpus::Loaded> = self.entries[from..to]
            .par_iter()
            .map(corpus::load_entry)
            .collect();
        for (n, mut loaded) in parts.into_iter().enumerate() {
            let i = from + n;
            let Plan::Read { key, stamp } = &self.plans[i] else {
                continue;
            };
            let articles = with_entities(&mut loaded, reextract);
            if let Entry::File(path) = &self.entries[i]
                && let Ok(meta) = std::fs::metadata(path)
            {
                self.progress.add_done(meta.len());
            }
            let shown = shown(&self.entries[i]);
            let cacheable = key
                .as_ref()
                .zip(*stamp)
                .filter(|_| lasting(&loaded.problems));
            let file = cacheable.and_then(|(key, stamp)| {
                writing.put_whole_file(key, stamp, &shown, &articles, &loaded.problems)
            });
            gathered.problems.extend(loaded.problems);
            gathered.add(articles, file.map(|f| (f, 0)));
            gathered.files.push(file.unwrap_or(-1));
            gathered.files_complete &= file.is_some();
        }
        to
    }
}

impl Plan {
    fn file_id(&self) -> Option<i64> {
        match self {
            Plan::Cached { row, .. } => Some(row.id),
            Plan::Read { .. } => None,
        }
    }

    fn articles(&self) -> Option<usize> {
        match self {
            Plan::Cached { row, .. } => Some(row.articles as usize),
            Plan::Read { .. } => None,
        }
    }
}

/// The articles of a loaded entry with their entities (given, else found), in
/// parallel; the entry keeps its problems.
fn with_entities(loaded: &mut corpus::Loaded, reextract: bool) -> Vec<(Article, Vec<Entity>)> {
    let mut given: HashMap<usize, Vec<Entity>> =
        std::mem::take(&mut loaded.given).into_iter().collect();
    let given: Vec<Option<Vec<Entity>>> = (0..loaded.articles.len())
        .map(|k| given.remove(&k))
        .collect();
    std::mem::take(&mut loaded.articles)
        .into_par_iter()
        .zip(given)
        .map(|(a, g)| {
            let e = entities_of(&a, g, reextract);
            (a, e)
        })
        .collect()
}

/// Whether an entry is a JSON Lines file, read batch by batch.
fn streams(entry: &Entry) -> bool {
    matches!(entry, Entry::File(path) if corpus::streams(path))
}

fn shown(entry: &Entry) -> String {
    match entry {
        Entry::File(path) => path.display().to_string(),
        Entry::Stdin => "-".into(),
        Entry::Problem(p) => p.path.clone(),
    }
}

/// An article's entities: those its record gave, unless `reextract`.
fn entities_of(article: &Article, given: Option<Vec<Entity>>, reextract: bool) -> Vec<Entity> {
    match given {
        Some(entities) if !reextract => entities,
        _ => article.entities(),
    }
}

/// Where a JSON Lines file's batches go: written to the cache, then gathered.
struct Sink<'a, 'w, 's> {
    gathered: &'a mut Gathered<'s>,
    writing: &'a mut Writing<'w>,
    /// The file's id in the cache while it is being written.
    target: Option<i64>,
    shown: &'a str,
    /// Articles written so far.
    written: u32,
}

impl Sink<'_, '_, '_> {
    fn take(&mut self, articles: Vec<(Article, Vec<Entity>)>, bytes: u64) {
        if articles.is_empty() {
            self.gathered.progress.add_done(bytes);
            return;
        }
        let stored = self.target.filter(|&file| {
            self.writing
                .put_articles(file, self.written, self.shown, &articles)
        });
        let stored = stored.map(|file| (file, self.written));
        if stored.is_none() {
            self.target = None;
        }
        self.written += articles.len() as u32;
        self.gathered.progress.add_done(bytes);
        self.gathered.add(articles, stored);
    }
}

/// The batch hook a JSON Lines file is read with.
struct Each<'a, 'b, 'w, 's> {
    reextract: bool,
    sink: &'a Mutex<Sink<'b, 'w, 's>>,
}

impl corpus::Each for Each<'_, '_, '_, '_> {
    fn entities(&self, article: &Article, given: Option<Vec<Entity>>) -> Vec<Entity> {
        entities_of(article, given, self.reextract)
    }

    fn batch(&self, articles: Vec<(Article, Vec<Entity>)>, bytes: u64) {
        if let Ok(mut sink) = self.sink.lock() {
            sink.take(articles, bytes);
        }
    }
}

fn note(path: &Path, reason: String) -> Problem {
    Problem {
        path: path.display().to_string(),
        reason,
        skipped: false,
    }
}

/// Decides how to have one entry: from the cache when its file is unchanged.
fn plan(
    entry: &Entry,
    known: &HashMap<String, FileRow>,
    caching: bool,
    progress: &Progress,
    count: bool,
) -> Plan {
    let Entry::File(path) = entry else {
        return Plan::Read {
            key: None,
            stamp: None,
        };
    };
    let stamp = stamp(path);
    if let Some(stamp) = stamp.filter(|_| count) {
        progress.add_total(stamp.size);
    }
    if !caching {
        return Plan::Read {
            key: None,
            stamp: None,
        };
    }
    let key = location::canonical(path);
    match (known.get(&key), stamp) {
        (Some(row), Some(stamp)) if row.size == stamp.size && row.mtime == stamp.mtime => {
            Plan::Cached {
                shown: path.display().to_string(),
                row: row.clone(),
            }
        }
        (_, stamp) => Plan::Read {
            key: Some(key),
            stamp: stamp.filter(|s| !racy(s)),
        },
    }
}

/// A file's size and modification time, when it can be read.
fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    let mtime = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(Stamp {
        size: meta.len(),
        mtime: i64::try_from(mtime.as_nanos()).ok()?,
    })
}

fn racy(stamp: &Stamp) -> bool {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i64);
    now.saturating_sub(stamp.mtime) < RACY.as_nanos() as i64
}

/// Problems worth caching: those about the file's content. One about reading it
/// (permissions, a vanished file) says nothing lasting.
pub(super) fn lasting(problems: &[Problem]) -> bool {
    problems.iter().all(|p| {
        !(p.reason.contains("permission denied")
            || p.reason.contains("no such file")
            || p.reason.contains("os error"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::gather::STEP;

    #[test]
    fn progress_counts_a_json_lines_file_as_it_is_read_and_a_reopen_from_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let feed = dir.path().join("feed.jsonl");
        let text: String = (0..3000)
            .map(|i| {
                format!("{{\"title\":\"T{i}\",\"body\":\"Workers in Chengdu met on day {i}.\"}}\n")
            })
            .collect();
        std::fs::write(&feed, &text).unwrap();
        let old = SystemTime::now() - Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&feed)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let options = Options {
            folder: Some(dir.path().join("cache")),
            ..Options::default()
        };
        let inputs = [Input::Path(feed)];
        let first = Progress::default();
        let index = load(&inputs, &options, &first);
        let now = first.snapshot();
        assert_eq!(index.articles.len(), 3000);
        assert_eq!((now.articles, now.cached), (3000, 0));
        assert_eq!(
            (now.done_bytes, now.total_bytes),
            (text.len() as u64, text.len() as u64)
        );
        let again = Progress::default();
        let reopened = load(&inputs, &options, &again);
        assert_eq!(again.snapshot().cached, 3000);
        assert_eq!(reopened.entities(2999), index.entities(2999));
        assert_eq!(reopened.table, index.table);
        assert_eq!(reopened.entry_of, index.entry_of);
        assert_eq!(reopened.body(2999), index.body(2999));
        assert!(reopened.articles[2999].body.is_empty(), "left on disk");
    }

    /// Writes `text` to `path` with its mtime a minute back, so it counts as settled
    /// and is cached.
    fn write_dated_back(path: &Path, text: &str) {
        std::fs::write(path, text).unwrap();
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap();
    }

    /// A feed of `n` records, dated a minute back (so it is cached), and the
    /// options of a cache beside it.
    fn old_feed(dir: &Path, n: usize) -> (Vec<Input>, Options) {
        let feed = dir.join("feed.jsonl");
        let text: String = (0..n)
            .map(|i| {
                format!(
                    "{{\"title\":\"T{i}\",\"body\":\"Workers of Huawei in Chengdu met Li Wei on day {i}.\"}}\n"
                )
            })
            .collect();
        write_dated_back(&feed, &text);
        let options = Options {
            folder: Some(dir.join("cache")),
            ..Options::default()
        };
        (vec![Input::Path(feed)], options)
    }

    /// Every partial index a load hands over: its article count and whether it
    /// has its table.
    #[derive(Default)]
    struct Seen(Mutex<Vec<(usize, bool)>>);

    impl Watch for Seen {
        fn wants(&self, _: usize) -> bool {
            true
        }
        fn partial(&self, index: Index) {
            let seen = (index.articles.len(), index.has_table());
            self.0.lock().unwrap().push(seen);
        }
    }

    #[test]
    fn a_reopen_hands_over_every_article_before_the_table_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let (inputs, options) = old_feed(dir.path(), 500);
        let first = load(&inputs, &options, &Progress::default());
        assert!(first.has_table() && !first.table.is_empty());
        let seen = Seen::default();
        let again = load_watched(&inputs, &options, &Progress::default(), Some(&seen));
        assert_eq!(*seen.0.lock().unwrap(), vec![(500, false)]);
        assert_eq!(again.table, first.table);
        assert_eq!(again.entry_of, first.entry_of);
        assert_eq!(again.articles, first.articles);
        let e = again
            .table
            .iter()
            .position(|e| e.name == "Chengdu")
            .unwrap();
        assert_eq!(again.articles_of(e).len(), 500);
        assert_eq!(again.table[e].article_count, 500);
    }

    #[test]
    fn a_reopen_hands_over_the_first_cached_articles_before_the_rest_are_decoded() {
        let dir = tempfile::tempdir().unwrap();
        let feed = dir.path().join("export.jsonl");
        // An export read back: its entities are taken as written (no extraction).
        let n = 10_000;
        let text: String = (0..n)
            .map(|i| {
                format!(
                    "{{\"title\":\"T{i}\",\"body\":\"Chengdu met on day {i}.\",\"entities\":\
                     [{{\"name\":\"Chengdu\",\"kind\":\"city\",\"aliases\":[],\"count\":1,\
                     \"mentions\":[{{\"start\":0,\"end\":7}}]}}]}}\n"
                )
            })
            .collect();
        write_dated_back(&feed, &text);
        let options = Options {
            folder: Some(dir.path().join("cache")),
            ..Options::default()
        };
        let inputs = [Input::Path(feed)];
        let first = load(&inputs, &options, &Progress::default());
        assert_eq!(first.articles.len(), n);
        #[derive(Default)]
        struct Kept(Mutex<Vec<Index>>);
        impl Watch for Kept {
            fn wants(&self, _: usize) -> bool {
                self.0.lock().unwrap().is_empty()
            }
            fn partial(&self, index: Index) {
                self.0.lock().unwrap().push(index);
            }
        }
        let kept = Kept::default();
        let progress = Progress::default();
        let again = load_watched(&inputs, &options, &progress, Some(&kept));
        let partials = kept.0.into_inner().unwrap();
        let sizes: Vec<(usize, bool)> = partials
            .iter()
            .map(|p| (p.articles.len(), p.has_table()))
            .collect();
        // The first rows early (the watcher wanted no more), then every article
        // even so, before the table is read.
        assert_eq!(sizes, vec![(STEP, false), (n, false)]);
        assert_eq!(partials[0].articles[..], first.articles[..STEP]);
        assert_eq!(partials[0].body(17), first.body(17));
        assert_eq!(partials[1].articles, first.articles);
        assert_eq!(again.articles, first.articles);
        assert_eq!(again.table, first.table);
        assert_eq!(again.entry_of, first.entry_of);
        let now = progress.snapshot();
        assert_eq!((now.articles, now.cached), (n as u64, n as u64));
        assert_eq!(now.done_bytes, text.len() as u64);
    }

    #[test]
    fn a_damaged_corpus_table_is_built_again_from_the_cached_entities_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (inputs, options) = old_feed(dir.path(), 200);
        let first = load(&inputs, &options, &Progress::default());
        let folder = dir.path().join("cache");
        let file = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "sqlite"))
            .unwrap();
        let sum = || -> i64 {
            let conn = rusqlite::Connection::open(&file).unwrap();
            conn.query_row("SELECT sum FROM tables WHERE id = 1", [], |r| r.get(0))
                .unwrap()
        };
        let damage = |sql: &str| {
            let conn = rusqlite::Connection::open(&file).unwrap();
            conn.execute(sql, []).unwrap();
        };
        let kept = sum();
        // The checksum no longer fits the record.
        damage("UPDATE tables SET sum = sum + 1");
        let again = load(&inputs, &options, &Progress::default());
        assert_eq!(again.table, first.table);
        assert_eq!(again.entry_of, first.entry_of);
        // Kept again, whole: the next reopen reads it.
        assert_eq!(sum(), kept);
        let third = load(&inputs, &options, &Progress::default());
        assert_eq!(third.table, first.table);
        // A table of other files is not taken for this corpus's.
        damage("UPDATE tables SET files = x'00'");
        let fourth = load(&inputs, &options, &Progress::default());
        assert_eq!(fourth.table, first.table);
        assert_eq!(fourth.entry_of, first.entry_of);
    }

    /// The bug: when the cache could not be written before the files were
    /// gathered (forgetting a removed file failed), the write handle was
    /// dropped and with it the read side, so every cached file was skipped
    /// without a word and its articles went missing.
    #[test]
    fn cached_files_are_not_lost_when_the_cache_cannot_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("news");
        std::fs::create_dir(&corpus).unwrap();
        let old = SystemTime::now() - Duration::from_secs(60);
        for (name, city) in [
            ("a.txt", "Chengdu"),
            ("b.txt", "Wuhan"),
            ("c.txt", "Xiamen"),
        ] {
            let path = corpus.join(name);
            std::fs::write(
                &path,
                format!("Plant opens in {city}\n\nWorkers of Huawei in {city} met Li Wei.\n"),
            )
            .unwrap();
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        let options = Options {
            folder: Some(dir.path().join("cache")),
            ..Options::default()
        };
        let inputs = [Input::Path(corpus.clone())];
        let first = load(&inputs, &options, &Progress::default());
        assert_eq!(first.articles.len(), 3);
        // c.txt goes (the cache must forget it), and the cache refuses writes.
        std::fs::remove_file(corpus.join("c.txt")).unwrap();
        let file = std::fs::read_dir(dir.path().join("cache"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "sqlite"))
            .unwrap();
        rusqlite::Connection::open(&file)
            .unwrap()
            .execute_batch(
                "CREATE TRIGGER refuse BEFORE DELETE ON files \
                 BEGIN SELECT RAISE(ABORT, 'disk full'); END;",
            )
            .unwrap();
        let again = load(&inputs, &options, &Progress::default());
        let titles: Vec<&str> = again.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Plant opens in Chengdu", "Plant opens in Wuhan"]);
        assert_eq!(again.body(1), first.body(1));
        assert_eq!(again.entities(1), first.entities(1));
        assert!(
            again
                .problems
                .iter()
                .any(|p| !p.skipped && p.reason.contains("cache not saved")),
            "the write failure is reported: {:?}",
            again.problems
        );
    }
}
