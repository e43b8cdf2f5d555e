//! Attribution patterns: from cues and quotations to draft claims.
//!
//! Each rule looks at a bounded window of tokens around a cue or a quotation,
//! so the whole pass is linear in the length of the document.

use crate::model::ClaimKind;
use crate::span::Span;

use super::Ctx;
use super::lexicon::{Agreement, CueHit, CueRole};
use super::quotes::Quote;
use super::speaker::{Spk, is_non_speaker, np_after, np_after_opt, np_before, np_first};
use super::words;

/// How far (in tokens) a complementizer may follow its cue (`said in a statement that`).
const MAX_CUE_GAP: usize = 8;
/// How far (in tokens) a dash quotation may run before its attribution.
const MAX_DASH_QUOTE_TOKENS: usize = 400;

/// A claim before its speaker is resolved to an actor.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub spk: Spk,
    pub cue: Option<Span>,
    pub content: Span,
    pub kind: ClaimKind,
    pub rule: &'static str,
    /// Byte position used to order resolution (the cue, or the content start).
    pub anchor: usize,
    /// Order of creation (for [`Spk::SameAs`]).
    pub id: usize,
}

/// Dash-introduced quotations: a sentence opening with a dash whose quotation
/// runs (possibly over several sentences of the paragraph) to a dash followed
/// by a reporting verb: `- Wszystko wskazuje … - powiedział wiceszef MSZ.`
pub(crate) fn dash_quotes(ctx: &Ctx<'_>, marks: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    let top: Vec<&Quote> = marks.iter().filter(|q| q.depth == 0).collect();
    let inside_mark = |b: usize| {
        let k = top.partition_point(|q| q.open.start() < b);
        k > 0 && b < top[k - 1].close.end()
    };
    let mut si = 0;
    while si < ctx.sents.len() {
        let (a, _) = ctx.sent_range(si);
        if !ctx.is_dash(a) || a + 1 >= ctx.toks.len() || inside_mark(ctx.toks[a].span.start()) {
            si += 1;
            continue;
        }
        let mut found = None;
        let mut k = a + 1;
        let stop = (a + MAX_DASH_QUOTE_TOKENS).min(ctx.toks.len());
        while k < stop {
            let ks = ctx.sent_of(k);
            if ks != si && ctx.sents[ks].paragraph_start && ctx.sent_range(ks).0 == k {
                break;
            }
            if ctx.is_dash(k)
                && ctx.toks[k - 1].span.end() < ctx.toks[k].span.start()
                && ctx.hit(k + 1).is_some_and(|h| {
                    h.start == k + 1
                        && matches!(
                            ctx.lex.cue(h.cue).role,
                            CueRole::Verb | CueRole::Impersonal | CueRole::Participle
                        )
                })
            {
                found = Some(k);
                break;
            }
            k += 1;
        }
        if let Some(k) = found {
            out.push(Quote {
                open: ctx.toks[a].span,
                close: ctx.toks[k].span,
                depth: 0,
            });
            si = ctx.sent_of(k) + 1;
        } else {
            si += 1;
        }
    }
    out
}

struct Finder<'c, 'a> {
    ctx: &'c Ctx<'a>,
    drafts: Vec<Draft>,
    used: Vec<bool>,
    quote_claimed: Vec<bool>,
    /// Unattributed top-level quotations, for the continuation rule.
    pending: Vec<usize>,
    /// Smallest anchor of the drafts so far.
    min_anchor: usize,
    /// Sorted content starts of the drafts (filled before the headline rule).
    starts: Vec<usize>,
    /// Token index of the cue of each draft (for secondary cues).
    draft_cue_tok: Vec<Option<usize>>,
}

/// Runs every rule over the document.
pub(crate) fn find(ctx: &Ctx<'_>) -> Vec<Draft> {
    let mut f = Finder {
        ctx,
        drafts: Vec::new(),
        used: vec![false; ctx.hits.len()],
        quote_claimed: vec![false; ctx.quotes.len()],
        pending: Vec::new(),
        min_anchor: usize::MAX,
        starts: Vec::new(),
        draft_cue_tok: Vec::new(),
    };
    for qi in 0..ctx.quotes.len() {
        if ctx.quotes[qi].depth == 0 && !f.quote_claimed[qi] {
            f.quote_rule(qi);
        }
    }
    for hi in 0..ctx.hits.len() {
        if !f.used[hi] {
            f.cue_rule(hi);
        }
    }
    for qi in std::mem::take(&mut f.pending) {
        f.continuation_rule(qi);
    }
    f.starts = f.drafts.iter().map(|d| d.content.start()).collect();
    f.starts.sort_unstable();
    for si in 0..ctx.sents.len() {
        f.headline_rule(si);
    }
    let mut drafts = f.drafts;
    drafts.retain(|d| d.content.len() > 1);
    drafts.sort_by_key(|d| (d.anchor, d.content.start));
    drafts.dedup_by(|b, a| a.content == b.content && a.cue == b.cue && a.spk == b.spk);
    drafts
}

impl Finder<'_, '_> {
    fn push(&mut self, mut d: Draft, cue_tok: Option<usize>) {
        d.id = self.drafts.len();
        self.min_anchor = self.min_anchor.min(d.anchor);
        self.drafts.push(d);
        self.draft_cue_tok.push(cue_tok);
    }

    /// Records a claim anchored at its cue `cue`, whose first token is `cue_tok`.
    fn push_at_cue(
        &mut self,
        spk: Spk,
        cue: Span,
        content: Span,
        kind: ClaimKind,
        rule: &'static str,
        cue_tok: usize,
    ) {
        self.push(
            Draft {
                spk,
                cue: Some(cue),
                content,
                kind,
                rule,
                anchor: cue.start(),
                id: 0,
            },
            Some(cue_tok),
        );
    }

