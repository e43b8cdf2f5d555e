//! The tokenizer: a hand-written, single-pass scanner over the UTF-8 bytes.
//!
//! Each character gets a class from a 128-entry table (ASCII) or a short chain
//! of range checks (everything else): space, ignorable, letter, digit, mark,
//! punctuation, symbol, emoji or ideograph. Runs of letters, digits and marks
//! make words and numbers; a joiner between two of them (`.` `,` `:` `/` `-`
//! `'` `’` `_`, a thousands space) keeps the run together or not depending on
//! the characters around it and on the language:
//!
//! * the Universal Dependencies conventions of each language are followed, so
//!   that the token spans can be scored against the UD treebanks: English and
//!   German keep the dot of an abbreviation in the word (`Dr.`, `U.S.`, `z.B.`),
//!   Polish, Russian, Ukrainian and Belarusian make it a token of its own
//!   (`np` `.`); English clitics are split (`do` `n't`, `John` `'s`);
//!   hyphenated words are kept in Russian and Belarusian, split in German and
//!   (apart from prefixes such as `anti-`, `e-`, `по-`, `будь-`, `-небудь`)
//!   in English, Polish and Ukrainian; numbers never take a hyphen (`S` `-`
//!   `400`, `1` `-` `й`);
//! * apostrophes inside words stay in the word (`м'ясо`, `об’єкт`, `O'Brien`);
//!   soft hyphens, zero-width joiners and combining marks stay inside the word
//!   they are in; bidi marks, BOMs and zero-width spaces between tokens are
//!   skipped like spaces;
//! * URLs, e-mails, `#hashtags`, `@mentions` and emoji sequences (skin tones,
//!   ZWJ sequences, flags, keycaps) are single tokens;
//! * numbers keep decimal points and commas, times and dates (`3,5`, `12:30`,
//!   `14.01.1928`), and NBSP thousands separators (`1 300`; a plain space too in
//!   Polish, Russian and Ukrainian); `%` and currency signs are tokens of their own.
//!
//! Abbreviation lists are data files, `data/<lang>/abbreviations.txt`.
//!
//! The scanner allocates only the output vector and runs in linear time.

pub mod abbrev;

use std::sync::LazyLock;

use crate::lang::Lang;
use crate::model::{Token, TokenKind};
use crate::span::Span;

use abbrev::Abbreviations;

/// Tokenizes `text` following the rules of `lang`.
///
/// # Examples
/// ```
/// use claimscope::{tokenize, Lang};
/// let text = "Łukaszenko powiedział m.in., że S-400 kosztuje 1 300 zł.";
/// let words: Vec<&str> = tokenize(text, Lang::Pl).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Łukaszenko", "powiedział", "m.in", ".", ",", "że", "S-400",
///                    "kosztuje", "1 300", "zł", "."]);
/// ```
#[must_use]
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    let mut s = Scanner {
        text,
        b: text.as_bytes(),
        lang,
        abbr: abbrev::for_lang(lang),
        out: Vec::with_capacity(text.len() / 5 + 4),
    };
    s.scan();
    s.out
}

/// The class of a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cl {
    /// Whitespace, control characters.
    Space,
    /// Invisible format characters: soft hyphen, zero-width, bidi, BOM.
    Ign,
    Letter,
    Digit,
    /// Combining marks, variation selectors, emoji modifiers and tags.
    Mark,
    Punct,
    Symbol,
    Emoji,
    /// CJK ideographs and kana: one token each.
    Ideo,
}

const fn ascii_table() -> [Cl; 128] {
    let mut t = [Cl::Punct; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        t[i] = if b <= 0x20 || b == 0x7F {
            Cl::Space
        } else if b.is_ascii_alphabetic() {
            Cl::Letter
        } else if b.is_ascii_digit() {
            Cl::Digit
        } else if matches!(
            b,
            b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'|' | b'~' | b'%' | b'&'
        ) {
            Cl::Symbol
        } else {
            Cl::Punct
        };
        i += 1;
    }
    t
}

static ASCII: [Cl; 128] = ascii_table();

/// Chars below this have their class in [`CLASS`].
const CLASS_TABLE_END: u32 = 0x3000;

/// [`class_slow`] of every char below [`CLASS_TABLE_END`] (Latin, Greek,
/// Cyrillic, Hebrew, Arabic, Indic scripts, …), computed on first use: the
/// Unicode property look-ups are binary searches.
static CLASS: LazyLock<Box<[Cl]>> = LazyLock::new(|| {
    (0..CLASS_TABLE_END)
        .map(|u| char::from_u32(u).map_or(Cl::Symbol, class_slow))
        .collect()
});

#[inline]
fn class(c: char) -> Cl {
    let u = c as u32;
    if u < 128 {
        ASCII[u as usize]
    } else if u < CLASS_TABLE_END {
        CLASS[u as usize]
    } else {
        class_slow(c)
    }
}

