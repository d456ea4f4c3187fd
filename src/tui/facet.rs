//! Facets: while a filter narrows the article list, the corpus view counts
//! only the matching articles ("which firms appear in the articles that
//! mention Chengdu?"), and what occurs with an entity is counted over them too.
//! The recount runs on a worker thread (newest filter wins, an older count
//! stops at its next chunk), so the UI thread never waits for it.

use super::action::Action;
use super::events::Input;
use super::filter::Engine;
use super::model::{Group, Section};
use crate::index::EntryId;
use std::cmp::Reverse;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};

/// Articles counted between checks for a newer request.
const CHUNK: usize = 4096;

/// A recount to do: the article filter's results of one generation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The article results' generation.
    pub generation: u64,
    /// The query as typed, for the corpus view's title.
    pub query: String,
    /// The matching articles.
    pub articles: Arc<[u32]>,
}

/// The corpus counted over the matching articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// The article results' generation it counts.
    pub generation: u64,
    /// The query, for the title.
    pub query: String,
    /// How many articles match.
    pub articles: usize,
    /// Per entry: how many matching articles mention it.
    pub counts: Vec<u32>,
    /// The corpus panes over the entries that occur in them, most articles first.
    pub sections: Vec<Section>,
    /// Per article: whether it matches.
    pub member: Vec<bool>,
}

/// What the explorer keeps of facets.
#[derive(Debug, Clone, Default)]
pub struct FacetState {
    /// The newest recount received.
    pub current: Option<Arc<Facet>>,
    /// The generation last asked for.
    pub sent: u64,
    /// The facet the co-occurrence cache was filled under (0: none).
    pub cache_for: u64,
    /// The corpus panes narrowed by both the facet and the corpus filter:
    /// (corpus filter generation, facet generation, panes).
    pub narrowed: Option<(u64, u64, Vec<Section>)>,
    /// The selected article's panes with the entities the article filter
    /// matched first: (article, article results generation, panes).
    pub raised: Option<(usize, u64, Arc<[Section]>)>,
}

/// Counts entries over `request`'s articles; None when `cancelled` says a
/// newer request came.
pub fn count(engine: &Engine, request: &Request, cancelled: &dyn Fn() -> bool) -> Option<Facet> {
    let searcher = &engine.searcher;
    let entries = searcher.entries();
    let mut counts = vec![0u32; entries];
    let mut member = vec![false; searcher.articles()];
    for chunk in request.articles.chunks(CHUNK) {
        if cancelled() {
            return None;
        }
        for &article in chunk {
            let article = article as usize;
            if let Some(m) = member.get_mut(article) {
                *m = true;
            }
            for &entry in searcher.article_entries(article) {
                if let Some(c) = counts.get_mut(entry as usize) {
                    *c += 1;
                }
            }
        }
    }
    // The corpus panes' order is (pane, relative date last, most articles,
    // ...): walking it keeps each pane's entries in it, so a stable counting
    // sort by the new count per pane gives (pane, relative, count, corpus
    // order) with no comparison sort.
    let mut sections: Vec<Section> = Vec::new();
    let mut run: Vec<EntryId> = Vec::new();
    let mut current: Option<(Group, bool)> = None;
    for &e in engine.order.iter() {
        let key = (
            engine.groups[e],
            engine.relative.get(e).copied().unwrap_or(false),
        );
        if current != Some(key) {
            flush(&mut sections, &mut run, current, &counts);
            current = Some(key);
        }
        if counts[e] > 0 {
            run.push(e);
        }
    }
    flush(&mut sections, &mut run, current, &counts);
    Some(Facet {
        generation: request.generation,
        query: request.query.clone(),
        articles: request.articles.len(),
        counts,
        sections,
        member,
    })
}