    fn boilerplate(&self, tok: usize) -> bool {
        self.ctx
            .get_sent_of(tok)
            .is_some_and(|s| self.ctx.sents[s].boilerplate)
    }

    fn mark_hit(&mut self, h: CueHit) {
        if let Some(k) = self.ctx.hit_index(h.start) {
            self.used[k] = true;
        }
    }

    /// The cue span, extended over the report noun of impersonal wording
    /// (`czytamy w` + `analizie`, `зазначається в` + `доповіді`).
    fn cue_span(&self, h: CueHit) -> (Span, usize) {
        let ctx = self.ctx;
        let c = ctx.lex.cue(h.cue);
        let mut end = h.end;
        if c.role == CueRole::Impersonal {
            let last = ctx.w(end - 1);
            if words::is_preposition(ctx.lang, last) && ctx.is_word(end) {
                end += 1;
            } else if words::is_preposition(ctx.lang, ctx.w(end))
                && ctx.is_word(end + 1)
                && !ctx.is_cap(end + 1)
            {
                end += 2;
            }
        }
        (ctx.span(h.start, end), end)
    }

    /// Trimmed direct-quote content: no surrounding space, no trailing comma or dash.
    fn quote_content(&self, inner: Span) -> Span {
        let t = inner.slice(self.ctx.text);
        let lead = t.len() - t.trim_start().len();
        let mut s = t.trim();
        loop {
            let n = s
                .trim_end_matches([',', ';', ':', '-', '–', '—'])
                .trim_end();
            if n.len() == s.len() {
                break;
            }
            s = n;
        }
        Span::new(inner.start() + lead, inner.start() + lead + s.len())
    }

    fn quote_rule(&mut self, qi: usize) {
        let ctx = self.ctx;
        let q = ctx.quotes[qi];
        let o = ctx.tok_at_or_after(q.open.start());
        let c = ctx.tok_at_or_after(q.close.start());
        if o >= ctx.toks.len() || c >= ctx.toks.len() || self.boilerplate(o) {
            return;
        }
        let content = self.quote_content(q.inner());
        if content.is_empty() {
            return;
        }
        let inner_txt = content.slice(ctx.text);
        let ends_sentence = inner_txt.ends_with(['.', '!', '?', '…']);
        // 1. Attribution after the closing mark.
        let mut j = c + 1;
        let mut skipped = 0;
        while j < ctx.toks.len() && skipped < 3 && (ctx.is_punct(j, &[","]) || ctx.is_dash(j)) {
            j += 1;
            skipped += 1;
        }
        let new_sentence = ends_sentence && skipped == 0 && ctx.is_cap(j);
        // A quotation inside a clause (`If that happens, "it will …," he said`):
        // the attributed content is the whole clause, a mixed claim.
        let (osa, _) = ctx.sent_range(ctx.sent_of(o));
        let lead_words = !ctx.is_dash(o) && (osa..o).any(|k| ctx.is_word(k));
        let (after_content, after_kind) = if lead_words {
            (
                Span::new(ctx.toks[osa].span.start(), q.close.end()),
                ClaimKind::Mixed,
            )
        } else {
            (content, ClaimKind::Direct)
        };
        if j < ctx.toks.len() && !ctx.is_punct(j, &[".", "!", "?", ":", ";"]) {
            let si = ctx.sent_of(j);
            let (_, sb) = ctx.sent_range(si);
            let lim = sb.max(j + 1).min(ctx.toks.len());
            // cue first
            let introduces = |h: CueHit| {
                let mut m = h.end;
                if ctx.is_punct(m, &[","]) {
                    m += 1;
                }
                words::is_complementizer(ctx.lang, ctx.w(m)) || ctx.is_punct(h.end, &[":"])
            };
            if let Some(h) = ctx.hit(j).filter(|h| h.start == j && !introduces(*h))
                && matches!(
                    ctx.lex.cue(h.cue).role,
                    CueRole::Verb | CueRole::Participle | CueRole::Impersonal
                )
                && !(new_sentence && ctx.is_cap(j))
            {
                let role = ctx.lex.cue(h.cue).role;
                let (cue, cue_end) = self.cue_span(h);
                let spk = match np_after(ctx, cue_end, lim, 14) {
                    Some((s, _)) => s,
                    None if role == CueRole::Impersonal => Spk::Author,
                    None => Spk::Dropped(ctx.lex.cue(h.cue).agreement),
                };
                let relay = ctx.lex.cue(h.cue).class == "cite";
                let rule = if ctx.is_dash(c) && q.open.len() == q.close.len() && ctx.is_dash(o) {
                    "dash_quote_cue_speaker"
                } else {
                    "quote_cue_speaker"
                };
                self.mark_hit(h);
                self.quote_claimed[qi] = true;
                let after = spk_end(ctx, &spk).unwrap_or(cue_end);
                self.push(
                    Draft {
                        spk: spk.clone(),
                        cue: Some(cue),
                        content: after_content,
                        kind: after_kind,
                        rule,
                        anchor: cue.start(),
                        id: 0,
                    },
                    Some(h.start),
                );
                if relay
                    && let Some(e) = spk_end(ctx, &spk)
                    && let Some((s2, _)) = np_after(ctx, e, lim, 4)
                {
                    self.push(
                        Draft {
                            spk: s2,
                            cue: Some(cue),
                            content,
                            kind: ClaimKind::Direct,
                            rule: "quote_relayed",
                            anchor: cue.start() + 1,
                            id: 0,
                        },
                        Some(h.start),
                    );
                }
                self.split_quote(qi, after, &spk, cue, h.start);
                return;
            }
            // speaker first: `," he said`, `" Engoron said`
            if !new_sentence {
                let stop = (j + 7).min(lim);
                let mut k = j;
                while k < stop {
                    if let Some(h) = ctx.hit(k) {
                        if h.start > j
                            && !introduces(h)
                            && matches!(ctx.lex.cue(h.cue).role, CueRole::Verb)
                            && let Some((spk, _)) = np_before(ctx, j, h.start)
                        {
                            let cue = ctx.span(h.start, h.end);
                            self.mark_hit(h);
                            self.quote_claimed[qi] = true;
                            self.push(
                                Draft {
                                    spk: spk.clone(),
                                    cue: Some(cue),
                                    content: after_content,
                                    kind: after_kind,
                                    rule: "quote_speaker_cue",
                                    anchor: cue.start(),
                                    id: 0,
                                },
                                Some(h.start),
                            );
                            self.split_quote(
                                qi,
                                ctx.toks[h.end - 1].span.end(),
                                &spk,
                                cue,
                                h.start,
                            );
                            return;
                        }
                        break;
                    }
                    if ctx.toks[k].kind != crate::model::TokenKind::Word
                        && !ctx.is_punct(k, &["'", "’", "."])
                    {
                        break;
                    }
                    k += 1;
                }
            }
        }
        // 2. Attribution before the opening mark: `X said: "…"`, `Trump: "…"`.
        if o > 0 && ctx.is_punct(o - 1, &[":"]) {
            let si = ctx.sent_of(o - 1);
            let (sa, _) = ctx.sent_range(si);
            let colon = o - 1;
            let lo = colon.saturating_sub(6).max(sa);
            let mut k = colon;
            while k > lo {
                k -= 1;
                if let Some(h) = ctx.hit(k).filter(|h| h.end <= colon) {
                    let role = ctx.lex.cue(h.cue).role;
                    if matches!(
                        role,
                        CueRole::Verb | CueRole::Participle | CueRole::Impersonal | CueRole::Noun
                    ) {
                        let spk = self.subject_for(h, sa);
                        let cue = ctx.span(h.start, h.end);
                        self.mark_hit(h);
                        self.quote_claimed[qi] = true;
                        self.push(
                            Draft {
                                spk,
                                cue: Some(cue),
                                content,
                                kind: ClaimKind::Direct,
                                rule: "cue_colon_quote",
                                anchor: cue.start(),
                                id: 0,
                            },
                            Some(h.start),
                        );
                        return;
                    }
                }
            }
            if colon - sa <= 6
                && let Some((spk, _)) = np_first(ctx, sa, colon)
            {
                self.quote_claimed[qi] = true;
                self.push(
                    Draft {
                        spk,
                        cue: None,
                        content,
                        kind: ClaimKind::Direct,
                        rule: "headline_colon_quote",
                        anchor: q.open.start(),
                        id: 0,
                    },
                    None,
                );
                return;
            }
        }
        // 3. A quotation making up whole paragraphs continues the previous speaker.
        self.pending.push(qi);
    }

