//! Text handling: UTF-8 validation, ignorable characters, boilerplate lines,
//! and document metadata lines.

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
    let lower = body.to_lowercase();
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
mod tests {
    use super::*;

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
    }

    #[test]
    fn normalize() {
        assert_eq!(
            normalize_word("Ł\u{200B}ukaszenk\u{00AD}o’s"),
            "łukaszenko's"
        );
    }
}
