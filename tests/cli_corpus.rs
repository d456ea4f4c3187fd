//! The scriptable commands of the corpus: `list`, `show`, `export`, exit codes,
//! stdin, and hostile article text never reaching the terminal raw.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::fs;

/// The cache folder of these tests' runs (never the user's cache).
const CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/xdg-cache");

fn dossier() -> Command {
    let mut command = Command::cargo_bin("dossier").unwrap();
    command.env("XDG_CACHE_HOME", CACHE);
    command
}

fn stdout_of(args: &[&str]) -> String {
    let out = dossier().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn list_piped_is_plain_tab_separated() {
    let out = stdout_of(&["list"]);
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 5);
    assert!(rows.iter().all(|r| r.len() == 5));
    assert_eq!(rows[2][0], "3");
    assert_eq!(rows[2][1], "2016-09-29");
    assert_eq!(rows[1][1], "-", "a missing date shows as -");
    assert!(!out.contains('\u{1b}'), "no colour when piped");
}

#[test]
fn no_subcommand_prints_the_list_until_the_tui_lands() {
    assert_eq!(stdout_of(&[]), stdout_of(&["list"]));
}

#[test]
fn list_json_has_metadata_and_entity_counts() {
    let rows: Value = serde_json::from_str(&stdout_of(&["list", "--json"])).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[3]["author"], "Lia Zhu");
    assert_eq!(rows[0]["title_derived"], true);
    assert!(rows[0]["entity_count"].is_u64());
    assert!(rows[0].get("body").is_none());
}

#[test]
fn show_by_id_as_text_and_json() {
    let text = stdout_of(&["show", "4"]);
    assert!(text.starts_with("China's 'Silicon Valley' takes shape\n"));
    assert!(text.contains("Author    Lia Zhu\n"));
    assert!(text.contains("\n\nGuizhou province, which hopes"));
    let json: Value = serde_json::from_str(&stdout_of(&["show", "4", "--json"])).unwrap();
    assert_eq!(json["id"], 4);
    // The byline "By LIA ZHU in San Francisco | chinadaily.com.cn | Updated: ..." names
    // the outlet by its address, as the page writes it.
    assert_eq!(json["source"], "chinadaily.com.cn");
    assert!(json["entities"].is_array());
}

