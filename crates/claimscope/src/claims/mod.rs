//! Claims: cue lexicons, attribution patterns and speaker resolution.

use crate::error::Result;
use crate::lang::Lang;
use crate::model::{Actor, Claim, Sentence, Token};

/// Everything the claim extractor reads about one document.
#[derive(Debug, Clone, Copy)]
pub struct DocView<'a> {
    /// The text.
    pub text: &'a str,
    /// Its language.
    pub lang: Lang,
    /// Tokens.
    pub tokens: &'a [Token],
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// Actors with mentions.
    pub actors: &'a [Actor],
}

/// Extracts claims. Built once per [`crate::Analyzer`], shared by threads.
#[derive(Debug, Clone, Default)]
pub struct ClaimExtractor {}

impl ClaimExtractor {
    /// Builds the extractor from the built-in cue lexicons.
    ///
    /// # Errors
    /// A data error if the built-in data is malformed.
    pub fn builtin() -> Result<Self> {
        Ok(ClaimExtractor {})
    }

    /// Extracts the claims of one document.
    #[must_use]
    pub fn extract(&self, _doc: &DocView<'_>) -> Vec<Claim> {
        Vec::new()
    }
}
