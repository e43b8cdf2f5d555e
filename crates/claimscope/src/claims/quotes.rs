//! Quotation marks: pairing every style of quote in one linear pass.
//!
//! Opening and closing marks are paired with a small stack. Straight quotes
//! (`"`, `'`) open or close by what surrounds them. A quote still open at a
//! line break continues only when the next paragraph opens with a quotation
//! mark (the news convention for quotes running over several paragraphs);
//! otherwise it is dropped as unbalanced. A quote longer than
//! [`MAX_QUOTE_BYTES`] is dropped too, so that one stray mark never swallows a
//! document.

use crate::span::Span;

/// The longest quotation accepted, in bytes.
pub const MAX_QUOTE_BYTES: usize = 12_000;

/// A paired quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub open: Span,
    /// The closing mark.
    pub close: Span,
    /// Nesting depth: 0 for a top-level quote.
    pub depth: u8,
}

impl Quote {
    /// The quoted text, without the marks.
    #[must_use]
    pub fn inner(&self) -> Span {
        Span::new(self.open.end(), self.close.start())
    }

    /// The quote with its marks.
    #[must_use]
    pub fn outer(&self) -> Span {
        Span::new(self.open.start(), self.close.end())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Guillemet,
    Low,
    Curly,
    Straight,
    SingleCurly,
    SingleStraight,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    span: Span,
}

fn is_open_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '-'
                        | '–'
                        | '—'
                        | ':'
                        | '«'
                        | '„'
                        | '“'
                        | '"'
                        | '/'
                        | '\u{00A0}'
                )
        }
    }
}

