//! Speakers: finding the noun phrase that names the source next to a cue, and
//! linking it to an actor.
//!
//! A speaker candidate is, in order of preference at a position: an actor
//! mention, a subject pronoun, a role noun phrase (`rzecznik Kremla`,
//! `the Belarusian defense ministry`, `генсек НАТО`) or a run of capitalized
//! words (so that speakers are found before, or without, the actor engine).
//! Candidates right after a preposition (`w Mińsku`, `to Belarus`) are not
//! subjects and are skipped.
//!
//! Linking: a span covering an actor mention is that actor; a pronoun or a
//! dropped subject is the previous claim's speaker when gender and number
//! agree, else the most recent compatible actor; a role noun is the actor it
//! names inside the phrase, else the most recent actor of its kind; impersonal
//! report wording (`czytamy w analizie`) is the most recent organization.

use crate::fasthash::FastMap;
use crate::model::{ActorType, Claim, ClaimKind, Speaker, TokenKind};
use crate::span::Span;

use super::Ctx;
use super::lexicon::Agreement;
use super::patterns::Draft;
use super::words::{self, RoleKind};

/// How a draft claim's speaker was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Spk {
    /// A name or noun phrase in the sentence.
    Span(Span),
    /// A pronoun, with its agreement.
    Pronoun(Span, Agreement),
    /// A role noun phrase.
    Role(Span, RoleKind),
    /// No subject written: resolve by the verb's agreement.
    Dropped(Agreement),
    /// Impersonal report wording: the report's author named nearby.
    Author,
    /// A quotation continuing the previous claim.
    Previous,
    /// The speaker of another draft (secondary cues).
    SameAs(usize),
}

const MAX_SCAN: usize = 25;

fn prep_before(ctx: &Ctx<'_>, first: usize, lo: usize) -> bool {
    let mut k = first;
    let mut hops = 0;
    while k > lo && hops < 3 {
        k -= 1;
        hops += 1;
        let w = ctx.w(k);
        if ctx.is_quote_mark(k) || words::is_determiner(w) {
            continue;
        }
        if words::is_preposition(ctx.lang, w) {
            return true;
        }
        if ctx.is_word(k) && ctx.role_noun(k).is_some() && !ctx.is_cap(k) && hops == 1 {
            continue;
        }
        return false;
    }
    false
}

/// The candidate whose last token is at or includes `i`: (span, first, end).
fn candidate_at(ctx: &Ctx<'_>, i: usize, lo: usize, hi: usize) -> Option<(Spk, usize, usize)> {
    let w = ctx.w(i);
    if let Some((ai, mi)) = ctx.mention_of(i) {
        let m = &ctx.actors[ai].mentions[mi];
        let first = ctx.tok_at_or_after(m.span.start()).max(lo);
        let mut end = i + 1;
        while end < hi && ctx.mention_of(end) == Some((ai, mi)) {
            end += 1;
        }
        return Some((Spk::Span(ctx.span(first, end)), first, end));
    }
    if !ctx.is_word(i) {
        return None;
    }
    if let Some(g) = words::subject_pronoun(ctx.lang, w) {
        return Some((Spk::Pronoun(ctx.toks[i].span, g), i, i + 1));
    }
    if let Some(mut kind) = ctx.role_noun(i) {
        // The head of `rzecznik rządu`, `пресс-секретарь президента`: the first role noun.
        let mut head = i;
        while head > lo && head + 2 > i && ctx.lang != crate::lang::Lang::En {
            match ctx.role_noun(head - 1) {
                Some(k) if ctx.is_word(head - 1) => {
                    head -= 1;
                    kind = k;
                }
                _ => break,
            }
        }
        let (first, end) = role_np(ctx, head, lo, hi);
        return Some((Spk::Role(ctx.span(first, end), kind), first, end));
    }
    if ctx.is_cap(i) && !is_function_word(ctx, i) {
        let acr = |k: usize| {
            let t = ctx.t(k);
            t.chars().count() >= 2 && t.chars().all(|c| !c.is_lowercase())
        };
        let joins = |a: usize, b: usize| acr(a) == acr(b);
        let mut first = i;
        loop {
            if first > lo && ctx.is_cap(first - 1) && joins(first - 1, first) {
                first -= 1;
            } else if first >= lo + 2
                && (ctx.is_punct(first - 1, &["-"]) || is_name_connector(ctx.w(first - 1)))
                && ctx.is_cap(first - 2)
            {
                first -= 2;
            } else {
                break;
            }
        }
        let mut end = i + 1;
        loop {
            let glued = |a: usize, b: usize| ctx.toks[a].span.end() == ctx.toks[b].span.start();
            if end < hi && ctx.is_cap(end) && joins(end - 1, end) {
                end += 1;
            } else if end + 1 < hi
                && ((ctx.is_punct(end, &["-"])
                    && ctx.is_word(end + 1)
                    && glued(end - 1, end)
                    && glued(end, end + 1))
                    || (is_name_connector(ctx.w(end)) && ctx.is_cap(end + 1)))
            {
                end += 2;
            } else {
                break;
            }
        }
        if first == end {
            return None;
        }
        return Some((Spk::Span(ctx.span(first, end)), first, end));
    }
    None
}

