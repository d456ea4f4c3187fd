//! Trains the name tagger's weights (`assets/tagger.bin`) and scores them; run by
//! `scripts/train-tagger.sh`, which documents the data and the exact command.
//!
//! Training sources (each may end in `:N` to repeat its documents N times):
//! - `--conll FILE`: CoNLL-format names (CoNLL-2003, wikigold);
//! - `--jsonl FILE`: JSON Lines documents with byte spans (`scripts/ner_data.py`);
//! - `--gold GOLD_DIR:ARTICLES_DIR`: dossier gold files and their articles, the gold
//!   names found again in the cleaned bodies (partial annotation: only the runs of
//!   tokens that hold a gold name are learned from).
//!
//! Training settings: `--bits`, `--epochs`, `--seed`, `--stages`, `--folds`;
//! `--ensemble N` averages N perceptrons per stage trained in different orders;
//! `--rule-dropout R` hides the rules' marks from a share R of the marked spans in
//! training, so the tagger does not echo them.
//!
//! Scoring (after training, or of `--evaluate FILE` alone):
//! - `--dev-conll FILE`: the whole pipeline, as `dossier eval --conll`;
//! - `--dev-gold GOLD_DIR:ARTICLES_DIR`: the whole pipeline, as `dossier eval --gold`;
//! - `--dev FILE.jsonl` or `--dev-tagger-conll FILE`: the tagger alone, exact spans
//!   (with `TAGGER_DUMP=FILE` in the environment, each document's first line and the
//!   names the tagger found in it are appended to FILE, one document per line);
//! - `--show FILE`: the named entities of each paragraph of a text file (paragraphs
//!   separated by blank lines), with their kinds, for reading made-up cases.

use dossier::corpus::{self, Input};
use dossier::eval::{self, Gold, conll};
use dossier::extract::tagger::train::{Example, Settings, tag_text, train};
use dossier::extract::tagger::{Coarse, Model};
use dossier::extract::{self, Kind};
use dossier::index::Index;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::ExitCode;

#[derive(Default)]
struct Options {
    conll: Vec<(String, usize)>,
    jsonl: Vec<(String, usize)>,
    gold: Vec<(String, usize)>,
    dev_jsonl: Vec<String>,
    dev_tagger_conll: Vec<String>,
    dev_conll: Vec<String>,
    dev_gold: Vec<String>,
    bits: u32,
    epochs: usize,
    seed: u64,
    stages: usize,
    folds: usize,
    ensemble: usize,
    rule_dropout: f32,
    out: Option<String>,
    evaluate: Option<String>,
    show: Vec<String>,
    verbose: bool,
}

/// `PATH` or `PATH:N`.
fn repeated(v: String) -> (String, usize) {
    match v.rsplit_once(':') {
        Some((p, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            (p.to_string(), n.parse().unwrap_or(1))
        }
        _ => (v, 1),
    }
}

fn parse() -> Result<Options, String> {
    let mut o = Options {
        bits: 20,
        epochs: 12,
        seed: 7,
        stages: 2,
        folds: 4,
        ensemble: 1,
        ..Options::default()
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--conll" => o.conll.push(repeated(value()?)),
            "--jsonl" => o.jsonl.push(repeated(value()?)),
            "--gold" => o.gold.push(repeated(value()?)),
            "--dev" => o.dev_jsonl.push(value()?),
            "--dev-tagger-conll" => o.dev_tagger_conll.push(value()?),
            "--dev-conll" => o.dev_conll.push(value()?),
            "--dev-gold" => o.dev_gold.push(value()?),
            "--bits" => o.bits = value()?.parse().map_err(|e| format!("--bits: {e}"))?,
            "--epochs" => o.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => o.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--stages" => o.stages = value()?.parse().map_err(|e| format!("--stages: {e}"))?,
            "--folds" => o.folds = value()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--ensemble" => {
                o.ensemble = value()?.parse().map_err(|e| format!("--ensemble: {e}"))?
            }
            "--rule-dropout" => {
                let rate: f32 = value()?
                    .parse()
                    .map_err(|e| format!("--rule-dropout: {e}"))?;
                if !(0.0..1.0).contains(&rate) {
                    return Err(format!("--rule-dropout: {rate} is not in [0, 1)"));
                }
                o.rule_dropout = rate;
            }
            "--out" => o.out = Some(value()?),
            "--evaluate" => o.evaluate = Some(value()?),
            "--show" => o.show.push(value()?),
            "--verbose" => o.verbose = true,
            _ => return Err(format!("unknown argument {arg}")),
        }
    }
    Ok(o)
}

#[derive(serde::Deserialize)]
struct Record {
    text: String,
    spans: Vec<(usize, usize, String)>,
    #[serde(default)]
    sports: bool,
}

fn read_jsonl(path: &str) -> Result<Vec<(Example, bool)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let r: Record = serde_json::from_str(l).map_err(|e| format!("{path}: {e}"))?;
            let spans = r
                .spans
                .iter()
                .filter_map(|(s, e, t)| Some((*s, *e, Coarse::from_tag(t)?)))
                .collect();
            Ok((
                Example {
                    text: r.text,
                    spans,
                    partial: false,
                },
                r.sports,
            ))
        })
        .collect()
}

