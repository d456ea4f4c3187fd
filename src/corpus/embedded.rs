//! The sample corpus compiled into the binary, so `dossier` works from any directory.

use super::{Corpus, from_plain_text};
use rayon::prelude::*;

/// The seed articles: (file name, text), in file-name order.
const SEEDS: &[(&str, &str)] = &[
    (
        "000_33417ef6b2824b00.txt",
        include_str!("../../seeds/000_33417ef6b2824b00.txt"),
    ),
    (
        "001_b26634755998d4e2.txt",
        include_str!("../../seeds/001_b26634755998d4e2.txt"),
    ),
    (
        "002_27802ad57b1ff9a1.txt",
        include_str!("../../seeds/002_27802ad57b1ff9a1.txt"),
    ),
    (
        "003_fe507257b914270f.txt",
        include_str!("../../seeds/003_fe507257b914270f.txt"),
    ),
    (
        "004_5bee4c4ef80e7b91.txt",
        include_str!("../../seeds/004_5bee4c4ef80e7b91.txt"),
    ),
];

/// The embedded sample corpus, cleaned like files on disk.
pub fn embedded() -> Corpus {
    let articles = SEEDS
        .par_iter()
        .enumerate()
        .map(|(i, (file, text))| {
            from_plain_text(i + 1, format!("seeds/{file}"), (*file).to_string(), text)
        })
        .collect();
    Corpus {
        name: "embedded seeds".into(),
        articles,
        problems: Vec::new(),
    }
}
