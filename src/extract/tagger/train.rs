//! Offline training of the tagger (used by `examples/train_tagger.rs`, never at run
//! time): documents with gold name spans become runs of feature buckets and gold
//! labels, and an averaged structured perceptron learns each stage. The second
//! stage learns from first-stage labels made without the document in training
//! (jackknifed), as they will be on unseen text.

use super::super::doc::Doc;
use super::features::Context;
use super::model::{RunFeatures, Stage};
use super::{Coarse, LABELS, Model, Tagged, begin, inside};
use rayon::prelude::*;

/// A document with its gold names, as byte ranges into `text`.
#[derive(Debug, Clone)]
pub struct Example {
    /// The text.
    pub text: String,
    /// Gold names: start byte, end byte, type.
    pub spans: Vec<(usize, usize, Coarse)>,
    /// The gold names are not all the names of the text (dossier's gold lists the
    /// entities an article is scored on): only runs that hold a gold name are
    /// learned from, so a name the gold leaves out is not taught as no name.
    pub partial: bool,
}

/// One run of tokens ready for training: feature buckets and gold label per token.
#[derive(Debug, Clone)]
pub struct Run {
    /// Feature buckets of each token.
    pub features: Vec<Vec<u32>>,
    /// Gold label of each token.
    pub gold: Vec<u8>,
}

/// Gold tokens that no run covers (the tagger can never find them).
#[derive(Debug, Clone, Copy, Default)]
pub struct Coverage {
    /// Gold name tokens in all.
    pub gold_tokens: usize,
    /// Of those, outside every run.
    pub uncovered: usize,
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// log2 of the number of feature buckets per stage.
    pub bits: u32,
    /// Passes over the training runs.
    pub epochs: usize,
    /// Seed of the order of runs.
    pub seed: u64,
    /// 1 or 2 stages.
    pub stages: usize,
    /// Folds for the second stage's first-stage labels.
    pub folds: usize,
    /// Each stage is the average of this many perceptrons trained on the runs in
    /// different orders (seeds `seed`, `seed + 1000003`, ...): a steadier model than
    /// one order's, at no cost at run time.
    pub ensemble: usize,
    /// The share of the rules' marked spans whose marks are hidden from the features
    /// in training ([`Context::with_rule_dropout`]).
    pub rule_dropout: f32,
}

/// Gold label of every token of `doc`.
pub fn gold_labels(doc: &Doc, spans: &[(usize, usize, Coarse)]) -> Vec<u8> {
    let mut labels = vec![0u8; doc.tokens.len()];
    for &(start, end, coarse) in spans {
        let mut first = true;
        for (i, token) in doc.tokens.iter().enumerate() {
            if token.end <= start || token.start >= end {
                continue;
            }
            labels[i] = if first { begin(coarse) } else { inside(coarse) } as u8;
            first = false;
        }
    }
    labels
}

/// The runs of one example, with feature hashes reduced to buckets of `bits` bits;
/// `prior` gives first-stage labels for second-stage features; `rule_dropout` is the
/// share of rule-marked spans whose marks are hidden ([`Settings::rule_dropout`]).
pub fn prepare(
    example: &Example,
    bits: u32,
    prior: Option<Vec<u8>>,
    rule_dropout: f32,
    coverage: &mut Coverage,
) -> Vec<Run> {
    let doc = Doc::new(&example.text);
    let rules = super::super::marks_of(&doc);
    let mut context =
        Context::new(&doc, &rules).with_rule_dropout(rule_dropout, seed_of(&example.text));
    let context_has_prior = prior.is_some();
    if let Some(prior) = prior {
        context = context.with_prior(prior);
    }
    let prior = context_has_prior;
    let gold = gold_labels(&doc, &example.spans);
    let mut covered = vec![false; doc.tokens.len()];
    let mut runs = Vec::new();
    let features = RunFeatures::of(&context, prior);
    let mut at = 0;
    let mut intrinsic = Vec::with_capacity(32);
    for &(start, end) in &features.segments {
        covered[start..end].fill(true);
        let mut run = Run {
            features: Vec::with_capacity(end - start),
            gold: gold[start..end].to_vec(),
        };
        if example.partial && run.gold.iter().all(|&g| g == 0) {
            at += end - start;
            continue;
        }
        for i in start..end {
            intrinsic.clear();
            context.intrinsic(i, &mut intrinsic);
            run.features.push(
                intrinsic
                    .iter()
                    .chain(features.of_token(at))
                    .map(|&h| (h >> (64 - bits)) as u32)
                    .collect(),
            );
            at += 1;
        }
        runs.push(run);
    }
    for &g in &gold {
        if g != 0 {
            coverage.gold_tokens += 1;
        }
    }
    coverage.uncovered += gold
        .iter()
        .zip(&covered)
        .filter(|&(&g, &c)| g != 0 && !c)
        .count();
    runs
}