fn read_conll(path: &str) -> Result<Vec<(Example, bool)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(conll::read(&text)
        .into_iter()
        .map(|d| {
            let sports = d.sports;
            (
                Example {
                    text: d.text,
                    spans: d.spans,
                    partial: false,
                },
                sports,
            )
        })
        .collect())
}

fn coarse_of_gold(kind: &str) -> Option<Coarse> {
    let kind: Kind = kind.parse().ok()?;
    conll::coarse(kind).or((kind == Kind::Event).then_some(Coarse::Other))
}

/// Every whole-word occurrence of the gold names in a cleaned body, longest first,
/// without overlaps.
fn gold_spans(body: &str, gold: &Gold) -> Vec<(usize, usize, Coarse)> {
    let mut found: Vec<(usize, usize, Coarse)> = Vec::new();
    for entity in &gold.entities {
        let Some(coarse) = coarse_of_gold(&entity.kind) else {
            continue;
        };
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            if name.is_empty() {
                continue;
            }
            for (start, _) in body.match_indices(name.as_str()) {
                let end = start + name.len();
                let before = body[..start].chars().next_back();
                let after = body[end..].chars().next();
                let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                if boundary(before) && boundary(after) {
                    found.push((start, end, coarse));
                }
            }
        }
    }
    found.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut kept: Vec<(usize, usize, Coarse)> = Vec::new();
    for f in found {
        if kept.iter().all(|k| f.1 <= k.0 || k.1 <= f.0) {
            kept.push(f);
        }
    }
    kept.sort();
    kept
}

/// `GOLD_DIR:ARTICLES_DIR` loaded: the gold files and an index of the articles built
/// with `model` (or only the corpus, when no model is given).
fn load_gold(spec: &str) -> Result<(Vec<Gold>, corpus::Corpus), String> {
    let (gold_dir, articles) = spec
        .split_once(':')
        .ok_or(format!("{spec}: expected GOLD_DIR:ARTICLES_DIR"))?;
    let golds = eval::load_dir(Path::new(gold_dir)).map_err(|e| format!("{gold_dir}: {e}"))?;
    let corpus = if articles.is_empty() {
        corpus::embedded()
    } else {
        corpus::load(&[Input::from_arg(articles)])
    };
    Ok((golds, corpus))
}

