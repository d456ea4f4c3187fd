//! Extraction throughput, and the load times of the gazetteers, the tagger's weights
//! and its word clusters.
//!
//! `cargo bench --bench extract [-- MEGABYTES] [--one-thread]` (default 100): loads
//! the gazetteers once (timed, in this fresh process), then extracts entities from
//! the cleaned seed articles replicated to the given size, three times on one thread
//! (printing the best MB per CPU-second, measured from the thread's own CPU time),
//! then (unless `--one-thread`, handy under a profiler) on all cores with rayon.
//! Prints wall-clock MB/s too, and the load average, since the machine is shared.

use dossier::corpus;
use dossier::extract::{self, gazetteer};
use rayon::prelude::*;
use std::time::Instant;

/// The same allocator as the `dossier` binary, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU seconds this process has used (user + system, all threads), from /proc; None elsewhere.
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// CPU seconds the calling thread has run, in nanosecond resolution (Linux schedstat).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

/// The 1, 5 and 15 minute load averages (other work on the machine skews wall time).
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".to_string())
}

/// Runs `work`, printing wall-clock and CPU throughput; returns its result and the
/// MB per CPU-second (None without /proc).
fn measure(
    label: &str,
    mb: f64,
    cpu_seconds: fn() -> Option<f64>,
    work: impl FnOnce() -> usize,
) -> (usize, Option<f64>) {
    let cpu = cpu_seconds();
    let started = Instant::now();
    let n = work();
    let wall = started.elapsed().as_secs_f64();
    let rate = match (cpu, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => Some(mb / (b - a)),
        _ => None,
    };
    let per_cpu = rate.map_or(String::new(), |r| format!(", {r:.1} MB per CPU-second"));
    println!(
        "{label}: {wall:.2} s wall, {:.1} MB/s{per_cpu} ({n} entities)",
        mb / wall
    );
    (n, rate)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let megabytes: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100);
    let one_thread = args.iter().any(|a| a == "--one-thread");
    println!("load average at start: {}", load_average());
    let cpu = thread_cpu_seconds();
    let started = Instant::now();
    let g = gazetteer::gazetteer();
    let load = started.elapsed();
    let load_cpu = match (cpu, thread_cpu_seconds()) {
        (Some(a), Some(b)) => format!(", {:.1} ms CPU", (b - a) * 1e3),
        _ => String::new(),
    };
    println!(
        "gazetteer load: {:.1} ms wall{load_cpu} ({} first names, {} common words)",
        load.as_secs_f64() * 1e3,
        g.given.len(),
        g.common.len()
    );
    let cpu = thread_cpu_seconds();
    let started = Instant::now();
    let model = extract::tagger::Model::compiled();
    let load = started.elapsed();
    let load_cpu = match (cpu, thread_cpu_seconds()) {
        (Some(a), Some(b)) => format!(", {:.1} ms CPU", (b - a) * 1e3),
        _ => String::new(),
    };
    println!(
        "tagger weights load: {:.1} ms wall{load_cpu} ({} stages of {} buckets, {} filled; \
         {:.1} MB in memory)",
        load.as_secs_f64() * 1e3,
        model.stages.len(),
        model.stages.first().map_or(0, |s| 1usize << s.bits),
        model
            .stages
            .iter()
            .map(|s| s.weights.filled_buckets())
            .sum::<usize>(),
        model
            .stages
            .iter()
            .map(|s| s.weights.bytes())
            .sum::<usize>() as f64
            / 1e6
    );
    let started = Instant::now();
    let clusters = extract::tagger::cluster_count();
    println!(
        "word clusters load: {:.1} ms wall ({clusters} words)",
        started.elapsed().as_secs_f64() * 1e3
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

    // One core, three runs: the best is the least disturbed by other work.
    let mut best: Option<f64> = None;
    let mut single = 0;
    for run in 1..=3 {
        let (n, rate) = measure(
            &format!("one thread, run {run}"),
            mb,
            thread_cpu_seconds,
            || bodies.iter().map(|b| extract::entities(b).len()).sum(),
        );
        single = n;
        best = match (best, rate) {
            (Some(b), Some(r)) => Some(b.max(r)),
            (b, r) => b.or(r),
        };
    }
    if let Some(best) = best {
        println!("one thread, best: {best:.1} MB per CPU-second");
    }
    if !one_thread {
        let threads = format!("{} threads", rayon::current_num_threads());
        let (parallel, _) = measure(&threads, mb, process_cpu_seconds, || {
            bodies.par_iter().map(|b| extract::entities(b).len()).sum()
        });
        assert_eq!(single, parallel);
    }
    println!("load average at end: {}", load_average());
}