    /// A quotation making up whole paragraphs, without attribution, continues
    /// the previous claim's speaker (run after the cue rules).
    fn continuation_rule(&mut self, qi: usize) {
        let ctx = self.ctx;
        let q = ctx.quotes[qi];
        let o = ctx.tok_at_or_after(q.open.start());
        let content = self.quote_content(q.inner());
        let inner_txt = content.slice(ctx.text);
        let para_open = line_starts_at(ctx.text, q.open.start());
        let para_close = line_ends_at(ctx.text, q.close.end());
        let words_n = inner_txt.split_whitespace().count();
        let earlier = self.min_anchor < q.open.start();
        if para_open && para_close && words_n >= 6 && o > 0 && earlier {
            self.quote_claimed[qi] = true;
            self.push(
                Draft {
                    spk: Spk::Previous,
                    cue: None,
                    content,
                    kind: ClaimKind::Direct,
                    rule: "quote_paragraph_continuation",
                    anchor: q.open.start(),
                    id: 0,
                },
                None,
            );
        }
    }

    /// `"A," he said, "B."`: the second part of a split quote.
    fn split_quote(&mut self, qi: usize, after: usize, spk: &Spk, cue: Span, cue_tok: usize) {
        let ctx = self.ctx;
        let Some(next) = ctx
            .quotes
            .get(qi + 1..)
            .and_then(|r| r.iter().position(|q| q.depth == 0).map(|p| qi + 1 + p))
        else {
            return;
        };
        let q2 = ctx.quotes[next];
        let gap = ctx.text.get(after..q2.open.start()).unwrap_or("x");
        // Length first: the gap to the next quote may be the rest of a long
        // document, and counting its words at every quote was quadratic.
        if gap.len() >= 80 || !gap.trim_start().starts_with([',', ':']) {
            return;
        }
        let gap_words = gap
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if gap_words <= 4 {
            let content = self.quote_content(q2.inner());
            self.quote_claimed[next] = true;
            self.push(
                Draft {
                    spk: spk.clone(),
                    cue: Some(cue),
                    content,
                    kind: ClaimKind::Direct,
                    rule: "split_quote",
                    anchor: q2.open.start(),
                    id: 0,
                },
                Some(cue_tok),
            );
        }
    }

