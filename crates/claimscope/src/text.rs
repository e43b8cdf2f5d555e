//! Text handling: UTF-8 validation, ignorable characters, boilerplate lines,
//! and document metadata lines.

use std::sync::LazyLock;

use crate::actors::fold::CharBits;
use crate::error::{Error, Result};
use crate::span::Span;

/// Validates UTF-8 input, naming the first invalid byte.
///
/// # Errors
/// [`Error::InvalidUtf8`] with the byte offset of the first invalid byte.
///
/// # Examples
/// ```
/// use claimscope::text::decode;
/// assert!(decode("Łódź".as_bytes()).is_ok());
/// assert!(decode(b"ok\xff").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        byte: e.valid_up_to(),
    })
}

/// True for characters that are invisible inside words: soft hyphen, zero-width
/// space/joiners, word joiner, BOM and bidi marks.
#[must_use]
pub fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// True for horizontal whitespace of any kind, including NBSP and narrow NBSP.
#[must_use]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Lowercases a word, drops ignorable characters and folds typographic
/// apostrophes to `'`.
#[must_use]
pub fn normalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_normalized_word(&mut out, word);
    out
}

/// The normalized words ([`normalize_word`]) of a document's word tokens,
/// one after another in one buffer: made once per document and read by the
/// actor and claim stages.
#[derive(Debug, Clone, Default)]
pub(crate) struct Norms {
    buf: String,
    /// Per token: its byte range in `buf`, or `None` when it is not a word.
    at: Vec<Option<(usize, usize)>>,
}

impl Norms {
    /// Normalizes the word tokens of `text`.
    ///
    /// In a text mostly of ASCII (two thirds of its bytes or more: English,
    /// Polish, German, French), `buf` starts with the whole text,
    /// ASCII-lowercased and with `` ` `` as `'`, made in one pass: an ASCII
    /// word's normalized form is then its own span of `buf` (as
    /// [`push_normalized_word`] would write it), and only the other words are
    /// normalized one by one, after the text. In other texts (Cyrillic), every
    /// word is normalized one by one.
    pub(crate) fn new(text: &str, tokens: &[crate::model::Token]) -> Norms {
        let ascii = text.len() - count_non_ascii(text.as_bytes());
        let mut buf;
        let whole = ascii * 3 >= text.len() * 2;
        if whole {
            buf = String::with_capacity(text.len() + (text.len() - ascii) * 2);
            buf.push_str(text);
            buf.make_ascii_lowercase();
            if text.as_bytes().contains(&b'`') {
                buf = buf.replace('`', "'");
            }
        } else {
            buf = String::with_capacity(text.len());
        }
        let at = tokens
            .iter()
            .map(|t| {
                (t.kind == crate::model::TokenKind::Word).then(|| {
                    let word = t.text(text);
                    if whole && word.is_ascii() {
                        return (t.span.start(), t.span.end());
                    }
                    let start = buf.len();
                    push_normalized_word(&mut buf, word);
                    (start, buf.len())
                })
            })
            .collect();
        Norms { buf, at }
    }

    /// The normalized word of token `i`, if it is a word.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let (s, e) = (*self.at.get(i)?)?;
        self.buf.get(s..e)
    }

    /// Is token `i` a word (false past the last token)?
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.at.get(i).is_some_and(Option::is_some)
    }
}

