//! Loading a corpus through its cache: files whose path, size and modification
//! time match what the cache holds come back from it without being read or
//! extracted again; the others are read, cleaned and extracted, then cached.
//! Files gone from the corpus are forgotten. The cache is checked as it is read;
//! a damaged one is rebuilt, one that cannot be written is done without.

use super::bodies::{CachedBodies, IN_MEMORY};
use super::progress::Progress;
use super::record::{StoredProblem, StoredRef};
use super::store::{self, Failure, FileRow, Stamp, Store};
use super::{Options, location};
use crate::corpus::{self, Article, Corpus, Input, Problem, walk::Entry};
use crate::extract::{self, Entity};
use crate::index::Index;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A file modified this recently is not cached: a change within the same clock
/// tick of its modification time could not be told apart (git's "racy clean").
const RACY: Duration = Duration::from_secs(2);

/// What one entry of the corpus gave.
#[derive(Debug, Default)]
struct Part {
    articles: Vec<Article>,
    entities: Vec<Vec<Entity>>,
    problems: Vec<Problem>,
    /// Per article: the cache row of its body, or [`IN_MEMORY`].
    rows: Vec<i64>,
}

/// How each walked entry is to be had.
enum Plan {
    /// From the cache.
    Cached {
        shown: String,
        key: String,
        row: FileRow,
    },
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
    if inputs.is_empty() {
        let corpus = corpus::embedded();
        progress.add_articles(corpus.articles.len() as u64, false);
        return Index::from_corpus(corpus);
    }
    let entries = corpus::walk::expand(inputs);
    let mut loader = Loader {
        key: location::corpus_key(inputs).map(|key| match options.reextract {
            true => format!("{key}\n--reextract"),
            false => key,
        }),
        reextract: options.reextract,
        notes: Vec::new(),
        store: None,
    };
    loader.open(options);
    let known = match loader.store.as_ref().map(Store::files) {
        Some(Ok(files)) => files,
        Some(Err(failure)) => {
            loader.rebuild(failure);
            HashMap::new()
        }
        None => HashMap::new(),
    };
    let caching = loader.store.is_some();
    let mut plans: Vec<Plan> = entries
        .iter()
        .map(|entry| plan(entry, &known, caching, progress))
        .collect();
    let mut parts = match read_cached(loader.store.as_ref(), &plans, progress) {
        Ok(parts) => parts,
        Err(failure) => {
            loader.rebuild(failure);
            let caching = loader.store.is_some();
            let quiet = Progress::default();
            plans = entries
                .iter()
                .map(|entry| plan(entry, &HashMap::new(), caching, &quiet))
                .collect();
            entries.iter().map(|_| None).collect()
        }
    };
    let mut fresh: Vec<(usize, Part)> = plans
        .par_iter()
        .enumerate()
        .filter(|(i, _)| parts[*i].is_none())
        .map(|(i, _)| (i, read_entry(&entries[i], loader.reextract, progress)))
        .collect();
    loader.save(&entries, &plans, &mut fresh, known.len());
    for (i, part) in fresh {
        parts[i] = Some(part);
    }
    let mut corpus = Corpus {
        name: corpus::corpus_name(inputs),
        ..Corpus::default()
    };
    let mut entities = Vec::new();
    let mut rows = Vec::new();
    for part in parts.into_iter().flatten() {
        corpus.articles.extend(part.articles);
        entities.extend(part.entities);
        corpus.problems.extend(part.problems);
        rows.extend(part.rows);
    }
    corpus.problems.extend(loader.notes);
    corpus::number(&mut corpus.articles);
    let mut index = Index::build(corpus, entities);
    if let Some(store) = loader.store
        && rows.iter().any(|&r| r != IN_MEMORY)
    {
        index.bodies = Some(Arc::new(CachedBodies::new(store, rows)));
    }
    index
}

/// The cache side of one load: which cache, and what to tell the user about it.
struct Loader {
    /// The corpus's name in the cache (`None`: nothing to cache, e.g. stdin).
    key: Option<String>,
    /// Extract again even where an export record gives entities.
    reextract: bool,
    /// Warnings about the cache, reported with the load's problems.
    notes: Vec<Problem>,
    /// The open cache, while it can be used.
    store: Option<Store>,
}

impl Loader {
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

    /// Throws a damaged cache away and starts a new one.
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