/// A seed drawn from a text, for its feature dropout.
fn seed_of(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// A small deterministic random number generator (xorshift), for the order of runs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Averaged structured perceptron state.
struct Trainer {
    stage: Stage,
    /// Sum of step number times each update, for the average.
    weighted: Vec<[f32; LABELS]>,
    weighted_transitions: [[f32; LABELS]; LABELS],
    step: f32,
}

impl Trainer {
    fn update(&mut self, run: &Run, labels: &[usize], sign: f32) {
        let step = self.step;
        let weights = self.stage.weights.dense_mut();
        let mut previous = 0usize;
        for (k, &y) in labels.iter().enumerate() {
            for &b in &run.features[k] {
                weights[b as usize][y] += sign;
                self.weighted[b as usize][y] += sign * step;
            }
            self.stage.transitions[previous][y] += sign;
            self.weighted_transitions[previous][y] += sign * step;
            previous = y;
        }
        self.stage.transitions[previous][0] += sign;
        self.weighted_transitions[previous][0] += sign * step;
    }

    fn learn(&mut self, run: &Run) -> bool {
        let weights = self.stage.weights.dense_mut();
        let emissions: Vec<[f32; LABELS]> = run
            .features
            .iter()
            .map(|f| {
                let mut s = [0.0f32; LABELS];
                for &b in f {
                    for (s, w) in s.iter_mut().zip(&weights[b as usize]) {
                        *s += w;
                    }
                }
                s
            })
            .collect();
        let predicted = self.stage.viterbi(&emissions);
        let gold: Vec<usize> = run.gold.iter().map(|&g| usize::from(g)).collect();
        self.step += 1.0;
        if predicted == gold {
            return false;
        }
        self.update(run, &gold, 1.0);
        self.update(run, &predicted, -1.0);
        true
    }

    fn averaged(self) -> Stage {
        let mut stage = self.stage;
        stage.id = super::model::next_id();
        let step = self.step.max(1.0);
        for (row, acc) in stage.weights.dense_mut().iter_mut().zip(&self.weighted) {
            for (w, a) in row.iter_mut().zip(acc) {
                *w -= a / step;
            }
        }
        for (row, acc) in stage.transitions.iter_mut().zip(&self.weighted_transitions) {
            for (w, a) in row.iter_mut().zip(acc) {
                *w -= a / step;
            }
        }
        stage
    }
}

/// Trains one stage of `2^bits` buckets for `epochs` passes over the runs, visiting
/// them in an order drawn from `seed`. `report` is called after each epoch with the
/// epoch number and the share of runs predicted wrongly.
pub fn train_stage(runs: &[Run], settings: &Settings, mut report: impl FnMut(usize, f64)) -> Stage {
    let ens = settings.ensemble.max(1);
    if ens > 1 {
        let stages: Vec<Stage> = (0..ens as u64)
            .into_par_iter()
            .map(|k| {
                let s = Settings {
                    seed: settings.seed.wrapping_add(k * 1_000_003),
                    ..*settings
                };
                train_one(runs, &s, |_, _| {})
            })
            .collect();
        let mut out = Stage::new(settings.bits);
        out.id = super::model::next_id();
        let scale = 1.0 / ens as f32;
        for stage in &stages {
            for (b, row) in out.weights.dense_mut().iter_mut().enumerate() {
                for (w, a) in row.iter_mut().zip(stage.weights.row(b)) {
                    *w += a * scale;
                }
            }
            for (row, add) in out.transitions.iter_mut().zip(&stage.transitions) {
                for (w, a) in row.iter_mut().zip(add) {
                    *w += a * scale;
                }
            }
        }
        report(settings.epochs, 0.0);
        return out;
    }
    train_one(runs, settings, report)
}

/// One averaged perceptron over the runs (see [`train_stage`]).
fn train_one(runs: &[Run], settings: &Settings, mut report: impl FnMut(usize, f64)) -> Stage {
    let mut trainer = Trainer {
        stage: Stage::new(settings.bits),
        weighted: vec![[0.0; LABELS]; 1 << settings.bits],
        weighted_transitions: [[0.0; LABELS]; LABELS],
        step: 0.0,
    };
    let mut rng = Rng(settings.seed | 1);
    let mut order: Vec<usize> = (0..runs.len()).collect();
    for epoch in 0..settings.epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut wrong = 0usize;
        for &r in &order {
            wrong += usize::from(trainer.learn(&runs[r]));
        }
        report(epoch + 1, wrong as f64 / runs.len().max(1) as f64);
    }
    trainer.averaged()
}