#[test]
fn show_of_a_missing_id_is_an_error() {
    dossier()
        .args(["show", "42"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::diff(
            "dossier: no article with id 42 (the corpus has 5)\n",
        ));
}

#[test]
fn show_of_a_missing_path_is_an_error() {
    dossier()
        .args(["show", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
}

#[test]
fn show_a_path_and_a_jsonl_record() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("a.jsonl");
    fs::write(&file, "{\"title\":\"First\",\"body\":\"One body.\"}\n{\"title\":\"Second\",\"body\":\"Two body.\",\"date\":\"March 3, 2020\"}\n").unwrap();
    let path = file.display().to_string();
    let out = dossier().args(["show", &path]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("First\n"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds 2 articles"));
    let second: Value =
        serde_json::from_str(&stdout_of(&["show", &format!("{path}:2"), "--json"])).unwrap();
    assert_eq!(second["title"], "Second");
    assert_eq!(second["date"], "2020-03-03");
    assert_eq!(second["path"], format!("{path}:2"));
    assert_eq!(second["file"], "a.jsonl");
}

#[test]
fn show_why_says_where_each_field_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let para = "<p>The harbour authority said on Monday that cargo volumes rose by a fifth, helped by new routes and longer opening hours at the terminal.</p>";
    fs::write(
        &page,
        format!(
            r#"<html><head><title>Port grows fast - Harbour Times</title>
            <script type="application/ld+json">{{"@type":"NewsArticle","headline":"Port grows fast","datePublished":"2021-05-06"}}</script>
            <meta property="og:site_name" content="Harbour Times"><meta name="author" content="Ann Smith"></head>
            <body><h1>Port grows fast</h1>{para}{para}{para}</body></html>"#
        ),
    )
    .unwrap();
    let path = page.to_str().unwrap();
    let json: Value = serde_json::from_str(&stdout_of(&["show", path, "--json", "--why"])).unwrap();
    assert_eq!(json["title"], "Port grows fast");
    assert_eq!(json["why"]["title"], "json-ld");
    assert_eq!(json["why"]["source"], "open-graph");
    assert_eq!(json["why"]["date"], "json-ld");
    assert_eq!(json["why"]["author"], "meta-tag");
    // Without --why the record is the export record, unchanged.
    let plain: Value = serde_json::from_str(&stdout_of(&["show", path, "--json"])).unwrap();
    assert!(plain.get("why").is_none());
    let text = stdout_of(&["show", path, "--why"]);
    assert!(text.contains("Title     JSON-LD structured data"), "{text}");
    assert!(text.contains("Author    named meta tag"), "{text}");
}

#[test]
fn export_of_a_folder_and_of_stdin() {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("a.txt"), "Quay reopens\nThe old quay reopened to ferries on Sunday after two years of repairs, the harbour office said.\n").unwrap();
    let out = stdout_of(&[
        "export",
        "--format",
        "jsonl",
        &tmp.path().display().to_string(),
    ]);
    let record: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(record["title"], "Quay reopens");
    assert_eq!(record["file"], "a.txt");
    assert_eq!(record["url"], Value::Null);

    let out = dossier()
        .args(["export", "-"])
        .write_stdin("{\"title\":\"From a pipe\",\"text\":\"Piped body text.\",\"url\":\"https://example.org/x\"}\n")
        .output()
        .unwrap();
    let record: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(record["path"], "-:1");
    assert_eq!(record["title"], "From a pipe");
    assert_eq!(
        record["source"], "Example",
        "the URL's domain is the last resort for the outlet"
    );
}

#[test]
fn an_empty_folder_finds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path().display().to_string();
    dossier()
        .args(["list", &d])
        .assert()
        .code(1)
        .stdout("")
        .stderr("dossier: no articles found\n");
    dossier().args(["export", &d]).assert().code(1).stdout("");
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let tmp = tempfile::tempdir().unwrap();
    let evil = "\u{1b}]0;pwned\u{7}Evil \u{1b}[31mheadline\u{202e}reversed\u{9b}2J\n\
                The body has an escape \u{1b}[2J sequence and a bidi \u{202e} override in a long sentence here.\n";
    fs::write(tmp.path().join("evil.txt"), evil).unwrap();
    fs::write(tmp.path().join("evil\u{1b}[31mname.txt"), "\u{0}binary").unwrap();
    let d = tmp.path().display().to_string();
    for args in [
        vec!["list", &d],
        vec!["show", "1", &d],
        vec!["list", "--json", &d],
        vec!["export", &d],
    ] {
        let out = dossier().args(&args).output().unwrap();
        for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text.contains('\u{1b}'),
                "{args:?} {name} has a raw ESC: {text:?}"
            );
            assert!(
                !text.contains('\u{9b}'),
                "{args:?} {name} has a raw CSI: {text:?}"
            );
            assert!(
                !text.contains('\u{7}'),
                "{args:?} {name} has a raw BEL: {text:?}"
            );
        }
    }
    let listed = stdout_of(&["list", &d]);
    assert!(
        listed.contains("␛]0;pwned␇Evil ␛[31mheadline"),
        "escapes are shown as visible placeholders: {listed}"
    );
    assert!(
        !listed.contains('\u{202e}'),
        "bidi overrides are dropped from text output"
    );
    let exported: Value =
        serde_json::from_str(stdout_of(&["export", &d]).lines().next().unwrap()).unwrap();
    assert!(
        exported["body"].as_str().unwrap().contains('\u{1b}'),
        "the body keeps the data; JSON escapes it"
    );
}
