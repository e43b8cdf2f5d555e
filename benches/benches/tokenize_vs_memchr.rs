//! Prints, in one run, claimscope's tokenizer throughput next to a pure memchr
//! byte scan (counting spaces) over the same bytes, and their ratio.
//! Run with `scripts/tokenize_vs_memchr.sh` (or
//! `cargo bench -p claimscope-benches --bench tokenize_vs_memchr`).
#![allow(missing_docs)]
use std::hint::black_box;
use std::time::{Duration, Instant};

mod common;

/// CPU time this thread has run, from `/proc/thread-self/schedstat` (Linux);
/// `None` elsewhere.
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Best wall-clock time of `f` over repeated runs lasting about `budget`, and
/// the mean CPU time per run (robust to other processes sharing the cores).
fn best(budget: Duration, mut f: impl FnMut() -> usize) -> (Duration, Option<Duration>) {
    let mut best = Duration::MAX;
    let start = Instant::now();
    let cpu0 = thread_cpu();
    let mut runs = 0u32;
    while runs < 5 || start.elapsed() < budget {
        let t = Instant::now();
        black_box(f());
        best = best.min(t.elapsed());
        runs += 1;
    }
    let cpu = match (cpu0, thread_cpu()) {
        (Some(a), Some(b)) => Some((b - a) / runs),
        _ => None,
    };
    (best, cpu)
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    let corpus = common::corpus();
    let total = common::size(&corpus);
    let mb = total as f64 / 1e6;
    let budget = Duration::from_secs(3);
    let memchr = best(budget, || {
        corpus
            .iter()
            .map(|(_, t)| memchr::memchr_iter(b' ', black_box(t.as_bytes())).count())
            .sum()
    });
    let tok = best(budget, || {
        corpus
            .iter()
            .map(|(lang, t)| claimscope::tokenize(black_box(t), *lang).len())
            .sum()
    });
    let split = best(budget, || {
        corpus
            .iter()
            .map(|(lang, t)| {
                let toks = claimscope::tokenize(black_box(t), *lang);
                claimscope::sentence::split(t, &toks, *lang).len()
            })
            .sum()
    });
    let rate = |d: Duration| mb / d.as_secs_f64();
    let show = |name: &str, (wall, cpu): (Duration, Option<Duration>)| {
        let cpu = cpu.map_or("-".to_string(), |c| format!("{:.1}", rate(c)));
        println!(
            "{name:<32} {:>9.1} MB/s wall (best)   {cpu:>9} MB/s per CPU-second",
            rate(wall)
        );
    };
    println!(
        "corpus: UD # text lines, {} languages, {total} bytes",
        corpus.len()
    );
    show("memchr byte scan (count spaces)", memchr);
    show("claimscope tokenize", tok);
    show("claimscope tokenize + split", split);
    println!(
        "ratio tokenize / memchr (wall): {:.4} (memchr is {:.0}x faster)",
        memchr.0.as_secs_f64() / tok.0.as_secs_f64(),
        tok.0.as_secs_f64() / memchr.0.as_secs_f64()
    );
    if let (Some(m), Some(t)) = (memchr.1, tok.1) {
        println!(
            "ratio tokenize / memchr (CPU):  {:.4} (memchr is {:.0}x faster)",
            m.as_secs_f64() / t.as_secs_f64(),
            t.as_secs_f64() / m.as_secs_f64()
        );
    }
}
