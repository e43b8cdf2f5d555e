//! Names that are not in the gazetteer, roles next to names, and the
//! token-level context both need.
//!
//! A run of capitalized words (with `von`, `de`, `of`, `for` … inside) is an
//! unknown actor when there is evidence:
//! - it contains an organization head noun (`Institute`, `Instytut`, `Институт`) → org;
//! - it starts with a known first name and has two words or more → person;
//! - a role noun stands just before it (`rzecznik Kremla, X`, `President X`) → person;
//! - a reporting verb follows it (`X said`, `X zaznaczył`) and it is not a lone
//!   sentence-initial word without other evidence → person;
//! - it is a lone word equal (after normalization) to the surname of an
//!   unknown person named in full earlier or later in the document → that person.
//!
//! Person names are brought to the nominative by reading the suffix tables
//! backwards; the id is `unk:<lang>:<type>:<normalized name>`, so it is the
//! same in every document of the language.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::Raw;
use super::inflect::{Inflector, Table, Who};
use super::lexicon::{Lexicon, Lists};
use crate::fasthash::{FastMap, with_capacity};
use crate::lang::Lang;
use crate::model::{ActorType, Sentence, Token, TokenKind};
use crate::span::Span;
use crate::text::{Norms, with_to_lowercase};

/// How the ids of actors found by these rules begin.
pub(crate) const ID_PREFIX: &str = "unk:";

const CONNECTORS: &[&str] = &[
    "of", "for", "the", "and", "on", "de", "du", "des", "la", "le", "von", "van", "der", "den",
    "di", "da", "al", "bin", "ibn", "dos", "del", "y", "nad", "ds.", "do", "по", "при",
];
const PREPOSITIONS: &[&str] = &[
    "w",
    "we",
    "z",
    "ze",
    "do",
    "na",
    "pod",
    "przez",
    "od",
    "ku",
    "nad",
    "przy",
    "dla",
    "в",
    "во",
    "на",
    "из",
    "до",
    "под",
    "через",
    "от",
    "к",
    "при",
    "у",
    "з",
    "із",
    "під",
    "від",
    "in",
    "to",
    "from",
    "at",
    "into",
];
const PERSON_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "di", "da", "al", "bin", "ibn", "dos", "del", "le", "la",
];

const SURNAME_SUFFIXES: &[&str] = &[
    "ski",
    "cki",
    "dzki",
    "ska",
    "cka",
    "wicz",
    "czyk",
    "czak",
    "czuk",
    "niak",
    "ow",
    "ew",
    "in",
    "yn",
    "enko",
    "uk",
    "iuk",
    "ов",
    "ев",
    "ёв",
    "ин",
    "ын",
    "ский",
    "цкий",
    "ская",
    "цкая",
    "ова",
    "ева",
    "ина",
    "енко",
    "чук",
    "юк",
    "ук",
    "ович",
    "евич",
    "ський",
    "цький",
    "ська",
    "цька",
    "ін",
    "єв",
];
const FEMALE_SURNAME_SUFFIXES: &[&str] = &[
    "ska", "cka", "owa", "ewa", "ская", "цкая", "ова", "ева", "ина", "ына", "ська", "цька", "іна",
];

/// No entry of [`CONNECTORS`], [`PREPOSITIONS`] or [`PERSON_PARTICLES`] is
/// longer than this many characters (a test checks).
const LIST_WORD_CHARS: usize = 5;

/// Is `w`, lower-cased, one of `list` (one of the lists above, in lower
/// case)? Without allocating: ASCII words are compared ignoring case, and
/// other words are lower-cased into a small buffer, as far as a list word
/// could reach (lower-casing never makes a word shorter in characters; the
/// lists have no Greek, so the final-sigma rule of `str::to_lowercase` cannot
/// change an answer).
fn lower_in(list: &[&str], w: &str) -> bool {
    if w.is_ascii() {
        // An ASCII word has as many chars as bytes.
        return w.len() <= LIST_WORD_CHARS && list.iter().any(|x| x.eq_ignore_ascii_case(w));
    }
    if w.chars().nth(LIST_WORD_CHARS).is_some() {
        return false;
    }
    const CAP: usize = LIST_WORD_CHARS * 4;
    let mut buf = [0u8; CAP + 12];
    let (l, complete) = crate::text::lowercase_head(w, CAP, &mut buf);
    complete && list.contains(&l)
}