/// How many bytes of `b` are not ASCII (eight at a time).
fn count_non_ascii(b: &[u8]) -> usize {
    let chunks = b.chunks_exact(8);
    let tail = chunks.remainder().iter().filter(|&&x| x >= 0x80).count();
    chunks.fold(tail, |n, c| {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        // The high bits moved down to one per byte, summed by a multiply
        // (count_ones is a software loop without the popcnt feature).
        let ones = (w & 0x8080_8080_8080_8080) >> 7;
        n + (ones.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
    })
}

/// Appends [`normalize_word`]`(word)` to `out` (for callers that keep the
/// words of a document in one buffer).
pub(crate) fn push_normalized_word(out: &mut String, word: &str) {
    if word.is_ascii() {
        // ASCII: no ignorable characters, and `` ` `` is the only apostrophe to fold.
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        // A plain loop: words are short, and `str::contains` sets up a memchr.
        if word.bytes().any(|b| b == b'`') {
            let folded = out[start..].replace('`', "'");
            out.truncate(start);
            out.push_str(&folded);
        }
        return;
    }
    out.reserve(word.len());
    for c in word.chars() {
        let u = u32::from(c);
        match u {
            0..0x80 => {
                out.push(if c == '`' {
                    '\''
                } else {
                    c.to_ascii_lowercase()
                });
                continue;
            }
            // Basic Cyrillic: А–Я → а–я, Ѐ–Џ → ѐ–џ (as `char::to_lowercase`).
            0x400..=0x45F => {
                let l = match u {
                    0x400..=0x40F => u + 0x50,
                    0x410..=0x42F => u + 0x20,
                    _ => u,
                };
                out.push(char::from_u32(l).unwrap_or(c));
                continue;
            }
            // Latin-1 and Latin Extended-A letters: never ignorable nor apostrophes.
            0xC0..=0x17F => {
                push_lowercase(out, c);
                continue;
            }
            _ => {}
        }
        if is_ignorable(c) {
            continue;
        }
        match c {
            '\u{2019}' | '\u{02BC}' | '\u{2018}' | '\u{00B4}' => out.push('\''),
            _ => push_lowercase(out, c),
        }
    }
}

/// Code points below this have their lowercase in [`LOWER`] (Latin, Greek,
/// Cyrillic, Armenian, and the caseless Hebrew and Arabic blocks).
const LOWER_TABLE_END: u32 = 0x0900;

/// `char::to_lowercase` of every code point below [`LOWER_TABLE_END`] when it is
/// one code point, else `u16::MAX` (only `İ`, whose lowercase is `i` + U+0307).
/// Filled from the standard library on first use, so it cannot disagree with it.
static LOWER: LazyLock<[u16; LOWER_TABLE_END as usize]> = LazyLock::new(|| {
    let mut t = [u16::MAX; LOWER_TABLE_END as usize];
    for (u, slot) in (0u32..).zip(t.iter_mut()) {
        let Some(c) = char::from_u32(u) else { continue };
        let mut l = c.to_lowercase();
        if let (Some(one), None) = (l.next(), l.next()) {
            if let Ok(v) = u16::try_from(u32::from(one)) {
                if v != u16::MAX {
                    *slot = v;
                }
            }
        }
    }
    t
});

/// The lowercase of `c` when it is a single code point and `c` is ASCII, Latin,
/// Greek or Cyrillic (a table look-up instead of the standard library's search);
/// `None` otherwise: then use `c.to_lowercase()`.
#[inline]
pub(crate) fn lowercase_one(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    let u = u32::from(c);
    if u >= LOWER_TABLE_END {
        return None;
    }
    let v = LOWER[u as usize];
    if v == u16::MAX {
        None
    } else {
        char::from_u32(u32::from(v))
    }
}

/// The char starting at byte `i` of `b` (the bytes of a `str`, `i` on a char
/// boundary) and its length; `None` at or past the end. Decoded by hand: for
/// loops that visit every char of a text.
#[inline]
pub(crate) fn char_at(b: &[u8], i: usize) -> Option<(char, usize)> {
    let b0 = *b.get(i)?;
    if b0 < 0x80 {
        return Some((b0 as char, 1));
    }
    let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let (u, l) = if b0 < 0xE0 {
        ((u32::from(b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            (u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    };
    Some((char::from_u32(u).unwrap_or('\u{FFFD}'), l))
}

/// `c.is_alphabetic()`, answered without the Unicode tables for ASCII,
/// Latin-1, Latin Extended-A and basic Cyrillic (all letters there but `×`
/// and `÷`).
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match u32::from(c) {
        0..0x80 => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x17F | 0x400..=0x45F => true,
        u => ALPHA.get(u).unwrap_or_else(|| c.is_alphabetic()),
    }
}

/// `char::is_alphabetic` below U+3000.
static ALPHA: LazyLock<CharBits> = LazyLock::new(|| CharBits::new(char::is_alphabetic));

/// Appends the lowercase of `c` (exactly `out.extend(c.to_lowercase())`).
#[inline]
pub(crate) fn push_lowercase(out: &mut String, c: char) {
    match lowercase_one(c) {
        Some(l) => out.push(l),
        None => out.extend(c.to_lowercase()),
    }
}

/// Writes the lowercase of the characters of `s` into `buf`, character by
/// character (`Σ` is always `σ`: unlike `str::to_lowercase`, no final sigma), and
/// stops after the first character that takes the output past `cap` bytes.
/// Returns the bytes written and whether all of `s` was lowercased.
/// `buf` must hold `cap` bytes plus one lowercased character (12 bytes).
pub(crate) fn lowercase_head<'b>(s: &str, cap: usize, buf: &'b mut [u8]) -> (&'b str, bool) {
    debug_assert!(buf.len() >= cap + 12);
    // ASCII (most words and lines): the first `cap + 1` chars are as many
    // bytes, each lowercased alone.
    let k = s.len().min(cap + 1);
    if let Some(head) = s.as_bytes().get(..k).filter(|h| h.is_ascii()) {
        buf[..k].copy_from_slice(head);
        buf[..k].make_ascii_lowercase();
        return (utf8_prefix(buf, k), k == s.len());
    }
    let mut n = 0;
    let mut chars = s.chars();
    while n <= cap {
        let Some(c) = chars.next() else {
            return (utf8_prefix(buf, n), true);
        };
        match lowercase_one(c) {
            Some(l) => n += l.encode_utf8(&mut buf[n..]).len(),
            None => {
                for l in c.to_lowercase() {
                    n += l.encode_utf8(&mut buf[n..]).len();
                }
            }
        }
    }
    let complete = chars.as_str().is_empty();
    (utf8_prefix(buf, n), complete)
}

/// Calls `f` with `s.to_lowercase()`, made in a stack buffer (no allocation)
/// when the lowercased word fits 64 bytes and has no `Σ` (the one letter
/// whose lowercase depends on its place in the word); allocated otherwise.
pub(crate) fn with_to_lowercase<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 64;
    if !s.contains('Σ') {
        let mut buf = [0u8; MAX + 12];
        let (lower, whole) = lowercase_head(s, MAX, &mut buf);
        if whole && lower.len() <= MAX {
            return f(lower);
        }
    }
    f(&s.to_lowercase())
}

/// `buf[..n]` as text; it was written whole characters at a time.
fn utf8_prefix(buf: &[u8], n: usize) -> &str {
    std::str::from_utf8(&buf[..n]).unwrap_or_default()
}

/// Lines of the text (without their line break), with their byte spans.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        if pos > text.len() || (pos == text.len() && !text.is_empty() && pos != 0) {
            return None;
        }
        if text.is_empty() {
            pos = 1;
            return None;
        }
        let rest = &text[pos..];
        let (line_len, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (i, pos + i + 1),
            None => (rest.len(), text.len() + 1),
        };
        let mut end = pos + line_len;
        if end > pos && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        let span = Span::new(pos, end);
        pos = next;
        Some(span)
    })
}

