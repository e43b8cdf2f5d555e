//! The data model: what [`crate::Analyzer::analyze`] returns.
//!
//! Every span is a byte [`Span`] into [`Document::text`]; [`crate::output`]
//! converts them to code points, once per document, for JSON and Python.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::span::Span;

/// What kind of token a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word (letters, possibly with inner hyphens, apostrophes or a final abbreviation dot).
    Word,
    /// A number, date, time, percentage or amount.
    Number,
    /// Punctuation, including quotation marks and dashes.
    Punct,
    /// Any other symbol (currency, math, ...).
    Symbol,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// A `#hashtag`.
    Hashtag,
    /// An `@mention`.
    Mention,
    /// An emoji (with its modifiers and joiners).
    Emoji,
}

impl TokenKind {
    /// The lowercase name used in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
        }
    }
}

/// A token: a span of the original text and its kind.
///
/// The normalized form is computed on demand by [`Token::norm`], so that
/// tokenizing allocates nothing per token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Where the token is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    #[must_use]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// The normalized form: lowercase, without soft hyphens, zero-width and bidi
    /// characters, with typographic apostrophes as `'`.
    ///
    /// # Examples
    /// ```
    /// use claimscope::{Span, Token, TokenKind};
    /// let t = Token { span: Span::new(0, 10), kind: TokenKind::Word };
    /// assert_eq!(t.norm("Ku\u{00AD}ba’s"), "kuba's");
    /// ```
    #[must_use]
    pub fn norm(&self, text: &str) -> String {
        crate::text::normalize_word(self.text(text))
    }
}

/// A sentence (or a headline, or a line without final punctuation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where the sentence is, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the first token of the sentence in [`Document::tokens`].
    pub first_token: u32,
    /// One past the last token of the sentence.
    pub end_token: u32,
    /// True for scraped boilerplate ("Reklama", "Read more …"): later stages skip it.
    pub boilerplate: bool,
    /// True when the sentence starts a paragraph (after a blank line, or first in the text).
    pub paragraph_start: bool,
}

/// The type of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    /// A person.
    Person,
    /// An organization, institution, armed group, outlet.
    Org,
    /// A geopolitical entity: country, city, region, union of states.
    Gpe,
}

impl ActorType {
    /// `person`, `org` or `gpe`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Org => "org",
            ActorType::Gpe => "gpe",
        }
    }
}

/// One named mention of an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The name as written (no title, article or possessive ending).
    pub span: Span,
    /// A role title written next to the mention ("rzecznik Kremla", "President"), if any.
    pub role: Option<Span>,
}

/// An actor found in a document, with all its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id, the same in every document and language (`lukashenko`).
    /// Unknown actors get an id derived from their normalized name (`unk:pl:person:kowalski`).
    pub id: String,
    /// English display name.
    pub name: String,
    /// Person, organization or geopolitical entity.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// Wikidata QID where known.
    pub qid: Option<String>,
    /// True when the actor came from the gazetteer, false when it was inferred.
    pub known: bool,
    /// The mentions, in text order.
    pub mentions: Vec<Mention>,
}

/// How a claim is attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A quotation.
    Direct,
    /// A reported clause.
    Indirect,
    /// A reported clause with a quoted fragment.
    Mixed,
    /// Attribution by a preposition or adverbial ("according to").
    AccordingTo,
}

impl ClaimKind {
    /// `direct`, `indirect`, `mixed` or `according_to`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
            ClaimKind::AccordingTo => "according_to",
        }
    }
}

/// The source of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The span naming the source in the claim's sentence; `None` for a dropped subject.
    pub span: Option<Span>,
    /// The resolved actor id, if the source is a known or inferred actor.
    pub actor: Option<String>,
}

/// A proposition the text attributes to a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Who makes the claim; `None` when unknown.
    pub speaker: Option<Speaker>,
    /// The reporting word or phrase; `None` for a colon or dash attribution.
    pub cue: Option<Span>,
    /// The proposition.
    pub content: Span,
    /// Direct, indirect, mixed or according-to.
    pub kind: ClaimKind,
    /// The name of the rule that produced the claim.
    pub rule: String,
    /// Ids of the actors mentioned inside the content.
    pub about: Vec<String>,
}

/// An analyzed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's id (file name, record id), or empty.
    pub id: String,
    /// The language: given by the caller or detected.
    pub lang: Lang,
    /// A date from a leading metadata line (`date 2023-07-23 …`), ISO 8601.
    pub date: Option<String>,
    /// The original text, untouched.
    pub text: String,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Actors with their mentions, in order of first mention.
    pub actors: Vec<Actor>,
    /// Claims in text order.
    pub claims: Vec<Claim>,
}