/// Lowercase words inside names (`University of Oxford`, `Institute for the Study of War`).
fn is_name_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "de" | "della" | "van" | "von" | "al")
}

/// Sentence-initial capitalized words that are not names.
fn is_function_word(ctx: &Ctx<'_>, i: usize) -> bool {
    let w = ctx.w(i);
    if ctx.hit(i).is_some()
        || words::is_preposition(ctx.lang, w)
        || words::is_complementizer(ctx.lang, w)
    {
        return true;
    }
    let sent_start = ctx.sent_range(ctx.sent_of(i)).0 == i
        || (i > 0 && ctx.is_quote_mark(i - 1) && ctx.sent_range(ctx.sent_of(i)).0 + 1 == i);
    if !sent_start {
        return false;
    }
    if !ctx.actors.is_empty()
        && !ctx.is_cap(i + 1)
        && ctx.mention_of(i).is_none()
        && ctx.hit(i + 1).is_none()
    {
        return true;
    }
    // A lone sentence-initial capitalized word that is short and lowercase-looking
    // elsewhere is treated as a function word when it is a known opener.
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "but"
            | "and"
            | "also"
            | "however"
            | "meanwhile"
            | "także"
            | "również"
            | "jednak"
            | "wcześniej"
            | "tymczasem"
            | "teraz"
            | "wczoraj"
            | "również,"
            | "także,"
            | "также"
            | "однако"
            | "ранее"
            | "теперь"
            | "вчера"
            | "тогда"
            | "також"
            | "однак"
            | "раніше"
            | "тепер"
            | "вчора"
            | "тоді"
            | "при"
            | "это"
            | "це"
            | "to"
            | "this"
            | "it"
            | "we"
            | "i"
            | "my"
            | "ми"
            | "мы"
            | "я"
    )
}

/// A role noun phrase around the role noun at `i`: left over adjectives
/// (`the Belarusian defense ministry`), right over a genitive or a name
/// (`rzecznik Kremla`, `генсек НАТО`, `заступник голови Мінагропроду`).
fn role_np(ctx: &Ctx<'_>, i: usize, lo: usize, hi: usize) -> (usize, usize) {
    let mut first = i;
    if ctx.lang == crate::lang::Lang::En {
        while first > lo
            && first + 3 > i
            && ctx.is_word(first - 1)
            && !words::is_determiner(ctx.w(first - 1))
            && !words::is_preposition(ctx.lang, ctx.w(first - 1))
            && ctx.hit(first - 1).is_none()
            && words::subject_pronoun(ctx.lang, ctx.w(first - 1)).is_none()
        {
            first -= 1;
        }
        if ctx.w(i) == "tank" && first == i && i > lo && ctx.w(i - 1) == "think" {
            first = i - 1;
        }
    }
    let mut end = i + 1;
    let mut k = i + 1;
    let mut lower = 0;
    while k < hi && k < i + 6 {
        if !ctx.is_word(k) {
            break;
        }
        if ctx.is_cap(k) {
            end = k + 1;
            k += 1;
            continue;
        }
        if ctx.hit(k).is_some() || words::is_preposition(ctx.lang, ctx.w(k)) {
            break;
        }
        lower += 1;
        if lower > 1 {
            break;
        }
        // English: `think tank`, Slavic: a lowercase genitive or adjective (`strona polska`).
        if ctx.lang != crate::lang::Lang::En || (ctx.w(i) == "think" && ctx.w(k) == "tank") {
            end = k + 1;
        }
        k += 1;
    }
    (first, end)
}

