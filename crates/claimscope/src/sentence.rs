//! The sentence splitter.
//!
//! First version: a sentence ends at `.`, `!`, `?` or `…` followed by
//! whitespace, and at a blank line.

use crate::lang::Lang;
use crate::model::{Sentence, Token, TokenKind};
use crate::span::Span;

/// Splits `text` (already tokenized into `tokens`) into sentences.
#[must_use]
pub fn split(text: &str, tokens: &[Token], _lang: Lang) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0usize;
    let bytes = text.as_bytes();
    let mut paragraph_start = true;
    for i in 0..tokens.len() {
        let t = tokens[i];
        let s = t.text(text);
        let terminal = t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…");
        let next_start = tokens.get(i + 1).map_or(text.len(), |n| n.span.start());
        let gap = &bytes[t.span.end()..next_start];
        let blank_line = gap.iter().filter(|&&b| b == b'\n').count() >= 2;
        let line_break = gap.contains(&b'\n');
        if i + 1 == tokens.len() || blank_line || (terminal && (!gap.is_empty() || line_break)) {
            let span = Span::new(tokens[first].span.start(), t.span.end());
            out.push(Sentence {
                span,
                first_token: u32::try_from(first).unwrap_or(u32::MAX),
                end_token: u32::try_from(i + 1).unwrap_or(u32::MAX),
                boilerplate: false,
                paragraph_start,
            });
            paragraph_start = blank_line;
            first = i + 1;
        }
    }
    out
}