/// Scraped-page boilerplate: a line made only of one of these (case-insensitive),
/// or starting with one of the "read more" prefixes, is flagged.
const BOILERPLATE_LINES: &[&str] = &[
    "reklama",
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "реклама",
    "share",
    "share this",
    "share this article",
    "udostępnij",
    "поделиться",
    "поділитися",
    "skip advertisement",
    "continue reading",
    "czytaj dalej",
    "читать далее",
    "читати далі",
];

const BOILERPLATE_PREFIXES: &[&str] = &[
    "czytaj więcej",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "read more",
    "read also",
    "see also",
    "related:",
    "читайте также",
    "читайте також",
    "смотрите также",
    "дивіться також",
    "this website uses cookies",
    "we use cookies",
    "ta strona używa",
    "używamy plików cookie",
    "мы используем cookie",
    "ми використовуємо cookie",
];

/// True when a line is scraped boilerplate ("Reklama", "Czytaj więcej …", "Read more",
/// "Читайте также", share and cookie lines).
///
/// # Examples
/// ```
/// use claimscope::text::is_boilerplate_line;
/// assert!(is_boilerplate_line("Reklama"));
/// assert!(is_boilerplate_line("  Читайте также: новости дня"));
/// assert!(!is_boilerplate_line("Reklamacje rosną, mówi prezes."));
/// ```
#[must_use]
pub fn is_boilerplate_line(line: &str) -> bool {
    let t = line.trim_matches(|c: char| c.is_whitespace() || is_ignorable(c));
    if t.is_empty() || t.len() > 400 {
        return false;
    }
    // Only the head of the line is lowercased: no list entry or prefix is longer.
    // Lowercasing goes character by character, and the trailing punctuation of
    // the lowercased line is the lowercase of the line's trailing punctuation, so
    // the bare line is the lowercase of the line without it. (`str::to_lowercase`
    // would make a final `Σ` `ς`, not `σ`: no entry or prefix has either, and both
    // are letters, so the answers are the same.)
    let mut buf = [0u8; BOILERPLATE_HEAD + 12];
    // Most lines start unlike every entry and prefix: the first two bytes of
    // their lowercased head tell (every entry and prefix has at least two:
    // `BOILERPLATE_PAIRS` does not compile otherwise; a line of one byte is no
    // entry), then its first two chars.
    let (head, _) = lowercase_head(t, 1, &mut buf);
    let pair_known = match *head.as_bytes() {
        [b0, b1, ..] => {
            let p = usize::from(b0) << 8 | usize::from(b1);
            BOILERPLATE_PAIRS[p >> 6] & (1 << (p & 63)) != 0
        }
        _ => false,
    };
    if !pair_known
        || !BOILERPLATE_LINES
            .iter()
            .chain(BOILERPLATE_PREFIXES)
            .any(|e| e.starts_with(head))
    {
        return false;
    }
    let bare_src = t.trim_end_matches(is_trailing_punct);
    let (bare, whole) = lowercase_head(bare_src, BOILERPLATE_LINE_MAX, &mut buf);
    if whole && BOILERPLATE_LINES.contains(&bare) {
        return true;
    }
    // Without its whole text, `lower` is longer than any prefix: a prefix and the
    // character after it (whole characters are written) are inside it.
    let (lower, _) = lowercase_head(t, BOILERPLATE_PREFIX_MAX, &mut buf);
    BOILERPLATE_PREFIXES.iter().any(|p| {
        lower.starts_with(p)
            && lower[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Punctuation trimmed from the end of a line before it is compared with the list.
fn is_trailing_punct(c: char) -> bool {
    c.is_ascii_punctuation() || c == '…'
}

/// The longest string of a list, in bytes.
const fn longest(list: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() > max {
            max = list[i].len();
        }
        i += 1;
    }
    max
}

/// Bit `b0 * 256 + b1`: some entry of either list starts with the bytes
/// `b0 b1` (every entry has at least two bytes).
static BOILERPLATE_PAIRS: [u64; 1024] = {
    let mut set = [0u64; 1024];
    let lists = [BOILERPLATE_LINES, BOILERPLATE_PREFIXES];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let b = lists[l][i].as_bytes();
            let p = (b[0] as usize) << 8 | b[1] as usize;
            set[p >> 6] |= 1 << (p & 63);
            i += 1;
        }
        l += 1;
    }
    set
};

const BOILERPLATE_LINE_MAX: usize = longest(BOILERPLATE_LINES);
const BOILERPLATE_PREFIX_MAX: usize = longest(BOILERPLATE_PREFIXES);
const BOILERPLATE_HEAD: usize = if BOILERPLATE_LINE_MAX > BOILERPLATE_PREFIX_MAX {
    BOILERPLATE_LINE_MAX
} else {
    BOILERPLATE_PREFIX_MAX
};

/// Byte spans of the boilerplate lines of a text.
#[must_use]
pub fn boilerplate_lines(text: &str) -> Vec<Span> {
    lines(text)
        .filter(|s| is_boilerplate_line(s.slice(text)))
        .collect()
}

/// A date from a leading metadata line such as ` date 2023-07-23 Introduction`:
/// the first non-empty line, starting with `date` (or `data`, `дата`) followed by
/// an ISO date. Returns the date and the span of the metadata prefix.
#[must_use]
pub fn metadata_date(text: &str) -> Option<(String, Span)> {
    let first = lines(text).find(|s| !s.slice(text).trim().is_empty())?;
    let line = first.slice(text);
    let lead = line.len() - line.trim_start().len();
    let body = line.trim_start();
    // The keys are at most 8 bytes: lowercase only the head of the line (a
    // scraped page can be one long line).
    let mut buf = [0u8; 24];
    let (lower, _) = lowercase_head(body, 8, &mut buf);
    let key = ["date", "data", "дата"]
        .into_iter()
        .find(|k| lower.starts_with(k))?;
    let rest = &body[key.len()..];
    let rest_trim = rest.trim_start_matches([' ', ':', '\t', '=']);
    let skipped = rest.len() - rest_trim.len();
    if skipped == 0 {
        return None;
    }
    let date = rest_trim.get(..10)?;
    let b = date.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !ok {
        return None;
    }
    let start = first.start() + lead;
    let end = start + key.len() + skipped + 10;
    Some((date.to_string(), Span::new(start, end)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn norms_are_the_normalized_words_in_both_modes() {
        // Mostly ASCII (the text is copied and lowercased whole), with a
        // backtick, typographic apostrophes and non-ASCII words; then mostly
        // Cyrillic (word by word).
        for text in [
            "The KREMLIN said Putin`s aide met Łukaszenko’s envoy in Kyiv; Zełenski wasn`t there.",
            "Песков ЗАЯВИЛ, что Путин`s встретился с Łukaszenko — «Кремль»",
        ] {
            let tokens = crate::tokenize::tokenize(text, crate::lang::Lang::En);
            let norms = Norms::new(text, &tokens);
            for (i, t) in tokens.iter().enumerate() {
                let want =
                    (t.kind == crate::model::TokenKind::Word).then(|| normalize_word(t.text(text)));
                assert_eq!(norms.get(i), want.as_deref(), "token {i} of {text}");
            }
        }
    }

    #[test]
    fn non_ascii_bytes_are_counted() {
        for text in [
            "",
            "abc",
            "Łódź",
            "Песков заявил",
            "aaaaaaaaŁaaaaaaaaaaaaaaaaaaaaé",
        ] {
            let want = text.bytes().filter(|b| !b.is_ascii()).count();
            assert_eq!(count_non_ascii(text.as_bytes()), want, "{text}");
        }
    }

    #[test]
    fn char_at_decodes_every_char() {
        let text = "aŁó€𝄞 Путін\u{10FFFF}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}";
        let b = text.as_bytes();
        for (i, c) in text.char_indices() {
            assert_eq!(char_at(b, i), Some((c, c.len_utf8())), "at {i}");
        }
        assert_eq!(char_at(b, b.len()), None);
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(char_at(s.as_bytes(), 0), Some((c, c.len_utf8())));
        }
    }

    #[test]
    fn is_alphabetic_is_the_unicode_property() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn normalized_words_append_to_a_buffer() {
        let mut buf = String::from("X|");
        for w in [
            "Ł\u{200B}ukaszenk\u{00AD}o’s",
            "SAID",
            "Macron`s",
            "ЗАЯВИЛ",
            "İstanbul",
        ] {
            push_normalized_word(&mut buf, w);
            buf.push('|');
        }
        assert_eq!(buf, "X|łukaszenko's|said|macron's|заявил|i\u{307}stanbul|");
    }

    #[test]
    fn invalid_utf8_names_byte() {
        match decode(b"abc\xc3(") {
            Err(Error::InvalidUtf8 { byte }) => assert_eq!(byte, 3),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn lines_with_crlf() {
        let t = "a\r\nbb\n\nc";
        let ls: Vec<&str> = lines(t).map(|s| s.slice(t)).collect();
        assert_eq!(ls, vec!["a", "bb", "", "c"]);
        assert_eq!(lines("").count(), 0);
        let t2 = "x\n";
        assert_eq!(
            lines(t2).map(|s| s.slice(t2)).collect::<Vec<_>>(),
            vec!["x"]
        );
    }

    #[test]
    fn boilerplate() {
        let t = "Tekst.\nReklama\nCzytaj więcej Świat Wojna\nReklamacje.";
        let b: Vec<&str> = boilerplate_lines(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(b, vec!["Reklama", "Czytaj więcej Świat Wojna"]);
        assert!(is_boilerplate_line("Advertisement"));
        assert!(is_boilerplate_line("Читайте також: Зеленський"));
        assert!(!is_boilerplate_line("Read moreover"));
    }

    #[test]
    fn seed_date_line() {
        let t = " date 2023-07-23 Introduction\n\nThe Russian President";
        let (d, s) = metadata_date(t).expect("date");
        assert_eq!(d, "2023-07-23");
        assert_eq!(s.slice(t), "date 2023-07-23");
        assert!(metadata_date("The date 2023-07-23").is_none());
        assert!(metadata_date("date: soon").is_none());
        for (t, want) in [
            ("DATA: 2024-01-02 x", Some("2024-01-02")),
            ("Дата = 2024-01-02", Some("2024-01-02")),
            ("ДАТА\t2024-01-02", Some("2024-01-02")),
            ("Dates: 2024-01-02", None),
            ("ΔATA: 2024-01-02", None),
            ("İdata: 2024-01-02", None),
            ("d", None),
            ("", None),
        ] {
            assert_eq!(metadata_date(t).map(|(d, _)| d).as_deref(), want, "{t:?}");
        }
    }

    #[test]
    fn normalize() {
        assert_eq!(
            normalize_word("Ł\u{200B}ukaszenk\u{00AD}o’s"),
            "łukaszenko's"
        );
    }

    // The implementations before the fast paths, kept as the reference.

    fn slow_normalize_word(word: &str) -> String {
        let mut out = String::with_capacity(word.len());
        for c in word.chars() {
            if is_ignorable(c) {
                continue;
            }
            match c {
                '\u{2019}' | '\u{02BC}' | '\u{2018}' | '`' | '\u{00B4}' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    fn slow_is_boilerplate_line(line: &str) -> bool {
        let t = line.trim_matches(|c: char| c.is_whitespace() || is_ignorable(c));
        if t.is_empty() || t.len() > 400 {
            return false;
        }
        let lower = t.to_lowercase();
        let bare = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…');
        if BOILERPLATE_LINES.contains(&bare) {
            return true;
        }
        BOILERPLATE_PREFIXES.iter().any(|p| {
            lower.starts_with(p)
                && lower[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    /// Whole-word `to_lowercase` into a 64-byte buffer (`None` when longer):
    /// the reference for the language detector's fast paths.
    pub(crate) fn slow_with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
        let mut buf = [0u8; 64];
        let mut n = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            let l = c.len_utf8();
            if n + l > buf.len() {
                return None;
            }
            c.encode_utf8(&mut buf[n..]);
            n += l;
        }
        std::str::from_utf8(&buf[..n]).ok().map(f)
    }

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFFu32).filter_map(char::from_u32)
    }

    #[test]
    fn lowercase_table_is_the_standard_library() {
        for c in all_chars() {
            let mut fast = String::new();
            push_lowercase(&mut fast, c);
            assert_eq!(fast, c.to_lowercase().collect::<String>(), "{c:?}");
            if let Some(l) = lowercase_one(c) {
                assert_eq!(c.to_lowercase().collect::<Vec<_>>(), vec![l], "{c:?}");
            }
            let one = c.to_string();
            assert_eq!(normalize_word(&one), slow_normalize_word(&one), "{c:?}");
        }
    }

    #[test]
    fn lowercasing_keeps_trailing_punctuation_apart() {
        // What `is_boilerplate_line` relies on to trim before lowercasing.
        for c in all_chars() {
            let lower: Vec<char> = c.to_lowercase().collect();
            if is_trailing_punct(c) {
                assert_eq!(lower, vec![c]);
            } else {
                assert!(
                    !lower.last().is_some_and(|&l| is_trailing_punct(l)),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn boilerplate_matches_reference_on_lists() {
        let mut lines: Vec<String> = Vec::new();
        for e in BOILERPLATE_LINES.iter().chain(BOILERPLATE_PREFIXES) {
            let upper = e.to_uppercase();
            for v in [e.to_string(), upper.clone()] {
                lines.push(v.clone());
                for tail in [
                    "", "!", "...", "…", " …", ":", "a", " a", "ę", "Σ", "!!!x", "\u{AD}",
                ] {
                    lines.push(format!("{v}{tail}"));
                    lines.push(format!("  \u{200B}{v}{tail}\u{FEFF} "));
                }
                lines.push(format!("{v}{}", "!".repeat(390)));
                lines.push(format!("{v}{}", "!".repeat(420)));
                lines.push(format!("{v} {}", "ΣΣ".repeat(40)));
            }
            // Kelvin sign and İ change the byte length when lowercased.
            lines.push(e.replace('k', "\u{212A}"));
            lines.push(e.replace('i', "\u{130}"));
            lines.push(e.replace('k', "\u{212A}").repeat(3));
        }
        lines.push("\u{212A}".repeat(60));
        lines.push(format!("share{}", "\u{212A}".repeat(20)));
        for l in &lines {
            assert_eq!(is_boilerplate_line(l), slow_is_boilerplate_line(l), "{l:?}");
        }
    }

    /// Pieces of test text: the characters and words the fast paths treat specially.
    #[rustfmt::skip]
    const PIECES: &[&str] = &[
        " ", "  ", "\n", "\r\n", "\t", "\u{A0}", "\u{202F}", "\u{2003}", "\u{3000}", "\u{85}",
        "\u{AD}", "\u{200B}", "\u{200D}", "\u{200E}", "\u{202E}", "\u{2060}", "\u{2066}",
        "\u{FEFF}", "’", "ʼ", "‘", "`", "´", "'", ".", ",", "!", "?", ":", "…", "...", "-", "—",
        "„", "“", "”", "«", "»", "/", "@", "=", "<", ">", "_", "www.", "http://x.pl", "a@b.c",
        "1", "42", "İ", "ı", "I", "i", "ß", "ẞ", "\u{212A}", "\u{212B}", "\u{2126}", "Σ", "ς",
        "σ", "ΟΔΟΣ", "\u{301}", "\u{307}", "\u{483}", "ǅ", "ǈ", "ᾼ", "ᾈ", "Ꭰ", "ꭰ", "𐐀", "𞤀", "Ą",
        "Ę", "Ł", "Ś", "Ź", "Ż", "Ć", "Ń", "Ó", "ą", "ł", "ż", "Ä", "Ö", "Ü", "É", "È", "Ç", "Œ",
        "Ÿ", "ÿ", "Ў", "ў", "Ї", "Є", "Ґ", "І", "і", "Ы", "Э", "Ё", "Ъ", "ъ", "Ѣ", "Ӏ", "ӏ", "Ԁ",
        "Ա", "дз", "Дз", "ДЗ", "ць", "Ць", "The", "THE", "and", "Się", "SIĘ", "że", "ŻE", "w",
        "W", "z", "Z", "Що", "ЧТО", "что", "ў", "З", "з", "й", "Й", "таксама", "ТАКСАМА",
        "толькі", "Reklama", "REKLAMA", "Advertisement", "ad", "AD", "Share this",
        "Czytaj więcej", "CZYTAJ WIĘCEJ", "Read more", "read moreover", "Related:",
        "Читайте также", "ЧИТАЙТЕ ТАКЖЕ", "Читати далі", "Дивіться також", "We use cookies",
        "Ми використовуємо cookie", "Рэспублiкi", "Łukaszenko", "Łódź", "Müller", "déclaré", "Ĳ",
        "ĳ", "Ǆ", "ȸ", "Ɐ",
    ];

    pub(crate) fn text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            2 => "[a-zA-Z]{1,8}",
            1 => (0x00C0u32..0x0530).prop_map(|u| char::from_u32(u).map(String::from).unwrap_or_default()),
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn fast_paths_match_reference(s in text()) {
            prop_assert_eq!(normalize_word(&s), slow_normalize_word(&s));
            prop_assert_eq!(is_boilerplate_line(&s), slow_is_boilerplate_line(&s));
            prop_assert_eq!(with_to_lowercase(&s, str::to_string), s.to_lowercase());
            for w in s.split_whitespace() {
                prop_assert_eq!(with_to_lowercase(w, str::to_string), w.to_lowercase());
                prop_assert_eq!(normalize_word(w), slow_normalize_word(w));
            }
            let b: Vec<Span> = lines(&s).filter(|l| slow_is_boilerplate_line(l.slice(&s))).collect();
            prop_assert_eq!(boilerplate_lines(&s), b);
        }

        #[test]
        fn any_string_matches_reference(s in any::<String>()) {
            prop_assert_eq!(normalize_word(&s), slow_normalize_word(&s));
            prop_assert_eq!(with_to_lowercase(&s, str::to_string), s.to_lowercase());
            prop_assert_eq!(is_boilerplate_line(&s), slow_is_boilerplate_line(&s));
        }
    }
}
