//! Extraction scored against the development gold (the embedded seeds) and the
//! held-out check set, with floors that fail the build when quality drops.

use dossier::corpus::{self, Input};
use dossier::eval::{self, Report};
use dossier::{Index, Kind};
use std::path::Path;

fn report(gold: &str, articles: &[&str]) -> Report {
    let golds = eval::load_dir(Path::new(gold)).expect("gold files");
    let inputs: Vec<Input> = articles.iter().map(Input::from_arg).collect();
    let index = Index::from_corpus(corpus::load(&inputs));
    eval::evaluate(&index, &golds)
}

fn f1(r: &Report, kind: Kind) -> f64 {
    r.totals.typed.get(&kind).copied().unwrap_or_default().f1()
}

#[test]
fn development_set_meets_the_floors() {
    let r = report("tests/fixtures/gold", &[]);
    let micro = r.totals.typed_micro.f1();
    println!("{}", eval::render_text(&r, true));
    assert!(
        r.articles.iter().all(|a| a.present),
        "every gold file matches an embedded seed"
    );
    // Floors under the measured values with the tagger (typed micro 0.982, city
    // 1.000, firm 0.958; docs/tagger.md).
    assert!(micro >= 0.97, "typed micro F1 {micro:.3} < 0.97");
    assert!(
        f1(&r, Kind::City) >= 0.98,
        "city F1 {:.3}",
        f1(&r, Kind::City)
    );
    assert!(
        f1(&r, Kind::Firm) >= 0.95,
        "firm F1 {:.3}",
        f1(&r, Kind::Firm)
    );
    assert!(
        r.totals.untyped_micro.f1() >= micro,
        "untyped is never below typed"
    );
    assert!(
        r.totals.figures.ratio() >= 0.95,
        "figure recall {:.3}",
        r.totals.figures.ratio()
    );
    assert!(
        r.totals.dates.ratio() >= 0.90,
        "date recall {:.3}",
        r.totals.dates.ratio()
    );
}

#[test]
fn held_out_set_stays_close_to_the_development_set() {
    let dir = "tests/fixtures/heldout/articles";
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("held-out articles")
        .map(|e| e.expect("entry").path().display().to_string())
        .collect();
    files.sort();
    let paths: Vec<&str> = files.iter().map(String::as_str).collect();
    let r = report("tests/fixtures/heldout/gold", &paths);
    let micro = r.totals.typed_micro.f1();
    println!("{}", eval::render_text(&r, true));
    assert!(r.articles.iter().all(|a| a.present));
    // A regression floor under the measured value, not a target: 0.922 over all
    // 228 articles (batches 1-8 trained on by the tagger and tuned on by the rules;
    // batches 9-33 scored 0.850, 0.816, 0.905, 0.773, 0.855, 0.844, 0.808, 0.820,
    // 0.773, 0.925, 0.750, 0.862, 0.839, 0.813, 0.783, 0.807, 0.808, 0.817,
    // 0.824, 0.762, 0.809, 0.879, 0.800, 0.872 and 0.813 on their first runs,
    // and each had general fixes since, batches 19-31 only in part and 32-33 not
    // yet). The floor went from 0.945 to
    // 0.940 when batch 11 was added, to 0.935 when batch 14 was, to 0.945 after
    // batch 14's fixes (0.951 over 76), to 0.925 when batches 15 and 16 were (data,
    // not code), to 0.940 after their fixes (0.949 over 92; 0.952 over 108 with
    // batches 17 and 18 and theirs), to 0.935 with batches 19 and 20 (0.939 over
    // 124), to 0.925 with batches 21 and 22 (0.927 over 140: data, not code), and to
    // 0.930 after part of their fixes (0.935), and to 0.920 with batches 23 and 24
    // (first runs 0.783 and 0.807; 0.925 over 156: data, not code), and to 0.925
    // after part of their fixes (0.930; 0.926 over 164 with batch 25, first run
    // 0.808, untuned), and to 0.920 with batches 26 and 27 (first runs 0.817 and
    // 0.824; 0.928 over 180: data, not code), and back to 0.925 after part of
    // their fixes (0.930), and to 0.920 with batches 28 and 29 (first runs 0.762
    // and 0.809; 0.922 over 196: data, not code), and to 0.915 with batches 30
    // and 31 (first runs 0.879 and 0.800; 0.919 over 212: data, not code); it
    // stays at 0.915 with batches 32 and 33 (first runs 0.872 and 0.813; 0.922
    // over 228).
    assert!(micro >= 0.915, "held-out typed micro F1 {micro:.3} < 0.915");
    // Metadata 354/368 and body checks 624/635 with batches 15 and 16 untuned
    // (303/304 and 496/496 over the 76 before them); 366/368 and 635/635 after
    // their general fixes (issue 17), so the floors went from 95% and 98% to 99%;
    // 430/432 and 757/757 over 108 with batches 17 and 18 and their fixes; 492/496
    // and 856/858 over 124 with batches 19 and 20; 542/560 and 955/962 over 140 with
    // batches 21 and 22 untuned, so the metadata floor went to 96% (data, not code);
    // 557/560 and 962/962 after their general fixes (with the header dates and
    // head rules of the same issue), so it went back to 99%; 616/624 and 1076/1080
    // over 156 with batches 23 and 24 untuned, so the metadata floor went to 98%
    // (data, not code); 621/624 and 1080/1080 after their general fixes, so it went
    // back to 99%; 650/656 and 1141/1141 over 164 with batch 25 untuned;
    // 702/720 and 1261/1263 over 180 with batches 26 and 27 untuned, so the
    // metadata floor went to 97% (data, not code); 713/720 and 1262/1263 after
    // their general fixes, so it went back to 99%; 771/784 and 1389/1391 over 196
    // with batches 28 and 29 untuned, so the metadata floor went to 98% (data, not
    // code); 831/848 and 1512/1520 over 212 with batches 30 and 31 untuned, so it
    // went to 97% (data, not code); 890/912 and 1640/1647 over 228 with batches
    // 32 and 33 untuned.
    let (ok, all) = (r.totals.meta_ok, r.totals.meta_total);
    assert!(ok * 100 >= all * 97, "held-out metadata {ok}/{all} < 97%");
    let (ok, all) = (r.totals.body_ok, r.totals.body_total);
    assert!(
        ok * 100 >= all * 99,
        "held-out body checks {ok}/{all} < 99%"
    );
}
