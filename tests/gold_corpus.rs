//! The development gold: `dossier export --format jsonl` on the embedded seeds must
//! give every article with exactly the gold metadata, and every body check of the
//! gold must hold. Expected values are read from tests/fixtures/gold at run time.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn gold_files() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("gold folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            serde_json::from_str(&std::fs::read_to_string(p).expect("read gold"))
                .expect("gold JSON")
        })
        .collect()
}

fn exported() -> HashMap<String, Value> {
    let out = Command::cargo_bin("dossier")
        .expect("binary")
        .args(["export", "--format", "jsonl"])
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .map(|v| (v["file"].as_str().expect("file").to_string(), v))
        .collect()
}

/// Tallies checks and keeps the failures, so one run reports everything.
#[derive(Default)]
struct Score {
    passed: usize,
    total: usize,
    failures: Vec<String>,
}

impl Score {
    fn check(&mut self, ok: bool, what: String) {
        self.total += 1;
        if ok {
            self.passed += 1;
        } else {
            self.failures.push(what);
        }
    }
}

fn check_meta(score: &mut Score, file: &str, gold: &Value, got: &Value) {
    let meta = &gold["meta"];
    match (meta["title"].as_str(), meta["title_starts"].as_str()) {
        (Some(title), _) => score.check(
            got["title"] == title,
            format!("{file}: title {} != {title:?}", got["title"]),
        ),
        (None, Some(start)) => {
            let ok = got["title"].as_str().is_some_and(|t| t.starts_with(start))
                && got["title_derived"] == true;
            score.check(
                ok,
                format!(
                    "{file}: derived title {} should start with {start:?}",
                    got["title"]
                ),
            );
        }
        (None, None) => {}
    }
    let mut sources = vec![meta["source"].clone()];
    sources.extend(meta["source_alt"].as_array().cloned().unwrap_or_default());
    score.check(
        sources.contains(&got["source"]),
        format!("{file}: source {} not in {sources:?}", got["source"]),
    );
    let date_ok = match meta["date"].as_str() {
        Some(prefix) => got["date"]
            .as_str()
            .is_some_and(|d| d.starts_with(prefix) && d.len() == prefix.len()),
        None => got["date"].is_null(),
    };
    score.check(
        date_ok,
        format!("{file}: date {} != {}", got["date"], meta["date"]),
    );
    score.check(
        got["author"] == meta["author"],
        format!("{file}: author {} != {}", got["author"], meta["author"]),
    );
}

fn check_body(score: &mut Score, file: &str, gold: &Value, got: &Value) {
    let body = collapse(got["body"].as_str().unwrap_or(""));
    for s in gold["body_must_include"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        score.check(
            body.contains(&collapse(s)),
            format!("{file}: body lacks {s:?}"),
        );
    }
    for s in gold["body_must_exclude"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
    {
        score.check(
            !body.contains(&collapse(s)),
            format!("{file}: body still has {s:?}"),
        );
    }
}

#[test]
fn export_of_the_seeds_matches_the_gold_metadata_and_body_checks() {
    let golds = gold_files();
    assert_eq!(golds.len(), 5, "expected the five seed gold files");
    let articles = exported();
    assert_eq!(
        articles.len(),
        golds.len(),
        "every seed article is exported"
    );
    let (mut meta, mut body) = (Score::default(), Score::default());
    for gold in &golds {
        let file = gold["file"].as_str().expect("gold file name");
        let got = articles
            .get(file)
            .unwrap_or_else(|| panic!("{file} not exported"));
        check_meta(&mut meta, file, gold, got);
        check_body(&mut body, file, gold, got);
    }
    eprintln!(
        "gold metadata: {}/{} fields, body checks: {}/{}",
        meta.passed, meta.total, body.passed, body.total
    );
    let failures: Vec<String> = meta.failures.into_iter().chain(body.failures).collect();
    assert!(
        failures.is_empty(),
        "gold mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn export_records_follow_the_documented_schema() {
    let keys = [
        "id",
        "file",
        "path",
        "title",
        "title_derived",
        "source",
        "date",
        "author",
        "url",
        "body",
        "entities",
    ];
    for (_, record) in exported() {
        let object = record.as_object().expect("object");
        let got: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut want = keys.to_vec();
        want.sort_unstable();
        let mut sorted = got.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, want);
        assert!(record["entities"].is_array());
        let body = record["body"].as_str().expect("body");
        assert!(
            !body.contains("\n\n\n") && body.trim() == body,
            "paragraphs are separated by one blank line"
        );
    }
}
