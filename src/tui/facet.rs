//! Facets: while a filter narrows the article list, the corpus view counts
//! only the matching articles ("which firms appear in the articles that
//! mention Chengdu?"), and what occurs with an entity is counted over them too.
//! The recount runs on a worker thread (newest filter wins, an older count
//! stops at its next chunk), so the UI thread never waits for it.

use super::action::Action;
use super::events::Input;
use super::filter::Engine;
use super::model::{Group, Section};
use crate::index::{EntryId, Index};
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
    pub raised: Option<(usize, u64, Vec<Section>)>,
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
    let mut present: Vec<EntryId> = (0..entries).filter(|&e| counts[e] > 0).collect();
    present.sort_unstable_by_key(|&e| {
        let group = engine.groups.get(e).copied().unwrap_or(Group::Value);
        let weight = engine.relative.get(e).copied().unwrap_or(false);
        (
            group,
            weight,
            Reverse(counts[e]),
            engine.rank.get(e).copied(),
        )
    });
    let mut sections: Vec<Section> = Vec::new();
    for e in present {
        let group = engine.groups[e];
        match sections.last_mut() {
            Some(last) if last.group == group => last.members.push(e),
            _ => sections.push(Section {
                group,
                members: vec![e],
            }),
        }
    }
    Some(Facet {
        generation: request.generation,
        query: request.query.clone(),
        articles: request.articles.len(),
        counts,
        sections,
        member,
    })
}

/// Entries that share matching articles with `entry`, most shared first (the
/// co-occurrence list under a facet).
pub fn cooccurring(index: &Index, entry: EntryId, member: &[bool]) -> Vec<(EntryId, usize)> {
    let mut counts = vec![0usize; index.table.len()];
    let mut touched: Vec<EntryId> = Vec::new();
    let Some(found) = index.table.get(entry) else {
        return Vec::new();
    };
    for &a in &found.articles {
        if !member.get(a).copied().unwrap_or(false) {
            continue;
        }
        let mut seen: Vec<EntryId> = index.entry_of[a].clone();
        seen.sort_unstable();
        seen.dedup();
        for other in seen.into_iter().filter(|&o| o != entry) {
            if counts[other] == 0 {
                touched.push(other);
            }
            counts[other] += 1;
        }
    }
    let mut out: Vec<(EntryId, usize)> = touched.into_iter().map(|e| (e, counts[e])).collect();
    out.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(index.table[a.0].kind.cmp(&index.table[b.0].kind))
            .then_with(|| index.table[a.0].name.cmp(&index.table[b.0].name))
    });
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
        let model = Model::new(crate::generate::index(40, 2));
        let picked: Vec<u32> = (0..40).step_by(3).collect();
        let request = Request {
            generation: 7,
            query: "x".into(),
            articles: picked.clone().into(),
        };
        let facet = count(&model.engine, &request, &|| false).expect("counted");
        assert_eq!(facet.articles, picked.len());
        for (e, entry) in model.index.table.iter().enumerate() {
            let expected = entry
                .articles
                .iter()
                .filter(|&&a| picked.contains(&(a as u32)))
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
                .map(|&e| model.engine.relative[e])
                .collect();
            for (pair, rel) in counts.windows(2).zip(relative.windows(2)) {
                assert!(rel[0] < rel[1] || (rel[0] == rel[1] && pair[0] >= pair[1]));
            }
        }
        assert!(count(&model.engine, &request, &|| true).is_none());
    }
}
