//! Prints how long building the actor matcher and the analyzer takes, and the
//! matching throughput on a Polish sample (`cargo run --release --example actors_build_time`).
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used)]
use claimscope::{Lang, sentence, tokenize};

fn main() {
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let m = claimscope::actors::ActorMatcher::builtin().expect("m");
        let t1 = t.elapsed();
        let _a = claimscope::Analyzer::new().expect("a");
        let t2 = t.elapsed();
        println!(
            "matcher {t1:?} ({} actors, {} forms), analyzer {:?}",
            m.len(),
            m.pattern_count(),
            t2 - t1
        );
    }
    let m = claimscope::actors::ActorMatcher::builtin().expect("m");
    let sample = "Jak przekazał rzecznik Kremla, Dmitrij Pieskow, prezydent Władimir Putin spotka się z \
                  Aleksandrem Łukaszenką w Mińsku. Według ISW Rosja i Białoruś przygotowują ćwiczenia, a NATO \
                  wzmacnia wschodnią flankę. Minister Jan Kowalski powiedział, że Polska i Unia Europejska są \
                  gotowe. W Stanach Zjednoczonych i w Niemczech komentowano słowa Zełenskiego o Kijowie.\n\n";
    let text = sample.repeat(200);
    let toks = tokenize(&text, Lang::Pl);
    let sents = sentence::split(&text, &toks, Lang::Pl);
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..10 {
        n += m.find(&text, &toks, &sents, Lang::Pl).len();
    }
    let el = t.elapsed();
    println!(
        "find: {:.1} MB/s ({n} actors)",
        (text.len() * 10) as f64 / el.as_secs_f64() / 1e6
    );
}
