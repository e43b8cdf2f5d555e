//! The [`Analyzer`]: built once, immutable, shared across threads.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::actors::ActorMatcher;
use crate::claims::{ClaimExtractor, DocView};
use crate::error::{Error, Result};
use crate::lang::{Lang, detect_language};
use crate::model::Document;
use crate::{sentence, text, tokenize};

/// Largest document accepted, in bytes (spans are `u32`).
pub const MAX_DOCUMENT_BYTES: usize = (u32::MAX as usize) - 1;

/// The analyzer's configuration: both the builder's state and what a pickled
/// analyzer carries. It never names a file on disk: user dictionaries are kept
/// by content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzerConfig {
    /// Languages to consider in detection; empty = all.
    pub languages: Vec<Lang>,
    /// User actor dictionaries: (name for messages, content).
    pub actor_files: Vec<(String, String)>,
    /// User cue lexicons: (language, name for messages, content).
    pub cue_files: Vec<(Lang, String, String)>,
}

/// Per-call options.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    /// The document id to put in the result.
    pub id: Option<String>,
    /// The language, if known; detected otherwise.
    pub lang: Option<Lang>,
}

/// Builds an [`Analyzer`].
#[derive(Debug, Clone, Default)]
pub struct AnalyzerBuilder {
    config: AnalyzerConfig,
}

impl AnalyzerBuilder {
    /// Restricts language detection to these languages.
    #[must_use]
    pub fn languages(mut self, langs: impl IntoIterator<Item = Lang>) -> Self {
        self.config.languages = langs.into_iter().collect();
        self
    }

    /// Adds a user actor dictionary given by content (`name` is used in error messages).
    #[must_use]
    pub fn actors_str(mut self, name: impl Into<String>, content: impl Into<String>) -> Self {
        self.config.actor_files.push((name.into(), content.into()));
        self
    }

    /// Adds a user actor dictionary from a file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read.
    pub fn actors_file(self, path: impl Into<PathBuf>) -> Result<Self> {
        let path = path.into();
        let content = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Ok(self.actors_str(path.display().to_string(), content))
    }

    /// Adds a user cue lexicon for `lang`, given by content.
    #[must_use]
    pub fn cues_str(
        mut self,
        lang: Lang,
        name: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        self.config
            .cue_files
            .push((lang, name.into(), content.into()));
        self
    }

    /// Builds the analyzer.
    ///
    /// # Errors
    /// [`Error::Data`] when a data file (built-in or user) is malformed.
    pub fn build(self) -> Result<Analyzer> {
        Analyzer::from_config(self.config)
    }
}

#[derive(Debug)]
struct Inner {
    config: AnalyzerConfig,
    actors: ActorMatcher,
    claims: ClaimExtractor,
}

/// The analysis pipeline: text → tokens → sentences → actors → claims.
///
/// `Send + Sync + Clone` (cloning is cheap: the state is shared).
///
/// # Examples
/// ```
/// use claimscope::{Analyzer, AnalyzeOptions};
/// let analyzer = Analyzer::new()?;
/// let doc = analyzer.analyze("Putin said that the talks failed.", &AnalyzeOptions::default())?;
/// assert_eq!(doc.lang.code(), "en");
/// assert!(!doc.tokens.is_empty());
/// # Ok::<(), claimscope::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Analyzer {
    inner: Arc<Inner>,
}

impl Analyzer {
    /// The default analyzer, with the built-in data only.
    ///
    /// # Errors
    /// [`Error::Data`] if the built-in data is malformed (a bug).
    pub fn new() -> Result<Self> {
        Self::from_config(AnalyzerConfig::default())
    }

    /// A builder for an analyzer with user data.
    #[must_use]
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// Builds an analyzer from a configuration (as returned by [`Analyzer::config`]).
    ///
    /// # Errors
    /// [`Error::Data`] when a data file is malformed.
    pub fn from_config(config: AnalyzerConfig) -> Result<Self> {
        let actors = ActorMatcher::build(&config.actor_files)?;
        let claims = ClaimExtractor::with_user_cues(&config.cue_files)?;
        Ok(Analyzer {
            inner: Arc::new(Inner {
                config,
                actors,
                claims,
            }),
        })
    }

    /// The configuration this analyzer was built from.
    #[must_use]
    pub fn config(&self) -> &AnalyzerConfig {
        &self.inner.config
    }

