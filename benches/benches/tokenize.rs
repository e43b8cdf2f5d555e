//! Tokenizer throughput on text from `../shared/data/ud` (or the examples when absent).
#![allow(missing_docs)]
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");
    let mut s = String::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            s.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
        }
    }
    s
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("examples", |b| {
        b.iter(|| claimscope::tokenize(&text, claimscope::Lang::En))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
