//! Tokenizer and sentence splitter alone, in every language.
#![no_main]
use claimscope::{Lang, sentence, tokenize};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in Lang::ALL {
        let tokens = tokenize(text, lang);
        for w in tokens.windows(2) {
            assert!(w[0].span.end <= w[1].span.start);
        }
        for t in &tokens {
            assert!(text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end()));
            assert!(t.span.end() <= text.len() && !t.span.is_empty());
        }
        let sentences = sentence::split(text, &tokens, lang);
        for s in &sentences {
            assert!(s.first_token <= s.end_token && (s.end_token as usize) <= tokens.len());
            assert!(s.span.end() <= text.len());
        }
    }
});