    /// The subject of a cue: the noun phrase before it, the main clause's
    /// speaker for a participle, or a dropped subject.
    fn subject_for(&self, h: CueHit, clause_start: usize) -> Spk {
        let ctx = self.ctx;
        let c = ctx.lex.cue(h.cue);
        if c.role == CueRole::Participle {
            // The speaker of the main verb of this sentence.
            let si = ctx.sent_of(h.start);
            for (di, ct) in self.draft_cue_tok.iter().enumerate().rev().take(16) {
                if let Some(t) = ct
                    && ctx.sent_of(*t) == si
                    && *t < h.start
                {
                    return Spk::SameAs(di);
                }
            }
            // No claim yet from the main verb (`X warned against …, adding that`):
            // the subject of the nearest finite verb before the participle.
            let (sa, _) = ctx.sent_range(si);
            let mut k = h.start;
            while k > sa.max(clause_start) {
                k -= 1;
                if let Some(m) = ctx.hit(k)
                    && m.start == k
                    && ctx.lex.cue(m.cue).role == CueRole::Verb
                    && let Some((s, _)) = np_before(ctx, clause_start, m.start)
                {
                    return s;
                }
            }
        }
        if let Some((s, _)) = np_before(ctx, clause_start, h.start) {
            return s;
        }
        if c.role == CueRole::Impersonal {
            return Spk::Author;
        }
        Spk::Dropped(c.agreement)
    }

    /// The clause start for a cue at `i`: the sentence start, or the token after
    /// the opening mark of the quotation the cue is in.
    fn clause_bounds(&self, i: usize) -> (usize, usize) {
        let ctx = self.ctx;
        let si = ctx.sent_of(i);
        let (mut sa, mut sb) = ctx.sent_range(si);
        if let Some(qi) = ctx.quote_of(i) {
            let q = ctx.quotes[qi];
            let qo = ctx.tok_at_or_after(q.open.end());
            let qc = ctx.tok_at_or_after(q.close.start());
            sa = sa.max(qo);
            sb = sb.min(qc);
        }
        (sa, sb.max(i + 1).min(ctx.toks.len()))
    }

    /// Where indirect content starting at `a` ends (exclusive), before `lim`.
    fn content_end(&self, a: usize, lim: usize) -> usize {
        let ctx = self.ctx;
        let mut k = a;
        while k < lim {
            if let Some(h) = ctx.hit(k)
                && h.start == k
                && k > a
                && ctx.lex.cue(h.cue).role == CueRole::Participle
                && (h.end..(h.end + 3).min(lim)).any(|m| {
                    words::is_complementizer(ctx.lang, ctx.w(m)) || ctx.is_punct(m, &[":"])
                })
            {
                return k;
            }
            if ctx.is_punct(k, &[","]) && words::is_clause_coordinator(ctx.w(k + 1)) {
                // `, while X said that` / `, podczas gdy Putin stwierdził, że`
                let stop = (k + 7).min(lim);
                let mut m = k + 2;
                while m < stop {
                    if let Some(h) = ctx.hit(m)
                        && ctx.lex.cue(h.cue).role == CueRole::Verb
                        && (h.end..(h.end + 3).min(lim))
                            .any(|x| words::is_complementizer(ctx.lang, ctx.w(x)))
                    {
                        return k;
                    }
                    m += 1;
                }
            }
            if ctx.is_punct(k, &[";"]) {
                return k;
            }
            // `(...)`: an omission mark closes the reported clause.
            if ctx.is_punct(k, &["(", "["])
                && (ctx.is_punct(k + 1, &["...", "…"])
                    || (ctx.is_punct(k + 1, &["."]) && ctx.is_punct(k + 2, &["."])))
            {
                return k;
            }
            k += 1;
        }
        lim
    }

    /// Content span of tokens `[a, b)`, trimmed of final punctuation, with its kind.
    fn indirect(&self, a: usize, b: usize) -> Option<(Span, ClaimKind)> {
        let ctx = self.ctx;
        let mut b = b;
        while b > a && (ctx.is_punct(b - 1, &[".", ",", ";", ":"]) || ctx.is_dash(b - 1)) {
            b -= 1;
        }
        if b <= a {
            return None;
        }
        let span = ctx.span(a, b);
        // A quotation making up the whole content: a direct claim.
        let mut kind = ClaimKind::Indirect;
        let first = ctx
            .quotes
            .partition_point(|q| q.open.start() < span.start());
        for q in &ctx.quotes[first..] {
            if q.open.start() >= span.end() {
                break;
            }
            if q.close.end() > span.end() || ctx.is_dash(ctx.tok_at_or_after(q.open.start())) {
                continue;
            }
            if q.open.start() == span.start() && q.close.end() == span.end() && q.depth == 0 {
                return Some((self.quote_content(q.inner()), ClaimKind::Direct));
            }
            if !is_name_quote(q.inner().slice(ctx.text)) {
                kind = ClaimKind::Mixed;
            }
        }
        Some((span, kind))
    }

