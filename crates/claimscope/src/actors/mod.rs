//! Actors: the gazetteer, inflection-aware matching and unknown names.

use crate::error::Result;
use crate::lang::Lang;
use crate::model::{Actor, Sentence, Token};

/// Finds actor mentions. Built once per [`crate::Analyzer`], shared by threads.
#[derive(Debug, Clone, Default)]
pub struct ActorMatcher {}

impl ActorMatcher {
    /// Builds the matcher from the built-in gazetteer.
    ///
    /// # Errors
    /// A data error if the built-in data is malformed.
    pub fn builtin() -> Result<Self> {
        Ok(ActorMatcher {})
    }

    /// Finds the actors of one document.
    #[must_use]
    pub fn find(
        &self,
        _text: &str,
        _tokens: &[Token],
        _sentences: &[Sentence],
        _lang: Lang,
    ) -> Vec<Actor> {
        Vec::new()
    }
}