    /// Writes what was just read (nothing when nothing changed); a failure is
    /// one warning. Once written, the bodies are left to the cache.
    fn save(
        &mut self,
        entries: &[Entry],
        plans: &[Plan],
        fresh: &mut [(usize, Part)],
        known: usize,
    ) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        let cached = plans
            .iter()
            .filter(|p| matches!(p, Plan::Cached { .. }))
            .count();
        if fresh.is_empty() && cached == known {
            return;
        }
        match save(store, entries, plans, fresh) {
            Ok(files) => {
                for (n, file) in files {
                    let part = &mut fresh[n].1;
                    for (k, article) in part.articles.iter_mut().enumerate() {
                        article.body = String::new();
                        part.rows[k] = store::article_id(file, k as u32);
                    }
                }
            }
            Err(failure) => self
                .notes
                .push(note(store.path(), format!("cache not saved ({failure})"))),
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
) -> Plan {
    let Entry::File(path) = entry else {
        return Plan::Read {
            key: None,
            stamp: None,
        };
    };
    let stamp = stamp(path);
    if let Some(stamp) = stamp {
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
                key,
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

/// Reads every cached entry from the cache, in one consistent read.
fn read_cached(
    store: Option<&Store>,
    plans: &[Plan],
    progress: &Progress,
) -> Result<Vec<Option<Part>>, Failure> {
    let mut parts: Vec<Option<Part>> = plans.iter().map(|_| None).collect();
    let Some(store) = store else {
        return Ok(parts);
    };
    let read = store.begin_read()?;
    for (i, plan) in plans.iter().enumerate() {
        let Plan::Cached { shown, row, .. } = plan else {
            continue;
        };
        let file = Path::new(shown)
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let stored = store.articles(row)?;
        let mut part = Part::default();
        for (n, record) in stored.into_iter().enumerate() {
            let (article, entities) = record.into_article(shown, &file, String::new());
            part.articles.push(article);
            part.entities.push(entities);
            part.rows.push(store::article_id(row.id, n as u32));
        }
        part.problems = store
            .problems(row)?
            .into_iter()
            .map(|p| Problem {
                path: format!("{shown}{}", p.suffix),
                reason: p.reason,
                skipped: p.skipped,
            })
            .collect();
        progress.add_done(row.size);
        progress.add_articles(part.articles.len() as u64, true);
        parts[i] = Some(part);
    }
    drop(read);
    Ok(parts)
}

/// Reads, cleans and extracts one entry. Entities given with an article (an
/// export read back) are kept, unless `reextract`.
fn read_entry(entry: &Entry, reextract: bool, progress: &Progress) -> Part {
    let each = Extracting {
        reextract,
        progress,
    };
    let loaded = corpus::load_entry_with(entry, Some(&each));
    let streamed = loaded.streamed;
    let mut given: Vec<Option<Vec<Entity>>> = vec![None; loaded.articles.len()];
    if !reextract || streamed {
        for (i, entities) in loaded.given {
            given[i] = Some(entities);
        }
    }
    let entities: Vec<Vec<Entity>> = loaded
        .articles
        .par_iter()
        .zip(given)
        .map(|(a, given)| given.unwrap_or_else(|| extract::entities_of_any_size(&a.body)))
        .collect();
    if !streamed {
        if let Entry::File(path) = entry
            && let Ok(meta) = std::fs::metadata(path)
        {
            progress.add_done(meta.len());
        }
        progress.add_articles(loaded.articles.len() as u64, false);
    }
    Part {
        rows: vec![IN_MEMORY; loaded.articles.len()],
        articles: loaded.articles,
        entities,
        problems: loaded.problems,
    }
}

/// Extraction (and progress) batch by batch while a JSON Lines file is read.
struct Extracting<'a> {
    reextract: bool,
    progress: &'a Progress,
}

impl corpus::Each for Extracting<'_> {
    fn entities(&self, article: &Article, given: Option<Vec<Entity>>) -> Vec<Entity> {
        match given {
            Some(entities) if !self.reextract => entities,
            _ => extract::entities_of_any_size(&article.body),
        }
    }

    fn advance(&self, bytes: u64, articles: u64) {
        self.progress.add_done(bytes);
        self.progress.add_articles(articles, false);
    }
}

/// Problems worth caching: those about the file's content. One about reading it
/// (permissions, a vanished file) says nothing lasting.
fn lasting(problems: &[Problem]) -> bool {
    problems.iter().all(|p| {
        !(p.reason.contains("permission denied")
            || p.reason.contains("no such file")
            || p.reason.contains("os error"))
    })
}

/// Writes the entries just read to the cache and forgets files no longer in
/// the corpus, in one transaction.
/// Returns, for each entry of `fresh` written, its position there and its file id.
fn save(
    store: &mut Store,
    entries: &[Entry],
    plans: &[Plan],
    fresh: &[(usize, Part)],
) -> Result<Vec<(usize, i64)>, Failure> {
    let keep: HashSet<&str> = plans
        .iter()
        .filter_map(|plan| match plan {
            Plan::Cached { key, .. } | Plan::Read { key: Some(key), .. } => Some(key.as_str()),
            Plan::Read { .. } => None,
        })
        .collect();
    let known = store.files()?;
    let mut writer = store.begin_write()?;
    for path in known.keys() {
        if !keep.contains(path.as_str()) {
            writer.remove_file(path)?;
        }
    }
    let mut written = Vec::new();
    for (n, (i, part)) in fresh.iter().enumerate() {
        let (
            Entry::File(path),
            Plan::Read {
                key: Some(key),
                stamp,
            },
        ) = (&entries[*i], &plans[*i])
        else {
            continue;
        };
        let Some(stamp) = stamp else {
            writer.remove_file(key)?;
            continue;
        };
        if !lasting(&part.problems) {
            writer.remove_file(key)?;
            continue;
        }
        if let Some(id) = writer.holds(key, *stamp, part.articles.len())? {
            written.push((n, id));
            continue;
        }
        let shown = path.display().to_string();
        let puts: Vec<store::Put<'_>> = part
            .articles
            .iter()
            .zip(&part.entities)
            .map(|(a, e)| (StoredRef::new(a, &shown, e), a.body.as_str()))
            .collect();
        let problems: Vec<StoredProblem> = part
            .problems
            .iter()
            .map(|p| StoredProblem {
                suffix: p.path.strip_prefix(&shown).unwrap_or_default().to_string(),
                reason: p.reason.clone(),
                skipped: p.skipped,
            })
            .collect();
        written.push((n, writer.put_file(key, *stamp, &puts, &problems)?));
    }
    writer.commit()?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

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
            reextract: false,
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
        assert_eq!(reopened.entities, index.entities);
        assert_eq!(reopened.body(2999), index.body(2999));
        assert!(reopened.articles[2999].body.is_empty(), "left on disk");
    }
}