/// A person name (mention or a run of capitalized words) shortly after a role
/// noun: the apposition `dyrektor … Elaine Fox`, `заступник … Франс Тіммерманс`.
fn apposed_name(ctx: &Ctx<'_>, from: usize, hi: usize) -> Option<(Spk, usize, usize)> {
    let stop = (from + 16).min(hi);
    if ctx.is_punct(from, &[","]) {
        return None;
    }
    let mut k = from;
    let mut best = None;
    while k < stop {
        if ctx.is_punct(k, &[".", ";", ":", "(", "—", "–"]) || ctx.hit(k).is_some() {
            break;
        }
        if let Some((ai, _)) = ctx.mention_of(k)
            && ctx.actors[ai].kind == ActorType::Person
        {
            return candidate_at(ctx, k, from, hi);
        }
        if ctx.actors.is_empty() && ctx.is_cap(k) && ctx.is_cap(k + 1) && k + 1 < stop {
            let mut e = k + 2;
            while e < stop && ctx.is_cap(e) {
                e += 1;
            }
            // A name of two or three words ending the phrase.
            if (e == stop || !ctx.is_cap(e)) && (e >= hi || !ctx.is_word(e)) {
                best = Some((Spk::Span(ctx.span(k, e)), k, e));
            }
            k = e;
            continue;
        }
        k += 1;
    }
    best
}

/// The speaker nearest before `hi` (not before `lo`): (speaker, end token).
pub(crate) fn np_before(ctx: &Ctx<'_>, lo: usize, hi: usize) -> Option<(Spk, usize)> {
    let mut i = hi;
    let lo = lo.max(hi.saturating_sub(MAX_SCAN));
    while i > lo {
        i -= 1;
        let w = ctx.w(i);
        if words::is_complementizer(ctx.lang, w)
            || ctx.is_punct(i, &[";", ":", ".", "!", "?"])
            || ctx.is_quote_mark(i)
        {
            return None;
        }
        // Parentheticals: `(CNN, Fox News czy NBC)`, `- generała brygady -`.
        if ctx.is_punct(i, &[")"]) {
            while i > lo && !ctx.is_punct(i, &["("]) {
                i -= 1;
            }
            continue;
        }
        if ctx.is_dash(i) && i > lo {
            if let Some(d) = (lo..i).rev().take(12).find(|&k| ctx.is_dash(k)) {
                i = d;
                continue;
            }
        }
        if is_non_speaker(ctx.lang, ctx.w(i)) {
            return None;
        }
        if let Some((spk, first, end)) = candidate_at(ctx, i, lo, hi) {
            if prep_before(ctx, first, lo) {
                i = first;
                continue;
            }
            // A lone capitalized word opening the sentence far from the cue is
            // more often a participle or adverb (`Zapytany wprost o …`) than a name.
            if end == first + 1
                && ctx.mention_of(first).is_none()
                && ctx.sent_range(ctx.sent_of(first)).0 == first
                && hi > end + 2
                && !ctx.t(first).chars().all(|c| !c.is_lowercase())
            {
                i = first;
                continue;
            }
            if let Spk::Role(_, RoleKind::Person) = spk {
                // `Adrian Hill, director of …`: the name before the apposition.
                if first >= lo + 2
                    && ctx.is_punct(first - 1, &[","])
                    && let Some((n @ Spk::Span(_), _, e)) =
                        candidate_at(ctx, first - 2, lo, first - 1)
                {
                    return Some((n, e));
                }
                if let Some((n, _, e)) = apposed_name(ctx, end, hi) {
                    return Some((n, e));
                }
            }
            return Some((spk, end));
        }
    }
    None
}