    fn cue_rule(&mut self, hi: usize) {
        let ctx = self.ctx;
        let h = ctx.hits[hi];
        let cue = ctx.lex.cue(h.cue);
        if cue.role == CueRole::Directive || self.boilerplate(h.start) {
            return;
        }
        let (cs, lim) = self.clause_bounds(h.start);
        // "as X said" / "jak podaje PAP" / "как сообщил"
        let as_word = h.start > cs
            && words::is_as(ctx.lang, ctx.w(h.start - 1))
            && cue.role == CueRole::Verb
            && (h.start - 1 == cs || ctx.is_punct(h.start - 2, &[",", "(", "—", "–", "-"]));
        if cue.role == CueRole::AccordingTo || as_word {
            let pa = if as_word { h.start - 1 } else { h.start };
            self.according_to(h, pa, cs, lim);
            return;
        }
        // Back references: `Об этом заявил X`, `Про це повідомив X`, `Poinformował o tym X`.
        if cue.role == CueRole::Verb && self.back_reference(h, cs, lim) {
            return;
        }
        if h.start > cs && is_non_speaker(ctx.lang, ctx.w(h.start - 1)) {
            return;
        }
        // Cue + complementizer (possibly after an adjunct: `said in a statement that`).
        let gap_end = (h.end + MAX_CUE_GAP).min(lim);
        let mut k = h.end;
        let mut comp = None;
        while k < gap_end {
            if words::is_complementizer(ctx.lang, ctx.w(k)) {
                comp = Some(k);
                break;
            }
            if ctx.is_punct(k, &[".", "!", "?", ":", ";"])
                || ctx.is_quote_mark(k)
                || ctx.hit(k).is_some()
                || ctx.is_dash(k)
                || (ctx.lang == crate::lang::Lang::Pl && ctx.w(k) == "to")
            {
                break;
            }
            k += 1;
        }
        if let Some(k) = comp {
            if matches!(
                cue.role,
                CueRole::Verb | CueRole::Participle | CueRole::Impersonal | CueRole::Noun
            ) {
                let mut a = k + 1;
                if ctx.is_punct(a, &[","]) {
                    a += 1;
                }
                let end = self.content_end(a, lim);
                if let Some((content, kind)) = self.indirect(a, end) {
                    let spk = match cue.role {
                        CueRole::Impersonal => match np_after(ctx, h.end, k, 6) {
                            Some((s, _)) => s,
                            None => Spk::Author,
                        },
                        _ => match self.subject_for(h, cs) {
                            Spk::Dropped(g) => match np_after(ctx, h.end, k, 8) {
                                Some((s, _)) => s,
                                None => Spk::Dropped(g),
                            },
                            s => s,
                        },
                    };
                    let rule = match cue.role {
                        CueRole::Participle => "participle_complementizer",
                        CueRole::Impersonal => "impersonal_complementizer",
                        CueRole::Noun => "noun_complementizer",
                        _ => "cue_complementizer",
                    };
                    let (cspan, _) = self.cue_span(h);
                    self.used[hi] = true;
                    self.push_at_cue(spk, cspan, content, kind, rule, h.start);
                }
            }
            return;
        }
        if !matches!(
            cue.role,
            CueRole::Verb | CueRole::Participle | CueRole::Impersonal
        ) {
            return;
        }
        // Cue + colon + unquoted content: `Putin przyznaje: Sytuacja …`.
        let mut k = h.end;
        while k < (h.end + 3).min(lim)
            && !ctx.is_punct(k, &[":"])
            && ctx.is_word(k)
            && ctx.hit(k).is_none()
        {
            k += 1;
        }
        if ctx.is_punct(k, &[":"]) && k + 1 < lim && !ctx.is_quote_mark(k + 1) {
            let end = self.content_end(k + 1, lim);
            if let Some((content, kind)) = self.indirect(k + 1, end) {
                let kind = if kind == ClaimKind::Indirect {
                    ClaimKind::Direct
                } else {
                    kind
                };
                let spk = self.subject_for(h, cs);
                let cspan = ctx.span(h.start, h.end);
                self.used[hi] = true;
                self.push_at_cue(spk, cspan, content, kind, "cue_colon", h.start);
            }
            return;
        }
        if cue.role == CueRole::Participle {
            return;
        }
        // `назвал X Y`, `accused X of Y`: content runs from the object to the end.
        if cue.role == CueRole::Verb
            && matches!(cue.class.as_str(), "name" | "accuse")
            && ctx.lang != crate::lang::Lang::En
        {
            if self.inverted(hi, h, cs, lim) {
                return;
            }
            let end = self.content_end(h.end, lim);
            if end > h.end + 1
                && let Some((content, kind)) = self.indirect(h.end, end)
            {
                let spk = self.subject_for(h, cs);
                let cspan = ctx.span(h.start, h.end);
                self.used[hi] = true;
                self.push_at_cue(spk, cspan, content, kind, "cue_object_clause", h.start);
            }
            return;
        }
        if self.inverted(hi, h, cs, lim) {
            return;
        }
        // English: a clause right after the verb, without `that`.
        if ctx.lang == crate::lang::Lang::En && cue.role == CueRole::Verb {
            self.bare_clause(hi, h, cs, lim);
        }
    }

    fn bare_clause(&mut self, hi: usize, h: CueHit, cs: usize, lim: usize) {
        let ctx = self.ctx;
        let class = ctx.lex.cue(h.cue).class.as_str();
        if matches!(
            class,
            "accuse" | "name" | "cite" | "reply" | "promise" | "threaten" | "criticize"
        ) {
            return;
        }
        let a = h.end;
        if a >= lim || !ctx.is_word(a) {
            return;
        }
        let w0 = ctx.w(a);
        if !(words::is_en_clause_opener(w0) || ctx.is_cap(a))
            || words::is_preposition(ctx.lang, w0)
            || is_en_adjunct(w0)
            || matches!(
                w0,
                "january"
                    | "february"
                    | "march"
                    | "april"
                    | "may"
                    | "june"
                    | "july"
                    | "august"
                    | "september"
                    | "october"
                    | "november"
                    | "december"
            )
        {
            return;
        }
        let end = self.content_end(a, lim);
        let has_verb = (a + 1..end).any(|k| {
            let w = ctx.w(k);
            words::is_en_aux(w) || (w.len() > 4 && w.ends_with("ed") && !ctx.is_cap(k))
        });
        if !has_verb {
            return;
        }
        let Some((spk, _)) = np_before(ctx, cs, h.start) else {
            return;
        };
        if let Some((content, kind)) = self.indirect(a, end) {
            let cspan = ctx.span(h.start, h.end);
            self.used[hi] = true;
            self.push_at_cue(spk, cspan, content, kind, "cue_bare_clause", h.start);
        }
    }