/// A yes/no answer about token `k`, computed by `f` the first time and kept
/// in `cells[k]` (0: not asked yet, 1: no, 2: yes); false past the last token.
fn once_per_token(cells: &[Cell<u8>], k: usize, f: impl FnOnce() -> bool) -> bool {
    let Some(cell) = cells.get(k) else {
        return false;
    };
    match cell.get() {
        1 => false,
        2 => true,
        _ => {
            let r = f();
            cell.set(1 + u8::from(r));
            r
        }
    }
}

fn surname_suffix(w: &str, who: Who) -> bool {
    let fem = FEMALE_SURNAME_SUFFIXES.iter().any(|s| w.ends_with(s));
    match who {
        Who::Female => fem,
        _ => !fem && SURNAME_SUFFIXES.iter().any(|s| w.ends_with(s)),
    }
}

/// The per-document context.
pub(crate) struct Ctx<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lang: Lang,
    lex: &'a Lexicon,
    inf: &'a Inflector,
    /// Per token: starts a sentence (first word, or first after an opening quote/dash at line start).
    initial: Vec<bool>,
    /// Normalized words per token.
    norms: &'a Norms,
    /// The last answer of `tok_at`.
    tok_hint: Cell<usize>,
    /// Per token: is a role word (0 not known yet, 1 no, 2 yes).
    role_words: Vec<Cell<u8>>,
    /// Per token: is one of [`CONNECTORS`] (0 not known yet, 1 no, 2 yes).
    connectors: Vec<Cell<u8>>,
    /// Answers already computed for a word of this document (names repeat).
    first_names: RefCell<FastMap<&'a str, Option<(String, bool)>>>,
    lemmas: RefCell<FastMap<(&'a str, Who), Rc<str>>>,
    org_heads: RefCell<FastMap<&'a str, bool>>,
}

/// Tokens after which a word starts a sentence-like unit (one char each, at
/// most three bytes).
const OPENERS: &[&[u8]] = &[
    b":",
    b"\"",
    "«".as_bytes(),
    "„".as_bytes(),
    "“".as_bytes(),
    "—".as_bytes(),
    "–".as_bytes(),
    b"-",
    "•".as_bytes(),
    b"(",
];

/// Is the first letter of `s` upper-case? (ASCII and basic Cyrillic are
/// answered without the Unicode tables.)
fn is_cap(s: &str) -> bool {
    for c in s.chars() {
        let u = u32::from(c);
        if u < 0x80 {
            if c.is_ascii_alphabetic() {
                return c.is_ascii_uppercase();
            }
            continue;
        }
        if (0x400..=0x42F).contains(&u) {
            return true;
        }
        if (0x430..=0x45F).contains(&u) {
            return false;
        }
        if crate::text::is_alphabetic(c) {
            return c.is_uppercase();
        }
    }
    false
}

fn is_all_caps(s: &str) -> bool {
    // ASCII and basic Cyrillic lower-case letters are answered without the Unicode tables.
    let is_lower = |c: char| match u32::from(c) {
        0..0x80 => c.is_ascii_lowercase(),
        0x430..=0x45F => true,
        _ => c.is_lowercase(),
    };
    !s.chars().any(is_lower) && s.chars().filter(|&c| crate::text::is_alphabetic(c)).count() > 1
}

