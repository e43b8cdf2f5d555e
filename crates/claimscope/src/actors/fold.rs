//! A case-folded view of a text with a map back to the original bytes.
//!
//! Folding: Unicode lowercase, `ё`→`е` (and `Ё`), typographic apostrophes →
//! `'`, ignorable characters (soft hyphen, zero-width, bidi) dropped, runs of
//! whitespace → one space, the combining dot that `İ` lowercases to dropped.
//! Offsets found in the folded copy are mapped back with [`Folded::orig_span`];
//! the folded copy's offsets are never reported.

use crate::text::is_ignorable;

/// The folded text and its offset map.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `map[i]` = original byte offset of the char that produced folded byte `i`.
    map: Vec<u32>,
    /// `end[i]` = original byte offset just past that char.
    end: Vec<u32>,
}

/// Letter or digit (`char::is_alphanumeric`), answered without a table
/// look-up for ASCII, Latin-1, Latin Extended-A and basic Cyrillic.
#[inline]
#[must_use]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_alphanumeric();
    }
    if (0x400..=0x45F).contains(&u) || ((0xC0..=0x17F).contains(&u) && u != 0xD7 && u != 0xF7) {
        return true;
    }
    c.is_alphanumeric()
}

/// Where folded chars go: a `String`, or the bytes of one.
trait CharSink {
    fn push_char(&mut self, c: char);
}

impl CharSink for String {
    #[inline(always)]
    fn push_char(&mut self, c: char) {
        self.push(c);
    }
}

impl CharSink for Vec<u8> {
    #[inline(always)]
    fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

#[inline(always)]
fn push_char<S: CharSink>(out: &mut S, c: char) {
    let u = c as u32;
    // Fast paths with the same result as the general rule below.
    if u < 0x80 {
        out.push_char(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '`' => '\'',
            _ => c,
        });
        return;
    }
    match u {
        // А–Я → а–я; а–я, ђ–џ unchanged; Ѐ–Џ → ѐ–џ; ё, Ё → е.
        0x401 | 0x451 => {
            out.push_char('е');
            return;
        }
        0x410..=0x42F => {
            out.push_char(char::from_u32(u + 0x20).unwrap_or(c));
            return;
        }
        0x400..=0x40F => {
            out.push_char(char::from_u32(u + 0x50).unwrap_or(c));
            return;
        }
        // Lower-case Cyrillic; Hebrew, Arabic, Syriac, Thaana, N'Ko and the
        // other caseless scripts up to U+08FF (U+0590–U+08FF).
        0x430..=0x45F | 0x590..=0x8FF => {
            out.push_char(c);
            return;
        }
        _ => {}
    }
    match c {
        'ё' => out.push_char('е'),
        '\u{2019}' | '\u{02BC}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{2032}' => out.push_char('\''),
        '\u{0307}' => {}
        _ => {
            if c.is_lowercase() || !c.is_alphabetic() {
                out.push_char(c);
            } else {
                for l in c.to_lowercase() {
                    if l == '\u{0307}' {
                        continue;
                    }
                    out.push_char(if l == 'ё' { 'е' } else { l });
                }
            }
        }
    }
}

/// Folds a name or pattern the same way as a text (no map).
#[must_use]
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_space = false;
    for c in s.chars() {
        if is_ignorable(c) {
            continue;
        }
        if c.is_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            push_char(&mut out, c);
            prev_space = false;
        }
    }
    out
}

