//! `dossier entities` and `dossier eval` run as the real binary.

use assert_cmd::Command;
use serde_json::Value;

/// The cache folder of these tests' runs (never the user's cache).
const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache");

fn dossier() -> Command {
    let mut command = Command::cargo_bin("dossier").expect("binary");
    command.env("XDG_CACHE_HOME", CACHE);
    command
}

fn json(args: &[&str]) -> Value {
    let out = dossier().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn corpus_wide_entities_as_json() {
    let v = json(&["entities", "--kind", "city", "--json"]);
    let rows = v.as_array().expect("array");
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["kind"] == "city"));
    let first = &rows[0];
    assert!(first["articles"].as_array().is_some_and(|a| !a.is_empty()));
    assert!(first["mentions"].as_u64().is_some_and(|m| m >= 1));
}

#[test]
fn one_articles_entities_with_mentions() {
    let v = json(&["entities", "--article", "1", "--json"]);
    let rows = v.as_array().expect("array");
    for e in rows {
        let mentions = e["mentions"].as_array().expect("mentions");
        assert_eq!(e["count"].as_u64(), Some(mentions.len() as u64));
        assert!(
            mentions
                .iter()
                .all(|m| m["start"].as_u64() < m["end"].as_u64())
        );
    }
}

#[test]
fn table_output_is_tab_separated_when_piped() {
    let out = dossier()
        .args(["entities", "--kind", "firm"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.lines().all(|l| l.starts_with("firm\t")), "{text}");
}

#[test]
fn no_entity_of_a_kind_exits_1_and_bad_article_exits_2() {
    dossier()
        .args(["entities", "--kind", "date", "--article", "1"])
        .assert()
        .code(0);
    let empty = tempfile::tempdir().expect("dir");
    let file = empty.path().join("a.txt");
    std::fs::write(&file, "nothing to see here at all.\n").expect("write");
    dossier()
        .args(["entities", file.to_str().expect("path"), "--kind", "person"])
        .assert()
        .code(1);
    dossier()
        .args(["entities", "--article", "99"])
        .assert()
        .code(2);
}

#[test]
fn eval_reports_tables_and_json() {
    let out = dossier()
        .args(["eval", "--gold", "tests/fixtures/gold"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for needle in [
        "Entities, typed",
        "Entities, untyped",
        "micro",
        "Metadata",
        "Body checks",
        "Figures",
        "Dates",
    ] {
        assert!(text.contains(needle), "{needle} in {text}");
    }
    let v = json(&["eval", "--gold", "tests/fixtures/gold", "--json"]);
    let f1 = v["totals"]["typed_micro"]["f1"].as_f64().expect("f1");
    assert!((0.0..=1.0).contains(&f1));
    assert_eq!(v["articles"].as_array().map(Vec::len), Some(5));
}

#[test]
fn eval_verbose_lists_misses() {
    let out = dossier()
        .args(["eval", "--gold", "tests/fixtures/gold", "--verbose"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("== 000_33417ef6b2824b00.txt"), "{text}");
}

#[test]
fn eval_without_gold_files_is_an_error() {
    let empty = tempfile::tempdir().expect("dir");
    dossier()
        .args(["eval", "--gold", empty.path().to_str().expect("path")])
        .assert()
        .code(2);
}

#[test]
fn eval_conll_counts_every_gold_name_once_and_ignores_misc() {
    let v = json(&[
        "eval",
        "--conll",
        "tests/fixtures/conll/made_up.conll",
        "--json",
    ]);
    assert_eq!(v["documents"], 2);
    assert_eq!(
        v["sports_documents"], 1,
        "the SOCCER headline marks a sports report"
    );
    let gold = |part: &str| v[part]["tp"].as_u64().unwrap() + v[part]["fn"].as_u64().unwrap();
    // Zedburg (twice), Baltic Shipping Ltd, Anna Kowalczyk, Warsaw; London, Peter
    // Fenwick, Arsenal, Chelsea. "Premier League" is MISC and not scored.
    assert_eq!(gold("non_sports"), 4);
    assert_eq!(gold("sports"), 4);
    assert_eq!(gold("all"), 8);
    let by_type: u64 = ["LOC", "ORG", "PER"]
        .iter()
        .map(|t| v["by_type"][t]["tp"].as_u64().unwrap() + v["by_type"][t]["fn"].as_u64().unwrap())
        .sum();
    assert_eq!(by_type, 8);
    // The non-sports document is ordinary news with two unlisted names.
    assert!(
        v["non_sports"]["tp"].as_u64().unwrap() >= 3,
        "{}",
        v["non_sports"]
    );
}

#[test]
fn eval_conll_on_a_missing_file_exits_2() {
    dossier()
        .args(["eval", "--conll", "tests/fixtures/conll/no_such.conll"])
        .assert()
        .code(2);
}
