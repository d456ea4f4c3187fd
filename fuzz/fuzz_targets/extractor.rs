//! Fuzz target: `dossier::fuzzing::extractor` on arbitrary bytes (see fuzz/README.md).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzzing::extractor(data));
