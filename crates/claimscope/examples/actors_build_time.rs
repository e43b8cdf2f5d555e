//! Prints how long building the actor matcher and the analyzer takes.
#![allow(missing_docs, clippy::expect_used, clippy::unwrap_used)]
fn main() {
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let inf = claimscope::actors::inflect::Inflector::builtin().expect("inf");
        let t1 = t.elapsed();
        let _lex = claimscope::actors::lexicon::Lexicon::builtin(&inf).expect("lex");
        let t2 = t.elapsed();
        let m = claimscope::actors::ActorMatcher::builtin().expect("m");
        let t3 = t.elapsed();
        let _a = claimscope::Analyzer::new().expect("a");
        let t4 = t.elapsed();
        println!(
            "inflector {t1:?}, +lexicon {:?}, matcher {:?} ({} actors, {} patterns), analyzer {:?}",
            t2 - t1,
            t3 - t2,
            m.len(),
            m.pattern_count(),
            t4 - t3
        );
    }
}