/// Words that head a clause but never name a source (`Wszystko wskazuje na to, że`).
pub(crate) fn is_non_speaker(lang: crate::lang::Lang, w: &str) -> bool {
    use crate::lang::Lang;
    match lang {
        Lang::En => matches!(w, "everything" | "nothing" | "it" | "this"),
        Lang::Pl => matches!(w, "wszystko" | "nic" | "to" | "co"),
        Lang::Ru => matches!(w, "всё" | "все" | "ничто" | "это" | "что"),
        Lang::Uk => matches!(w, "усе" | "все" | "ніщо" | "це" | "що"),
        _ => false,
    }
}

/// The first speaker candidate in `[lo, hi)`, left to right.
pub(crate) fn np_first(ctx: &Ctx<'_>, lo: usize, hi: usize) -> Option<(Spk, usize)> {
    let mut i = lo;
    while i < hi {
        if let Some((spk, first, end)) = candidate_at(ctx, i, lo, hi)
            && !prep_before(ctx, first, lo)
        {
            return Some((spk, end));
        }
        i += 1;
    }
    None
}

/// The speaker after a cue, within `max` tokens: (speaker, end token).
/// Prepositional phrases (`w rozmowie z "SE"`) are skipped; when only such
/// candidates exist, the first is taken.
pub(crate) fn np_after(ctx: &Ctx<'_>, lo: usize, hi: usize, max: usize) -> Option<(Spk, usize)> {
    np_after_opt(ctx, lo, hi, max, true)
}

/// As [`np_after`]; without `fallback`, prepositional candidates are never taken.
pub(crate) fn np_after_opt(
    ctx: &Ctx<'_>,
    lo: usize,
    hi: usize,
    max: usize,
    fallback_ok: bool,
) -> Option<(Spk, usize)> {
    let stop = (lo + max).min(hi);
    let mut i = lo;
    let mut fallback = None;
    while i < stop {
        let w = ctx.w(i);
        if words::is_complementizer(ctx.lang, w)
            || ctx.is_punct(i, &[";", ":", ".", "!", "?"])
            || (ctx.is_quote_mark(i)
                && ctx.toks[i].kind == TokenKind::Punct
                && i > lo
                && !ctx.is_cap(i + 1))
        {
            break;
        }
        if let Some((spk, first, end)) = candidate_at(ctx, i, lo, hi) {
            if prep_before(ctx, first, lo.saturating_sub(1)) {
                if fallback.is_none() && fallback_ok {
                    fallback = Some((spk, end));
                }
                i += 1;
                continue;
            }
            if let Spk::Role(_, RoleKind::Person) = spk
                && let Some((n, _, e)) = apposed_name(ctx, end, hi)
            {
                return Some((n, e));
            }
            return Some((spk, end));
        }
        i += 1;
    }
    fallback
}

/// Gender of a person actor guessed from its display name and written forms
/// (`Any` when unsure).
fn actor_gender(ctx: &Ctx<'_>, ai: usize) -> Agreement {
    let a = &ctx.actors[ai];
    if a.kind != ActorType::Person {
        return Agreement::Any;
    }
    let first = a
        .name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    const MALE_A: &[&str] = &[
        "nikita", "ilya", "kuzma", "luca", "joshua", "sasha", "foma", "mykola",
    ];
    if first.len() > 2 && first.ends_with('a') && !MALE_A.contains(&first.as_str()) {
        return Agreement::Fem;
    }
    if let Some(m) = a.mentions.first() {
        let t = m.span.slice(ctx.text).to_lowercase();
        let last = t.split_whitespace().last().unwrap_or("");
        if [
            "ska", "cka", "dzka", "ова", "ева", "ёва", "ина", "ская", "цька", "ська",
        ]
        .iter()
        .any(|e| last.ends_with(e))
        {
            return Agreement::Fem;
        }
    }
    Agreement::Masc
}

struct Resolver<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// (start byte, end byte, actor) of every mention, sorted by start.
    mentions: Vec<(usize, usize, usize)>,
    /// Guessed gender per actor (computed once per document).
    genders: Vec<Agreement>,
}

