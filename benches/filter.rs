//! Per-keystroke filtering latency on generated corpora: replays typed queries one
//! character at a time through a `Session` (as the TUI's worker does: parse, search,
//! explain the rows on screen) and reports p50/p99/max per keystroke, in wall time
//! and in CPU time of the whole process (all threads; less sensitive to other load
//! on the machine), plus the `Searcher` build time and size.
//!
//!     cargo bench --bench filter
//!     cargo bench --bench filter -- --sizes 100000 --backend skim --repeat 3
//!
//! Options: `--sizes N,N` (10000,100000), `--seed S` (1), `--rows R` explained per
//! keystroke (20), `--repeat K` replays of every query (1), `--backend
//! nucleo-greedy|nucleo|skim` (nucleo-greedy), `--fresh` (a new session per
//! keystroke: no narrowing, no remembered terms), `--queries a,b` (typed queries to
//! replay instead of the built-in list), `--trace` (print every keystroke's times),
//! `--compact` (the small tables a big corpus gets, whatever the size),
//! `--corpus PATH` (a corpus on disk instead, opened through the cache in
//! `$XDG_CACHE_HOME/dossier` as the explorer opens it: a million generated
//! articles reopen in seconds, where generating them here takes minutes and GBs).

use dossier::generate;
use dossier::query::{Backend, Options, Query, Searcher, Session};
use std::time::{Duration, Instant};

/// The same allocator as the `dossier` binary, so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    repeat: usize,
    backend: Backend,
    fresh: bool,
    queries: Vec<String>,
    trace: bool,
    corpus: Option<String>,
    compact: bool,
}

fn settings() -> Settings {
    let mut s = Settings {
        sizes: vec![10_000, 100_000],
        seed: 1,
        rows: 20,
        repeat: 1,
        backend: Backend::NucleoGreedy,
        fresh: false,
        queries: QUERIES.iter().map(|q| q.to_string()).collect(),
        trace: false,
        corpus: None,
        compact: false,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |i: usize| args.get(i + 1).map(String::as_str).unwrap_or_default();
    for (i, arg) in args.iter().enumerate() {
        match arg.as_str() {
            "--sizes" => s.sizes = value(i).split(',').filter_map(|v| v.parse().ok()).collect(),
            "--seed" => s.seed = value(i).parse().unwrap_or(1),
            "--rows" => s.rows = value(i).parse().unwrap_or(20),
            "--repeat" => s.repeat = value(i).parse().unwrap_or(1).max(1),
            "--fresh" => s.fresh = true,
            "--trace" => s.trace = true,
            "--queries" => s.queries = value(i).split(',').map(String::from).collect(),
            "--corpus" => s.corpus = Some(value(i).to_string()),
            "--compact" => s.compact = true,
            "--backend" => {
                s.backend = match value(i) {
                    "skim" => Backend::Skim,
                    "nucleo" => Backend::Nucleo,
                    _ => Backend::NucleoGreedy,
                }
            }
            _ => {}
        }
    }
    s
}

/// CPU time used by the whole process so far (every thread).
fn cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec; the clock id is a constant the
    // kernel always supports.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn load_average() -> String {
    let text = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// The process's peak resident set so far, in bytes (VmHWM).
fn peak_rss_bytes() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<usize>().ok())
        .unwrap_or(0)
        * 1024
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

