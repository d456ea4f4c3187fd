//! Main-text extraction scored on real web pages: the article extraction
//! benchmark's 181 pages (a checkout named by `AEB_DIR`; not in this repository,
//! the pages are publishers' text), each loaded as `dossier export`
//! loads a `.html` file, its body scored against the benchmark's ground truth with
//! the benchmark's own metric (`html_benchmark/metric.rs`). Floors sit slightly
//! under the measured figures; the figures and the report command are in the
//! README, "Evaluation: real web pages".
//!
//! Report (P/R/F1/accuracy per half, the dev half's worst pages):
//! `cargo test --release --test html_benchmark -- --ignored --nocapture`
//! (`AEB_WORST=N` pages listed; `AEB_OUT=DIR` writes `predictions.json` and
//! `scores.json` for `scripts/aeb-metric-check.sh`).

#[path = "html_benchmark/metric.rs"]
mod metric;
#[path = "html_benchmark/pages.rs"]
mod pages;

use metric::{Summary, precision, recall, summarise};
use pages::{Half, Scored};

/// Regression floors, slightly under the measured F1 of each half.
const DEV_F1_FLOOR: f64 = 0.972;
const HELD_OUT_F1_FLOOR: f64 = 0.958;

fn summary(pages: &[Scored]) -> Summary {
    let scores: Vec<_> = pages.iter().map(|p| p.score).collect();
    summarise(&scores)
}

fn assert_floor(name: &str, pages: &[Scored], f1_floor: f64) {
    let s = summary(pages);
    println!(
        "{name}: P {:.3} R {:.3} F1 {:.3} accuracy {:.3}",
        s.precision, s.recall, s.f1, s.accuracy
    );
    assert!(
        s.f1 >= f1_floor,
        "{name}: F1 {:.4} fell under its floor {f1_floor}",
        s.f1
    );
}

#[test]
fn dev_half_scores_above_its_floor() {
    if !pages::present() {
        return;
    }
    let pages = pages::score(Some(Half::Dev));
    assert_eq!(pages.len(), 91);
    assert_floor("dev", &pages, DEV_F1_FLOOR);
}

#[test]
fn held_out_half_scores_above_its_floor() {
    if !pages::present() {
        return;
    }
    let pages = pages::score(Some(Half::HeldOut));
    assert_eq!(pages.len(), 90);
    assert_floor("held-out", &pages, HELD_OUT_F1_FLOOR);
}

fn print_summary(name: &str, pages: &[Scored]) {
    let s = summary(pages);
    println!(
        "{name:<9} pages {:>3}  P {:.3}  R {:.3}  F1 {:.3}  accuracy {:.3}",
        pages.len(),
        s.precision,
        s.recall,
        s.f1,
        s.accuracy
    );
}

/// Worst dev pages by per-page F1, with what went wrong (extra or missing text).
fn print_worst(pages: &[Scored], n: usize) {
    let f1 = |p: &Scored| {
        let (pr, rc) = (precision(&p.score), recall(&p.score));
        if pr + rc == 0.0 {
            0.0
        } else {
            2.0 * pr * rc / (pr + rc)
        }
    };
    let mut ranked: Vec<&Scored> = pages.iter().collect();
    ranked.sort_by(|a, b| f1(a).total_cmp(&f1(b)).then(a.id.cmp(&b.id)));
    println!("\nworst dev pages (F1, P, R, id, url):");
    for p in ranked.into_iter().take(n) {
        println!(
            "{:.3} {:.3} {:.3} {} {}",
            f1(p),
            precision(&p.score),
            recall(&p.score),
            &p.id[..12],
            p.url
        );
    }
}

fn write_outputs(dir: &str, pages: &[Scored]) {
    let mut predictions = serde_json::Map::new();
    let mut scores = serde_json::Map::new();
    for p in pages {
        predictions.insert(p.id.clone(), serde_json::json!({ "articleBody": p.body }));
        let s = p.score;
        scores.insert(
            p.id.clone(),
            serde_json::json!([s.tp, s.fp, s.fn_, s.exact]),
        );
    }
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).expect("output folder");
    let write = |name: &str, value: serde_json::Map<String, serde_json::Value>| {
        let text = serde_json::to_string_pretty(&value).expect("JSON");
        std::fs::write(dir.join(name), text).expect("write output");
    };
    write("predictions.json", predictions);
    write("scores.json", scores);
}

#[test]
#[ignore = "report: run with --ignored --nocapture"]
fn report() {
    if !pages::present() {
        return;
    }
    let all = pages::score(None);
    let dev_ids: Vec<String> = pages::half(Some(Half::Dev))
        .into_iter()
        .map(|r| r.0)
        .collect();
    let (dev, held): (Vec<Scored>, Vec<Scored>) =
        all.iter().cloned().partition(|p| dev_ids.contains(&p.id));
    print_summary("dev", &dev);
    print_summary("held-out", &held);
    print_summary("all", &all);
    let worst = std::env::var("AEB_WORST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(15);
    print_worst(&dev, worst);
    if let Ok(dir) = std::env::var("AEB_OUT") {
        write_outputs(&dir, &all);
        println!("\nwrote {dir}/predictions.json and {dir}/scores.json");
    }
}
