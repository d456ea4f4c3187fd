//! The tagger's weights (per stage, a hashed table of label scores per feature and
//! label transitions), their compact file form, and Viterbi decoding. A second
//! stage, when present, reads the first stage's labels across the article.

use super::super::fxhash::FxHashMap;
use super::features::Context;
use super::packed::PackedWeights;
use super::{LABELS, Tagged, allowed, reshaped, segments, spans_of, trimmed};
use std::cell::RefCell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// The weights compiled into the binary (built by `scripts/train-tagger.sh`).
static COMPILED: &[u8] = include_bytes!("../../../assets/tagger.bin");

const MAGIC: &[u8; 8] = b"DTAGGER3";

/// The features of every token of an article's runs, computed once and read by
/// each stage in turn: per token the key of its intrinsic features (see
/// [`Context::intrinsic`]), and the hashes of the others.
pub struct RunFeatures {
    /// The runs (`start..end` tokens).
    pub segments: Vec<(usize, usize)>,
    /// Per run token, [`Context::intrinsic_key`].
    keys: Vec<u64>,
    /// Where each run token's other hashes start in `hashes` (one more at the end).
    offsets: Vec<u32>,
    hashes: Vec<u64>,
}

impl RunFeatures {
    /// The features of the runs of an article, with the first stage's features when
    /// `prior` (the context must then carry a first stage's labels).
    pub fn of(context: &Context, prior: bool) -> RunFeatures {
        let segments = segments(context);
        let tokens: usize = segments.iter().map(|&(start, end)| end - start).sum();
        let mut keys = Vec::with_capacity(tokens);
        let mut offsets = Vec::with_capacity(tokens + 1);
        offsets.push(0u32);
        // About 30 hashes a token: room for most articles without growing.
        let mut hashes = Vec::with_capacity(tokens * 40);
        for &(start, end) in &segments {
            for i in start..end {
                keys.push(context.intrinsic_key(i));
                context.contextual(i, &mut hashes);
                if prior {
                    context.prior_features(i, &mut hashes);
                }
                offsets.push(hashes.len() as u32);
            }
        }
        RunFeatures {
            segments,
            keys,
            offsets,
            hashes,
        }
    }

    /// The hashes of the `n`th run token other than its intrinsic ones.
    pub fn of_token(&self, n: usize) -> &[u64] {
        &self.hashes[self.offsets[n] as usize..self.offsets[n + 1] as usize]
    }
}

/// A new number for a stage's weights, so that remembered scores are never read
/// for other weights.
pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Intrinsic scores remembered per thread before the table is emptied.
const SCORES_REMEMBERED: usize = 1 << 17;

/// Label scores per feature bucket.
#[derive(Debug, Clone, PartialEq)]
pub enum Weights {
    /// Every bucket's scores, as training learns them.
    Dense(Vec<[f32; LABELS]>),
    /// The scores of the buckets that hold any, as read from the weights file for
    /// tagging.
    Packed(PackedWeights),
}

impl Weights {
    /// The scores of a bucket.
    pub fn row(&self, bucket: usize) -> [f32; LABELS] {
        match self {
            Weights::Dense(rows) => rows[bucket],
            Weights::Packed(packed) => *packed.row(bucket),
        }
    }

    /// How many buckets hold scores (not all zero).
    pub fn filled_buckets(&self) -> usize {
        match self {
            Weights::Dense(rows) => rows.iter().filter(|r| r.iter().any(|&w| w != 0.0)).count(),
            Weights::Packed(packed) => packed.filled_buckets(),
        }
    }

    /// Bytes the scores take in memory.
    pub fn bytes(&self) -> usize {
        match self {
            Weights::Dense(rows) => std::mem::size_of_val(rows.as_slice()),
            Weights::Packed(packed) => packed.bytes(),
        }
    }