fn class_slow(c: char) -> Cl {
    let u = c as u32;
    match u {
        0x00C0..=0x024F if u != 0xD7 && u != 0xF7 => return Cl::Letter,
        0x0400..=0x0482 | 0x048A..=0x052F => return Cl::Letter,
        0x0483..=0x0489 => return Cl::Mark,
        _ => {}
    }
    if c.is_whitespace() {
        return Cl::Space;
    }
    if crate::text::is_ignorable(c) {
        return Cl::Ign;
    }
    if is_mark(u) {
        return Cl::Mark;
    }
    if is_ideo(u) {
        return Cl::Ideo;
    }
    if c.is_alphabetic() {
        return Cl::Letter;
    }
    if c.is_numeric() {
        return Cl::Digit;
    }
    if is_emoji(u) {
        return Cl::Emoji;
    }
    if is_punct(u) {
        return Cl::Punct;
    }
    if u < 0x20 || (0x80..0xA0).contains(&u) {
        return Cl::Space;
    }
    Cl::Symbol
}

/// Combining marks that `char::is_alphabetic` does not cover, variation
/// selectors, emoji modifiers and tags.
fn is_mark(u: u32) -> bool {
    matches!(u,
        0x0300..=0x036F
        | 0x0591..=0x05BD | 0x05BF | 0x05C1 | 0x05C2 | 0x05C4 | 0x05C5 | 0x05C7
        | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
        | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0951..=0x0957 | 0x0962 | 0x0963
        | 0x0981..=0x0983 | 0x09BC..=0x09D7 | 0x0A01..=0x0A03 | 0x0A3C..=0x0A51
        | 0x0A81..=0x0A83 | 0x0ABC..=0x0ACD | 0x0B01..=0x0B03 | 0x0B3C..=0x0B57
        | 0x0BBE..=0x0BCD | 0x0C00..=0x0C04 | 0x0C3E..=0x0C56 | 0x0CBC..=0x0CD6
        | 0x0D00..=0x0D03 | 0x0D3B..=0x0D4D | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0x302A..=0x302F | 0x3099 | 0x309A
        | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F
        | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F | 0xE0100..=0xE01EF)
}

fn is_ideo(u: u32) -> bool {
    matches!(u,
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn is_emoji(u: u32) -> bool {
    matches!(u,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF)
}

fn is_punct(u: u32) -> bool {
    matches!(u,
        0x00A1 | 0x00A7 | 0x00AB | 0x00B6 | 0x00B7 | 0x00BB | 0x00BF | 0x037E | 0x0387
        | 0x055A..=0x055F | 0x0589 | 0x058A | 0x05BE | 0x05C0 | 0x05C3 | 0x05C6 | 0x05F3 | 0x05F4
        | 0x0609..=0x060D | 0x061B..=0x061F | 0x066A..=0x066D | 0x06D4 | 0x0964 | 0x0965
        | 0x0970 | 0x0E4F | 0x0E5A | 0x0E5B | 0x10FB | 0x1361..=0x1368 | 0x166E
        | 0x2010..=0x2027 | 0x2030..=0x205E | 0x2E00..=0x2E5D
        | 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0x30FB
        | 0xFE10..=0xFE19 | 0xFE30..=0xFE52 | 0xFE54..=0xFE61 | 0xFE63 | 0xFE68 | 0xFE6A | 0xFE6B
        | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B | 0xFF1F
        | 0xFF20 | 0xFF3B..=0xFF3D | 0xFF3F | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65)
}

#[inline]
fn is_wordish(cl: Cl) -> bool {
    matches!(cl, Cl::Letter | Cl::Digit | Cl::Mark)
}

/// English prefixes that UD EWT keeps joined to the word after a hyphen.
const EN_HYPHEN_PREFIXES: &[&str] = &[
    "e", "anti", "co", "counter", "ex", "mid", "mis", "non", "pre", "re", "semi", "vice", "over",
    "post", "sub", "multi", "inter", "pro", "un", "bi", "neo", "pseudo", "quasi", "ultra", "micro",
    "mega", "super", "cyber", "x",
];
/// Ukrainian first parts that stay joined (`по-українському`, `будь-який`, `з-під`).
const UK_HYPHEN_PREFIXES: &[&str] = &[
    "по",
    "будь",
    "з",
    "із",
    "зі",
    "казна",
    "хтозна",
    "бозна",
    "аби",
    "де",
    "хоч",
    "ані",
    "врешті",
    "урешті",
    "он",
    "плей",
    "хенд",
];
/// Ukrainian second parts that stay joined (`який-небудь`, `так-то`).
const UK_HYPHEN_SUFFIXES: &[&str] = &["небудь", "то", "таки", "от", "бо", "но", "ж", "же", "сь"];
/// Polish first parts that stay joined (`e-mail`, `al-Kaida`).
const PL_HYPHEN_PREFIXES: &[&str] = &["e", "al", "ex"];
/// Top-level domains that make `word.tld` a URL.
const TLDS: &[&str] = &[
    "com", "org", "net", "edu", "gov", "info", "io", "eu", "pl", "ru", "ua", "by", "de", "uk",
    "fr", "us", "fm", "me", "tv", "co", "html", "htm", "php",
];

/// True when `word` lowercased equals `lower` (which is lowercase), without allocating.
fn eq_lower(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        // An ASCII word lowercases byte by byte, into ASCII.
        return word.eq_ignore_ascii_case(lower);
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|p| eq_lower(word, p))
}

fn is_thousands_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')
}

