//! The whole pipeline on arbitrary bytes: never panics, spans stay valid.
#![no_main]
use std::sync::LazyLock;

use claimscope::{AnalyzeOptions, Analyzer, Lang, OutputFields};
use libfuzzer_sys::fuzz_target;

static ANALYZER: LazyLock<Option<Analyzer>> = LazyLock::new(|| Analyzer::new().ok());

fuzz_target!(|data: &[u8]| {
    let Some(analyzer) = ANALYZER.as_ref() else { return };
    // The first byte picks the language (or detection), the rest is the text.
    let (lang, bytes) = match data.split_first() {
        Some((b, rest)) => (Lang::ALL.get(usize::from(*b) % 9).copied(), rest),
        None => (None, data),
    };
    let Ok(doc) = analyzer.analyze_bytes(bytes, &AnalyzeOptions { id: None, lang }) else { return };
    let text = &doc.text;
    let ok = |s: claimscope::Span| {
        s.start <= s.end && s.end() <= text.len() && text.is_char_boundary(s.start()) && text.is_char_boundary(s.end())
    };
    assert!(doc.tokens.iter().all(|t| ok(t.span)));
    assert!(doc.tokens.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert!(doc.sentences.iter().all(|s| ok(s.span)));
    for a in &doc.actors {
        assert!(a.mentions.iter().all(|m| ok(m.span)));
    }
    for c in &doc.claims {
        assert!(ok(c.content));
        assert!(c.cue.is_none_or(ok));
        assert!(c.speaker.as_ref().and_then(|s| s.span).is_none_or(ok));
    }
    let out = doc.to_output(OutputFields { tokens: true, sentences: true, text: true });
    let n = text.chars().count();
    assert!(out.tokens.unwrap_or_default().iter().all(|[s, e]| s <= e && *e <= n));
});