/// Folds a text.
#[must_use]
pub fn fold(text: &str) -> Folded {
    // Built as bytes: the ASCII runs below are copied a run at a time.
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let mut end: Vec<u32> = Vec::with_capacity(text.len() + 1);
    let mut prev_space = false;
    let bytes = text.as_bytes();
    let to_u32 = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
    let mut b = 0usize;
    while b < bytes.len() {
        let byte = bytes[b];
        // Fast paths, with the same result as the general rule below.
        // A run of ASCII (most bytes of most texts) without two whitespace
        // bytes in a row: one byte in, one byte out.
        if byte < 0x80 {
            let mut r = b;
            let mut space = prev_space;
            while let Some(&x) = bytes.get(r) {
                let ws = matches!(x, b'\t'..=b'\r' | b' ');
                if x >= 0x80 || (ws && space) {
                    break;
                }
                space = ws;
                r += 1;
            }
            if r == b {
                // Whitespace after whitespace: the space's end covers it.
                if let Some(last) = end.last_mut() {
                    *last = to_u32(b + 1);
                }
                b += 1;
                continue;
            }
            out.extend(bytes[b..r].iter().map(|&x| match x {
                b'A'..=b'Z' => x + 32,
                b'`' => b'\'',
                b'\t'..=b'\r' => b' ',
                _ => x,
            }));
            map.extend(to_u32(b)..to_u32(r));
            end.extend(to_u32(b + 1)..to_u32(r + 1));
            prev_space = space;
            b = r;
            continue;
        }
        let ob = to_u32(b);
        // Basic Cyrillic (U+0400–U+045F): two bytes in, two bytes out.
        if matches!(byte, 0xD0 | 0xD1) {
            if let Some(&next) = bytes.get(b + 1) {
                let u = (u32::from(byte & 0x1F) << 6) | u32::from(next & 0x3F);
                if u <= 0x45F {
                    let l = match u {
                        0x401 | 0x451 => 0x435,
                        0x410..=0x42F => u + 0x20,
                        0x400..=0x40F => u + 0x50,
                        _ => u,
                    };
                    // 0x400..=0x45F: lead byte 0xD0 or 0xD1, then 0x80 | low six bits.
                    out.extend([0xC0 | (l >> 6) as u8, 0x80 | (l & 0x3F) as u8]);
                    let oe = ob.saturating_add(2);
                    map.extend([ob, ob]);
                    end.extend([oe, oe]);
                    prev_space = false;
                    b += 2;
                    continue;
                }
            }
        }
        let Some(c) = text[b..].chars().next() else {
            break;
        };
        let next = b + c.len_utf8();
        // Two-byte letters of Latin-1, Latin Extended-A and basic Cyrillic
        // (lead bytes C3–C5, D0–D1: U+00C0–U+017F, U+0400–U+047F) are never
        // whitespace nor ignorable.
        let plain = matches!(byte, 0xC3..=0xC5 | 0xD0..=0xD1);
        if !plain && is_ignorable(c) {
            b = next;
            continue;
        }
        let before = out.len();
        if !plain && c.is_whitespace() {
            if prev_space {
                // Extend the space's end over the whole run.
                if let Some(last) = end.last_mut() {
                    *last = to_u32(next);
                }
                b = next;
                continue;
            }
            out.push(b' ');
            prev_space = true;
        } else {
            push_char(&mut out, c);
            prev_space = false;
        }
        let oe = to_u32(next);
        for _ in before..out.len() {
            map.push(ob);
            end.push(oe);
        }
        b = next;
    }
    let tl = to_u32(text.len());
    map.push(tl);
    end.push(tl);
    // Whole chars were appended: always valid UTF-8.
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Folded { text, map, end }
}

impl Folded {
    /// The original byte span of folded bytes `[s, e)` (non-empty).
    #[must_use]
    pub fn orig_span(&self, s: usize, e: usize) -> (usize, usize) {
        let os = self.map[s] as usize;
        let oe = if e == 0 { os } else { self.end[e - 1] as usize };
        (os, oe.max(os))
    }