    /// Every bucket's scores, to change (packed weights are unpacked first).
    pub fn dense_mut(&mut self) -> &mut Vec<[f32; LABELS]> {
        if let Weights::Packed(packed) = self {
            let buckets = packed.buckets();
            *self = Weights::Dense((0..buckets).map(|b| *packed.row(b)).collect());
        }
        match self {
            Weights::Dense(rows) => rows,
            Weights::Packed(_) => unreachable!("unpacked above"),
        }
    }
}

/// `scores` plus rows of scores, added in order.
#[inline]
fn sum_onto<'a>(
    mut scores: [f32; LABELS],
    rows: impl Iterator<Item = &'a [f32; LABELS]>,
) -> [f32; LABELS] {
    for row in rows {
        for (s, w) in scores.iter_mut().zip(row) {
            *s += w;
        }
    }
    scores
}

/// One stage: label scores per feature bucket and per label pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// This set of weights (see [`next_id`]).
    pub id: u64,
    /// log2 of the number of buckets.
    pub bits: u32,
    /// Scores per bucket, `LABELS` each: dense while training, packed once read
    /// from the file.
    pub weights: Weights,
    /// Score of label `to` after label `from`: `transitions[from][to]`.
    pub transitions: [[f32; LABELS]; LABELS],
}

/// The whole model: one stage, or two.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The stages, first to last.
    pub stages: Vec<Stage>,
    /// The median confidence of the names found in the training texts: confidences
    /// are reported in this unit, so that thresholds do not depend on the scale the
    /// weights happen to have.
    pub calibration: f32,
}

/// Why a weights file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a weights file of this version.
    #[error("not a tagger weights file (bad magic or version)")]
    Magic,
    /// Shorter than its header says.
    #[error("tagger weights file is truncated")]
    Truncated,
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(ModelError::Truncated)?;
        self.0 = rest;
        Ok(*head)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take()?))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take()?))
    }

    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.take()?))
    }

    fn varint(&mut self) -> Result<u32, ModelError> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let [b] = self.take()?;
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ModelError::Magic)
    }
}

impl Stage {
    /// An all-zero stage of `2^bits` buckets.
    pub fn new(bits: u32) -> Stage {
        Stage {
            id: next_id(),
            bits,
            weights: Weights::Dense(vec![[0.0; LABELS]; 1 << bits]),
            transitions: [[0.0; LABELS]; LABELS],
        }
    }

    /// The bucket of a feature hash.
    #[inline]
    pub fn bucket(&self, feature: u64) -> usize {
        (feature >> (64 - self.bits)) as usize
    }

    /// Scores of each label for one token's features (the same bits from either
    /// form of the weights).
    pub fn emissions(&self, features: &[u64]) -> [f32; LABELS] {
        self.emissions_onto([0.0; LABELS], features)
    }

    /// `scores` plus the scores of more features, added in order (so that a sum over
    /// two lists of features is bit for bit the sum over the two lists joined).
    fn emissions_onto(&self, scores: [f32; LABELS], features: &[u64]) -> [f32; LABELS] {
        match &self.weights {
            Weights::Dense(rows) => {
                sum_onto(scores, features.iter().map(|&f| &rows[self.bucket(f)]))
            }
            Weights::Packed(packed) => {
                sum_onto(scores, features.iter().map(|&f| packed.row(self.bucket(f))))
            }
        }
    }

    /// Transition scores with the forbidden moves (an I- after anything but its own
    /// B- or I-) at minus infinity, so that the decoders need no test.
    fn moves(&self) -> [[f32; LABELS]; LABELS] {
        let mut m = self.transitions;
        for (x, row) in m.iter_mut().enumerate() {
            for (y, v) in row.iter_mut().enumerate() {
                if !allowed(x, y) {
                    *v = f32::NEG_INFINITY;
                }
            }
        }
        m
    }

    /// The best labels for a run of tokens given their label scores, with O before
    /// and after the run.
    pub fn viterbi(&self, emissions: &[[f32; LABELS]]) -> Vec<usize> {
        let mut labels = Vec::new();
        viterbi_into(&self.moves(), emissions, &mut Vec::new(), &mut labels);
        labels
    }

