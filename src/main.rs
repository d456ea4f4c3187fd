//! The `dossier` binary: parse arguments, run the library, map the outcome to an exit code.

use std::process::ExitCode;

/// Extraction makes many small, short-lived strings and vectors; mimalloc serves them
/// faster than the system allocator (see README, "Benchmarks: extraction").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    dossier::cli::main()
}