struct Scanner<'a> {
    text: &'a str,
    b: &'a [u8],
    lang: Lang,
    abbr: &'static Abbreviations,
    out: Vec<Token>,
}

impl Scanner<'_> {
    /// The char at byte `i` and its length; `None` at or past the end.
    #[inline]
    fn peek(&self, i: usize) -> Option<(char, usize)> {
        crate::text::char_at(self.b, i)
    }

    #[inline]
    fn class_at(&self, i: usize) -> Option<Cl> {
        self.peek(i).map(|(c, _)| class(c))
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        if end > start {
            self.out.push(Token {
                span: Span::new(start, end),
                kind,
            });
        }
    }

    fn scan(&mut self) {
        let n = self.b.len();
        let mut i = 0;
        while i < n {
            if self.b[i] == b' ' {
                i += 1;
                continue;
            }
            let Some((c, l)) = self.peek(i) else { break };
            i = match class(c) {
                Cl::Space | Cl::Ign => i + l,
                Cl::Mark => {
                    // A mark right after a token belongs to it; otherwise it starts a word.
                    match self.out.last_mut() {
                        Some(t) if t.span.end() == i => {
                            t.span = Span::new(t.span.start(), i + l);
                            i + l
                        }
                        _ => self.word(i),
                    }
                }
                Cl::Letter | Cl::Digit => self.word(i),
                Cl::Ideo => {
                    self.push(i, i + l, TokenKind::Word);
                    i + l
                }
                Cl::Emoji => self.emoji(i, c, l),
                Cl::Punct => self.punct(i, c, l),
                Cl::Symbol
                    if self.lang == Lang::En && self.peek(i + l).is_some_and(|(n, _)| n == c) =>
                {
                    // "$$$", "<<", "===": one token.
                    let mut e = i + l;
                    while self.peek(e).is_some_and(|(n, _)| n == c) {
                        e += l;
                    }
                    self.push(i, e, TokenKind::Symbol);
                    e
                }
                Cl::Symbol => {
                    if c == '&' {
                        let e = self.entities(i);
                        if e > i {
                            self.push(i, e, TokenKind::Punct);
                            i = e;
                            continue;
                        }
                    }
                    self.push(i, i + l, TokenKind::Symbol);
                    i + l
                }
            };
        }
    }

    /// Consumes letters, digits and marks from `i` (ignorables too when a word
    /// character follows them). Returns the end and the class of the last
    /// word character consumed (if any).
    #[inline]
    fn run(&self, mut i: usize) -> (usize, Option<Cl>) {
        let mut last = None;
        loop {
            // Fast path: ASCII, Cyrillic (U+0400–U+047F) and Latin-1/Latin
            // Extended-A letters (U+00C0–U+017F, without × and ÷).
            while let Some(&x) = self.b.get(i) {
                if x >= 0x80 {
                    let second = self.b.get(i + 1).copied().unwrap_or(0);
                    let letter = match x {
                        0xD0 | 0xD1 | 0xC4 | 0xC5 => true,
                        0xC3 => second != 0x97 && second != 0xB7,
                        _ => false,
                    };
                    if !letter {
                        break;
                    }
                    last = Some(Cl::Letter);
                    i += 2;
                    continue;
                }
                match ASCII[x as usize] {
                    Cl::Letter => last = Some(Cl::Letter),
                    Cl::Digit => last = Some(Cl::Digit),
                    _ => return (i, last),
                }
                i += 1;
            }
            let Some((c, l)) = self.peek(i) else { break };
            let cl = class(c);
            if is_wordish(cl) {
                if cl != Cl::Mark {
                    last = Some(cl);
                }
                i += l;
            } else if cl == Cl::Ign && last.is_some() {
                // Keep soft hyphens / joiners only when the word goes on after them.
                let mut j = i + l;
                while let Some((c2, l2)) = self.peek(j) {
                    if class(c2) == Cl::Ign {
                        j += l2;
                    } else {
                        break;
                    }
                }
                if self.class_at(j).is_some_and(is_wordish) {
                    i = j;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        (i, last)
    }

    /// Scans a word or number starting at `start`; pushes its token(s), returns the end.
    fn word(&mut self, start: usize) -> usize {
        if let Some(end) = self.url_at(start) {
            self.push(start, end, TokenKind::Url);
            return end;
        }
        let first_digit = self.class_at(start) == Some(Cl::Digit);
        let mut seg_start = start;
        let mut apos: Option<usize> = None;
        let mut inner_dot = false;
        let mut all_digits = true; // every segment so far is digits only
        let mut thousands = false; // joined by thousands separators so far
        let (mut i, mut last) = self.run(start);
        loop {
            if !self.text[seg_start..i].bytes().all(|b| b.is_ascii_digit()) {
                all_digits = false;
            }
            let Some((c, l)) = self.peek(i) else { break };
            let joiner = matches!(
                c,
                '.' | ','
                    | ':'
                    | '/'
                    | '\''
                    | '\u{2019}'
                    | '-'
                    | '\u{2010}'
                    | '\u{2011}'
                    | '_'
                    | '°'
                    | '@'
            ) || ((c == ' '
                && first_digit
                && matches!(self.lang, Lang::Pl | Lang::Ru | Lang::Uk))
                || is_thousands_space(c));
            if !joiner {
                break;
            }
            let next = i + l;
            let next_cl = self.class_at(next);
            let next_wordish = next_cl.is_some_and(|x| x == Cl::Letter || x == Cl::Digit);
            let joined = match c {
                '.' if next_wordish => self.join_dot(seg_start, i, last, next_cl, next),
                ',' | ':' | '/' => last == Some(Cl::Digit) && next_cl == Some(Cl::Digit),
                '\'' | '\u{2019}' => {
                    let ok = last == Some(Cl::Letter) && next_cl == Some(Cl::Letter);
                    if ok {
                        apos = Some(i);
                    }
                    ok
                }
                '-' | '\u{2010}' | '\u{2011}' if next_wordish && last.is_some() => {
                    let (rend, _) = self.run(next);
                    self.keep_hyphen(&self.text[seg_start..i], &self.text[next..rend])
                }
                '_' => next_wordish,
                // "N°" (numéro) is one word.
                '°' => matches!(&self.text[seg_start..i], "N" | "n"),
                '@' if next_wordish => {
                    let end = self.email_domain(next);
                    self.push(start, end, TokenKind::Email);
                    return end;
                }
                _ if (c == ' ' && matches!(self.lang, Lang::Pl | Lang::Ru | Lang::Uk))
                    || is_thousands_space(c) =>
                {
                    let seg_len = i - seg_start;
                    let group_ok = all_digits
                        && first_digit
                        && ((seg_start == start && (1..=3).contains(&seg_len))
                            || (thousands && seg_len == 3));
                    group_ok && self.three_digits(next)
                }
                _ => false,
            };
            if !joined {
                break;
            }
            if c == '.' {
                inner_dot = true;
            }
            if c == ' ' || is_thousands_space(c) {
                thousands = true;
            }
            seg_start = next;
            let (e, l2) = self.run(next);
            i = e;
            last = l2;
        }
        let mut end = i;
        // `://` after a scheme-like word, or `domain.tld/...`: a URL.
        if inner_dot && !first_digit {
            let last_seg = &self.text[seg_start..end];
            if TLDS.contains(&last_seg) {
                let end2 = if self.b.get(end) == Some(&b'/') {
                    self.url_body(end)
                } else {
                    end
                };
                self.push(start, end2, TokenKind::Url);
                return end2;
            }
        }
        // A trailing abbreviation dot (English, German).
        if self.b.get(end) == Some(&b'.')
            && self.b.get(end + 1) != Some(&b'.')
            && self.attach_dot(start, end, inner_dot, first_digit)
        {
            end += 1;
        }
        let kind = if first_digit {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        if self.lang == Lang::En && !first_digit {
            if let Some(a) = apos {
                if let Some(split) = self.en_clitic(start, a, i) {
                    self.push(start, split, kind);
                    self.push(split, end, kind);
                    return end;
                }
            }
        }
        self.push(start, end, kind);
        end
    }

    /// Is `.` at `dot` inside a token (`3.5`, `U.S`, `m.in`, `vk.com`)?
    fn join_dot(
        &self,
        seg_start: usize,
        dot: usize,
        last: Option<Cl>,
        next_cl: Option<Cl>,
        next: usize,
    ) -> bool {
        match (last, next_cl) {
            (Some(Cl::Digit), Some(Cl::Digit)) => true,
            (Some(Cl::Letter), Some(Cl::Letter)) => {
                let Some((nc, _)) = self.peek(next) else {
                    return false;
                };
                let left = &self.text[seg_start..dot];
                if nc.is_lowercase() {
                    return true;
                }
                let left_len = left.chars().count();
                if left_len == 1 {
                    return true;
                }
                // DT.UA, S.A: short all-caps pieces.
                let (rend, _) = self.run(next);
                let right = &self.text[next..rend];
                left_len <= 3
                    && right.chars().count() <= 3
                    && left.chars().all(char::is_uppercase)
                    && right.chars().all(char::is_uppercase)
            }
            _ => false,
        }
    }

    fn keep_hyphen(&self, left: &str, right: &str) -> bool {
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
        let (ld, rd) = (digits(left), digits(right));
        if ld && rd {
            // Ranges and phone numbers: "1904-1905".
            return matches!(self.lang, Lang::En | Lang::Ru);
        }
        if ld && !has_digit(right) {
            // Numbers with a case ending: "1-й", "14-го", "14-letni".
            return matches!(self.lang, Lang::Pl | Lang::Ru | Lang::Uk | Lang::Be);
        }
        if rd && !has_digit(left) {
            // Codes: "KC-135" (Polish); "S-400", "F-16", "COVID-19" are split elsewhere.
            return self.lang == Lang::Pl;
        }
        if has_digit(left) || has_digit(right) {
            return false;
        }
        match self.lang {
            Lang::En => in_list(left, EN_HYPHEN_PREFIXES),
            Lang::De => false,
            Lang::Pl => {
                in_list(left, PL_HYPHEN_PREFIXES)
                    || (left.chars().filter(|c| c.is_uppercase()).count() >= 2
                        || left.chars().all(char::is_uppercase))
                        && right.chars().all(char::is_lowercase)
            }
            Lang::Uk => {
                in_list(left, UK_HYPHEN_PREFIXES)
                    || in_list(right, UK_HYPHEN_SUFFIXES)
                    || left
                        .chars()
                        .flat_map(char::to_lowercase)
                        .eq(right.chars().flat_map(char::to_lowercase))
            }
            Lang::Ru | Lang::Be | Lang::Fr | Lang::Und => true,
        }
    }

    /// Should the `.` right after the word `[start, end)` be part of it?
    fn attach_dot(&self, start: usize, end: usize, inner_dot: bool, first_digit: bool) -> bool {
        if !matches!(self.lang, Lang::En | Lang::De | Lang::Ru | Lang::Be) {
            return false;
        }
        let word = &self.text[start..end];
        if first_digit {
            // German ordinals: "am 3. Oktober".
            if self.lang != Lang::De || word.len() > 2 || !word.bytes().all(|b| b.is_ascii_digit())
            {
                return false;
            }
            let after = end + 1;
            return self.b.get(after) == Some(&b' ')
                && self.class_at(after + 1).is_some_and(|c| c == Cl::Letter);
        }
        let mut chars = word.chars();
        let single_upper = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
        if single_upper {
            return true;
        }
        let class = match self.abbr.lookup(word) {
            Some(c) => c,
            None if inner_dot
                && word.len() <= 8
                && word.split('.').all(|s| s.chars().count() <= 3) =>
            {
                abbrev::AbbrevClass::Final
            }
            None => return false,
        };
        // UD: an abbreviation that ends a sentence leaves its dot to the sentence
        // ("in the U.S. The" → "U.S" "."); a title keeps it ("Dr. Smith").
        class == abbrev::AbbrevClass::Title || !self.sentence_follows(end + 1)
    }

    /// After a dot at `i - 1`: does a new sentence seem to start (end of text,
    /// a line break, or a capital letter after spaces)?
    fn sentence_follows(&self, mut i: usize) -> bool {
        let mut saw_space = false;
        while let Some((c, l)) = self.peek(i) {
            if c == '\n' {
                return true;
            }
            if class(c) == Cl::Space {
                saw_space = true;
                i += l;
                continue;
            }
            return saw_space && c.is_uppercase();
        }
        true
    }

    /// Where an English clitic starts in the word `[start, end)` whose last inner
    /// apostrophe is at `apos`: `do|n't`, `John|'s`, `they|'re`.
    fn en_clitic(&self, start: usize, apos: usize, end: usize) -> Option<usize> {
        let a_len = self.peek(apos).map_or(1, |(_, l)| l);
        let suffix = &self.text[apos + a_len..end];
        if ["s", "re", "ll", "ve", "d", "m"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s))
        {
            return (apos > start).then_some(apos);
        }
        if suffix.eq_ignore_ascii_case("t")
            && apos > start + 1
            && matches!(self.b.get(apos - 1), Some(b'n' | b'N'))
        {
            return Some(apos - 1);
        }
        None
    }

    /// An emoticon such as `:)`, `:-(`, `;D` at `i`, followed by a space or the end.
    fn emoticon(&self, i: usize) -> Option<usize> {
        let b = self.b;
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'-' | b'\'' | b'o')) {
            j += 1;
        }
        if !matches!(
            b.get(j),
            Some(b')' | b'(' | b'D' | b'P' | b'p' | b'|' | b'/' | b']' | b'[' | b'*' | b'3')
        ) {
            return None;
        }
        j += 1;
        while b.get(j) == b.get(j - 1) && matches!(b.get(j), Some(b')' | b'(')) {
            j += 1;
        }
        match b.get(j) {
            None | Some(b' ' | b'\n' | b'\r' | b'\t' | b'.' | b',' | b'!' | b'?') => Some(j),
            _ => None,
        }
    }

    /// The end of a run of HTML character references (`&#39;&#39;`, `&amp;`)
    /// starting at `i`, or `i` when there is none.
    fn entities(&self, mut i: usize) -> usize {
        loop {
            let rest = &self.b[i..];
            if rest.first() != Some(&b'&') {
                return i;
            }
            let body = rest
                .iter()
                .skip(1)
                .take(10)
                .position(|&b| b == b';')
                .map(|p| &rest[1..=p]);
            let ok = body.is_some_and(|body| match body.split_first() {
                Some((b'#', num)) => !num.is_empty() && num.iter().all(u8::is_ascii_alphanumeric),
                Some(_) => body.iter().all(u8::is_ascii_alphabetic),
                None => false,
            });
            match (ok, body) {
                (true, Some(body)) => i += body.len() + 2,
                _ => return i,
            }
        }
    }

    /// True when exactly three digits start at `i` and no digit follows them.
    fn three_digits(&self, i: usize) -> bool {
        let d = |k: usize| self.b.get(k).is_some_and(u8::is_ascii_digit);
        d(i) && d(i + 1) && d(i + 2) && !d(i + 3)
    }

    /// The end of an e-mail domain starting at `i`.
    fn email_domain(&self, i: usize) -> usize {
        let (mut end, _) = self.run(i);
        loop {
            match self.b.get(end) {
                Some(b'.' | b'-')
                    if self
                        .class_at(end + 1)
                        .is_some_and(|c| c == Cl::Letter || c == Cl::Digit) =>
                {
                    end = self.run(end + 1).0;
                }
                _ => return end,
            }
        }
    }

    /// A URL starting at `start` (`http://`, `https://`, `ftp://`, `www.`): its end.
    fn url_at(&self, start: usize) -> Option<usize> {
        let rest = &self.b[start..];
        let first = *rest.first()?;
        if !matches!(first, b'h' | b'H' | b'w' | b'W' | b'f' | b'F') {
            return None;
        }
        let has = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
        let body = if has(b"https://") {
            8
        } else if has(b"http://") {
            7
        } else if has(b"ftp://") {
            6
        } else if has(b"www.") {
            4
        } else {
            return None;
        };
        let nc = self.class_at(start + body)?;
        if !(nc == Cl::Letter || nc == Cl::Digit) {
            return None;
        }
        Some(self.url_body(start + body))
    }

    /// Extends a URL from `i` to its end: up to whitespace or a quotation mark,
    /// without trailing punctuation (a closing bracket stays when it is balanced).
    fn url_body(&self, mut i: usize) -> usize {
        let start = i;
        while let Some((c, l)) = self.peek(i) {
            let cl = class(c);
            if cl == Cl::Space
                || matches!(
                    c,
                    '"' | '<' | '>' | '«' | '»' | '„' | '“' | '”' | '‘' | '’' | '\u{2026}'
                )
            {
                break;
            }
            i += l;
        }
        // Trim trailing punctuation; a closing bracket stays when it is balanced.
        let body = &self.b[start..i];
        let opens = body.iter().filter(|&&b| b == b'(').count();
        let mut closes = body.iter().filter(|&&b| b == b')').count();
        while i > start {
            let c = self.b[i - 1];
            let trim = match c {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}' => true,
                b')' if opens < closes => {
                    closes -= 1;
                    true
                }
                _ => false,
            };
            if trim {
                i -= 1;
            } else {
                break;
            }
        }
        i
    }

    /// An emoji with its modifiers, ZWJ sequence or flag pair.
    fn emoji(&mut self, start: usize, c: char, l: usize) -> usize {
        let mut i = start + l;
        let ri = |c: char| ('\u{1F1E6}'..='\u{1F1FF}').contains(&c);
        if ri(c) {
            if let Some((c2, l2)) = self.peek(i) {
                if ri(c2) {
                    i += l2;
                }
            }
        }
        loop {
            while let Some((c2, l2)) = self.peek(i) {
                if class(c2) == Cl::Mark {
                    i += l2;
                } else {
                    break;
                }
            }
            if let Some(('\u{200D}', lz)) = self.peek(i) {
                if let Some((c3, l3)) = self.peek(i + lz) {
                    if class(c3) == Cl::Emoji {
                        i += lz + l3;
                        continue;
                    }
                }
            }
            break;
        }
        self.push(start, i, TokenKind::Emoji);
        i
    }

    fn punct(&mut self, start: usize, c: char, l: usize) -> usize {
        let mut i = start + l;
        match c {
            '#' | '@' => {
                let next_ok = self
                    .peek(i)
                    .is_some_and(|(n, _)| class(n) == Cl::Letter || (c == '@' && n == '_'));
                if next_ok {
                    loop {
                        let (e, _) = self.run(i);
                        i = e;
                        if self.b.get(i) == Some(&b'_')
                            && self.class_at(i + 1).is_some_and(is_wordish)
                        {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    let kind = if c == '#' {
                        TokenKind::Hashtag
                    } else {
                        TokenKind::Mention
                    };
                    self.push(start, i, kind);
                    return i;
                }
            }
            ':' | ';' | '=' if self.lang == Lang::En => {
                if let Some(e) = self.emoticon(start) {
                    self.push(start, e, TokenKind::Symbol);
                    return e;
                }
                while self.peek(i).is_some_and(|(n, _)| n == c) {
                    i += 1;
                }
            }
            // Runs that make one token: "...", "?!", "--", "''", "``", "***", "___".
            '.' | '!' | '?' | '-' | '\'' | '`' | '\u{2019}' | '*' | '_' | '/' | '\\' => {
                // UD: Polish writes "..." as three tokens; German splits "!!!".
                let lang = self.lang;
                let same_group = |n: char| match c {
                    _ if lang == Lang::Pl => false,
                    '!' | '?' => lang != Lang::De && (n == '!' || n == '?'),
                    _ => n == c,
                };
                while let Some((n, nl)) = self.peek(i) {
                    if same_group(n) {
                        i += nl;
                    } else {
                        break;
                    }
                }
            }
            _ => {}
        }
        self.push(start, i, TokenKind::Punct);
        i
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn class_table_is_class_slow() {
        for u in 0x80..super::CLASS_TABLE_END + 0x100 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(super::class(c), super::class_slow(c), "U+{u:04X}");
            }
        }
    }

    use super::*;

    fn toks(text: &str, lang: Lang) -> Vec<&str> {
        tokenize(text, lang).iter().map(|t| t.text(text)).collect()
    }

    fn kinds(text: &str, lang: Lang) -> Vec<(&str, TokenKind)> {
        tokenize(text, lang)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn english_clitics_and_abbreviations() {
        assert_eq!(
            toks(
                "Mr. Smith doesn't think it's the U.S. plan, they're sure.",
                Lang::En
            ),
            [
                "Mr.", "Smith", "does", "n't", "think", "it", "'s", "the", "U.S.", "plan", ",",
                "they", "'re", "sure", "."
            ]
        );
        assert_eq!(
            toks("John’s car, O'Brien, e.g. this", Lang::En),
            ["John", "’s", "car", ",", "O'Brien", ",", "e.g.", "this"]
        );
        assert_eq!(toks("I can't", Lang::En), ["I", "ca", "n't"]);
        assert_eq!(
            toks("anti-war e-mail long-term", Lang::En),
            ["anti-war", "e-mail", "long", "-", "term"]
        );
    }

    #[test]
    fn polish_rules() {
        assert_eq!(
            toks("Gen. płk. Nowak, tzw. ekspert, ul. Polna 3.", Lang::Pl),
            [
                "Gen", ".", "płk", ".", "Nowak", ",", "tzw", ".", "ekspert", ",", "ul", ".",
                "Polna", "3", "."
            ]
        );
        assert_eq!(
            toks("Rosji-Białorusi NATO-wski e-mail", Lang::Pl),
            ["Rosji", "-", "Białorusi", "NATO-wski", "e-mail"]
        );
        assert_eq!(toks("20. rocznica", Lang::Pl), ["20", ".", "rocznica"]);
        assert_eq!(
            toks("1 300 km i 3,5 mln", Lang::Pl),
            ["1 300", "km", "i", "3,5", "mln"]
        );
    }

    #[test]
    fn cyrillic_rules() {
        assert_eq!(
            toks("Пресс-секретарь, т.е. ул. Ленина, 1-й", Lang::Ru),
            ["Пресс-секретарь", ",", "т.е.", "ул.", "Ленина", ",", "1-й"]
        );
        assert_eq!(
            toks("вул. Шевченка, 1-й, т. зв.", Lang::Uk),
            ["вул", ".", "Шевченка", ",", "1-й", ",", "т", ".", "зв", "."]
        );
        assert_eq!(toks("S-400 i KC-135", Lang::Pl), ["S-400", "i", "KC-135"]);
        assert_eq!(toks("S-400", Lang::En), ["S", "-", "400"]);
        assert_eq!(
            toks("x &#39;&#39;y&amp; AT&T", Lang::Ru),
            ["x", "&#39;&#39;", "y", "&amp;", "AT", "&", "T"]
        );
        assert_eq!(
            toks(
                "м'ясо, об’єкт і будь-який по-українському Чорно-білі",
                Lang::Uk
            ),
            [
                "м'ясо",
                ",",
                "об’єкт",
                "і",
                "будь-який",
                "по-українському",
                "Чорно",
                "-",
                "білі"
            ]
        );
        assert_eq!(toks("мʼясо", Lang::Uk), ["мʼясо"]);
        // Latin look-alike letters inside a Cyrillic word.
        assert_eq!(toks("Пyтин", Lang::Ru), ["Пyтин"]);
    }

    #[test]
    fn numbers_dates_money() {
        assert_eq!(
            toks("On 14.01.1928 at 12:30, 45% of $3.5bn (€2,000).", Lang::En),
            [
                "On",
                "14.01.1928",
                "at",
                "12:30",
                ",",
                "45",
                "%",
                "of",
                "$",
                "3.5bn",
                "(",
                "€",
                "2,000",
                ")",
                "."
            ]
        );
        // NBSP and narrow NBSP thousands separators in every language.
        assert_eq!(
            toks("1\u{00A0}300 i 2\u{202F}500 000", Lang::En),
            ["1\u{00A0}300", "i", "2\u{202F}500", "000"]
        );
        assert_eq!(toks("2\u{202F}500 000", Lang::Uk), ["2\u{202F}500 000"]);
        assert_eq!(toks("am 3. Oktober", Lang::De), ["am", "3.", "Oktober"]);
        let k = kinds("3,5 km", Lang::Pl);
        assert_eq!(k[0], ("3,5", TokenKind::Number));
    }

    #[test]
    fn web_tokens() {
        let t = "See https://example.com/a_(b)?x=1, mail jan.kowalski@onet.pl #Wybory2023 @user_1 vk.com/news.";
        assert_eq!(
            kinds(t, Lang::En),
            [
                ("See", TokenKind::Word),
                ("https://example.com/a_(b)?x=1", TokenKind::Url),
                (",", TokenKind::Punct),
                ("mail", TokenKind::Word),
                ("jan.kowalski@onet.pl", TokenKind::Email),
                ("#Wybory2023", TokenKind::Hashtag),
                ("@user_1", TokenKind::Mention),
                ("vk.com/news", TokenKind::Url),
                (".", TokenKind::Punct),
            ]
        );
    }

    #[test]
    fn emoji_and_invisible_characters() {
        let t = "Ok 👍🏽 👨‍👩‍👧 🇵🇱! Ku\u{00AD}ba wo\u{200D}rd \u{200F}x\u{200E} e\u{0301}te";
        assert_eq!(
            kinds(t, Lang::Pl),
            [
                ("Ok", TokenKind::Word),
                ("👍🏽", TokenKind::Emoji),
                ("👨‍👩‍👧", TokenKind::Emoji),
                ("🇵🇱", TokenKind::Emoji),
                ("!", TokenKind::Punct),
                ("Ku\u{00AD}ba", TokenKind::Word),
                ("wo\u{200D}rd", TokenKind::Word),
                ("x", TokenKind::Word),
                ("e\u{0301}te", TokenKind::Word),
            ]
        );
    }

    #[test]
    fn quotes_dashes_ellipses() {
        assert_eq!(
            toks(
                "„Tak” – «нет» “yes” ‚a‘ ‹b› \"c\" 'd' wait... ok…",
                Lang::Uk
            ),
            [
                "„", "Tak", "”", "–", "«", "нет", "»", "“", "yes", "”", "‚", "a", "‘", "‹", "b",
                "›", "\"", "c", "\"", "'", "d", "'", "wait", "...", "ok", "…"
            ]
        );
        assert_eq!(
            toks("a--b ?! ''x''", Lang::En),
            ["a", "--", "b", "?!", "''", "x", "''"]
        );
        // UD PDB writes an ellipsis made of dots as separate dots.
        assert_eq!(toks("no... tak", Lang::Pl), ["no", ".", ".", ".", "tak"]);
        assert_eq!(
            toks("Yay :) $$$ ===", Lang::En),
            ["Yay", ":)", "$$$", "==="]
        );
    }

    #[test]
    fn crlf_and_cjk() {
        assert_eq!(
            toks("a\r\nb 北京市", Lang::Und),
            ["a", "b", "北", "京", "市"]
        );
    }
}