    /// Per token, how much better the best labelling is than the best one with O
    /// there instead of the chosen label (0 where O was chosen): max-marginals from a
    /// forward and a backward pass.
    pub fn max_marginal_margins(&self, emissions: &[[f32; LABELS]], best: &[usize]) -> Vec<f32> {
        let mut out = vec![0.0; emissions.len()];
        let mut passes = (Vec::new(), Vec::new());
        margins_into(&self.moves(), emissions, best, &mut passes, &mut out);
        out
    }

    /// The label of every token of the article (O outside the runs), and (when
    /// asked) per token the score of its label above O's. With `prior`, each token's
    /// features go on with [`Context::prior_features`] (the context carries a first
    /// stage's labels), as if `runs` had been built with them.
    pub fn decode(
        &self,
        context: &Context,
        runs: &RunFeatures,
        prior: bool,
        margins: bool,
    ) -> (Vec<u8>, Vec<f32>) {
        let tokens = context.doc().tokens.len();
        let mut labels = vec![0u8; tokens];
        let mut margin = if margins {
            vec![0.0f32; tokens]
        } else {
            Vec::new()
        };
        // The transitions and the decoders' buffers, once for all the runs.
        let moves = self.moves();
        let mut back = Vec::new();
        let mut best = Vec::new();
        let mut passes = (Vec::new(), Vec::new());
        let mut emissions = Vec::new();
        let mut at = 0;
        let mut scratch = Vec::with_capacity(32);
        let mut more = Vec::with_capacity(16);
        for &(start, end) in &runs.segments {
            emissions.clear();
            for i in start..end {
                let mut e = self.intrinsic_scores(context, i, runs.keys[at], &mut scratch);
                let mut others = self.emissions(runs.of_token(at));
                if prior {
                    more.clear();
                    context.prior_features(i, &mut more);
                    others = self.emissions_onto(others, &more);
                }
                for (s, c) in e.iter_mut().zip(others) {
                    *s += c;
                }
                emissions.push(e);
                at += 1;
            }
            viterbi_into(&moves, &emissions, &mut back, &mut best);
            if margins && best.iter().any(|&l| l != 0) {
                margins_into(
                    &moves,
                    &emissions,
                    &best,
                    &mut passes,
                    &mut margin[start..end],
                );
            }
            for (k, &label) in best.iter().enumerate() {
                labels[start + k] = label as u8;
            }
        }
        (labels, margin)
    }

    /// The scores of token `i`'s intrinsic features, remembered per thread by their
    /// key (a word's intrinsic features are the same wherever it stands).
    fn intrinsic_scores(
        &self,
        context: &Context,
        i: usize,
        key: u64,
        scratch: &mut Vec<u64>,
    ) -> [f32; LABELS] {
        thread_local! {
            static SCORES: RefCell<FxHashMap<(u64, u64), [f32; LABELS]>> =
                RefCell::new(FxHashMap::default());
        }
        SCORES.with(|scores| {
            if let Some(found) = scores.borrow().get(&(self.id, key)) {
                return *found;
            }
            scratch.clear();
            context.intrinsic(i, scratch);
            let found = self.emissions(scratch);
            let mut scores = scores.borrow_mut();
            if scores.len() >= SCORES_REMEMBERED {
                scores.clear();
            }
            scores.insert((self.id, key), found);
            found
        })
    }

    /// The label of every token of the article, from its own features.
    pub fn labels(&self, context: &Context) -> Vec<u8> {
        let runs = RunFeatures::of(context, false);
        self.decode(context, &runs, false, false).0
    }