fn gold_examples(spec: &str) -> Result<Vec<(Example, bool)>, String> {
    let (golds, corpus) = load_gold(spec)?;
    Ok(golds
        .iter()
        .filter_map(|g| {
            let article = corpus.articles.iter().find(|a| a.file == g.file)?;
            let spans = gold_spans(&article.body, g);
            Some((
                Example {
                    text: article.body.clone(),
                    spans,
                    // The gold lists the entities an article is scored on, not every
                    // name in it.
                    partial: true,
                },
                false,
            ))
        })
        .collect())
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn f1(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

/// The tagger alone: exact spans (trailing punctuation trimmed) per type.
fn score_tagger(model: &Model, name: &str, docs: &[(Example, bool)]) {
    let trim = |text: &str, (s, e, c): (usize, usize, Coarse)| {
        let t = text[s..e].trim_end_matches(|ch: char| !ch.is_alphanumeric());
        (s, s + t.len(), c)
    };
    let mut by_type: BTreeMap<&str, Counts> = BTreeMap::new();
    let results: Vec<_> = docs
        .par_iter()
        .map(|(ex, _)| {
            let (found, tokens) = tag_text(model, &ex.text);
            let got: BTreeSet<_> = found
                .iter()
                .map(|t| trim(&ex.text, (tokens[t.first].0, tokens[t.last].1, t.coarse)))
                .collect();
            let gold: BTreeSet<_> = ex.spans.iter().map(|&s| trim(&ex.text, s)).collect();
            (gold, got)
        })
        .collect();
    for (gold, got) in &results {
        for g in gold {
            let c = by_type.entry(g.2.tag()).or_default();
            if got.contains(g) {
                c.tp += 1
            } else {
                c.fn_ += 1
            }
        }
        for p in got.difference(gold) {
            by_type.entry(p.2.tag()).or_default().fp += 1;
        }
    }
    // Unique names per document (tagger alone, no cleaning, no second stage).
    let mut unique = [Counts::default(); 2];
    for ((gold, got), (ex, sports)) in results.iter().zip(docs) {
        let names = |set: &BTreeSet<(usize, usize, Coarse)>| -> BTreeSet<(Coarse, String)> {
            set.iter()
                .filter(|s| s.2 != Coarse::Other)
                .map(|&(s, e, c)| (c, dossier::eval::normalize::name(&ex.text[s..e])))
                .collect()
        };
        let (g, f) = (names(gold), names(got));
        if let Some(dump) = std::env::var_os("TAGGER_DUMP") {
            use std::io::Write;
            if let Ok(mut out) = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(dump)
            {
                let list: Vec<String> = f.iter().map(|(c, n)| format!("{} {n}", c.tag())).collect();
                let _ = writeln!(
                    out,
                    "{}\t{}",
                    ex.text.lines().next().unwrap_or(""),
                    list.join("|")
                );
            }
        }
        let c = &mut unique[usize::from(!*sports)];
        c.tp += g.intersection(&f).count();
        c.fn_ += g.difference(&f).count();
        c.fp += f.difference(&g).count();
    }
    for (name, c) in ["sports", "non-sports"].iter().zip(&unique) {
        let (p, r, f) = c.f1();
        println!("{name}: tagger alone, unique names P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let mut all = Counts::default();
    for (tag, c) in &by_type {
        if *tag != "MISC" {
            all.tp += c.tp;
            all.fp += c.fp;
            all.fn_ += c.fn_;
        }
        let (p, r, f) = c.f1();
        println!("  tagger {tag:<4} P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let (p, r, f) = all.f1();
    println!("{name}: tagger alone, exact PER+LOC+ORG  P {p:.3} R {r:.3} F1 {f:.3}");
}

fn score_conll(model: &Model, path: &str, verbose: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let documents = conll::read(&text);
    let found: Vec<Option<Vec<extract::Entity>>> = documents
        .par_iter()
        .map(|doc| {
            if std::env::var_os("TAGGER_RAW").is_some() {
                return Some(extract::entities_with(&doc.text, model));
            }
            let loaded = corpus::load_text(&format!("conll-{:04}.txt", doc.number), &doc.text);
            loaded.articles.first().map(|a| a.entities_with(model))
        })
        .collect();
    let report = conll::score(&documents, &found);
    println!("{path}: pipeline");
    print!("{}", conll::render_text(&report, verbose));
    Ok(())
}

fn score_gold(model: &Model, spec: &str, verbose: bool) -> Result<(), String> {
    let (golds, corpus) = load_gold(spec)?;
    let entities = corpus
        .articles
        .par_iter()
        .map(|a| a.entities_with(model))
        .collect();
    let index = Index::build(corpus, entities);
    let report = eval::evaluate(&index, &golds);
    let text = eval::render_text(&report, verbose);
    println!("{spec}: pipeline");
    for line in text.lines() {
        let keep = verbose
            || line.starts_with("micro")
            || line.starts_with("Entities")
            || line.starts_with("city")
            || line.starts_with("firm")
            || line.starts_with("org")
            || line.starts_with("person");
        if keep {
            println!("  {line}");
        }
    }
    Ok(())
}

fn load_training(o: &Options) -> Result<Vec<Example>, String> {
    let mut examples = Vec::new();
    let sources = o
        .conll
        .iter()
        .map(|(p, n)| (p, *n, read_conll(p)))
        .chain(o.jsonl.iter().map(|(p, n)| (p, *n, read_jsonl(p))))
        .chain(o.gold.iter().map(|(p, n)| (p, *n, gold_examples(p))));
    for (path, times, docs) in sources {
        let docs = docs?;
        eprintln!("{path}: {} documents x{times}", docs.len());
        for _ in 0..times {
            examples.extend(docs.iter().map(|(e, _)| e.clone()));
        }
    }
    Ok(examples)
}

fn run() -> Result<(), String> {
    let o = parse()?;
    let model = if let Some(path) = &o.evaluate {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        Model::read(&bytes).map_err(|e| format!("{path}: {e}"))?
    } else {
        let examples = load_training(&o)?;
        let settings = Settings {
            bits: o.bits,
            epochs: o.epochs,
            seed: o.seed,
            stages: o.stages,
            folds: o.folds,
            ensemble: o.ensemble,
            rule_dropout: o.rule_dropout,
        };
        let started = std::time::Instant::now();
        let model = train(&examples, &settings, &mut |line| eprintln!("{line}"));
        eprintln!(
            "trained in {:.1?}; calibration {:.1}",
            started.elapsed(),
            model.calibration
        );
        let bytes = model.write();
        if let Some(out) = &o.out {
            std::fs::write(out, &bytes).map_err(|e| format!("{out}: {e}"))?;
            eprintln!("wrote {out} ({} bytes)", bytes.len());
        }
        // Score what the file holds (quantised), not the training state.
        Model::read(&bytes).map_err(|e| e.to_string())?
    };
    for path in &o.dev_jsonl {
        score_tagger(&model, path, &read_jsonl(path)?);
    }
    for path in &o.dev_tagger_conll {
        score_tagger(&model, path, &read_conll(path)?);
    }
    for path in &o.dev_conll {
        score_conll(&model, path, o.verbose)?;
    }
    for spec in &o.dev_gold {
        score_gold(&model, spec, o.verbose)?;
    }
    for path in &o.show {
        show(&model, path)?;
    }
    Ok(())
}

fn show(model: &Model, path: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        println!("== {paragraph}");
        if std::env::var_os("TAGGER_TRACE").is_some() {
            print!("{}", extract::trace_with(paragraph, model));
        }
        for e in extract::entities_with(paragraph, model) {
            if e.kind.is_named() {
                println!("   {:?}\t{}\t{}", e.kind, e.name, e.count);
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_tagger: {e}");
            ExitCode::from(2)
        }
    }
}