impl Resolver<'_, '_> {
    /// Can actor `ai` be the subject of a form agreeing as `g`?
    fn compatible(&self, ai: usize, g: Agreement) -> bool {
        let kind = self.ctx.actors[ai].kind;
        match g {
            Agreement::Masc | Agreement::Fem => {
                kind == ActorType::Person && {
                    let ag = self.genders[ai];
                    ag == Agreement::Any || ag == g
                }
            }
            Agreement::Neut | Agreement::Plural => kind != ActorType::Person,
            Agreement::Any => true,
        }
    }

    fn actor_in(&self, sp: Span, want: Option<ActorType>) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.0 < sp.start());
        let mut best = None;
        for &(s, e, ai) in &self.mentions[k..] {
            if s >= sp.end() {
                break;
            }
            if e <= sp.end() {
                let kind = self.ctx.actors[ai].kind;
                match want {
                    Some(w) if w == kind => return Some(ai),
                    Some(_) => {
                        if best.is_none() {
                            best = Some(ai);
                        }
                    }
                    None => best = Some(ai),
                }
            }
        }
        // A mention overlapping the span's start (the span inside a mention).
        if best.is_none() && k > 0 {
            let (_, e, ai) = self.mentions[k - 1];
            if e > sp.start() {
                return Some(ai);
            }
        }
        best
    }

    fn next(&self, after: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.0 < after);
        self.mentions[k..]
            .iter()
            .take(30)
            .find(|m| ok(m.2))
            .map(|m| m.2)
    }

    /// A compatible actor named in this or the previous sentence, before the
    /// cue and outside quotations and earlier claims' contents (`Co na to gen.
    /// Hermaszewski? - … - uciął.`).
    fn near_subject(
        &self,
        ctx: &Ctx<'_>,
        drafts: &[Draft],
        anchor: usize,
        content_start: usize,
        g: Agreement,
    ) -> Option<usize> {
        let t = ctx
            .tok_at_or_after(anchor.min(content_start))
            .min(ctx.toks.len().saturating_sub(1));
        let si = ctx.get_sent_of(t)?;
        let from = ctx.sents[si.saturating_sub(1)].span.start();
        let k = self.mentions.partition_point(|m| m.0 < anchor);
        let at = drafts.partition_point(|o| o.anchor < anchor);
        let near = &drafts[at.saturating_sub(12)..(at + 12).min(drafts.len())];
        self.mentions[..k]
            .iter()
            .rev()
            .take(40)
            .take_while(|m| m.0 >= from)
            .filter(|m| {
                let mt = ctx.tok_at_or_after(m.0);
                // Objects of prepositions (`Zapytany o Hermaszewskiego`) are not subjects.
                !prep_before(ctx, mt, mt.saturating_sub(3))
                    && ctx.quote_of(mt).is_none()
                    && !near
                        .iter()
                        .any(|o| o.content.start() <= m.0 && m.1 <= o.content.end())
            })
            .find(|m| self.compatible(m.2, g))
            .map(|m| m.2)
    }

    fn recent(&self, before: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let k = self.mentions.partition_point(|m| m.0 < before);
        self.mentions[..k]
            .iter()
            .rev()
            .take(200)
            .find(|m| ok(m.2))
            .map(|m| m.2)
    }
}

