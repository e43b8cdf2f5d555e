//! Single-thread throughput of claimscope's stages on one text file, as JSON
//! on standard output, for `benches/peers/run.sh`:
//!
//! ```sh
//! cargo run --release -p claimscope-benches --example stages -- TEXT_FILE [LANG]
//! ```
//!
//! `tokenize`: the tokenizer alone; `sentences`: tokenizer + sentence
//! splitter; `pipeline`: `Analyzer::analyze` (tokens, sentences, actors,
//! claims). Each is timed over repeated runs for at least two seconds; the
//! figure is bytes of input per second. The file is split into documents at
//! blank-line-separated blocks of about 2 KB (news-article size), analyzed one
//! by one.
//!
//! Built with `--features mimalloc`, it runs on mimalloc, the allocator the
//! command line and the Python module use; without, on the system allocator
//! (a Rust program that uses the library as it is). `allocator` in the output
//! says which.
#![allow(missing_docs)]

use std::time::{Duration, Instant};

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ALLOCATOR: &str = if cfg!(feature = "mimalloc") {
    "mimalloc"
} else {
    "system"
};

use claimscope::{AnalyzeOptions, Analyzer, Lang};

fn time_it(bytes: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut sink = 0usize;
    // Warm-up.
    sink = sink.wrapping_add(f());
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_secs(2) || runs < 3 {
        sink = sink.wrapping_add(f());
        runs += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    std::hint::black_box(sink);
    bytes as f64 * f64::from(runs) / secs
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: stages TEXT_FILE [LANG] (see the file's docs)")?;
    let lang = match args.next() {
        Some(l) => Lang::from_code(&l).map_err(|e| e.to_string())?,
        None => Lang::En,
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    // Documents of about 2 KB, cut at paragraph breaks.
    let mut docs: Vec<String> = Vec::new();
    let mut cur = String::new();
    for para in text.split("\n\n") {
        cur.push_str(para);
        cur.push_str("\n\n");
        if cur.len() >= 2000 {
            docs.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        docs.push(cur);
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let analyzer = Analyzer::new().map_err(|e| e.to_string())?;
    let opts = AnalyzeOptions {
        id: None,
        lang: Some(lang),
    };
    let tokenize = time_it(bytes, || {
        docs.iter()
            .map(|d| claimscope::tokenize(d, lang).len())
            .sum()
    });
    let sentences = time_it(bytes, || {
        docs.iter()
            .map(|d| {
                let t = claimscope::tokenize(d, lang);
                claimscope::sentence::split(d, &t, lang).len()
            })
            .sum()
    });
    let pipeline = time_it(bytes, || {
        docs.iter()
            .map(|d| analyzer.analyze(d, &opts).map_or(0, |d| d.claims.len()))
            .sum()
    });
    println!(
        "{{\"bytes\": {bytes}, \"documents\": {}, \"allocator\": \"{ALLOCATOR}\", \"tokenize\": {tokenize:.0}, \"sentences\": {sentences:.0}, \"pipeline\": {pipeline:.0}}}",
        docs.len()
    );
    Ok(())
}