fn strip_possessive(s: &str) -> &str {
    for p in ["s'", "s’"] {
        if let Some(r) = s.strip_suffix(p) {
            return &s[..r.len() + 1];
        }
    }
    for p in ["'s", "’s", "ʼs"] {
        if let Some(r) = s.strip_suffix(p) {
            return r;
        }
    }
    s
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &[Sentence],
        lang: Lang,
        lex: &'a Lexicon,
        inf: &'a Inflector,
        norms: &'a Norms,
    ) -> Self {
        let mut initial = vec![false; tokens.len()];
        for s in sentences {
            let (a, b) = (
                s.first_token as usize,
                (s.end_token as usize).min(tokens.len()),
            );
            if let Some(k) = (a..b).find(|&k| tokens[k].kind == TokenKind::Word) {
                initial[k] = true;
            }
        }
        // Also the first word of every line and after a colon or an opening quote.
        let bytes = text.as_bytes();
        for k in 0..tokens.len() {
            if tokens[k].kind != TokenKind::Word {
                continue;
            }
            if k == 0 {
                initial[k] = true;
                continue;
            }
            let prev = tokens[k - 1];
            // Gaps between tokens are short: a plain loop, not a memchr.
            let gap = bytes
                .get(prev.span.end()..tokens[k].span.start())
                .unwrap_or_default();
            let p = bytes
                .get(prev.span.start()..prev.span.end())
                .unwrap_or_default();
            let opener = p.len() <= 3 && OPENERS.contains(&p);
            if gap.contains(&b'\n') || opener && (gap.is_empty() || k < 2 || p != b"-") {
                initial[k] = true;
            }
        }
        Ctx {
            text,
            tokens,
            lang,
            lex,
            inf,
            initial,
            norms,
            tok_hint: Cell::new(0),
            role_words: vec![Cell::new(0); tokens.len()],
            connectors: vec![Cell::new(0); tokens.len()],
            // Sized for the capitalized words of news text (a few per
            // sentence), so that they rarely grow.
            first_names: RefCell::new(with_capacity(tokens.len() / 8)),
            lemmas: RefCell::new(with_capacity(tokens.len() / 16)),
            org_heads: RefCell::new(with_capacity(tokens.len() / 16)),
        }
    }

    fn lists(&self) -> Option<&'a Lists> {
        self.lex.get(self.lang)
    }

    fn table(&self) -> Option<&'a Table> {
        let l = if self.lang == Lang::Be {
            Lang::Ru
        } else {
            self.lang
        };
        self.inf.table(l)
    }

    /// Index of the first token starting at or after `byte`. Calls mostly come
    /// in text order, so the search gallops forward from the last answer (a
    /// binary search of the tokens before it otherwise).
    fn tok_at(&self, byte: u32) -> usize {
        let toks = self.tokens;
        let n = toks.len();
        let before = |k: usize| toks[k].span.start < byte;
        let hint = self.tok_hint.get().min(n);
        let k = if hint > 0 && !before(hint - 1) {
            toks[..hint].partition_point(|t| t.span.start < byte)
        } else {
            // Every token before `lo` starts before `byte`; the answer is at
            // most `hi`.
            let (mut lo, mut hi, mut step) = (hint, hint, 1);
            while hi < n && before(hi) {
                lo = hi + 1;
                hi = lo + step;
                step *= 2;
            }
            let hi = hi.min(n);
            lo + toks[lo..hi].partition_point(|t| t.span.start < byte)
        };
        self.tok_hint.set(k);
        k
    }

    fn word(&self, k: usize) -> &'a str {
        self.tokens.get(k).map_or("", |t| t.text(self.text))
    }

    /// The text between tokens `a` and `b` (to the end of the text when `b` is past the last token).
    fn gap(&self, a: usize, b: usize) -> &'a str {
        let s = self.tokens.get(a).map_or(self.text.len(), |t| t.span.end());
        let e = self
            .tokens
            .get(b)
            .map_or(self.text.len(), |t| t.span.start());
        self.text.get(s..e.max(s)).unwrap_or("")
    }

    /// Polish adjective reading of a sentence-initial name form (`Polski rząd`).
    pub(crate) fn looks_like_adjective(&self, os: usize, oe: usize) -> bool {
        let surface = self.text[os..oe].to_lowercase();
        if !super::ADJ_ENDINGS.iter().any(|e| surface.ends_with(e)) {
            return false;
        }
        let k = self.tok_at(u32::try_from(os).unwrap_or(u32::MAX));
        if k >= self.tokens.len() || !self.initial[k] {
            return false;
        }
        let next = self.tok_at(u32::try_from(oe).unwrap_or(u32::MAX));
        next < self.tokens.len()
            && self.tokens[next].kind == TokenKind::Word
            && !is_cap(self.word(next))
            && !self.gap(k, next).contains('\n')
    }

    /// Is this word (any case) a known first name? Returns its nominative and gender.
    fn first_name(&self, w: &'a str) -> Option<(String, bool)> {
        if let Some(r) = self.first_names.borrow().get(w) {
            return r.clone();
        }
        let r = self.first_name_uncached(w);
        self.first_names.borrow_mut().insert(w, r.clone());
        r
    }

    fn first_name_uncached(&self, w: &str) -> Option<(String, bool)> {
        if !is_cap(w) || is_all_caps(w) {
            return None;
        }
        with_to_lowercase(w, |lower| self.first_name_lower(lower))
    }

    /// [`Ctx::first_name`] of a lowercase word.
    fn first_name_lower(&self, lower: &str) -> Option<(String, bool)> {
        let female_of = |n: &str| {
            n.ends_with('a') && !matches!(n, "kuba" | "barnaba" | "bonawentura")
                || (n.ends_with('а') || n.ends_with('я'))
                    && !matches!(
                        n,
                        "никита"
                            | "илья"
                            | "кузьма"
                            | "фома"
                            | "лука"
                            | "савва"
                            | "ілля"
                            | "микита"
                    )
        };
        // The document's own lists are those of one of these languages, so
        // "in any list" is "in the union".
        if self.lex.is_first_name(lower) {
            return Some((lower.to_string(), female_of(lower)));
        }
        let table = self.table()?;
        for who in [Who::Male, Who::Female] {
            for c in table.lemmas(lower, who) {
                if self.lex.is_first_name(&c) {
                    return Some((c.clone(), female_of(&c)));
                }
            }
        }
        None
    }

    /// The start of a first name written just before `span` (same line, one space).
    pub(crate) fn first_name_before(&self, span: Span) -> Option<u32> {
        let k = self.tok_at(span.start);
        if k == 0 || k >= self.tokens.len() || self.tokens[k].span.start != span.start {
            return None;
        }
        let p = k - 1;
        if self.tokens[p].kind != TokenKind::Word || self.gap(p, k) != " " {
            return None;
        }
        self.first_name(self.word(p))?;
        Some(self.tokens[p].span.start)
    }

    fn is_role_word(&self, k: usize) -> bool {
        // Asked again and again for the words before each name: once per token.
        once_per_token(&self.role_words, k, || {
            self.norms.get(k).is_some_and(|w| self.lex.is_role(w))
        })
    }

    /// A role written just before the name starting at `span.start`:
    /// `prezydent X`, `rzecznik Kremla, X`, `министр иностранных дел X`.
    pub(crate) fn role_before(&self, span: Span) -> Option<Span> {
        let k = self.tok_at(span.start);
        if k == 0 || k > self.tokens.len() {
            return None;
        }
        let mut j = k - 1;
        let mut end_tok = j;
        if self.word(j) == "," {
            if j == 0 {
                return None;
            }
            j -= 1;
            end_tok = j;
        }
        for _ in 0..4 {
            let t = &self.tokens[j];
            if t.kind != TokenKind::Word {
                return None;
            }
            if self.gap(j, j + 1).contains('\n') {
                return None;
            }
            if self.is_role_word(j) {
                let mut start = j;
                // пресс-секретарь, vice-president: join a hyphenated prefix.
                if start >= 2
                    && self.word(start - 1) == "-"
                    && self.gap(start - 1, start).is_empty()
                    && self.gap(start - 2, start - 1).is_empty()
                {
                    start -= 2;
                }
                return Some(Span::new(
                    self.tokens[start].span.start(),
                    self.tokens[end_tok].span.end(),
                ));
            }
            if j == 0 {
                return None;
            }
            j -= 1;
        }
        None
    }

    fn is_stop(&self, w: &str) -> bool {
        with_to_lowercase(w, |lower| {
            self.lists().is_some_and(|l| l.stop.contains(lower))
                || self
                    .lex
                    .get(Lang::En)
                    .is_some_and(|l| l.stop.contains(lower))
        })
    }

    fn is_org_head(&self, w: &'a str) -> bool {
        if let Some(&r) = self.org_heads.borrow().get(w) {
            return r;
        }
        let r = self.is_org_head_uncached(w);
        self.org_heads.borrow_mut().insert(w, r);
        r
    }

    fn is_org_head_uncached(&self, w: &str) -> bool {
        with_to_lowercase(w, |lower| self.is_org_head_lower(lower))
    }

    /// [`Ctx::is_org_head`] of a lowercase word.
    fn is_org_head_lower(&self, lower: &str) -> bool {
        let lists = [self.lists(), self.lex.get(Lang::En)];
        if lists.iter().flatten().any(|l| l.org_heads.contains(lower)) {
            return true;
        }
        if let Some(t) = self.table() {
            for c in t.lemmas(lower, Who::Thing) {
                if lists
                    .iter()
                    .flatten()
                    .any(|l| l.org_heads.contains(c.as_str()))
                {
                    return true;
                }
            }
        }
        false
    }

    fn is_verb(&self, k: usize) -> bool {
        if k >= self.tokens.len() || self.tokens[k].kind != TokenKind::Word {
            return false;
        }
        let n = self.norms.get(k).unwrap_or("");
        self.lists().is_some_and(|l| l.verbs.contains(n))
    }

    /// The nominative of a surname (or other name word), lowercase.
    fn lemma(&self, w: &'a str, who: Who) -> Rc<str> {
        if let Some(r) = self.lemmas.borrow().get(&(w, who)) {
            return Rc::clone(r);
        }
        let r: Rc<str> = self.lemma_uncached(w, who).into();
        self.lemmas.borrow_mut().insert((w, who), Rc::clone(&r));
        r
    }

    /// Is token `k` one of [`CONNECTORS`] (any case)? Asked several times per
    /// token inside runs of capitalized words: answered once.
    fn is_connector(&self, k: usize) -> bool {
        once_per_token(&self.connectors, k, || lower_in(CONNECTORS, self.word(k)))
    }

    fn lemma_uncached(&self, w: &str, who: Who) -> String {
        let lower = strip_possessive(w).to_lowercase();
        let Some(table) = self.table() else {
            return lower;
        };
        if super::inflect::is_acronym(w) {
            return lower;
        }
        if surname_suffix(&lower, who) {
            return lower;
        }
        let cands = table.lemmas(&lower, who);
        if let Some(c) = cands.iter().find(|c| surname_suffix(c, who)) {
            return c.clone();
        }
        if cands.is_empty() {
            return lower;
        }
        if table.declines(&lower, who) {
            return lower;
        }
        cands[0].clone()
    }

    /// The id, display name and (for persons) surname of a found name.
    fn normalize(&self, f: &Found) -> Normal {
        let words: Vec<&str> = f.toks.iter().map(|&t| self.word(t)).collect();
        let (norm, sur) = match f.kind {
            ActorType::Person => {
                let who = if f.female { Who::Female } else { Who::Male };
                let mut parts: Vec<String> = Vec::new();
                for (i, w) in words.iter().enumerate() {
                    if i == 0 {
                        if let Some(fname) = &f.first {
                            parts.push(fname.clone());
                            continue;
                        }
                    }
                    if lower_in(PERSON_PARTICLES, w) {
                        parts.push(w.to_lowercase());
                    } else {
                        parts.push(self.lemma(w, who).to_string());
                    }
                }
                let sur = parts.last().cloned().unwrap_or_default();
                (parts, Some(sur))
            }
            ActorType::Gpe => (
                words
                    .iter()
                    .map(|w| self.lemma(w, Who::Thing).to_string())
                    .collect(),
                None,
            ),
            ActorType::Org => (
                words
                    .iter()
                    .map(|w| strip_possessive(w).to_lowercase())
                    .collect::<Vec<String>>(),
                None,
            ),
        };
        let slug = norm.join("-");
        let kind_s = f.kind.as_str();
        let id = format!("{ID_PREFIX}{}:{kind_s}:{slug}", self.lang.code());
        let name = norm
            .iter()
            .map(|p| titlecase(p))
            .collect::<Vec<_>>()
            .join(" ");
        (id.into(), name.into(), sur.map(Into::into))
    }

    /// Unknown actors: every capitalized run with evidence, not overlapping `known`.
    pub(crate) fn unknown_mentions(&self, known: &[Raw]) -> Vec<Raw> {
        let n = self.tokens.len();
        let mut covered = vec![false; n];
        for r in known {
            // `known` is in text order: `tok_at` gallops from the last answer.
            let a = self.tok_at(r.span.start);
            let mut k = a.saturating_sub(1);
            while k < n && self.tokens[k].span.start < r.span.end {
                if self.tokens[k].span.overlaps(r.span) {
                    covered[k] = true;
                }
                k += 1;
            }
        }
        // Capitalized, not all-caps words, once per token.
        let capitalized: Vec<bool> = (0..n)
            .map(|k| {
                self.tokens[k].kind == TokenKind::Word && {
                    let w = self.word(k);
                    // Most words start with a lower-case ASCII letter.
                    !w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                        && is_cap(w)
                        && !is_all_caps(w)
                }
            })
            .collect();
        let cap_word = |k: usize| k < n && !covered[k] && capitalized[k];
        // 1. Runs.
        struct Run {
            toks: Vec<usize>,
        }
        let mut runs: Vec<Run> = Vec::new();
        let mut k = 0;
        while k < n {
            if !cap_word(k) {
                k += 1;
                continue;
            }
            let mut toks = vec![k];
            let mut j = k;
            while toks.len() < 6 {
                let nx = j + 1;
                if nx >= n {
                    break;
                }
                if cap_word(nx) && self.gap(j, nx) == " " {
                    toks.push(nx);
                    j = nx;
                    continue;
                }
                // Jean-Pierre, Nowa-Kachowka: hyphen without spaces.
                if self.word(nx) == "-"
                    && self.gap(j, nx).is_empty()
                    && nx + 1 < n
                    && self.gap(nx, nx + 1).is_empty()
                    && cap_word(nx + 1)
                {
                    toks.push(nx + 1);
                    j = nx + 1;
                    continue;
                }
                if self.is_connector(nx)
                    && self.gap(j, nx) == " "
                    && nx + 1 < n
                    && self.gap(nx, nx + 1) == " "
                    && cap_word(nx + 1)
                {
                    toks.push(nx);
                    toks.push(nx + 1);
                    j = nx + 1;
                    continue;
                }
                break;
            }
            k = j + 1;
            // "szef Chersońskiej Administracji Ołeksandr Prokudin", "Attorney General Letitia James":
            // a first name inside a run starts a new name.
            let split = (1..toks.len()).find(|&i| {
                i + 1 < toks.len()
                    && !self.is_connector(toks[i - 1])
                    && self.first_name(self.word(toks[i])).is_some()
            });
            if let Some(i) = split {
                let tail = toks.split_off(i);
                runs.push(Run { toks });
                runs.push(Run { toks: tail });
            } else {
                runs.push(Run { toks });
            }
        }
        // 2. Decide.
        let mut found: Vec<Found> = Vec::new();
        // Single words that may be the surname of a full name found elsewhere.
        let mut lone: Vec<usize> = Vec::new();
        for run in runs {
            let mut toks = run.toks;
            let mut role: Option<Span> = None;
            // Leading stop words and capitalized roles ("President", "Prezydent") are not part of the name.
            while let Some(&f) = toks.first() {
                let w = self.word(f);
                if self.is_role_word(f) {
                    role = Some(self.tokens[f].span);
                    toks.remove(0);
                } else if self.is_stop(w) || self.is_connector(f) {
                    toks.remove(0);
                } else {
                    break;
                }
            }
            while toks.last().is_some_and(|&l| self.is_connector(l)) {
                toks.pop();
            }
            let Some(&first_tok) = toks.first() else {
                continue;
            };
            let last_tok = *toks.last().unwrap_or(&first_tok);
            let words: Vec<&str> = toks.iter().map(|&t| self.word(t)).collect();
            let nwords = words.len();
            let has_connector = toks.iter().any(|&t| self.is_connector(t));
            // The first word, lowercased, ends in a demonym's ending. (Only
            // ASCII letters lowercase to these letters, so its last bytes tell.)
            let demonym_led = self.lang == Lang::En && {
                let first = words[0].as_bytes();
                ["ian", "ean", "ese", "ish", "ic"].iter().any(|e| {
                    first.len() >= e.len()
                        && first[first.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
                })
            };
            let org = nwords >= 2 && !demonym_led && words.iter().any(|w| self.is_org_head(w));
            let span = Span::new(
                self.tokens[first_tok].span.start(),
                self.tokens[last_tok].span.end(),
            );
            let mut role_adjacent = role.is_some();
            if role.is_none() {
                role = self.role_before(span);
                role_adjacent = role
                    .is_some_and(|r| first_tok > 0 && self.tokens[first_tok - 1].span.end == r.end);
            }
            if org {
                found.push(Found {
                    toks,
                    kind: ActorType::Org,
                    female: false,
                    first: None,
                    role: None,
                });
                continue;
            }
            if has_connector
                && !toks
                    .iter()
                    .all(|&t| !self.is_connector(t) || lower_in(PERSON_PARTICLES, self.word(t)))
            {
                continue;
            }
            let first = self.first_name(words[0]);
            let initial = self.initial[first_tok];
            let verb_after = self.is_verb(last_tok + 1);
            let verb_before = first_tok > 0
                && self.is_verb(first_tok - 1)
                && self.gap(first_tok - 1, first_tok) == " ";
            // Asked only where the rules below need it.
            let surname_like = || {
                let l = self.lemma(words[nwords - 1], Who::Male);
                SURNAME_SUFFIXES.iter().any(|s| l.ends_with(s))
            };
            // "Słowa Kowalskiego": a capitalized common word at the start of a
            // sentence is not part of the name that follows it.
            if initial && nwords >= 2 && first.is_none() && !org {
                lone.extend(toks.into_iter().skip(1));
                continue;
            }
            // "w Mińsku", "в Берлине": a lone word after a preposition is a place or a body.
            let after_prep =
                nwords == 1 && first_tok > 0 && lower_in(PREPOSITIONS, self.word(first_tok - 1));
            let person = !after_prep
                && ((first.is_some() && nwords >= 2)
                    || (role.is_some()
                        && (nwords >= 2 || role_adjacent)
                        && !(first.is_some() && nwords == 1))
                    || (verb_after && (!initial || nwords >= 2 || surname_like()))
                    || (verb_before && nwords <= 3)
                    || (initial
                        && nwords == 1
                        && surname_like()
                        && self
                            .tokens
                            .get(last_tok + 1)
                            .is_some_and(|t| t.text(self.text) == ":"))
                    || ((2..=3).contains(&nwords) && !initial && surname_like()));
            if person {
                let female = first.as_ref().is_some_and(|f| f.1);
                found.push(Found {
                    toks,
                    kind: ActorType::Person,
                    female,
                    first: first.map(|f| f.0),
                    role,
                });
            } else if after_prep
                && !initial
                && matches!(self.lang, Lang::Pl | Lang::Ru | Lang::Uk)
                && ["w", "we", "в", "во"]
                    .contains(&self.word(first_tok - 1).to_lowercase().as_str())
            {
                // "w Greifswaldzie", "в Анталье": a capitalized word after "in" is a place.
                found.push(Found {
                    toks,
                    kind: ActorType::Gpe,
                    female: false,
                    first: None,
                    role: None,
                });
            } else {
                lone.extend(toks);
            }
        }
        // 3. Normalize, and join lone surnames to full names. A name that
        // recurs (same words, type, gender and first name) is normalized once.
        let mut out = Vec::new();
        let mut surnames: FastMap<Rc<str>, IdName> = with_capacity(found.len());
        type Entry = (
            Span,
            Rc<str>,
            Rc<str>,
            ActorType,
            Option<Span>,
            Option<Rc<str>>,
        );
        let mut entries: Vec<Entry> = Vec::with_capacity(found.len());
        let mut normals: FastMap<String, Normal> = with_capacity(found.len());
        let mut sig = String::new();
        for f in &found {
            let span = Span::new(
                self.tokens[f.toks[0]].span.start(),
                self.tokens[*f.toks.last().unwrap_or(&f.toks[0])].span.end(),
            );
            let span = trim_possessive(self.text, span);
            sig.clear();
            sig.push_str(f.kind.as_str());
            sig.push(if f.female { 'f' } else { 'm' });
            sig.push_str(f.first.as_deref().unwrap_or(""));
            for &t in &f.toks {
                sig.push('\u{1f}');
                sig.push_str(self.word(t));
            }
            let (id, name, sur) = match normals.get(sig.as_str()) {
                Some(n) => n.clone(),
                None => {
                    let n = self.normalize(f);
                    normals.insert(sig.clone(), n.clone());
                    n
                }
            };
            entries.push((span, id, name, f.kind, f.role, sur));
        }
        // Full names define surnames; single-word persons join a full name with the same surname.
        for full in [true, false] {
            for e in &entries {
                if e.3 == ActorType::Person && e.2.contains(' ') == full {
                    if let Some(s) = &e.5 {
                        surnames
                            .entry(Rc::clone(s))
                            .or_insert_with(|| (Rc::clone(&e.1), Rc::clone(&e.2)));
                    }
                }
            }
        }
        for (span, mut id, mut name, kind, role, sur) in entries {
            if kind == ActorType::Person && !name.contains(' ') {
                if let Some((fid, fname)) = sur.as_ref().and_then(|s| surnames.get(s)) {
                    id = Rc::clone(fid);
                    name = Rc::clone(fname);
                }
            }
            out.push(Raw {
                span,
                actor: None,
                unknown: Some((id, name, kind)),
                role,
            });
        }
        if surnames.is_empty() {
            lone.clear();
        }
        // The full name a lone word is the surname of, once per distinct word.
        let mut full_name_of: FastMap<&str, Option<&IdName>> = with_capacity(lone.len());
        for tok in lone {
            let w = self.word(tok);
            let full = *full_name_of.entry(w).or_insert_with(|| {
                [Who::Male, Who::Female]
                    .into_iter()
                    .find_map(|who| surnames.get(&*self.lemma(w, who)))
            });
            if let Some((fid, fname)) = full {
                let span = trim_possessive(self.text, self.tokens[tok].span);
                out.push(Raw {
                    span,
                    actor: None,
                    unknown: Some((Rc::clone(fid), Rc::clone(fname), ActorType::Person)),
                    role: self.role_before(span),
                });
            }
        }
        out
    }
}