    /// Inverted attribution: `…, — заявил Песков.`, `…, said X.`, `…, the university said.`,
    /// `…, напомнил Раттке, затем …` (mid-clause: the whole clause).
    fn inverted(&mut self, hi: usize, h: CueHit, cs: usize, lim: usize) -> bool {
        let ctx = self.ctx;
        if h.start <= cs + 1 {
            return false;
        }
        let cue = ctx.lex.cue(h.cue);
        let p = h.start - 1;
        let (cspan, cue_end) = self.cue_span(h);
        // cue first
        if ctx.is_punct(p, &[","]) || ctx.is_dash(p) {
            let mut b = p;
            while b > cs && (ctx.is_punct(b - 1, &[","]) || ctx.is_dash(b - 1)) {
                b -= 1;
            }
            if b <= cs || ctx.is_quote_mark(b - 1) {
                return false;
            }
            let en = ctx.lang == crate::lang::Lang::En;
            let after = np_after(ctx, cue_end, lim, 10)
                .filter(|(s, _)| !en || spk_first(ctx, s).is_some_and(|f| f <= cue_end + 1));
            let (spk, spk_end) = match after {
                Some((s, e)) => (s, e),
                None if cue.role == CueRole::Impersonal => (Spk::Author, cue_end),
                None if !en && ctx.is_punct(cue_end, &["."]) => {
                    (Spk::Dropped(cue.agreement), cue_end)
                }
                None if en => {
                    // `…, Professor Adrian Hill, director of …, said in an interview.`
                    let Some((s, _)) = np_before(ctx, cs, b) else {
                        return false;
                    };
                    let Some(f) = spk_first(ctx, &s) else {
                        return false;
                    };
                    let Some(c) = (cs..f).rev().find(|&k| ctx.is_punct(k, &[","])) else {
                        return false;
                    };
                    b = c;
                    (s, cue_end)
                }
                None => return false,
            };
            if b <= cs {
                return false;
            }
            let mid = self.mid_clause(spk_end, lim);
            let end = if mid { self.content_end(cs, lim) } else { b };
            if let Some((content, kind)) = self.indirect(cs, end) {
                self.used[hi] = true;
                self.push_at_cue(
                    spk,
                    cspan,
                    content,
                    kind,
                    if mid {
                        "inverted_mid_clause"
                    } else {
                        "inverted_cue_speaker"
                    },
                    h.start,
                );
                return true;
            }
            return false;
        }
        // speaker first: `…, the university said.`
        if cue.role != CueRole::Verb {
            return false;
        }
        let lo = h.start.saturating_sub(8).max(cs);
        let Some(comma) = (lo..h.start)
            .rev()
            .find(|&k| ctx.is_punct(k, &[",", "—", "–"]))
        else {
            return false;
        };
        if comma <= cs {
            return false;
        }
        let Some((spk, _)) = np_before(ctx, comma + 1, h.start) else {
            return false;
        };
        // Everything between the comma and the cue must be the noun phrase.
        let np_ok = (comma + 1..h.start).all(|k| {
            let w = ctx.w(k);
            ctx.is_word(k)
                && (ctx.is_cap(k)
                    || words::is_determiner(w)
                    || words::subject_pronoun(ctx.lang, w).is_some()
                    || ctx.role_noun(k).is_some()
                    || matches!(w, "of" | "'s" | "s"))
        });
        if !np_ok || ctx.is_quote_mark(comma - 1) {
            return false;
        }
        // The clause must end after the cue (or go on after a comma); English
        // also allows an adjunct (`said in a statement`, `said on Monday`).
        let n = h.end;
        let ends = n >= lim
            || ctx.is_punct(n, &[".", ",", "!", "?"])
            || (ctx.lang == crate::lang::Lang::En && is_en_adjunct(ctx.w(n)));
        if !ends {
            return false;
        }
        let mid = ctx.is_punct(h.end, &[","]) && self.mid_clause(h.end, lim);
        let end = if mid {
            self.content_end(cs, lim)
        } else {
            comma
        };
        if let Some((content, kind)) = self.indirect(cs, end) {
            self.used[hi] = true;
            self.push_at_cue(
                spk,
                cspan,
                content,
                kind,
                if mid {
                    "inverted_mid_clause"
                } else {
                    "inverted_speaker_cue"
                },
                h.start,
            );
            return true;
        }
        false
    }

    /// After an inverted attribution ending at `e`: does the clause go on
    /// (`, затем …`) rather than end?
    fn mid_clause(&self, e: usize, lim: usize) -> bool {
        let ctx = self.ctx;
        if !ctx.is_punct(e, &[","]) || e + 1 >= lim {
            return false;
        }
        let n = e + 1;
        if ctx.hit(n).is_some() || words::is_complementizer(ctx.lang, ctx.w(n)) {
            return false;
        }
        // The rest must be a clause of a few words, not a trailing apposition.
        (n..lim).filter(|&k| ctx.is_word(k)).count() >= 3 && !ctx.is_cap(n)
    }