/// Appends one run of the corpus order (one pane's absolute or relative
/// entries, in corpus order) to `sections`, most counted first (stable).
fn flush(
    sections: &mut Vec<Section>,
    run: &mut Vec<EntryId>,
    key: Option<(Group, bool)>,
    counts: &[u32],
) {
    let Some((group, _)) = key else {
        return;
    };
    if run.is_empty() {
        return;
    }
    let most = run.iter().map(|&e| counts[e]).max().unwrap_or(0) as usize;
    let mut starts = vec![0usize; most + 2];
    for &e in run.iter() {
        starts[most - counts[e] as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut sorted = vec![0; run.len()];
    for &e in run.iter() {
        let slot = &mut starts[most - counts[e] as usize];
        sorted[*slot] = e;
        *slot += 1;
    }
    run.clear();
    match sections.last_mut() {
        Some(last) if last.group == group => last.members.extend(sorted),
        _ => sections.push(Section {
            group,
            members: sorted,
        }),
    }
}

/// Entries that share articles with `entry` (only the articles `member`
/// marks, under a facet), most shared first, ties in corpus-pane order: one
/// pass over the entry's articles through the search tables' per-article
/// entry lists (each entry once per article), so even an entry in every
/// article costs milliseconds.
pub fn cooccurring(
    engine: &Engine,
    entry: EntryId,
    member: Option<&[bool]>,
) -> Vec<(EntryId, usize)> {
    let searcher = &engine.searcher;
    let mut counts = vec![0u32; searcher.entries()];
    let mut touched: Vec<u32> = Vec::new();
    for &article in searcher.entry_articles(entry) {
        let article = article as usize;
        if member.is_some_and(|m| !m.get(article).copied().unwrap_or(false)) {
            continue;
        }
        for &other in searcher.article_entries(article) {
            let slot = &mut counts[other as usize];
            if *slot == 0 {
                touched.push(other);
            }
            *slot += 1;
        }
    }
    let rank = |e: u32| engine.rank.get(e as usize).copied().unwrap_or(u32::MAX);
    let mut out: Vec<(EntryId, usize)> = touched
        .into_iter()
        .filter(|&e| e as usize != entry)
        .map(|e| (e as usize, counts[e as usize] as usize))
        .collect();
    out.sort_unstable_by_key(|&(e, n)| (Reverse(n), rank(e as u32)));
    out
}

/// The facet worker of one explorer run.
pub struct Worker {
    requests: Sender<(Arc<Engine>, Request)>,
    latest: Arc<AtomicU64>,
}

impl Worker {
    /// A worker sending its counts into `events`; None if no thread could start.
    pub fn spawn(events: Sender<Input>) -> Option<Worker> {
        let (requests, inbox) = mpsc::channel::<(Arc<Engine>, Request)>();
        let latest = Arc::new(AtomicU64::new(0));
        let shared = Arc::clone(&latest);
        std::thread::Builder::new()
            .name("facet".into())
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    while let Ok(newer) = inbox.try_recv() {
                        job = newer;
                    }
                    let (engine, request) = job;
                    let generation = request.generation;
                    let cancelled = || shared.load(Ordering::Acquire) != generation;
                    let Some(facet) = count(&engine, &request, &cancelled) else {
                        continue;
                    };
                    let action = Action::Faceted(Arc::new(facet));
                    if events.send(Input::Action(action)).is_err() {
                        return;
                    }
                }
            })
            .ok()?;
        Some(Worker { requests, latest })
    }

    /// Asks for a recount (a newer one replaces it).
    pub fn submit(&self, engine: Arc<Engine>, request: Request) {
        self.latest.store(request.generation, Ordering::Release);
        let _ = self.requests.send((engine, request));
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.latest.store(u64::MAX, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::model::Model;

    #[test]
    fn a_facet_counts_only_the_matching_articles() {
        let model = Model::with_engine(crate::generate::index(40, 2));
        let engine = model.engine.as_deref().expect("engine");
        let picked: Vec<u32> = (0..40).step_by(3).collect();
        let request = Request {
            generation: 7,
            query: "x".into(),
            articles: picked.clone().into(),
        };
        let facet = count(engine, &request, &|| false).expect("counted");
        assert_eq!(facet.articles, picked.len());
        for (e, entry) in model.index.table.iter().enumerate() {
            let expected = model
                .index
                .articles_of(e)
                .iter()
                .filter(|&&a| picked.contains(&a))
                .count();
            assert_eq!(facet.counts[e] as usize, expected, "{}", entry.name);
        }
        let listed: usize = facet.sections.iter().map(|s| s.members.len()).sum();
        assert_eq!(listed, facet.counts.iter().filter(|&&c| c > 0).count());
        for section in &facet.sections {
            let counts: Vec<u32> = section.members.iter().map(|&e| facet.counts[e]).collect();
            let relative: Vec<bool> = section
                .members
                .iter()
                .map(|&e| engine.relative[e])
                .collect();
            for (pair, rel) in counts.windows(2).zip(relative.windows(2)) {
                assert!((!rel[0] && rel[1]) || (rel[0] == rel[1] && pair[0] >= pair[1]));
            }
        }
        assert!(count(engine, &request, &|| true).is_none());
    }
}
