//! Loading a corpus through its cache: files whose path, size and modification
//! time match what the cache holds come back from it without being read or
//! extracted again; the others are read, cleaned and extracted, then cached.
//! Files gone from the corpus are forgotten. The cache is checked as it is read;
//! a damaged one is rebuilt, one that cannot be written is done without.

use super::progress::Progress;
use super::record::{Stored, StoredProblem};
use super::store::{self, Failure, FileRow, Stamp, Store};
use super::{Options, location};
use crate::corpus::{self, Article, Corpus, Input, Problem, walk::Entry};
use crate::extract::{self, Entity};
use crate::index::Index;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;
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
    if inputs.is_empty() {
        let corpus = corpus::embedded();
        progress.add_articles(corpus.articles.len() as u64, false);
        return Index::from_corpus(corpus);
    }
    let entries = corpus::walk::expand(inputs);
    let mut notes = Vec::new();
    let mut store = open(inputs, options, &mut notes);
    let known = match store.as_ref().map(Store::files) {
        Some(Ok(files)) => files,
        Some(Err(failure)) => {
            store = rebuild(store.take(), inputs, failure, &mut notes);
            HashMap::new()
        }
        None => HashMap::new(),
    };
    let mut plans: Vec<Plan> = entries
        .iter()
        .map(|entry| plan(entry, &known, store.is_some(), progress))
        .collect();
    let parts = match read_cached(store.as_ref(), &entries, &plans, progress) {
        Ok(parts) => parts,
        Err(failure) => {
            store = rebuild(store.take(), inputs, failure, &mut notes);
            let none = HashMap::new();
            let quiet = Progress::default();
            plans = entries
                .iter()
                .map(|entry| plan(entry, &none, store.is_some(), &quiet))
                .collect();
            entries.iter().map(|_| None).collect()
        }
    };
    finish(inputs, &entries, &plans, store, notes, progress, parts)
}

/// Reads what is not cached, writes it to the cache, forgets files gone, and
/// builds the index, in the walk's order.
fn finish(
    inputs: &[Input],
    entries: &[Entry],
    plans: &[Plan],
    mut store: Option<Store>,
    mut notes: Vec<Problem>,
    progress: &Progress,
    mut parts: Vec<Option<Part>>,
) -> Index {
    let fresh: Vec<(usize, Part)> = plans
        .par_iter()
        .enumerate()
        .filter(|(i, plan)| matches!(plan, Plan::Read { .. }) && parts_missing(&parts, *i))
        .map(|(i, _)| (i, read_entry(&entries[i], progress)))
        .collect();
    if let Some(store) = store.as_mut()
        && let Err(failure) = save(store, entries, plans, &fresh)
    {
        notes.push(note(store.path(), format!("not saved ({failure})")));
    }
    for (i, part) in fresh {
        parts[i] = Some(part);
    }
    let mut corpus = Corpus {
        name: corpus::corpus_name(inputs),
        ..Corpus::default()
    };
    let mut entities = Vec::new();
    for part in parts.into_iter().flatten() {
        corpus.articles.extend(part.articles);
        entities.extend(part.entities);
        corpus.problems.extend(part.problems);
    }
    corpus.problems.extend(notes);
    corpus::number(&mut corpus.articles);
    Index::build(corpus, entities)
}

fn parts_missing(parts: &[Option<Part>], i: usize) -> bool {
    parts.get(i).is_none_or(Option::is_none)
}

/// Opens the corpus's cache, or says why there is none.
fn open(inputs: &[Input], options: &Options, notes: &mut Vec<Problem>) -> Option<Store> {
    let folder = options.folder.as_ref()?;
    let key = location::corpus_key(inputs)?;
    if let Err(e) = std::fs::create_dir_all(folder) {
        notes.push(note(
            folder,
            format!("cache folder not writable ({e}); running without a cache"),
        ));
        return None;
    }
    let path = location::file_for(folder, &key);
    match Store::open(&path, &key, &extract::version()) {
        Ok((store, opened)) => {
            if let Some(reason) = opened.rebuilt {
                notes.push(note(&path, format!("cache damaged ({reason}); rebuilt")));
            }
            Some(store)
        }
        Err(failure) => {
            notes.push(note(
                &path,
                format!("cache not usable ({failure}); running without a cache"),
            ));
            None
        }
    }
}

