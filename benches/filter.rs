//! Per-keystroke filtering latency on generated corpora: replays typed queries one
//! character at a time through a `Session` (as the TUI's worker does) and reports
//! p50/p99/max, plus the `Searcher` build time and size.
//!
//! cargo bench --bench filter                      # 10k and 100k articles
//! cargo bench --bench filter -- --sizes 100000 --seed 7 --rows 20

use dossier::generate;
use dossier::query::{Options, Query, Searcher, Session};
use std::time::{Duration, Instant};

const QUERIES: &[&str] = &[
    "chong",
    "city:cheng firm:clo",
    "ali | tenc",
    "!beijing shang",
    "zhang wei",
    "f:tech c:shan",
    "^hua",
    "'cloud !bank",
    "region: person:li",
    "2016",
];

struct Settings {
    sizes: Vec<usize>,
    seed: u64,
    rows: usize,
    fresh: bool,
}

fn settings() -> Settings {
    let mut s = Settings {
        sizes: vec![10_000, 100_000],
        seed: 1,
        rows: 20,
        fresh: false,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let value = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--sizes" => s.sizes = value.split(',').filter_map(|v| v.parse().ok()).collect(),
            "--seed" => s.seed = value.parse().unwrap_or(1),
            "--rows" => s.rows = value.parse().unwrap_or(20),
            "--fresh" => {
                s.fresh = true;
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        }
        i += 2;
    }
    s
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn rss_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    pages * 4096
}

/// One keystroke: parse leniently, search, explain the rows on screen.
fn keystroke(
    session: &mut Session,
    searcher: &Searcher,
    typed: &str,
    rows: usize,
) -> (Duration, usize) {
    let started = Instant::now();
    let (query, _) = Query::parse_lenient(typed);
    let options = Options::default();
    let hits = session
        .search(searcher, &query, &options, &|| false)
        .unwrap_or_default();
    for hit in hits.iter().take(rows) {
        std::hint::black_box(searcher.explain(&query, &options, hit.article));
    }
    (started.elapsed(), hits.len())
}

fn run(size: usize, s: &Settings) {
    let started = Instant::now();
    let index = generate::index(size, s.seed);
    let generated = started.elapsed();
    let before = rss_bytes();
    let started = Instant::now();
    let searcher = Searcher::new(&index);
    let built = started.elapsed();
    let grown = rss_bytes().saturating_sub(before);
    let mentions: usize = index.entities.iter().flatten().map(|e| e.count).sum();
    println!(
        "\n== {size} articles, {mentions} mentions, {} entries, {} distinct texts (seed {})",
        index.table.len(),
        searcher.distinct_texts(),
        s.seed
    );
    println!(
        "generate+index {}; Searcher::new {}; searcher ~{:.1} MiB (tables), RSS +{:.1} MiB",
        ms(generated),
        ms(built),
        searcher.heap_bytes() as f64 / 1048576.0,
        grown as f64 / 1048576.0
    );
    let mut all = Vec::new();
    println!(
        "{:<24} {:>5} {:>10} {:>10} {:>10} {:>9}",
        "query", "keys", "p50", "p99", "max", "hits"
    );
    for text in QUERIES {
        let mut session = Session::new();
        let mut times = Vec::new();
        let mut last = 0;
        for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let (t, hits) = if s.fresh {
                keystroke(&mut Session::new(), &searcher, &text[..end], s.rows)
            } else {
                keystroke(&mut session, &searcher, &text[..end], s.rows)
            };
            times.push(t);
            last = hits;
        }
        let keys = times.len();
        all.extend(times.iter().copied());
        times.sort();
        println!(
            "{:<24} {:>5} {:>10} {:>10} {:>10} {:>9}",
            format!("{text:?}"),
            keys,
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 99.0)),
            ms(*times.last().unwrap_or(&Duration::ZERO)),
            last
        );
    }
    all.sort();
    println!(
        "ALL keystrokes: n={} p50 {} p99 {} max {}",
        all.len(),
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 99.0)),
        ms(*all.last().unwrap_or(&Duration::ZERO))
    );
}

fn main() {
    let s = settings();
    println!(
        "filter bench: {} threads, {} rows explained per keystroke, {}",
        rayon::current_num_threads(),
        s.rows,
        if s.fresh {
            "fresh session per keystroke (no narrowing)"
        } else {
            "one session per typed query (narrowing)"
        }
    );
    for &size in &s.sizes {
        run(size, &s);
    }
}
