//! The sentence splitter: rules over the tokens, in one linear pass.
//!
//! A sentence ends
//! * at a blank line (a paragraph break), always;
//! * at a line break, unless the line runs on: the last token before it is not
//!   sentence-final punctuation and the next line starts with a lowercase word
//!   (and neither line is scraped boilerplate such as "Reklama");
//! * after `.` `!` `?` `…` (and runs of them such as `?!` or `...`), together
//!   with the closing quotes and brackets glued to them (`.”`, `!»`, `.)`),
//!   when whitespace follows and the next word — after any opening quote,
//!   bracket or dialogue dash — does not start with a lowercase letter. So
//!   `„Nie wiem” – powiedział` and `"…" - czytamy w analizie` stay one sentence,
//!   and `20. rocznica` (a Polish ordinal) does not split;
//! * but not after an abbreviation of the language's list that is a title or
//!   a prefix (`Dr.`, `np.`, `ul.`, `ген.`), nor after an initial (`W. Putin`,
//!   `А. Лукашенко`), nor after a list number at the start of a sentence
//!   (`1. Item`). Abbreviations marked `final` in the list (`etc.`, `r.`, `г.`)
//!   end a sentence before a capitalized word.
//!
//! Unclosed quotes cannot derail the splitter: it keeps no quote state.

use crate::lang::Lang;
use crate::model::{Sentence, Token, TokenKind};
use crate::span::Span;
use crate::tokenize::abbrev::{self, AbbrevClass, Abbreviations, Starters};

/// Splits `text` (already tokenized into `tokens`) into sentences.
///
/// Sentences cover the tokens in order, without gaps: the first sentence starts
/// at token 0, each next one where the previous ended, the last one ends at the
/// last token.
///
/// # Examples
/// ```
/// use claimscope::{sentence, tokenize, Lang};
/// let text = "Gen. Nowak przyjechał 20. rocznicę. „Nie wiem” – powiedział. Koniec";
/// let toks = tokenize(text, Lang::Pl);
/// let sents: Vec<&str> = sentence::split(text, &toks, Lang::Pl)
///     .iter()
///     .map(|s| s.span.slice(text))
///     .collect();
/// assert_eq!(sents, ["Gen. Nowak przyjechał 20. rocznicę.",
///                    "„Nie wiem” – powiedział.", "Koniec"]);
/// ```
#[must_use]
pub fn split(text: &str, tokens: &[Token], lang: Lang) -> Vec<Sentence> {
    let splitter = Splitter {
        text,
        tokens,
        abbr: abbrev::for_lang(lang),
        starters: abbrev::starters(lang),
        lowercase_starts: lang == Lang::En,
    };
    splitter.run()
}

struct Splitter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    abbr: &'static Abbreviations,
    starters: &'static Starters,
    /// Sentences may start with a lowercase letter (English web text).
    lowercase_starts: bool,
}

/// Sentence-final punctuation: `.` `!` `?` `…` and runs of them.
fn is_terminal_text(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '…' | '‼' | '⁉' | '⁈' | '。' | '！' | '？' | '؟' | '।'
            )
        })
}

/// Closing quotes and brackets that stay with the sentence they close.
fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "”" | "»"
            | "’"
            | "\""
            | "'"
            | "''"
            | ")"
            | "]"
            | "}"
            | "›"
            | "“"
            | "‘"
            | "’’"
            | "&#39;&#39;"
    )
}

/// Opening quotes, brackets and dashes that may precede the first word of a sentence.
fn is_opener(s: &str) -> bool {
    matches!(
        s,
        "„" | "«"
            | "“"
            | "\""
            | "'"
            | "‘"
            | "‚"
            | "‹"
            | "("
            | "["
            | "{"
            | "-"
            | "–"
            | "—"
            | "--"
            | "¿"
            | "¡"
            | "``"
            | "`"
            | "*"
            | "•"
            | "‹‹"
            | "''"
    ) || is_bullet(s)
}

