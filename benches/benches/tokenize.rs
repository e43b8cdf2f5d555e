//! Tokenizer throughput (bytes/s, single thread) on the UD corpus
//! (`common::corpus`), per language and over all languages.
#![allow(missing_docs)]
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;

fn bench(c: &mut Criterion) {
    let corpus = common::corpus();
    let total = common::size(&corpus);
    eprintln!(
        "tokenize corpus: {} languages, {total} bytes ({:.1} MB)",
        corpus.len(),
        total as f64 / 1e6
    );
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("all", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|(lang, text)| claimscope::tokenize(text, *lang).len())
                .sum::<usize>()
        })
    });
    for (lang, text) in &corpus {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("lang", lang.code()), text, |b, t| {
            b.iter(|| claimscope::tokenize(t, *lang))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
