//! `dossier search` run as a binary: output, `--json`, `--limit`, `--kind`, colour,
//! exit codes (0 matched, 1 nothing matched, 2 malformed query) and the pointed
//! error message; and the hidden `dossier generate`.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;
use tempfile::TempDir;

/// The cache folder of these tests' runs (never the user's cache).
const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache");

/// Four small articles: titles we control; bodies with well-known cities.
fn corpus() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "a.txt",
            "Chongqing opens new data centre\n\nThe municipal government of Chongqing said on Monday that Alibaba Cloud will open a data centre in the Liangjiang New Area.\n",
        ),
        (
            "b.txt",
            "Rail line links two western hubs\n\nA new high-speed rail line now links Chengdu and Wuhan, cutting travel time to three hours, officials said.\n",
        ),
        (
            "c.txt",
            "Weather report: heat wave in the southwest\n\nTemperatures rose above 40 degrees this week across the region.\n",
        ),
        (
            "d.txt",
            "Hostile \x1b[31mred\x1b[0m title about rail\n\nNothing much here about Beijing.\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn search(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.env_remove("NO_COLOR")
        .env("XDG_CACHE_HOME", CACHE)
        .arg("search")
        .args(args)
        .arg(dir);
    cmd
}

fn ids(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").to_string())
        .collect()
}

#[test]
fn matches_print_one_line_each_and_exit_0() {
    let dir = corpus();
    let out = search(dir.path(), &["rail"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&out), vec!["2", "4"]);
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .starts_with("2\tRail line links two western hubs\ttitle")
    );
}

#[test]
fn nothing_matched_exits_1_with_empty_output() {
    let dir = corpus();
    search(dir.path(), &["zzqqxx"]).assert().code(1).stdout("");
    search(dir.path(), &["zzqqxx", "--json"])
        .assert()
        .code(1)
        .stdout("[]\n");
}

#[test]
fn malformed_query_exits_2_pointing_at_the_problem() {
    let dir = corpus();
    search(dir.path(), &["rail citty:chong"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "dossier: query: unknown scope 'citty:' at column 6\n  rail citty:chong\n       ^^^^^^\n",
        ));
    search(dir.path(), &["rail !"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'!' has nothing to match at column 6",
        ));
    search(dir.path(), &["| rail"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'|' needs a term before it at column 1",
        ));
    search(dir.path(), &["rail |"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'|' needs a term after it at column 6",
        ));
}

#[test]
fn malformed_query_fails_before_loading() {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.args(["search", "!", "/nonexistent/corpus"]);
    cmd.assert().code(2).stderr(
        predicate::str::contains("query:").and(predicate::str::contains("nonexistent").not()),
    );
}

#[test]
fn json_lists_matches_with_positions() {
    let dir = corpus();
    let out = search(dir.path(), &["chongqing", "--json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let first = &v[0];
    assert_eq!(first["id"], 1);
    assert_eq!(first["title"], "Chongqing opens new data centre");
    let matches = first["matches"].as_array().unwrap();
    let title = matches
        .iter()
        .find(|m| m["field"] == "title")
        .expect("title matched");
    assert_eq!(
        title["positions"],
        serde_json::json!([0, 1, 2, 3, 4, 5, 6, 7, 8])
    );
    let city = matches
        .iter()
        .find(|m| m["field"] == "entity")
        .expect("the city matched");
    assert_eq!(
        (city["kind"].as_str(), city["text"].as_str()),
        (Some("city"), Some("Chongqing"))
    );
}

#[test]
fn limit_cuts_the_list_but_not_the_exit_code() {
    let dir = corpus();
    let out = search(dir.path(), &["rail", "--limit", "1"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&out), vec!["2"]);
    // `--limit 0` would list nothing whatever matched: a usage error, not a
    // silent empty answer.
    search(dir.path(), &["rail", "--limit", "0"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("must be at least 1"));
}

#[test]
fn kind_restricts_matching_to_those_entities() {
    let dir = corpus();
    let out = search(dir.path(), &["chongqing", "--kind", "city"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&out), vec!["1"]);
    let text = String::from_utf8_lossy(&out);
    assert!(
        text.contains("city:Chongqing") && !text.contains("title"),
        "{text}"
    );
    // A title-only word matches nothing once only cities may match.
    search(dir.path(), &["heat", "--kind", "city,firm"])
        .assert()
        .code(1);
}

#[test]
fn scopes_combine() {
    let dir = corpus();
    let out = search(dir.path(), &["city:chengdu title:rail"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&out), vec!["2"]);
    let out = search(dir.path(), &["rail !city:chengdu"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    assert_eq!(ids(&out), vec!["4"]);
}

#[test]
fn colour_highlights_matched_chars_only_when_asked() {
    let dir = corpus();
    let plain = search(dir.path(), &["rail"])
        .assert()
        .get_output()
        .stdout
        .clone();
    assert!(
        !plain.contains(&0x1b),
        "piped output has no colour by default"
    );
    let coloured = search(dir.path(), &["rail", "--color", "always"])
        .assert()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&coloured);
    assert!(text.contains("\x1b[1;33mRail\x1b[0m"), "{text:?}");
    let mut never = search(dir.path(), &["rail", "--color", "auto"]);
    never.env("NO_COLOR", "1");
    assert!(!never.assert().get_output().stdout.contains(&0x1b));
}

#[test]
fn article_text_never_reaches_the_terminal_raw() {
    let dir = corpus();
    let out = search(dir.path(), &["hostile", "--color", "always"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains("␛[31mred␛[0m"), "{text:?}");
    let ours = ["\x1b[1;33m", "\x1b[0m", "\x1b[2m"];
    let mut rest = text.to_string();
    for code in ours {
        rest = rest.replace(code, "");
    }
    assert!(
        !rest.contains('\x1b'),
        "only dossier's own colour codes: {text:?}"
    );
}

#[test]
fn generate_is_deterministic_and_refuses_a_full_folder() {
    let run = || {
        let mut cmd = Command::cargo_bin("dossier").unwrap();
        cmd.args(["generate", "--articles", "20", "--seed", "4"]);
        cmd.assert().code(0).get_output().stdout.clone()
    };
    let (a, b) = (run(), run());
    assert_eq!(a, b);
    assert_eq!(String::from_utf8_lossy(&a).lines().count(), 20);
    let dir = corpus();
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.args(["generate", "--articles", "2", "--out"])
        .arg(dir.path());
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains("not empty"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        4,
        "nothing written"
    );
    let fresh = dir.path().join("new");
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.args(["generate", "--articles", "3", "--out"])
        .arg(&fresh);
    cmd.assert().code(0);
    assert_eq!(std::fs::read_dir(&fresh).unwrap().count(), 3);
}

#[test]
fn generate_is_hidden_from_help() {
    let mut cmd = Command::cargo_bin("dossier").unwrap();
    cmd.arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("generate").not());
}
