//! Fuzz target: `dossier::fuzzing::html` on arbitrary bytes (see fuzz/README.md).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzzing::html(data));
