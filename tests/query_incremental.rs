//! Results must not depend on how they were computed: a session that reuses
//! earlier keystrokes (narrowing, remembered terms, the single-char table) and
//! runs chunks in parallel returns exactly what a plain sequential full scan
//! returns, for articles and for entities, over typed sequences with edits. The
//! fast paths of the tables (the ASCII greedy scorer, text-to-article links) give
//! what nucleo itself and projections through entries give.

use dossier::generate::{self, Random};
use dossier::query::{Options, Query, Searcher, Session, Target, Worker};
use dossier::{Index, Kind};
use proptest::prelude::*;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

fn corpus() -> &'static (Index, Arc<Searcher>) {
    static CORPUS: OnceLock<(Index, Arc<Searcher>)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let index = generate::index(2500, 17);
        let searcher = Arc::new(Searcher::new(&index));
        (index, searcher)
    })
}

/// The corpus's tables computing the plain way (nucleo for every score,
/// projections through entries).
fn plain_searcher() -> &'static Searcher {
    static PLAIN: OnceLock<Searcher> = OnceLock::new();
    PLAIN.get_or_init(|| Searcher::new(&corpus().0).without_fast_paths())
}

/// A plain session: no reuse of any kind, one thread.
fn plain() -> Session {
    let mut s = Session::new();
    s.reuse = false;
    s.parallel = Some(false);
    s
}

const PIECES: &[&str] = &[
    "chong", "cheng", "shan", "hua", "li", "wang", "zh", "an", "cloud", "tech", "group", "zone",
    "new", "2016", "9", "percent", "bank", "daily", "c:", "f:", "city:", "firm:", "region:",
    "person:", "title:", "source:", "!", "'", "^", "$", " ", " ", " | ", "Ch", "Z", "é",
];

/// Keystrokes: mostly typing pieces a char at a time, sometimes deleting.
fn keystrokes(random: &mut Random, count: usize) -> Vec<String> {
    let mut typed = String::new();
    let mut states = Vec::new();
    while states.len() < count {
        if random.chance(0.25) && !typed.is_empty() {
            for _ in 0..1 + random.below(8) {
                typed.pop();
                states.push(typed.clone());
            }
            continue;
        }
        for c in random.pick(PIECES).chars() {
            typed.push(c);
            states.push(typed.clone());
        }
        if typed.len() > 40 {
            typed.clear();
            states.push(String::new());
        }
    }
    states
}

fn options(random: &mut Random) -> Options {
    match random.below(4) {
        0 => Options::kinds(&[Kind::City, Kind::Firm]),
        _ => Options::default(),
    }
}

#[test]
fn incremental_and_parallel_equal_plain_for_articles() {
    let (_, searcher) = corpus();
    let mut random = Random::new(99);
    for round in 0..6 {
        let options = options(&mut random);
        let mut incremental = Session::new();
        let mut parallel = Session::new();
        parallel.parallel = Some(true);
        for typed in keystrokes(&mut random, 60) {
            let (query, _) = Query::parse_lenient(&typed);
            let want = plain()
                .search(searcher, &query, &options, &|| false)
                .unwrap();
            let got = incremental
                .search(searcher, &query, &options, &|| false)
                .unwrap();
            assert_eq!(got, want, "round {round}, incremental, {typed:?}");
            let got = parallel
                .search(searcher, &query, &options, &|| false)
                .unwrap();
            assert_eq!(got, want, "round {round}, parallel, {typed:?}");
        }
    }
}

#[test]
fn fast_paths_equal_plain_paths_for_articles_and_entities() {
    let (_, searcher) = corpus();
    let reference = plain_searcher();
    let mut random = Random::new(2024);
    for round in 0..6 {
        let options = options(&mut random);
        let mut session = Session::new();
        let mut entities = Session::new();
        for typed in keystrokes(&mut random, 60) {
            let (query, _) = Query::parse_lenient(&typed);
            let want = plain()
                .search(reference, &query, &options, &|| false)
                .unwrap();
            let got = session
                .search(searcher, &query, &options, &|| false)
                .unwrap();
            assert_eq!(got, want, "round {round}, articles, {typed:?}");
            let want = plain()
                .filter_entries(reference, &query, &options, None, &|| false)
                .unwrap();
            let got = entities
                .filter_entries(searcher, &query, &options, None, &|| false)
                .unwrap();
            assert_eq!(got, want, "round {round}, entities, {typed:?}");
        }
    }
}

/// The tables kept small for a big corpus (projections through entries, no
/// one-char tables) give what the full tables give.
#[test]
fn compact_tables_equal_plain_paths_for_articles_and_entities() {
    let compact = Searcher::new(&corpus().0).compact();
    assert!(compact.is_compact() && !corpus().1.is_compact());
    let reference = plain_searcher();
    let mut random = Random::new(15);
    for round in 0..4 {
        let options = options(&mut random);
        let mut session = Session::new();
        let mut entities = Session::new();
        for typed in keystrokes(&mut random, 60) {
            let (query, _) = Query::parse_lenient(&typed);
            let want = plain()
                .search(reference, &query, &options, &|| false)
                .unwrap();
            let got = session
                .search(&compact, &query, &options, &|| false)
                .unwrap();
            assert_eq!(got, want, "round {round}, articles, {typed:?}");
            let want = plain()
                .filter_entries(reference, &query, &options, None, &|| false)
                .unwrap();
            let got = entities
                .filter_entries(&compact, &query, &options, None, &|| false)
                .unwrap();
            assert_eq!(got, want, "round {round}, entities, {typed:?}");
        }
    }
}

