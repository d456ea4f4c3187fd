//! Extraction throughput and gazetteer load time.
//!
//! `cargo bench --bench extract [-- MEGABYTES]` (default 100): loads the gazetteers
//! once (timed, in this fresh process), then extracts entities from the cleaned
//! seed articles replicated to the given size, first on one thread, then on all
//! cores with rayon, and prints MB/s.

use dossier::corpus;
use dossier::extract::{self, gazetteer};
use rayon::prelude::*;
use std::time::Instant;

/// CPU seconds this process has used (user + system), from /proc; None elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Runs `work`, printing wall-clock and CPU throughput.
fn measure(label: &str, mb: f64, work: impl FnOnce() -> usize) -> usize {
    let cpu = cpu_seconds();
    let started = Instant::now();
    let n = work();
    let wall = started.elapsed().as_secs_f64();
    let per_cpu = match (cpu, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => format!(", {:.1} MB per CPU-second", mb / (b - a)),
        _ => String::new(),
    };
    println!(
        "{label}: {wall:.2} s wall, {:.1} MB/s{per_cpu} ({n} entities)",
        mb / wall
    );
    n
}

fn main() {
    let megabytes: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100);
    let started = Instant::now();
    let g = gazetteer::gazetteer();
    let load = started.elapsed();
    println!(
        "gazetteer load: {:.1} ms ({} first names, {} common words)",
        load.as_secs_f64() * 1e3,
        g.given.len(),
        g.common.len()
    );

    let seeds: Vec<String> = corpus::embedded()
        .articles
        .into_iter()
        .map(|a| a.body)
        .collect();
    let target = megabytes * 1_000_000;
    let mut bodies = Vec::new();
    let mut total = 0;
    while total < target {
        for body in &seeds {
            total += body.len();
            bodies.push(body.clone());
        }
    }
    let mb = total as f64 / 1e6;
    println!(
        "corpus: {} articles, {mb:.1} MB (the {} seeds, cleaned, repeated)",
        bodies.len(),
        seeds.len()
    );

    let single = measure("one thread", mb, || {
        bodies.iter().map(|b| extract::entities(b).len()).sum()
    });
    let threads = format!("{} threads", rayon::current_num_threads());
    let parallel = measure(&threads, mb, || {
        bodies.par_iter().map(|b| extract::entities(b).len()).sum()
    });
    assert_eq!(single, parallel);
}