    /// The original byte offset of folded byte `i`.
    #[must_use]
    pub fn orig(&self, i: usize) -> usize {
        self.map[i.min(self.map.len() - 1)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_through_length_changes() {
        let t = "İstanbul and Straße, ПЕСКОВ  Ёлкин\u{00AD}а";
        let f = fold(t);
        assert!(f.text.starts_with("istanbul and straße, песков елкина"));
        let i = f.text.find("straße").expect("found");
        let (s, e) = f.orig_span(i, i + "straße".len());
        assert_eq!(&t[s..e], "Straße");
        let i = f.text.find("песков").expect("found");
        let (s, e) = f.orig_span(i, i + "песков".len());
        assert_eq!(&t[s..e], "ПЕСКОВ");
        let i = f.text.find("istanbul").expect("found");
        let (s, e) = f.orig_span(i, i + "istanbul".len());
        assert_eq!(&t[s..e], "İstanbul");
        let i = f.text.find("елкина").expect("found");
        let (s, e) = f.orig_span(i, i + "елкина".len());
        assert_eq!(&t[s..e], "Ёлкин\u{00AD}а");
    }

    /// The general folding rule, without fast paths.
    fn push_char_reference(out: &mut String, c: char) {
        match c {
            'ё' => out.push('е'),
            '\u{2019}' | '\u{02BC}' | '\u{2018}' | '`' | '\u{00B4}' | '\u{2032}' => out.push('\''),
            '\u{0307}' => {}
            _ => {
                if c.is_lowercase() || !c.is_alphabetic() {
                    out.push(c);
                } else {
                    for l in c.to_lowercase() {
                        if l == '\u{0307}' {
                            continue;
                        }
                        out.push(if l == 'ё' { 'е' } else { l });
                    }
                }
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_the_general_rule() {
        for u in (0u32..0x3000).chain(0xFF00..0xFFFF) {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            let (mut a, mut b) = (String::new(), String::new());
            push_char(&mut a, c);
            push_char_reference(&mut b, c);
            assert_eq!(a, b, "U+{u:04X}");
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X}");
        }
    }

    /// `fold` as first written: char by char.
    fn fold_reference(text: &str) -> (String, Vec<(usize, usize)>) {
        let mut out = String::new();
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let mut prev_space = false;
        for (b, c) in text.char_indices() {
            if is_ignorable(c) {
                continue;
            }
            let before = out.len();
            if c.is_whitespace() {
                if prev_space {
                    if let Some(last) = spans.last_mut() {
                        last.1 = b + c.len_utf8();
                    }
                    continue;
                }
                out.push(' ');
                prev_space = true;
            } else {
                push_char_reference(&mut out, c);
                prev_space = false;
            }
            for _ in before..out.len() {
                spans.push((b, b + c.len_utf8()));
            }
        }
        (out, spans)
    }

    #[test]
    fn fold_agrees_with_the_char_by_char_reference() {
        let samples = [
            "İstanbul and Straße, ПЕСКОВ  Ёлкин\u{00AD}а \t\n x",
            "Łukaszenko powiedział: „Nie”. ЄС і Ґанок — ‘quoted’ `tick` ´acute",
            "\u{200B}\u{FEFF}  \r\n\u{0085}\u{00A0}end\u{0307}Ǆ ǅ ǆ ΣΑΣ ﬁ",
            "",
            " ",
        ];
        for t in samples {
            let f = fold(t);
            let (text, spans) = fold_reference(t);
            assert_eq!(f.text, text, "{t:?}");
            for (i, &(s, e)) in spans.iter().enumerate() {
                assert_eq!(
                    (f.map[i] as usize, f.end[i] as usize),
                    (s, e),
                    "{t:?} byte {i}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fold_agrees_on_random_text(t in "[a-zA-Z ĄąŁłŻżЁёЕеЄєІіЇїҐґ İıẞß\u{00AD}\u{200B}\u{0307}`’\t\n\u{00A0}ΣσǅΐŉﬁÅÅ.,0-9]{0,40}") {
            let f = fold(&t);
            let (text, spans) = fold_reference(&t);
            proptest::prop_assert_eq!(&f.text, &text);
            for (i, &(s, e)) in spans.iter().enumerate() {
                proptest::prop_assert_eq!((f.map[i] as usize, f.end[i] as usize), (s, e));
            }
        }
    }

    #[test]
    fn apostrophes_and_spaces() {
        assert_eq!(fold_str("Russia’s  \n new"), "russia's new");
    }
}