/// Wall and CPU times of a list of keystrokes.
#[derive(Default)]
struct Times {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

impl Times {
    fn summary(&mut self) -> String {
        self.wall.sort();
        self.cpu.sort();
        let max = |v: &[Duration]| v.last().copied().unwrap_or_default();
        format!(
            "{:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
            ms(percentile(&self.wall, 50.0)),
            ms(percentile(&self.wall, 99.0)),
            ms(max(&self.wall)),
            ms(percentile(&self.cpu, 50.0)),
            ms(percentile(&self.cpu, 99.0)),
            ms(max(&self.cpu)),
        )
    }
}

/// One keystroke: parse leniently, search, explain the rows on screen.
fn keystroke(
    session: &mut Session,
    searcher: &Searcher,
    typed: &str,
    rows: usize,
    times: &mut Times,
) -> usize {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let (query, _) = Query::parse_lenient(typed);
    let options = Options::default();
    let hits = session
        .search(searcher, &query, &options, &|| false)
        .unwrap_or_default();
    for hit in hits.iter().take(rows) {
        std::hint::black_box(searcher.explain(&query, &options, hit.article));
    }
    times.wall.push(wall.elapsed());
    times.cpu.push(cpu_time().saturating_sub(cpu));
    hits.len()
}

fn replay(text: &str, searcher: &Searcher, s: &Settings, times: &mut Times) -> usize {
    let mut session = Session::new();
    let mut hits = 0;
    for end in text.char_indices().map(|(i, c)| i + c.len_utf8()) {
        if s.fresh {
            session = Session::new();
        }
        hits = keystroke(&mut session, searcher, &text[..end], s.rows, times);
        if s.trace {
            let (wall, cpu) = (
                times.wall[times.wall.len() - 1],
                times.cpu[times.cpu.len() - 1],
            );
            println!(
                "  {:<22} wall {:>7} cpu {:>7} hits {hits}",
                format!("{:?}", &text[..end]),
                ms(wall),
                ms(cpu)
            );
        }
    }
    hits
}

fn run(size: usize, s: &Settings) {
    let started = Instant::now();
    let index = match &s.corpus {
        Some(path) => {
            let inputs = [dossier::corpus::Input::from_arg(path)];
            let options = dossier::cache::Options::from_env(false);
            dossier::cache::load(&inputs, &options, &Default::default())
        }
        None => generate::index(size, s.seed),
    };
    let size = index.articles.len();
    let generated = started.elapsed();
    let before = rss_bytes();
    let started = Instant::now();
    let mut searcher = Searcher::with_backend(&index, s.backend);
    if s.compact {
        searcher = searcher.compact();
    }
    let built = started.elapsed();
    let grown = rss_bytes().saturating_sub(before);
    let mentions: usize = index.table.iter().map(|e| e.mentions).sum();
    println!(
        "\n== {size} articles, {mentions} mentions, {} entries, {} distinct texts (seed {})",
        index.table.len(),
        searcher.distinct_texts(),
        s.seed
    );
    println!(
        "{} {} ms; Searcher::new {} ms; tables ~{:.1} MiB (RSS +{:.1} MiB; index RSS {:.1} MiB, peak RSS {:.1} MiB)",
        if s.corpus.is_some() {
            "open"
        } else {
            "generate+index"
        },
        ms(generated),
        ms(built),
        searcher.heap_bytes() as f64 / 1048576.0,
        grown as f64 / 1048576.0,
        before as f64 / 1048576.0,
        peak_rss_bytes() as f64 / 1048576.0
    );
    let parts: Vec<String> = searcher
        .heap_parts()
        .iter()
        .map(|(name, bytes)| format!("{name} {:.1}", *bytes as f64 / 1048576.0))
        .collect();
    println!(
        "tables in MiB{}: {}",
        if searcher.is_compact() {
            " (compact)"
        } else {
            ""
        },
        parts.join(", ")
    );
    println!(
        "{:<24} {:>5}   {:^23}   {:^23} {:>7}",
        "", "", "wall ms", "cpu ms", ""
    );
    println!(
        "{:<24} {:>5}   {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7} {:>7}",
        "query", "keys", "p50", "p99", "max", "p50", "p99", "max", "hits"
    );
    let mut all = Times::default();
    for text in &s.queries {
        let mut times = Times::default();
        let mut hits = 0;
        for _ in 0..s.repeat {
            hits = replay(text, &searcher, s, &mut times);
        }
        all.wall.extend(&times.wall);
        all.cpu.extend(&times.cpu);
        let keys = times.wall.len();
        println!(
            "{:<24} {keys:>5}   {} {hits:>7}",
            format!("{text:?}"),
            times.summary()
        );
    }
    println!(
        "{:<24} {:>5}   {}",
        "ALL keystrokes",
        all.wall.len(),
        all.summary()
    );
}

fn main() {
    // As the explorer does (see `dossier::memory`).
    dossier::memory::no_huge_pages();
    let s = settings();
    println!(
        "filter bench: backend {:?}, {} threads, {} rows explained per keystroke, {}; load average {}",
        s.backend,
        rayon::current_num_threads(),
        s.rows,
        if s.fresh {
            "fresh session per keystroke"
        } else {
            "one session per typed query"
        },
        load_average()
    );
    if s.corpus.is_some() {
        run(0, &s);
    }
    for &size in s.sizes.iter().filter(|_| s.corpus.is_none()) {
        run(size, &s);
    }
    println!("\nload average at the end: {}", load_average());
}
