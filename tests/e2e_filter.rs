//! End to end: the filter in the real `dossier` binary, in tmux, driven by
//! tests/e2e/tuidrive as a person would: `/chong` leaves only the articles the
//! query matches (the same ones `dossier search chong` prints), Esc brings the
//! whole list back, the terminal is restored on quit. Also `dossier snapshot
//! --keys "/ c h o n g"`.
//!
//! Without tmux the tuidrive test is skipped with a message, unless
//! DOSSIER_E2E_REQUIRED=1 (as in .ci/run), which makes a missing tmux a failure.

mod e2e_harness;

use e2e_harness::{Session, tmux_ready};
use std::collections::BTreeSet;

fn dossier(args: &[&str]) -> String {
    let out = e2e_harness::command()
        .args(args)
        .output()
        .expect("dossier runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// (id, title) of every article of the embedded corpus.
fn articles() -> Vec<(u64, String)> {
    let list: serde_json::Value =
        serde_json::from_str(&dossier(&["list", "--json"])).expect("list --json is JSON");
    list.as_array()
        .expect("an array")
        .iter()
        .map(|a| {
            let id = a["id"].as_u64().expect("an id");
            (id, a["title"].as_str().unwrap_or("").to_string())
        })
        .collect()
}

/// The ids `dossier search QUERY` prints (piped: one tab-separated line each).
fn search_ids(query: &str) -> BTreeSet<u64> {
    dossier(&["search", query])
        .lines()
        .filter_map(|l| l.split('\t').next()?.parse().ok())
        .collect()
}

/// The start of a title as the list shows it (long titles are cut).
fn title_start(title: &str) -> String {
    title.chars().take(16).collect()
}

#[test]
fn slash_chong_leaves_only_matching_articles_and_esc_brings_them_back() {
    if !tmux_ready("filter") {
        return;
    }
    let all = articles();
    let matching = search_ids("chong");
    assert!(
        !matching.is_empty() && matching.len() < all.len(),
        "the seeds should have articles both matching and not matching 'chong': {matching:?}"
    );
    let s = Session::start("filter", "100x30", &[], &[]);
    s.wait("Articles [0-9]");
    for (_, title) in &all {
        assert!(s.screen().contains(&title_start(title)), "{title} listed");
    }
    s.keys(&["/"]);
    s.keys(&["-l", "chong"]);
    s.wait(&format!("Articles {} of {}", matching.len(), all.len()));
    let screen = s.screen();
    assert!(screen.contains("/ chong"), "{screen}");
    for (id, title) in &all {
        let shown = screen.contains(&title_start(title));
        assert_eq!(
            shown,
            matching.contains(id),
            "article {id} {title:?}:\n{screen}"
        );
    }
    // Each result says why it matched.
    assert!(screen.contains("Matched"), "{screen}");
    s.keys(&["Escape"]);
    s.wait(&format!("Articles {} ", all.len()));
    let screen = s.screen();
    assert!(!screen.contains("/ chong"), "{screen}");
    for (_, title) in &all {
        assert!(
            screen.contains(&title_start(title)),
            "{title} back:\n{screen}"
        );
    }
    // q is typed into an open line, and quits once it is closed.
    s.keys(&["/", "q"]);
    s.wait("/ q");
    s.keys(&["Escape"]);
    s.wait("Articles [0-9]+ ");
    s.keys(&["q"]);
    let exit = s.ok(&["wait-exit", &s.name, "--timeout", "3"]);
    assert!(exit.contains("exit_status=0"), "{exit}");
    let report = s.ok(&["check-restored", &s.name]);
    assert!(report.contains("RESULT: restored"), "{report}");
}

#[test]
fn snapshot_applies_the_filter_before_printing() {
    let screen = dossier(&["snapshot", "--keys", "/ c h o n g"]);
    let matching = search_ids("chong");
    let total = articles().len();
    assert!(
        screen.contains(&format!("Articles {} of {total}", matching.len())),
        "{screen}"
    );
    assert!(screen.contains("/ chong"), "{screen}");
    // The same keys, the same screen.
    assert_eq!(screen, dossier(&["snapshot", "--keys", "/ c h o n g"]));
}
