//! Sentence splitter throughput (bytes/s, single thread) on the UD corpus
//! (`common::corpus`), tokens computed beforehand; and tokenize + split together.
#![allow(missing_docs)]
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

mod common;

fn bench(c: &mut Criterion) {
    let corpus = common::corpus();
    let total = common::size(&corpus);
    eprintln!(
        "sentence corpus: {total} bytes ({:.1} MB)",
        total as f64 / 1e6
    );
    let tokens: Vec<_> = corpus
        .iter()
        .map(|(lang, text)| claimscope::tokenize(text, *lang))
        .collect();
    let mut g = c.benchmark_group("sentence");
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("split/all", |b| {
        b.iter(|| {
            corpus
                .iter()
                .zip(&tokens)
                .map(|((lang, text), toks)| claimscope::sentence::split(text, toks, *lang).len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokenize+split/all", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|(lang, text)| {
                    let toks = claimscope::tokenize(text, *lang);
                    claimscope::sentence::split(text, &toks, *lang).len()
                })
                .sum::<usize>()
        })
    });
    for ((lang, text), toks) in corpus.iter().zip(&tokens) {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("split", lang.code()), text, |b, t| {
            b.iter(|| claimscope::sentence::split(t, toks, *lang))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
