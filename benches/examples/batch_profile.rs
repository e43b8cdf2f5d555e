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
//! worker threads (default 1). Prints the bytes analyzed per second on
//! standard output; the language is detected per document, as the command
//! line does.
#![allow(missing_docs)]

use std::time::Instant;

use claimscope::Analyzer;
use claimscope_batch::{BatchOptions, InputRecord, analyze_batch};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: batch_profile CORPUS.jsonl [PASSES] [THREADS]")?;
    let passes: u32 = match args.next() {
        Some(r) => r.parse().map_err(|e| format!("PASSES: {e}"))?,
        None => 10,
    };
    let threads: usize = match args.next() {
        Some(r) => r.parse().map_err(|e| format!("THREADS: {e}"))?,
        None => 1,
    };
    let data = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let analyzer = Analyzer::new().map_err(|e| e.to_string())?;
    let records: Vec<InputRecord> = (0..passes)
        .flat_map(|p| {
            texts
                .iter()
                .enumerate()
                .map(move |(i, t)| InputRecord::from_text(format!("{p}-{i}"), t.clone()))
        })
        .collect();
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
        "{} documents, {bytes} bytes, x{passes}, {threads} thread(s): {:.2} MB/s ({claims} claims)",
        texts.len(),
        bytes as f64 * f64::from(passes) / secs / 1e6
    );
    Ok(())
}