    fn write(&self, out: &mut Vec<u8>) {
        let rows = || (0..1usize << self.bits).map(|b| self.weights.row(b));
        let max = rows().flatten().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let quantised: Vec<(usize, [i16; LABELS])> = rows()
            .enumerate()
            .filter_map(|(b, row)| {
                let q = row.map(|w| (w / scale).round() as i16);
                q.iter().any(|&v| v != 0).then_some((b, q))
            })
            .collect();
        out.extend_from_slice(&(quantised.len() as u32).to_le_bytes());
        let mut previous = 0usize;
        for (b, q) in quantised {
            let mut gap = (b - previous) as u32;
            previous = b;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            for v in q {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }

    /// Reads a stage of the file form, its weights packed or (for `dense`) laid out
    /// in full.
    fn read(r: &mut Reader, dense: bool) -> Result<Stage, ModelError> {
        let bits = r.u32()?;
        if !(1..=28).contains(&bits) {
            return Err(ModelError::Magic);
        }
        let scale = r.f32()?;
        let mut transitions = [[0.0; LABELS]; LABELS];
        for row in &mut transitions {
            for w in row.iter_mut() {
                *w = r.f32()?;
            }
        }
        let count = r.u32()? as usize;
        let mut weights = if dense {
            Weights::Dense(vec![[0.0; LABELS]; 1 << bits])
        } else {
            // A row takes at least 19 bytes: no more can follow than the bytes left.
            Weights::Packed(PackedWeights::new(bits, count.min(r.0.len() / 19)))
        };
        let mut bucket = 0usize;
        for _ in 0..count {
            bucket += r.varint()? as usize;
            let mut row = [0.0; LABELS];
            for w in &mut row {
                *w = f32::from(r.i16()?) * scale;
            }
            let stored = match &mut weights {
                Weights::Dense(rows) => rows.get_mut(bucket).map(|old| *old = row).is_some(),
                Weights::Packed(packed) => packed.set(bucket, row),
            };
            if !stored {
                return Err(ModelError::Truncated);
            }
        }
        Ok(Stage {
            id: next_id(),
            bits,
            weights,
            transitions,
        })
    }
}

/// The labels that may come before label `y`, in order: any before O or a B-, only
/// its own B- or I- before an I- (the others are at minus infinity in the moves, and
/// a sum with minus infinity never wins a maximum, so skipping them changes no bit).
const FROM: [&[usize]; LABELS] = [
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[1, 2],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[3, 4],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[5, 6],
    &[0, 1, 2, 3, 4, 5, 6, 7, 8],
    &[7, 8],
];

/// The labels that may follow label `y`, in order: O, every B-, and its own I-.
const TO: [&[usize]; LABELS] = [
    &[0, 1, 3, 5, 7],
    &[0, 1, 2, 3, 5, 7],
    &[0, 1, 2, 3, 5, 7],
    &[0, 1, 3, 4, 5, 7],
    &[0, 1, 3, 4, 5, 7],
    &[0, 1, 3, 5, 6, 7],
    &[0, 1, 3, 5, 6, 7],
    &[0, 1, 3, 5, 7, 8],
    &[0, 1, 3, 5, 7, 8],
];

/// Viterbi over a run with the stage's moves ([`Stage::moves`]), into `labels`
/// (`back` is a buffer).
fn viterbi_into(
    moves: &[[f32; LABELS]; LABELS],
    emissions: &[[f32; LABELS]],
    back: &mut Vec<[u8; LABELS]>,
    labels: &mut Vec<usize>,
) {
    labels.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0u8; LABELS]);
    let mut score = [0.0f32; LABELS];
    for y in 0..LABELS {
        score[y] = moves[0][y] + emissions[0][y];
    }
    for k in 1..n {
        let mut next = [0.0f32; LABELS];
        for y in 0..LABELS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for &x in FROM[y] {
                let v = score[x] + moves[x][y];
                if v > best {
                    best = v;
                    arg = x;
                }
            }
            next[y] = best + emissions[k][y];
            back[k][y] = arg as u8;
        }
        score = next;
    }
    let mut last = 0;
    let mut best = f32::NEG_INFINITY;
    for (y, &s) in score.iter().enumerate() {
        let v = s + moves[y][0];
        if v > best {
            best = v;
            last = y;
        }
    }
    labels.resize(n, 0);
    labels[n - 1] = last;
    for k in (1..n).rev() {
        labels[k - 1] = usize::from(back[k][labels[k]]);
    }
}

