//! Load benchmark: reads, decodes, cleans and finds the metadata of every file in a
//! folder (no entity extraction), and reports throughput and peak memory.
//!
//!   cargo bench --bench load -- /tmp/dossier-100mb [ROUNDS]
//!   cargo bench --bench load -- big.jsonl [ROUNDS]       (a file works too)
//!
//! Build the folder with `scripts/replicate-seeds.sh /tmp/dossier-100mb 100`.

use dossier::corpus::{Input, load};
use std::path::PathBuf;
use std::time::Instant;

/// Total bytes of a file, or of the regular files under a folder.
fn folder_bytes(dir: &std::path::Path) -> u64 {
    if let Ok(meta) = std::fs::metadata(dir)
        && meta.is_file()
    {
        return meta.len();
    }
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            match entry.metadata() {
                Ok(m) if m.is_dir() => stack.push(entry.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

/// Peak resident memory of this process so far, from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    // cargo bench passes "--bench"; everything else is ours.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench load -- DIR [ROUNDS]");
        eprintln!("       (make DIR with scripts/replicate-seeds.sh DIR 100)");
        return;
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(3);
    let bytes = folder_bytes(&dir);
    let mb = bytes as f64 / 1e6;
    let threads = rayon::current_num_threads();
    println!(
        "{}: {mb:.1} MB, {threads} threads, {rounds} rounds",
        dir.display()
    );
    for round in 1..=rounds {
        let start = Instant::now();
        let corpus = load(&[Input::Path(dir.clone())]);
        let secs = start.elapsed().as_secs_f64();
        let body: usize = corpus.articles.iter().map(|a| a.body.len()).sum();
        println!(
            "round {round}: {} articles, {} problems, {secs:.2} s, {:.1} MB/s (cleaned body {:.1} MB)",
            corpus.articles.len(),
            corpus.problems.len(),
            mb / secs,
            body as f64 / 1e6
        );
    }
    if let Some(kib) = peak_rss_kib() {
        println!("peak resident memory: {:.0} MiB", kib as f64 / 1024.0);
    }
}
