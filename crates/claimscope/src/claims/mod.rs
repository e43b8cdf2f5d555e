//! Claims: cue lexicons, attribution patterns and speaker resolution.
//!
//! The extractor works on one document at a time, in three passes, each
//! linear in the length of the document:
//!
//! 1. **Cues and quotes**: every token is looked up in the cue lexicon of the
//!    document's language ([`lexicon`]); quotation marks of every style are
//!    paired ([`quotes`]), and dash-introduced quotations (`- Tekst - powiedział X.`)
//!    are found.
//! 2. **Patterns** ([`patterns`]): quotations with the attribution after,
//!    before (colon) or around them; reporting verbs with a complementizer
//!    (`said that`, `stwierdził, że`) or without one (English `said the …`);
//!    inverted attributions (`…, — заявил Песков.`, `…, the university said.`);
//!    participial cues (`adding that`, `wskazując, iż`); `according to` and its
//!    kin; back references (`Об этом заявил X`); headlines (`Putin: …`).
//!    Cues inside a quotation or a reported clause produce their own claims,
//!    so nested attribution yields one claim per level.
//! 3. **Speakers** ([`speaker`]): the speaker span is the name, noun phrase
//!    or pronoun next to the cue; it is linked to an actor through the actor
//!    mentions, pronouns and dropped subjects through gender and number, role
//!    nouns and impersonal report wording through the most recent compatible
//!    actor.
//!
//! Every claim names the rule that produced it in [`Claim::rule`].

pub mod lexicon;
pub mod patterns;
pub mod quotes;
pub mod speaker;
pub mod words;

use std::cell::Cell;
use std::collections::HashMap;

use crate::error::Result;
use crate::lang::Lang;
use crate::model::{Actor, Claim, Sentence, Token, TokenKind};
use crate::span::Span;
use crate::text::Norms;

use lexicon::{CueHit, Lexicon};

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
pub struct ClaimExtractor {
    lexicons: HashMap<Lang, Lexicon>,
}

/// A cue found in a document, for explanations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueFound {
    /// Where the cue is.
    pub span: Span,
    /// Its lemma.
    pub lemma: String,
    /// Its class (`say`, `according_to`, …).
    pub class: String,
    /// Its role, as a word (`verb`, `participle`, …).
    pub role: &'static str,
}

impl ClaimExtractor {
    /// Builds the extractor from the built-in cue lexicons.
    ///
    /// # Errors
    /// A data error if the built-in data is malformed.
    pub fn builtin() -> Result<Self> {
        Self::with_user_cues(&[])
    }

    /// Builds the extractor from the built-in lexicons plus user cue files
    /// `(language, name for messages, TSV content)`.
    ///
    /// # Errors
    /// [`crate::Error::Data`] naming the file and line of a malformed row.
    pub fn with_user_cues(files: &[(Lang, String, String)]) -> Result<Self> {
        let mut lexicons = HashMap::new();
        for l in [Lang::En, Lang::Pl, Lang::Ru, Lang::Uk] {
            lexicons.insert(l, Lexicon::builtin(l)?);
        }
        for (lang, name, content) in files {
            lexicons
                .entry(*lang)
                .or_insert_with(Lexicon::default)
                .load(name, content)?;
        }
        Ok(ClaimExtractor { lexicons })
    }

    /// The lexicon used for a language, if any.
    #[must_use]
    pub fn lexicon(&self, lang: Lang) -> Option<&Lexicon> {
        self.lexicons.get(&lang).filter(|l| !l.is_empty())
    }

    /// Extracts the claims of one document.
    #[must_use]
    pub fn extract(&self, doc: &DocView<'_>) -> Vec<Claim> {
        self.extract_with(doc, &Norms::new(doc.text, doc.tokens))
    }

    /// As [`ClaimExtractor::extract`], with the normalized words already made.
    pub(crate) fn extract_with(&self, doc: &DocView<'_>, norms: &Norms) -> Vec<Claim> {
        let Some(lex) = self.lexicon(doc.lang) else {
            return Vec::new();
        };
        if doc.tokens.is_empty() || doc.sentences.is_empty() {
            return Vec::new();
        }
        let ctx = Ctx::new(doc, lex, norms);
        let drafts = patterns::find(&ctx);
        speaker::resolve(&ctx, drafts)
    }