/// [`Stage::max_marginal_margins`] with the stage's moves, into `out` (one per
/// token; `passes` are the forward and backward buffers).
fn margins_into(
    moves: &[[f32; LABELS]; LABELS],
    emissions: &[[f32; LABELS]],
    best: &[usize],
    passes: &mut (Vec<[f32; LABELS]>, Vec<[f32; LABELS]>),
    out: &mut [f32],
) {
    let n = emissions.len();
    let (forward, backward) = passes;
    forward.clear();
    forward.resize(n, [f32::NEG_INFINITY; LABELS]);
    for y in 0..LABELS {
        forward[0][y] = moves[0][y] + emissions[0][y];
    }
    for k in 1..n {
        for y in 0..LABELS {
            let mut v = f32::NEG_INFINITY;
            for &x in FROM[y] {
                v = v.max(forward[k - 1][x] + moves[x][y]);
            }
            forward[k][y] = v + emissions[k][y];
        }
    }
    backward.clear();
    backward.resize(n, [f32::NEG_INFINITY; LABELS]);
    for y in 0..LABELS {
        backward[n - 1][y] = moves[y][0];
    }
    for k in (0..n - 1).rev() {
        for y in 0..LABELS {
            let mut v = f32::NEG_INFINITY;
            for &y2 in TO[y] {
                v = v.max(moves[y][y2] + emissions[k + 1][y2] + backward[k + 1][y2]);
            }
            backward[k][y] = v;
        }
    }
    for (k, slot) in out.iter_mut().enumerate().take(n) {
        let through = |y: usize| forward[k][y] + backward[k][y];
        *slot = through(best[k]) - through(0);
    }
}

