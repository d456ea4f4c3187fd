//! The fuzz targets' bounded pass, on stable Rust in `cargo test`: every crash
//! the fuzzers ever found (`tests/fixtures/fuzz/TARGET/`) and every seed
//! (`fuzz/seeds/TARGET/`, for HTML also `tests/fixtures/html/`) is run through
//! its target again, then a fixed number of inputs mutated from the seeds the
//! way libFuzzer does (byte flips, insertions, deletions, repeats, dictionary
//! words, splices), with a fixed
//! seed so a failure reproduces. `DOSSIER_FUZZ_CASES=N` sets the number per
//! target (default 300). The long runs are `scripts/fuzz.sh MINUTES`.

use std::fs;
use std::path::{Path, PathBuf};

type Target = fn(&[u8]);

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Each target with its seed folder's name and the dictionary it mutates with.
const TARGETS: [(&str, Target, &str); 6] = [
    ("html", dossier::fuzzing::html, "html"),
    ("markdown", dossier::fuzzing::markdown, "markdown"),
    ("json_lines", dossier::fuzzing::json_lines, "json"),
    ("cleaner", dossier::fuzzing::cleaner, "text"),
    ("extractor", dossier::fuzzing::extractor, "text"),
    ("query", dossier::fuzzing::query, "query"),
];

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// A target's seeds: `fuzz/seeds/TARGET/`, and for the HTML reader also the HTML
/// test pages (`tests/fixtures/html/`, used as they are rather than copied), in
/// file-name order.
fn seeds_of(name: &str) -> Vec<PathBuf> {
    let mut seeds = files(&Path::new(ROOT).join("fuzz/seeds").join(name));
    if name == "html" {
        seeds.extend(files(&Path::new(ROOT).join("tests/fixtures/html")));
    }
    seeds.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    seeds
}

/// The words of a libFuzzer dictionary (`"..."` lines, `\xNN` and `\\` escapes).
fn dictionary(name: &str) -> Vec<Vec<u8>> {
    let path = Path::new(ROOT)
        .join("fuzz/dicts")
        .join(format!("{name}.dict"));
    let text = fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix('"')?.strip_suffix('"'))
        .map(unescape)
        .collect()
}

fn unescape(word: &str) -> Vec<u8> {
    let bytes = word.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'\\', Some(b'x')) if i + 4 <= bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 2..i + 4]).unwrap_or("");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(b'?'));
                i += 4;
            }
            (b'\\', Some(&c)) => {
                out.push(c);
                i += 2;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// xorshift64*: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Largest input the pass builds (libFuzzer's default is 4 KiB; more finds
/// work that grows with size).
const MAX_LEN: usize = 64 * 1024;

fn mutate(input: &mut Vec<u8>, seeds: &[Vec<u8>], words: &[Vec<u8>], rng: &mut Rng) {
    for _ in 0..=rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(7) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => input.insert(at, rng.next() as u8),
            2 if !input.is_empty() => {
                let end = (at + rng.below(16)).min(input.len());
                input.drain(at.min(end)..end);
            }
            3 if !input.is_empty() => {
                let start = rng.below(input.len());
                let end = (start + 1 + rng.below(64)).min(input.len());
                let piece = input[start..end].to_vec();
                for _ in 0..=rng.below(8) {
                    input.splice(at..at, piece.iter().copied());
                }
            }
            4 | 5 if !words.is_empty() => {
                let word = &words[rng.below(words.len())];
                input.splice(at..at, word.iter().copied());
            }
            _ if !seeds.is_empty() => {
                let other = &seeds[rng.below(seeds.len())];
                let start = rng.below(other.len() + 1);
                let end = (start + rng.below(256)).min(other.len());
                input.splice(at..at, other[start..end].iter().copied());
            }
            _ => input.push(b' '),
        }
    }
    input.truncate(MAX_LEN);
}

fn run(name: &str, target: Target, input: &[u8], what: &str) {
    let result = std::panic::catch_unwind(|| target(input));
    if result.is_err() {
        let dir = std::env::temp_dir().join(format!("dossier-fuzz-{name}"));
        let _ = fs::create_dir_all(&dir);
        let path = dir.join(format!("failure-{}", std::process::id()));
        let _ = fs::write(&path, input);
        panic!(
            "{name}: {what} failed; the input is in {} (add it to tests/fixtures/fuzz/{name}/)",
            path.display()
        );
    }
}

#[test]
fn crashes_found_and_seeds_pass_every_target() {
    let mut replayed = 0;
    for (name, target, _) in TARGETS {
        let crashes = files(&Path::new(ROOT).join("tests/fixtures/fuzz").join(name));
        for file in crashes.into_iter().chain(seeds_of(name)) {
            let input = fs::read(&file).unwrap();
            run(name, target, &input, &file.display().to_string());
            replayed += 1;
        }
    }
    assert!(replayed >= 20, "only {replayed} inputs replayed");
}

#[test]
fn a_bounded_fuzzing_pass_finds_nothing() {
    let cases: usize = std::env::var("DOSSIER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    for (n, (name, target, dict)) in TARGETS.into_iter().enumerate() {
        let seeds: Vec<Vec<u8>> = seeds_of(name)
            .iter()
            .map(|f| fs::read(f).unwrap())
            .collect();
        assert!(!seeds.is_empty(), "{name}: no seeds");
        let words = dictionary(dict);
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (n as u64 + 1));
        for case in 0..cases {
            let mut input = seeds[rng.below(seeds.len())].clone();
            mutate(&mut input, &seeds, &words, &mut rng);
            run(name, target, &input, &format!("mutated case {case}"));
        }
    }
}
