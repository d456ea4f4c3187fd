//! Build script: fingerprints what decides the cached articles and entities (the
//! cleaner, the readers, the extractor, the compiled-in assets and the locked
//! dependencies), so a cache written by another build is never trusted.

use std::fs;
use std::path::{Path, PathBuf};

/// What the fingerprint covers, relative to the crate root.
const INPUTS: &[&str] = &["src/corpus", "src/extract", "assets", "Cargo.lock"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let mut files = Vec::new();
    for input in INPUTS {
        println!("cargo:rerun-if-changed={input}");
        collect(&root.join(input), &mut files);
    }
    files.sort();
    let mut hash = Fnv::default();
    for file in &files {
        let relative = file.strip_prefix(&root).unwrap_or(file);
        hash.write(relative.to_string_lossy().as_bytes());
        hash.write(&[0]);
        hash.write(&fs::read(file).unwrap_or_default());
        hash.write(&[0]);
    }
    println!(
        "cargo:rustc-env=DOSSIER_EXTRACT_FINGERPRINT={:016x}",
        hash.0
    );
}

/// Every file under `path` (or `path` itself when it is a file).
fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    match fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), out);
            }
        }
        Err(_) if path.is_file() => out.push(path.to_path_buf()),
        Err(_) => {}
    }
}

/// FNV-1a, 64 bits: stable across compilers (std's hasher is not promised to be).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