impl Model {
    /// The model compiled into the binary, read on first use.
    pub fn compiled() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            // The file is built and checked with the binary (a test reads it); an
            // unreadable one would tag nothing rather than stop the program.
            Model::read(COMPILED).unwrap_or(Model {
                stages: Vec::new(),
                calibration: 1.0,
            })
        })
    }

    /// The names in an article: each stage's labels feed the next.
    pub fn tag(&self, context: Context) -> Vec<Tagged> {
        let Some((last, earlier)) = self.stages.split_last() else {
            return Vec::new();
        };
        let doc = context.doc();
        let runs = RunFeatures::of(&context, false);
        let (labels, margins) = match earlier.last() {
            Some(first) => {
                let (prior, _) = first.decode(&context, &runs, false, false);
                let context = context.with_prior(prior);
                last.decode(&context, &runs, true, true)
            }
            None => last.decode(&context, &runs, false, true),
        };
        let labels: Vec<usize> = labels.into_iter().map(usize::from).collect();
        let unit = if self.calibration > 0.0 {
            self.calibration
        } else {
            1.0
        };
        let margins: Vec<f32> = margins.iter().map(|m| m / unit).collect();
        spans_of(&labels, &margins)
            .into_iter()
            .filter_map(|t| trimmed(doc, t))
            .filter_map(|t| reshaped(doc, t))
            .collect()
    }

    /// The compact file form: header, stage count, then per stage its size,
    /// transitions, and the non-zero buckets as (gap from the previous bucket,
    /// scores quantised to i16 with one scale).
    pub fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.stages.len() as u32).to_le_bytes());
        out.extend_from_slice(&self.calibration.to_le_bytes());
        for stage in &self.stages {
            stage.write(&mut out);
        }
        out
    }

    /// Reads the compact file form, each stage's weights packed (as tagging reads
    /// them).
    pub fn read(bytes: &[u8]) -> Result<Model, ModelError> {
        Model::read_as(bytes, false)
    }

    /// Reads the compact file form with every bucket's scores laid out (as training
    /// has them).
    pub fn read_dense(bytes: &[u8]) -> Result<Model, ModelError> {
        Model::read_as(bytes, true)
    }

    fn read_as(bytes: &[u8], dense: bool) -> Result<Model, ModelError> {
        let mut r = Reader(bytes);
        if &r.take::<8>()? != MAGIC {
            return Err(ModelError::Magic);
        }
        let count = r.u32()?;
        if count > 2 {
            return Err(ModelError::Magic);
        }
        let calibration = r.f32()?;
        let stages = (0..count)
            .map(|_| Stage::read(&mut r, dense))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Model {
            stages,
            calibration,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_form_reads_back() {
        let mut stage = Stage::new(4);
        stage.weights.dense_mut()[3][1] = 2.5;
        stage.weights.dense_mut()[9][0] = -1.0;
        stage.transitions[0][1] = 0.5;
        let model = Model {
            stages: vec![stage.clone(), stage],
            calibration: 2.0,
        };
        let back = Model::read(&model.write()).unwrap();
        assert_eq!(back.stages.len(), 2);
        assert_eq!(back.calibration, 2.0);
        let s = &back.stages[1];
        assert_eq!(s.bits, 4);
        assert!((s.weights.row(3)[1] - 2.5).abs() < 1e-3);
        assert!((s.weights.row(9)[0] + 1.0).abs() < 1e-3);
        assert_eq!(s.weights.row(4), [0.0; LABELS]);
        assert_eq!(s.weights.filled_buckets(), 2);
        assert_eq!(s.transitions[0][1], 0.5);
        assert!(Model::read(&model.write()[..40]).is_err());
        assert!(Model::read(b"nonsense").is_err());
    }

    /// The bits of a row of scores, to compare them exactly.
    fn bits_of(row: [f32; LABELS]) -> [u32; LABELS] {
        row.map(f32::to_bits)
    }

    #[test]
    fn packed_weights_score_as_the_dense_ones_bit_for_bit() {
        let packed = Model::read(COMPILED).unwrap();
        let dense = Model::read_dense(COMPILED).unwrap();
        assert_eq!(packed.stages.len(), 2);
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for (p, d) in packed.stages.iter().zip(&dense.stages) {
            assert!(matches!(p.weights, Weights::Packed(_)));
            assert!(matches!(d.weights, Weights::Dense(_)));
            assert_eq!(p.transitions, d.transitions);
            let filled = d.weights.filled_buckets();
            assert!(filled > 10_000, "{filled} buckets hold scores");
            assert_eq!(p.weights.filled_buckets(), filled);
            for n in 0..20_000 {
                let features: Vec<u64> = (0..1 + n % 40).map(|_| random()).collect();
                let (a, b) = (p.emissions(&features), d.emissions(&features));
                assert_eq!(bits_of(a), bits_of(b), "features {features:?}");
            }
            for bucket in 0..1 << p.bits {
                let (a, b) = (p.weights.row(bucket), d.weights.row(bucket));
                assert_eq!(bits_of(a), bits_of(b), "bucket {bucket}");
            }
        }
    }

    #[test]
    fn the_decoders_skip_exactly_the_forbidden_moves() {
        for (x, to) in TO.iter().enumerate() {
            for (y, from) in FROM.iter().enumerate() {
                assert_eq!(from.contains(&x), allowed(x, y), "{x} -> {y}");
                assert_eq!(to.contains(&y), allowed(x, y), "{x} -> {y}");
            }
            assert!(FROM[x].is_sorted() && to.is_sorted());
        }
    }

    #[test]
    fn viterbi_never_starts_a_name_with_an_inside_label() {
        let stage = Stage::new(2);
        // I-PER scores best everywhere, but may not follow O.
        let mut e = [0.0f32; LABELS];
        e[2] = 5.0;
        e[1] = 1.0;
        let labels = stage.viterbi(&[e, e]);
        assert_eq!(labels, vec![1, 2]);
    }

    #[test]
    fn the_compiled_model_loads() {
        assert!(
            !Model::compiled().stages.is_empty(),
            "assets/tagger.bin did not load"
        );
    }
}
