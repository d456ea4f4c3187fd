//! Prints one document of a CoNLL file as `dossier eval --conll` rebuilds it (a
//! development aid for reading the tagger's errors on the dev split):
//! `cargo run --release --example conll_doc -- FILE NUMBER [--spans]`.

use dossier::eval::conll;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(number)) = (args.first(), args.get(1)) else {
        eprintln!("usage: conll_doc FILE NUMBER [--spans]");
        return ExitCode::from(2);
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("conll_doc: cannot read {path}");
        return ExitCode::from(2);
    };
    let Ok(number) = number.parse::<usize>() else {
        eprintln!("conll_doc: not a number: {number}");
        return ExitCode::from(2);
    };
    let docs = conll::read(&text);
    let Some(doc) = docs.iter().find(|d| d.number == number) else {
        eprintln!("conll_doc: no document {number} (of {})", docs.len());
        return ExitCode::from(1);
    };
    print!("{}", doc.text);
    if args.iter().any(|a| a == "--spans") {
        for (start, end, coarse) in &doc.spans {
            eprintln!("{coarse:?}\t{}", &doc.text[*start..*end]);
        }
    }
    ExitCode::SUCCESS
}