    fn back_reference(&mut self, h: CueHit, cs: usize, lim: usize) -> bool {
        let ctx = self.ctx;
        let si = ctx.sent_of(h.start);
        let (sa, _) = ctx.sent_range(si);
        if cs != sa {
            return false;
        }
        let before = (sa..h.start.min(sa + 6))
            .any(|k| h.start <= k + 12 && words::back_reference(ctx.lang, ctx.w(k), ctx.w(k + 1)));
        let after = words::back_reference(ctx.lang, ctx.w(h.end), ctx.w(h.end + 1));
        if !before && !after {
            return false;
        }
        if si == 0 {
            return false;
        }
        // The earlier text: the paragraph so far, or the previous paragraph.
        let mut first = si - 1;
        while first > 0 && !ctx.sents[first].paragraph_start && si - first < 3 {
            first -= 1;
        }
        let (a, _) = ctx.sent_range(first);
        let (_, b) = ctx.sent_range(si - 1);
        let Some((content, kind)) = self.indirect(a, b) else {
            return false;
        };
        let skip = if after { h.end + 2 } else { h.end };
        let spk = match np_after_opt(ctx, skip, lim, 16, false) {
            Some((s, _)) => s,
            None => match np_before(ctx, sa, h.start) {
                Some((s, _)) => s,
                None => Spk::Dropped(ctx.lex.cue(h.cue).agreement),
            },
        };
        let cspan = ctx.span(h.start, h.end);
        self.mark_hit(h);
        self.push_at_cue(spk, cspan, content, kind, "back_reference", h.start);
        true
    }

    fn according_to(&mut self, h: CueHit, pa: usize, cs: usize, lim: usize) {
        let ctx = self.ctx;
        let cue = ctx.lex.cue(h.cue);
        if pa > cs
            && ctx
                .hit(pa - 1)
                .is_some_and(|p| ctx.lex.cue(p.cue).role == CueRole::Verb)
        {
            return;
        }
        let cspan = ctx.span(pa, h.end);
        let (spk, np_end) = if let Some(k) = cue.speaker_in {
            let t = h.start + k;
            let g = words::possessive_pronoun(ctx.w(t)).unwrap_or(Agreement::Any);
            (Spk::Pronoun(ctx.toks[t].span, g), h.end)
        } else {
            match np_after(ctx, h.end, lim, 6) {
                Some((s, e)) => (s, e),
                None if pa != h.start => (Spk::Dropped(cue.agreement), h.end),
                None => {
                    // An unnamed source (`Zdaniem jego obozu`, `по данным экспертов`):
                    // the words up to a near comma, else a genitive phrase.
                    let mut e = h.end;
                    while e < lim && e < h.end + 5 && ctx.is_word(e) {
                        e += 1;
                    }
                    if !ctx.is_punct(e, &[","]) {
                        e = genitive_np_end(ctx, h.end, h.end + 1, lim);
                    }
                    if e <= h.end || !ctx.is_word(h.end) {
                        return;
                    }
                    (Spk::Span(ctx.span(h.end, e)), e)
                }
            }
        };
        let at_start = (cs..pa).all(|k| !ctx.is_word(k) || words::is_clause_coordinator(ctx.w(k)));
        let max_to_comma = if pa != h.start { 14 } else { 9 };
        let comma = (h.end..(h.end + max_to_comma).min(lim)).find(|&k| ctx.is_punct(k, &[","]));
        let (a, b, rule) = if at_start {
            let a = match comma {
                Some(m) if m + 1 < lim && !words::is_complementizer(ctx.lang, ctx.w(m + 1)) => {
                    m + 1
                }
                _ => {
                    if pa != h.start {
                        return;
                    }
                    genitive_np_end(ctx, h.end, np_end, lim)
                }
            };
            (a, self.content_end(a, lim), "according_to_initial")
        } else {
            let goes_on =
                comma.is_some_and(|m| (m + 1..lim).filter(|&k| ctx.is_word(k)).count() >= 2);
            if goes_on {
                (cs, self.content_end(cs, lim), "according_to_medial")
            } else {
                let mut b = pa;
                while b > cs && (ctx.is_punct(b - 1, &[",", "("]) || ctx.is_dash(b - 1)) {
                    b -= 1;
                }
                (cs, b, "according_to_final")
            }
        };
        if a >= b {
            return;
        }
        let Some((content, kind)) = self.indirect(a, b) else {
            return;
        };
        // `according to` keeps its kind whatever quotes the content holds; a
        // content made of one quotation keeps its marks.
        let content = if kind == ClaimKind::Direct {
            let mut e = b;
            while e > a && (ctx.is_punct(e - 1, &[".", ",", ";", ":"]) || ctx.is_dash(e - 1)) {
                e -= 1;
            }
            ctx.span(a, e)
        } else {
            content
        };
        let kind = ClaimKind::AccordingTo;
        self.mark_hit(h);
        self.push_at_cue(spk, cspan, content, kind, rule, h.start);
    }

