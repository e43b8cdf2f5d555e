//! Throughput per byte of `Analyzer::analyze` on normal text and on
//! degenerate, adversarial inputs, by size class. A stage with a quadratic
//! path shows up as bytes/s falling with size, or as a class far below normal
//! text at the same size.
//!
//! Normal text, two baselines at 1 KB, 10 KB, 100 KB, 1 MB, 10 MB:
//! - `text`: running text that does not repeat below about 1.8 MB: the bench
//!   corpus (`common::corpus`, the UD texts of six languages one after
//!   another; English first, so the sizes up to 100 KB are English). Only
//!   the 10 MB class repeats it. (Without `../shared`, the corpus falls back
//!   to the seed texts, and `text` is then repeated too.)
//! - `news`: the two seed news texts of `examples/data` (5 KB), repeated.
//!   Repetition flatters it: the processor learns the branches of a text it
//!   has just seen, and per-document caches hit more. The row
//!   `text_first_5kb_repeated` shows it: the first 5 KB of `text`, repeated
//!   to 100 KB, beside `text/102400`.
//!
//! Adversarial classes, each at 100 KB and 1 MB (no spaces also at 10 MB):
//! no spaces, unbalanced and
//! nested quotation marks, capitalised words, only reporting verbs, deep
//! brackets, mixed scripts inside words, right-to-left text, only emoji, NUL
//! and control characters. A 1-character and an empty document are timed per
//! call (their bytes/s mean nothing).
//!
//! `CLAIMSCOPE_DEGENERATE_MAX_MB` lowers the largest size class (default 10).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use claimscope::{AnalyzeOptions, Analyzer};
use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};

mod common;

fn seed_text() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples/data");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut s = String::new();
    for f in files {
        s.push_str(&std::fs::read_to_string(f).unwrap_or_default());
        s.push_str("\n\n");
    }
    assert!(!s.is_empty(), "no seed texts in examples/data");
    s
}

/// Repeats `unit` (or pieces made by `f(i)`) until `size` bytes, cut on a char boundary.
fn fill(size: usize, mut f: impl FnMut(usize) -> String) -> String {
    let mut s = String::with_capacity(size + 64);
    let mut i = 0;
    while s.len() < size {
        s.push_str(&f(i));
        i += 1;
    }
    let mut end = size.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

/// A small deterministic generator (xorshift), so that inputs are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
}

type Gen = fn(usize) -> String;