/// An unknown actor's id and display name.
type IdName = (Rc<str>, Rc<str>);

/// A found name's id, display name and (for persons) surname.
type Normal = (Rc<str>, Rc<str>, Option<Rc<str>>);

/// A capitalized run the rules take for a name, before normalizing.
struct Found {
    toks: Vec<usize>,
    kind: ActorType,
    female: bool,
    first: Option<String>,
    role: Option<Span>,
}

fn trim_possessive(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let t = strip_possessive(s);
    Span::new(span.start(), span.start() + t.len())
}

fn titlecase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut up = true;
    for c in s.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == '-' || c == ' ' || c == '\'';
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tok_at_is_the_first_token_at_or_after_the_byte_in_any_order() {
        let text = "Prezydent Łukaszenka powiedział w Mińsku, że „Rosja” — i tyle. Koniec.";
        let tokens = crate::tokenize::tokenize(text, Lang::Pl);
        let sentences = crate::sentence::split(text, &tokens, Lang::Pl);
        let inf = Inflector::builtin().expect("inflector");
        let lex = Lexicon::builtin(&inf).expect("lexicon");
        let norms = Norms::new(text, &tokens);
        let ctx = Ctx::new(text, &tokens, &sentences, Lang::Pl, &lex, &inf, &norms);
        let len = u32::try_from(text.len()).expect("short");
        // Ascending, descending, and jumping back and forth.
        let mut queries: Vec<u32> = (0..=len + 2).collect();
        queries.extend((0..=len + 2).rev());
        queries.extend((0..=len).map(|b| (b * 37) % (len + 1)));
        for b in queries {
            let expected = tokens.partition_point(|t| t.span.start < b);
            assert_eq!(ctx.tok_at(b), expected, "byte {b}");
        }
    }

    #[test]
    fn list_words_are_short() {
        for w in CONNECTORS
            .iter()
            .chain(PREPOSITIONS)
            .chain(PERSON_PARTICLES)
        {
            assert!(w.chars().count() <= LIST_WORD_CHARS, "{w}");
            assert_eq!(*w, w.to_lowercase(), "{w}");
        }
    }

    #[test]
    fn lower_in_is_lowercase_then_contains() {
        for w in [
            "OF",
            "Of",
            "ПРИ",
            "При",
            "ЧЕРЕЗ",
            "Через",
            "Przez",
            "Putin",
            "Przezz",
            "dodo",
            "İn",
            "ΣΑΣ",
            "",
        ] {
            let expected = CONNECTORS.contains(&w.to_lowercase().as_str());
            assert_eq!(lower_in(CONNECTORS, w), expected, "{w}");
            let expected = PREPOSITIONS.contains(&w.to_lowercase().as_str());
            assert_eq!(lower_in(PREPOSITIONS, w), expected, "{w}");
        }
    }

    /// `is_cap` as first written.
    fn is_cap_reference(s: &str) -> bool {
        s.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(|c| c.is_uppercase())
    }

    #[test]
    fn is_cap_agrees_with_the_unicode_tables() {
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("{c}A"),
                format!("{c}a"),
                format!("{c}Ж"),
            ] {
                assert_eq!(is_cap(&s), is_cap_reference(&s), "{s:?}");
            }
        }
    }
}