    /// Analyzes raw bytes, which must be UTF-8.
    ///
    /// # Errors
    /// [`Error::InvalidUtf8`] naming the first bad byte; see [`Analyzer::analyze`].
    pub fn analyze_bytes(&self, bytes: &[u8], opts: &AnalyzeOptions) -> Result<Document> {
        self.analyze(text::decode(bytes)?, opts)
    }

    /// Analyzes one document.
    ///
    /// # Errors
    /// [`Error::TooLarge`] for documents over [`MAX_DOCUMENT_BYTES`].
    pub fn analyze(&self, input: &str, opts: &AnalyzeOptions) -> Result<Document> {
        if input.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::TooLarge {
                len: input.len(),
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        let lang = match opts.lang {
            Some(l) => l,
            None => self.detect(input),
        };
        let date = text::metadata_date(input).map(|(d, _)| d);
        let tokens = tokenize::tokenize(input, lang);
        let mut sentences = sentence::split(input, &tokens, lang);
        let boiler = text::boilerplate_lines(input);
        if !boiler.is_empty() {
            // Both lists are in text order and lines do not overlap: one walk
            // (a search of every line for every sentence is quadratic).
            let mut j = 0;
            for s in &mut sentences {
                while boiler.get(j).is_some_and(|b| b.end() <= s.span.start()) {
                    j += 1;
                }
                s.boilerplate = boiler.get(j).is_some_and(|b| b.contains(s.span));
            }
        }
        // Normalized words, made once for both stages.
        let norms = text::Norms::new(input, &tokens);
        let actors = self
            .inner
            .actors
            .find_with(input, &tokens, &sentences, lang, &norms);
        let claims = self.inner.claims.extract_with(
            &DocView {
                text: input,
                lang,
                tokens: &tokens,
                sentences: &sentences,
                actors: &actors,
            },
            &norms,
        );
        Ok(Document {
            id: opts.id.clone().unwrap_or_default(),
            lang,
            date,
            text: input.to_string(),
            tokens,
            sentences,
            actors,
            claims,
        })
    }

    /// A readable account of how the pipeline saw `text`: tokens, actor mentions,
    /// claims and the rules that produced them. For people, not for parsing.
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn explain(&self, text: &str, opts: &AnalyzeOptions) -> Result<String> {
        use std::fmt::Write;
        let doc = self.analyze(text, opts)?;
        let mut out = String::new();
        let t = &doc.text;
        let _ = writeln!(out, "language: {}", doc.lang);
        let _ = writeln!(out, "tokens:");
        for tok in &doc.tokens {
            let _ = writeln!(
                out,
                "  {:>5}..{:<5} {:<8} {}",
                tok.span.start,
                tok.span.end,
                tok.kind.as_str(),
                tok.text(t)
            );
        }
        let _ = writeln!(out, "sentences:");
        for s in &doc.sentences {
            let flag = if s.boilerplate { " [boilerplate]" } else { "" };
            let _ = writeln!(out, "  {}{flag}", s.span.slice(t));
        }
        let _ = writeln!(out, "actors:");
        for a in &doc.actors {
            for m in &a.mentions {
                let _ = writeln!(out, "  {} ({}, {})", m.span.slice(t), a.id, a.kind.as_str());
            }
        }
        let _ = writeln!(out, "cues:");
        let view = DocView {
            text: t,
            lang: doc.lang,
            tokens: &doc.tokens,
            sentences: &doc.sentences,
            actors: &doc.actors,
        };
        for c in self.inner.claims.cues(&view) {
            let _ = writeln!(
                out,
                "  {} ({} {}, class {})",
                c.span.slice(t),
                c.role,
                c.lemma,
                c.class
            );
        }
        let _ = writeln!(out, "claims:");
        for c in &doc.claims {
            let speaker = c.speaker.as_ref().map_or("?".to_string(), |s| {
                format!(
                    "{} -> {}",
                    s.span.map_or("(dropped)", |sp| sp.slice(t)),
                    s.actor.as_deref().unwrap_or("?")
                )
            });
            let cue = c.cue.map_or("-", |s| s.slice(t));
            let _ = writeln!(
                out,
                "  rule {}: [{}] speaker {speaker}; cue {cue}; content {}",
                c.rule,
                c.kind.as_str(),
                c.content.slice(t)
            );
        }
        Ok(out)
    }

    /// Detects the language of `text`, restricted to the configured languages.
    #[must_use]
    pub fn detect(&self, text: &str) -> Lang {
        let l = detect_language(text);
        let allowed = &self.inner.config.languages;
        if allowed.is_empty() || allowed.contains(&l) {
            l
        } else {
            Lang::Und
        }
    }
}