fn is_bullet(s: &str) -> bool {
    matches!(s, "•" | "⁃" | "◦" | "▪" | "‣" | "●" | "■" | "►")
}

/// The shape of a list marker opening a list item: `1.`, `2)`, `a.`, `3.)`, `•`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ListForm {
    /// 0 bullet, 1 number, 2 letter.
    what: u8,
    /// The marker after the number or letter: `.`, `)` or `.)`.
    dot: bool,
    paren: bool,
}

impl Splitter<'_> {
    fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The bytes between token `i` and the next one (or the end of the text).
    fn gap_after(&self, i: usize) -> &[u8] {
        let start = self.tokens[i].span.end();
        let end = self
            .tokens
            .get(i + 1)
            .map_or(self.text.len(), |t| t.span.start());
        self.text.as_bytes().get(start..end).unwrap_or(&[])
    }

    fn sentence(&self, first: usize, last: usize, paragraph_start: bool) -> Sentence {
        Sentence {
            span: Span::new(
                self.tokens[first].span.start(),
                self.tokens[last].span.end(),
            ),
            first_token: u32::try_from(first).unwrap_or(u32::MAX),
            end_token: u32::try_from(last + 1).unwrap_or(u32::MAX),
            boilerplate: false,
            paragraph_start,
        }
    }

    fn run(&self) -> Vec<Sentence> {
        let n = self.tokens.len();
        let mut out = Vec::with_capacity(n / 12 + 1);
        let mut first = 0usize;
        let mut paragraph_start = true;
        if n == 0 {
            return out;
        }
        let mut list = self.list_form(0);
        let mut quotes = 0u32;
        let mut i = 0usize;
        while i < n {
            // The next item of an inline list starts a sentence: "1) one 2) two".
            if let Some(form) = list {
                if i > first && !self.gap_after(i - 1).is_empty() && self.list_form(i) == Some(form)
                {
                    out.push(self.sentence(first, i - 1, paragraph_start));
                    paragraph_start = false;
                    first = i;
                    quotes = 0;
                }
            }
            quotes = self.quote_depth(quotes, i);
            let mut last = i;
            let mut end_here = false;
            if self.is_terminal(i) {
                let (j, spaced_dots) = self.glue(i);
                for k in i + 1..=j {
                    quotes = self.quote_depth(quotes, k);
                }
                last = j;
                let after_blank_line = paragraph_start && first > 0;
                end_here = self.ends_after(first, i, last, spaced_dots, quotes, after_blank_line);
            }
            let gap = self.gap_after(last);
            let newlines = gap.iter().filter(|&&b| b == b'\n').count();
            let blank_line = newlines >= 2;
            if newlines == 1 && !end_here {
                end_here = !self.line_runs_on(last);
            }
            if last + 1 == n || end_here || blank_line {
                out.push(self.sentence(first, last, paragraph_start));
                paragraph_start = blank_line;
                first = last + 1;
                quotes = 0;
                if first < n {
                    list = self.list_form(first);
                }
            }
            i = last + 1;
        }
        out
    }

    /// Glues to the terminal at `i` the terminal punctuation and closing quotes
    /// that follow it without a space, and a spaced ellipsis (`. . .`). Returns
    /// the last glued token and the number of dots in a spaced ellipsis (0 if none).
    fn glue(&self, i: usize) -> (usize, usize) {
        let n = self.tokens.len();
        let mut j = i;
        let mut spaced = 0;
        while j + 1 < n {
            let gap = self.gap_after(j);
            let next = self.tok(j + 1);
            if gap.is_empty() && (self.is_terminal(j + 1) || is_closer(next)) {
                j += 1;
            } else if gap == b" " && next == "." && self.tok(j).ends_with('.') {
                spaced += 1;
                j += 1;
            } else {
                break;
            }
        }
        let dots = if spaced > 0 { spaced + 1 } else { 0 };
        (j, dots)
    }

    /// Updates the depth of open guillemets / low quotes with token `i`.
    fn quote_depth(&self, depth: u32, i: usize) -> u32 {
        match self.tok(i) {
            "«" | "„" => depth + 1,
            "“" if depth == 0 => 1,
            "»" | "”" | "“" => depth.saturating_sub(1),
            _ => depth,
        }
    }

    /// Is a closing quotation mark ahead of token `last`, in the same paragraph
    /// and not too far? Then a sentence end inside the quotation is not one.
    fn closing_quote_ahead(&self, last: usize) -> bool {
        let from = self.tokens[last].span.end();
        let mut to = (from + 300).min(self.text.len());
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        let window = self.text.get(from..to).unwrap_or("");
        let window = window.split("\n").next().unwrap_or("");
        window.contains(['»', '”', '“'])
    }

    /// Is token `i` sentence-final punctuation (or an abbreviation with its dot)?
    fn is_terminal(&self, i: usize) -> bool {
        let t = self.tokens[i];
        let s = self.tok(i);
        match t.kind {
            TokenKind::Punct => is_terminal_text(s),
            TokenKind::Word => s.len() > 1 && s.ends_with('.'),
            _ => false,
        }
    }

    /// The list marker at token `k`, if it opens a list item.
    fn list_form(&self, k: usize) -> Option<ListForm> {
        let t = self.tok(k);
        if is_bullet(t) {
            return Some(ListForm {
                what: 0,
                dot: false,
                paren: false,
            });
        }
        let mut chars = t.chars();
        let c0 = chars.next()?;
        let what = if t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) {
            1
        } else if c0.is_lowercase() && chars.next().is_none() {
            2
        } else {
            return None;
        };
        let mut m = k + 1;
        let (mut dot, mut paren) = (false, false);
        if self.gap_after(m - 1).is_empty() && self.tokens.get(m).is_some() && self.tok(m) == "." {
            dot = true;
            m += 1;
        }
        if self.gap_after(m - 1).is_empty() && self.tokens.get(m).is_some() && self.tok(m) == ")" {
            paren = true;
            m += 1;
        }
        let spaced = !self.gap_after(m - 1).is_empty();
        ((dot || paren) && spaced && m < self.tokens.len()).then_some(ListForm { what, dot, paren })
    }

    /// Does the sentence that started at token `first` end after the terminal
    /// punctuation at `term` and the closers up to `last`?
    fn ends_after(
        &self,
        first: usize,
        term: usize,
        last: usize,
        spaced_dots: usize,
        quotes: u32,
        after_blank_line: bool,
    ) -> bool {
        let n = self.tokens.len();
        if last + 1 >= n {
            return true;
        }
        let term_text = self.tok(term);
        if self.gap_after(last).is_empty() {
            // "around?I've": a missing space after ? or ! in English web text.
            let next = self.tokens[last + 1];
            return self.lowercase_starts
                && last == term
                && matches!(term_text, "?" | "!")
                && next.kind == TokenKind::Word
                && next.text(self.text).starts_with(char::is_uppercase);
        }
        // An omission mark: "[...]", "(…)", or a spaced ". . ." of three dots.
        if term > first
            && matches!(self.tok(term - 1), "[" | "(")
            && self.gap_after(term - 1).is_empty()
        {
            return false;
        }
        if spaced_dots == 3 {
            return false;
        }
        // Dialogue inside a quotation: «Что? – спросила мама. – Завтра…».
        if quotes > 0
            && matches!(self.tok(last + 1), "-" | "–" | "—")
            && self.closing_quote_ahead(last)
        {
            return false;
        }
        // The first word of what follows, after opening quotes, brackets and dashes.
        let mut k = last + 1;
        while k < n && self.tokens[k].kind == TokenKind::Punct && is_opener(self.tok(k)) {
            k += 1;
        }
        let Some(next) = self.tokens.get(k) else {
            return true;
        };
        let next_text = next.text(self.text);
        let next_first = next_text.chars().next().unwrap_or(' ');
        let dot = term_text == "." || (term_text.len() > 1 && !is_terminal_text(term_text));
        if next_first.is_lowercase() {
            // A lowercase word goes on with the sentence ("20. rocznica",
            // "„…” – powiedział"), except in English web text, where sentences
            // often start in lowercase: there only a quote, a dash, an ellipsis
            // or an abbreviation keeps the sentence going.
            if !self.lowercase_starts
                || term_text.starts_with('!')
                || last > term
                || k > last + 1
                || term_text.contains('…')
                || term_text.contains("..")
            {
                return false;
            }
        }
        if !dot {
            return true;
        }
        // The word the dot belongs to.
        let (word, word_start) = if self.tokens[term].kind == TokenKind::Word {
            (term_text.strip_suffix('.').unwrap_or(term_text), term)
        } else if term > first && self.gap_after(term - 1).is_empty() {
            (self.tok(term - 1), term - 1)
        } else {
            return true;
        };
        let starter = self.starters.contains(next_text);
        if next_first.is_lowercase() {
            // English: "." + lowercase ends the sentence unless the word is an
            // abbreviation, a single letter or a number.
            let single = word.chars().nth(1).is_none();
            return self.abbr.lookup(word).is_none()
                && !single
                && !word.bytes().all(|b| b.is_ascii_digit())
                && !word.contains('.');
        }
        // Initials: "W. Putin", "А. Лукашенко", "Л.Н. Толстой" (but "… and I. Did").
        let initials = word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
        if initials && self.abbr.lookup(word).is_none() {
            return !next_first.is_uppercase() || starter;
        }
        match self.abbr.lookup(word) {
            Some(AbbrevClass::Title) => return false,
            // "etc.", "r.", "г.", "U.S.": a sentence end when a typical sentence
            // opener follows ("w 2005 r. W czerwcu"), not before a name
            // ("w 2005 r. Polska", "the U.S. Government").
            Some(AbbrevClass::Final) => {
                let title_next = next_text
                    .strip_suffix('.')
                    .is_some_and(|w| self.abbr.lookup(w) == Some(AbbrevClass::Title));
                return next_first.is_alphabetic() && (starter || title_next);
            }
            None => {}
        }
        // A list number or letter opening the sentence: "1. Item", "• 9. Item".
        // After a blank line, a numbered paragraph's number is a unit of its
        // own (as Universal Dependencies annotates "1." in legal texts);
        // inline and at the start of the text it stays with its item.
        let single_letter = word.chars().nth(1).is_none();
        if word.len() <= 3
            && (word.bytes().all(|b| b.is_ascii_digit()) || single_letter)
            && (first..word_start).all(|x| is_bullet(self.tok(x)))
        {
            return after_blank_line && word_start == first && term == first + 1;
        }
        true
    }

    /// At a single line break after token `last`: does the sentence go on
    /// on the next line? Only when `last` is not sentence-final, the next line
    /// starts with a lowercase word, and neither line is boilerplate.
    fn line_runs_on(&self, last: usize) -> bool {
        let Some(next) = self.tokens.get(last + 1) else {
            return false;
        };
        let s = self.tok(last);
        if is_terminal_text(s) || s == ":" {
            return false;
        }
        let first = next.text(self.text).chars().next().unwrap_or(' ');
        if !first.is_lowercase() {
            return false;
        }
        let this_line = line_around(self.text, self.tokens[last].span.start());
        let next_line = line_around(self.text, next.span.start());
        !(crate::text::is_boilerplate_line(this_line)
            || crate::text::is_boilerplate_line(next_line))
    }
}