    fn headline_rule(&mut self, si: usize) {
        let ctx = self.ctx;
        let s = &ctx.sents[si];
        if s.boilerplate {
            return;
        }
        let (sa, sb) = ctx.sent_range(si);
        if sb <= sa + 2 {
            return;
        }
        let line_start = line_starts_at(ctx.text, s.span.start());
        let last = ctx.t(sb - 1);
        let terminal = matches!(last, "." | "!" | "?" | "…");
        let k = self.starts.partition_point(|&x| x <= s.span.start());
        if self.starts.get(k).is_some_and(|&x| x < s.span.end()) {
            return;
        }
        // `Czaputowicz: uważamy, że …`, `Wiceszef MSZ o wygranej Bidena: w sprawach …`
        if let Some(colon) = (sa + 1..(sa + 10).min(sb)).find(|&k| ctx.is_punct(k, &[":"])) {
            if colon + 1 >= sb || ctx.is_quote_mark(colon + 1) {
                return;
            }
            if !line_start && terminal {
                return;
            }
            // `Берлин ответил США по Северному потоку-2: Не ваше дело`
            let pre_cue = (sa..colon).find_map(|k| {
                ctx.hit(k).filter(|h| {
                    h.start == k
                        && ctx.lex.cue(h.cue).role == CueRole::Verb
                        && ctx.hit_index(k).is_some_and(|x| !self.used[x])
                })
            });
            if pre_cue.is_none() && (sa..colon).any(|k| ctx.hit(k).is_some()) {
                return;
            }
            let (spk, cue) = match pre_cue {
                Some(h) => match np_before(ctx, sa, h.start) {
                    Some((s, _)) => (s, Some(ctx.span(h.start, h.end))),
                    None => (
                        Spk::Dropped(ctx.lex.cue(h.cue).agreement),
                        Some(ctx.span(h.start, h.end)),
                    ),
                },
                None => match np_first(ctx, sa, colon) {
                    Some((s, _)) => (s, None),
                    None => return,
                },
            };
            if let Some(h) = pre_cue {
                self.mark_hit(h);
            }
            let end = self.content_end(colon + 1, sb);
            if let Some((content, kind)) = self.indirect(colon + 1, end) {
                let kind = if kind == ClaimKind::Indirect {
                    ClaimKind::Direct
                } else {
                    kind
                };
                let content = if terminal && kind == ClaimKind::Direct {
                    Span::new(content.start(), ctx.toks[sb - 1].span.end())
                } else {
                    content
                };
                self.push(
                    Draft {
                        spk,
                        cue,
                        content,
                        kind,
                        rule: if cue.is_some() {
                            "headline_cue_colon"
                        } else {
                            "headline_colon"
                        },
                        anchor: content.start(),
                        id: 0,
                    },
                    None,
                );
            }
            return;
        }
        // `Peace talks at a dead end - Putin`
        if !terminal && line_start && sb >= sa + 4 {
            let mut k = sb;
            while k > sa && ctx.is_cap(k - 1) && sb - k < 3 {
                k -= 1;
            }
            if k < sb && k > sa + 2 && ctx.is_dash(k - 1) {
                if let Some((content, kind)) = self.indirect(sa, k - 1) {
                    let kind = if kind == ClaimKind::Indirect {
                        ClaimKind::Direct
                    } else {
                        kind
                    };
                    self.push(
                        Draft {
                            spk: Spk::Span(ctx.span(k, sb)),
                            cue: None,
                            content,
                            kind,
                            rule: "headline_dash",
                            anchor: content.start(),
                            id: 0,
                        },
                        None,
                    );
                }
            }
        }
    }
}

/// Where the speaker of a cue ends (token index after it), when it is a span.
fn spk_end(ctx: &Ctx<'_>, s: &Spk) -> Option<usize> {
    let sp = match s {
        Spk::Span(sp) | Spk::Pronoun(sp, _) | Spk::Role(sp, _) => *sp,
        _ => return None,
    };
    Some(ctx.tok_at_or_after(sp.end()))
}

/// True when only spaces separate byte `b` from the start of its line
/// (looking back at most 200 bytes).
fn line_starts_at(text: &str, b: usize) -> bool {
    let bytes = text.as_bytes();
    let lo = b.saturating_sub(200);
    for i in (lo..b).rev() {
        match bytes[i] {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' => {}
            _ => return false,
        }
    }
    lo == 0
}

/// True when only spaces and a period follow byte `b` up to the end of its
/// line (looking ahead at most 200 bytes).
fn line_ends_at(text: &str, b: usize) -> bool {
    let bytes = text.as_bytes();
    let hi = (b + 200).min(bytes.len());
    for &c in &bytes[b..hi] {
        match c {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' | b'.' => {}
            _ => return false,
        }
    }
    hi == bytes.len()
}

/// First token of a speaker span.
fn spk_first(ctx: &Ctx<'_>, s: &Spk) -> Option<usize> {
    match s {
        Spk::Span(sp) | Spk::Pronoun(sp, _) | Spk::Role(sp, _) => {
            Some(ctx.tok_at_or_after(sp.start()))
        }
        _ => None,
    }
}

/// English words opening an adjunct after a final reporting verb.
fn is_en_adjunct(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "during"
            | "last"
            | "yesterday"
            | "today"
            | "earlier"
            | "later"
            | "when"
            | "while"
            | "after"
            | "before"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "this"
            | "late"
            | "recently"
    )
}

/// A quoted name or title, not a scare quote: a few words, capitalized.
fn is_name_quote(inner: &str) -> bool {
    let n = inner.split_whitespace().count();
    n <= 4
        && inner
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !inner.ends_with(['.', '!', '?'])
}

/// The end of a genitive noun phrase after `według`/`zdaniem` when no comma
/// closes it: capitalized words, acronyms, quoted titles and genitive-looking
/// lowercase words (Polish), at most five tokens past the speaker found.
fn genitive_np_end(ctx: &Ctx<'_>, start: usize, np_end: usize, lim: usize) -> usize {
    let mut k = start;
    let stop = (start + 6).min(lim);
    while k < stop {
        let w = ctx.w(k);
        let gen_like = ctx.lang == crate::lang::Lang::Pl
            && [
                "ów", "ych", "ich", "ego", "iej", "ej", "ki", "ii", "ji", "cji", "ców", "nia",
                "twa",
            ]
            .iter()
            .any(|e| w.ends_with(e));
        if ctx.is_cap(k) || ctx.is_quote_mark(k) || gen_like || k < np_end {
            if words::is_preposition(ctx.lang, w) && k >= np_end {
                break;
            }
            k += 1;
        } else {
            break;
        }
    }
    k.max(np_end).min(lim)
}
