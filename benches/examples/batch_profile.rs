//! Runs the batch engine over the `text` fields of a JSONL file, several
//! times: a steady workload to attach a profiler (or `perf stat`) to.
//!
//! ```sh
//! cargo build --release -p claimscope-benches --example batch_profile
//! perf stat -e context-switches,cpu-migrations \
//!     target/release/examples/batch_profile CORPUS.jsonl 10 1
//! ```
//!
//! Arguments: the file, the number of passes (default 10) and the number of
//! worker threads (default 1). Prints the bytes of text analyzed per second
//! on standard output. The file is read as the command line reads it: a
//! record's `id` and `lang` are used, and the language is detected where a
//! record gives none.
#![allow(missing_docs)]

use std::time::Instant;

use claimscope::Analyzer;
use claimscope_batch::{BatchOptions, InputRecord, analyze_batch};

mod common;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: batch_profile CORPUS.jsonl [PASSES] [THREADS]")?;
    let passes: u32 = common::arg_or(&mut args, "PASSES", 10)?;
    let threads: usize = common::arg_or(&mut args, "THREADS", 1)?;
    let one_pass = common::jsonl_file(&path)?;
    let texts = one_pass.iter().filter(|r| r.text.is_ok()).count();
    let bytes: usize = one_pass
        .iter()
        .map(|r| r.text.as_ref().map_or(0, String::len))
        .sum();
    let analyzer = Analyzer::new().map_err(|e| e.to_string())?;
    let records: Vec<InputRecord> = (0..passes).flat_map(|_| one_pass.clone()).collect();
    let opts = BatchOptions {
        threads,
        ..BatchOptions::default()
    };
    let start = Instant::now();
    let claims: usize = analyze_batch(&analyzer, records, opts)
        .map(|r| r.map_or(0, |d| d.claims.len()))
        .sum();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{texts} documents, {bytes} bytes, x{passes}, {threads} thread(s): {:.2} MB/s ({claims} claims)",
        bytes as f64 * f64::from(passes) / secs / 1e6
    );
    Ok(())
}
