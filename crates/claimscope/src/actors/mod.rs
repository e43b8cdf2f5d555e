//! Actors: the gazetteer, inflection-aware matching and unknown names.
//!
//! Building ([`ActorMatcher::build`]): the gazetteer rows (built-in files and
//! user dictionaries) are read, every alias is inflected word by word with the
//! suffix classes of its language ([`inflect`]), and all forms, case-folded,
//! go into one Aho–Corasick automaton (leftmost-longest).
//!
//! Matching ([`ActorMatcher::find`]): the text is case-folded with an offset
//! map back to the original ([`fold`]); a hit counts when it is a whole word,
//! when its capitalization fits the alias (upper-case initial, acronyms in
//! capitals, `@cs` aliases exactly), and when an inflected form is used in a
//! document of its own language (nominatives match in any language). Then:
//! a first name written before a known surname joins the mention, role nouns
//! next to a person are recorded in [`Mention::role`], and unknown names are
//! found from their context ([`unknown`]).
//!
//! Polish `Polski`: at the start of a sentence, a form of a non-adjectival
//! name that looks like an adjective (`-ski`, `-ska`, `-skie`, `-cki` …) and is
//! followed by a lower-case word is read as the adjective (`Polski rząd`) and
//! dropped; elsewhere a capitalized `Polski` is the genitive of `Polska`.

pub mod fold;
pub mod gazetteer;
pub mod inflect;
pub mod lexicon;
mod unknown;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::model::{Actor, ActorType, Mention, Sentence, Token};
use crate::span::Span;
use gazetteer::Entry;
use inflect::{Inflector, Who, is_acronym};
use lexicon::Lexicon;

/// The built-in gazetteer files, compiled in.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "data/actors/countries.tsv",
        include_str!("../../data/actors/countries.tsv"),
    ),
    (
        "data/actors/places.tsv",
        include_str!("../../data/actors/places.tsv"),
    ),
    (
        "data/actors/orgs.tsv",
        include_str!("../../data/actors/orgs.tsv"),
    ),
    (
        "data/actors/people.tsv",
        include_str!("../../data/actors/people.tsv"),
    ),
    (
        "data/actors/extra.tsv",
        include_str!("../../data/actors/extra.tsv"),
    ),
];

/// What the matcher knows about one gazetteer actor.
#[derive(Debug, Clone)]
struct Info {
    id: String,
    name: String,
    kind: ActorType,
    qid: Option<String>,
}

/// One way a pattern can be read: as a form of an alias of an actor.
#[derive(Debug, Clone)]
struct Target {
    /// From a user dictionary: wins collisions with built-in rows.
    user: bool,
    actor: u32,
    lang: Lang,
    /// Not the nominative as written in the gazetteer.
    inflected: bool,
    /// Bit `i`: word `i` must start upper-case.
    caps: u32,
    /// For short acronyms (`AP`, `МИД`): how many leading letters must be capitals.
    acr_len: u8,
    /// `@cs`: the exact surface.
    cs: Option<Box<str>>,
    /// Number of words.
    words: u8,
}

/// Finds actor mentions. Built once per [`crate::Analyzer`], shared by threads.
#[derive(Debug, Clone, Default)]
pub struct ActorMatcher {
    actors: Vec<Info>,
    ac: Option<AhoCorasick>,
    targets: Vec<Vec<Target>>,
    inflector: Inflector,
    lex: Lexicon,
}

/// A mention found by the automaton or the unknown-name rules, before grouping.
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    pub(crate) span: Span,
    /// Index into the gazetteer, or `None` for an unknown actor (see `key`).
    pub(crate) actor: Option<u32>,
    /// For unknown actors: their id, display name and type.
    pub(crate) unknown: Option<(String, String, ActorType)>,
    pub(crate) role: Option<Span>,
}

const ADJ_ENDINGS: &[&str] = &[
    "ski", "ska", "skie", "skich", "skiej", "ską", "cki", "cka", "ckie", "ckiej", "cką", "skim",
    "ckim", "skiego", "ckiego",
];

impl ActorMatcher {
    /// Builds the matcher from the built-in gazetteer.
    ///
    /// # Errors
    /// A data error if the built-in data is malformed.
    pub fn builtin() -> Result<Self> {
        Self::build(&[])
    }

