//! # claimscope
//!
//! Who said what in multilingual news: finds the **actors** (people,
//! organizations, states and cities, in any inflected form, linked to one id
//! across languages) and the **claims** they make (speaker, cue, content, kind),
//! with exact offsets. Rules and dictionaries only: offline, fast, explainable.
//!
//! The pipeline is text → [`tokenize()`] → [`sentence::split`] → actors
//! ([`actors::ActorMatcher`]) → claims ([`claims::ClaimExtractor`]), run by an
//! [`Analyzer`] that is built once and shared by threads.
//!
//! Offsets are UTF-8 byte [`Span`]s inside Rust; [`Document::to_output`]
//! converts them to Unicode code points, the unit of every JSON and Python
//! boundary.
//!
//! ```
//! use claimscope::{Analyzer, AnalyzeOptions, OutputFields};
//! let analyzer = Analyzer::new()?;
//! let doc = analyzer.analyze("Pieskow zaprzeczył, że Putin chce wojny.", &AnalyzeOptions::default())?;
//! assert_eq!(doc.lang.code(), "pl");
//! let json = doc.to_output(OutputFields::default());
//! assert_eq!(json.lang, "pl");
//! # Ok::<(), claimscope::Error>(())
//! ```

#![deny(rustdoc::broken_intra_doc_links)]

pub mod actors;
pub mod analyzer;
pub mod claims;
pub mod error;
mod fasthash;
pub mod lang;
pub mod model;
pub mod output;
pub mod sentence;
pub mod span;
pub mod text;
pub mod tokenize;

pub use analyzer::{AnalyzeOptions, Analyzer, AnalyzerBuilder, AnalyzerConfig};
pub use error::{Error, Result};
pub use lang::{Lang, detect_language};
pub use model::{
    Actor, ActorType, Claim, ClaimKind, Document, Mention, Sentence, Speaker, Token, TokenKind,
};
pub use output::{DocumentOut, OutputFields};
pub use span::{OffsetIndex, Span};
pub use tokenize::tokenize;