/// Throws a damaged cache away and starts a new one.
fn rebuild(
    store: Option<Store>,
    inputs: &[Input],
    failure: Failure,
    notes: &mut Vec<Problem>,
) -> Option<Store> {
    let path = store.as_ref()?.path().to_path_buf();
    drop(store);
    notes.push(note(&path, format!("cache {failure}; rebuilt")));
    if let Err(e) = store::remove(&path) {
        notes.push(note(
            &path,
            format!("cache not removed ({e}); running without a cache"),
        ));
        return None;
    }
    let key = location::corpus_key(inputs)?;
    Store::open(&path, &key, &extract::version())
        .ok()
        .map(|(s, _)| s)
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
    entries: &[Entry],
    plans: &[Plan],
    progress: &Progress,
) -> Result<Vec<Option<Part>>, Failure> {
    let mut parts: Vec<Option<Part>> = entries.iter().map(|_| None).collect();
    let Some(store) = store else {
        return Ok(parts);
    };
    let read = store.begin_read()?;
    for (i, plan) in plans.iter().enumerate() {
        let Plan::Cached { shown, row } = plan else {
            continue;
        };
        let file = Path::new(shown)
            .file_name()
            .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
        let stored = store.articles(row)?;
        let bodies = store.bodies(row)?;
        let mut part = Part::default();
        for (record, body) in stored.into_iter().zip(bodies) {
            let (article, entities) = record.into_article(shown, &file, body);
            part.articles.push(article);
            part.entities.push(entities);
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

/// Reads, cleans and extracts one entry.
fn read_entry(entry: &Entry, progress: &Progress) -> Part {
    let loaded = corpus::load_entry(entry);
    let entities: Vec<Vec<Entity>> = loaded
        .articles
        .par_iter()
        .map(|a| extract::entities_of_any_size(&a.body))
        .collect();
    if let Entry::File(path) = entry
        && let Ok(meta) = std::fs::metadata(path)
    {
        progress.add_done(meta.len());
    }
    progress.add_articles(loaded.articles.len() as u64, false);
    Part {
        articles: loaded.articles,
        entities,
        problems: loaded.problems,
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
fn save(
    store: &mut Store,
    entries: &[Entry],
    plans: &[Plan],
    fresh: &[(usize, Part)],
) -> Result<(), Failure> {
    let mut keep: HashSet<&str> = HashSet::new();
    for plan in plans {
        match plan {
            Plan::Cached { .. } => {}
            Plan::Read { key: Some(key), .. } => {
                keep.insert(key);
            }
            Plan::Read { .. } => {}
        }
    }
    let cached_keys: HashSet<String> = entries
        .iter()
        .zip(plans)
        .filter_map(|(entry, plan)| match (entry, plan) {
            (Entry::File(path), Plan::Cached { .. }) => Some(location::canonical(path)),
            _ => None,
        })
        .collect();
    let known = store.files()?;
    let mut writer = store.begin_write()?;
    for path in known.keys() {
        if !keep.contains(path.as_str()) && !cached_keys.contains(path) {
            writer.remove_file(path)?;
        }
    }
    for (i, part) in fresh {
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
        let shown = path.display().to_string();
        let stored: Vec<Stored> = part
            .articles
            .iter()
            .zip(&part.entities)
            .map(|(a, e)| Stored::new(a, &shown, e.clone()))
            .collect();
        let puts: Vec<(&Stored, &str)> = stored
            .iter()
            .zip(&part.articles)
            .map(|(s, a)| (s, a.body.as_str()))
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
        writer.put_file(key, *stamp, &puts, &problems)?;
    }
    writer.commit()
}
