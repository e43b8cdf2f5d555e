//! Runs `Analyzer::analyze` over the `text` fields of a JSONL file, several
//! times, in one thread: a steady workload to attach a profiler to.
//!
//! ```sh
//! cargo build --release -p claimscope-benches --example profile_corpus
//! perf record -g target/release/examples/profile_corpus CORPUS.jsonl 20
//! ```
//!
//! Prints the bytes analyzed per second on standard output. The language is
//! detected per document, as the command line does, unless a third argument
//! gives it (`en`, `pl`, ...), as `benches/peers` does.
//!
//! Built with `--features mimalloc`, it runs on mimalloc (as the command line
//! and the Python module do).
#![allow(missing_docs)]

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Instant;

use claimscope::{AnalyzeOptions, Analyzer};

mod common;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: profile_corpus CORPUS.jsonl [REPEAT] [LANG]")?;
    let repeat: u32 = common::arg_or(&mut args, "REPEAT", 10)?;
    let lang = match args.next() {
        Some(l) => Some(claimscope::Lang::from_code(&l).map_err(|e| e.to_string())?),
        None => None,
    };
    let texts: Vec<String> = common::jsonl_file(&path)?
        .into_iter()
        .filter_map(|r| r.text.ok())
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let analyzer = Analyzer::new().map_err(|e| e.to_string())?;
    let opts = AnalyzeOptions { id: None, lang };
    // One untimed pass over a few documents first: the tables the pipeline
    // builds on first use are not part of the figure.
    for t in texts.iter().take(20) {
        std::hint::black_box(analyzer.analyze(t, &opts).map(|d| d.claims.len()).ok());
    }
    let start = Instant::now();
    let claims = passes(&analyzer, &texts, &opts, repeat);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} documents, {bytes} bytes, x{repeat}: {:.2} MB/s ({claims} claims)",
        texts.len(),
        bytes as f64 * f64::from(repeat) / secs / 1e6
    );
    Ok(())
}

/// The timed passes, in a function of their own so that a profiler can be
/// told to count only them (`valgrind --tool=callgrind
/// --toggle-collect=profile_corpus::passes`).
#[inline(never)]
fn passes(analyzer: &Analyzer, texts: &[String], opts: &AnalyzeOptions, repeat: u32) -> usize {
    let mut claims = 0usize;
    for _ in 0..repeat {
        for t in texts {
            claims += analyzer.analyze(t, opts).map_or(0, |d| d.claims.len());
        }
    }
    claims
}