    /// The cues found in a document (for [`crate::Analyzer::explain`]).
    #[must_use]
    pub fn cues(&self, doc: &DocView<'_>) -> Vec<CueFound> {
        let Some(lex) = self.lexicon(doc.lang) else {
            return Vec::new();
        };
        let norms = Norms::new(doc.text, doc.tokens);
        let ctx = Ctx::new(doc, lex, &norms);
        ctx.hits
            .iter()
            .map(|h| {
                let c = lex.cue(h.cue);
                CueFound {
                    span: ctx.span(h.start, h.end),
                    lemma: c.lemma.clone(),
                    class: c.class.clone(),
                    role: match c.role {
                        lexicon::CueRole::Verb => "verb",
                        lexicon::CueRole::Participle => "participle",
                        lexicon::CueRole::Impersonal => "impersonal",
                        lexicon::CueRole::AccordingTo => "according_to",
                        lexicon::CueRole::Noun => "noun",
                        lexicon::CueRole::Directive => "directive",
                    },
                }
            })
            .collect()
    }
}

/// No index, in the per-token tables of [`Ctx`] (they hold `u32`s, not
/// `Option<usize>`s: a third of the memory to clear and read per token).
const NONE: u32 = u32::MAX;

/// A per-token table entry: `i` as stored (indices of tokens, sentences,
/// quotes, hits, actors and mentions of one document fit in a `u32`; a text
/// is at most 4 GiB).
fn idx(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

/// A per-token table entry read back.
fn some(x: u32) -> Option<usize> {
    (x != NONE).then_some(x as usize)
}

/// The per-document working state shared by the passes.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub toks: &'a [Token],
    pub sents: &'a [Sentence],
    pub actors: &'a [Actor],
    pub lex: &'a Lexicon,
    /// Normalized words of the document's tokens.
    norms: &'a Norms,
    /// Sentence index per token.
    sent_of: Vec<u32>,
    /// Cue hits in token order (non-overlapping).
    pub hits: Vec<CueHit>,
    /// Index into `hits` per token covered by a cue ([`NONE`] elsewhere).
    hit_of: Vec<u32>,
    /// Quotations (marks and dash quotes), in order of opening.
    pub quotes: Vec<quotes::Quote>,
    /// Innermost quotation per token (index into `quotes`; [`NONE`] outside).
    quote_of: Vec<u32>,
    /// (actor, mention) per token inside an actor mention ([`NONE`] elsewhere).
    mention_of: Vec<(u32, u32)>,
    /// Per token: [`words::role_noun`] of its word, once asked (0: not yet,
    /// 1: none, 2: person, 3: organization); the speaker rules ask it again
    /// and again for the same words.
    role_nouns: Vec<Cell<u8>>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &DocView<'a>, lex: &'a Lexicon, norms: &'a Norms) -> Self {
        let text = doc.text;
        let toks = doc.tokens;
        let mut sent_of = vec![0u32; toks.len()];
        for (si, s) in doc.sentences.iter().enumerate() {
            let a = (s.first_token as usize).min(toks.len());
            let b = (s.end_token as usize).min(toks.len());
            sent_of[a..b].fill(idx(si));
        }
        let mut hits = Vec::new();
        let mut hit_of = vec![NONE; toks.len()];
        let mut i = 0;
        while i < toks.len() {
            let found = if norms.is_word(i) {
                lex.match_with(toks.len(), i, |k| norms.get(k))
            } else {
                None
            };
            if let Some(h) = found {
                hit_of[h.start..h.end].fill(idx(hits.len()));
                hits.push(h);
                i = h.end;
            } else {
                i += 1;
            }
        }
        let mut ctx = Ctx {
            text,
            lang: doc.lang,
            toks,
            sents: doc.sentences,
            actors: doc.actors,
            lex,
            norms,
            sent_of,
            hits,
            hit_of,
            quotes: Vec::new(),
            quote_of: vec![NONE; toks.len()],
            mention_of: vec![(NONE, NONE); toks.len()],
            role_nouns: vec![Cell::new(0); toks.len()],
        };
        let mut qs = quotes::find_quotes(text);
        qs.extend(patterns::dash_quotes(&ctx, &qs));
        qs.sort_by_key(|q| (q.open.start, q.depth));
        // Innermost quote per token: later (deeper) quotes overwrite.
        let mut order: Vec<usize> = (0..qs.len()).collect();
        order.sort_by_key(|&k| qs[k].depth);
        for k in order {
            let inner = qs[k].inner();
            let a = ctx.tok_at_or_after(inner.start());
            let mut j = a;
            while j < toks.len() && toks[j].span.end() <= inner.end() {
                ctx.quote_of[j] = idx(k);
                j += 1;
            }
        }
        ctx.quotes = qs;
        for (ai, a) in doc.actors.iter().enumerate() {
            for (mi, m) in a.mentions.iter().enumerate() {
                let mut j = ctx.tok_at_or_after(m.span.start());
                while j < toks.len() && toks[j].span.start() < m.span.end() {
                    ctx.mention_of[j] = (idx(ai), idx(mi));
                    j += 1;
                }
            }
        }
        ctx
    }

    /// [`words::role_noun`] of the word at `i` (`None` past the last token).
    pub fn role_noun(&self, i: usize) -> Option<words::RoleKind> {
        let cell = self.role_nouns.get(i)?;
        let code = match cell.get() {
            0 => {
                let c = match words::role_noun(self.lang, self.w(i)) {
                    None => 1,
                    Some(words::RoleKind::Person) => 2,
                    Some(words::RoleKind::Org) => 3,
                };
                cell.set(c);
                c
            }
            c => c,
        };
        match code {
            2 => Some(words::RoleKind::Person),
            3 => Some(words::RoleKind::Org),
            _ => None,
        }
    }

    /// The first token starting at or after byte `b`.
    pub fn tok_at_or_after(&self, b: usize) -> usize {
        self.toks.partition_point(|t| t.span.start() < b)
    }

    /// Byte span of tokens `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.toks.len() {
            return Span::new(0, 0);
        }
        Span::new(self.toks[a].span.start(), self.toks[b - 1].span.end())
    }

    /// The token's text.
    pub fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.span.slice(self.text))
    }

    /// The normalized word at `i`, or `""`.
    pub fn w(&self, i: usize) -> &str {
        self.norms.get(i).unwrap_or("")
    }

    /// Is there a token `i` and is it a word?
    pub fn is_word(&self, i: usize) -> bool {
        self.norms.is_word(i)
    }

    /// True when the token is a capitalized word (or an acronym).
    pub fn is_cap(&self, i: usize) -> bool {
        if !self.is_word(i) {
            return false;
        }
        self.t(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The sentence's token range.
    pub fn sent_range(&self, si: usize) -> (usize, usize) {
        let s = &self.sents[si];
        (
            (s.first_token as usize).min(self.toks.len()),
            (s.end_token as usize).min(self.toks.len()),
        )
    }

    /// Is token `i` punctuation equal to one of `set`?
    pub fn is_punct(&self, i: usize, set: &[&str]) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind != TokenKind::Word && set.contains(&t.span.slice(self.text)))
    }

    /// Is token `i` a dash?
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_punct(i, &["-", "–", "—", "―", "--"])
    }

    /// The cue hit covering token `i`.
    pub fn hit(&self, i: usize) -> Option<CueHit> {
        self.hit_index(i).map(|k| self.hits[k])
    }

    /// The index in `hits` of the cue hit covering token `i`.
    pub fn hit_index(&self, i: usize) -> Option<usize> {
        self.hit_of.get(i).copied().and_then(some)
    }

    /// The sentence of token `i`.
    ///
    /// # Panics
    /// Past the last token.
    pub fn sent_of(&self, i: usize) -> usize {
        self.sent_of[i] as usize
    }

    /// The sentence of token `i`, `None` past the last token.
    pub fn get_sent_of(&self, i: usize) -> Option<usize> {
        self.sent_of.get(i).map(|&s| s as usize)
    }

    /// The innermost quotation around token `i` (index into `quotes`).
    pub fn quote_of(&self, i: usize) -> Option<usize> {
        self.quote_of.get(i).copied().and_then(some)
    }

    /// The (actor, mention) whose mention covers token `i`.
    pub fn mention_of(&self, i: usize) -> Option<(usize, usize)> {
        let &(a, m) = self.mention_of.get(i)?;
        Some((some(a)?, m as usize))
    }

    /// Is token `i` a quotation mark?
    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind != TokenKind::Word
                && t.span
                    .slice(self.text)
                    .chars()
                    .all(|c| "\"«»„“”‚‘’'".contains(c))
        })
    }
}
