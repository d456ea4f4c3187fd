//! Fuzz target: `dossier::fuzzing::json_lines` on arbitrary bytes (see fuzz/README.md).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dossier::fuzzing::json_lines(data));