    /// Builds the matcher from the built-in gazetteer plus user dictionaries
    /// given as `(name for messages, content)`, in the gazetteer TSV schema.
    /// A user row with the id of a built-in row replaces it.
    ///
    /// # Errors
    /// [`Error::Data`] naming the file and line of the first malformed row; no
    /// matcher is built from a partly read file.
    pub fn build(user: &[(String, String)]) -> Result<Self> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        fn add(
            entries: &mut Vec<Entry>,
            index: &mut HashMap<String, usize>,
            es: Vec<Entry>,
            override_ok: bool,
            file: &str,
        ) -> Result<()> {
            for e in es {
                match index.get(&e.id) {
                    Some(&i) if override_ok => entries[i] = e,
                    Some(_) => {
                        return Err(Error::Data {
                            file: file.to_string(),
                            line: 0,
                            msg: format!("id {:?} is defined in two built-in files", e.id),
                        });
                    }
                    None => {
                        index.insert(e.id.clone(), entries.len());
                        entries.push(e);
                    }
                }
            }
            Ok(())
        }
        for &(file, content) in BUILTIN_FILES {
            add(
                &mut entries,
                &mut index,
                gazetteer::parse(file, content)?,
                false,
                file,
            )?;
        }
        let n_builtin = entries.len();
        let mut user_ids = std::collections::HashSet::new();
        for (file, content) in user {
            let es = gazetteer::parse(file, content)?;
            user_ids.extend(es.iter().map(|e| e.id.clone()));
            add(&mut entries, &mut index, es, true, file)?;
        }
        let user_rows: Vec<bool> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| i >= n_builtin || user_ids.contains(&e.id))
            .collect();
        Self::from_entries_prio(&entries, &user_rows)
    }

    /// Builds the matcher from parsed gazetteer rows (tests and tools).
    ///
    /// # Errors
    /// [`Error::Data`] if the automaton cannot be built.
    pub fn from_entries(entries: &[Entry]) -> Result<Self> {
        Self::from_entries_prio(entries, &[])
    }

    /// As [`ActorMatcher::from_entries`]; rows flagged in `user` win name collisions.
    fn from_entries_prio(entries: &[Entry], user: &[bool]) -> Result<Self> {
        let inflector = Inflector::builtin()?;
        let lex = Lexicon::builtin(&inflector)?;
        let mut actors = Vec::with_capacity(entries.len());
        let mut keys: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut pid: HashMap<String, u32> = HashMap::new();
        for (ai, e) in entries.iter().enumerate() {
            let actor = u32::try_from(ai).unwrap_or(u32::MAX);
            actors.push(Info {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                qid: e.qid.clone(),
            });
            let who = match (e.kind, e.female) {
                (ActorType::Person, true) => Who::Female,
                (ActorType::Person, false) => Who::Male,
                _ => Who::Thing,
            };
            for a in &e.aliases {
                let forms = if a.form || a.indecl {
                    vec![a.text.clone()]
                } else {
                    inflector.forms(&a.text, a.lang, who)
                };
                let alias_words: Vec<&str> = a.text.split(' ').collect();
                let mut caps = 0u32;
                for (i, w) in alias_words.iter().enumerate().take(32) {
                    if w.chars().next().is_some_and(char::is_uppercase) {
                        caps |= 1 << i;
                    }
                }
                let acr_len = if alias_words.len() == 1 && is_acronym(&a.text) {
                    let n = a.text.chars().filter(|c| c.is_alphabetic()).count();
                    if n <= 3 {
                        u8::try_from(n).unwrap_or(3)
                    } else {
                        1
                    }
                } else {
                    0
                };
                for (fi, f) in forms.iter().enumerate() {
                    let key = fold::fold_str(f);
                    if key.trim().is_empty() {
                        continue;
                    }
                    let id = *pid.entry(key.clone()).or_insert_with(|| {
                        keys.push(key);
                        targets.push(Vec::new());
                        u32::try_from(targets.len() - 1).unwrap_or(u32::MAX)
                    });
                    let list = &mut targets[id as usize];
                    let inflected = a.form || fi > 0;
                    if list
                        .iter()
                        .any(|t| t.actor == actor && t.lang == a.lang && t.inflected == inflected)
                    {
                        continue;
                    }
                    list.push(Target {
                        user: user.get(ai).copied().unwrap_or(false),
                        actor,
                        lang: a.lang,
                        inflected,
                        caps,
                        acr_len,
                        cs: a.cs.then(|| f.clone().into_boxed_str()),
                        words: u8::try_from(alias_words.len()).unwrap_or(u8::MAX),
                    });
                }
            }
        }
        let ac = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&keys)
                    .map_err(|e| Error::Data {
                        file: "gazetteer".into(),
                        line: 0,
                        msg: format!("cannot build the name automaton: {e}"),
                    })?,
            )
        };
        Ok(ActorMatcher {
            actors,
            ac,
            targets,
            inflector,
            lex,
        })
    }

    /// Number of gazetteer actors.
    #[must_use]
    pub fn len(&self) -> usize {
        self.actors.len()
    }

    /// True when the gazetteer is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// Number of distinct (folded) name forms in the automaton.
    #[must_use]
    pub fn pattern_count(&self) -> usize {
        self.targets.len()
    }

    /// Finds the actors of one document.
    #[must_use]
    pub fn find(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        lang: Lang,
    ) -> Vec<Actor> {
        let ctx = unknown::Ctx::new(text, tokens, sentences, lang, &self.lex, &self.inflector);
        let mut raws = self.known_mentions(text, &ctx, lang);
        self.extend_first_names(&ctx, &mut raws);
        for r in &mut raws {
            if r.actor
                .is_some_and(|a| self.actors[a as usize].kind == ActorType::Person)
            {
                r.role = ctx.role_before(r.span);
            }
        }
        let unknowns = ctx.unknown_mentions(&raws);
        raws.extend(unknowns);
        self.group(raws)
    }

    fn known_mentions(&self, text: &str, ctx: &unknown::Ctx<'_>, lang: Lang) -> Vec<Raw> {
        let mut out = Vec::new();
        let Some(ac) = &self.ac else {
            return out;
        };
        let folded = fold::fold(text);
        let ft = folded.text.as_str();
        for m in ac.find_iter(ft) {
            let (s, e) = (m.start(), m.end());
            if ft[..s]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                || ft[e..].chars().next().is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let (os, oe) = folded.orig_span(s, e);
            let surface = &text[os..oe];
            let mut best: Option<(u8, &Target)> = None;
            for t in &self.targets[m.pattern().as_usize()] {
                if t.inflected && !lang_compatible(t.lang, lang) {
                    continue;
                }
                if !case_ok(t, surface) {
                    continue;
                }
                let score =
                    u8::from(t.user) * 4 + u8::from(t.lang == lang) * 2 + u8::from(!t.inflected);
                if best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, t));
                }
            }
            let Some((_, t)) = best else {
                continue;
            };
            if t.words == 1
                && t.inflected
                && self.actors[t.actor as usize].kind != ActorType::Person
                && (lang == Lang::Pl || t.lang == Lang::Pl)
                && ctx.looks_like_adjective(os, oe)
            {
                continue;
            }
            out.push(Raw {
                span: Span::new(os, oe),
                actor: Some(t.actor),
                unknown: None,
                role: None,
            });
        }
        out
    }

    /// `Joe` + known `Biden`: a capitalized first name just before a known
    /// person's mention joins it.
    fn extend_first_names(&self, ctx: &unknown::Ctx<'_>, raws: &mut [Raw]) {
        let mut prev_end = 0u32;
        for r in raws.iter_mut() {
            let is_person = r
                .actor
                .is_some_and(|a| self.actors[a as usize].kind == ActorType::Person);
            if is_person {
                if let Some(start) = ctx.first_name_before(r.span) {
                    if start >= prev_end {
                        r.span.start = start;
                    }
                }
            }
            prev_end = r.span.end;
        }
    }

    fn group(&self, mut raws: Vec<Raw>) -> Vec<Actor> {
        raws.sort_by_key(|r| (r.span.start, std::cmp::Reverse(r.span.end)));
        // Drop overlaps (keep the earlier, longer one).
        let mut kept: Vec<Raw> = Vec::with_capacity(raws.len());
        for r in raws {
            if kept.last().is_some_and(|k| k.span.overlaps(r.span)) {
                continue;
            }
            kept.push(r);
        }
        let mut out: Vec<Actor> = Vec::new();
        let mut by_id: HashMap<String, usize> = HashMap::new();
        for r in kept {
            let (id, name, kind, qid, known) = match (&r.actor, &r.unknown) {
                (Some(a), _) => {
                    let i = &self.actors[*a as usize];
                    (i.id.clone(), i.name.clone(), i.kind, i.qid.clone(), true)
                }
                (None, Some((id, name, kind))) => (id.clone(), name.clone(), *kind, None, false),
                (None, None) => continue,
            };
            let idx = *by_id.entry(id.clone()).or_insert_with(|| {
                out.push(Actor {
                    id,
                    name,
                    kind,
                    qid,
                    known,
                    mentions: Vec::new(),
                });
                out.len() - 1
            });
            out[idx].mentions.push(Mention {
                span: r.span,
                role: r.role,
            });
        }
        out
    }
}

/// Inflected forms of an alias match in documents of its language; Cyrillic
/// languages share forms often enough to be treated together.
fn lang_compatible(alias: Lang, doc: Lang) -> bool {
    alias == doc || doc == Lang::Und || (alias.is_cyrillic() && doc.is_cyrillic())
}

/// Does the capitalization of `surface` fit the alias?
fn case_ok(t: &Target, surface: &str) -> bool {
    let clean: String = surface
        .chars()
        .filter(|&c| !crate::text::is_ignorable(c))
        .collect();
    if let Some(cs) = &t.cs {
        let norm = clean.split_whitespace().collect::<Vec<_>>().join(" ");
        return norm == **cs;
    }
    for (i, w) in clean.split_whitespace().enumerate().take(32) {
        if t.caps & (1 << i) != 0 {
            let first = w.chars().find(|c| c.is_alphabetic());
            if !first.is_some_and(|c| c.is_uppercase()) {
                return false;
            }
        }
    }
    if t.acr_len > 1 {
        let n = usize::from(t.acr_len);
        if !clean
            .chars()
            .filter(|c| c.is_alphabetic())
            .take(n)
            .all(char::is_uppercase)
        {
            return false;
        }
    }
    true
}