/// The line of `text` containing byte `at`, without its line break.
fn line_around(text: &str, at: usize) -> &str {
    let b = text.as_bytes();
    let at = at.min(b.len());
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |p| p + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |p| at + p);
    text.get(start..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sents(text: &str, lang: Lang) -> Vec<&str> {
        let toks = tokenize(text, lang);
        split(text, &toks, lang)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            sents(
                "Mr. Smith met Dr. Jones in the U.S. on Monday. They talked.",
                Lang::En
            ),
            [
                "Mr. Smith met Dr. Jones in the U.S. on Monday.",
                "They talked."
            ]
        );
        assert_eq!(
            sents("He lives in the U.S. The talks failed.", Lang::En),
            ["He lives in the U.S.", "The talks failed."]
        );
        assert_eq!(
            sents(
                "Prezydent W. Putin spotkał się m.in. z gen. Nowakiem. W 2005 r. Polska weszła. Było to w 2005 r. Potem nie.",
                Lang::Pl
            ),
            [
                "Prezydent W. Putin spotkał się m.in. z gen. Nowakiem.",
                "W 2005 r. Polska weszła.",
                "Było to w 2005 r.",
                "Potem nie."
            ]
        );
        assert_eq!(
            sents(
                "Об этом сообщил А. Лукашенко, т.е. президент. Это было в 2005 г. Он уехал.",
                Lang::Ru
            ),
            [
                "Об этом сообщил А. Лукашенко, т.е. президент.",
                "Это было в 2005 г.",
                "Он уехал."
            ]
        );
        assert_eq!(
            sents("Живе на вул. Шевченка, 5. Далі.", Lang::Uk),
            ["Живе на вул. Шевченка, 5.", "Далі."]
        );
    }

    #[test]
    fn quotes_and_dashes() {
        assert_eq!(
            sents(
                "„Nie wiem, co dalej!” – powiedział. \"To koniec.\" - czytamy w analizie. Tak.",
                Lang::Pl
            ),
            [
                "„Nie wiem, co dalej!” – powiedział.",
                "\"To koniec.\" - czytamy w analizie.",
                "Tak."
            ]
        );
        assert_eq!(
            sents("Он сказал: «Всё кончено». – Правда? – Да.", Lang::Ru),
            ["Он сказал: «Всё кончено».", "– Правда?", "– Да."]
        );
        // An unclosed quote does not swallow the rest of the text.
        assert_eq!(
            sents("He said \"no. Then he left. Bye.", Lang::En),
            ["He said \"no.", "Then he left.", "Bye."]
        );
    }

    #[test]
    fn ordinals_lists_ellipses_brackets() {
        assert_eq!(
            sents("Obchodzimy 20. rocznicę. Koniec.", Lang::Pl),
            ["Obchodzimy 20. rocznicę.", "Koniec."]
        );
        assert_eq!(
            sents("1. Pierwszy punkt\n2. Drugi punkt", Lang::Pl),
            ["1. Pierwszy punkt", "2. Drugi punkt"]
        );
        assert_eq!(
            sents("Wait... what? No… Fine. (See above.) Done.", Lang::En),
            ["Wait... what?", "No…", "Fine.", "(See above.)", "Done."]
        );
    }

    #[test]
    fn lines_paragraphs_and_boilerplate() {
        let t = "Headline without a dot\n\nFirst para line one\ncontinues here. Next.\r\nReklama\nczytaj dalej\nZobacz więcej";
        let s = sents(t, Lang::Pl);
        assert_eq!(
            s,
            [
                "Headline without a dot",
                "First para line one\ncontinues here.",
                "Next.",
                "Reklama",
                "czytaj dalej",
                "Zobacz więcej"
            ]
        );
        let toks = tokenize(t, Lang::Pl);
        let ss = split(t, &toks, Lang::Pl);
        assert!(ss[0].paragraph_start && ss[1].paragraph_start && !ss[2].paragraph_start);
        // No punctuation at all: one sentence per line.
        assert_eq!(
            sents("Ala ma kota\nKot ma Alę", Lang::Pl),
            ["Ala ma kota", "Kot ma Alę"]
        );
    }

    #[test]
    fn covers_tokens_without_gaps() {
        let t = "Tak. Nie! Może? „Cytat.” Koniec";
        let toks = tokenize(t, Lang::Pl);
        let ss = split(t, &toks, Lang::Pl);
        let mut next = 0;
        for s in &ss {
            assert_eq!(s.first_token, next);
            assert!(s.end_token > s.first_token);
            next = s.end_token;
        }
        assert_eq!(next as usize, toks.len());
        assert!(split("", &[], Lang::En).is_empty());
    }
}