/// Resolves the speakers of the drafts and builds the claims.
pub(crate) fn resolve(ctx: &Ctx<'_>, drafts: Vec<Draft>) -> Vec<Claim> {
    // No claims: skip sorting every mention of the document.
    if drafts.is_empty() {
        return Vec::new();
    }
    let mut mentions: Vec<(usize, usize, usize)> = ctx
        .actors
        .iter()
        .enumerate()
        .flat_map(|(ai, a)| {
            a.mentions
                .iter()
                .map(move |m| (m.span.start(), m.span.end(), ai))
        })
        .collect();
    mentions.sort_unstable();
    let genders = (0..ctx.actors.len())
        .map(|ai| actor_gender(ctx, ai))
        .collect();
    let r = Resolver {
        ctx,
        mentions,
        genders,
    };
    let mut resolved: FastMap<usize, (Option<Span>, Option<usize>)> =
        crate::fasthash::with_capacity(drafts.len());
    let mut last_actor: Option<(usize, usize)> = None; // (actor, anchor)
    let mut out = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let prev_ok = |g: Agreement| {
            last_actor
                .filter(|&(ai, at)| r.compatible(ai, g) && d.anchor.saturating_sub(at) < 1500)
                .map(|(ai, _)| ai)
        };
        let (span, actor) = match &d.spk {
            Spk::Span(sp) => (Some(*sp), r.actor_in(*sp, Some(ActorType::Person))),
            Spk::Pronoun(sp, g) => (
                Some(*sp),
                prev_ok(*g).or_else(|| r.recent(sp.start(), |ai| r.compatible(ai, *g))),
            ),
            Spk::Role(sp, RoleKind::Person) => (
                Some(*sp),
                r.actor_in(*sp, Some(ActorType::Person))
                    .filter(|&ai| ctx.actors[ai].kind == ActorType::Person)
                    .or_else(|| prev_ok(Agreement::Masc).or_else(|| prev_ok(Agreement::Fem)))
                    .or_else(|| {
                        r.recent(sp.start(), |ai| ctx.actors[ai].kind == ActorType::Person)
                    }),
            ),
            Spk::Role(sp, RoleKind::Org) => (
                Some(*sp),
                r.actor_in(*sp, Some(ActorType::Org))
                    .or_else(|| r.recent(sp.start(), |ai| ctx.actors[ai].kind == ActorType::Org)),
            ),
            Spk::Dropped(g) => {
                // A cue inside another claim's reported clause continues its
                // subject (`Think tank przypomina, że już wcześniej wskazywał, iż …`).
                let at = drafts.partition_point(|o| o.anchor < d.anchor);
                let outer = drafts[at.saturating_sub(12)..at]
                    .iter()
                    .filter(|o| {
                        o.id != d.id
                            && o.kind != ClaimKind::Direct
                            && o.content.start() <= d.anchor
                            && d.anchor < o.content.end()
                    })
                    .find_map(|o| resolved.get(&o.id).and_then(|x| x.1));
                let near = r.near_subject(ctx, &drafts, d.anchor, d.content.start(), *g);
                (
                    None,
                    outer
                        .or(near)
                        .or_else(|| prev_ok(*g))
                        .or_else(|| r.recent(d.anchor, |ai| r.compatible(ai, *g))),
                )
            }
            Spk::Author => (
                None,
                last_actor
                    .map(|(ai, _)| ai)
                    .filter(|&ai| ctx.actors[ai].kind == ActorType::Org)
                    .or_else(|| r.recent(d.anchor, |ai| ctx.actors[ai].kind == ActorType::Org))
                    .or_else(|| r.next(d.anchor, |ai| ctx.actors[ai].kind == ActorType::Org)),
            ),
            Spk::Previous => (None, last_actor.map(|(ai, _)| ai)),
            Spk::SameAs(k) => resolved.get(k).copied().unwrap_or((None, None)),
        };
        resolved.insert(d.id, (span, actor));
        if let Some(ai) = actor {
            last_actor = Some((ai, d.anchor));
        }
        let speaker = if span.is_none() && actor.is_none() {
            None
        } else {
            Some(Speaker {
                span,
                actor: actor.map(|ai| ctx.actors[ai].id.clone()),
            })
        };
        let mut about: Vec<String> = Vec::new();
        let k = r.mentions.partition_point(|m| m.0 < d.content.start());
        for &(s, e, ai) in &r.mentions[k..] {
            if s >= d.content.end() {
                break;
            }
            if e <= d.content.end() {
                let id = &ctx.actors[ai].id;
                if !about.contains(id) {
                    about.push(id.clone());
                }
            }
        }
        out.push(Claim {
            speaker,
            cue: d.cue,
            content: d.content,
            kind: d.kind,
            rule: d.rule.to_string(),
            about,
        });
    }
    out.sort_by_key(|c| (c.content.start, c.content.end));
    out
}
