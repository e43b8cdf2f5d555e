//! The sentence-splitting Golden Rules (pySBD / pragmatic_segmenter for en, pl, ru;
//! sentencex for uk; MIT licence, see `tests/data/golden_rules/README.md`).
//!
//! A case passes when the sentences, trimmed, equal the expected ones exactly.
//! Each language must pass at least 95 % of its cases; the failure message
//! lists every failing case.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use claimscope::{Lang, sentence, tokenize};
use serde_json::Value;

const MIN_PASS: f64 = 0.95;

fn split(text: &str, lang: Lang) -> Vec<String> {
    let toks = tokenize(text, lang);
    sentence::split(text, &toks, lang)
        .iter()
        .map(|s| s.span.slice(text).trim().to_string())
        .collect()
}

fn check(lang: Lang) -> (usize, usize, Vec<String>) {
    let path = format!(
        "{}/tests/data/golden_rules/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let data = std::fs::read_to_string(&path).expect("golden rules file");
    let cases: Vec<Value> = serde_json::from_str(&data).expect("golden rules JSON");
    let mut failures = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().expect("text");
        let want: Vec<String> = case["sentences"]
            .as_array()
            .expect("sentences")
            .iter()
            .map(|s| s.as_str().expect("sentence").trim().to_string())
            .collect();
        let got = split(text, lang);
        if got != want {
            failures.push(format!(
                "{} ({}):\n    text: {text:?}\n    want: {want:?}\n    got:  {got:?}",
                case["id"].as_str().unwrap_or("?"),
                case["rule"].as_str().unwrap_or("-"),
            ));
        }
    }
    (cases.len() - failures.len(), cases.len(), failures)
}

fn run(lang: Lang) {
    let (pass, total, failures) = check(lang);
    let rate = pass as f64 / total as f64;
    eprintln!(
        "golden rules {}: {pass}/{total} = {:.1} %",
        lang.code(),
        100.0 * rate
    );
    for f in &failures {
        eprintln!("  FAIL {f}");
    }
    assert!(
        rate >= MIN_PASS,
        "{}: {pass}/{total} golden rules pass ({:.1} % < {:.0} %); failing cases:\n{}",
        lang.code(),
        100.0 * rate,
        100.0 * MIN_PASS,
        failures.join("\n")
    );
}

#[test]
fn golden_rules_en() {
    run(Lang::En);
}

#[test]
fn golden_rules_pl() {
    run(Lang::Pl);
}

#[test]
fn golden_rules_ru() {
    run(Lang::Ru);
}

#[test]
fn golden_rules_uk() {
    run(Lang::Uk);
}