/// First-stage labels of every token of a text.
fn first_stage_labels(stage: &Stage, text: &str) -> Vec<u8> {
    let doc = Doc::new(text);
    let rules = super::super::marks_of(&doc);
    stage.labels(&Context::new(&doc, &rules))
}

fn runs_of(
    examples: &[Example],
    settings: &Settings,
    priors: Option<Vec<Vec<u8>>>,
) -> (Vec<Run>, Coverage) {
    let (bits, dropout) = (settings.bits, settings.rule_dropout);
    let prepared: Vec<(Vec<Run>, Coverage)> = match priors {
        None => examples
            .par_iter()
            .map(|e| {
                let mut c = Coverage::default();
                (prepare(e, bits, None, dropout, &mut c), c)
            })
            .collect(),
        Some(priors) => examples
            .par_iter()
            .zip(priors)
            .map(|(e, p)| {
                let mut c = Coverage::default();
                (prepare(e, bits, Some(p), dropout, &mut c), c)
            })
            .collect(),
    };
    let mut coverage = Coverage::default();
    let mut runs = Vec::new();
    for (r, c) in prepared {
        runs.extend(r);
        coverage.gold_tokens += c.gold_tokens;
        coverage.uncovered += c.uncovered;
    }
    (runs, coverage)
}

/// Trains the whole model. `log` receives progress lines.
pub fn train(examples: &[Example], settings: &Settings, log: &mut dyn FnMut(String)) -> Model {
    let (runs, coverage) = runs_of(examples, settings, None);
    log(format!(
        "{} runs; {} of {} gold name tokens outside every run",
        runs.len(),
        coverage.uncovered,
        coverage.gold_tokens
    ));
    let first = train_stage(&runs, settings, |e, w| {
        log(format!(
            "stage 1 epoch {e}: {:.2}% of runs wrong",
            w * 100.0
        ));
    });
    if settings.stages < 2 {
        return calibrated(
            Model {
                stages: vec![first],
                calibration: 1.0,
            },
            examples,
        );
    }
    // First-stage labels for each example from a first stage trained without it.
    let folds = settings.folds.max(2);
    let mut priors: Vec<Vec<u8>> = vec![Vec::new(); examples.len()];
    for fold in 0..folds {
        let train_on: Vec<Example> = examples
            .iter()
            .enumerate()
            .filter(|(n, _)| n % folds != fold)
            .map(|(_, e)| e.clone())
            .collect();
        let (fold_runs, _) = runs_of(&train_on, settings, None);
        let stage = train_stage(&fold_runs, settings, |_, _| {});
        let labels: Vec<(usize, Vec<u8>)> = examples
            .par_iter()
            .enumerate()
            .filter(|(n, _)| n % folds == fold)
            .map(|(n, e)| (n, first_stage_labels(&stage, &e.text)))
            .collect();
        for (n, l) in labels {
            priors[n] = l;
        }
        log(format!("fold {} of {folds} labelled", fold + 1));
    }
    let (second_runs, _) = runs_of(examples, settings, Some(priors));
    let second = train_stage(&second_runs, settings, |e, w| {
        log(format!(
            "stage 2 epoch {e}: {:.2}% of runs wrong",
            w * 100.0
        ));
    });
    calibrated(
        Model {
            stages: vec![first, second],
            calibration: 1.0,
        },
        examples,
    )
}

/// The model with its calibration: the median confidence of the names it finds in
/// (up to 400 of) the training texts.
fn calibrated(mut model: Model, examples: &[Example]) -> Model {
    let step = (examples.len() / 400).max(1);
    let mut confidences: Vec<f32> = examples
        .par_iter()
        .step_by(step)
        .flat_map_iter(|e| {
            tag_text(&model, &e.text)
                .0
                .into_iter()
                .map(|t| t.confidence)
        })
        .filter(|c| c.is_finite() && *c > 0.0)
        .collect();
    confidences.sort_by(f32::total_cmp);
    if let Some(&median) = confidences.get(confidences.len() / 2) {
        model.calibration = median;
    }
    model
}

/// The names a model finds in a text, and the byte range of every token.
pub fn tag_text(model: &Model, text: &str) -> (Vec<Tagged>, Vec<(usize, usize)>) {
    let doc = Doc::new(text);
    let rules = super::super::marks_of(&doc);
    let found = model.tag(Context::new(&doc, &rules));
    let ranges = doc.tokens.iter().map(|t| (t.start, t.end)).collect();
    (found, ranges)
}