/// Bytes that may start a character [`find_quotes`] acts on: a line break,
/// a straight quote, or the lead byte of `«`/`»` (`C2`) and of the curly and
/// low marks (`E2`). Lead bytes are never UTF-8 continuation bytes, so every
/// other byte can be skipped over.
const MAY_ACT: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// Finds the quotations of `text`, in order of their opening mark.
///
/// # Examples
/// ```
/// use claimscope::claims::quotes::find_quotes;
/// let t = "«Мы «нормандский формат» сохраним», — сказал он.";
/// let q = find_quotes(t);
/// assert_eq!(q.len(), 2);
/// assert_eq!(q[0].inner().slice(t), "Мы «нормандский формат» сохраним");
/// assert_eq!(q[1].depth, 1);
/// ```
#[must_use]
pub fn find_quotes(text: &str) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut skip_until = 0usize;
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if !MAY_ACT[usize::from(bytes[i])] {
            // A run of characters that are neither a line break nor a
            // quotation mark: each only sets `prev` and may hit the length
            // limit, which the run's last character tests for all of them.
            let j = bytes[i..]
                .iter()
                .position(|&b| MAY_ACT[usize::from(b)])
                .map_or(bytes.len(), |p| i + p);
            let last = text[..j].chars().next_back();
            let last_at = j - last.map_or(0, char::len_utf8);
            if last_at >= skip_until
                && let Some(b) = stack.first()
                && last_at - b.span.start() > MAX_QUOTE_BYTES
            {
                stack.clear();
            }
            prev = last;
            i = j;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let c_end = i + c.len_utf8();
        let next = text[c_end..].chars().next();
        let span = Span::new(i, c_end);
        if i < skip_until {
            prev = Some(c);
            i = c_end;
            continue;
        }
        if c == '\n' {
            if let Some(bottom) = stack.first().copied() {
                // Continue into the next paragraph only if it opens with a quote.
                let rest = &text[i..];
                let trimmed = rest.trim_start();
                let j = i + (rest.len() - trimmed.len());
                let first = trimmed.chars().next();
                let continues = matches!(
                    (bottom.family, first),
                    (Family::Guillemet, Some('«'))
                        | (Family::Low, Some('„'))
                        | (Family::Curly, Some('“'))
                        | (Family::Straight, Some('"'))
                );
                if continues && stack.len() == 1 {
                    skip_until = j + first.map_or(0, char::len_utf8);
                } else {
                    stack.clear();
                }
            }
            prev = Some(c);
            i = c_end;
            continue;
        }
        if let Some(b) = stack.first()
            && i - b.span.start() > MAX_QUOTE_BYTES
        {
            stack.clear();
        }
        let top = stack.last().map(|o| o.family);
        let action: Option<(bool, Family)> = match c {
            '«' => Some((true, Family::Guillemet)),
            '»' => Some((false, Family::Guillemet)),
            '„' => Some((true, Family::Low)),
            '“' => {
                if top == Some(Family::Low) {
                    Some((false, Family::Low))
                } else if top == Some(Family::Curly) && !is_open_context(prev) {
                    Some((false, Family::Curly))
                } else {
                    Some((true, Family::Curly))
                }
            }
            '”' => match top {
                Some(Family::Low) => Some((false, Family::Low)),
                Some(Family::Curly) => Some((false, Family::Curly)),
                _ if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
                    Some((true, Family::Curly))
                }
                _ => Some((false, Family::Curly)),
            },
            '"' => {
                let opening_here =
                    is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                if top == Some(Family::Straight) && !opening_here {
                    Some((false, Family::Straight))
                } else if opening_here {
                    Some((true, Family::Straight))
                } else {
                    Some((false, Family::Straight))
                }
            }
            '‚' => Some((true, Family::SingleCurly)),
            '‘' => {
                if is_open_context(prev) {
                    Some((true, Family::SingleCurly))
                } else if top == Some(Family::SingleCurly) {
                    Some((false, Family::SingleCurly))
                } else {
                    None
                }
            }
            '’' => {
                if top == Some(Family::SingleCurly) && next.is_none_or(|n| !n.is_alphanumeric()) {
                    Some((false, Family::SingleCurly))
                } else {
                    None
                }
            }
            '\'' => {
                let letter_next = next.is_some_and(char::is_alphanumeric);
                if is_open_context(prev) && letter_next {
                    Some((true, Family::SingleStraight))
                } else if top == Some(Family::SingleStraight) && !letter_next {
                    Some((false, Family::SingleStraight))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((opening, family)) = action {
            if opening {
                if stack.len() < 8 {
                    stack.push(Open { family, span });
                }
            } else if let Some(pos) = stack.iter().rposition(|o| o.family == family) {
                if stack.len() - pos <= 3 {
                    let o = stack[pos];
                    stack.truncate(pos);
                    out.push(Quote {
                        open: o.span,
                        close: span,
                        depth: u8::try_from(pos).unwrap_or(u8::MAX),
                    });
                }
            }
        }
        prev = Some(c);
        i = c_end;
    }
    out.sort_by_key(|q| (q.open.start, q.depth));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(t: &str) -> Vec<(&str, u8)> {
        find_quotes(t)
            .iter()
            .map(|q| (q.inner().slice(t), q.depth))
            .collect()
    }

    #[test]
    fn styles() {
        assert_eq!(
            inners("He said: “We will win.” Then „Wygramy” and \"ok\"."),
            vec![("We will win.", 0), ("Wygramy", 0), ("ok", 0)]
        );
        assert_eq!(
            inners("„Putin ‚nie’ mówi“, – stwierdził."),
            vec![("Putin ‚nie’ mówi", 0), ("nie", 1)]
        );
        assert_eq!(
            inners("\"Putin z 'amunicji' i 'eskalującą' sytuacją\" - zauważa ISW."),
            vec![
                ("Putin z 'amunicji' i 'eskalującą' sytuacją", 0),
                ("amunicji", 1),
                ("eskalującą", 1)
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inners("Russia’s army and Macron's 'plan'").len() == 1);
        assert!(inners("м'ясо та п'ять").is_empty());
    }

    #[test]
    fn multi_paragraph_and_unbalanced() {
        let t = "«Первый абзац.\n\n«Второй абзац», — сказал он.";
        assert_eq!(inners(t), vec![("Первый абзац.\n\n«Второй абзац", 0)]);
        let t = "\"Unclosed quote here.\n\nNext paragraph \"closed\" fine.";
        assert_eq!(inners(t), vec![("closed", 0)]);
        assert!(inners("»»» ““ \" « „").is_empty());
    }

    #[test]
    fn long_quotes_are_dropped() {
        let mut t = String::from("«");
        t.push_str(&"слово ".repeat(3000));
        t.push('»');
        assert!(find_quotes(&t).is_empty());
    }

    /// The character-by-character pairing `find_quotes` replaced (kept to
    /// check that skipping runs of plain bytes changes nothing).
    fn find_quotes_reference(text: &str) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        let mut stack: Vec<Open> = Vec::new();
        let mut skip_until = 0usize;
        let mut prev: Option<char> = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let span = Span::new(i, i + c.len_utf8());
            if i < skip_until {
                prev = Some(c);
                continue;
            }
            if c == '\n' {
                if let Some(bottom) = stack.first().copied() {
                    // Continue into the next paragraph only if it opens with a quote.
                    let rest = &text[i..];
                    let trimmed = rest.trim_start();
                    let j = i + (rest.len() - trimmed.len());
                    let first = trimmed.chars().next();
                    let continues = matches!(
                        (bottom.family, first),
                        (Family::Guillemet, Some('«'))
                            | (Family::Low, Some('„'))
                            | (Family::Curly, Some('“'))
                            | (Family::Straight, Some('"'))
                    );
                    if continues && stack.len() == 1 {
                        skip_until = j + first.map_or(0, char::len_utf8);
                    } else {
                        stack.clear();
                    }
                }
                prev = Some(c);
                continue;
            }
            if let Some(b) = stack.first()
                && i - b.span.start() > MAX_QUOTE_BYTES
            {
                stack.clear();
            }
            let top = stack.last().map(|o| o.family);
            let action: Option<(bool, Family)> = match c {
                '«' => Some((true, Family::Guillemet)),
                '»' => Some((false, Family::Guillemet)),
                '„' => Some((true, Family::Low)),
                '“' => {
                    if top == Some(Family::Low) {
                        Some((false, Family::Low))
                    } else if top == Some(Family::Curly) && !is_open_context(prev) {
                        Some((false, Family::Curly))
                    } else {
                        Some((true, Family::Curly))
                    }
                }
                '”' => match top {
                    Some(Family::Low) => Some((false, Family::Low)),
                    Some(Family::Curly) => Some((false, Family::Curly)),
                    _ if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
                        Some((true, Family::Curly))
                    }
                    _ => Some((false, Family::Curly)),
                },
                '"' => {
                    let opening_here =
                        is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace());
                    if top == Some(Family::Straight) && !opening_here {
                        Some((false, Family::Straight))
                    } else if opening_here {
                        Some((true, Family::Straight))
                    } else {
                        Some((false, Family::Straight))
                    }
                }
                '‚' => Some((true, Family::SingleCurly)),
                '‘' => {
                    if is_open_context(prev) {
                        Some((true, Family::SingleCurly))
                    } else if top == Some(Family::SingleCurly) {
                        Some((false, Family::SingleCurly))
                    } else {
                        None
                    }
                }
                '’' => {
                    if top == Some(Family::SingleCurly) && next.is_none_or(|n| !n.is_alphanumeric())
                    {
                        Some((false, Family::SingleCurly))
                    } else {
                        None
                    }
                }
                '\'' => {
                    let letter_next = next.is_some_and(char::is_alphanumeric);
                    if is_open_context(prev) && letter_next {
                        Some((true, Family::SingleStraight))
                    } else if top == Some(Family::SingleStraight) && !letter_next {
                        Some((false, Family::SingleStraight))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some((opening, family)) = action {
                if opening {
                    if stack.len() < 8 {
                        stack.push(Open { family, span });
                    }
                } else if let Some(pos) = stack.iter().rposition(|o| o.family == family) {
                    if stack.len() - pos <= 3 {
                        let o = stack[pos];
                        stack.truncate(pos);
                        out.push(Quote {
                            open: o.span,
                            close: span,
                            depth: u8::try_from(pos).unwrap_or(u8::MAX),
                        });
                    }
                }
            }
            prev = Some(c);
        }
        out.sort_by_key(|q| (q.open.start, q.depth));
        out
    }

    #[test]
    fn same_as_char_by_char_pairing() {
        let pieces = [
            "a",
            "Słowo",
            "слово",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\u{00A0}",
            "—",
            "–",
            "-",
            ":",
            "(",
            "…",
            "«",
            "»",
            "„",
            "“",
            "”",
            "\"",
            "‚",
            "‘",
            "’",
            "'",
            "`",
            ".",
            ",",
            "x\u{00AD}y",
            "\n«",
            "\n„",
            "\n\"",
            "\n “",
        ];
        let long = "слово ".repeat(2100);
        // The length limit reached inside a run of plain bytes, just before a
        // paragraph that opens with a quotation mark.
        for pad in [5990, 5999, 6000, 6001, 6010] {
            for (o, c) in [("«", "«"), ("„", "„"), ("\"", "\""), ("“", "“")] {
                let t = format!("{o}{}\n{c}Dalej» — powiedział.", "ы".repeat(pad));
                assert_eq!(find_quotes(&t), find_quotes_reference(&t), "{pad} {o}");
            }
        }
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for round in 0..4000 {
            let mut t = String::new();
            let n = 1 + round % 60;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let k = usize::try_from(seed % 1000).unwrap_or(0);
                if k < 30 && round % 10 == 0 {
                    t.push_str(&long);
                } else {
                    t.push_str(pieces[k % pieces.len()]);
                }
            }
            assert_eq!(find_quotes(&t), find_quotes_reference(&t), "{t:?}");
        }
    }
}
