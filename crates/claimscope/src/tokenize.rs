//! The tokenizer.
//!
//! First version: UAX #29 word boundaries with whitespace dropped. The
//! language rules (abbreviations, clitics, numbers, URLs, ...) come next.

use unicode_segmentation::UnicodeSegmentation;

use crate::lang::Lang;
use crate::model::{Token, TokenKind};
use crate::span::Span;

/// Tokenizes `text` following the rules of `lang`.
///
/// # Examples
/// ```
/// use claimscope::{tokenize, Lang};
/// let text = "Łukaszenko powiedział.";
/// let words: Vec<&str> = tokenize(text, Lang::Pl).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Łukaszenko", "powiedział", "."]);
/// ```
#[must_use]
pub fn tokenize(text: &str, _lang: Lang) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    for (start, piece) in text.split_word_bound_indices() {
        let Some(first) = piece.chars().next() else {
            continue;
        };
        if first.is_whitespace() || crate::text::is_ignorable(first) {
            continue;
        }
        let kind = if piece.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if first.is_ascii_digit() || first.is_numeric() {
            TokenKind::Number
        } else if first.is_ascii_punctuation() || is_unicode_punct(first) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push(Token {
            span: Span::new(start, start + piece.len()),
            kind,
        });
    }
    out
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '«' | '»' | '¿' | '¡' | '·')
}