/// Edits that change a term into one the remembered terms do not cover.
#[test]
fn edits_that_replace_chars_do_not_narrow_wrongly() {
    let (_, searcher) = corpus();
    let sequences: &[&[&str]] = &[
        &["^chong", "^chon", "^cho", "^ch", "^che", "^chen", "^cheng"],
        &["hua$", "ua$", "a$", "na$", "ina$"],
        &["'chong", "'chon", "'cho", "'ch", "'che", "'chen"],
        &["chong", "chon", "cho", "ch", "c", "cl", "clo", "cloud"],
        &["^zhang$", "^zhan$", "^zhang$", "^zhan", "^zha", "^zh"],
        &["Chong", "chong", "Chong"],
        &["city:chong", "city:chon", "c:chon", "chon", "firm:chon"],
        &["'wang'", "'wan'", "'wa'", "'w'", "'wan'"],
        &["!chong", "!chon", "!cho", "!che", "!chen"],
    ];
    for sequence in sequences {
        let mut session = Session::new();
        for typed in *sequence {
            let (query, _) = Query::parse_lenient(typed);
            let want = plain()
                .search(searcher, &query, &Options::default(), &|| false)
                .unwrap();
            let got = session
                .search(searcher, &query, &Options::default(), &|| false)
                .unwrap();
            assert_eq!(got, want, "{typed:?} in {sequence:?}");
        }
    }
}

#[test]
fn incremental_equals_plain_for_entities() {
    let (index, searcher) = corpus();
    let mut random = Random::new(7);
    let firms: Vec<usize> = index.entries_of(Kind::Firm).map(|(e, _)| e).collect();
    for round in 0..4 {
        let options = options(&mut random);
        let subset = (round % 2 == 1).then_some(firms.as_slice());
        let mut incremental = Session::new();
        for typed in keystrokes(&mut random, 50) {
            let (query, _) = Query::parse_lenient(&typed);
            let want = plain()
                .filter_entries(searcher, &query, &options, subset, &|| false)
                .unwrap();
            let got = incremental
                .filter_entries(searcher, &query, &options, subset, &|| false)
                .unwrap();
            assert_eq!(got, want, "round {round}, {typed:?}");
        }
    }
}

#[test]
fn worker_reports_the_newest_query_with_the_same_results() {
    let (_, searcher) = corpus();
    let worker = Worker::spawn(Arc::clone(searcher));
    let mut last = 0;
    for typed in ["c", "ch", "cho", "chon", "chong", "chong !z"] {
        last = worker.submit(typed, Options::default(), Target::Articles);
    }
    let outcome = worker
        .recv_timeout(Duration::from_secs(30))
        .expect("an outcome");
    assert_eq!(outcome.generation, last);
    let query = Query::parse("chong !z").unwrap();
    let want = searcher.search(&query, &Options::default());
    match outcome.found {
        dossier::query::Found::Articles(hits) => assert_eq!(hits, want),
        other => panic!("{other:?}"),
    }
    assert!(
        worker.try_recv().is_none(),
        "older outcomes are never reported later"
    );
}

#[test]
fn worker_reports_problems_and_filters_entities() {
    let (index, searcher) = corpus();
    let worker = Worker::spawn(Arc::clone(searcher));
    let cities: Arc<[usize]> = index.entries_of(Kind::City).map(|(e, _)| e).collect();
    worker.submit(
        "zzz citty:x",
        Options::default(),
        Target::Entries(Some(Arc::clone(&cities))),
    );
    let outcome = worker
        .recv_timeout(Duration::from_secs(30))
        .expect("an outcome");
    assert_eq!(outcome.problems.len(), 1);
    assert!(outcome.problems[0].message.contains("citty"));
    match outcome.found {
        dossier::query::Found::Entries(hits) => assert!(hits.is_empty()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_cancelled_run_stops_and_leaves_no_trace() {
    let (_, searcher) = corpus();
    let query = Query::parse("a").unwrap();
    let mut session = Session::new();
    session.reuse = false;
    let cancelled = session.search(searcher, &query, &Options::default(), &|| true);
    assert!(cancelled.is_err());
    // The session still works and gives the plain answer afterwards.
    let got = session
        .search(searcher, &query, &Options::default(), &|| false)
        .unwrap();
    assert_eq!(got, searcher.search(&query, &Options::default()));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_query_same_with_and_without_reuse(query in "[a-z !|'^$:]{0,16}", previous in "[a-z ]{0,8}") {
        let (_, searcher) = corpus();
        let (query, _) = Query::parse_lenient(&query);
        let (previous, _) = Query::parse_lenient(&previous);
        let mut session = Session::new();
        session.search(searcher, &previous, &Options::default(), &|| false).unwrap();
        let got = session.search(searcher, &query, &Options::default(), &|| false).unwrap();
        let want = plain().search(searcher, &query, &Options::default(), &|| false).unwrap();
        prop_assert_eq!(got, want);
    }
}

/// Regression: an entity filter asked after an article search of the same
/// term in one session (as breaking ties does) continued every remembered
/// scan from its end and lost most matching entries.
#[test]
fn same_term_over_other_fields_in_one_session_is_not_an_extension() {
    let (_, searcher) = corpus();
    let options = Options::default();
    for typed in ["re", "chong", "an"] {
        let (query, _) = Query::parse_lenient(typed);
        let fresh = Session::new()
            .filter_entries(searcher, &query, &options, None, &|| false)
            .unwrap();
        let mut session = Session::new();
        session
            .search(searcher, &query, &options, &|| false)
            .unwrap();
        let after = session
            .filter_entries(searcher, &query, &options, None, &|| false)
            .unwrap();
        assert_eq!(after, fresh, "{typed}");
    }
}