/// The adversarial classes: name and generator for a given size in bytes.
fn classes() -> Vec<(&'static str, Gen)> {
    vec![
        ("no_spaces", |n| {
            fill(n, |i| {
                [
                    "Łukaszenkopowiedział",
                    "żeRosjawyśle",
                    "ПутинзаявилчтоКиев",
                    "NATO.said",
                ][i % 4]
                    .to_string()
            })
        }),
        ("quotes_unbalanced_nested", |n| {
            let mut r = Rng(7);
            let q = ["\"", "„", "”", "«", "»", "‘", "’", "'", "‹", "“"];
            fill(n, move |_| {
                // Mostly openers, nested, rarely closed, with short words between.
                format!(
                    "{}{} słowo {} ",
                    r.pick(&q),
                    r.pick(&q),
                    r.pick(&["«", "„", "\"", "“"])
                )
            })
        }),
        ("capitalised_words", |n| {
            let mut r = Rng(11);
            let w = [
                "Putin",
                "Warszawa",
                "Москва",
                "Kijów",
                "Rada",
                "Najwyższa",
                "Zełenski",
                "Білорусь",
                "European",
                "Union",
                "Minister",
                "Foreign",
                "Affairs",
                "Lukashenko",
                "Kremlin",
            ];
            fill(n, move |_| format!("{} ", r.pick(&w)))
        }),
        ("only_reporting_verbs", |n| {
            let mut r = Rng(13);
            let w = [
                "said",
                "told",
                "added",
                "claimed",
                "powiedział",
                "stwierdził",
                "dodał",
                "zaznaczył",
                "заявил",
                "сказал",
                "отметил",
                "заявив",
                "сказав",
                "according",
                "to",
                "według",
            ];
            fill(n, move |i| {
                let sep = if i % 17 == 16 { ". " } else { " " };
                format!("{}{sep}", r.pick(&w))
            })
        }),
        ("deep_brackets", |n| {
            // Nesting depth grows with size: n/8 opening brackets, then the closers.
            let half = n / 2;
            let mut s = fill(half, |i| ["(", "[", "{", "(a "][i % 4].to_string());
            s.push_str(&fill(n - s.len(), |i| {
                [")", "]", "}", " b)"][i % 4].to_string()
            }));
            s
        }),
        ("mixed_scripts_in_words", |n| {
            let mut r = Rng(17);
            let w = [
                "PutinПутин",
                "Łukaszeнко",
                "Kyivкиїв",
                "NATOНАТО",
                "Ζeλenskyi",
                "Mоsкvа",
            ];
            fill(n, move |_| format!("{}{} ", r.pick(&w), r.pick(&w)))
        }),
        ("rtl", |n| {
            let mut r = Rng(19);
            let w = [
                "قال",
                "الرئيس",
                "بوتين",
                "إن",
                "المحادثات",
                "فشلت",
                "אמר",
                "נשיא",
                "\u{200f}",
                "\u{202b}",
                "\u{202e}",
                "\u{2067}",
                ".",
            ];
            fill(n, move |_| format!("{} ", r.pick(&w)))
        }),
        ("only_emoji", |n| {
            let mut r = Rng(23);
            let w = ["😀", "👩‍👩‍👧‍👦", "🇵🇱", "🇺🇦", "👍🏽", "🏳️‍🌈", "❤️", "🧑🏿‍🚀", "🔥"];
            fill(n, move |i| {
                let sep = if i % 5 == 4 { " " } else { "" };
                format!("{}{sep}", r.pick(&w))
            })
        }),
        ("nul_and_controls", |n| {
            fill(n, |i| {
                [
                    "\0",
                    "\u{1}",
                    "Putin\u{7}said",
                    "\u{1b}[31m",
                    "\u{b}",
                    "\u{c}",
                    "\r",
                    "\u{85}",
                    "\u{2028}",
                    "\u{feff}",
                    "\u{ad}",
                    " a\0b ",
                ][i % 12]
                    .to_string()
            })
        }),
    ]
}

fn bench(c: &mut Criterion) {
    let analyzer = Analyzer::new().unwrap();
    let opts = AnalyzeOptions::default();
    let max_mb: usize = std::env::var("CLAIMSCOPE_DEGENERATE_MAX_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let max = max_mb << 20;
    let seed = seed_text();
    let running: String = common::corpus()
        .into_iter()
        .map(|(_, t)| t)
        .collect::<Vec<_>>()
        .join("\n\n");

    let mut g = c.benchmark_group("degenerate");
    g.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for size in [1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20] {
        if size > max {
            continue;
        }
        for (name, unit) in [("text", &running), ("news", &seed)] {
            let text = fill(size, |_| unit.clone());
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, size), &text, |b, t| {
                b.iter(|| analyzer.analyze(t, &opts).map(|d| d.tokens.len()))
            });
        }
    }
    // The repetition effect, shown in the same run: the first 5 KB of the
    // running text, repeated to 100 KB.
    if 100 << 10 <= max {
        let mut cut = (5 << 10).min(running.len());
        while !running.is_char_boundary(cut) {
            cut -= 1;
        }
        let text = fill(100 << 10, |_| format!("{} ", &running[..cut]));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::new("text_first_5kb_repeated", 100 << 10),
            &text,
            |b, t| b.iter(|| analyzer.analyze(t, &opts).map(|d| d.tokens.len())),
        );
    }
    for (name, make) in classes() {
        // 100 KB and 1 MB show whether cost grows faster than size; the
        // 10 MB class (as the issue asks for the space-less text) only for
        // `no_spaces`, to keep the whole bench within a few minutes.
        let sizes: &[usize] = if name == "no_spaces" {
            &[100 << 10, 1 << 20, 10 << 20]
        } else {
            &[100 << 10, 1 << 20]
        };
        for &size in sizes {
            if size > max {
                continue;
            }
            let text = make(size);
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, size), &text, |b, t| {
                b.iter(|| analyzer.analyze(t, &opts).map(|d| d.tokens.len()))
            });
        }
    }
    g.throughput(Throughput::Elements(1));
    for (name, text) in [("one_char", "a"), ("empty", "")] {
        g.bench_function(name, |b| {
            b.iter(|| analyzer.analyze(text, &opts).map(|d| d.tokens.len()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
