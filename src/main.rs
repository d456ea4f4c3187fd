//! The `dossier` binary: parse arguments, run the library, map the outcome to an exit code.

use std::process::ExitCode;

/// Extraction makes many small, short-lived strings; mimalloc serves them faster than
/// the system allocator (see `benches/extract.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    dossier::cli::main()
}
