//! The output contract: a [`Document`] with every span in Unicode code points.
//!
//! This is the one place where byte offsets become code points (see
//! `../shared/eval/README.md`). The JSON command-line output and the Python
//! objects are both made from [`DocumentOut`].

use serde::Serialize;

use crate::model::{Actor, Claim, Document};
use crate::span::{OffsetIndex, Span};

/// Which optional parts to include.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutputFields {
    /// Include `tokens` as `[start, end]` pairs.
    pub tokens: bool,
    /// Include `sentences` as `[start, end]` pairs.
    pub sentences: bool,
    /// Include the document `text`.
    pub text: bool,
}

/// A span in code points with its text.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpanOut<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text.
    pub text: &'a str,
}

/// A mention in code points.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct MentionOut<'a> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The covered text.
    pub text: &'a str,
    /// The role title next to the mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<SpanOut<'a>>,
}

/// An actor in code points.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ActorOut<'a> {
    /// Stable id.
    pub id: &'a str,
    /// English name.
    pub name: &'a str,
    /// `person`, `org` or `gpe`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Wikidata QID.
    pub qid: Option<&'a str>,
    /// From the gazetteer (true) or inferred (false).
    pub known: bool,
    /// Mentions.
    pub mentions: Vec<MentionOut<'a>>,
}

/// A claim's speaker in code points.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct SpeakerOut<'a> {
    /// First code point (absent for a dropped subject).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// One past the last code point.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The covered text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Resolved actor id.
    pub actor: Option<&'a str>,
}

/// A claim in code points.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ClaimOut<'a> {
    /// Speaker, or null.
    pub speaker: Option<SpeakerOut<'a>>,
    /// Cue, or null.
    pub cue: Option<SpanOut<'a>>,
    /// Content.
    pub content: SpanOut<'a>,
    /// `direct`, `indirect`, `mixed`, `according_to`.
    pub kind: &'static str,
    /// The rule that produced the claim.
    pub rule: &'a str,
    /// Actor ids mentioned in the content.
    pub about: &'a [String],
}

/// A document in code points, ready to serialize.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocumentOut<'a> {
    /// Id.
    pub id: &'a str,
    /// Language code.
    pub lang: &'static str,
    /// Date from the metadata line.
    pub date: Option<&'a str>,
    /// Text, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
    /// Token spans, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tokens: Option<Vec<[usize; 2]>>,
    /// Sentence spans, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentences: Option<Vec<[usize; 2]>>,
    /// Actors.
    pub actors: Vec<ActorOut<'a>>,
    /// Claims.
    pub claims: Vec<ClaimOut<'a>>,
}

/// Converts spans of one document with its [`OffsetIndex`].
struct Conv<'a> {
    text: &'a str,
    idx: OffsetIndex,
}

impl<'a> Conv<'a> {
    fn span(&self, s: Span) -> SpanOut<'a> {
        let (start, end) = self.idx.span(s);
        SpanOut {
            start,
            end,
            text: s.slice(self.text),
        }
    }
    fn pair(&self, s: Span) -> [usize; 2] {
        let (a, b) = self.idx.span(s);
        [a, b]
    }
    fn actor(&self, a: &'a Actor) -> ActorOut<'a> {
        ActorOut {
            id: &a.id,
            name: &a.name,
            kind: a.kind.as_str(),
            qid: a.qid.as_deref(),
            known: a.known,
            mentions: a
                .mentions
                .iter()
                .map(|m| {
                    let s = self.span(m.span);
                    MentionOut {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        role: m.role.map(|r| self.span(r)),
                    }
                })
                .collect(),
        }
    }
    fn claim(&self, c: &'a Claim) -> ClaimOut<'a> {
        ClaimOut {
            speaker: c.speaker.as_ref().map(|sp| {
                let s = sp.span.map(|s| self.span(s));
                SpeakerOut {
                    start: s.as_ref().map(|s| s.start),
                    end: s.as_ref().map(|s| s.end),
                    text: s.as_ref().map(|s| s.text),
                    actor: sp.actor.as_deref(),
                }
            }),
            cue: c.cue.map(|s| self.span(s)),
            content: self.span(c.content),
            kind: c.kind.as_str(),
            rule: &c.rule,
            about: &c.about,
        }
    }
}

impl Document {
    /// The document with code-point offsets, ready for JSON.
    ///
    /// # Examples
    /// ```
    /// use claimscope::{Analyzer, AnalyzeOptions, OutputFields};
    /// let doc = Analyzer::new()?.analyze("Żółć i Москва.", &AnalyzeOptions::default())?;
    /// let out = doc.to_output(OutputFields { tokens: true, ..Default::default() });
    /// assert_eq!(out.tokens.unwrap()[2], [7, 13]);
    /// # Ok::<(), claimscope::Error>(())
    /// ```
    #[must_use]
    pub fn to_output(&self, fields: OutputFields) -> DocumentOut<'_> {
        let conv = Conv {
            text: &self.text,
            idx: OffsetIndex::new(&self.text),
        };
        DocumentOut {
            id: &self.id,
            lang: self.lang.code(),
            date: self.date.as_deref(),
            text: fields.text.then_some(self.text.as_str()),
            tokens: fields
                .tokens
                .then(|| self.tokens.iter().map(|t| conv.pair(t.span)).collect()),
            sentences: fields
                .sentences
                .then(|| self.sentences.iter().map(|s| conv.pair(s.span)).collect()),
            actors: self.actors.iter().map(|a| conv.actor(a)).collect(),
            claims: self.claims.iter().map(|c| conv.claim(c)).collect(),
        }
    }
}
