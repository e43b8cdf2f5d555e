//! The user actor-dictionary loader: a clear error or a loaded analyzer, never a panic.
#![no_main]
use claimscope::Analyzer;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = Analyzer::builder().actors_str("fuzz.tsv", text).build();
});
