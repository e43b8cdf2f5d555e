//! The whole pipeline through `claimscope_batch::analyze_batch`: bytes/s with
//! 1 and 2 worker threads (`pipeline_*`: the documents come back to the
//! caller; `extract_jsonl_*`: as `claimscope extract` runs, each document
//! written as its JSON line in the worker), the same work without the engine,
//! and the cost of building an analyzer.
//!
//! The corpus is the multilingual dev texts of `../shared/eval/gold` (en, pl,
//! ru, uk news) when they are there, else `examples/data`, repeated to about
//! 2 MB. Set `CLAIMSCOPE_BENCH_MB` to change the size.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use claimscope::{Analyzer, OutputFields};
use claimscope_batch::{BatchOptions, InputRecord, analyze_batch, analyze_batch_map};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The seed news texts: gold dev documents, else the examples.
fn seed_texts() -> Vec<String> {
    let root = env!("CARGO_MANIFEST_DIR");
    let gold = std::path::Path::new(root).join("../../shared/eval/gold");
    let mut texts = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&gold) {
        let mut files: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let Ok(s) = std::fs::read_to_string(&f) else {
                continue;
            };
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&s) else {
                continue;
            };
            if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                texts.push(t.to_string());
            }
        }
    }
    if texts.is_empty() {
        let dir = std::path::Path::new(root).join("../examples/data");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.sort();
        texts = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .collect();
    }
    texts
}

fn corpus() -> Vec<InputRecord> {
    let mb: f64 = std::env::var("CLAIMSCOPE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2.0);
    let target = (mb * 1e6) as usize;
    let texts = seed_texts();
    assert!(!texts.is_empty(), "no bench texts found");
    let mut out = Vec::new();
    let mut size = 0;
    let mut i = 0usize;
    while size < target {
        let t = &texts[i % texts.len()];
        size += t.len();
        out.push(InputRecord::from_text(format!("d{i}"), t.clone()));
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let analyzer = Analyzer::new().unwrap();
    let records = corpus();
    let bytes: u64 = records.iter().map(|r| r.bytes).sum();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    g.throughput(Throughput::Bytes(bytes));
    // `pipeline`: every Document comes back to the caller's thread (and is
    // freed there). `extract_jsonl`: as `claimscope extract` runs, each
    // document written as its JSON line inside the worker that analyzed it
    // (the documents are dropped there too), the caller's thread only taking
    // the lines in order.
    let run = |recs: Vec<InputRecord>, threads: usize, jsonl: bool| -> usize {
        let opts = BatchOptions {
            threads,
            ..BatchOptions::default()
        };
        if jsonl {
            analyze_batch_map(&analyzer, recs, opts, |_, r| {
                r.ok()
                    .and_then(|d| serde_json::to_vec(&d.to_output(OutputFields::default())).ok())
                    .unwrap_or_default()
            })
            .map(|line| line.len())
            .sum()
        } else {
            analyze_batch(&analyzer, recs, opts)
                .map(|r| r.map(|d| d.claims.len()).unwrap_or(0))
                .sum()
        }
    };
    for (name, jsonl) in [("pipeline", false), ("extract_jsonl", true)] {
        for threads in [1usize, 2] {
            g.bench_function(format!("{name}_{threads}_thread"), |b| {
                b.iter_batched(
                    || records.clone(),
                    |recs| run(recs, threads, jsonl),
                    criterion::BatchSize::LargeInput,
                );
            });
        }
    }
    // The same work, one document at a time on the caller's thread: what the
    // batch engine's threads, channels and reordering cost on one core.
    g.bench_function("sequential_no_engine", |b| {
        b.iter(|| {
            records
                .iter()
                .map(|r| {
                    let opts = claimscope::AnalyzeOptions {
                        id: Some(r.id.clone()),
                        lang: None,
                    };
                    analyzer
                        .analyze(r.text.as_deref().unwrap_or(""), &opts)
                        .map(|d| d.claims.len())
                        .unwrap_or(0)
                })
                .sum::<usize>()
        });
    });
    g.finish();

    let mut g = c.benchmark_group("analyzer");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    g.bench_function("build", |b| b.iter(|| Analyzer::new().unwrap()));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
